"""Datacenters: the individual data centers inside a location."""

from typing import TYPE_CHECKING, ClassVar

from .._modes import M
from ._base import BoundModel, HcloudModel, delegate
from .locations import Location

if TYPE_CHECKING:
    from ..operations import datacenters as ops

__all__ = ["Datacenter", "DatacenterServerTypes"]


class DatacenterServerTypes(HcloudModel):
    """IDs of the server types a datacenter supports, can create now, and can migrate to.

    The API marks this part as deprecated in favour of the per-location details
    on server types.
    """

    supported: list[int]
    available: list[int]
    available_for_migration: list[int]


class Datacenter(BoundModel[M]):
    """A data center at a location, with the server types it offers."""

    _resource: ClassVar[str] = "datacenters"

    id: int
    name: str
    description: str
    location: Location[M]
    server_types: DatacenterServerTypes

    reload = delegate(lambda: ops.get_datacenter, "get")
    """Fetch the datacenter again and return its current state (the object itself is unchanged)."""
