"""Storage Boxes (Hetzner API): boxes, their subaccounts and snapshots, and request bodies."""

import re
from datetime import datetime
from typing import TYPE_CHECKING, Annotated, ClassVar, Generic, Literal

from pydantic import AfterValidator, Field, StrictStr

from .._modes import M
from ._base import OPEN, BoundModel, HcloudModel, Labels, Payload, SecretPayload, delegate
from .actions import StorageBoxAction
from .common import DeleteProtectionChange, Protection
from .locations import Location
from .storage_box_types import StorageBoxType

if TYPE_CHECKING:
    from ..operations import storage_boxes as ops

__all__ = [
    "CreateStorageBoxResult",
    "CreateStorageBoxSnapshotResult",
    "CreateStorageBoxSubaccountResult",
    "StorageBox",
    "StorageBoxAccessSettings",
    "StorageBoxAccessSettingsUpdate",
    "StorageBoxChangeProtection",
    "StorageBoxChangeType",
    "StorageBoxChildRef",
    "StorageBoxCreate",
    "StorageBoxEnableSnapshotPlan",
    "StorageBoxPassword",
    "StorageBoxResetPassword",
    "StorageBoxRollbackSnapshot",
    "StorageBoxSnapshot",
    "StorageBoxSnapshotCreate",
    "StorageBoxSnapshotPlan",
    "StorageBoxSnapshotStats",
    "StorageBoxSnapshotUpdate",
    "StorageBoxStats",
    "StorageBoxStatus",
    "StorageBoxSubaccount",
    "StorageBoxSubaccountAccessSettings",
    "StorageBoxSubaccountAccessSettingsUpdate",
    "StorageBoxSubaccountChangeHomeDirectory",
    "StorageBoxSubaccountCreate",
    "StorageBoxSubaccountResetPassword",
    "StorageBoxSubaccountUpdate",
    "StorageBoxUpdate",
]

StorageBoxStatus = Literal["active", "initializing", "locked"]
"""The states of a Storage Box."""


# --- rules of request bodies -------------------------------------------------

_PASSWORD_SPECIALS = frozenset("^°!§$%/()=?+#-.,;:~*@{}_&")
_PASSWORD_LETTERS = frozenset("ÄÖÜäöüß")


def _check_password(value: str) -> str:
    # Messages never quote the password itself.
    if not 12 <= len(value) <= 128:
        raise ValueError(f"the password must be 12 to 128 characters long, got {len(value)}")
    bad = sorted(
        {
            ch
            for ch in value
            if not (ch.isascii() and ch.isalnum())
            and ch not in _PASSWORD_LETTERS
            and ch not in _PASSWORD_SPECIALS
        }
    )
    if bad:
        raise ValueError(
            f"the password holds {len(bad)} character(s) the API does not allow; allowed are "
            "a-z A-Z Ä Ö Ü ä ö ü ß 0-9 and ^ ° ! § $ % / ( ) = ? + # - . , ; : ~ * @ { } _ &"
        )
    kinds = {
        "an upper case letter": any(ch.isupper() for ch in value),
        "a lower case letter": any(ch.islower() for ch in value),
        "a digit": any(ch.isdigit() for ch in value),
        "a special character": any(ch in _PASSWORD_SPECIALS for ch in value),
    }
    missing = [name for name, present in kinds.items() if not present]
    if missing:
        raise ValueError(f"the password must contain {', '.join(missing)}")
    return value


StorageBoxPassword = Annotated[StrictStr, AfterValidator(_check_password)]
"""A Storage Box or subaccount password, checked against the API's password policy.

12 to 128 characters from ``a-z A-Z Ä Ö Ü ä ö ü ß 0-9`` and the specials
``^ ° ! § $ % / ( ) = ? + # - . , ; : ~ * @ { } _ &``, with at least one upper
case letter, one lower case letter, one digit and one special character.
Whether it appeared in a data breach is checked by the API only.
"""

_HOME_DIRECTORY = re.compile(r"^[a-zA-Z0-9 ./_-]+$")


