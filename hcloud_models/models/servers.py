"""Servers: the virtual machines, the replies of their actions, and the bodies those take."""

import ipaddress
import re
from datetime import datetime
from typing import TYPE_CHECKING, Annotated, ClassVar, Generic, Literal

from pydantic import StrictInt, StrictStr, ValidationInfo, field_validator

from .._modes import M
from ._base import OPEN, BoundModel, HcloudModel, Labels, Payload, delegate
from .actions import Action
from .common import DetachFromNetwork, ServerProtection
from .datacenters import Datacenter
from .dns_ptr import DnsPtrEntry, _check_ip
from .images import Image
from .isos import ISO
from .locations import Location
from .placement_groups import PlacementGroup
from .server_types import ServerType

if TYPE_CHECKING:
    from ..operations import servers as ops

__all__ = [
    "BackupWindow",
    "CreateImageResult",
    "CreateServerResult",
    "EnableRescueResult",
    "MetricsTimeSeries",
    "PublicNet",
    "RebuildServerResult",
    "RequestConsoleResult",
    "ResetPasswordResult",
    "Server",
    "ServerAddToPlacementGroup",
    "ServerAttachISO",
    "ServerAttachToNetwork",
    "ServerChangeAliasIPs",
    "ServerChangeProtection",
    "ServerChangeType",
    "ServerCreate",
    "ServerCreateFirewall",
    "ServerCreateImage",
    "ServerCreatePublicNet",
    "ServerDetachFromNetwork",
    "ServerEnableBackup",
    "ServerEnableRescue",
    "ServerIPv4",
    "ServerIPv6",
    "ServerMetrics",
    "ServerPrivateNet",
    "ServerPublicNetFirewall",
    "ServerRebuild",
    "ServerStatus",
    "ServerUpdate",
    "USER_DATA_MAX_BYTES",
]

ServerStatus = Literal[
    "running",
    "initializing",
    "starting",
    "stopping",
    "off",
    "deleting",
    "migrating",
    "rebuilding",
    "unknown",
]
"""The states a server can be in."""

BackupWindow = Literal["22-02", "02-06", "06-10", "10-14", "14-18", "18-22"]
"""The four-hour UTC windows in which daily backups can run."""

USER_DATA_MAX_BYTES = 32 * 1024
"""Largest cloud-init ``user_data`` the API takes, in bytes of UTF-8 (32 KiB)."""

_IdOrName = StrictStr | StrictInt

# --- response parts -----------------------------------------------------------


class ServerIPv4(HcloudModel):
    """The public IPv4 address of a server and its reverse DNS name.

    ``id`` is the Primary IP that provides the address.
    """

    id: int | None = None
    ip: str
    blocked: bool
    dns_ptr: str


class ServerIPv6(HcloudModel):
    """The public IPv6 block of a server and the reverse DNS entries set inside it.

    ``ip`` is the block (``2001:db8::/64``); ``id`` is the Primary IP that provides it.
    """

    id: int | None = None
    ip: str
    blocked: bool
    dns_ptr: list[DnsPtrEntry] | None


class ServerPublicNetFirewall(HcloudModel):
    """A firewall on a server's public interface and whether its rules are in force yet."""

    id: int | None = None
    status: Annotated[Literal["applied", "pending"], OPEN] | None = None


class PublicNet(HcloudModel):
    """A server's public interface: its addresses, Floating IPs and firewalls.

    ``ipv4`` or ``ipv6`` is ``None`` when the server was created without it.
    ``floating_ips`` holds the ids of the Floating IPs routed to the server.
    """

    ipv4: ServerIPv4 | None
    ipv6: ServerIPv6 | None
    floating_ips: list[int]
    firewalls: list[ServerPublicNetFirewall] | None = None


class ServerPrivateNet(HcloudModel):
    """A server's attachment to a private network: its address, aliases and MAC address."""

    network: int | None = None
    ip: str | None = None
    alias_ips: list[str] | None = None
    mac_address: str | None = None


