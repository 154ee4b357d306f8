"""Operations on Storage Boxes (Hetzner API): boxes, subaccounts, snapshots and their actions.

Every call goes to the Hetzner API (``Call(..., api="hetzner")``).  A
subaccount or snapshot is given as the object itself (anything with ``id`` and
``storage_box``) or as a ``(storage_box, id)`` pair.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, Literal, Protocol

from .._modes import Async
from ..models.actions import StorageBoxAction
from ..models.page import Page
from ..models.storage_boxes import (
    CreateStorageBoxResult,
    CreateStorageBoxSnapshotResult,
    CreateStorageBoxSubaccountResult,
    StorageBox,
    StorageBoxAccessSettingsUpdate,
    StorageBoxChangeProtection,
    StorageBoxChangeType,
    StorageBoxCreate,
    StorageBoxEnableSnapshotPlan,
    StorageBoxResetPassword,
    StorageBoxRollbackSnapshot,
    StorageBoxSnapshot,
    StorageBoxSnapshotCreate,
    StorageBoxSnapshotUpdate,
    StorageBoxSubaccount,
    StorageBoxSubaccountAccessSettingsUpdate,
    StorageBoxSubaccountChangeHomeDirectory,
    StorageBoxSubaccountCreate,
    StorageBoxSubaccountResetPassword,
    StorageBoxSubaccountUpdate,
    StorageBoxUpdate,
)
from ._call import (
    Body,
    Call,
    ObjectPath,
    Ref,
    Reply,
    SortIdCreated,
    SortIdNameCreated,
    first_of,
    id_of,
    list_query,
    name_or_id,
    page_of,
    query,
    unwrap,
    whole,
)
from .actions import FamilyActions, readers

__all__ = [
    "ACTIONS",
    "ChildRef",
    "InStorageBox",
    "change_storage_box_protection",
    "change_storage_box_subaccount_home_directory",
    "change_storage_box_type",
    "create_storage_box",
    "create_storage_box_snapshot",
    "create_storage_box_subaccount",
    "delete_storage_box",
    "delete_storage_box_snapshot",
    "delete_storage_box_subaccount",
    "disable_storage_box_snapshot_plan",
    "enable_storage_box_snapshot_plan",
    "get_storage_box",
    "get_storage_box_by_name",
    "get_storage_box_snapshot",
    "get_storage_box_snapshot_by_name",
    "get_storage_box_subaccount",
    "get_storage_box_subaccount_by_name",
    "list_storage_box_folders",
    "list_storage_box_snapshots",
    "list_storage_box_subaccounts",
    "list_storage_boxes",
    "reset_storage_box_password",
    "reset_storage_box_subaccount_password",
    "rollback_storage_box_snapshot",
    "update_storage_box",
    "update_storage_box_access_settings",
    "update_storage_box_snapshot",
    "update_storage_box_subaccount",
    "update_storage_box_subaccount_access_settings",
]


class InStorageBox(Protocol):
    """A subaccount or snapshot: anything with its own ``id`` and its box's ``storage_box`` id."""

    @property
    def id(self) -> int:
        """The subaccount's or snapshot's id."""
        ...

    @property
    def storage_box(self) -> int:
        """The id of the Storage Box it belongs to."""
        ...


ChildRef = InStorageBox | tuple[Ref, Ref]
"""A subaccount or snapshot: the object, or a ``(storage_box, id)`` pair of objects or ids."""

StorageBoxSort = Literal[
    "id",
    "id:asc",
    "id:desc",
    "name",
    "name:asc",
    "name:desc",
    "created",
    "created:asc",
    "created:desc",
    "stats.size",
    "stats.size:asc",
    "stats.size:desc",
    "stats.size_filesystem",
    "stats.size_filesystem:asc",
    "stats.size_filesystem:desc",
]
"""Sort keys of the Storage Box list."""

