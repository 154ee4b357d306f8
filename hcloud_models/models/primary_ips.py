"""Primary IPs: the public addresses of servers, kept as objects of their own."""

from datetime import datetime
from typing import TYPE_CHECKING, Annotated, ClassVar, Generic, Literal

from pydantic import Field, StrictInt, StrictStr, ValidationInfo, field_validator

from .._modes import M
from ._base import OPEN, BoundModel, HcloudModel, Labels, Payload, delegate
from .actions import Action
from .common import Protection, RequiredDeleteProtectionChange
from .dns_ptr import DnsPtrEntry
from .locations import Location

if TYPE_CHECKING:
    from ..operations import primary_ips as ops

__all__ = [
    "CreatePrimaryIPResult",
    "PrimaryIP",
    "PrimaryIPAssign",
    "PrimaryIPAssigneeType",
    "PrimaryIPChangeProtection",
    "PrimaryIPCreate",
    "PrimaryIPUpdate",
]

PrimaryIPAssigneeType = Literal["server"]
"""The kinds of resource a Primary IP can be assigned to."""


class PrimaryIP(BoundModel[M]):
    """An IPv4 address or IPv6 /64 block that serves as a server's public address.

    ``assignee_id`` is the id of the resource (of ``assignee_type``) using the
    address, or ``None`` while it is unassigned.  With ``auto_delete`` the
    address is deleted together with that resource.
    """

    _resource: ClassVar[str] = "primary_ips"

    id: int
    name: str
    labels: dict[str, str]
    created: datetime
    blocked: bool
    location: Location[M]
    ip: str
    dns_ptr: list[DnsPtrEntry]
    protection: Protection
    type: Annotated[Literal["ipv4", "ipv6"], OPEN]
    auto_delete: bool
    assignee_type: Annotated[PrimaryIPAssigneeType, OPEN]
    assignee_id: int | None

    update = delegate(lambda: ops.update_primary_ip)
    delete = delegate(lambda: ops.delete_primary_ip)
    assign = delegate(lambda: ops.assign_primary_ip)
    unassign = delegate(lambda: ops.unassign_primary_ip)
    change_dns_ptr = delegate(lambda: ops.change_primary_ip_dns_ptr)
    change_protection = delegate(lambda: ops.change_primary_ip_protection)
    actions = delegate(lambda: ops.ACTIONS.of)
    reload = delegate(lambda: ops.get_primary_ip, "get")
    """Fetch the Primary IP again and return its current state (the object itself is unchanged)."""


class CreatePrimaryIPResult(HcloudModel, Generic[M]):
    """Reply to creating a Primary IP; ``action`` is the assignment, if one was asked for."""

    primary_ip: PrimaryIP[M]
    action: Action[M] | None = None


class PrimaryIPCreate(Payload):
    """Body that creates a Primary IP.

    ``name`` and ``type`` are required.  Give either ``location`` (a location
    name or id, for an unassigned address) or ``assignee_id`` together with
    ``assignee_type`` (assign it right away), not both.
    """

    name: str
    type: Literal["ipv4", "ipv6"]
    location: StrictStr | StrictInt | None = None
    assignee_type: PrimaryIPAssigneeType | None = None
    assignee_id: int | None = Field(default=None, validate_default=True)
    auto_delete: bool | None = None
    labels: Labels | None = None

    @field_validator("assignee_id")
    @classmethod
    def _location_or_assignee(cls, value: int | None, info: ValidationInfo) -> int | None:
        # Keys are missing from info.data only when they failed validation themselves.
        if "location" not in info.data or "assignee_type" not in info.data:
            return value
        location = info.data["location"]
        if value is not None and location is not None:
            raise ValueError(
                "location and assignee_id exclude each other: an assigned Primary IP lives "
                "in its assignee's location"
            )
        if value is None and location is None:
            raise ValueError(
                "either location or assignee_id must be given: a Primary IP needs a resource "
                "to be assigned to or a location to live in"
            )
        if value is not None and info.data["assignee_type"] is None:
            raise ValueError("assignee_type must be given together with assignee_id")
        return value


class PrimaryIPUpdate(Payload):
    """Body that renames a Primary IP, replaces its labels or switches ``auto_delete``."""

    name: str | None = None
    labels: Labels | None = None
    auto_delete: bool | None = None


class PrimaryIPAssign(Payload):
    """Body that assigns a Primary IP to the resource ``assignee_id`` of ``assignee_type``."""

    assignee_type: PrimaryIPAssigneeType
    assignee_id: int


class PrimaryIPChangeProtection(RequiredDeleteProtectionChange):
    """Body that turns a Primary IP's protection against deletion on or off (required)."""