class Server(BoundModel[M]):
    """A virtual machine with its type, place, disk image, networking and settings.

    ``location`` is where the server runs; ``datacenter`` is not part of the
    current API description and is kept only because older replies carry it.
    Traffic figures are bytes in the current billing period and may be
    ``None`` while unknown.  ``backup_window`` is ``None`` when backups are off.
    ``primary_disk_size`` is in GB.
    """

    _resource: ClassVar[str] = "servers"

    id: int
    name: str
    status: Annotated[ServerStatus, OPEN]
    created: datetime
    public_net: PublicNet
    private_net: list[ServerPrivateNet]
    server_type: ServerType[M]
    location: Location[M]
    datacenter: Datacenter[M] | None = None
    image: Image[M] | None
    iso: ISO[M] | None
    rescue_enabled: bool
    locked: bool
    backup_window: str | None
    outgoing_traffic: int | None
    ingoing_traffic: int | None
    included_traffic: int | None
    protection: ServerProtection
    labels: dict[str, str]
    volumes: list[int] | None = None
    load_balancers: list[int] | None = None
    primary_disk_size: float
    placement_group: PlacementGroup[M] | None = None

    reload = delegate(lambda: ops.get_server, "get")
    """Fetch the server again; returns a fresh object (this one is left as it was)."""
    update = delegate(lambda: ops.update_server)
    delete = delegate(lambda: ops.delete_server)
    metrics = delegate(lambda: ops.get_server_metrics)
    actions = delegate(lambda: ops.ACTIONS.of)
    power_on = delegate(lambda: ops.power_on)
    power_off = delegate(lambda: ops.power_off)
    shutdown = delegate(lambda: ops.shutdown)
    reboot = delegate(lambda: ops.reboot)
    reset = delegate(lambda: ops.reset)
    rebuild = delegate(lambda: ops.rebuild)
    change_type = delegate(lambda: ops.change_type)
    enable_rescue = delegate(lambda: ops.enable_rescue)
    disable_rescue = delegate(lambda: ops.disable_rescue)
    enable_backup = delegate(lambda: ops.enable_backup)
    disable_backup = delegate(lambda: ops.disable_backup)
    attach_iso = delegate(lambda: ops.attach_iso)
    detach_iso = delegate(lambda: ops.detach_iso)
    create_image = delegate(lambda: ops.create_image)
    change_protection = delegate(lambda: ops.change_protection)
    change_dns_ptr = delegate(lambda: ops.change_dns_ptr)
    reset_password = delegate(lambda: ops.reset_password)
    request_console = delegate(lambda: ops.request_console)
    add_to_placement_group = delegate(lambda: ops.add_to_placement_group)
    remove_from_placement_group = delegate(lambda: ops.remove_from_placement_group)
    attach_to_network = delegate(lambda: ops.attach_to_network)
    detach_from_network = delegate(lambda: ops.detach_from_network)
    change_alias_ips = delegate(lambda: ops.change_alias_ips)


# --- replies of server operations ------------------------------------------------


class CreateServerResult(HcloudModel, Generic[M]):
    """Reply to creating a server.

    ``next_actions`` are the follow-up steps (starting it, attaching networks
    or volumes); ``root_password`` is ``None`` when SSH keys were given.
    """

    server: Server[M]
    action: Action[M]
    next_actions: list[Action[M]]
    root_password: str | None


class _RootPasswordResult(HcloudModel, Generic[M]):
    """A reply holding an action and the root password it sets, if any."""

    root_password: str | None = None
    action: Action[M]


class RebuildServerResult(_RootPasswordResult[M], Generic[M]):
    """Reply to rebuilding a server: the action and, if the image sets one, a new root password."""


class ResetPasswordResult(_RootPasswordResult[M], Generic[M]):
    """Reply to resetting a server's root password: the action and the new password."""


class EnableRescueResult(_RootPasswordResult[M], Generic[M]):
    """Reply to enabling rescue mode: the action and the rescue system's root password."""


class RequestConsoleResult(HcloudModel, Generic[M]):
    """Reply to requesting a console: the WebSocket URL of the VNC session and its password.

    The URL is only valid for a short time.
    """

    wss_url: str
    password: str
    action: Action[M]


class CreateImageResult(HcloudModel, Generic[M]):
    """Reply to imaging a server: the new image (still being created) and the action."""

    image: Image[M]
    action: Action[M]


class MetricsTimeSeries(HcloudModel):
    """One series of samples: ``(unix timestamp, value)`` pairs, values kept as text."""

    values: list[tuple[float, str]]