STORAGE_BOX = unwrap("storage_box", StorageBox)
STORAGE_BOXES = page_of("storage_boxes", StorageBox)
SUBACCOUNT = unwrap("subaccount", StorageBoxSubaccount)
SUBACCOUNTS = unwrap("subaccounts", list[StorageBoxSubaccount])
SNAPSHOT = unwrap("snapshot", StorageBoxSnapshot)
SNAPSHOTS = unwrap("snapshots", list[StorageBoxSnapshot])
FOLDERS = unwrap("folders", list[str])
ACTIONS: FamilyActions = FamilyActions("storage_boxes", "storage_box", model=StorageBoxAction)
ACTION = readers(StorageBoxAction)[0]

_path = ObjectPath("storage_boxes")


def _call(method: str, path: str, reply: Reply, **kwargs: Any) -> Call[Any, Any]:
    return Call(method, path, reply, api="hetzner", **kwargs)


def _with(method: str, path: str, reply: Reply, payload: Any) -> Call[Any, Any]:
    return Call.with_payload(method, path, reply, payload, api="hetzner")


def _child(family: str, ref: ChildRef, action: str = "") -> str:
    """``/storage_boxes/{box}/{family}/{id}``, or the path of one of its actions."""
    if isinstance(ref, tuple):
        box, ident = ref
        path = f"/storage_boxes/{id_of(box)}/{family}/{id_of(ident)}"
    else:
        box_id, child_id = getattr(ref, "storage_box", None), getattr(ref, "id", None)
        if not isinstance(box_id, int) or not isinstance(child_id, int):
            raise TypeError(f"expected a {family[:-1]} or a (storage_box, id) pair, got {ref!r}")
        path = f"/storage_boxes/{box_id}/{family}/{child_id}"
    return f"{path}/actions/{action}" if action else path


def _first(key: str, model: Any) -> Reply:
    read_all = unwrap(key, list[model])

    def read(content: bytes) -> Any:
        items = read_all(content)
        return items[0] if items else None

    return read


# --- the Storage Box itself ---------------------------------------------------


def list_storage_boxes(
    *,
    name: str | None = None,
    label_selector: str | None = None,
    sort: StorageBoxSort | Sequence[StorageBoxSort] | None = None,
    page: int | None = None,
    per_page: int | None = None,
) -> Call[Page[StorageBox], Page[StorageBox[Async]]]:
    """List Storage Boxes, one page at a time.

    Args:
        name: Only the Storage Box with exactly this name.
        label_selector: Only boxes whose labels match, e.g. ``"env=prod"``.
        sort: ``id``, ``name``, ``created``, ``stats.size`` or
            ``stats.size_filesystem``, optionally with ``:asc``/``:desc``; repeatable.
        page: Page number, from 1.
        per_page: Boxes per page, 1 to 50 (the API's default is 25).
    """
    params = list_query(
        name=name, label_selector=label_selector, sort=sort, page=page, per_page=per_page
    )
    return _call("GET", "/storage_boxes", STORAGE_BOXES, params=params)


def get_storage_box_by_name(name: str, /) -> Call[StorageBox | None, StorageBox[Async] | None]:
    """Fetch the Storage Box with this name, or ``None`` when there is none.

    Args:
        name: The Storage Box's name.
    """
    reply = first_of("storage_boxes", StorageBox)
    return _call("GET", "/storage_boxes", reply, params=query(name=name))


def get_storage_box(storage_box: Ref, /) -> Call[StorageBox, StorageBox[Async]]:
    """Fetch one Storage Box.

    Args:
        storage_box: The Storage Box, or its id.
    """
    return _call("GET", _path(storage_box), STORAGE_BOX)


