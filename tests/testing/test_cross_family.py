"""Effects across families in the fake cloud, driven by the SDK.

Creating a server with ``volumes``, ``networks``, ``firewalls``,
``placement_group`` and ``public_net`` updates both sides; deleting a server
updates every family at the moment it goes (checked on the stored state right
after the delete action ends, before any route of the other family is called);
relabelling a server moves it in or out of label selectors at once.  Every
reply is checked against the spec by the ``fake`` fixture.
"""

from __future__ import annotations

import asyncio
import json
from typing import Any

import pytest

from hcloud_models import AsyncClient, Client, RetryPolicy
from hcloud_models.errors import APIError, InvalidInputError, NotFoundError
from hcloud_models.testing import FakeCloud
from tests import spec
from tests.testing.conftest import SpecCheckedCloud, operation_of


def raw(fake: SpecCheckedCloud, method: str, path: str, body: Any = None) -> tuple[int, Any]:
    """Send a request around the SDK (whose own checks would refuse bad bodies)."""
    content = b"" if body is None else json.dumps(body).encode()
    reply = fake.process(method, path, "", {"Authorization": "Bearer t"}, content)
    return reply.status, json.loads(reply.body) if reply.body else None


@pytest.fixture
def client(fake: SpecCheckedCloud) -> Client:
    return fake.client(retry=RetryPolicy.disabled())


def neighbours(client: Client) -> dict[str, Any]:
    """A Volume, a network with a subnet, a Firewall, a placement group and a Primary IP."""
    volume = client.volumes.create(name="data", size=10, location="fsn1")
    volume.action.wait()
    network = client.networks.create(
        name="net",
        ip_range="10.0.0.0/16",
        subnets=[{"type": "cloud", "network_zone": "eu-central", "ip_range": "10.0.1.0/24"}],
    )
    firewall = client.firewalls.create(name="edge").firewall
    group = client.placement_groups.create(name="spread", type="spread").placement_group
    ip = client.primary_ips.create(name="kept", type="ipv4", location="fsn1").primary_ip
    return {
        "volume": volume.volume,
        "network": network,
        "firewall": firewall,
        "group": group,
        "ip": ip,
    }


def create_with_everything(client: Client, made: dict[str, Any]) -> Any:
    return client.servers.create(
        name="web-1",
        server_type="cpx22",
        image="ubuntu-24.04",
        location="fsn1",
        volumes=[made["volume"].id],
        automount=False,
        networks=[made["network"].id],
        firewalls=[{"firewall": made["firewall"].id}],
        placement_group=made["group"].id,
        public_net={"ipv4": made["ip"].id, "enable_ipv6": False},
    )


def test_server_created_with_other_families_objects_shows_both_sides(
    fake: SpecCheckedCloud, client: Client
) -> None:
    made = neighbours(client)
    created = create_with_everything(client, made)
    server = created.server
    # The reply of POST /servers already shows every attachment.
    assert server.volumes == [made["volume"].id]
    assert [(n.network, n.ip) for n in server.private_net] == [(made["network"].id, "10.0.1.1")]
    assert [(f.id, f.status) for f in server.public_net.firewalls] == [
        (made["firewall"].id, "applied")
    ]
    assert server.placement_group is not None
    assert server.placement_group.id == made["group"].id
    assert server.public_net.ipv4 is not None
    assert (server.public_net.ipv4.id, server.public_net.ipv4.ip) == (made["ip"].id, made["ip"].ip)
    assert server.public_net.ipv6 is None
    # The other sides.
    assert made["volume"].reload().server == server.id
    assert made["network"].reload().servers == [server.id]
    assert made["group"].reload().servers == [server.id]
    ip = made["ip"].reload()
    assert (ip.assignee_id, ip.auto_delete) == (server.id, False)
    applied = made["firewall"].reload().applied_to
    assert [(a.type, a.server.id if a.server else None) for a in applied] == [("server", server.id)]
    assert [p.type for p in client.primary_ips.all()] == ["ipv4"]  # no IPv6 was made
    # A second server on the same network gets the next address.
    second = client.servers.create(
        name="web-2",
        server_type="cpx22",
        image="ubuntu-24.04",
        location="fsn1",
        networks=[made["network"].id],
        public_net={"enable_ipv4": False, "enable_ipv6": False},
    ).server
    assert [n.ip for n in second.private_net] == ["10.0.1.2"]
    assert (second.public_net.ipv4, second.public_net.ipv6) == (None, None)
    assert made["network"].reload().servers == [server.id, second.id]