class Metrics(HcloudModel):
    """Samples over a time span, as servers and Load Balancers report them.

    ``step`` is the spacing of the samples in seconds; ``time_series`` maps a
    series name to its samples.
    """

    start: datetime
    end: datetime
    step: float
    time_series: dict[str, MetricsTimeSeries]


class ServerMetrics(Metrics):
    """Samples of a server's CPU, disk or network use over a time span.

    ``step`` is the spacing of the samples in seconds; ``time_series`` maps a
    series name such as ``"cpu"`` or ``"network.0.bandwidth.in"`` to its samples.
    """


# --- request bodies ------------------------------------------------------------------

_HOST_LABEL = re.compile(r"[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?")


def _check_hostname(name: str) -> str:
    """Return ``name`` if it is a valid RFC 1123 hostname, else raise ``ValueError``."""
    rule = (
        "a server name must be a valid hostname (RFC 1123): dot-separated labels of 1 to 63 "
        "letters, digits and hyphens that neither start nor end with a hyphen, "
        "253 characters at most in total"
    )
    if not name:
        raise ValueError(f"{rule}; got an empty name")
    if len(name) > 253:
        raise ValueError(f"{rule}; got {len(name)} characters")
    for label in name.split("."):
        if not _HOST_LABEL.fullmatch(label):
            raise ValueError(f"{rule}; label {label!r} of {name!r} is not")
    return name


def _check_user_data(value: str) -> str:
    """Return ``value`` if its UTF-8 encoding fits the API's 32 KiB limit."""
    size = len(value.encode("utf-8"))
    if size > USER_DATA_MAX_BYTES:
        raise ValueError(
            f"user_data must be at most {USER_DATA_MAX_BYTES} bytes (32 KiB) in UTF-8, "
            f"got {size} bytes"
        )
    return value


class ServerCreateFirewall(Payload):
    """A firewall, by id, to apply to the new server's public interface."""

    firewall: int


class ServerCreatePublicNet(Payload):
    """Public interface options of a new server.

    ``enable_ipv4``/``enable_ipv6`` (both on by default) decide whether the
    server gets an address of each family; ``ipv4``/``ipv6`` pick an existing
    Primary IP by id instead of creating a new one.
    """

    enable_ipv4: bool | None = None
    enable_ipv6: bool | None = None
    ipv4: int | None = None
    ipv6: int | None = None


class ServerCreate(Payload):
    """Body that creates a server.

    ``name`` (an RFC 1123 hostname), ``server_type`` and ``image`` are
    required; the last two and ``location`` take a name or an id.  ``location``
    and the older ``datacenter`` exclude each other.  ``user_data`` may be at
    most 32 KiB of UTF-8 and labels must follow the API's label syntax.
    ``ssh_keys`` takes key names or ids.
    """

    name: str
    location: _IdOrName | None = None
    datacenter: _IdOrName | None = None
    server_type: _IdOrName
    start_after_create: bool | None = None
    image: _IdOrName
    placement_group: int | None = None
    ssh_keys: list[_IdOrName] | None = None
    volumes: list[int] | None = None
    networks: list[int] | None = None
    firewalls: list[ServerCreateFirewall] | None = None
    user_data: str | None = None
    labels: Labels | None = None
    automount: bool | None = None
    public_net: ServerCreatePublicNet | None = None

    @field_validator("name")
    @classmethod
    def _name_is_hostname(cls, value: str) -> str:
        return _check_hostname(value)

    @field_validator("datacenter")
    @classmethod
    def _not_both_location_and_datacenter(
        cls, value: str | int | None, info: ValidationInfo
    ) -> str | int | None:
        if value is not None and info.data.get("location") is not None:
            raise ValueError(
                "location and datacenter exclude each other: give only one of them "
                "(location is preferred)"
            )
        return value

    @field_validator("user_data")
    @classmethod
    def _user_data_fits(cls, value: str | None) -> str | None:
        return None if value is None else _check_user_data(value)


class ServerUpdate(Payload):
    """Body that renames a server (to a valid RFC 1123 hostname) or replaces its labels."""

    name: str | None = None
    labels: Labels | None = None

    @field_validator("name")
    @classmethod
    def _name_is_hostname(cls, value: str | None) -> str | None:
        return None if value is None else _check_hostname(value)


