"""``client.volumes``: Volumes, attaching them to servers, and their actions."""

from __future__ import annotations

from .._modes import M
from ..operations import volumes as ops
from ..operations._call import Endpoint, Paged
from ._base import Resource

__all__ = ["VolumesResource"]


class VolumesResource(Resource[M]):
    """Volumes: create, list, change and delete them; attach, detach and grow them."""

    list = Endpoint(ops.list_volumes, "list_volumes")
    all = Paged(ops.list_volumes)
    get = Endpoint(ops.get_volume, "get_volume")
    get_by_name = Endpoint(ops.get_volume_by_name)
    create = Endpoint(ops.create_volume, "create_volume")
    update = Endpoint(ops.update_volume, "update_volume")
    delete = Endpoint(ops.delete_volume, "delete_volume")

    attach = Endpoint(ops.attach_volume, "attach_volume")
    detach = Endpoint(ops.detach_volume, "detach_volume")
    resize = Endpoint(ops.resize_volume, "resize_volume")
    change_protection = Endpoint(ops.change_volume_protection, "change_volume_protection")

    actions = Endpoint(ops.ACTIONS.of)
    get_action_of = Endpoint(ops.ACTIONS.get_of)
    list_actions = Endpoint(ops.ACTIONS.list)
    get_action = Endpoint(ops.ACTIONS.get)