def test_server_created_with_new_addresses_gets_auto_delete_primary_ips(
    fake: SpecCheckedCloud, client: Client
) -> None:
    server = client.servers.create(
        name="web-1",
        server_type="cpx22",
        image="ubuntu-24.04",
        location="fsn1",
        public_net={"enable_ipv4": True, "enable_ipv6": True},
    ).server
    assert server.public_net.ipv4 is not None
    assert server.public_net.ipv6 is not None
    by_type = {ip.type: ip for ip in client.primary_ips.all()}
    assert by_type["ipv4"].id == server.public_net.ipv4.id
    assert by_type["ipv6"].id == server.public_net.ipv6.id
    assert all(ip.auto_delete and ip.assignee_id == server.id for ip in by_type.values())


@pytest.mark.parametrize(
    ("field", "value", "named"),
    [
        ("volumes", [424242], "volumes"),
        ("networks", [424242], "networks"),
        ("firewalls", [{"firewall": 424242}], "firewalls[0]"),
        ("placement_group", 424242, "placement_group"),
        ("public_net", {"ipv4": 424242}, "public_net.ipv4"),
        ("public_net", {"enable_ipv4": False, "enable_ipv6": False}, "networks"),
    ],
)
def test_server_create_refuses_unknown_ids_and_changes_nothing(
    fake: SpecCheckedCloud, client: Client, field: str, value: Any, named: str
) -> None:
    with pytest.raises(InvalidInputError) as caught:
        client.servers.create(
            name="web-1", server_type="cpx22", image="ubuntu-24.04", **{field: value}
        )
    assert caught.value.code == "invalid_input"
    assert named in [f["name"] for f in caught.value.details["fields"]]
    assert (fake["servers"], fake["primary_ips"]) == ({}, {})


def test_server_create_refuses_objects_it_cannot_take(
    fake: SpecCheckedCloud, client: Client
) -> None:
    made = neighbours(client)
    elsewhere = client.volumes.create(name="far", size=10, location="hel1")
    elsewhere.action.wait()
    far_ip = client.primary_ips.create(name="far", type="ipv4", location="hel1").primary_ip
    bare = client.networks.create(name="bare", ip_range="10.1.0.0/16")

    def create(name: str, field: str, value: Any) -> tuple[int, str, str | None]:
        body = {"name": name, "server_type": "cpx22", "image": "ubuntu-24.04", field: value}
        status, reply = raw(fake, "POST", "/servers", {**body, "location": "fsn1"})
        fields = reply["error"]["details"].get("fields") or [{"name": None}]
        return status, reply["error"]["code"], fields[0]["name"]

    assert create("a", "volumes", [elsewhere.volume.id]) == (422, "invalid_input", "volumes")
    assert create("a", "networks", [bare.id]) == (422, "no_subnet_available", None)
    assert create("a", "networks", [424242]) == (422, "invalid_input", "networks")
    assert create("a", "public_net", {"ipv6": made["ip"].id}) == (
        412,
        "primary_ip_version_mismatch",
        None,
    )
    assert create("a", "public_net", {"ipv4": far_ip.id}) == (
        422,
        "primary_ip_datacenter_mismatch",
        None,
    )
    assert fake["servers"] == {}
    create_with_everything(client, made)
    # Now taken: the Volume and the Primary IP cannot go to another server.
    assert create("b", "volumes", [made["volume"].id]) == (422, "invalid_input", "volumes")
    assert create("b", "public_net", {"ipv4": made["ip"].id}) == (
        422,
        "primary_ip_assigned",
        None,
    )
    assert len(fake["servers"]) == 1


