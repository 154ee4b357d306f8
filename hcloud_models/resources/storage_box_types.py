"""``client.storage_box_types``: the sizes of Storage Box that can be ordered."""

from __future__ import annotations

from .._modes import M
from ..operations import storage_box_types as ops
from ..operations._call import Endpoint, Paged
from ._base import Resource

__all__ = ["StorageBoxTypesResource"]


class StorageBoxTypesResource(Resource[M]):
    """Storage Box types: list them and read one (read-only, on the Hetzner API)."""

    list = Endpoint(ops.list_storage_box_types, "list_storage_box_types")
    all = Paged(ops.list_storage_box_types)
    get = Endpoint(ops.get_storage_box_type, "get_storage_box_type")
    get_by_name = Endpoint(ops.get_storage_box_type_by_name)
