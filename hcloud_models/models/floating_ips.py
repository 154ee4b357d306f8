"""Floating IPs: addresses that can be moved between servers."""

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
    from ..operations import floating_ips as ops

__all__ = [
    "CreateFloatingIPResult",
    "FloatingIP",
    "FloatingIPAssign",
    "FloatingIPChangeProtection",
    "FloatingIPCreate",
    "FloatingIPUpdate",
]


class FloatingIP(BoundModel[M]):
    """An IPv4 address or IPv6 /64 block that can be routed to any server.

    ``server`` is the id of the server it points at, or ``None`` while it is
    unassigned.  ``home_location`` is where routing to it is best.  ``ip`` holds
    the block (``2001:db8::/64``) for IPv6.
    """

    _resource: ClassVar[str] = "floating_ips"

    id: int
    name: str
    description: str | None
    ip: str
    type: Annotated[Literal["ipv4", "ipv6"], OPEN]
    server: int | None
    dns_ptr: list[DnsPtrEntry]
    home_location: Location[M]
    blocked: bool
    protection: Protection
    labels: dict[str, str]
    created: datetime

    update = delegate(lambda: ops.update_floating_ip)
    delete = delegate(lambda: ops.delete_floating_ip)
    assign = delegate(lambda: ops.assign_floating_ip)
    unassign = delegate(lambda: ops.unassign_floating_ip)
    change_dns_ptr = delegate(lambda: ops.change_floating_ip_dns_ptr)
    change_protection = delegate(lambda: ops.change_floating_ip_protection)
    actions = delegate(lambda: ops.ACTIONS.of)
    reload = delegate(lambda: ops.get_floating_ip, "get")
    """Fetch the Floating IP again and return its current state (the object itself is unchanged)."""


class CreateFloatingIPResult(HcloudModel, Generic[M]):
    """Reply to creating a Floating IP.

    ``action`` is the assignment to a server, and is ``None`` when the address
    was created without one.
    """

    floating_ip: FloatingIP[M]
    action: Action[M] | None = None


class FloatingIPCreate(Payload):
    """Body that creates a Floating IP.

    ``type`` is required.  Either ``server`` (assign the address right away) or
    ``home_location`` (a location name or id) has to be given; both may be.
    """

    type: Literal["ipv4", "ipv6"]
    server: int | None = None
    home_location: StrictStr | StrictInt | None = Field(default=None, validate_default=True)
    description: str | None = None
    name: str | None = None
    labels: Labels | None = None

    @field_validator("home_location")
    @classmethod
    def _server_or_home_location(
        cls, value: str | int | None, info: ValidationInfo
    ) -> str | int | None:
        # "server" is missing from info.data only when it failed validation itself.
        if value is None and "server" in info.data and info.data["server"] is None:
            raise ValueError(
                "either server or home_location must be given: a Floating IP needs a server "
                "to be assigned to or a location to live in"
            )
        return value


class FloatingIPUpdate(Payload):
    """Body that renames a Floating IP, sets or clears its description, or replaces its labels."""

    description: str | None = None
    name: str | None = None
    labels: Labels | None = None


class FloatingIPAssign(Payload):
    """Body that routes a Floating IP to the server with this id."""

    server: int


class FloatingIPChangeProtection(RequiredDeleteProtectionChange):
    """Body that turns a Floating IP's protection against deletion on or off (required)."""
