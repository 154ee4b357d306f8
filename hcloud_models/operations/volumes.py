"""Operations on Volumes: CRUD, attaching to servers, resizing, protection, actions."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from .._modes import Async
from ..models.actions import Action
from ..models.page import Page
from ..models.volumes import (
    CreateVolumeResult,
    Volume,
    VolumeAttach,
    VolumeChangeProtection,
    VolumeCreate,
    VolumeResize,
    VolumeStatus,
    VolumeUpdate,
)
from ._call import (
    Body,
    Call,
    ObjectPath,
    Ref,
    SortIdNameCreated,
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
    "attach_volume",
    "change_volume_protection",
    "create_volume",
    "delete_volume",
    "detach_volume",
    "get_volume",
    "get_volume_by_name",
    "list_volumes",
    "resize_volume",
    "update_volume",
]

VOLUME = unwrap("volume", Volume)
VOLUMES = page_of("volumes", Volume)
ACTIONS: FamilyActions = FamilyActions("volumes", "volume")


_path = ObjectPath("volumes")


# --- the Volume itself --------------------------------------------------------


def list_volumes(
    *,
    name: str | None = None,
    label_selector: str | None = None,
    status: VolumeStatus | Sequence[VolumeStatus] | None = None,
    sort: SortIdNameCreated | Sequence[SortIdNameCreated] | None = None,
    page: int | None = None,
    per_page: int | None = None,
) -> Call[Page[Volume], Page[Volume[Async]]]:
    """List Volumes, one page at a time.

    Args:
        name: Only the Volume with exactly this name.
        label_selector: Only Volumes whose labels match, e.g. ``"env=prod"``.
        status: Only Volumes in this status (``"available"``, ``"creating"``), or these.
        sort: ``id``, ``name`` or ``created``, optionally with ``:asc``/``:desc``; repeatable.
        page: Page number, from 1.
        per_page: Volumes per page, 1 to 50 (the API's default is 25).
    """
    params = list_query(
        status=status,
        name=name,
        label_selector=label_selector,
        sort=sort,
        page=page,
        per_page=per_page,
    )
    return Call("GET", "/volumes", VOLUMES, params)


def get_volume_by_name(name: str, /) -> Call[Volume | None, Volume[Async] | None]:
    """Fetch the Volume with this name, or ``None`` when there is none.

    Args:
        name: The Volume's name.
    """
    return Call("GET", "/volumes", first_of("volumes", Volume), query(name=name))


def get_volume(volume: Ref, /) -> Call[Volume, Volume[Async]]:
    """Fetch one Volume.

    Args:
        volume: The Volume, or its id.
    """
    return Call("GET", _path(volume), VOLUME)


def create_volume(
    payload: VolumeCreate | Body = None,
    /,
    *,
    name: str | None = None,
    size: int | None = None,
    server: Ref | None = None,
    location: str | None = None,
    automount: bool | None = None,
    format: str | None = None,  # noqa: A002 - the API's field name
    labels: dict[str, str] | None = None,
) -> Call[CreateVolumeResult, CreateVolumeResult[Async]]:
    """Create a Volume, attached to a server or on its own in a location.

    Args:
        payload: The body as a :class:`~hcloud_models.models.VolumeCreate` or
            mapping (snake_case or kebab-case keys); keywords win over it.
        name: Name of the Volume (required): letters, digits, ``-``, ``_``, ``.``.
        size: Size in GB, 10 to 10240 (required).
        server: Server to attach the Volume to once created, or its id; the
            Volume is then created in the server's location.
        location: Location name to create a detached Volume in.
        automount: Mount the Volume on ``server`` after attaching it.
        format: Filesystem to create: ``"xfs"`` or ``"ext4"``.
        labels: Labels of the Volume.

    Returns:
        The new Volume, the action creating it and, with ``server``, the
        attach action in ``next_actions``.
    """
    body = VolumeCreate.build(
        payload,
        name=name,
        size=size,
        server=ref_id(server),
        location=location,
        automount=automount,
        format=format,
        labels=labels,
    )
    return Call.with_payload("POST", "/volumes", whole(CreateVolumeResult), body)


def update_volume(
    volume: Ref,
    payload: VolumeUpdate | Body = None,
    /,
    *,
    name: str | None = None,
    labels: dict[str, str] | None = None,
) -> Call[Volume, Volume[Async]]:
    """Rename a Volume or replace its labels.

    Args:
        volume: The Volume, or its id.
        payload: The changes as a model or mapping; keywords win over it.
        name: New name.
        labels: New labels; they replace the old ones entirely.
    """
    body = VolumeUpdate.build(payload, name=name, labels=labels)
    return Call.with_payload("PUT", _path(volume), VOLUME, body)


def delete_volume(volume: Ref, /) -> Call[None, None]:
    """Delete a Volume and its data for good; it must be detached and unprotected.

    Args:
        volume: The Volume, or its id.
    """
    return Call("DELETE", _path(volume), no_reply)


# --- Volume actions -----------------------------------------------------------


def attach_volume(
    volume: Ref,
    server: Ref | VolumeAttach | Mapping[str, Any],
    /,
    *,
    automount: bool | None = None,
) -> Call[Action, Action[Async]]:
    """Attach a Volume to a server in the same location.

    Args:
        volume: The Volume, or its id.
        server: The server, or its id; or the whole body as a model or mapping.
        automount: Mount the Volume on the server after attaching it.
    """
    if isinstance(server, (VolumeAttach, Mapping)):
        body = VolumeAttach.build(server, automount=automount)
    else:
        body = VolumeAttach.build(server=id_of(server), automount=automount)
    return Call.with_payload("POST", _path(volume, "attach"), ACTION, body)


def detach_volume(volume: Ref, /) -> Call[Action, Action[Async]]:
    """Detach a Volume from the server it is attached to.

    Args:
        volume: The Volume, or its id.
    """
    return Call("POST", _path(volume, "detach"), ACTION)


def resize_volume(
    volume: Ref,
    size: int | VolumeResize | Mapping[str, Any],
    /,
) -> Call[Action, Action[Async]]:
    """Grow a Volume; it cannot shrink.

    Args:
        volume: The Volume, or its id.
        size: The new size in GB (larger than now, at most 10240), or the whole
            body as a model or mapping.
    """
    if isinstance(size, (VolumeResize, Mapping)):
        body = VolumeResize.build(size)
    else:
        body = VolumeResize.build(size=size)
    return Call.with_payload("POST", _path(volume, "resize"), ACTION, body)


def change_volume_protection(
    volume: Ref,
    payload: VolumeChangeProtection | Body = None,
    /,
    *,
    delete: bool | None = None,
) -> Call[Action, Action[Async]]:
    """Turn a Volume's protection against deletion on or off.

    Args:
        volume: The Volume, or its id.
        payload: The body as a model or mapping; keywords win over it.
        delete: Protect the Volume against deletion.
    """
    body = VolumeChangeProtection.build(payload, delete=delete)
    return Call.with_payload("POST", _path(volume, "change_protection"), ACTION, body)
