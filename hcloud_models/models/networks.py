"""Networks: private IPv4 networks with subnets and routes that servers attach to."""

import ipaddress
from datetime import datetime
from typing import TYPE_CHECKING, Annotated, ClassVar, Literal

from pydantic import Field, ValidationInfo, field_validator

from .._modes import M
from ._base import OPEN, BoundModel, HcloudModel, Labels, Payload, delegate
from .common import DeleteProtectionChange, Protection

if TYPE_CHECKING:
    from ..operations import networks as ops

__all__ = [
    "Network",
    "NetworkAddRoute",
    "NetworkAddSubnet",
    "NetworkChangeIPRange",
    "NetworkChangeProtection",
    "NetworkCreate",
    "NetworkDeleteRoute",
    "NetworkDeleteSubnet",
    "NetworkRoute",
    "NetworkSubnet",
    "NetworkUpdate",
    "SubnetType",
]

SubnetType = Literal["cloud", "server", "vswitch"]
"""Kinds of subnet: ``cloud`` for servers and Load Balancers (``server`` is its
deprecated spelling), ``vswitch`` for a link to dedicated servers."""


class NetworkSubnet(HcloudModel):
    """A subnet of a network: its range, network zone and the gateway the API gives it.

    ``vswitch_id`` is set only for subnets of type ``vswitch``.
    """

    type: Annotated[SubnetType, OPEN]
    ip_range: str | None = None
    network_zone: str
    gateway: str
    vswitch_id: int | None = None


class NetworkRoute(HcloudModel):
    """A route: packets for ``destination`` (CIDR) are sent to ``gateway``."""

    destination: str
    gateway: str


class Network(BoundModel[M]):
    """A private network: its IPv4 range, subnets, routes and attached resources.

    ``servers`` and ``load_balancers`` hold the ids of what is attached.  With
    ``expose_routes_to_vswitch`` the routes are announced to a connected vSwitch.
    """

    _resource: ClassVar[str] = "networks"

    id: int
    name: str
    ip_range: str
    subnets: list[NetworkSubnet]
    routes: list[NetworkRoute]
    servers: list[int]
    load_balancers: list[int] | None = None
    protection: Protection
    labels: dict[str, str]
    created: datetime
    expose_routes_to_vswitch: bool

    update = delegate(lambda: ops.update_network)
    delete = delegate(lambda: ops.delete_network)
    add_subnet = delegate(lambda: ops.add_network_subnet)
    delete_subnet = delegate(lambda: ops.delete_network_subnet)
    add_route = delegate(lambda: ops.add_network_route)
    delete_route = delegate(lambda: ops.delete_network_route)
    change_ip_range = delegate(lambda: ops.change_network_ip_range)
    change_protection = delegate(lambda: ops.change_network_protection)
    actions = delegate(lambda: ops.ACTIONS.of)
    reload = delegate(lambda: ops.get_network, "get")
    """Fetch the network again and return its current state (the object itself is unchanged)."""


# --- request bodies ---------------------------------------------------------

_PUBLIC_GATEWAY = ipaddress.IPv4Address("172.31.1.1")
_RFC1918 = tuple(
    ipaddress.IPv4Network(r) for r in ("10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16")
)


def _cidr(value: str, field: str) -> ipaddress.IPv4Network:
    """Parse an IPv4 range in CIDR notation whose address is the range's first address."""
    try:
        return ipaddress.IPv4Network(value, strict=True)
    except ValueError:
        raise ValueError(
            f"{field} must be an IPv4 range in CIDR notation such as '10.0.0.0/16', "
            f"with no host bits set; got {value!r}"
        ) from None


def _private(network: ipaddress.IPv4Network) -> bool:
    return any(network.subnet_of(block) for block in _RFC1918)


def _check_network_range(value: str) -> str:
    network = _cidr(value, "ip_range")
    if not _private(network):
        raise ValueError(
            f"ip_range must lie in a private IPv4 range of RFC 1918 (10.0.0.0/8, "
            f"172.16.0.0/12, 192.168.0.0/16); got {value!r}"
        )
    if network.prefixlen > 24:
        raise ValueError(f"ip_range must be /24 or larger, got {value!r}")
    return value


