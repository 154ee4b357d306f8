"""Server types: the sizes and kinds of servers that can be created."""

from typing import TYPE_CHECKING, Annotated, ClassVar, Literal

from .._modes import M
from ._base import OPEN, BoundModel, HcloudModel, delegate
from .common import DeprecationInfo, Price

if TYPE_CHECKING:
    from ..operations import server_types as ops

__all__ = ["ServerType", "ServerTypeLocation", "ServerTypePrice"]


class ServerTypePrice(HcloudModel):
    """What a server or load balancer type costs in one location, with its traffic allowance.

    ``location`` is the location's name; ``included_traffic`` is in bytes per month.
    """

    location: str
    price_hourly: Price
    price_monthly: Price
    included_traffic: int
    price_per_tb_traffic: Price


class ServerTypeLocation(HcloudModel):
    """Whether a server type is offered in one location and whether it is being phased out there."""

    id: int
    name: str
    deprecation: DeprecationInfo | None
    recommended: bool
    available: bool


class ServerType(BoundModel[M]):
    """A server size: CPU, memory and disk, what it costs, and where it is offered.

    ``memory`` and ``disk`` are in GB.  ``deprecated`` and ``deprecation`` are
    kept for older callers; the per-location ``locations[].deprecation`` is the
    current source of that information.
    """

    _resource: ClassVar[str] = "server_types"

    id: int
    name: str
    description: str
    cores: int | float  # the spec's type is number; the API sends whole numbers today
    memory: float
    disk: int | float  # the spec's type is number
    deprecated: bool
    prices: list[ServerTypePrice]
    storage_type: Annotated[Literal["local", "network"], OPEN]
    cpu_type: Annotated[Literal["shared", "dedicated"], OPEN]
    category: str | None = None
    architecture: Annotated[Literal["x86", "arm"], OPEN]
    deprecation: DeprecationInfo | None = None
    locations: list[ServerTypeLocation]

    reload = delegate(lambda: ops.get_server_type, "get")
    """Fetch the server type again and return its current state (the object itself is unchanged)."""