def test_deleting_a_server_updates_every_family_when_it_goes(
    fake: SpecCheckedCloud, client: Client
) -> None:
    made = neighbours(client)
    server = create_with_everything(client, made).server
    fip = client.floating_ips.create(type="ipv4", server=server.id)
    assert fip.action is not None
    fip.action.wait()
    lb = client.load_balancers.create(
        name="front", load_balancer_type="lb11", location="fsn1", targets=[{"server": server}]
    )
    lb.action.wait()
    assert server.reload().load_balancers == [lb.load_balancer.id]
    backup_image = client.servers.create_image(server, type="backup").image
    fake.clock.advance(60)
    fake.log.clear()

    server.delete().wait()
    # Only the server's and the action's routes were called since ...
    assert all(line.startswith(("DELETE /servers", "GET /actions")) for line in fake.log)
    # ... and every other family is already up to date in the stored state.
    assert fake["volumes"][made["volume"].id]["server"] is None
    assert fake["networks"][made["network"].id]["servers"] == []
    assert fake["placement_groups"][made["group"].id]["servers"] == []
    assert fake["primary_ips"][made["ip"].id]["assignee_id"] is None
    assert fake["firewalls"][made["firewall"].id]["applied_to"] == []
    assert fake["load_balancers"][lb.load_balancer.id]["targets"] == []
    assert fake["floating_ips"][fip.floating_ip.id]["server"] is None
    assert fake["images"][backup_image.id]["status"] == "unavailable"
    # The SDK sees the same.
    assert made["volume"].reload().server is None
    assert made["ip"].reload().assignee_id is None
    assert made["firewall"].reload().applied_to == []
    assert lb.load_balancer.reload().targets == []
    assert fip.floating_ip.reload().server is None
    made["volume"].delete()
    made["firewall"].delete()


def test_deleting_a_server_deletes_its_auto_delete_primary_ips(
    fake: SpecCheckedCloud, client: Client
) -> None:
    server = client.servers.create(name="web-1", server_type="cpx22", image="ubuntu-24.04").server
    assert server.public_net.ipv4 is not None
    assert server.public_net.ipv6 is not None
    addresses = {server.public_net.ipv4.id, server.public_net.ipv6.id}
    assert set(fake["primary_ips"]) == addresses
    fake.clock.advance(60)
    server.delete().wait()
    assert fake["primary_ips"] == {}
    for ident in addresses:
        with pytest.raises(NotFoundError):
            client.primary_ips.get(ident)


def test_relabelling_a_server_moves_it_in_and_out_of_selectors_at_once(
    fake: SpecCheckedCloud, client: Client
) -> None:
    changes: list[tuple[str, int, dict[str, str]]] = []
    fake.on(
        "labels_changed",
        lambda collection, item, old: changes.append((collection, item["id"], old)),
    )
    server = client.servers.create(name="web-1", server_type="cpx22", image="ubuntu-24.04").server
    firewall = client.firewalls.create(name="edge", apply_to=["role=web"]).firewall
    fake.clock.advance(60)
    lb = client.load_balancers.create(
        name="front",
        load_balancer_type="lb11",
        location="fsn1",
        targets=[{"type": "label_selector", "label_selector": {"selector": "role=web"}}],
    ).load_balancer
    assert server.reload().public_net.firewalls == []
    server.update(labels={"role": "web"})
    assert changes == [("servers", server.id, {})]
    assert [f.id for f in server.reload().public_net.firewalls] == [firewall.id]
    (target,) = lb.reload().targets
    assert [t.server.id for t in target.targets or [] if t.server] == [server.id]
    server.update(labels={"role": "db"})
    assert server.reload().public_net.firewalls == []
    (target,) = lb.reload().targets
    assert target.targets == []
    server.update(name="web-2")  # the labels stay: no event
    assert len(changes) == 2


def test_the_async_client_sees_cross_family_effects(fake: SpecCheckedCloud) -> None:
    async def walk() -> None:
        async with fake.async_client(retry=RetryPolicy.disabled()) as client:
            made = await async_neighbours(client)
            created = await client.servers.create(
                name="web-1",
                server_type="cpx22",
                image="ubuntu-24.04",
                location="fsn1",
                volumes=[made["volume"]],
                networks=[made["network"]],
                firewalls=[{"firewall": made["firewall"]}],
                placement_group=made["group"],
            )
            server = created.server
            assert server.volumes == [made["volume"]]
            assert [n.network for n in server.private_net] == [made["network"]]
            assert [f.id for f in server.public_net.firewalls] == [made["firewall"]]
            await created.action.wait()
            fake.clock.advance(60)
            await (await server.delete()).wait()
            assert (await client.volumes.get(made["volume"])).server is None
            assert (await client.networks.get(made["network"])).servers == []
            assert (await client.placement_groups.get(made["group"])).servers == []
            assert (await client.firewalls.get(made["firewall"])).applied_to == []

    asyncio.run(walk())


