"""Operations on Primary IPs: CRUD, assigning to servers, reverse DNS, protection, actions."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, Literal

from .._modes import Async
from ..models.actions import Action
from ..models.dns_ptr import ChangeDnsPtr
from ..models.page import Page
from ..models.primary_ips import (
    CreatePrimaryIPResult,
    PrimaryIP,
    PrimaryIPAssign,
    PrimaryIPAssigneeType,
    PrimaryIPChangeProtection,
    PrimaryIPCreate,
    PrimaryIPUpdate,
)
from ._call import (
    Body,
    Call,
    ObjectPath,
    Ref,
    SortIdCreated,
    first_of,
    id_of,
    list_query,
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
    "assign_primary_ip",
    "change_primary_ip_dns_ptr",
    "change_primary_ip_protection",
    "create_primary_ip",
    "delete_primary_ip",
    "get_primary_ip",
    "get_primary_ip_by_name",
    "list_primary_ips",
    "unassign_primary_ip",
    "update_primary_ip",
]

PRIMARY_IP = unwrap("primary_ip", PrimaryIP)
PRIMARY_IPS = page_of("primary_ips", PrimaryIP)
ACTIONS: FamilyActions = FamilyActions("primary_ips", "primary_ip")


_path = ObjectPath("primary_ips")


# --- the Primary IP itself ----------------------------------------------------


def list_primary_ips(
    *,
    name: str | None = None,
    label_selector: str | None = None,
    ip: str | None = None,
    sort: SortIdCreated | Sequence[SortIdCreated] | None = None,
    page: int | None = None,
    per_page: int | None = None,
) -> Call[Page[PrimaryIP], Page[PrimaryIP[Async]]]:
    """List Primary IPs, one page at a time.

    Args:
        name: Only the Primary IP with exactly this name.
        label_selector: Only Primary IPs whose labels match, e.g. ``"env=prod"``.
        ip: Only the Primary IP with this address.
        sort: ``id`` or ``created``, optionally with ``:asc``/``:desc``; repeatable.
        page: Page number, from 1.
        per_page: Primary IPs per page, 1 to 50 (the API's default is 25).
    """
    params = list_query(
        name=name, label_selector=label_selector, ip=ip, page=page, per_page=per_page, sort=sort
    )
    return Call("GET", "/primary_ips", PRIMARY_IPS, params)


def get_primary_ip_by_name(name: str, /) -> Call[PrimaryIP | None, PrimaryIP[Async] | None]:
    """Fetch the Primary IP with this name, or ``None`` when there is none.

    Args:
        name: The Primary IP's name.
    """
    return Call("GET", "/primary_ips", first_of("primary_ips", PrimaryIP), query(name=name))


def get_primary_ip(primary_ip: Ref, /) -> Call[PrimaryIP, PrimaryIP[Async]]:
    """Fetch one Primary IP.

    Args:
        primary_ip: The Primary IP, or its id.
    """
    return Call("GET", _path(primary_ip), PRIMARY_IP)


def create_primary_ip(
    payload: PrimaryIPCreate | Body = None,
    /,
    *,
    name: str | None = None,
    type: Literal["ipv4", "ipv6"] | None = None,  # noqa: A002 - the API's field name
    location: str | int | None = None,
    assignee_id: Ref | None = None,
    assignee_type: PrimaryIPAssigneeType | None = None,
    auto_delete: bool | None = None,
    labels: dict[str, str] | None = None,
) -> Call[CreatePrimaryIPResult, CreatePrimaryIPResult[Async]]:
    """Create a Primary IP, either assigned to a resource or kept in a location.

    Args:
        payload: The body as a :class:`~hcloud_models.models.PrimaryIPCreate` or
            mapping (snake_case or kebab-case keys); keywords win over it.
        name: Name of the Primary IP, unique in the project (required).
        type: ``"ipv4"`` or ``"ipv6"`` (required).
        location: Location name or id of an unassigned Primary IP.
        assignee_id: The resource to assign it to (a powered-off server), or its id.
        assignee_type: Kind of that resource; ``"server"``, also the default
            when ``assignee_id`` is given as a keyword.
        auto_delete: Delete the Primary IP together with its assignee.
        labels: Labels of the Primary IP.

    Returns:
        The new Primary IP and, when it is assigned, the action that assigns it.
    """
    if assignee_id is not None and assignee_type is None:
        assignee_type = "server"
    body = PrimaryIPCreate.build(
        payload,
        name=name,
        type=type,
        location=location,
        assignee_id=ref_id(assignee_id),
        assignee_type=assignee_type,
        auto_delete=auto_delete,
        labels=labels,
    )
    return Call.with_payload("POST", "/primary_ips", whole(CreatePrimaryIPResult), body)


def update_primary_ip(
    primary_ip: Ref,
    payload: PrimaryIPUpdate | Body = None,
    /,
    *,
    name: str | None = None,
    auto_delete: bool | None = None,
    labels: dict[str, str] | None = None,
) -> Call[PrimaryIP, PrimaryIP[Async]]:
    """Rename a Primary IP, switch ``auto_delete`` or replace its labels.

    Args:
        primary_ip: The Primary IP, or its id.
        payload: The changes as a model or mapping; keywords win over it.
        name: New name.
        auto_delete: Delete the Primary IP together with its assignee.
        labels: New labels; they replace the old ones entirely.
    """
    body = PrimaryIPUpdate.build(payload, name=name, auto_delete=auto_delete, labels=labels)
    return Call.with_payload("PUT", _path(primary_ip), PRIMARY_IP, body)


def delete_primary_ip(primary_ip: Ref, /) -> Call[None, None]:
    """Delete a Primary IP; its server must be off (and, from May 2026, it must be unassigned).

    Args:
        primary_ip: The Primary IP, or its id.
    """
    return Call("DELETE", _path(primary_ip), no_reply)


# --- Primary IP actions -------------------------------------------------------


def assign_primary_ip(
    primary_ip: Ref,
    assignee: Ref | PrimaryIPAssign | Mapping[str, Any],
    /,
    *,
    assignee_type: PrimaryIPAssigneeType = "server",
) -> Call[Action, Action[Async]]:
    """Assign a Primary IP to a powered-off server that has none of its type.

    Args:
        primary_ip: The Primary IP, or its id.
        assignee: The server, or its id; or the whole body as a model or mapping.
        assignee_type: Kind of ``assignee`` when it is given by id or object.
    """
    if isinstance(assignee, (PrimaryIPAssign, Mapping)):
        body = PrimaryIPAssign.build(assignee)
    else:
        body = PrimaryIPAssign.build(assignee_type=assignee_type, assignee_id=id_of(assignee))
    return Call.with_payload("POST", _path(primary_ip, "assign"), ACTION, body)


def unassign_primary_ip(primary_ip: Ref, /) -> Call[Action, Action[Async]]:
    """Take a Primary IP away from its resource; a server must be off for this.

    Args:
        primary_ip: The Primary IP, or its id.
    """
    return Call("POST", _path(primary_ip, "unassign"), ACTION)


def change_primary_ip_dns_ptr(
    primary_ip: Ref,
    payload: ChangeDnsPtr | Body = None,
    /,
    *,
    ip: str | None = None,
    dns_ptr: str | None = None,
) -> Call[Action, Action[Async]]:
    """Set the reverse DNS entry of a Primary IP's address.

    Args:
        primary_ip: The Primary IP, or its id.
        payload: The body as a model or mapping; keywords win over it.  To reset
            the entry to the default, pass ``{"ip": ..., "dns_ptr": None}``.
        ip: The address: the IPv4 address itself, or one inside the IPv6 block (required).
        dns_ptr: The hostname it should resolve to.
    """
    body = ChangeDnsPtr.build(payload, ip=ip, dns_ptr=dns_ptr)
    return Call.with_payload("POST", _path(primary_ip, "change_dns_ptr"), ACTION, body)


def change_primary_ip_protection(
    primary_ip: Ref,
    payload: PrimaryIPChangeProtection | Body = None,
    /,
    *,
    delete: bool | None = None,
) -> Call[Action, Action[Async]]:
    """Turn a Primary IP's protection against deletion on or off.

    Args:
        primary_ip: The Primary IP, or its id.
        payload: The body as a model or mapping; keywords win over it.
        delete: Protect the Primary IP against deletion (required).
    """
    body = PrimaryIPChangeProtection.build(payload, delete=delete)
    return Call.with_payload("POST", _path(primary_ip, "change_protection"), ACTION, body)
