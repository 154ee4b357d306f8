"""Locations: the sites where Hetzner Cloud runs its data centers."""

from typing import TYPE_CHECKING, ClassVar

from .._modes import M
from ._base import BoundModel, delegate

if TYPE_CHECKING:
    from ..operations import locations as ops

__all__ = ["Location"]


class Location(BoundModel[M]):
    """A site that hosts cloud resources, with its place on the map and its network zone."""

    _resource: ClassVar[str] = "locations"

    id: int
    name: str
    description: str
    country: str
    city: str
    latitude: float
    longitude: float
    network_zone: str

    reload = delegate(lambda: ops.get_location, "get")
    """Fetch the location again and return its current state (the object itself is unchanged)."""