def create_storage_box(
    payload: StorageBoxCreate | Body = None,
    /,
    *,
    name: str | None = None,
    location: str | Ref | None = None,
    storage_box_type: str | Ref | None = None,
    password: str | None = None,
    labels: dict[str, str] | None = None,
    ssh_keys: Sequence[str] | None = None,
    access_settings: StorageBoxAccessSettingsUpdate | Mapping[str, Any] | None = None,
) -> Call[CreateStorageBoxResult, CreateStorageBoxResult[Async]]:
    """Order a Storage Box.

    Give the body as a :class:`~hcloud_models.models.StorageBoxCreate`, as a
    mapping, as keywords, or as a mix (keywords win).  The password policy and
    the labels are checked before the request is sent.

    Args:
        payload: The body as a model or mapping.
        name: Name of the Storage Box (required).
        location: Location name (``"fsn1"``), or the location or its id (required).
        storage_box_type: Type name (``"bx11"``), or the type or its id (required).
        password: Password of the box's main user (required).
        labels: Labels of the Storage Box.
        ssh_keys: Public keys in OpenSSH format allowed to log in.
        access_settings: Protocols to enable and whether the box is reachable
            from outside Hetzner's network.

    Returns:
        The new Storage Box and the action that sets it up.
    """
    body = StorageBoxCreate.build(
        payload,
        name=name,
        location=name_or_id(location),
        storage_box_type=name_or_id(storage_box_type),
        password=password,
        labels=labels,
        ssh_keys=None if ssh_keys is None else list(ssh_keys),
        access_settings=access_settings,
    )
    return _with("POST", "/storage_boxes", whole(CreateStorageBoxResult), body)


def update_storage_box(
    storage_box: Ref,
    payload: StorageBoxUpdate | Body = None,
    /,
    *,
    name: str | None = None,
    labels: dict[str, str] | None = None,
) -> Call[StorageBox, StorageBox[Async]]:
    """Rename a Storage Box or replace its labels.

    Args:
        storage_box: The Storage Box, or its id.
        payload: The changes as a model or mapping; keywords win over it.
        name: New name.
        labels: New labels; they replace the old ones entirely.
    """
    body = StorageBoxUpdate.build(payload, name=name, labels=labels)
    return _with("PUT", _path(storage_box), STORAGE_BOX, body)


def delete_storage_box(storage_box: Ref, /) -> Call[StorageBoxAction, StorageBoxAction[Async]]:
    """Cancel a Storage Box; its data is deleted.

    Args:
        storage_box: The Storage Box, or its id.

    Returns:
        The action that deletes it.
    """
    return _call("DELETE", _path(storage_box), ACTION)


def list_storage_box_folders(
    storage_box: Ref, /, *, path: str | None = None
) -> Call[list[str], list[str]]:
    """List the folders in one directory of a Storage Box.

    Args:
        storage_box: The Storage Box, or its id.
        path: The directory, relative to the box's root (the API's default is ``"."``).

    Returns:
        The folder names.
    """
    return _call("GET", f"{_path(storage_box)}/folders", FOLDERS, params=query(path=path))


# --- Storage Box actions ------------------------------------------------------


def change_storage_box_protection(
    storage_box: Ref,
    payload: StorageBoxChangeProtection | Body = None,
    /,
    *,
    delete: bool | None = None,
) -> Call[StorageBoxAction, StorageBoxAction[Async]]:
    """Turn a Storage Box's protection against deletion on or off.

    Args:
        storage_box: The Storage Box, or its id.
        payload: The body as a model or mapping; keywords win over it.
        delete: Protect the Storage Box against deletion.
    """
    body = StorageBoxChangeProtection.build(payload, delete=delete)
    return _with("POST", _path(storage_box, "change_protection"), ACTION, body)


def change_storage_box_type(
    storage_box: Ref,
    payload: str | Ref | StorageBoxChangeType | Body = None,
    /,
    *,
    storage_box_type: str | Ref | None = None,
) -> Call[StorageBoxAction, StorageBoxAction[Async]]:
    """Move a Storage Box to a bigger or smaller type.

    Args:
        storage_box: The Storage Box, or its id.
        payload: The new type itself, or the body as a model or mapping;
            keywords win over it.
        storage_box_type: Type name (``"bx21"``), or the type or its id (required).
    """
    if payload is not None and not isinstance(payload, (StorageBoxChangeType, Mapping)):
        payload = {"storage_box_type": name_or_id(payload)}
    body = StorageBoxChangeType.build(payload, storage_box_type=name_or_id(storage_box_type))
    return _with("POST", _path(storage_box, "change_type"), ACTION, body)


