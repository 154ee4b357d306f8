"""``client.placement_groups``: placement groups that spread servers over hosts."""

from __future__ import annotations

from .._modes import M
from ..operations import placement_groups as ops
from ..operations._call import Endpoint, Paged
from ._base import Resource

__all__ = ["PlacementGroupsResource"]


class PlacementGroupsResource(Resource[M]):
    """Placement groups: create, list, change and delete them."""

    list = Endpoint(ops.list_placement_groups, "list_placement_groups")
    all = Paged(ops.list_placement_groups)
    get = Endpoint(ops.get_placement_group, "get_placement_group")
    get_by_name = Endpoint(ops.get_placement_group_by_name)
    create = Endpoint(ops.create_placement_group, "create_placement_group")
    update = Endpoint(ops.update_placement_group, "update_placement_group")
    delete = Endpoint(ops.delete_placement_group, "delete_placement_group")
