"""The fake cloud's networks, Volumes, placement groups and Primary IPs, driven by the SDK.

Every reply the fake gives is checked against the spec by the ``fake`` fixture.
"""

from __future__ import annotations

import asyncio
import json
from typing import Any

import pytest

from hcloud_models import Client, RetryPolicy, Server
from hcloud_models.errors import (
    ActionFailed,
    APIError,
    InvalidInputError,
    LockedError,
    NotFoundError,
    ProtectedError,
    UniquenessError,
)
from tests.testing.conftest import SpecCheckedCloud


def raw(fake: SpecCheckedCloud, method: str, path: str, body: Any = None) -> tuple[int, Any]:
    """Send a request around the SDK (whose own checks would refuse bad bodies)."""
    content = b"" if body is None else json.dumps(body).encode()
    reply = fake.process(method, path, "", {"Authorization": "Bearer t"}, content)
    return reply.status, json.loads(reply.body) if reply.body else None


def stopped_server(client: Client, name: str = "web-1", location: str = "fsn1") -> Server:
    created = client.servers.create(
        name=name,
        server_type="cpx22",
        image="ubuntu-24.04",
        location=location,
        start_after_create=False,
    )
    created.action.wait()
    server = created.server.reload()
    assert server.status == "off"
    return server


@pytest.fixture
def client(fake: SpecCheckedCloud) -> Client:
    return fake.client(retry=RetryPolicy.disabled())


# --- Volumes ------------------------------------------------------------------


def test_volume_created_for_a_server_is_attached_when_its_actions_end(
    fake: SpecCheckedCloud, client: Client
) -> None:
    server = stopped_server(client)
    result = client.volumes.create(name="data", size=10, server=server, format="ext4")
    assert result.volume.status == "creating"
    assert result.volume.server is None
    assert result.volume.location.name == "fsn1"
    assert [a.command for a in result.next_actions] == ["attach_volume"]
    result.action.wait()
    client.actions.wait_all(result.next_actions)
    volume = result.volume.reload()
    assert volume.status == "available"
    assert volume.server == server.id
    assert volume.format == "ext4"
    assert server.reload().volumes == [volume.id]


def test_volume_attach_detach_resize_and_protection(fake: SpecCheckedCloud, client: Client) -> None:
    server = stopped_server(client)
    result = client.volumes.create(name="data", size=10, location="fsn1")
    assert result.next_actions == []
    result.action.wait()
    volume = result.volume.reload()
    assert volume.server is None

    volume.attach(server, automount=True).wait()
    assert volume.reload().server == server.id
    with pytest.raises(APIError) as caught:
        volume.attach(server)
    assert caught.value.status == 422
    with pytest.raises(APIError):
        volume.delete()  # still attached

    volume.detach().wait()
    assert volume.reload().server is None
    assert server.reload().volumes == []

    with pytest.raises(InvalidInputError):
        volume.resize(10)  # not larger
    volume.resize(50).wait()
    assert volume.reload().size == 50

    volume.change_protection(delete=True).wait()
    with pytest.raises(ProtectedError):
        volume.delete()
    volume.change_protection(delete=False)
    volume.delete()
    with pytest.raises(NotFoundError):
        volume.reload()
    assert fake["volumes"] == {}


def test_volume_actions_lock_and_are_listed(fake: SpecCheckedCloud, client: Client) -> None:
    server = stopped_server(client)
    result = client.volumes.create(name="data", size=10, location="fsn1")
    result.action.wait()
    attach = client.volumes.attach(result.volume, server)
    with pytest.raises(LockedError):
        client.volumes.resize(result.volume, 20)
    attach.wait()
    commands = [a.command for a in client.volumes.actions(result.volume, sort="id")]
    assert commands == ["create_volume", "attach_volume"]
    assert client.volumes.get_action(attach.id).status == "success"
    assert {a.id for a in client.volumes.list_actions(status="success")} >= {attach.id}


def test_volume_rules_of_the_fake(fake: SpecCheckedCloud, client: Client) -> None:
    status, body = raw(fake, "POST", "/volumes", {"name": "d", "size": 10})
    assert (status, body["error"]["code"]) == (422, "invalid_input")
    assert body["error"]["details"]["fields"][0]["name"] == "location"
    status, body = raw(fake, "POST", "/volumes", {"name": "d", "size": 5, "location": "fsn1"})
    assert (status, body["error"]["details"]["fields"][0]["name"]) == (422, "size")
    status, body = raw(fake, "POST", "/volumes", {"name": "-d", "size": 10, "location": "fsn1"})
    assert body["error"]["details"]["fields"][0]["name"] == "name"
    client.volumes.create(name="d", size=10, location="fsn1")
    with pytest.raises(UniquenessError):
        client.volumes.create(name="d", size=10, location="nbg1")
    other = stopped_server(client, "web-2", location="nbg1")
    volume = client.volumes.get_by_name("d")
    assert volume is not None
    fake.clock.advance(10)
    with pytest.raises(InvalidInputError):
        volume.attach(other)  # another location