def reset_storage_box_password(
    storage_box: Ref,
    payload: str | StorageBoxResetPassword | Body = None,
    /,
    *,
    password: str | None = None,
) -> Call[StorageBoxAction, StorageBoxAction[Async]]:
    """Set a new password for a Storage Box's main user.

    Args:
        storage_box: The Storage Box, or its id.
        payload: The new password itself, or the body as a model or mapping;
            keywords win over it.
        password: The new password, following the password policy (required).
    """
    if payload is not None and not isinstance(payload, (StorageBoxResetPassword, Mapping)):
        payload = {"password": payload}
    body = StorageBoxResetPassword.build(payload, password=password)
    return _with("POST", _path(storage_box, "reset_password"), ACTION, body)


def update_storage_box_access_settings(
    storage_box: Ref,
    payload: StorageBoxAccessSettingsUpdate | Body = None,
    /,
    *,
    reachable_externally: bool | None = None,
    samba_enabled: bool | None = None,
    ssh_enabled: bool | None = None,
    webdav_enabled: bool | None = None,
    zfs_enabled: bool | None = None,
) -> Call[StorageBoxAction, StorageBoxAction[Async]]:
    """Switch protocols and outside access of a Storage Box on or off.

    Settings left out keep their value.

    Args:
        storage_box: The Storage Box, or its id.
        payload: The body as a model or mapping; keywords win over it.
        reachable_externally: Reachable from outside Hetzner's network.
        samba_enabled: Samba (SMB/CIFS) access.
        ssh_enabled: SSH (SFTP, SCP, rsync) access.
        webdav_enabled: WebDAV access.
        zfs_enabled: Show the ZFS snapshot folder.
    """
    body = StorageBoxAccessSettingsUpdate.build(
        payload,
        reachable_externally=reachable_externally,
        samba_enabled=samba_enabled,
        ssh_enabled=ssh_enabled,
        webdav_enabled=webdav_enabled,
        zfs_enabled=zfs_enabled,
    )
    return _with("POST", _path(storage_box, "update_access_settings"), ACTION, body)


def rollback_storage_box_snapshot(
    storage_box: Ref,
    payload: str | Ref | StorageBoxRollbackSnapshot | Body = None,
    /,
    *,
    snapshot: str | Ref | None = None,
) -> Call[StorageBoxAction, StorageBoxAction[Async]]:
    """Roll a Storage Box back to a snapshot; newer snapshots are removed.

    Args:
        storage_box: The Storage Box, or its id.
        payload: The snapshot itself, or the body as a model or mapping;
            keywords win over it.
        snapshot: The snapshot's name, or the snapshot or its id (required).
    """
    if payload is not None and not isinstance(payload, (StorageBoxRollbackSnapshot, Mapping)):
        payload = {"snapshot": name_or_id(payload)}
    body = StorageBoxRollbackSnapshot.build(payload, snapshot=name_or_id(snapshot))
    return _with("POST", _path(storage_box, "rollback_snapshot"), ACTION, body)


def disable_storage_box_snapshot_plan(
    storage_box: Ref, /
) -> Call[StorageBoxAction, StorageBoxAction[Async]]:
    """Stop taking automatic snapshots; the snapshots already taken are kept.

    Args:
        storage_box: The Storage Box, or its id.
    """
    return _call("POST", _path(storage_box, "disable_snapshot_plan"), ACTION)


def enable_storage_box_snapshot_plan(
    storage_box: Ref,
    payload: StorageBoxEnableSnapshotPlan | Body = None,
    /,
    *,
    max_snapshots: int | None = None,
    minute: int | None = None,
    hour: int | None = None,
    day_of_week: int | None = None,
    day_of_month: int | None = None,
) -> Call[StorageBoxAction, StorageBoxAction[Async]]:
    """Take snapshots automatically, replacing any plan in place.

    Args:
        storage_box: The Storage Box, or its id.
        payload: The body as a model or mapping; keywords win over it.
        max_snapshots: How many automatic snapshots to keep, 1 or more (required).
        minute: Minute of the hour (UTC), 0 to 59 (required).
        hour: Hour of the day (UTC), 0 to 23 (required).
        day_of_week: Only on this weekday, 1 (Monday) to 7 (Sunday); every day if left out.
        day_of_month: Only on this day of the month, 1 to 31; every day if left out.
    """
    body = StorageBoxEnableSnapshotPlan.build(
        payload,
        max_snapshots=max_snapshots,
        minute=minute,
        hour=hour,
        day_of_week=day_of_week,
        day_of_month=day_of_month,
    )
    return _with("POST", _path(storage_box, "enable_snapshot_plan"), ACTION, body)