def _check_home_directory(value: str) -> str:
    if not _HOME_DIRECTORY.match(value):
        raise ValueError(
            f"home directory {value!r} may only contain letters, digits, spaces, "
            "dots, slashes, underscores and dashes"
        )
    if value.startswith("/"):
        raise ValueError(f"home directory {value!r} must not begin with a slash")
    return value


HomeDirectory = Annotated[
    StrictStr, Field(min_length=1, max_length=999), AfterValidator(_check_home_directory)
]


# --- the Storage Box ---------------------------------------------------------


class StorageBoxAccessSettings(HcloudModel):
    """Which ways of reaching a Storage Box are switched on.

    ``reachable_externally`` opens the box to the internet, not only to
    Hetzner's network; ``zfs_enabled`` shows the ZFS snapshot folder.
    """

    reachable_externally: bool
    samba_enabled: bool
    ssh_enabled: bool
    webdav_enabled: bool
    zfs_enabled: bool


class StorageBoxSnapshotPlan(HcloudModel):
    """When automatic snapshots are taken (UTC) and how many are kept.

    ``day_of_week`` (1 is Monday, 7 Sunday) and ``day_of_month`` are ``None``
    for every day.
    """

    max_snapshots: int
    minute: int
    hour: int
    day_of_week: int | None
    day_of_month: int | None


class StorageBoxStats(HcloudModel):
    """Space used on a Storage Box, in bytes: in total, by data, by snapshots."""

    size: int
    size_data: int
    size_snapshots: int


class StorageBox(BoundModel[M]):
    """A Storage Box: network storage reached over SSH/SFTP, SMB, WebDAV and more.

    ``username``, ``server`` (the host name to connect to) and ``system`` are
    ``None`` until the box is set up.  ``snapshot_plan`` is ``None`` when no
    automatic snapshots are planned.
    """

    _resource: ClassVar[str] = "storage_boxes"

    id: int
    name: str
    storage_box_type: StorageBoxType[M]
    location: Location[M]
    access_settings: StorageBoxAccessSettings
    snapshot_plan: StorageBoxSnapshotPlan | None
    protection: Protection
    labels: dict[str, str]
    status: Annotated[StorageBoxStatus, OPEN]
    username: str | None
    server: str | None
    system: str | None
    stats: StorageBoxStats
    created: datetime

    update = delegate(lambda: ops.update_storage_box)
    delete = delegate(lambda: ops.delete_storage_box)
    folders = delegate(lambda: ops.list_storage_box_folders)
    change_protection = delegate(lambda: ops.change_storage_box_protection)
    change_type = delegate(lambda: ops.change_storage_box_type)
    reset_password = delegate(lambda: ops.reset_storage_box_password)
    update_access_settings = delegate(lambda: ops.update_storage_box_access_settings)
    rollback_snapshot = delegate(lambda: ops.rollback_storage_box_snapshot)
    enable_snapshot_plan = delegate(lambda: ops.enable_storage_box_snapshot_plan)
    disable_snapshot_plan = delegate(lambda: ops.disable_storage_box_snapshot_plan)
    list_subaccounts = delegate(lambda: ops.list_storage_box_subaccounts)
    subaccounts = delegate(lambda: ops.list_storage_box_subaccounts)
    """The same as ``list_subaccounts``, under its earlier name."""
    get_subaccount_by_name = delegate(lambda: ops.get_storage_box_subaccount_by_name)
    create_subaccount = delegate(lambda: ops.create_storage_box_subaccount)
    list_snapshots = delegate(lambda: ops.list_storage_box_snapshots)
    snapshots = delegate(lambda: ops.list_storage_box_snapshots)
    """The same as ``list_snapshots``, under its earlier name."""
    get_snapshot_by_name = delegate(lambda: ops.get_storage_box_snapshot_by_name)
    create_snapshot = delegate(lambda: ops.create_storage_box_snapshot)
    actions = delegate(lambda: ops.ACTIONS.of)
    reload = delegate(lambda: ops.get_storage_box, "get")
    """Fetch the Storage Box again and return its current state (the object itself is unchanged)."""