def test_a_failed_attach_leaves_the_volume_detached(fake: SpecCheckedCloud, client: Client) -> None:
    server = stopped_server(client)
    result = client.volumes.create(name="data", size=10, location="fsn1")
    result.action.wait()
    fake.fail_next_actions("attach_volume")
    action = result.volume.attach(server)
    with pytest.raises(ActionFailed):
        action.wait()
    assert result.volume.reload().server is None


def test_a_failed_creation_removes_the_volume(fake: SpecCheckedCloud, client: Client) -> None:
    server = stopped_server(client)
    fake.fail_next_actions("create_volume")
    result = client.volumes.create(name="data", size=10, server=server)
    with pytest.raises(ActionFailed):
        result.action.wait()
    fake.clock.advance(60)
    assert client.volumes.list().items == []
    assert server.reload().volumes == []


def test_volumes_list_filters_by_status(fake: SpecCheckedCloud, client: Client) -> None:
    first = client.volumes.create(name="a", size=10, location="fsn1")
    first.action.wait()
    client.volumes.create(name="b", size=10, location="fsn1")
    assert [v.name for v in client.volumes.all(status="creating")] == ["b"]
    assert [v.name for v in client.volumes.list(status=["available"], sort="name:desc")] == ["a"]


def test_deleting_a_server_detaches_its_volumes(fake: SpecCheckedCloud, client: Client) -> None:
    server = stopped_server(client)
    result = client.volumes.create(name="data", size=10, server=server)
    client.actions.wait_all([result.action, *result.next_actions])
    server.delete().wait()
    assert result.volume.reload().server is None


# --- placement groups ---------------------------------------------------------


def test_placement_group_lifecycle_with_servers(fake: SpecCheckedCloud, client: Client) -> None:
    created = client.placement_groups.create(name="spread", type="spread", labels={"a": "b"})
    assert created.action is None
    group = created.placement_group
    assert (group.type, group.servers) == ("spread", [])
    server = stopped_server(client)
    server.add_to_placement_group(placement_group=group.id).wait()
    assert group.reload().servers == [server.id]
    group.update(name="spread-2")
    embedded = server.reload().placement_group
    assert embedded is not None
    assert (embedded.name, embedded.servers) == ("spread-2", [server.id])
    assert [g.name for g in client.placement_groups.all(type="spread")] == ["spread-2"]
    assert client.placement_groups.list(label_selector="a=c").items == []
    with pytest.raises(UniquenessError):
        client.placement_groups.create(name="spread-2", type="spread")
    group.delete()
    assert server.reload().placement_group is None
    with pytest.raises(NotFoundError):
        group.reload()


def test_placement_group_rules_of_the_fake(fake: SpecCheckedCloud) -> None:
    status, body = raw(fake, "POST", "/placement_groups", {"name": "g", "type": "pack"})
    assert (status, body["error"]["details"]["fields"][0]["name"]) == (422, "type")


# --- Primary IPs --------------------------------------------------------------


def test_a_servers_addresses_are_primary_ips(fake: SpecCheckedCloud, client: Client) -> None:
    server = stopped_server(client)
    ipv4 = server.public_net.ipv4
    assert ipv4 is not None
    assert ipv4.id is not None
    ip = client.primary_ips.get(ipv4.id)
    assert (ip.ip, ip.type, ip.assignee_id, ip.auto_delete) == (ipv4.ip, "ipv4", server.id, True)
    assert ip.location.name == "fsn1"
    assert client.primary_ips.list(ip=ipv4.ip)[0].id == ip.id
    server.delete().wait()
    with pytest.raises(NotFoundError):
        ip.reload()  # auto_delete