# --- subaccounts --------------------------------------------------------------


def list_storage_box_subaccounts(
    storage_box: Ref,
    /,
    *,
    name: str | None = None,
    username: str | None = None,
    label_selector: str | None = None,
    sort: SortIdCreated | Sequence[SortIdCreated] | None = None,
) -> Call[list[StorageBoxSubaccount], list[StorageBoxSubaccount[Async]]]:
    """List the subaccounts of a Storage Box (all of them: this list is not paged).

    Args:
        storage_box: The Storage Box, or its id.
        name: Only the subaccount with exactly this name.
        username: Only the subaccount with this username.
        label_selector: Only subaccounts whose labels match.
        sort: ``id`` or ``created``, optionally with ``:asc``/``:desc``; repeatable.
    """
    params = list_query(name=name, label_selector=label_selector, sort=sort, username=username)
    return _call("GET", f"{_path(storage_box)}/subaccounts", SUBACCOUNTS, params=params)


def get_storage_box_subaccount_by_name(
    storage_box: Ref, name: str, /
) -> Call[StorageBoxSubaccount | None, StorageBoxSubaccount[Async] | None]:
    """Fetch the subaccount of a Storage Box with this name, or ``None`` when there is none.

    Args:
        storage_box: The Storage Box, or its id.
        name: The subaccount's name.
    """
    reply = _first("subaccounts", StorageBoxSubaccount)
    return _call("GET", f"{_path(storage_box)}/subaccounts", reply, params=query(name=name))


def get_storage_box_subaccount(
    subaccount: ChildRef, /
) -> Call[StorageBoxSubaccount, StorageBoxSubaccount[Async]]:
    """Fetch one subaccount.

    Args:
        subaccount: The subaccount, or a ``(storage_box, id)`` pair.
    """
    return _call("GET", _child("subaccounts", subaccount), SUBACCOUNT)


def create_storage_box_subaccount(
    storage_box: Ref,
    payload: StorageBoxSubaccountCreate | Body = None,
    /,
    *,
    home_directory: str | None = None,
    password: str | None = None,
    access_settings: StorageBoxSubaccountAccessSettingsUpdate | Mapping[str, Any] | None = None,
    name: str | None = None,
    description: str | None = None,
    labels: dict[str, str] | None = None,
) -> Call[CreateStorageBoxSubaccountResult, CreateStorageBoxSubaccountResult[Async]]:
    """Create a subaccount, a user confined to one directory of the Storage Box.

    Args:
        storage_box: The Storage Box, or its id.
        payload: The body as a model or mapping; keywords win over it.
        home_directory: Its directory, relative to the box's root and created
            when missing (required).
        password: Its password, following the password policy (required).
        access_settings: Protocols, outside access and read-only mode.
        name: Name, 1 to 50 characters.
        description: Description, at most 1000 characters.
        labels: Labels of the subaccount.

    Returns:
        The new subaccount's ids and the action that sets it up.  The API
        replies with ids only, so ``result.subaccount`` is a
        :class:`~hcloud_models.models.StorageBoxChildRef`, not a bound
        subaccount; read the whole object, once the action is done, with
        ``client.storage_box_subaccounts.get(result.subaccount)``.
    """
    body = StorageBoxSubaccountCreate.build(
        payload,
        home_directory=home_directory,
        password=password,
        access_settings=access_settings,
        name=name,
        description=description,
        labels=labels,
    )
    path = f"{_path(storage_box)}/subaccounts"
    return _with("POST", path, whole(CreateStorageBoxSubaccountResult), body)