class CreateStorageBoxResult(HcloudModel, Generic[M]):
    """Reply to ordering a Storage Box: the new box and the action setting it up."""

    storage_box: StorageBox[M]
    action: StorageBoxAction[M]


class StorageBoxAccessSettingsUpdate(Payload):
    """Access settings of a Storage Box to switch on or off; those left out stay as they are."""

    reachable_externally: bool | None = None
    samba_enabled: bool | None = None
    ssh_enabled: bool | None = None
    webdav_enabled: bool | None = None
    zfs_enabled: bool | None = None


class StorageBoxCreate(SecretPayload):
    """Body that orders a Storage Box.

    ``name``, ``location`` and ``storage_box_type`` (each type or location by
    name or id) and ``password`` are required.  ``ssh_keys`` are public keys in
    OpenSSH format.
    """

    name: StrictStr
    location: StrictStr
    storage_box_type: StrictStr
    password: StorageBoxPassword = Field(repr=False)
    labels: Labels | None = None
    ssh_keys: list[StrictStr] | None = None
    access_settings: StorageBoxAccessSettingsUpdate | None = None


class StorageBoxUpdate(Payload):
    """Body that renames a Storage Box or replaces its labels."""

    name: StrictStr | None = None
    labels: Labels | None = None


class StorageBoxChangeProtection(DeleteProtectionChange):
    """Body that turns a Storage Box's protection against deletion on or off."""


class StorageBoxChangeType(Payload):
    """Body that moves a Storage Box to another type (by name or id; required)."""

    storage_box_type: StrictStr


class StorageBoxResetPassword(SecretPayload):
    """Body that sets a new password on a Storage Box (required)."""

    password: StorageBoxPassword = Field(repr=False)


class StorageBoxRollbackSnapshot(Payload):
    """Body that rolls a Storage Box back to one of its snapshots (by name or id; required)."""

    snapshot: StrictStr


class StorageBoxEnableSnapshotPlan(Payload):
    """Body that sets up automatic snapshots, replacing any existing plan.

    ``max_snapshots`` (1 or more), ``minute`` (0-59) and ``hour`` (0-23, UTC)
    are required.  ``day_of_week`` (1 Monday to 7 Sunday) and ``day_of_month``
    (1-31) restrict the days; ``None`` means every day.
    """

    max_snapshots: int = Field(ge=1)
    minute: int = Field(ge=0, le=59)
    hour: int = Field(ge=0, le=23)
    day_of_week: int | None = Field(default=None, ge=1, le=7)
    day_of_month: int | None = Field(default=None, ge=1, le=31)


# --- subaccounts and snapshots -------------------------------------------------


class StorageBoxChildRef(HcloudModel):
    """The ids of a subaccount or snapshot just created, and of its Storage Box.

    Unlike other create results it is not a bound object (the API replies with
    the ids only), but it can be passed wherever a subaccount or snapshot is
    expected: ``client.storage_box_subaccounts.get(result.subaccount)`` or
    ``client.storage_box_snapshots.get(result.snapshot)`` reads the whole object.
    """

    id: int
    storage_box: int


class StorageBoxSubaccountAccessSettings(HcloudModel):
    """Which ways of reaching a subaccount are on, and whether it may only read."""

    reachable_externally: bool
    samba_enabled: bool
    ssh_enabled: bool
    webdav_enabled: bool
    readonly: bool