def test_primary_ip_moves_between_servers(fake: SpecCheckedCloud, client: Client) -> None:
    server = stopped_server(client)
    ipv4 = server.public_net.ipv4
    assert ipv4 is not None
    assert ipv4.id is not None
    old = client.primary_ips.get(ipv4.id)
    created = client.primary_ips.create(name="v4", type="ipv4", location="fsn1")
    assert created.action is None
    ip = created.primary_ip
    assert ip.assignee_id is None

    with pytest.raises(APIError) as caught:
        ip.assign(server)
    assert caught.value.code == "server_has_ipv4"
    old.unassign().wait()
    assert server.reload().public_net.ipv4 is None
    assert old.reload().assignee_id is None
    old.delete()

    ip.assign(server).wait()
    assert ip.reload().assignee_id == server.id
    public = server.reload().public_net.ipv4
    assert public is not None
    assert (public.id, public.ip) == (ip.id, ip.ip)
    with pytest.raises(APIError) as caught:
        ip.assign(server)
    assert caught.value.code == "primary_ip_already_assigned"
    with pytest.raises(APIError) as caught:
        ip.delete()
    assert caught.value.code == "must_be_unassigned"

    ip.change_dns_ptr(ip=ip.ip, dns_ptr="web.example.com").wait()
    assert ip.reload().dns_ptr[0].dns_ptr == "web.example.com"
    refreshed = server.reload().public_net.ipv4
    assert refreshed is not None
    assert refreshed.dns_ptr == "web.example.com"

    ip.update(auto_delete=False, name="v4-web")
    server.delete().wait()
    kept = ip.reload()
    assert (kept.name, kept.assignee_id) == ("v4-web", None)
    kept.change_protection(delete=True).wait()
    with pytest.raises(ProtectedError):
        kept.delete()
    kept.change_protection(delete=False).wait()
    kept.delete()
    commands = [a.command for a in client.primary_ips.list_actions(sort="id")]
    assert "assign_primary_ip" in commands
    assert "unassign_primary_ip" in commands


def test_primary_ip_needs_a_stopped_server(fake: SpecCheckedCloud, client: Client) -> None:
    created = client.servers.create(name="web-1", server_type="cpx22", image="ubuntu-24.04")
    client.actions.wait_all([created.action, *created.next_actions])
    server = created.server.reload()
    assert server.status == "running"
    ip = client.primary_ips.create(name="v6", type="ipv6", location="fsn1").primary_ip
    with pytest.raises(APIError) as caught:
        ip.assign(server)
    assert caught.value.code == "server_not_stopped"


def test_primary_ip_created_for_a_server(fake: SpecCheckedCloud, client: Client) -> None:
    created = client.servers.create(
        name="web-1",
        server_type="cpx22",
        image="ubuntu-24.04",
        start_after_create=False,
        public_net={"enable_ipv6": False},
    )
    created.action.wait()
    result = client.primary_ips.create(name="v6", type="ipv6", assignee_id=created.server)
    assert result.action is not None
    result.action.wait()
    ip = result.primary_ip.reload()
    assert ip.assignee_id == created.server.id
    ipv6 = created.server.reload().public_net.ipv6
    assert ipv6 is not None
    assert ipv6.ip == ip.ip


def test_primary_ip_rules_of_the_fake(fake: SpecCheckedCloud) -> None:
    status, body = raw(fake, "POST", "/primary_ips", {"name": "x", "type": "ipv4"})
    assert (status, body["error"]["details"]["fields"][0]["name"]) == (422, "location")
    status, body = raw(
        fake, "POST", "/primary_ips", {"name": "x", "type": "ipv4", "assignee_id": 1}
    )
    names = {f["name"] for f in body["error"]["details"]["fields"]}
    assert names == {"assignee_type"}
    status, body = raw(fake, "POST", "/primary_ips/1/actions/assign", {"assignee_id": 1})
    assert status == 404


# --- networks -----------------------------------------------------------------


