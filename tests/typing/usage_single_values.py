"""What an IDE sees for actions taking their one required value bare (checked, never run)."""

from __future__ import annotations

from typing_extensions import assert_type

from hcloud_models import (
    Action,
    Async,
    AsyncClient,
    Client,
    LoadBalancer,
    Network,
    RebuildServerResult,
    Server,
    StorageBox,
    StorageBoxAction,
    StorageBoxSubaccount,
)


def sync_usage(
    client: Client,
    lb: LoadBalancer,
    net: Network,
    server: Server,
    box: StorageBox,
    sub: StorageBoxSubaccount,
) -> None:
    assert_type(client.load_balancers.change_type(lb, "lb21"), Action)
    assert_type(client.load_balancers.change_algorithm(lb, "round_robin"), Action)
    assert_type(client.load_balancers.attach_to_network(lb, net, ip="10.0.1.5"), Action)
    assert_type(client.load_balancers.detach_from_network(lb, net), Action)
    assert_type(client.load_balancers.delete_service(lb, 443), Action)
    assert_type(client.networks.change_ip_range(net, "10.0.0.0/8"), Action)
    assert_type(client.networks.delete_subnet(net, "10.0.1.0/24"), Action)
    assert_type(client.servers.rebuild(server, "ubuntu-24.04"), RebuildServerResult)
    assert_type(client.servers.attach_iso(server, "virtio-win"), Action)
    assert_type(client.servers.add_to_placement_group(server, 9), Action)
    assert_type(client.servers.detach_from_network(server, net), Action)
    assert_type(client.storage_boxes.change_type(box, "bx21"), StorageBoxAction)
    assert_type(client.storage_boxes.rollback_snapshot(box, "snap-1"), StorageBoxAction)
    assert_type(
        client.storage_box_subaccounts.change_home_directory(sub, "backup"), StorageBoxAction
    )
    # Bound objects take the value the same way.
    assert_type(lb.change_type("lb21"), Action)
    assert_type(box.reset_password("Aa1!secret-secret"), StorageBoxAction)
    # The bare value keeps its precise type.
    client.load_balancers.change_algorithm(lb, "fastest")  # type: ignore[arg-type]
    client.networks.delete_subnet(net, 24)  # type: ignore[arg-type]
    client.storage_boxes.reset_password(box, 1234)  # type: ignore[arg-type]


async def async_usage(client: AsyncClient, lb: LoadBalancer[Async], server: Server[Async]) -> None:
    assert_type(await client.load_balancers.change_type(lb, "lb21"), Action[Async])
    assert_type(await client.servers.attach_iso(server, "virtio-win"), Action[Async])
    assert_type(await lb.detach_from_network(4711), Action[Async])
