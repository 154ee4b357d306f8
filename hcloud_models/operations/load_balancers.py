"""Operations on Load Balancers: CRUD, metrics, services, targets, networks and other actions."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Any, Literal

from .._modes import Async
from ..models.actions import Action
from ..models.dns_ptr import ChangeDnsPtr
from ..models.load_balancers import (
    CreateLoadBalancerResult,
    LoadBalancer,
    LoadBalancerAddService,
    LoadBalancerAddServiceHealthCheck,
    LoadBalancerAddServiceHTTP,
    LoadBalancerAddTarget,
    LoadBalancerAlgorithmType,
    LoadBalancerAttachToNetwork,
    LoadBalancerChangeAlgorithm,
    LoadBalancerChangeProtection,
    LoadBalancerChangeType,
    LoadBalancerCreate,
    LoadBalancerDeleteService,
    LoadBalancerDetachFromNetwork,
    LoadBalancerMetrics,
    LoadBalancerRemoveTarget,
    LoadBalancerTargetType,
    LoadBalancerUpdate,
    LoadBalancerUpdateService,
    LoadBalancerUpdateServiceHealthCheck,
    LoadBalancerUpdateServiceHTTP,
    ServiceProtocol,
)
from ..models.page import Page
from ._call import (
    Body,
    Call,
    ObjectPath,
    Ref,
    SortIdNameCreated,
    first_of,
    id_of,
    list_query,
    metrics_query,
    name_or_id,
    no_reply,
    page_of,
    query,
    ref_id,
    unwrap,
    whole,
)
from .actions import ACTION, FamilyActions

__all__ = [
    "ACTIONS",
    "LoadBalancerMetricType",
    "add_service",
    "add_target",
    "attach_to_network",
    "change_algorithm",
    "change_dns_ptr",
    "change_protection",
    "change_type",
    "create_load_balancer",
    "delete_load_balancer",
    "delete_service",
    "detach_from_network",
    "disable_public_interface",
    "enable_public_interface",
    "get_load_balancer",
    "get_load_balancer_by_name",
    "get_load_balancer_metrics",
    "list_load_balancers",
    "remove_target",
    "update_load_balancer",
    "update_service",
]

LoadBalancerMetricType = Literal[
    "open_connections", "connections_per_second", "requests_per_second", "bandwidth"
]
"""The kinds of Load Balancer metrics."""

LOAD_BALANCER = unwrap("load_balancer", LoadBalancer)
LOAD_BALANCERS = page_of("load_balancers", LoadBalancer)
ACTIONS: FamilyActions = FamilyActions("load_balancers", "load_balancer")

_path = ObjectPath("load_balancers")

_Target = Ref | Mapping[str, Any]
"""A server (object or id) or an already-built ``{"id": ...}``."""


def _server(value: _Target | None) -> Any:
    if value is None or isinstance(value, Mapping):
        return value
    return {"id": id_of(value)}


# --- the Load Balancer itself -------------------------------------------------


def list_load_balancers(
    *,
    name: str | None = None,
    label_selector: str | None = None,
    sort: SortIdNameCreated | Sequence[SortIdNameCreated] | None = None,
    page: int | None = None,
    per_page: int | None = None,
) -> Call[Page[LoadBalancer], Page[LoadBalancer[Async]]]:
    """List Load Balancers, one page at a time.

    Args:
        name: Only the Load Balancer with exactly this name.
        label_selector: Only Load Balancers whose labels match, e.g. ``"env=prod"``.
        sort: ``id``, ``name`` or ``created``, optionally with ``:asc``/``:desc``; repeatable.
        page: Page number, from 1.
        per_page: Load Balancers per page, 1 to 50 (the API's default is 25).
    """
    params = list_query(
        name=name, label_selector=label_selector, sort=sort, page=page, per_page=per_page
    )
    return Call("GET", "/load_balancers", LOAD_BALANCERS, params)


def get_load_balancer_by_name(
    name: str, /
) -> Call[LoadBalancer | None, LoadBalancer[Async] | None]:
    """Fetch the Load Balancer with this name, or ``None`` when there is none.

    Args:
        name: The Load Balancer's name.
    """
    reply = first_of("load_balancers", LoadBalancer)
    return Call("GET", "/load_balancers", reply, query(name=name))


def get_load_balancer(load_balancer: Ref, /) -> Call[LoadBalancer, LoadBalancer[Async]]:
    """Fetch one Load Balancer.

    Args:
        load_balancer: The Load Balancer, or its id.
    """
    return Call("GET", _path(load_balancer), LOAD_BALANCER)


def create_load_balancer(
    payload: LoadBalancerCreate | Body = None,
    /,
    *,
    name: str | None = None,
    load_balancer_type: str | Ref | None = None,
    location: str | Ref | None = None,
    network_zone: str | None = None,
    algorithm: LoadBalancerAlgorithmType | Mapping[str, Any] | None = None,
    services: Sequence[LoadBalancerAddService | Mapping[str, Any]] | None = None,
    targets: Sequence[LoadBalancerAddTarget | Mapping[str, Any]] | None = None,
    labels: dict[str, str] | None = None,
    public_interface: bool | None = None,
    network: Ref | None = None,
) -> Call[CreateLoadBalancerResult, CreateLoadBalancerResult[Async]]:
    """Create a Load Balancer, optionally with its services, targets and network.

    Give the body as a :class:`~hcloud_models.models.LoadBalancerCreate`, as a
    mapping (snake_case or kebab-case keys), as keywords, or as a mix (keywords
    win).  Everything is validated before the request is sent.

    Args:
        payload: The body as a model or mapping.
        name: Name of the Load Balancer (required).
        load_balancer_type: Type name such as ``"lb11"``, or the type or its id (required).
        location: Location name, or the location or its id.
        network_zone: Network zone to create it in, instead of a ``location``.
        algorithm: ``"round_robin"`` (the default) or ``"least_connections"``.
        services: Services to set up (see :class:`~hcloud_models.models.LoadBalancerAddService`).
        targets: Targets to add (see :class:`~hcloud_models.models.LoadBalancerAddTarget`).
        labels: Labels of the Load Balancer.
        public_interface: ``False`` to create it without a public interface.
        network: Private network to attach it to, or its id.

    Returns:
        The new Load Balancer and the action that sets it up.
    """
    body = LoadBalancerCreate.build(
        payload,
        name=name,
        load_balancer_type=name_or_id(load_balancer_type),
        location=name_or_id(location),
        network_zone=network_zone,
        algorithm=algorithm,
        services=services,
        targets=targets,
        labels=labels,
        public_interface=public_interface,
        network=ref_id(network),
    )
    return Call.with_payload("POST", "/load_balancers", whole(CreateLoadBalancerResult), body)


def update_load_balancer(
    load_balancer: Ref,
    payload: LoadBalancerUpdate | Body = None,
    /,
    *,
    name: str | None = None,
    labels: dict[str, str] | None = None,
) -> Call[LoadBalancer, LoadBalancer[Async]]:
    """Rename a Load Balancer or replace its labels.

    Args:
        load_balancer: The Load Balancer, or its id.
        payload: The changes as a model or mapping; keywords win over it.
        name: New name.
        labels: New labels; they replace the old ones entirely.
    """
    body = LoadBalancerUpdate.build(payload, name=name, labels=labels)
    return Call.with_payload("PUT", _path(load_balancer), LOAD_BALANCER, body)


def delete_load_balancer(load_balancer: Ref, /) -> Call[None, None]:
    """Delete a Load Balancer; its public addresses are released.

    Args:
        load_balancer: The Load Balancer, or its id.
    """
    return Call("DELETE", _path(load_balancer), no_reply)


def get_load_balancer_metrics(
    load_balancer: Ref,
    /,
    *,
    type: LoadBalancerMetricType | Sequence[LoadBalancerMetricType],  # noqa: A002 - the API's name
    start: datetime,
    end: datetime,
    step: int | None = None,
) -> Call[LoadBalancerMetrics, LoadBalancerMetrics]:
    """Fetch connection, request or bandwidth metrics of a Load Balancer over a time span.

    Args:
        load_balancer: The Load Balancer, or its id.
        type: ``"open_connections"``, ``"connections_per_second"``,
            ``"requests_per_second"``, ``"bandwidth"``, or several of them.
        start: Beginning of the span (timezone-aware).
        end: End of the span, after ``start``.
        step: Seconds between two samples; the API picks one when ``None``.

    Raises:
        ValueError: ``start`` or ``end`` lacks a timezone, ``end`` is not after
            ``start``, or ``step`` is not positive.
    """
    params = metrics_query(type=type, start=start, end=end, step=step)
    reply = unwrap("metrics", LoadBalancerMetrics)
    return Call("GET", f"{_path(load_balancer)}/metrics", reply, params)


# --- services -----------------------------------------------------------------


def add_service(
    load_balancer: Ref,
    payload: LoadBalancerAddService | Body = None,
    /,
    *,
    protocol: ServiceProtocol | None = None,
    listen_port: int | None = None,
    destination_port: int | None = None,
    proxyprotocol: bool | None = None,
    health_check: LoadBalancerAddServiceHealthCheck | Mapping[str, Any] | None = None,
    http: LoadBalancerAddServiceHTTP | Mapping[str, Any] | None = None,
) -> Call[Action, Action[Async]]:
    """Add a service: a port the Load Balancer listens on and where it sends the traffic.

    Args:
        load_balancer: The Load Balancer, or its id.
        payload: The service as a model or mapping; keywords win over it.
        protocol: ``"tcp"``, ``"http"`` or ``"https"`` (required).
        listen_port: Port the Load Balancer listens on (required).
        destination_port: Port of the targets traffic goes to (required).
        proxyprotocol: Prepend the PROXY protocol header (required).
        health_check: How targets are checked (required).
        http: HTTP settings of ``http`` and ``https`` services; ``https`` needs certificates.
    """
    body = LoadBalancerAddService.build(
        payload,
        protocol=protocol,
        listen_port=listen_port,
        destination_port=destination_port,
        proxyprotocol=proxyprotocol,
        health_check=health_check,
        http=http,
    )
    return Call.with_payload("POST", _path(load_balancer, "add_service"), ACTION, body)


def update_service(
    load_balancer: Ref,
    payload: int | LoadBalancerUpdateService | Body = None,
    /,
    *,
    listen_port: int | None = None,
    protocol: ServiceProtocol | None = None,
    destination_port: int | None = None,
    proxyprotocol: bool | None = None,
    health_check: LoadBalancerUpdateServiceHealthCheck | Mapping[str, Any] | None = None,
    http: LoadBalancerUpdateServiceHTTP | Mapping[str, Any] | None = None,
) -> Call[Action, Action[Async]]:
    """Change the service listening on ``listen_port``; what is left out stays as it is.

    Args:
        load_balancer: The Load Balancer, or its id.
        payload: The service's port itself, or the changes as a model or mapping;
            keywords win over it.
        listen_port: Port of the service to change (required).
        protocol: New protocol.
        destination_port: New port of the targets.
        proxyprotocol: Turn the PROXY protocol header on or off.
        health_check: Changes to the health check.
        http: Changes to the HTTP settings.
    """
    if payload is not None and not isinstance(payload, (LoadBalancerUpdateService, Mapping)):
        payload = {"listen_port": payload}
    body = LoadBalancerUpdateService.build(
        payload,
        listen_port=listen_port,
        protocol=protocol,
        destination_port=destination_port,
        proxyprotocol=proxyprotocol,
        health_check=health_check,
        http=http,
    )
    return Call.with_payload("POST", _path(load_balancer, "update_service"), ACTION, body)


def delete_service(
    load_balancer: Ref,
    payload: int | LoadBalancerDeleteService | Body = None,
    /,
    *,
    listen_port: int | None = None,
) -> Call[Action, Action[Async]]:
    """Remove the service listening on ``listen_port``.

    Args:
        load_balancer: The Load Balancer, or its id.
        payload: The service's port itself, or the body as a model or mapping;
            keywords win over it.
        listen_port: Port of the service to remove (required).
    """
    if payload is not None and not isinstance(payload, (LoadBalancerDeleteService, Mapping)):
        payload = {"listen_port": payload}
    body = LoadBalancerDeleteService.build(payload, listen_port=listen_port)
    return Call.with_payload("POST", _path(load_balancer, "delete_service"), ACTION, body)


# --- targets ------------------------------------------------------------------


def add_target(
    load_balancer: Ref,
    payload: LoadBalancerAddTarget | Body = None,
    /,
    *,
    type: LoadBalancerTargetType | None = None,  # noqa: A002 - the API's field name
    server: _Target | None = None,
    label_selector: str | None = None,
    ip: str | None = None,
    use_private_ip: bool | None = None,
) -> Call[Action, Action[Async]]:
    """Add a target: a server, every server matching a label selector, or an IP address.

    ``type`` is filled in when exactly one of ``server``, ``label_selector``
    and ``ip`` is given: ``add_target(lb, server=web)``.

    Args:
        load_balancer: The Load Balancer, or its id.
        payload: The target as a model or mapping; keywords win over it.
        type: ``"server"``, ``"label_selector"`` or ``"ip"``.
        server: The server, or its id.
        label_selector: A label selector such as ``"env=prod"``.
        ip: An IP address (of a dedicated server, say).
        use_private_ip: Send traffic over a private network (server and label selector targets).
    """
    body = LoadBalancerAddTarget.build(
        payload,
        type=type,
        server=_server(server),
        label_selector=label_selector,
        ip=ip,
        use_private_ip=use_private_ip,
    )
    return Call.with_payload("POST", _path(load_balancer, "add_target"), ACTION, body)


def remove_target(
    load_balancer: Ref,
    payload: LoadBalancerRemoveTarget | Body = None,
    /,
    *,
    type: LoadBalancerTargetType | None = None,  # noqa: A002 - the API's field name
    server: _Target | None = None,
    label_selector: str | None = None,
    ip: str | None = None,
) -> Call[Action, Action[Async]]:
    """Remove a target, named as when it was added.

    Args:
        load_balancer: The Load Balancer, or its id.
        payload: The target as a model or mapping; keywords win over it.
        type: ``"server"``, ``"label_selector"`` or ``"ip"``.
        server: The server, or its id.
        label_selector: The label selector of the target.
        ip: The IP address of the target.
    """
    body = LoadBalancerRemoveTarget.build(
        payload, type=type, server=_server(server), label_selector=label_selector, ip=ip
    )
    return Call.with_payload("POST", _path(load_balancer, "remove_target"), ACTION, body)


# --- other actions ------------------------------------------------------------


def change_algorithm(
    load_balancer: Ref,
    payload: LoadBalancerAlgorithmType | LoadBalancerChangeAlgorithm | Body = None,
    /,
    *,
    type: LoadBalancerAlgorithmType | None = None,  # noqa: A002 - the API's field name
) -> Call[Action, Action[Async]]:
    """Change how a Load Balancer spreads connections over its targets.

    Args:
        load_balancer: The Load Balancer, or its id.
        payload: The algorithm itself, or the body as a model or mapping;
            keywords win over it.
        type: ``"round_robin"`` or ``"least_connections"`` (required).
    """
    if payload is not None and not isinstance(payload, (LoadBalancerChangeAlgorithm, Mapping)):
        payload = {"type": payload}
    body = LoadBalancerChangeAlgorithm.build(payload, type=type)
    return Call.with_payload("POST", _path(load_balancer, "change_algorithm"), ACTION, body)


def change_type(
    load_balancer: Ref,
    payload: str | Ref | LoadBalancerChangeType | Body = None,
    /,
    *,
    load_balancer_type: str | Ref | None = None,
) -> Call[Action, Action[Async]]:
    """Move a Load Balancer to another Load Balancer type.

    Args:
        load_balancer: The Load Balancer, or its id.
        payload: The new type itself, or the body as a model or mapping;
            keywords win over it.
        load_balancer_type: Type name such as ``"lb21"``, or the type or its id (required).
    """
    if payload is not None and not isinstance(payload, (LoadBalancerChangeType, Mapping)):
        payload = {"load_balancer_type": name_or_id(payload)}
    body = LoadBalancerChangeType.build(payload, load_balancer_type=name_or_id(load_balancer_type))
    return Call.with_payload("POST", _path(load_balancer, "change_type"), ACTION, body)


def attach_to_network(
    load_balancer: Ref,
    payload: Ref | LoadBalancerAttachToNetwork | Body = None,
    /,
    *,
    network: Ref | None = None,
    ip: str | None = None,
    ip_range: str | None = None,
) -> Call[Action, Action[Async]]:
    """Connect a Load Balancer to a private network.

    Args:
        load_balancer: The Load Balancer, or its id.
        payload: The network itself, or the body as a model or mapping;
            keywords win over it.
        network: The network, or its id (required).
        ip: Address to take in the network; one is picked when left out.
        ip_range: Subnet (CIDR) to pick the address from.
    """
    if payload is not None and not isinstance(payload, (LoadBalancerAttachToNetwork, Mapping)):
        payload = {"network": id_of(payload)}
    body = LoadBalancerAttachToNetwork.build(
        payload, network=ref_id(network), ip=ip, ip_range=ip_range
    )
    return Call.with_payload("POST", _path(load_balancer, "attach_to_network"), ACTION, body)


def detach_from_network(
    load_balancer: Ref,
    payload: Ref | LoadBalancerDetachFromNetwork | Body = None,
    /,
    *,
    network: Ref | None = None,
) -> Call[Action, Action[Async]]:
    """Disconnect a Load Balancer from a private network.

    Args:
        load_balancer: The Load Balancer, or its id.
        payload: The network itself, or the body as a model or mapping;
            keywords win over it.
        network: The network, or its id (required).
    """
    if payload is not None and not isinstance(payload, (LoadBalancerDetachFromNetwork, Mapping)):
        payload = {"network": id_of(payload)}
    body = LoadBalancerDetachFromNetwork.build(payload, network=ref_id(network))
    return Call.with_payload("POST", _path(load_balancer, "detach_from_network"), ACTION, body)


def enable_public_interface(load_balancer: Ref, /) -> Call[Action, Action[Async]]:
    """Turn a Load Balancer's public interface on.

    Args:
        load_balancer: The Load Balancer, or its id.
    """
    return Call("POST", _path(load_balancer, "enable_public_interface"), ACTION)


def disable_public_interface(load_balancer: Ref, /) -> Call[Action, Action[Async]]:
    """Turn a Load Balancer's public interface off; it is then reachable only privately.

    Args:
        load_balancer: The Load Balancer, or its id.
    """
    return Call("POST", _path(load_balancer, "disable_public_interface"), ACTION)


def change_dns_ptr(
    load_balancer: Ref,
    payload: ChangeDnsPtr | Body = None,
    /,
    *,
    ip: str | None = None,
    dns_ptr: str | None = None,
) -> Call[Action, Action[Async]]:
    """Set the reverse DNS entry of one of a Load Balancer's public addresses.

    Args:
        load_balancer: The Load Balancer, or its id.
        payload: The body as a model or mapping; keywords win over it.  To reset
            the entry, pass ``{"ip": ..., "dns_ptr": None}``.
        ip: The public IPv4 or IPv6 address (required).
        dns_ptr: The hostname it should resolve to.
    """
    body = ChangeDnsPtr.build(payload, ip=ip, dns_ptr=dns_ptr)
    return Call.with_payload("POST", _path(load_balancer, "change_dns_ptr"), ACTION, body)


def change_protection(
    load_balancer: Ref,
    payload: LoadBalancerChangeProtection | Body = None,
    /,
    *,
    delete: bool | None = None,
) -> Call[Action, Action[Async]]:
    """Turn a Load Balancer's protection against deletion on or off.

    Args:
        load_balancer: The Load Balancer, or its id.
        payload: The body as a model or mapping; keywords win over it.
        delete: Protect the Load Balancer against deletion.
    """
    body = LoadBalancerChangeProtection.build(payload, delete=delete)
    return Call.with_payload("POST", _path(load_balancer, "change_protection"), ACTION, body)