async def async_neighbours(client: AsyncClient) -> dict[str, int]:
    volume = await client.volumes.create(name="data", size=10, location="fsn1")
    await volume.action.wait()
    network = await client.networks.create(
        name="net",
        ip_range="10.0.0.0/16",
        subnets=[{"type": "cloud", "network_zone": "eu-central"}],
    )
    firewall = (await client.firewalls.create(name="edge")).firewall
    group = (await client.placement_groups.create(name="spread", type="spread")).placement_group
    return {
        "volume": volume.volume.id,
        "network": network.id,
        "firewall": firewall.id,
        "group": group.id,
    }


# --- the extension points themselves -------------------------------------------------


def test_unknown_events_are_refused() -> None:
    cloud = FakeCloud()
    with pytest.raises(ValueError, match="unknown event"):
        cloud.on("server_renamed", lambda **_: None)
    with pytest.raises(ValueError, match="unknown event"):
        cloud.emit("server_renamed")


def test_a_view_contributes_to_replies_without_changing_the_stored_object(
    fake: SpecCheckedCloud, client: Client
) -> None:
    def tag(stored: dict[str, Any], shown: dict[str, Any]) -> None:
        shown["labels"] = {**shown["labels"], "seen": "yes"}

    fake.add_view("servers", tag)
    server = client.servers.create(name="web-1", server_type="cpx22", image="ubuntu-24.04").server
    assert server.labels == {"seen": "yes"}
    assert fake["servers"][server.id]["labels"] == {}


# --- action commands ---------------------------------------------------------------


def spec_command(method: str, path: str) -> str:
    """The ``command`` of the action in the spec's documented example reply of a request."""
    found = operation_of(method, path)
    assert found is not None
    operation = spec.operations(found[1])[found[0]][2]
    for reply in operation["responses"].values():
        for example in (
            reply.get("content", {}).get("application/json", {}).get("examples", {}).values()
        ):
            value = example["value"]
            action = value.get("action") or (value.get("actions") or [None])[0]
            if action is not None:
                command: str = action["command"]
                return command
    raise AssertionError(f"no example action for {method} {path}")


def test_server_action_commands_are_the_apis(fake: SpecCheckedCloud, client: Client) -> None:
    network = client.networks.create(
        name="net",
        ip_range="10.0.0.0/16",
        subnets=[{"type": "cloud", "network_zone": "eu-central"}],
    )
    group = client.placement_groups.create(name="g", type="spread").placement_group
    server = client.servers.create(
        name="web-1", server_type="cpx22", image="ubuntu-24.04", start_after_create=False
    ).server
    ip = server.public_net.ipv4
    assert ip is not None
    iso = next(i["name"] for i in fake["isos"].values() if i["architecture"] in (None, "x86"))
    steps: list[tuple[str, dict[str, Any]]] = [
        ("attach_to_network", {"network": network.id}),
        ("change_alias_ips", {"network": network.id, "alias_ips": []}),
        ("detach_from_network", {"network": network.id}),
        ("add_to_placement_group", {"placement_group": group.id}),
        ("remove_from_placement_group", {}),
        ("change_type", {"server_type": "cpx32", "upgrade_disk": False}),
        ("poweron", {}),
        ("reboot", {}),
        ("reset", {}),
        ("shutdown", {}),
        ("poweroff", {}),
        ("rebuild", {"image": "debian-12"}),
        ("attach_iso", {"iso": iso}),
        ("detach_iso", {}),
        ("enable_rescue", {}),
        ("disable_rescue", {}),
        ("enable_backup", {}),
        ("disable_backup", {}),
        ("create_image", {}),
        ("reset_password", {}),
        ("request_console", {}),
        ("change_dns_ptr", {"ip": ip.ip, "dns_ptr": "a.example.com"}),
        ("change_protection", {"delete": False}),
    ]
    for name, body in steps:
        fake.clock.advance(60)
        path = f"/servers/{server.id}/actions/{name}"
        status, reply = raw(fake, "POST", path, body)
        assert status == 201, (path, reply)
        assert reply["action"]["command"] == spec_command("POST", path), name


