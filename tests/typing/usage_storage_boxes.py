"""What an IDE sees for Storage Boxes: user code checked by ``mypy --strict``, never run."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable, Coroutine, Iterator
from typing import Any

from typing_extensions import assert_type

from hcloud_models import (
    Action,
    Async,
    AsyncClient,
    Client,
    CreateStorageBoxResult,
    CreateStorageBoxSnapshotResult,
    CreateStorageBoxSubaccountResult,
    Location,
    Page,
    StorageBox,
    StorageBoxAction,
    StorageBoxChildRef,
    StorageBoxSnapshot,
    StorageBoxSubaccount,
    StorageBoxType,
    StorageBoxTypePrice,
    Sync,
)


def sync_usage(client: Client) -> None:
    box = client.storage_boxes.get(42)
    assert_type(box, StorageBox)
    assert_type(box, StorageBox[Sync])
    assert_type(box.storage_box_type, StorageBoxType)
    assert_type(box.location, Location)
    assert_type(box.username, str | None)
    assert_type(client.storage_boxes.get_by_name("backup"), StorageBox | None)
    assert_type(client.storage_boxes.list(sort="stats.size:desc"), Page[StorageBox])
    assert_type(client.storage_boxes.all(label_selector="env=prod"), Iterator[StorageBox])
    assert_type(box.folders(path="backups"), list[str])

    created = client.storage_boxes.create(
        name="backup", location="fsn1", storage_box_type="bx11", password="Sup3r-Secret.pw"
    )
    assert_type(created, CreateStorageBoxResult)
    assert_type(created.storage_box, StorageBox)
    assert_type(created.action, StorageBoxAction)
    assert_type(created.action.wait(), Action)
    assert_type(client.actions.wait(created.action), Action)

    action = box.enable_snapshot_plan(max_snapshots=7, minute=0, hour=3)
    assert_type(action, StorageBoxAction)
    assert_type(box.change_type(storage_box_type="bx21"), StorageBoxAction)
    assert_type(box.delete(), StorageBoxAction)
    assert_type(box.actions(), Page[Action])
    assert_type(client.storage_boxes.get_action(7), Action)
    assert_type(box.reload(), StorageBox)

    subaccounts = box.subaccounts()
    assert_type(subaccounts, list[StorageBoxSubaccount])
    assert_type(box.list_subaccounts(), list[StorageBoxSubaccount])
    assert_type(client.storage_boxes.list_subaccounts(box), list[StorageBoxSubaccount])
    new_sub = box.create_subaccount(home_directory="web", password="Sup3r-Secret.pw")
    assert_type(new_sub, CreateStorageBoxSubaccountResult)
    assert_type(new_sub.subaccount, StorageBoxChildRef)
    assert_type(client.storage_box_subaccounts.get(new_sub.subaccount), StorageBoxSubaccount)
    sub = client.storage_box_subaccounts.get(new_sub.subaccount)
    assert_type(sub, StorageBoxSubaccount)
    assert_type(client.storage_box_subaccounts.get((box, 3)), StorageBoxSubaccount)
    assert_type(sub.change_home_directory(home_directory="db"), StorageBoxAction)
    assert_type(sub.update_access_settings(readonly=True), StorageBoxAction)
    assert_type(sub.reload(), StorageBoxSubaccount)

    taken = box.create_snapshot(description="before upgrade")
    assert_type(taken, CreateStorageBoxSnapshotResult)
    snapshot = client.storage_box_snapshots.get(taken.snapshot)
    assert_type(snapshot, StorageBoxSnapshot)
    assert_type(box.snapshots(is_automatic=False), list[StorageBoxSnapshot])
    assert_type(box.list_snapshots(is_automatic=False), list[StorageBoxSnapshot])
    assert_type(client.storage_boxes.list_snapshots(box), list[StorageBoxSnapshot])
    assert_type(box.get_snapshot_by_name("nightly"), StorageBoxSnapshot | None)
    assert_type(box.rollback_snapshot(snapshot=snapshot), StorageBoxAction)
    assert_type(snapshot.delete(), StorageBoxAction)

    kind = client.storage_box_types.get_by_name("bx11")
    assert_type(kind, StorageBoxType | None)
    assert_type(client.storage_box_types.get(1).prices, list[StorageBoxTypePrice])
    client.storage_box_subaccounts.get(3)  # type: ignore[arg-type]  # a subaccount needs its box


async def async_usage(client: AsyncClient) -> None:
    box = await client.storage_boxes.get(42)
    assert_type(box, StorageBox[Async])
    assert_type(box.storage_box_type, StorageBoxType[Async])
    assert_type(client.storage_boxes.all(), AsyncIterator[StorageBox[Async]])
    assert_type(
        box.disable_snapshot_plan, Callable[[], Coroutine[Any, Any, StorageBoxAction[Async]]]
    )
    action = await box.reset_password(password="Sup3r-Secret.pw")
    assert_type(action, StorageBoxAction[Async])
    assert_type(await action.wait(), Action[Async])
    assert_type(await client.actions.wait_all([action]), list[Action[Async]])

    subs = await box.subaccounts()
    assert_type(subs, list[StorageBoxSubaccount[Async]])
    assert_type(await box.list_snapshots(), list[StorageBoxSnapshot[Async]])
    assert_type(await subs[0].reset_password(password="Sup3r-Secret.pw"), StorageBoxAction[Async])
    snapshot = await client.storage_box_snapshots.get((box, 5))
    assert_type(snapshot, StorageBoxSnapshot[Async])
    assert_type(await snapshot.update(description="kept"), StorageBoxSnapshot[Async])
    assert_type(await client.storage_box_types.list(), Page[StorageBoxType[Async]])