def test_network_subnets_routes_and_range(fake: SpecCheckedCloud, client: Client) -> None:
    network = client.networks.create(
        name="mynet",
        ip_range="10.0.0.0/16",
        subnets=[{"type": "cloud", "network_zone": "eu-central"}],
        routes=[{"destination": "10.100.0.0/16", "gateway": "10.0.0.2"}],
    )
    assert network.subnets[0].ip_range == "10.0.0.0/24"
    assert network.subnets[0].gateway == "10.0.0.1"
    assert network.routes[0].destination == "10.100.0.0/16"

    network.add_subnet(type="cloud", network_zone="eu-central").wait()
    network.add_subnet(type="vswitch", network_zone="eu-central", vswitch_id=9).wait()
    subnets = network.reload().subnets
    assert [(s.type, s.ip_range, s.vswitch_id) for s in subnets] == [
        ("cloud", "10.0.0.0/24", None),
        ("cloud", "10.0.1.0/24", None),
        ("vswitch", "10.0.2.0/24", 9),
    ]
    with pytest.raises(InvalidInputError):
        network.add_subnet(type="cloud", network_zone="eu-central", ip_range="10.0.1.0/25")
    with pytest.raises(InvalidInputError):
        network.add_subnet(type="cloud", network_zone="eu-central", ip_range="10.1.0.0/24")

    network.add_route(destination="0.0.0.0/0", gateway="10.0.1.5").wait()
    with pytest.raises(InvalidInputError):
        network.add_route(destination="0.0.0.0/0", gateway="10.0.1.6")  # already routed
    with pytest.raises(InvalidInputError):
        network.add_route(destination="10.0.0.0/28", gateway="10.0.1.5")  # a subnet's range
    network.delete_route(destination="10.100.0.0/16", gateway="10.0.0.2").wait()
    network.delete_subnet(ip_range="10.0.1.0/24").wait()
    with pytest.raises(InvalidInputError):
        network.delete_subnet(ip_range="10.0.1.0/24")

    with pytest.raises(InvalidInputError):
        network.change_ip_range(ip_range="10.0.0.0/24")  # narrower
    network.change_ip_range(ip_range="10.0.0.0/15").wait()
    network.update(expose_routes_to_vswitch=True, labels={"env": "prod"})
    fresh = network.reload()
    assert fresh.ip_range == "10.0.0.0/15"
    assert fresh.expose_routes_to_vswitch is True
    assert [r.destination for r in fresh.routes] == ["0.0.0.0/0"]
    assert [s.ip_range for s in fresh.subnets] == ["10.0.0.0/24", "10.0.2.0/24"]
    commands = [a.command for a in network.actions(sort="id")]
    assert commands == [
        "add_subnet",
        "add_subnet",
        "add_route",
        "delete_route",
        "delete_subnet",
        "change_ip_range",
    ]
    assert [n.name for n in client.networks.all(label_selector="env=prod")] == ["mynet"]


def test_network_changes_lock_it_while_they_run(fake: SpecCheckedCloud, client: Client) -> None:
    network = client.networks.create(name="n", ip_range="10.0.0.0/16")
    first = network.add_subnet(type="cloud", network_zone="eu-central")
    with pytest.raises(LockedError):
        network.add_route(destination="10.9.0.0/16", gateway="10.0.0.9")
    first.wait()
    network.add_route(destination="10.9.0.0/16", gateway="10.0.0.9").wait()


def test_network_attach_protection_and_delete(fake: SpecCheckedCloud, client: Client) -> None:
    network = client.networks.create(
        name="n", ip_range="10.0.0.0/16", subnets=[{"type": "cloud", "network_zone": "eu-central"}]
    )
    server = stopped_server(client)
    server.attach_to_network(network=network.id).wait()
    assert network.reload().servers == [server.id]
    network.change_protection(delete=True).wait()
    with pytest.raises(ProtectedError):
        network.delete()
    network.change_protection(delete=False).wait()
    network.delete()
    assert server.reload().private_net == []
    with pytest.raises(NotFoundError):
        network.reload()


def test_network_rules_of_the_fake(fake: SpecCheckedCloud) -> None:
    cases = [
        ({"name": "n", "ip_range": "8.8.0.0/16"}, "ip_range"),
        ({"name": "n", "ip_range": "10.0.0.0/25"}, "ip_range"),
        ({"name": "n", "ip_range": "10.0.0.1/16"}, "ip_range"),
        ({"ip_range": "10.0.0.0/16"}, "name"),
        (
            {"name": "n", "ip_range": "10.0.0.0/16", "subnets": [{"type": "vswitch"}]},
            "subnets[0].network_zone",
        ),
        (
            {"name": "n", "ip_range": "10.0.0.0/16", "routes": [{"destination": "10.1.0.0/16"}]},
            "routes[0].gateway",
        ),
    ]
    for body, field in cases:
        status, reply = raw(fake, "POST", "/networks", body)
        assert status == 422, body
        assert field in {f["name"] for f in reply["error"]["details"]["fields"]}, body
    status, reply = raw(fake, "GET", "/networks/12345")
    assert (status, reply["error"]["code"]) == (404, "not_found")


def test_the_async_client_sees_the_same_fake(fake: SpecCheckedCloud) -> None:
    async def walk() -> None:
        async with fake.async_client() as client:
            network = await client.networks.create(name="n", ip_range="10.0.0.0/16")
            action = await network.add_subnet(type="cloud", network_zone="eu-central")
            await action.wait()
            assert [s.ip_range for s in (await network.reload()).subnets] == ["10.0.0.0/24"]
            volume = (await client.volumes.create(name="d", size=10, location="fsn1")).volume
            assert (await client.volumes.get(volume.id)).status == "creating"
            group = (await client.placement_groups.create(name="g", type="spread")).placement_group
            assert (await group.reload()).servers == []
            ip = (await client.primary_ips.create(name="v4", type="ipv4", location=1)).primary_ip
            assert (await ip.reload()).location.name == "fsn1"

    asyncio.run(walk())
