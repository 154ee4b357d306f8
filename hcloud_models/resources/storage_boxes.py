"""``client.storage_boxes``, ``client.storage_box_subaccounts``, ``client.storage_box_snapshots``.

Storage Boxes live on the Hetzner API (``Client(hetzner_endpoint=...)``); the
same token reaches it.  Their actions are read and waited for there too.
"""

from __future__ import annotations

from .._modes import M
from ..operations import storage_boxes as ops
from ..operations._call import Endpoint, Paged
from ._base import Resource

__all__ = ["StorageBoxSnapshotsResource", "StorageBoxSubaccountsResource", "StorageBoxesResource"]


class StorageBoxesResource(Resource[M]):
    """Storage Boxes: order, list, change and cancel them; passwords, access, snapshot plans."""

    list = Endpoint(ops.list_storage_boxes, "list_storage_boxes")
    all = Paged(ops.list_storage_boxes)
    get = Endpoint(ops.get_storage_box, "get_storage_box")
    get_by_name = Endpoint(ops.get_storage_box_by_name)
    create = Endpoint(ops.create_storage_box, "create_storage_box")
    update = Endpoint(ops.update_storage_box, "update_storage_box")
    delete = Endpoint(ops.delete_storage_box, "delete_storage_box")
    folders = Endpoint(ops.list_storage_box_folders, "list_storage_box_folders")

    change_protection = Endpoint(ops.change_storage_box_protection, "change_storage_box_protection")
    change_type = Endpoint(ops.change_storage_box_type, "change_storage_box_type")
    reset_password = Endpoint(ops.reset_storage_box_password, "reset_storage_box_password")
    update_access_settings = Endpoint(
        ops.update_storage_box_access_settings, "update_storage_box_access_settings"
    )
    rollback_snapshot = Endpoint(ops.rollback_storage_box_snapshot, "rollback_storage_box_snapshot")
    enable_snapshot_plan = Endpoint(
        ops.enable_storage_box_snapshot_plan, "enable_storage_box_snapshot_plan"
    )
    disable_snapshot_plan = Endpoint(
        ops.disable_storage_box_snapshot_plan, "disable_storage_box_snapshot_plan"
    )

    list_subaccounts = Endpoint(ops.list_storage_box_subaccounts, "list_storage_box_subaccounts")
    subaccounts = Endpoint(ops.list_storage_box_subaccounts)
    """The same as ``list_subaccounts``, under its earlier name."""
    get_subaccount_by_name = Endpoint(ops.get_storage_box_subaccount_by_name)
    create_subaccount = Endpoint(ops.create_storage_box_subaccount, "create_storage_box_subaccount")
    list_snapshots = Endpoint(ops.list_storage_box_snapshots, "list_storage_box_snapshots")
    snapshots = Endpoint(ops.list_storage_box_snapshots)
    """The same as ``list_snapshots``, under its earlier name."""
    get_snapshot_by_name = Endpoint(ops.get_storage_box_snapshot_by_name)
    create_snapshot = Endpoint(ops.create_storage_box_snapshot, "create_storage_box_snapshot")

    actions = Endpoint(ops.ACTIONS.of)
    get_action_of = Endpoint(ops.ACTIONS.get_of)
    list_actions = Endpoint(ops.ACTIONS.list)
    get_action = Endpoint(ops.ACTIONS.get)


class StorageBoxSubaccountsResource(Resource[M]):
    """Subaccounts of Storage Boxes: read, change and delete one.

    A box's subaccounts are listed and created from the box:
    ``client.storage_boxes.subaccounts(box)``, ``...create_subaccount(box, ...)``.
    """

    get = Endpoint(ops.get_storage_box_subaccount, "get_storage_box_subaccount")
    update = Endpoint(ops.update_storage_box_subaccount, "update_storage_box_subaccount")
    delete = Endpoint(ops.delete_storage_box_subaccount, "delete_storage_box_subaccount")

    change_home_directory = Endpoint(
        ops.change_storage_box_subaccount_home_directory,
        "change_storage_box_subaccount_home_directory",
    )
    reset_password = Endpoint(
        ops.reset_storage_box_subaccount_password, "reset_storage_box_subaccount_password"
    )
    update_access_settings = Endpoint(
        ops.update_storage_box_subaccount_access_settings,
        "update_storage_box_subaccount_access_settings",
    )


class StorageBoxSnapshotsResource(Resource[M]):
    """Snapshots of Storage Boxes: read, describe and delete one.

    A box's snapshots are listed and taken from the box:
    ``client.storage_boxes.snapshots(box)``, ``...create_snapshot(box, ...)``.
    """

    get = Endpoint(ops.get_storage_box_snapshot, "get_storage_box_snapshot")
    update = Endpoint(ops.update_storage_box_snapshot, "update_storage_box_snapshot")
    delete = Endpoint(ops.delete_storage_box_snapshot, "delete_storage_box_snapshot")