def update_storage_box_subaccount(
    subaccount: ChildRef,
    payload: StorageBoxSubaccountUpdate | Body = None,
    /,
    *,
    name: str | None = None,
    description: str | None = None,
    labels: dict[str, str] | None = None,
) -> Call[StorageBoxSubaccount, StorageBoxSubaccount[Async]]:
    """Rename a subaccount, change its description or replace its labels.

    Args:
        subaccount: The subaccount, or a ``(storage_box, id)`` pair.
        payload: The changes as a model or mapping; keywords win over it.
        name: New name, 1 to 50 characters.
        description: New description, at most 1000 characters.
        labels: New labels; they replace the old ones entirely.
    """
    body = StorageBoxSubaccountUpdate.build(
        payload, name=name, description=description, labels=labels
    )
    return _with("PUT", _child("subaccounts", subaccount), SUBACCOUNT, body)


def delete_storage_box_subaccount(
    subaccount: ChildRef, /
) -> Call[StorageBoxAction, StorageBoxAction[Async]]:
    """Delete a subaccount; the files in its directory are kept.

    Args:
        subaccount: The subaccount, or a ``(storage_box, id)`` pair.
    """
    return _call("DELETE", _child("subaccounts", subaccount), ACTION)


def change_storage_box_subaccount_home_directory(
    subaccount: ChildRef,
    payload: str | StorageBoxSubaccountChangeHomeDirectory | Body = None,
    /,
    *,
    home_directory: str | None = None,
) -> Call[StorageBoxAction, StorageBoxAction[Async]]:
    """Point a subaccount at another directory of the Storage Box.

    Args:
        subaccount: The subaccount, or a ``(storage_box, id)`` pair.
        payload: The new directory itself, or the body as a model or mapping;
            keywords win over it.
        home_directory: The new directory, relative to the box's root (required).
    """
    if payload is not None and not isinstance(
        payload, (StorageBoxSubaccountChangeHomeDirectory, Mapping)
    ):
        payload = {"home_directory": payload}
    body = StorageBoxSubaccountChangeHomeDirectory.build(payload, home_directory=home_directory)
    path = _child("subaccounts", subaccount, "change_home_directory")
    return _with("POST", path, ACTION, body)


def reset_storage_box_subaccount_password(
    subaccount: ChildRef,
    payload: str | StorageBoxSubaccountResetPassword | Body = None,
    /,
    *,
    password: str | None = None,
) -> Call[StorageBoxAction, StorageBoxAction[Async]]:
    """Set a new password for a subaccount.

    Args:
        subaccount: The subaccount, or a ``(storage_box, id)`` pair.
        payload: The new password itself, or the body as a model or mapping;
            keywords win over it.
        password: The new password, following the password policy (required).
    """
    if payload is not None and not isinstance(
        payload, (StorageBoxSubaccountResetPassword, Mapping)
    ):
        payload = {"password": payload}
    body = StorageBoxSubaccountResetPassword.build(payload, password=password)
    path = _child("subaccounts", subaccount, "reset_subaccount_password")
    return _with("POST", path, ACTION, body)


def update_storage_box_subaccount_access_settings(
    subaccount: ChildRef,
    payload: StorageBoxSubaccountAccessSettingsUpdate | Body = None,
    /,
    *,
    readonly: bool | None = None,
    reachable_externally: bool | None = None,
    samba_enabled: bool | None = None,
    ssh_enabled: bool | None = None,
    webdav_enabled: bool | None = None,
) -> Call[StorageBoxAction, StorageBoxAction[Async]]:
    """Change the protocols, outside access and read-only mode of a subaccount.

    Settings left out keep their value.

    Args:
        subaccount: The subaccount, or a ``(storage_box, id)`` pair.
        payload: The body as a model or mapping; keywords win over it.
        readonly: Allow reading only.
        reachable_externally: Reachable from outside Hetzner's network.
        samba_enabled: Samba (SMB/CIFS) access.
        ssh_enabled: SSH (SFTP, SCP, rsync) access.
        webdav_enabled: WebDAV access.
    """
    body = StorageBoxSubaccountAccessSettingsUpdate.build(
        payload,
        readonly=readonly,
        reachable_externally=reachable_externally,
        samba_enabled=samba_enabled,
        ssh_enabled=ssh_enabled,
        webdav_enabled=webdav_enabled,
    )
    path = _child("subaccounts", subaccount, "update_access_settings")
    return _with("POST", path, ACTION, body)


# --- snapshots ----------------------------------------------------------------


