"""What an IDE sees for networks, Volumes, placement groups and Primary IPs (never run).

Checked by ``mypy --strict`` like ``usage.py``: each ``assert_type`` states the
type a user's editor shows, on the sync and the async client.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator

from typing_extensions import assert_type

from hcloud_models import (
    Action,
    Async,
    AsyncClient,
    Client,
    CreatePlacementGroupResult,
    CreatePrimaryIPResult,
    CreateVolumeResult,
    Location,
    Network,
    NetworkAddSubnet,
    NetworkRoute,
    NetworkSubnet,
    Page,
    PlacementGroup,
    PrimaryIP,
    Server,
    Volume,
)


def networks_sync(client: Client) -> None:
    network = client.networks.create(
        name="mynet",
        ip_range="10.0.0.0/16",
        subnets=[NetworkAddSubnet(type="cloud", network_zone="eu-central")],
        routes=[{"destination": "10.100.0.0/16", "gateway": "10.0.0.2"}],
    )
    assert_type(network, Network)
    assert_type(network.subnets, list[NetworkSubnet])
    assert_type(network.routes, list[NetworkRoute])
    assert_type(network.expose_routes_to_vswitch, bool)
    assert_type(network.add_subnet(type="vswitch", network_zone="eu-central", vswitch_id=7), Action)
    assert_type(network.delete_subnet(ip_range="10.0.1.0/24"), Action)
    assert_type(network.add_route(destination="0.0.0.0/0", gateway="10.0.0.2"), Action)
    assert_type(network.delete_route(destination="0.0.0.0/0", gateway="10.0.0.2"), Action)
    assert_type(network.change_ip_range(ip_range="10.0.0.0/15"), Action)
    assert_type(network.change_protection(delete=True), Action)
    assert_type(network.update(expose_routes_to_vswitch=True), Network)
    assert_type(network.actions(status="running"), Page[Action])
    assert_type(network.reload(), Network)
    assert_type(network.delete(), None)
    assert_type(client.networks.all(), Iterator[Network])
    assert_type(client.networks.get_by_name("mynet"), Network | None)
    assert_type(client.networks.list_actions(), Page[Action])
    assert_type(client.networks.get_action(1), Action)
    network.add_subnet(type="lan", network_zone="eu-central")  # type: ignore[arg-type]


def volumes_sync(client: Client, server: Server) -> None:
    created = client.volumes.create(name="data", size=10, server=server, automount=True)
    assert_type(created, CreateVolumeResult)
    assert_type(created.next_actions, list[Action])
    volume = created.volume
    assert_type(volume, Volume)
    assert_type(volume.location, Location)
    assert_type(volume.server, int | None)
    assert_type(volume.attach(server, automount=False), Action)
    assert_type(volume.detach(), Action)
    assert_type(volume.resize(20), Action)
    volume.resize(20.5)  # type: ignore[arg-type]
    assert_type(volume.change_protection(delete=False), Action)
    assert_type(volume.update(name="data-2"), Volume)
    assert_type(volume.actions(), Page[Action])
    assert_type(volume.reload(), Volume)
    assert_type(client.volumes.list(status="available"), Page[Volume])
    client.volumes.list(sort="size:desc")  # type: ignore[arg-type]  # not a sort key of the API


def placement_groups_sync(client: Client, server: Server) -> None:
    created = client.placement_groups.create(name="spread", type="spread")
    assert_type(created, CreatePlacementGroupResult)
    assert_type(created.action, Action | None)
    group = created.placement_group
    assert_type(group, PlacementGroup)
    assert_type(group.servers, list[int])
    assert_type(group.update(name="g"), PlacementGroup)
    assert_type(group.reload(), PlacementGroup)
    assert_type(group.delete(), None)
    assert_type(server.placement_group, PlacementGroup | None)
    assert_type(client.placement_groups.all(type="spread"), Iterator[PlacementGroup])


def primary_ips_sync(client: Client, server: Server) -> None:
    created = client.primary_ips.create(name="v4", type="ipv4", assignee_id=server)
    assert_type(created, CreatePrimaryIPResult)
    ip = created.primary_ip
    assert_type(ip, PrimaryIP)
    assert_type(ip.assignee_id, int | None)
    assert_type(ip.assign(server), Action)
    assert_type(ip.assign(server, assignee_type="server"), Action)
    assert_type(ip.unassign(), Action)
    assert_type(ip.change_dns_ptr(ip="192.0.2.1", dns_ptr="a.example"), Action)
    assert_type(ip.change_protection(delete=True), Action)
    assert_type(ip.update(auto_delete=True), PrimaryIP)
    assert_type(ip.actions(), Page[Action])
    assert_type(ip.reload(), PrimaryIP)
    assert_type(client.primary_ips.list(ip="192.0.2.1", sort="created:desc"), Page[PrimaryIP])
    client.primary_ips.list(sort="name")  # type: ignore[arg-type]  # Primary IPs sort by id/created
    ipv4 = server.public_net.ipv4
    if ipv4 is not None and ipv4.id is not None:
        assert_type(client.primary_ips.get(ipv4.id), PrimaryIP)
    ip.assign(server, assignee_type="load_balancer")  # type: ignore[arg-type]


async def every_family_async(client: AsyncClient) -> None:
    network = await client.networks.get(1)
    assert_type(network, Network[Async])
    assert_type(await network.add_route(destination="0.0.0.0/0", gateway="10.0.0.2"), Action[Async])
    assert_type(await network.reload(), Network[Async])
    assert_type(client.networks.all(), AsyncIterator[Network[Async]])

    created = await client.volumes.create(name="data", size=10, location="fsn1")
    assert_type(created, CreateVolumeResult[Async])
    volume = created.volume
    assert_type(volume, Volume[Async])
    assert_type(volume.location, Location[Async])
    assert_type(await volume.attach(7), Action[Async])
    assert_type(await volume.resize(50), Action[Async])

    group = (await client.placement_groups.create(name="g", type="spread")).placement_group
    assert_type(group, PlacementGroup[Async])
    assert_type(await group.update(labels={}), PlacementGroup[Async])
    server = await client.servers.get(1)
    assert_type(server.placement_group, PlacementGroup[Async] | None)

    ip = await client.primary_ips.get(1)
    assert_type(ip, PrimaryIP[Async])
    assert_type(await ip.assign(server), Action[Async])
    assert_type(await ip.unassign(), Action[Async])
    assert_type(await client.primary_ips.get_by_name("v4"), PrimaryIP[Async] | None)