class NetworkAddSubnet(Payload):
    """Body that adds a subnet to a network (and one subnet of a new network).

    ``type`` and ``network_zone`` are required.  ``ip_range`` (CIDR, /30 or
    larger) is picked by the API when left out: the first free /24.
    ``vswitch_id`` is required for, and only allowed with, type ``vswitch``.
    """

    type: SubnetType
    ip_range: str | None = None
    network_zone: str
    vswitch_id: int | None = Field(default=None, validate_default=True)

    @field_validator("ip_range")
    @classmethod
    def _ip_range_is_a_subnet(cls, value: str | None) -> str | None:
        if value is not None and _cidr(value, "ip_range").prefixlen > 30:
            raise ValueError(f"a subnet's ip_range must be /30 or larger, got {value!r}")
        return value

    @field_validator("vswitch_id")
    @classmethod
    def _vswitch_id_for_vswitch_subnets(cls, value: int | None, info: ValidationInfo) -> int | None:
        kind = info.data.get("type")
        if kind == "vswitch" and value is None:
            raise ValueError("vswitch_id is required for a subnet of type 'vswitch'")
        if kind is not None and kind != "vswitch" and value is not None:
            raise ValueError(f"vswitch_id is allowed only for type 'vswitch', not {kind!r}")
        return value


class NetworkAddRoute(Payload):
    """Body that adds a route to a network (and one route of a new network).

    ``destination`` is a private range (RFC 1918) or ``0.0.0.0/0``; ``gateway``
    is an address inside the network, never ``172.31.1.1``.
    """

    destination: str
    gateway: str

    @field_validator("destination")
    @classmethod
    def _destination_is_private_or_default(cls, value: str) -> str:
        network = _cidr(value, "destination")
        if network.prefixlen != 0 and not _private(network):
            raise ValueError(
                f"destination must be a private IPv4 range of RFC 1918 or '0.0.0.0/0', "
                f"got {value!r}"
            )
        if _PUBLIC_GATEWAY in network and network.prefixlen != 0:
            raise ValueError("destination must not contain 172.31.1.1, the public gateway")
        return value

    @field_validator("gateway")
    @classmethod
    def _gateway_is_an_address(cls, value: str) -> str:
        try:
            address = ipaddress.IPv4Address(value)
        except ValueError:
            raise ValueError(f"gateway must be a single IPv4 address, got {value!r}") from None
        if address == _PUBLIC_GATEWAY:
            raise ValueError("gateway must not be 172.31.1.1, the gateway of public interfaces")
        return value


class NetworkDeleteRoute(NetworkAddRoute):
    """Body that removes the route with this destination and gateway from a network."""


class NetworkCreate(Payload):
    """Body that creates a network.

    ``name`` (1 to 128 characters) and ``ip_range`` are required; the range is a
    private IPv4 range of RFC 1918, /24 or larger, and holds every subnet given.
    """

    name: str = Field(min_length=1, max_length=128)
    ip_range: str
    labels: Labels | None = None
    subnets: list[NetworkAddSubnet] | None = None
    routes: list[NetworkAddRoute] | None = None
    expose_routes_to_vswitch: bool | None = None

    _ip_range_rule = field_validator("ip_range")(_check_network_range)

    @field_validator("subnets")
    @classmethod
    def _subnets_inside(
        cls, value: list[NetworkAddSubnet] | None, info: ValidationInfo
    ) -> list[NetworkAddSubnet] | None:
        outer = info.data.get("ip_range")
        if value is None or outer is None:
            return value
        network = ipaddress.IPv4Network(outer)
        for subnet in value:
            inner = subnet.ip_range
            if inner is not None and not ipaddress.IPv4Network(inner).subnet_of(network):
                raise ValueError(f"subnet {inner!r} must lie inside ip_range {outer!r}")
        return value


class NetworkUpdate(Payload):
    """Body that renames a network, replaces its labels or switches route export to vSwitch."""

    name: str | None = Field(default=None, min_length=1, max_length=128)
    labels: Labels | None = None
    expose_routes_to_vswitch: bool | None = None


class NetworkDeleteSubnet(Payload):
    """Body that removes the subnet with this ``ip_range`` (CIDR) from a network."""

    ip_range: str

    @field_validator("ip_range")
    @classmethod
    def _ip_range_is_cidr(cls, value: str) -> str:
        _cidr(value, "ip_range")
        return value


class NetworkChangeIPRange(Payload):
    """Body that widens a network's range: same first address, shorter netmask."""

    ip_range: str

    _ip_range_rule = field_validator("ip_range")(_check_network_range)


class NetworkChangeProtection(DeleteProtectionChange):
    """Body that turns a network's protection against deletion on or off."""
