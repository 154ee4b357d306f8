"""``client.locations``: the sites where servers and other resources can live."""

from __future__ import annotations

from .._modes import M
from ..operations import locations as ops
from ..operations._call import Endpoint, Paged
from ._base import Resource

__all__ = ["LocationsResource"]


class LocationsResource(Resource[M]):
    """Locations: list them and read one (read-only)."""

    list = Endpoint(ops.list_locations, "list_locations")
    all = Paged(ops.list_locations)
    get = Endpoint(ops.get_location, "get_location")
    get_by_name = Endpoint(ops.get_location_by_name)
