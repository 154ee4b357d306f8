"""Operations on Floating IPs: CRUD, assigning to servers, reverse DNS, protection, actions."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, Literal

from .._modes import Async
from ..models.actions import Action
from ..models.dns_ptr import ChangeDnsPtr
from ..models.floating_ips import (
    CreateFloatingIPResult,
    FloatingIP,
    FloatingIPAssign,
    FloatingIPChangeProtection,
    FloatingIPCreate,
    FloatingIPUpdate,
)
from ..models.page import Page
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
    "assign_floating_ip",
    "change_floating_ip_dns_ptr",
    "change_floating_ip_protection",
    "create_floating_ip",
    "delete_floating_ip",
    "get_floating_ip",
    "get_floating_ip_by_name",
    "list_floating_ips",
    "unassign_floating_ip",
    "update_floating_ip",
]

FLOATING_IP = unwrap("floating_ip", FloatingIP)
FLOATING_IPS = page_of("floating_ips", FloatingIP)
ACTIONS: FamilyActions = FamilyActions("floating_ips", "floating_ip")


_path = ObjectPath("floating_ips")


# --- the Floating IP itself ---------------------------------------------------


def list_floating_ips(
    *,
    name: str | None = None,
    label_selector: str | None = None,
    sort: SortIdCreated | Sequence[SortIdCreated] | None = None,
    page: int | None = None,
    per_page: int | None = None,
) -> Call[Page[FloatingIP], Page[FloatingIP[Async]]]:
    """List Floating IPs, one page at a time.

    Args:
        name: Only the Floating IP with exactly this name.
        label_selector: Only Floating IPs whose labels match, e.g. ``"env=prod"``.
        sort: ``id`` or ``created``, optionally with ``:asc``/``:desc``; repeatable.
        page: Page number, from 1.
        per_page: Floating IPs per page, 1 to 50 (the API's default is 25).
    """
    params = list_query(
        name=name, label_selector=label_selector, sort=sort, page=page, per_page=per_page
    )
    return Call("GET", "/floating_ips", FLOATING_IPS, params)


def get_floating_ip_by_name(name: str, /) -> Call[FloatingIP | None, FloatingIP[Async] | None]:
    """Fetch the Floating IP with this name, or ``None`` when there is none.

    Args:
        name: The Floating IP's name.
    """
    return Call("GET", "/floating_ips", first_of("floating_ips", FloatingIP), query(name=name))


def get_floating_ip(floating_ip: Ref, /) -> Call[FloatingIP, FloatingIP[Async]]:
    """Fetch one Floating IP.

    Args:
        floating_ip: The Floating IP, or its id.
    """
    return Call("GET", _path(floating_ip), FLOATING_IP)


def create_floating_ip(
    payload: FloatingIPCreate | Body = None,
    /,
    *,
    type: Literal["ipv4", "ipv6"] | None = None,  # noqa: A002 - the API's field name
    server: Ref | None = None,
    home_location: str | int | None = None,
    name: str | None = None,
    description: str | None = None,
    labels: dict[str, str] | None = None,
) -> Call[CreateFloatingIPResult, CreateFloatingIPResult[Async]]:
    """Create a Floating IP, either assigned to a server or kept in a location.

    Give the body as a :class:`~hcloud_models.models.FloatingIPCreate`, as a
    mapping (snake_case or kebab-case keys), as keywords, or as a mix (keywords
    win).  Everything is validated before the request is sent.

    Args:
        payload: The body as a model or mapping.
        type: ``"ipv4"`` or ``"ipv6"`` (required).
        server: Server to assign the new address to, or its id; the address
            then lives in the server's location.
        home_location: Location name or id to keep the address in, when no
            ``server`` is given.
        name: Name of the Floating IP.
        description: Text describing the Floating IP.
        labels: Labels of the Floating IP.

    Returns:
        The new Floating IP and, when it is assigned to a server, the action
        that assigns it.
    """
    body = FloatingIPCreate.build(
        payload,
        type=type,
        server=ref_id(server),
        home_location=home_location,
        name=name,
        description=description,
        labels=labels,
    )
    return Call.with_payload("POST", "/floating_ips", whole(CreateFloatingIPResult), body)


def update_floating_ip(
    floating_ip: Ref,
    payload: FloatingIPUpdate | Body = None,
    /,
    *,
    name: str | None = None,
    description: str | None = None,
    labels: dict[str, str] | None = None,
) -> Call[FloatingIP, FloatingIP[Async]]:
    """Rename a Floating IP, change its description or replace its labels.

    Args:
        floating_ip: The Floating IP, or its id.
        payload: The changes as a model or mapping; keywords win over it.
        name: New name.
        description: New description.
        labels: New labels; they replace the old ones entirely.
    """
    body = FloatingIPUpdate.build(payload, name=name, description=description, labels=labels)
    return Call.with_payload("PUT", _path(floating_ip), FLOATING_IP, body)


def delete_floating_ip(floating_ip: Ref, /) -> Call[None, None]:
    """Delete a Floating IP, unassigning it first if needed; the address is released.

    Args:
        floating_ip: The Floating IP, or its id.
    """
    return Call("DELETE", _path(floating_ip), no_reply)


# --- Floating IP actions ------------------------------------------------------


def assign_floating_ip(
    floating_ip: Ref,
    server: Ref | FloatingIPAssign | Mapping[str, Any],
    /,
) -> Call[Action, Action[Async]]:
    """Route a Floating IP to a server.

    Args:
        floating_ip: The Floating IP, or its id.
        server: The server, or its id; or the whole body as a model or mapping.
    """
    if isinstance(server, (FloatingIPAssign, Mapping)):
        body = FloatingIPAssign.build(server)
    else:
        body = FloatingIPAssign.build(server=id_of(server))
    return Call.with_payload("POST", _path(floating_ip, "assign"), ACTION, body)


def unassign_floating_ip(floating_ip: Ref, /) -> Call[Action, Action[Async]]:
    """Take a Floating IP away from the server it is assigned to.

    Args:
        floating_ip: The Floating IP, or its id.
    """
    return Call("POST", _path(floating_ip, "unassign"), ACTION)


def change_floating_ip_dns_ptr(
    floating_ip: Ref,
    payload: ChangeDnsPtr | Body = None,
    /,
    *,
    ip: str | None = None,
    dns_ptr: str | None = None,
) -> Call[Action, Action[Async]]:
    """Set the reverse DNS entry of a Floating IP's address.

    Args:
        floating_ip: The Floating IP, or its id.
        payload: The body as a model or mapping; keywords win over it.  To reset
            the entry to the default, pass ``{"ip": ..., "dns_ptr": None}``.
        ip: The address: the IPv4 address itself, or one inside the IPv6 block (required).
        dns_ptr: The hostname it should resolve to.
    """
    body = ChangeDnsPtr.build(payload, ip=ip, dns_ptr=dns_ptr)
    return Call.with_payload("POST", _path(floating_ip, "change_dns_ptr"), ACTION, body)


def change_floating_ip_protection(
    floating_ip: Ref,
    payload: FloatingIPChangeProtection | Body = None,
    /,
    *,
    delete: bool | None = None,
) -> Call[Action, Action[Async]]:
    """Turn a Floating IP's protection against deletion on or off.

    Args:
        floating_ip: The Floating IP, or its id.
        payload: The body as a model or mapping; keywords win over it.
        delete: Protect the Floating IP against deletion (required).
    """
    body = FloatingIPChangeProtection.build(payload, delete=delete)
    return Call.with_payload("POST", _path(floating_ip, "change_protection"), ACTION, body)