def test_other_families_action_commands_are_the_apis(fake: SpecCheckedCloud) -> None:
    status, made = raw(
        fake,
        "POST",
        "/servers",
        {"name": "web-1", "server_type": "cpx22", "image": "ubuntu-24.04", "location": "fsn1"},
    )
    assert status == 201
    server = made["server"]["id"]
    fake.clock.advance(60)
    raw(fake, "POST", f"/servers/{server}/actions/poweroff")
    fake.clock.advance(60)
    ids: dict[str, int] = {}

    def step(method: str, path: str, body: Any = None, keep: str | None = None) -> None:
        fake.clock.advance(60)
        status, reply = raw(fake, method, path.format(**ids), body)
        assert status in (200, 201), (path, reply)
        action = reply.get("action") or reply["actions"][0]
        sent = path.format(**ids)
        assert action["command"] == spec_command(method, sent), sent
        if keep is not None:
            ids[keep] = reply[keep]["id"]

    step("POST", "/volumes", {"name": "v", "size": 10, "server": server}, keep="volume")
    step("POST", "/volumes/{volume}/actions/detach")
    step("POST", "/volumes/{volume}/actions/attach", {"server": server})
    step("POST", "/volumes/{volume}/actions/resize", {"size": 20})
    step("POST", "/volumes/{volume}/actions/change_protection", {"delete": False})
    step("POST", "/floating_ips", {"type": "ipv4", "server": server}, keep="floating_ip")
    step("POST", "/floating_ips/{floating_ip}/actions/unassign")
    step("POST", "/floating_ips/{floating_ip}/actions/assign", {"server": server})
    ip = fake["floating_ips"][ids["floating_ip"]]["ip"]
    step("POST", "/floating_ips/{floating_ip}/actions/change_dns_ptr", {"ip": ip, "dns_ptr": None})
    step("POST", "/floating_ips/{floating_ip}/actions/change_protection", {"delete": False})
    primary = fake["servers"][server]["public_net"]["ipv4"]["id"]
    ids["primary_ip"] = primary
    step("POST", "/primary_ips/{primary_ip}/actions/unassign")
    step(
        "POST",
        "/primary_ips/{primary_ip}/actions/assign",
        {"assignee_id": server, "assignee_type": "server"},
    )
    address = fake["primary_ips"][primary]["ip"]
    step(
        "POST", "/primary_ips/{primary_ip}/actions/change_dns_ptr", {"ip": address, "dns_ptr": None}
    )
    step("POST", "/primary_ips/{primary_ip}/actions/change_protection", {"delete": False})
    status, reply = raw(fake, "POST", "/networks", {"name": "n", "ip_range": "10.0.0.0/16"})
    ids["network"] = reply["network"]["id"]
    step(
        "POST",
        "/networks/{network}/actions/add_subnet",
        {"type": "cloud", "network_zone": "eu-central"},
    )
    route = {"destination": "10.100.0.0/16", "gateway": "10.0.0.2"}
    step("POST", "/networks/{network}/actions/add_route", route)
    step("POST", "/networks/{network}/actions/delete_route", route)
    step("POST", "/networks/{network}/actions/delete_subnet", {"ip_range": "10.0.0.0/24"})
    step("POST", "/networks/{network}/actions/change_ip_range", {"ip_range": "10.0.0.0/15"})
    step("POST", "/networks/{network}/actions/change_protection", {"delete": False})
    status, reply = raw(fake, "POST", "/firewalls", {"name": "f"})
    ids["firewall"] = reply["firewall"]["id"]
    target = [{"type": "server", "server": {"id": server}}]
    step("POST", "/firewalls/{firewall}/actions/apply_to_resources", {"apply_to": target})
    step("POST", "/firewalls/{firewall}/actions/remove_from_resources", {"remove_from": target})
    step("POST", "/firewalls/{firewall}/actions/set_rules", {"rules": []})
    status, reply = raw(fake, "POST", f"/servers/{server}/actions/create_image")
    ids["image"] = reply["image"]["id"]
    step("POST", "/images/{image}/actions/change_protection", {"delete": False})


def test_a_server_created_in_a_placement_group_cannot_join_another(
    fake: SpecCheckedCloud, client: Client
) -> None:
    first = client.placement_groups.create(name="a", type="spread").placement_group
    second = client.placement_groups.create(name="b", type="spread").placement_group
    created = client.servers.create(
        name="web-1",
        server_type="cpx22",
        image="ubuntu-24.04",
        placement_group=first.id,
        start_after_create=False,
    )
    created.action.wait()
    with pytest.raises(APIError) as caught:
        created.server.add_to_placement_group(placement_group=second.id)
    assert caught.value.code == "already_in_placement_group"
    created.server.remove_from_placement_group().wait()
    assert first.reload().servers == []
    created.server.add_to_placement_group(placement_group=second.id).wait()
    assert second.reload().servers == [created.server.id]
