"""Operations on networks: CRUD, subnets, routes, IP range, protection, actions."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from .._modes import Async
from ..models.actions import Action
from ..models.networks import (
    Network,
    NetworkAddRoute,
    NetworkAddSubnet,
    NetworkChangeIPRange,
    NetworkChangeProtection,
    NetworkCreate,
    NetworkDeleteRoute,
    NetworkDeleteSubnet,
    NetworkUpdate,
    SubnetType,
)
from ..models.page import Page
from ._call import (
    Body,
    Call,
    ObjectPath,
    Ref,
    SortIdNameCreated,
    first_of,
    list_query,
    no_reply,
    page_of,
    query,
    unwrap,
)
from .actions import ACTION, FamilyActions

__all__ = [
    "ACTIONS",
    "add_network_route",
    "add_network_subnet",
    "change_network_ip_range",
    "change_network_protection",
    "create_network",
    "delete_network",
    "delete_network_route",
    "delete_network_subnet",
    "get_network",
    "get_network_by_name",
    "list_networks",
    "update_network",
]

NETWORK = unwrap("network", Network)
NETWORKS = page_of("networks", Network)
ACTIONS: FamilyActions = FamilyActions("networks", "network")


_path = ObjectPath("networks")

_Subnet = NetworkAddSubnet | Mapping[str, Any]
_Route = NetworkAddRoute | Mapping[str, Any]

# --- the network itself -------------------------------------------------------


def list_networks(
    *,
    name: str | None = None,
    label_selector: str | None = None,
    sort: SortIdNameCreated | Sequence[SortIdNameCreated] | None = None,
    page: int | None = None,
    per_page: int | None = None,
) -> Call[Page[Network], Page[Network[Async]]]:
    """List networks, one page at a time.

    Args:
        name: Only the network with exactly this name.
        label_selector: Only networks whose labels match, e.g. ``"env=prod"``.
        sort: ``id``, ``name`` or ``created``, optionally with ``:asc``/``:desc``; repeatable.
        page: Page number, from 1.
        per_page: Networks per page, 1 to 50 (the API's default is 25).
    """
    params = list_query(
        name=name, label_selector=label_selector, sort=sort, page=page, per_page=per_page
    )
    return Call("GET", "/networks", NETWORKS, params)


def get_network_by_name(name: str, /) -> Call[Network | None, Network[Async] | None]:
    """Fetch the network with this name, or ``None`` when there is none.

    Args:
        name: The network's name.
    """
    return Call("GET", "/networks", first_of("networks", Network), query(name=name))


def get_network(network: Ref, /) -> Call[Network, Network[Async]]:
    """Fetch one network.

    Args:
        network: The network, or its id.
    """
    return Call("GET", _path(network), NETWORK)


def create_network(
    payload: NetworkCreate | Body = None,
    /,
    *,
    name: str | None = None,
    ip_range: str | None = None,
    subnets: Sequence[_Subnet] | None = None,
    routes: Sequence[_Route] | None = None,
    expose_routes_to_vswitch: bool | None = None,
    labels: dict[str, str] | None = None,
) -> Call[Network, Network[Async]]:
    """Create a network, with subnets and routes if given.

    Args:
        payload: The body as a :class:`~hcloud_models.models.NetworkCreate` or
            mapping (snake_case or kebab-case keys); keywords win over it.
        name: Name of the network (required).
        ip_range: Private IPv4 range in CIDR notation, /24 or larger (required);
            it can be widened later, never narrowed.
        subnets: Subnets to create, as models or mappings.
        routes: Routes to create, as models or mappings.
        expose_routes_to_vswitch: Announce the routes to a connected vSwitch.
        labels: Labels of the network.
    """
    body = NetworkCreate.build(
        payload,
        name=name,
        ip_range=ip_range,
        subnets=None if subnets is None else list(subnets),
        routes=None if routes is None else list(routes),
        expose_routes_to_vswitch=expose_routes_to_vswitch,
        labels=labels,
    )
    return Call.with_payload("POST", "/networks", NETWORK, body)


def update_network(
    network: Ref,
    payload: NetworkUpdate | Body = None,
    /,
    *,
    name: str | None = None,
    expose_routes_to_vswitch: bool | None = None,
    labels: dict[str, str] | None = None,
) -> Call[Network, Network[Async]]:
    """Rename a network, replace its labels or switch route export to its vSwitch.

    Args:
        network: The network, or its id.
        payload: The changes as a model or mapping; keywords win over it.
        name: New name.
        expose_routes_to_vswitch: Announce the routes to a connected vSwitch, or stop.
        labels: New labels; they replace the old ones entirely.
    """
    body = NetworkUpdate.build(
        payload, name=name, expose_routes_to_vswitch=expose_routes_to_vswitch, labels=labels
    )
    return Call.with_payload("PUT", _path(network), NETWORK, body)


def delete_network(network: Ref, /) -> Call[None, None]:
    """Delete a network; attached servers and Load Balancers are detached.

    Args:
        network: The network, or its id.
    """
    return Call("DELETE", _path(network), no_reply)


# --- network actions ----------------------------------------------------------


def add_network_subnet(
    network: Ref,
    payload: NetworkAddSubnet | Body = None,
    /,
    *,
    type: SubnetType | None = None,  # noqa: A002 - the API's field name
    network_zone: str | None = None,
    ip_range: str | None = None,
    vswitch_id: int | None = None,
) -> Call[Action, Action[Async]]:
    """Add a subnet to a network.

    Args:
        network: The network, or its id.
        payload: The body as a model or mapping; keywords win over it.
        type: ``"cloud"``, ``"vswitch"`` or the deprecated ``"server"`` (required).
        network_zone: Network zone of the subnet, e.g. ``"eu-central"`` (required).
        ip_range: Range in CIDR notation inside the network's range, /30 or
            larger; the first free /24 when left out.
        vswitch_id: The vSwitch to connect (type ``"vswitch"`` only, and required there).
    """
    body = NetworkAddSubnet.build(
        payload, type=type, network_zone=network_zone, ip_range=ip_range, vswitch_id=vswitch_id
    )
    return Call.with_payload("POST", _path(network, "add_subnet"), ACTION, body)


def delete_network_subnet(
    network: Ref,
    payload: str | NetworkDeleteSubnet | Body = None,
    /,
    *,
    ip_range: str | None = None,
) -> Call[Action, Action[Async]]:
    """Remove a subnet from a network; nothing may be attached to it.

    Args:
        network: The network, or its id.
        payload: The subnet's range itself, or the body as a model or mapping;
            keywords win over it.
        ip_range: The subnet's range in CIDR notation (required).
    """
    if payload is not None and not isinstance(payload, (NetworkDeleteSubnet, Mapping)):
        payload = {"ip_range": payload}
    body = NetworkDeleteSubnet.build(payload, ip_range=ip_range)
    return Call.with_payload("POST", _path(network, "delete_subnet"), ACTION, body)


def add_network_route(
    network: Ref,
    payload: NetworkAddRoute | Body = None,
    /,
    *,
    destination: str | None = None,
    gateway: str | None = None,
) -> Call[Action, Action[Async]]:
    """Add a route to a network.

    Args:
        network: The network, or its id.
        payload: The body as a model or mapping; keywords win over it.
        destination: Private range (CIDR) or ``"0.0.0.0/0"`` to route (required).
        gateway: Address in the network to send those packets to (required).
    """
    body = NetworkAddRoute.build(payload, destination=destination, gateway=gateway)
    return Call.with_payload("POST", _path(network, "add_route"), ACTION, body)


def delete_network_route(
    network: Ref,
    payload: NetworkDeleteRoute | Body = None,
    /,
    *,
    destination: str | None = None,
    gateway: str | None = None,
) -> Call[Action, Action[Async]]:
    """Remove a route from a network.

    Args:
        network: The network, or its id.
        payload: The body as a model or mapping; keywords win over it.
        destination: The route's destination (required).
        gateway: The route's gateway (required).
    """
    body = NetworkDeleteRoute.build(payload, destination=destination, gateway=gateway)
    return Call.with_payload("POST", _path(network, "delete_route"), ACTION, body)


def change_network_ip_range(
    network: Ref,
    payload: str | NetworkChangeIPRange | Body = None,
    /,
    *,
    ip_range: str | None = None,
) -> Call[Action, Action[Async]]:
    """Widen a network's range: keep its first address, shorten the netmask.

    Args:
        network: The network, or its id.
        payload: The new range itself, or the body as a model or mapping;
            keywords win over it.
        ip_range: The new range, e.g. ``"10.0.0.0/15"`` for ``"10.0.0.0/16"`` (required).
    """
    if payload is not None and not isinstance(payload, (NetworkChangeIPRange, Mapping)):
        payload = {"ip_range": payload}
    body = NetworkChangeIPRange.build(payload, ip_range=ip_range)
    return Call.with_payload("POST", _path(network, "change_ip_range"), ACTION, body)


def change_network_protection(
    network: Ref,
    payload: NetworkChangeProtection | Body = None,
    /,
    *,
    delete: bool | None = None,
) -> Call[Action, Action[Async]]:
    """Turn a network's protection against deletion on or off.

    Args:
        network: The network, or its id.
        payload: The body as a model or mapping; keywords win over it.
        delete: Protect the network against deletion.
    """
    body = NetworkChangeProtection.build(payload, delete=delete)
    return Call.with_payload("POST", _path(network, "change_protection"), ACTION, body)
