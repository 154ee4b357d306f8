"""Images: system and app images, and the snapshots and backups made from servers."""

from datetime import datetime
from typing import TYPE_CHECKING, Annotated, ClassVar, Literal

from pydantic import Field

from .._modes import M
from ._base import OPEN, BoundModel, HcloudModel, Labels, Payload, delegate
from .common import Protection

if TYPE_CHECKING:
    from ..operations import images as ops

__all__ = ["Image", "ImageChangeProtection", "ImageCreatedFrom", "ImageUpdate"]


class ImageCreatedFrom(HcloudModel):
    """The server a snapshot or backup was taken from, with its name at that time."""

    id: int
    name: str


class Image(BoundModel[M]):
    """A disk image that servers can be created from or rebuilt with.

    ``name`` is set only for system images; snapshots and backups are known by
    their id and description.  ``image_size`` (the stored size, which snapshots
    are billed by) and ``disk_size`` are in GB.  ``bound_to`` is the server a
    backup belongs to.  ``deprecated`` and ``deleted`` are points in time, or
    ``None`` when they do not apply.
    """

    _resource: ClassVar[str] = "images"

    id: int
    type: Annotated[Literal["system", "app", "snapshot", "backup"], OPEN]
    status: Annotated[Literal["available", "creating", "unavailable"], OPEN]
    name: str | None
    description: str
    image_size: float | None
    disk_size: float
    created: datetime
    created_from: ImageCreatedFrom | None
    bound_to: int | None
    os_flavor: Annotated[
        Literal["ubuntu", "centos", "debian", "fedora", "rocky", "alma", "opensuse", "unknown"],
        OPEN,
    ]
    os_version: str | None
    rapid_deploy: bool | None = None
    protection: Protection
    deprecated: datetime | None
    # The spec types ``deleted`` as a plain string (no date-time format): a
    # timestamp becomes a datetime, anything else stays the string it was.
    deleted: Annotated[datetime | str | None, Field(union_mode="left_to_right")]
    labels: dict[str, str]
    architecture: Annotated[Literal["x86", "arm"], OPEN]

    update = delegate(lambda: ops.update_image)
    delete = delegate(lambda: ops.delete_image)
    change_protection = delegate(lambda: ops.change_image_protection)
    actions = delegate(lambda: ops.ACTIONS.of)
    reload = delegate(lambda: ops.get_image, "get")
    """Fetch the image again and return its current state (the object itself is unchanged)."""


class ImageUpdate(Payload):
    """Body that changes an image's description or labels, or turns a backup into a snapshot.

    ``type`` accepts only ``"snapshot"``: a backup can become a snapshot, but
    no other conversion exists.  Labels given here replace the old ones.
    """

    description: str | None = None
    type: Literal["snapshot"] | None = None
    labels: Labels | None = None


class ImageChangeProtection(Payload):
    """Body that turns an image's protection against deletion on or off."""

    delete: bool | None = None