class ServerRebuild(Payload):
    """Body that rebuilds a server from an image (name or id).

    ``user_data`` may be at most 32 KiB of UTF-8; when left out, the server's
    previous user data is used again.
    """

    image: _IdOrName
    user_data: str | None = None

    @field_validator("user_data")
    @classmethod
    def _user_data_fits(cls, value: str | None) -> str | None:
        return None if value is None else _check_user_data(value)


class ServerChangeType(Payload):
    """Body that moves a server to another server type (name or id).

    ``upgrade_disk`` is required: growing the disk rules out moving back to a
    type with a smaller disk later.
    """

    server_type: _IdOrName
    upgrade_disk: bool


class ServerEnableRescue(Payload):
    """Body that enables the rescue system, optionally with SSH keys (by id) to put in it.

    The API documents a single rescue system type, ``"linux64"``, which is also its default.
    """

    type: Literal["linux64"] | None = None
    ssh_keys: list[int] | None = None


class ServerEnableBackup(Payload):
    """Body that enables daily backups, optionally in one of the six UTC windows.

    The current API description takes no body here; send this only when a
    window must be chosen.
    """

    backup_window: BackupWindow | None = None


class ServerAttachISO(Payload):
    """Body that inserts an ISO (name or id) into a server's virtual drive."""

    iso: _IdOrName


class ServerCreateImage(Payload):
    """Body that images a server's disk as a ``"snapshot"`` (the default) or a ``"backup"``."""

    description: str | None = None
    type: Literal["snapshot", "backup"] | None = None
    labels: Labels | None = None


class ServerChangeProtection(Payload):
    """Body that turns a server's protection against deletion and rebuilds on or off.

    The API currently needs both flags to be equal, so giving them different
    values is rejected.
    """

    delete: bool | None = None
    rebuild: bool | None = None

    @field_validator("rebuild")
    @classmethod
    def _same_as_delete(cls, value: bool | None, info: ValidationInfo) -> bool | None:
        delete = info.data.get("delete")
        if value is not None and delete is not None and value != delete:
            raise ValueError(
                "delete and rebuild protection must have the same value "
                f"(got delete={delete}, rebuild={value})"
            )
        return value


class ServerAddToPlacementGroup(Payload):
    """Body that puts a server into the placement group with this id."""

    placement_group: int


class ServerAttachToNetwork(Payload):
    """Body that connects a server to a private network (by id).

    ``ip`` asks for a particular address, ``ip_range`` (CIDR) for an address
    from that subnet; when both are given the address must lie in the range.
    ``alias_ips`` are further addresses for the server.
    """

    network: int
    ip: str | None = None
    alias_ips: list[str] | None = None
    ip_range: str | None = None

    @field_validator("ip")
    @classmethod
    def _ip_is_an_address(cls, value: str | None) -> str | None:
        return None if value is None else _check_ip(value, "ip")

    @field_validator("alias_ips")
    @classmethod
    def _alias_ips_are_addresses(cls, value: list[str] | None) -> list[str] | None:
        if value is not None:
            for item in value:
                _check_ip(item, "each alias IP")
        return value

    @field_validator("ip_range")
    @classmethod
    def _ip_range_holds_ip(cls, value: str | None, info: ValidationInfo) -> str | None:
        if value is None:
            return None
        try:
            network = ipaddress.ip_network(value, strict=False)
        except ValueError:
            raise ValueError(
                f"ip_range must be an IP range in CIDR notation such as '10.0.1.0/24', "
                f"got {value!r}"
            ) from None
        ip = info.data.get("ip")
        if ip is not None and ipaddress.ip_address(ip) not in network:
            raise ValueError(f"ip {ip!r} must lie inside ip_range {value!r}")
        return value


class ServerDetachFromNetwork(DetachFromNetwork):
    """Body that disconnects a server from the private network with this id."""


class ServerChangeAliasIPs(Payload):
    """Body that replaces all alias IPs of a server in one attached network.

    Aliases left out are removed; an empty list removes them all.
    """

    network: int
    alias_ips: list[str]

    @field_validator("alias_ips")
    @classmethod
    def _alias_ips_are_addresses(cls, value: list[str]) -> list[str]:
        for item in value:
            _check_ip(item, "each alias IP")
        return value
