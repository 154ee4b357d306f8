"""Volumes: block storage that can be attached to one server at a time."""

import re
from datetime import datetime
from typing import TYPE_CHECKING, Annotated, ClassVar, Generic, Literal

from pydantic import Field, StrictStr, ValidationInfo, field_validator

from .._modes import M
from ._base import OPEN, BoundModel, HcloudModel, Labels, Payload, delegate
from .actions import Action
from .common import DeleteProtectionChange, Protection
from .locations import Location

if TYPE_CHECKING:
    from ..operations import volumes as ops

__all__ = [
    "VOLUME_FORMATS",
    "VOLUME_MAX_SIZE",
    "VOLUME_MIN_SIZE",
    "CreateVolumeResult",
    "Volume",
    "VolumeAttach",
    "VolumeChangeProtection",
    "VolumeCreate",
    "VolumeResize",
    "VolumeStatus",
    "VolumeUpdate",
]

VolumeStatus = Literal["available", "creating"]
"""The states of a Volume."""

VOLUME_FORMATS = ("xfs", "ext4")
"""Filesystems the API can format a new Volume with."""

VOLUME_MIN_SIZE = 10
"""Smallest Volume size, in GB."""

VOLUME_MAX_SIZE = 10240
"""Largest Volume size, in GB (10 TB)."""


class Volume(BoundModel[M]):
    """A block device of ``size`` GB in one location, attached to ``server`` or to none.

    ``linux_device`` is the device path on the server it is attached to;
    ``format`` is the filesystem the API created on it, or ``None``.
    """

    _resource: ClassVar[str] = "volumes"

    id: int
    created: datetime
    name: str
    server: int | None
    location: Location[M]
    size: float
    linux_device: str
    protection: Protection
    labels: dict[str, str]
    status: Annotated[VolumeStatus, OPEN]
    format: str | None

    update = delegate(lambda: ops.update_volume)
    delete = delegate(lambda: ops.delete_volume)
    attach = delegate(lambda: ops.attach_volume)
    detach = delegate(lambda: ops.detach_volume)
    resize = delegate(lambda: ops.resize_volume)
    change_protection = delegate(lambda: ops.change_volume_protection)
    actions = delegate(lambda: ops.ACTIONS.of)
    reload = delegate(lambda: ops.get_volume, "get")
    """Fetch the Volume again and return its current state (the object itself is unchanged)."""


class CreateVolumeResult(HcloudModel, Generic[M]):
    """Reply to creating a Volume.

    ``action`` creates the Volume; ``next_actions`` holds the ``attach_volume``
    action when it was created for a server, and is empty otherwise.
    """

    volume: Volume[M]
    action: Action[M]
    next_actions: list[Action[M]]


_VOLUME_NAME = re.compile(r"^[a-zA-Z0-9]([a-zA-Z0-9._-]{0,62}[a-zA-Z0-9])?$")


def _check_volume_name(name: str | None) -> str | None:
    if name is not None and not _VOLUME_NAME.match(name):
        raise ValueError(
            f"a Volume name must be 1 to 64 characters: letters, digits, dashes, underscores "
            f"and dots, starting and ending with a letter or digit; got {name!r}"
        )
    return name


def _check_size(size: float) -> float:
    if not VOLUME_MIN_SIZE <= size <= VOLUME_MAX_SIZE:
        raise ValueError(
            f"a Volume's size must be between {VOLUME_MIN_SIZE} and {VOLUME_MAX_SIZE} GB, "
            f"got {size}"
        )
    return size


class VolumeCreate(Payload):
    """Body that creates a Volume.

    ``size`` (10 to 10240 GB) and ``name`` are required.  Give ``server`` to
    create it in that server's location and attach it there (``automount``
    then mounts it), or ``location`` (a location name) for a detached Volume.
    ``format`` is ``"xfs"`` or ``"ext4"``.
    """

    size: int
    name: str
    labels: Labels | None = None
    automount: bool | None = None
    format: str | None = None
    location: StrictStr | None = None
    server: int | None = Field(default=None, validate_default=True)

    _name_rule = field_validator("name")(_check_volume_name)
    _size_rule = field_validator("size")(_check_size)

    @field_validator("format")
    @classmethod
    def _known_format(cls, value: str | None) -> str | None:
        if value is not None and value not in VOLUME_FORMATS:
            raise ValueError(f"format must be one of {', '.join(VOLUME_FORMATS)}; got {value!r}")
        return value

    @field_validator("server")
    @classmethod
    def _server_or_location(cls, value: int | None, info: ValidationInfo) -> int | None:
        # Keys are missing from info.data only when they failed validation themselves.
        if "location" not in info.data or "automount" not in info.data:
            return value
        if value is None and info.data["location"] is None:
            raise ValueError(
                "either server or location must be given: a Volume is created next to a "
                "server or in a location"
            )
        if value is None and info.data["automount"] is not None:
            raise ValueError("automount needs a server to mount the new Volume on")
        return value


class VolumeUpdate(Payload):
    """Body that renames a Volume or replaces its labels."""

    name: str | None = None
    labels: Labels | None = None

    _name_rule = field_validator("name")(_check_volume_name)


class VolumeAttach(Payload):
    """Body that attaches a Volume to the server with this id, mounting it if ``automount``."""

    server: int
    automount: bool | None = None


class VolumeResize(Payload):
    """Body that grows a Volume to ``size`` GB (larger than now, at most 10240).

    Sizes are whole GB, as when creating a Volume: ``50`` is sent as ``50``, and
    a fraction such as ``10.5`` is refused before sending.
    """

    size: int

    _size_rule = field_validator("size")(_check_size)


class VolumeChangeProtection(DeleteProtectionChange):
    """Body that turns a Volume's protection against deletion on or off."""