class StorageBoxSubaccount(BoundModel[M]):
    """An extra user of a Storage Box, confined to one directory of it.

    ``storage_box`` is the id of the box; ``server`` is the host name the
    subaccount connects to with ``username``.
    """

    _resource: ClassVar[str] = "storage_box_subaccounts"

    storage_box: int
    id: int
    name: str
    home_directory: str
    access_settings: StorageBoxSubaccountAccessSettings
    description: str
    labels: dict[str, str]
    username: str
    server: str
    created: datetime

    update = delegate(lambda: ops.update_storage_box_subaccount)
    delete = delegate(lambda: ops.delete_storage_box_subaccount)
    change_home_directory = delegate(lambda: ops.change_storage_box_subaccount_home_directory)
    reset_password = delegate(lambda: ops.reset_storage_box_subaccount_password)
    update_access_settings = delegate(lambda: ops.update_storage_box_subaccount_access_settings)
    reload = delegate(lambda: ops.get_storage_box_subaccount, "get")
    """Fetch the subaccount again and return its current state (the object itself is unchanged)."""


class CreateStorageBoxSubaccountResult(HcloudModel, Generic[M]):
    """Reply to creating a subaccount: its ids and the action setting it up."""

    subaccount: StorageBoxChildRef
    action: StorageBoxAction[M]


class StorageBoxSubaccountAccessSettingsUpdate(Payload):
    """Access settings of a subaccount to change; those left out stay as they are."""

    reachable_externally: bool | None = None
    samba_enabled: bool | None = None
    ssh_enabled: bool | None = None
    webdav_enabled: bool | None = None
    readonly: bool | None = None


class StorageBoxSubaccountCreate(SecretPayload):
    """Body that creates a subaccount.

    ``home_directory`` (relative to the box's root, created if missing) and
    ``password`` are required.  ``name`` is 1 to 50 characters,
    ``description`` at most 1000.
    """

    home_directory: HomeDirectory
    password: StorageBoxPassword = Field(repr=False)
    access_settings: StorageBoxSubaccountAccessSettingsUpdate | None = None
    name: StrictStr | None = Field(default=None, min_length=1, max_length=50)
    description: StrictStr | None = Field(default=None, max_length=1000)
    labels: Labels | None = None


class StorageBoxSubaccountUpdate(Payload):
    """Body that renames a subaccount, changes its description or replaces its labels."""

    name: StrictStr | None = Field(default=None, min_length=1, max_length=50)
    description: StrictStr | None = Field(default=None, max_length=1000)
    labels: Labels | None = None


class StorageBoxSubaccountChangeHomeDirectory(Payload):
    """Body that points a subaccount at another directory of the box (required)."""

    home_directory: HomeDirectory


class StorageBoxSubaccountResetPassword(SecretPayload):
    """Body that sets a new password on a subaccount (required)."""

    password: StorageBoxPassword = Field(repr=False)


class StorageBoxSnapshotStats(HcloudModel):
    """Space a snapshot takes, in bytes: on disk, and as seen by the filesystem."""

    size: int
    size_filesystem: int


class StorageBoxSnapshot(BoundModel[M]):
    """A point-in-time copy of a Storage Box's data.

    ``storage_box`` is the id of the box; ``is_automatic`` tells snapshots of
    the snapshot plan from those taken on request.
    """

    _resource: ClassVar[str] = "storage_box_snapshots"

    storage_box: int
    id: int
    name: str
    description: str
    labels: dict[str, str]
    stats: StorageBoxSnapshotStats
    is_automatic: bool
    created: datetime

    update = delegate(lambda: ops.update_storage_box_snapshot)
    delete = delegate(lambda: ops.delete_storage_box_snapshot)
    reload = delegate(lambda: ops.get_storage_box_snapshot, "get")
    """Fetch the snapshot again and return its current state (the object itself is unchanged)."""


class CreateStorageBoxSnapshotResult(HcloudModel, Generic[M]):
    """Reply to taking a snapshot: its ids and the action taking it."""

    snapshot: StorageBoxChildRef
    action: StorageBoxAction[M]


class StorageBoxSnapshotCreate(Payload):
    """Body that takes a snapshot, with an optional description (at most 1000 characters)."""

    description: StrictStr | None = Field(default=None, max_length=1000)
    labels: Labels | None = None


class StorageBoxSnapshotUpdate(Payload):
    """Body that changes a snapshot's description or replaces its labels."""

    description: StrictStr | None = Field(default=None, max_length=1000)
    labels: Labels | None = None
