"""Operations on servers: CRUD, metrics, and every server action."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Any, Literal

from .._modes import Async
from ..models.actions import Action
from ..models.dns_ptr import ChangeDnsPtr
from ..models.page import Page
from ..models.servers import (
    CreateImageResult,
    CreateServerResult,
    EnableRescueResult,
    RebuildServerResult,
    RequestConsoleResult,
    ResetPasswordResult,
    Server,
    ServerAddToPlacementGroup,
    ServerAttachISO,
    ServerAttachToNetwork,
    ServerChangeAliasIPs,
    ServerChangeProtection,
    ServerChangeType,
    ServerCreate,
    ServerCreateFirewall,
    ServerCreateImage,
    ServerCreatePublicNet,
    ServerDetachFromNetwork,
    ServerEnableBackup,
    ServerEnableRescue,
    ServerMetrics,
    ServerRebuild,
    ServerStatus,
    ServerUpdate,
)
from ._call import (
    Body,
    Call,
    ObjectPath,
    Ref,
    SortIdNameCreated,
    first_of,
    list_query,
    metrics_query,
    page_of,
    query,
    ref_id,
    ref_ids,
    ref_or_name,
    refs_or_names,
    unwrap,
    whole,
)
from .actions import ACTION, FamilyActions

MetricType = Literal["cpu", "disk", "network"]
"""The kinds of server metrics."""

SERVER = unwrap("server", Server)
SERVERS = page_of("servers", Server)
ACTIONS: FamilyActions = FamilyActions("servers", "server")


_path = ObjectPath("servers")


def _act(server: Ref, action: str) -> Call[Action, Action[Async]]:
    return Call("POST", _path(server, action), ACTION)


# --- the server itself --------------------------------------------------------


def list_servers(
    *,
    name: str | None = None,
    label_selector: str | None = None,
    status: ServerStatus | Sequence[ServerStatus] | None = None,
    sort: SortIdNameCreated | Sequence[SortIdNameCreated] | None = None,
    page: int | None = None,
    per_page: int | None = None,
) -> Call[Page[Server], Page[Server[Async]]]:
    """List servers, one page at a time.

    Args:
        name: Only the server with exactly this name.
        label_selector: Only servers whose labels match, e.g. ``"env=prod,tier!=db"``.
        status: Only servers in this state (or these states).
        sort: ``id``, ``name`` or ``created``, optionally with ``:asc``/``:desc``; repeatable.
        page: Page number, from 1.
        per_page: Servers per page, 1 to 50 (the API's default is 25).
    """
    params = list_query(
        name=name,
        label_selector=label_selector,
        status=status,
        sort=sort,
        page=page,
        per_page=per_page,
    )
    return Call("GET", "/servers", SERVERS, params)


def get_server_by_name(name: str, /) -> Call[Server | None, Server[Async] | None]:
    """Fetch the server with this name, or ``None`` when there is none.

    Args:
        name: The server's name.
    """
    return Call("GET", "/servers", first_of("servers", Server), query(name=name))


def get_server(server: Ref, /) -> Call[Server, Server[Async]]:
    """Fetch one server.

    Args:
        server: The server, or its id.
    """
    return Call("GET", _path(server), SERVER)


def create_server(
    payload: ServerCreate | Body = None,
    /,
    *,
    name: str | None = None,
    server_type: str | Ref | None = None,
    image: str | Ref | None = None,
    location: str | Ref | None = None,
    datacenter: str | Ref | None = None,
    start_after_create: bool | None = None,
    ssh_keys: Sequence[str | Ref] | None = None,
    volumes: Sequence[Ref] | None = None,
    networks: Sequence[Ref] | None = None,
    firewalls: Sequence[ServerCreateFirewall | Mapping[str, Any]] | None = None,
    user_data: str | None = None,
    labels: dict[str, str] | None = None,
    automount: bool | None = None,
    public_net: ServerCreatePublicNet | Mapping[str, Any] | None = None,
    placement_group: Ref | None = None,
) -> Call[CreateServerResult, CreateServerResult[Async]]:
    """Create a server.

    Give the body as a :class:`~hcloud_models.models.ServerCreate`, as a mapping
    (snake_case or kebab-case keys), as keywords, or as a mix (keywords win).
    Everything is validated before the request is sent.

    Args:
        payload: The body as a model or mapping.
        name: Name of the server, an RFC 1123 hostname (required).
        server_type: Server type name, id or object, e.g. ``"cx22"`` (required).
        image: Image name, id or object, e.g. ``"ubuntu-24.04"`` (required).
        location: Location name, id or object; excludes ``datacenter``.
        datacenter: Datacenter name, id or object (older way to place a server).
        start_after_create: Start the server once created (the API's default: yes).
        ssh_keys: SSH keys to install for root: names, ids or objects.
        volumes: Volumes to attach, or their ids.
        networks: Private networks to attach, or their ids.
        firewalls: Firewalls to apply, as ``{"firewall": id}``.
        user_data: Cloud-init user data, at most 32 KiB.
        labels: Labels of the server.
        automount: Mount the attached volumes automatically.
        public_net: Public interface options (``enable_ipv4``, ``enable_ipv6``,
            ``ipv4``, ``ipv6``).
        placement_group: Placement group to put the server in, or its id.

    Returns:
        The new server, the action that creates it, the actions that follow
        (starting it, attaching networks or volumes) and, when no SSH key was
        given, the root password.
    """
    body = ServerCreate.build(
        payload,
        name=name,
        server_type=ref_or_name(server_type),
        image=ref_or_name(image),
        location=ref_or_name(location),
        datacenter=ref_or_name(datacenter),
        start_after_create=start_after_create,
        ssh_keys=refs_or_names(ssh_keys),
        volumes=ref_ids(volumes),
        networks=ref_ids(networks),
        firewalls=None if firewalls is None else list(firewalls),
        user_data=user_data,
        labels=labels,
        automount=automount,
        public_net=public_net,
        placement_group=ref_id(placement_group),
    )
    return Call.with_payload("POST", "/servers", whole(CreateServerResult), body)


def update_server(
    server: Ref,
    payload: ServerUpdate | Body = None,
    /,
    *,
    name: str | None = None,
    labels: dict[str, str] | None = None,
) -> Call[Server, Server[Async]]:
    """Rename a server or replace its labels.

    Args:
        server: The server, or its id.
        payload: The changes as a model or mapping; keywords win over it.
        name: New name (an RFC 1123 hostname).
        labels: New labels; they replace the old ones entirely.
    """
    body = ServerUpdate.build(payload, name=name, labels=labels)
    return Call.with_payload("PUT", _path(server), SERVER, body)


def delete_server(server: Ref, /) -> Call[Action, Action[Async]]:
    """Delete a server and its disk; returns the deleting action.

    Args:
        server: The server, or its id.
    """
    return Call("DELETE", _path(server), ACTION)


def get_server_metrics(
    server: Ref,
    /,
    *,
    type: MetricType | Sequence[MetricType],  # noqa: A002 - the API's parameter name
    start: datetime,
    end: datetime,
    step: int | None = None,
) -> Call[ServerMetrics, ServerMetrics]:
    """Fetch CPU, disk or network metrics of a server over a time span.

    Args:
        server: The server, or its id.
        type: ``"cpu"``, ``"disk"``, ``"network"``, or several of them.
        start: Beginning of the span (timezone-aware).
        end: End of the span, after ``start``.
        step: Seconds between two samples; the API picks one when ``None``.

    Raises:
        ValueError: ``start`` or ``end`` lacks a timezone, ``end`` is not after
            ``start``, or ``step`` is not positive.
    """
    params = metrics_query(type=type, start=start, end=end, step=step)
    return Call("GET", f"{_path(server)}/metrics", unwrap("metrics", ServerMetrics), params)


# --- server actions -----------------------------------------------------------


def power_on(server: Ref, /) -> Call[Action, Action[Async]]:
    """Start a server that is off."""
    return _act(server, "poweron")


def power_off(server: Ref, /) -> Call[Action, Action[Async]]:
    """Cut the power of a server at once, like pulling the plug (data may be lost)."""
    return _act(server, "poweroff")


def shutdown(server: Ref, /) -> Call[Action, Action[Async]]:
    """Ask the operating system to shut down (ACPI); the action ends when the request is sent."""
    return _act(server, "shutdown")


def reboot(server: Ref, /) -> Call[Action, Action[Async]]:
    """Ask the operating system to reboot (ACPI soft reboot)."""
    return _act(server, "reboot")


def reset(server: Ref, /) -> Call[Action, Action[Async]]:
    """Hard-reset a server, like pressing its reset button."""
    return _act(server, "reset")


def rebuild(
    server: Ref,
    payload: str | Ref | ServerRebuild | Body = None,
    /,
    *,
    image: str | Ref | None = None,
    user_data: str | None = None,
) -> Call[RebuildServerResult, RebuildServerResult[Async]]:
    """Wipe a server's disk and install an image on it.

    Args:
        server: The server, or its id.
        payload: The image itself, or the body as a model or mapping;
            keywords win over it.
        image: Image name, id or object (required).
        user_data: Cloud-init user data, at most 32 KiB.

    Returns:
        The action, and the new root password when the image sets one.
    """
    if payload is not None and not isinstance(payload, (ServerRebuild, Mapping)):
        payload = {"image": ref_or_name(payload)}
    body = ServerRebuild.build(payload, image=ref_or_name(image), user_data=user_data)
    return Call.with_payload("POST", _path(server, "rebuild"), whole(RebuildServerResult), body)


def change_type(
    server: Ref,
    payload: ServerChangeType | Body = None,
    /,
    *,
    server_type: str | Ref | None = None,
    upgrade_disk: bool | None = None,
) -> Call[Action, Action[Async]]:
    """Move a server (which must be off) to another server type.

    Args:
        server: The server, or its id.
        payload: The body as a model or mapping; keywords win over it.
        server_type: The new type: name, id or object (required).
        upgrade_disk: Grow the disk too (required); a grown disk rules out
            going back to a smaller type.
    """
    body = ServerChangeType.build(
        payload, server_type=ref_or_name(server_type), upgrade_disk=upgrade_disk
    )
    return Call.with_payload("POST", _path(server, "change_type"), ACTION, body)


def enable_rescue(
    server: Ref,
    payload: ServerEnableRescue | Body = None,
    /,
    *,
    type: str | None = None,  # noqa: A002 - the API's field name
    ssh_keys: Sequence[Ref] | None = None,
) -> Call[EnableRescueResult, EnableRescueResult[Async]]:
    """Boot a server into the rescue system on its next start.

    Args:
        server: The server, or its id.
        payload: The body as a model or mapping; keywords win over it.
        type: Rescue system; the API offers ``"linux64"``.
        ssh_keys: SSH keys to put into the rescue system, or their ids.

    Returns:
        The action and the rescue system's root password.
    """
    body = ServerEnableRescue.build(payload, type=type, ssh_keys=ref_ids(ssh_keys))
    return Call.with_payload(
        "POST", _path(server, "enable_rescue"), whole(EnableRescueResult), body
    )


def disable_rescue(server: Ref, /) -> Call[Action, Action[Async]]:
    """Boot a server from its disk again on its next start."""
    return _act(server, "disable_rescue")


def enable_backup(
    server: Ref,
    payload: ServerEnableBackup | Body = None,
    /,
    *,
    backup_window: str | None = None,
) -> Call[Action, Action[Async]]:
    """Turn on daily backups of a server (charged extra).

    Args:
        server: The server, or its id.
        payload: The body as a model or mapping; keywords win over it.
        backup_window: One of ``"22-02"``, ``"02-06"``, ``"06-10"``, ``"10-14"``,
            ``"14-18"``, ``"18-22"`` (UTC); the API picks one when ``None``.
    """
    body = ServerEnableBackup.build(payload, backup_window=backup_window)
    if not body.model_fields_set:
        return _act(server, "enable_backup")
    return Call.with_payload("POST", _path(server, "enable_backup"), ACTION, body)


def disable_backup(server: Ref, /) -> Call[Action, Action[Async]]:
    """Turn off backups of a server and delete its existing backups."""
    return _act(server, "disable_backup")


def attach_iso(
    server: Ref,
    payload: str | Ref | ServerAttachISO | Body = None,
    /,
    *,
    iso: str | Ref | None = None,
) -> Call[Action, Action[Async]]:
    """Insert an ISO into a server's virtual drive.

    Args:
        server: The server, or its id.
        payload: The ISO itself, or the body as a model or mapping;
            keywords win over it.
        iso: ISO name, id or object (required).
    """
    if payload is not None and not isinstance(payload, (ServerAttachISO, Mapping)):
        payload = {"iso": ref_or_name(payload)}
    body = ServerAttachISO.build(payload, iso=ref_or_name(iso))
    return Call.with_payload("POST", _path(server, "attach_iso"), ACTION, body)


def detach_iso(server: Ref, /) -> Call[Action, Action[Async]]:
    """Eject the ISO from a server's virtual drive."""
    return _act(server, "detach_iso")


def create_image(
    server: Ref,
    payload: ServerCreateImage | Body = None,
    /,
    *,
    description: str | None = None,
    type: Literal["snapshot", "backup"] | None = None,  # noqa: A002 - the API's field name
    labels: dict[str, str] | None = None,
) -> Call[CreateImageResult, CreateImageResult[Async]]:
    """Make a snapshot or backup image of a server's disk.

    Args:
        server: The server, or its id.
        payload: The body as a model or mapping; keywords win over it.
        description: Text describing the image.
        type: ``"snapshot"`` (default) or ``"backup"``.
        labels: Labels of the new image.

    Returns:
        The new image (status ``creating``) and the action that makes it.
    """
    body = ServerCreateImage.build(payload, description=description, type=type, labels=labels)
    return Call.with_payload("POST", _path(server, "create_image"), whole(CreateImageResult), body)


def change_protection(
    server: Ref,
    payload: ServerChangeProtection | Body = None,
    /,
    *,
    delete: bool | None = None,
    rebuild: bool | None = None,
) -> Call[Action, Action[Async]]:
    """Turn a server's protection against deletion and rebuilding on or off.

    Args:
        server: The server, or its id.
        payload: The body as a model or mapping; keywords win over it.
        delete: Protect against deletion; must equal ``rebuild`` when both are given.
        rebuild: Protect against rebuilding.
    """
    body = ServerChangeProtection.build(payload, delete=delete, rebuild=rebuild)
    return Call.with_payload("POST", _path(server, "change_protection"), ACTION, body)


def change_dns_ptr(
    server: Ref,
    payload: ChangeDnsPtr | Body = None,
    /,
    *,
    ip: str | None = None,
    dns_ptr: str | None = None,
) -> Call[Action, Action[Async]]:
    """Set the reverse DNS entry of one of a server's public IPs.

    Args:
        server: The server, or its id.
        payload: The body as a model or mapping; keywords win over it.  To reset
            the entry to the default, pass ``{"ip": ..., "dns_ptr": None}``.
        ip: The IP address (required).
        dns_ptr: The hostname it should resolve to.
    """
    body = ChangeDnsPtr.build(payload, ip=ip, dns_ptr=dns_ptr)
    return Call.with_payload("POST", _path(server, "change_dns_ptr"), ACTION, body)


def reset_password(server: Ref, /) -> Call[ResetPasswordResult, ResetPasswordResult[Async]]:
    """Set a new random root password (needs the qemu guest agent on the server).

    Returns:
        The action and the new root password.
    """
    return Call("POST", _path(server, "reset_password"), whole(ResetPasswordResult))


def request_console(server: Ref, /) -> Call[RequestConsoleResult, RequestConsoleResult[Async]]:
    """Open a VNC console over WebSocket, valid for one minute.

    Returns:
        The action, the ``wss://`` URL and the VNC password.
    """
    return Call("POST", _path(server, "request_console"), whole(RequestConsoleResult))


def add_to_placement_group(
    server: Ref,
    payload: Ref | ServerAddToPlacementGroup | Body = None,
    /,
    *,
    placement_group: Ref | None = None,
) -> Call[Action, Action[Async]]:
    """Put a server (which must be off) into a placement group.

    Args:
        server: The server, or its id.
        payload: The placement group itself, or the body as a model or mapping;
            keywords win over it.
        placement_group: The placement group, or its id (required).
    """
    if payload is not None and not isinstance(payload, (ServerAddToPlacementGroup, Mapping)):
        payload = {"placement_group": ref_id(payload)}
    body = ServerAddToPlacementGroup.build(payload, placement_group=ref_id(placement_group))
    return Call.with_payload("POST", _path(server, "add_to_placement_group"), ACTION, body)


def remove_from_placement_group(server: Ref, /) -> Call[Action, Action[Async]]:
    """Take a server out of its placement group."""
    return _act(server, "remove_from_placement_group")


def attach_to_network(
    server: Ref,
    payload: Ref | ServerAttachToNetwork | Body = None,
    /,
    *,
    network: Ref | None = None,
    ip: str | None = None,
    alias_ips: Sequence[str] | None = None,
    ip_range: str | None = None,
) -> Call[Action, Action[Async]]:
    """Connect a server to a private network.

    Args:
        server: The server, or its id.
        payload: The network itself, or the body as a model or mapping;
            keywords win over it.
        network: The network, or its id (required).
        ip: The server's address in the network; the API picks one when ``None``.
        alias_ips: Further addresses of the server in the network.
        ip_range: Subnet to take the address from.
    """
    if payload is not None and not isinstance(payload, (ServerAttachToNetwork, Mapping)):
        payload = {"network": ref_id(payload)}
    body = ServerAttachToNetwork.build(
        payload, network=ref_id(network), ip=ip, alias_ips=alias_ips, ip_range=ip_range
    )
    return Call.with_payload("POST", _path(server, "attach_to_network"), ACTION, body)


def detach_from_network(
    server: Ref,
    payload: Ref | ServerDetachFromNetwork | Body = None,
    /,
    *,
    network: Ref | None = None,
) -> Call[Action, Action[Async]]:
    """Disconnect a server from a private network.

    Args:
        server: The server, or its id.
        payload: The network itself, or the body as a model or mapping;
            keywords win over it.
        network: The network, or its id (required).
    """
    if payload is not None and not isinstance(payload, (ServerDetachFromNetwork, Mapping)):
        payload = {"network": ref_id(payload)}
    body = ServerDetachFromNetwork.build(payload, network=ref_id(network))
    return Call.with_payload("POST", _path(server, "detach_from_network"), ACTION, body)


def change_alias_ips(
    server: Ref,
    payload: ServerChangeAliasIPs | Body = None,
    /,
    *,
    network: Ref | None = None,
    alias_ips: Sequence[str] | None = None,
) -> Call[Action, Action[Async]]:
    """Replace a server's alias IPs in a private network.

    Args:
        server: The server, or its id.
        payload: The body as a model or mapping; keywords win over it.
        network: The network, or its id (required).
        alias_ips: The new alias addresses (required; empty removes them all).
    """
    body = ServerChangeAliasIPs.build(payload, network=ref_id(network), alias_ips=alias_ips)
    return Call.with_payload("POST", _path(server, "change_alias_ips"), ACTION, body)