def list_storage_box_snapshots(
    storage_box: Ref,
    /,
    *,
    name: str | None = None,
    is_automatic: bool | None = None,
    label_selector: str | None = None,
    sort: SortIdNameCreated | Sequence[SortIdNameCreated] | None = None,
) -> Call[list[StorageBoxSnapshot], list[StorageBoxSnapshot[Async]]]:
    """List the snapshots of a Storage Box, manual and automatic (not paged).

    Args:
        storage_box: The Storage Box, or its id.
        name: Only the snapshot with exactly this name.
        is_automatic: Only snapshots of the snapshot plan (``True``) or only
            manual ones (``False``).
        label_selector: Only snapshots whose labels match.
        sort: ``id``, ``name`` or ``created``, optionally with ``:asc``/``:desc``; repeatable.
    """
    params = list_query(
        name=name, label_selector=label_selector, sort=sort, is_automatic=is_automatic
    )
    return _call("GET", f"{_path(storage_box)}/snapshots", SNAPSHOTS, params=params)


def get_storage_box_snapshot_by_name(
    storage_box: Ref, name: str, /
) -> Call[StorageBoxSnapshot | None, StorageBoxSnapshot[Async] | None]:
    """Fetch the snapshot of a Storage Box with this name, or ``None`` when there is none.

    Args:
        storage_box: The Storage Box, or its id.
        name: The snapshot's name.
    """
    reply = _first("snapshots", StorageBoxSnapshot)
    return _call("GET", f"{_path(storage_box)}/snapshots", reply, params=query(name=name))


def get_storage_box_snapshot(
    snapshot: ChildRef, /
) -> Call[StorageBoxSnapshot, StorageBoxSnapshot[Async]]:
    """Fetch one snapshot.

    Args:
        snapshot: The snapshot, or a ``(storage_box, id)`` pair.
    """
    return _call("GET", _child("snapshots", snapshot), SNAPSHOT)


def create_storage_box_snapshot(
    storage_box: Ref,
    payload: StorageBoxSnapshotCreate | Body = None,
    /,
    *,
    description: str | None = None,
    labels: dict[str, str] | None = None,
) -> Call[CreateStorageBoxSnapshotResult, CreateStorageBoxSnapshotResult[Async]]:
    """Take a snapshot of a Storage Box now.

    Args:
        storage_box: The Storage Box, or its id.
        payload: The body as a model or mapping; keywords win over it.
        description: Description, at most 1000 characters.
        labels: Labels of the snapshot.

    Returns:
        The new snapshot's ids and the action that takes it.  The API replies
        with ids only, so ``result.snapshot`` is a
        :class:`~hcloud_models.models.StorageBoxChildRef`, not a bound
        snapshot; read the whole object, once the action is done, with
        ``client.storage_box_snapshots.get(result.snapshot)``.
    """
    body = StorageBoxSnapshotCreate.build(payload, description=description, labels=labels)
    path = f"{_path(storage_box)}/snapshots"
    return _with("POST", path, whole(CreateStorageBoxSnapshotResult), body)


def update_storage_box_snapshot(
    snapshot: ChildRef,
    payload: StorageBoxSnapshotUpdate | Body = None,
    /,
    *,
    description: str | None = None,
    labels: dict[str, str] | None = None,
) -> Call[StorageBoxSnapshot, StorageBoxSnapshot[Async]]:
    """Change a snapshot's description or replace its labels.

    Args:
        snapshot: The snapshot, or a ``(storage_box, id)`` pair.
        payload: The changes as a model or mapping; keywords win over it.
        description: New description, at most 1000 characters.
        labels: New labels; they replace the old ones entirely.
    """
    body = StorageBoxSnapshotUpdate.build(payload, description=description, labels=labels)
    return _with("PUT", _child("snapshots", snapshot), SNAPSHOT, body)


def delete_storage_box_snapshot(
    snapshot: ChildRef, /
) -> Call[StorageBoxAction, StorageBoxAction[Async]]:
    """Delete a snapshot.

    Args:
        snapshot: The snapshot, or a ``(storage_box, id)`` pair.
    """
    return _call("DELETE", _child("snapshots", snapshot), ACTION)
