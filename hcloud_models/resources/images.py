"""``client.images``: system, app, snapshot and backup images, and their actions."""

from __future__ import annotations

from .._modes import M
from ..operations import images as ops
from ..operations._call import Endpoint, Paged
from ._base import Resource

__all__ = ["ImagesResource"]


class ImagesResource(Resource[M]):
    """Images: list and read them; change, protect and delete snapshots and backups."""

    list = Endpoint(ops.list_images, "list_images")
    all = Paged(ops.list_images)
    get = Endpoint(ops.get_image, "get_image")
    get_by_name = Endpoint(ops.get_image_by_name)
    update = Endpoint(ops.update_image, "update_image")
    delete = Endpoint(ops.delete_image, "delete_image")

    change_protection = Endpoint(ops.change_image_protection, "change_image_protection")

    actions = Endpoint(ops.ACTIONS.of)
    get_action_of = Endpoint(ops.ACTIONS.get_of)
    list_actions = Endpoint(ops.ACTIONS.list)
    get_action = Endpoint(ops.ACTIONS.get)
