"""Firewalls and DNS Zones in the fake cloud, driven through the SDK; replies checked by spec."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Iterator

import pytest

from hcloud_models import Client
from hcloud_models.errors import (
    ActionFailed,
    APIError,
    InvalidInputError,
    NotFoundError,
    ProtectedError,
    UniquenessError,
)
from tests import spec
from tests.testing.conftest import SpecCheckedCloud

HTTP = {"direction": "in", "protocol": "tcp", "port": "80", "source_ips": ["0.0.0.0/0", "::/0"]}
SSH = {"direction": "in", "protocol": "tcp", "port": "22", "source_ips": ["192.0.2.0/24"]}
ZONEFILE = (
    "$ORIGIN\texample.com.\n$TTL\t3600\n\n"
    "www\tIN\tA\t198.51.100.1 ; web\n"
    "www\t600\tIN\tA\t198.51.100.2\n"
    "mail.example.com.\tIN\tMX\t10 mx.example.net.\n"
)


@pytest.fixture
def client(fake: SpecCheckedCloud) -> Iterator[Client]:
    with fake.client() as c:
        yield c


def make_server(client: Client, name: str, labels: dict[str, str]) -> int:
    result = client.servers.create(
        name=name, server_type="cpx22", image="ubuntu-24.04", labels=labels
    )
    result.action.wait()
    return result.server.id


def firewall_ids(client: Client, server_id: int) -> list[tuple[int | None, str | None]]:
    firewalls = client.servers.get(server_id).public_net.firewalls or []
    return [(f.id, f.status) for f in firewalls]


def family_operations(prefix: str) -> set[str]:
    return {op for op, (_, path, _) in spec.operations().items() if path.startswith(prefix)}


# --- Firewalls --------------------------------------------------------------------


def test_firewall_applied_directly_and_by_label_reaches_servers(
    client: Client, fake: SpecCheckedCloud
) -> None:
    web = make_server(client, "web-1", {"role": "web"})
    db = make_server(client, "db-1", {"role": "db"})
    created = client.firewalls.create(name="edge", rules=[HTTP], apply_to=[db, "role=web"])
    assert [a.command for a in created.actions] == [
        "set_firewall_rules",
        "apply_firewall",
        "apply_firewall",
    ]
    firewall = created.firewall
    assert firewall_ids(client, web) == [(firewall.id, "pending")]
    client.actions.wait_all(created.actions)
    assert firewall_ids(client, web) == [(firewall.id, "applied")]
    assert firewall_ids(client, db) == [(firewall.id, "applied")]

    shown = firewall.reload()
    assert shown.rules[0].port == "80"
    by_type = {entry.type: entry for entry in shown.applied_to}
    assert by_type["server"].server is not None
    assert by_type["server"].server.id == db
    selector = by_type["label_selector"]
    assert selector.label_selector is not None
    assert selector.label_selector.selector == "role=web"
    assert selector.applied_to_resources is not None
    assert [r.server.id for r in selector.applied_to_resources if r.server] == [web]

    # Relabelling a server moves it out of (and into) the selector.
    client.servers.update(web, labels={"role": "batch"})
    assert firewall_ids(client, web) == []
    client.servers.update(db, labels={"role": "web"})
    assert firewall_ids(client, db) == [(firewall.id, "applied")]
    assert shown.reload().applied_to[1].applied_to_resources is not None


def test_firewall_rules_removal_and_deletion(client: Client, fake: SpecCheckedCloud) -> None:
    server = make_server(client, "app-1", {})
    firewall = client.firewalls.create(name="app").firewall
    client.actions.wait_all(firewall.apply_to_resources([server]))
    assert firewall_ids(client, server) == [(firewall.id, "applied")]

    actions = firewall.set_rules([HTTP, SSH])
    assert actions[0].command == "set_firewall_rules"
    assert [r.port for r in firewall.reload().rules] == ["80", "22"]
    client.firewalls.set_rules(firewall, [])
    assert firewall.reload().rules == []

    with pytest.raises(APIError) as in_use:
        firewall.delete()
    assert in_use.value.code == "resource_in_use"

    removed = firewall.remove_from_resources([server])
    assert [a.command for a in removed] == ["remove_firewall"]
    assert firewall_ids(client, server) == []
    assert firewall.reload().applied_to == []
    firewall.delete()
    with pytest.raises(NotFoundError):
        firewall.reload()
    assert fake["firewalls"] == {}


def test_a_new_server_takes_the_firewalls_its_body_names(
    client: Client, fake: SpecCheckedCloud
) -> None:
    firewall = client.firewalls.create(name="edge").firewall
    made = client.servers.create(
        name="web-1",
        server_type="cpx22",
        image="ubuntu-24.04",
        firewalls=[{"firewall": firewall.id}],
    )
    assert made.server.public_net.firewalls is not None
    assert [f.id for f in made.server.public_net.firewalls] == [firewall.id]
    applied = firewall.reload().applied_to
    assert [(e.type, e.server.id if e.server else None) for e in applied] == [
        ("server", made.server.id)
    ]
    with pytest.raises(InvalidInputError):
        client.servers.create(
            name="web-2", server_type="cpx22", image="ubuntu-24.04", firewalls=[{"firewall": 1}]
        )
    assert len(fake["servers"]) == 1
    made.server.delete().wait()
    assert firewall.reload().applied_to == []


def test_firewall_errors(client: Client, fake: SpecCheckedCloud) -> None:
    server = make_server(client, "web-1", {})
    firewall = client.firewalls.create(name="edge").firewall
    with pytest.raises(APIError) as missing:
        firewall.apply_to_resources([999])
    assert (missing.value.status, missing.value.code) == (404, "firewall_resource_not_found")
    client.actions.wait_all(firewall.apply_to_resources([server, "env=prod"]))
    with pytest.raises(APIError) as twice:
        firewall.apply_to_resources(["env=prod"])
    assert twice.value.code == "firewall_already_applied"
    with pytest.raises(APIError) as not_applied:
        firewall.remove_from_resources(["env=dev"])
    assert not_applied.value.status == 404
    with pytest.raises(UniquenessError):
        client.firewalls.create(name="edge")
    other = client.firewalls.create(name="other").firewall
    with pytest.raises(UniquenessError):
        other.update(name="edge")


def test_a_server_takes_five_firewalls_at_most(client: Client, fake: SpecCheckedCloud) -> None:
    server = make_server(client, "web-1", {"tier": "web"})
    for n in range(5):
        client.firewalls.create(name=f"fw-{n}", apply_to=[server])
    with pytest.raises(APIError) as limit:
        client.firewalls.create(name="fw-6", apply_to=["tier=web"])
    assert limit.value.code == "resource_limit_exceeded"
    assert {f["name"] for f in fake["firewalls"].values()} == {f"fw-{n}" for n in range(5)}


def test_a_failed_apply_leaves_the_firewall_off_the_server(
    client: Client, fake: SpecCheckedCloud
) -> None:
    server = make_server(client, "web-1", {})
    firewall = client.firewalls.create(name="edge").firewall
    fake.fail_next_actions("apply_firewall")
    (action,) = firewall.apply_to_resources([server])
    with pytest.raises(ActionFailed):
        action.wait()
    assert firewall.reload().applied_to == []
    assert firewall_ids(client, server) == []


def test_bad_rules_sent_past_the_sdk_are_refused(fake: SpecCheckedCloud) -> None:
    headers = {"Authorization": "Bearer t"}
    bad = [
        {"direction": "in", "protocol": "tcp", "source_ips": ["0.0.0.0/0"]},
        {"direction": "in", "protocol": "icmp", "port": "80", "source_ips": ["0.0.0.0/0"]},
        {"direction": "out", "protocol": "udp", "port": "53", "source_ips": ["0.0.0.0/0"]},
        {"direction": "in", "protocol": "tcp", "port": "80", "source_ips": ["10.0.0.1"]},
        {"direction": "in", "protocol": "tcp", "port": "70000", "source_ips": ["10.0.0.0/8"]},
    ]
    for rule in bad:
        body = json.dumps({"name": "x", "rules": [rule]}).encode()
        reply = fake.process("POST", "/v1/firewalls", headers=headers, body=body)
        assert reply.status == 422, rule
        assert json.loads(reply.body)["error"]["code"] == "invalid_input"
    assert fake["firewalls"] == {}


def test_firewall_lists_and_actions(client: Client, fake: SpecCheckedCloud) -> None:
    server = make_server(client, "web-1", {})
    a = client.firewalls.create(name="a", labels={"env": "prod"}, apply_to=[server]).firewall
    b = client.firewalls.create(name="b").firewall
    assert b.update(name="b2", labels={"env": "dev"}).name == "b2"
    assert [f.name for f in client.firewalls.list(label_selector="env=prod")] == ["a"]
    assert [f.name for f in client.firewalls.all(sort="name:desc")] == ["b2", "a"]
    found = client.firewalls.get_by_name("a")
    assert found is not None
    assert found.id == a.id
    commands = {action.command for action in a.actions()}
    assert commands == {"set_firewall_rules", "apply_firewall"}
    listed = client.firewalls.list_actions(status="running")
    assert {action.command for action in listed} == commands
    first = next(iter(listed))
    assert client.firewalls.get_action(first.id).id == first.id
    with pytest.warns(DeprecationWarning, match="get_action"):
        assert client.firewalls.get_action_of(a.id, first.id).id == first.id


# --- DNS Zones ----------------------------------------------------------------------


def test_primary_zone_with_rrsets_and_zone_file(client: Client, fake: SpecCheckedCloud) -> None:
    created = client.zones.create(
        name="example.com",
        mode="primary",
        ttl=3600,
        labels={"env": "prod"},
        rrsets=[{"name": "www", "type": "A", "records": [{"value": "198.51.100.1"}]}],
    )
    created.action.wait()
    zone = client.zones.get("example.com")
    assert zone.id == created.zone.id
    assert zone.record_count == 5  # SOA, three NS, one A
    types = sorted((r.name, r.type) for r in zone.list_rrsets())
    assert types == [("@", "NS"), ("@", "SOA"), ("www", "A")]
    exported = zone.export_zonefile()
    assert exported.startswith("$ORIGIN\texample.com.")
    assert "www\tIN\tA\t198.51.100.1" in exported

    zone.import_zonefile(ZONEFILE).wait()
    rrsets = {(r.name, r.type): r for r in client.zone_rrsets.all(zone)}
    assert set(rrsets) == {("@", "SOA"), ("@", "NS"), ("www", "A"), ("mail", "MX")}
    www = rrsets[("www", "A")]
    assert [(r.value, r.comment) for r in www.records] == [
        ("198.51.100.1", "web"),
        ("198.51.100.2", None),
    ]
    assert rrsets[("mail", "MX")].records[0].value == "10 mx.example.net."

    with pytest.raises(InvalidInputError):
        zone.import_zonefile("www IN BOGUS 1.2.3.4\n")
    with pytest.raises(UniquenessError):
        client.zones.create(name="example.com", mode="primary")


def test_rrset_records_ttl_and_protection(client: Client, fake: SpecCheckedCloud) -> None:
    zone = client.zones.create(name="example.org", mode="primary").zone
    made = zone.create_rrset(name="www", type="A", records=["198.51.100.1"], labels={"a": "b"})
    rrset = made.rrset
    assert (rrset.id, rrset.ttl, rrset.zone) == ("www/A", None, zone.id)

    rrset.add_records(["198.51.100.2"], ttl=600).wait()
    assert rrset.reload().ttl == 600
    with pytest.raises(InvalidInputError):
        rrset.add_records(["198.51.100.3"], ttl=300)
    rrset.update_records([{"value": "198.51.100.2", "comment": "second"}])
    assert [r.comment for r in rrset.reload().records] == [None, "second"]
    rrset.set_records(["203.0.113.9"])
    assert [r.value for r in rrset.reload().records] == ["203.0.113.9"]
    rrset.change_ttl(None)
    assert rrset.reload().ttl is None
    assert rrset.update(labels={"env": "dev"}).labels == {"env": "dev"}

    rrset.change_protection(change=True)
    with pytest.raises(ProtectedError):
        rrset.set_records(["203.0.113.10"])
    with pytest.raises(ProtectedError):
        rrset.delete()
    with pytest.raises(ProtectedError):
        zone.import_zonefile(ZONEFILE)
    rrset.change_protection(change=False)

    # add_records creates a missing RRSet; removing its last record deletes it.
    client.zone_rrsets.add_records((zone.name, "mail", "MX"), ["10 mx.example.net."])
    mx = client.zone_rrsets.get(zone, "mail", "MX")
    assert mx.records[0].value == "10 mx.example.net."
    mx.remove_records(["10 mx.example.net."])
    with pytest.raises(NotFoundError):
        mx.reload()
    rrset.delete().wait()
    with pytest.raises(NotFoundError):
        client.zone_rrsets.get(zone.id, "www", "A")
    listed = client.zone_rrsets.list(zone, type=["SOA", "NS"], sort="name")
    assert {r.type for r in listed} == {"SOA", "NS"}


def test_secondary_zone(client: Client, fake: SpecCheckedCloud) -> None:
    zone = client.zones.create(
        name="example.net",
        mode="secondary",
        primary_nameservers=[{"address": "198.51.100.53"}],
    ).zone
    assert zone.primary_nameservers is not None
    assert zone.primary_nameservers[0].port == 53
    zone.change_primary_nameservers(
        [
            {
                "address": "2001:db8::53",
                "port": 5353,
                "tsig_key": "a2V5",
                "tsig_algorithm": "hmac-sha256",
            }
        ]
    ).wait()
    fresh = zone.reload()
    assert fresh.primary_nameservers is not None
    assert fresh.primary_nameservers[0].tsig_algorithm == "hmac-sha256"
    for call in (
        lambda: zone.change_ttl(600),
        lambda: zone.create_rrset(name="www", type="A", records=["198.51.100.1"]),
        lambda: zone.import_zonefile(ZONEFILE),
    ):
        with pytest.raises(APIError) as wrong_mode:
            call()
        assert wrong_mode.value.code == "incorrect_zone_mode"
    primary = client.zones.create(name="example.io", mode="primary").zone
    with pytest.raises(APIError) as wrong:
        primary.change_primary_nameservers([{"address": "198.51.100.53"}])
    assert wrong.value.code == "incorrect_zone_mode"
    assert [z.name for z in client.zones.list(mode="secondary")] == ["example.net"]


def test_zone_protection_ttl_labels_and_deletion(client: Client, fake: SpecCheckedCloud) -> None:
    zone = client.zones.create(name="example.com", mode="primary").zone
    zone.change_ttl(7200).wait()
    assert zone.reload().ttl == 7200
    assert zone.update(labels={"team": "dns"}).labels == {"team": "dns"}
    zone.change_protection(delete=True)
    assert zone.reload().protection.delete is True
    with pytest.raises(ProtectedError):
        zone.delete()
    client.zones.change_protection("example.com", delete=False)
    commands = {a.command for a in client.zones.actions("example.com")}
    assert {"create_zone", "change_ttl", "change_protection"} <= commands
    first = next(iter(client.zones.list_actions()))
    assert client.zones.get_action(first.id).id == first.id
    with pytest.warns(DeprecationWarning, match="get_action"):
        assert client.zones.get_action_of(zone, first.id).id == first.id
    client.zones.delete("example.com").wait()
    with pytest.raises(NotFoundError):
        client.zones.get("example.com")
    assert fake["zones"] == {}


def test_zone_input_sent_past_the_sdk_is_refused(fake: SpecCheckedCloud) -> None:
    headers = {"Authorization": "Bearer t"}
    bad = [
        {"name": "Example.com", "mode": "primary"},
        {"name": "example.com.", "mode": "primary"},
        {"name": "example.com", "mode": "secondary"},
        {"name": "example.com", "mode": "primary", "ttl": 5},
        {"name": "example.com", "mode": "primary", "rrsets": [{"name": "www", "type": "A"}]},
    ]
    for body in bad:
        reply = fake.process("POST", "/v1/zones", headers=headers, body=json.dumps(body).encode())
        assert reply.status == 422, body
    assert fake["zones"] == {}


def test_async_client_walks_zones_and_firewalls(fake: SpecCheckedCloud) -> None:
    async def scenario() -> None:
        async with fake.async_client() as client:
            zone = (await client.zones.create(name="example.com", mode="primary")).zone
            rrset = (
                await zone.create_rrset(name="www", type="AAAA", records=["2001:db8::1"])
            ).rrset
            await (await rrset.add_records(["2001:db8::2"])).wait()
            assert len((await rrset.reload()).records) == 2
            assert "2001:db8::2" in await zone.export_zonefile()
            firewall = (await client.firewalls.create(name="fw", rules=[HTTP])).firewall
            await firewall.set_rules([SSH])
            assert (await firewall.reload()).rules[0].port == "22"

    asyncio.run(scenario())


SCENARIOS = [
    test_firewall_applied_directly_and_by_label_reaches_servers,
    test_firewall_rules_removal_and_deletion,
    test_firewall_errors,
    test_firewall_lists_and_actions,
    test_primary_zone_with_rrsets_and_zone_file,
    test_rrset_records_ttl_and_protection,
    test_secondary_zone,
    test_zone_protection_ttl_labels_and_deletion,
]


def test_every_firewall_and_zone_operation_is_served_and_checked() -> None:
    checked: set[str] = set()
    routed: set[tuple[str, str]] = set()
    for scenario in SCENARIOS:
        fake = SpecCheckedCloud()
        with fake.client() as client:
            scenario(client, fake)
        checked |= fake.checked
        routed |= set(fake.operations)
    wanted = family_operations("/firewalls") | family_operations("/zones")
    assert len(wanted) == 37
    for operation_id in wanted:
        method, path, _ = spec.operations()[operation_id]
        assert (method, path) in routed, operation_id
    # Every reply with a body was validated against the spec (deleting a Firewall replies 204).
    assert wanted - checked == {"delete_firewall"}
