"""``client.server_types``: the sizes of server that can be created."""

from __future__ import annotations

from .._modes import M
from ..operations import server_types as ops
from ..operations._call import Endpoint, Paged
from ._base import Resource

__all__ = ["ServerTypesResource"]


class ServerTypesResource(Resource[M]):
    """Server types: list them and read one (read-only)."""

    list = Endpoint(ops.list_server_types, "list_server_types")
    all = Paged(ops.list_server_types)
    get = Endpoint(ops.get_server_type, "get_server_type")
    get_by_name = Endpoint(ops.get_server_type_by_name)
