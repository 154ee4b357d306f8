"""``client.datacenters``: the data centers inside locations (deprecated by the API)."""

from __future__ import annotations

from .._modes import M
from ..operations import datacenters as ops
from ..operations._call import Endpoint, Paged
from ._base import Resource

__all__ = ["DatacentersResource"]


class DatacentersResource(Resource[M]):
    """Datacenters: list them and read one (read-only).

    The API deprecates these operations; each call warns with a
    ``DeprecationWarning``.  Use ``client.locations`` and the per-location
    details of server types instead.
    """

    list = Endpoint(ops.list_datacenters, "list_datacenters")
    all = Paged(ops.list_datacenters)
    get = Endpoint(ops.get_datacenter, "get_datacenter")
    get_by_name = Endpoint(ops.get_datacenter_by_name)
