"""``client.isos``: installation ISOs that can be inserted into a server."""

from __future__ import annotations

from .._modes import M
from ..operations import isos as ops
from ..operations._call import Endpoint, Paged
from ._base import Resource

__all__ = ["ISOsResource"]


class ISOsResource(Resource[M]):
    """ISOs: list them and read one (read-only)."""

    list = Endpoint(ops.list_isos, "list_isos")
    all = Paged(ops.list_isos)
    get = Endpoint(ops.get_iso, "get_iso")
    get_by_name = Endpoint(ops.get_iso_by_name)
