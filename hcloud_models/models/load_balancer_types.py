"""Load Balancer types: the sizes of Load Balancer that can be created."""

from datetime import datetime
from typing import TYPE_CHECKING, ClassVar

from .._modes import M
from ._base import BoundModel, delegate
from .common import DeprecationInfo
from .pricing import LoadBalancerTypePrice

if TYPE_CHECKING:
    from ..operations import load_balancer_types as ops

__all__ = ["LoadBalancerType"]


class LoadBalancerType(BoundModel[M]):
    """A Load Balancer size: how many connections, services, targets and certificates it takes.

    ``prices`` lists what it costs in each location.  ``deprecated`` is the
    older form of ``deprecation`` and is kept for compatibility; both are
    ``None`` while the type is not being phased out.
    """

    _resource: ClassVar[str] = "load_balancer_types"

    id: int
    name: str
    description: str
    max_connections: int
    max_services: int
    max_targets: int
    max_assigned_certificates: int
    deprecated: datetime | None
    deprecation: DeprecationInfo | None
    prices: list[LoadBalancerTypePrice]

    reload = delegate(lambda: ops.get_load_balancer_type, "get")
    """Fetch the type again and return its current state (the object itself is unchanged)."""
