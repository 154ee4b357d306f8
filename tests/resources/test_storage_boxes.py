"""Storage Boxes, subaccounts, snapshots and types on the Hetzner API: requests, replies, rules."""

from __future__ import annotations

from collections.abc import Callable
from types import SimpleNamespace
from typing import Any

import pydantic
import pytest
from pydantic import BaseModel

from hcloud_models import ActionFailed
from hcloud_models.models.actions import Action, StorageBoxAction
from hcloud_models.models.locations import Location
from hcloud_models.models.page import Page
from hcloud_models.models.storage_box_types import StorageBoxType, StorageBoxTypePrice
from hcloud_models.models.storage_boxes import (
    CreateStorageBoxResult,
    CreateStorageBoxSnapshotResult,
    CreateStorageBoxSubaccountResult,
    StorageBox,
    StorageBoxChildRef,
    StorageBoxCreate,
    StorageBoxSnapshot,
    StorageBoxSubaccount,
)
from hcloud_models.operations._call import Endpoint
from hcloud_models.resources.storage_box_types import StorageBoxTypesResource
from hcloud_models.resources.storage_boxes import (
    StorageBoxesResource,
    StorageBoxSnapshotsResource,
    StorageBoxSubaccountsResource,
)
from tests import spec
from tests.conftest import Api, Recorder
from tests.helpers import (
    assert_sent,
    bound_methods_test,
    refused_before_sending_test,
    reply_to,
    reply_two_pages,
)

HETZNER = "hetzner"
PASSWORD = "Sup3r-Secret.pw"


def reply(recorder: Recorder, operation_id: str) -> Any:
    return reply_to(recorder, operation_id, spec_name=HETZNER)


def sent(recorder: Recorder, operation_id: str, path: str, *args: Any, **kwargs: Any) -> None:
    assert_sent(recorder, operation_id, path, *args, spec_name=HETZNER, **kwargs)


def assert_action(action: Any) -> None:
    assert isinstance(action, StorageBoxAction)
    assert action.id == 42
    assert action.command == "start_resource"
    assert action.is_bound


def action_reply(ident: int, status: str, progress: int) -> dict[str, Any]:
    body = spec.example_reply("get_storage_boxes_action", HETZNER)["action"]
    body.update(id=ident, status=status, progress=progress, error=None)
    return body


# --- the Storage Box itself ---------------------------------------------------


def test_list(api: Api, recorder: Recorder) -> None:
    reply(recorder, "list_storage_boxes")
    page = api.run(
        lambda c: c.storage_boxes.list(
            name="backup",
            label_selector="env=prod",
            sort=["stats.size:desc", "id"],
            page=2,
            per_page=10,
        )
    )
    sent(
        recorder,
        "list_storage_boxes",
        "/storage_boxes",
        [
            ("name", "backup"),
            ("label_selector", "env=prod"),
            ("sort", "stats.size:desc"),
            ("sort", "id"),
            ("page", "2"),
            ("per_page", "10"),
        ],
    )
    assert isinstance(page, Page)
    box = page[0]
    assert isinstance(box, StorageBox)
    assert box.id == 42
    assert box.is_bound
    assert box.storage_box_type.is_bound


def test_get(api: Api, recorder: Recorder) -> None:
    reply(recorder, "get_storage_box")
    box = api.run(lambda c: c.storage_boxes.get(42))
    sent(recorder, "get_storage_box", "/storage_boxes/42")
    assert isinstance(box, StorageBox)
    assert box.status == "active"
    assert box.username == "u12345"
    assert box.server == "u1337.your-storagebox.de"
    assert isinstance(box.location, Location)
    assert box.location.name == "fsn1"
    assert isinstance(box.storage_box_type, StorageBoxType)
    assert box.storage_box_type.name == "bx11"
    assert box.access_settings.zfs_enabled is True
    assert box.snapshot_plan is not None
    assert (box.snapshot_plan.hour, box.snapshot_plan.day_of_month) == (3, None)
    assert box.stats.size_snapshots == 42
    assert box.protection.delete is False


def test_get_with_nulls_while_being_set_up(api: Api, recorder: Recorder) -> None:
    body = spec.example_reply("get_storage_box", HETZNER)
    body["storage_box"].update(
        status="initializing", username=None, server=None, system=None, snapshot_plan=None
    )
    recorder.reply(body)
    box = api.run(lambda c: c.storage_boxes.get(42))
    assert box.status == "initializing"
    assert (box.username, box.server, box.system, box.snapshot_plan) == (None, None, None, None)


def test_create(api: Api, recorder: Recorder) -> None:
    reply(recorder, "create_storage_box")
    result = api.run(
        lambda c: c.storage_boxes.create(
            name="backup",
            location="fsn1",
            storage_box_type=SimpleNamespace(id=7),
            password=PASSWORD,
            labels={"env": "prod"},
            ssh_keys=("ssh-ed25519 AAAA",),
            access_settings={"ssh_enabled": True, "reachable-externally": False},
        )
    )
    sent(
        recorder,
        "create_storage_box",
        "/storage_boxes",
        body={
            "name": "backup",
            "location": "fsn1",
            "storage_box_type": "7",
            "password": PASSWORD,
            "labels": {"env": "prod"},
            "ssh_keys": ["ssh-ed25519 AAAA"],
            "access_settings": {"ssh_enabled": True, "reachable_externally": False},
        },
    )
    assert isinstance(result, CreateStorageBoxResult)
    assert isinstance(result.storage_box, StorageBox)
    assert result.storage_box.is_bound
    assert_action(result.action)


def test_create_from_a_model(api: Api, recorder: Recorder) -> None:
    reply(recorder, "create_storage_box")
    body = StorageBoxCreate(name="b", location="hel1", storage_box_type="bx11", password=PASSWORD)
    api.run(lambda c: c.storage_boxes.create(body))
    sent(
        recorder,
        "create_storage_box",
        "/storage_boxes",
        body={"name": "b", "location": "hel1", "storage_box_type": "bx11", "password": PASSWORD},
    )


def test_update(api: Api, recorder: Recorder) -> None:
    reply(recorder, "update_storage_box")
    box = api.run(lambda c: c.storage_boxes.update(42, name="renamed", labels={}))
    sent(
        recorder,
        "update_storage_box",
        "/storage_boxes/42",
        body={"name": "renamed", "labels": {}},
    )
    assert isinstance(box, StorageBox)
    assert box.is_bound


def test_folders(api: Api, recorder: Recorder) -> None:
    recorder.reply({"folders": ["daily", "weekly"]})
    folders = api.run(lambda c: c.storage_boxes.folders(42, path="backups"))
    sent(recorder, "list_storage_box_folders", "/storage_boxes/42/folders", [("path", "backups")])
    assert folders == ["daily", "weekly"]


def test_folders_of_the_root(api: Api, recorder: Recorder) -> None:
    reply(recorder, "list_storage_box_folders")
    assert api.run(lambda c: c.storage_boxes.folders(42)) == ["text"]
    sent(recorder, "list_storage_box_folders", "/storage_boxes/42/folders")


# --- Storage Box actions ------------------------------------------------------


@pytest.mark.parametrize(
    ("operation_id", "call", "path", "body"),
    [
        pytest.param(
            "change_storage_box_type",
            lambda c: c.storage_boxes.change_type(42, storage_box_type="bx21"),
            "change_type",
            {"storage_box_type": "bx21"},
            id="change_type",
        ),
        pytest.param(
            "change_storage_box_type",
            lambda c: c.storage_boxes.change_type(42, storage_box_type=SimpleNamespace(id=3)),
            "change_type",
            {"storage_box_type": "3"},
            id="change_type-by-object",
        ),
        pytest.param(
            "reset_storage_box_password",
            lambda c: c.storage_boxes.reset_password(42, password=PASSWORD),
            "reset_password",
            {"password": PASSWORD},
            id="reset_password",
        ),
        pytest.param(
            "update_storage_box_access_settings",
            lambda c: c.storage_boxes.update_access_settings(
                42, samba_enabled=False, zfs_enabled=True
            ),
            "update_access_settings",
            {"samba_enabled": False, "zfs_enabled": True},
            id="update_access_settings",
        ),
        pytest.param(
            "rollback_storage_box_snapshot",
            lambda c: c.storage_boxes.rollback_snapshot(42, snapshot="nightly"),
            "rollback_snapshot",
            {"snapshot": "nightly"},
            id="rollback_snapshot",
        ),
        pytest.param(
            "rollback_storage_box_snapshot",
            lambda c: c.storage_boxes.rollback_snapshot(42, snapshot=SimpleNamespace(id=9)),
            "rollback_snapshot",
            {"snapshot": "9"},
            id="rollback_snapshot-by-object",
        ),
        pytest.param(
            "enable_storage_box_snapshot_plan",
            lambda c: c.storage_boxes.enable_snapshot_plan(
                42, max_snapshots=7, minute=0, hour=3, day_of_week=7
            ),
            "enable_snapshot_plan",
            {"max_snapshots": 7, "minute": 0, "hour": 3, "day_of_week": 7},
            id="enable_snapshot_plan",
        ),
        pytest.param(
            "enable_storage_box_snapshot_plan",
            lambda c: c.storage_boxes.enable_snapshot_plan(
                42, {"max_snapshots": 1, "minute": 59, "hour": 23, "day_of_month": None}
            ),
            "enable_snapshot_plan",
            {"max_snapshots": 1, "minute": 59, "hour": 23, "day_of_month": None},
            id="enable_snapshot_plan-explicit-null",
        ),
        pytest.param(
            "disable_storage_box_snapshot_plan",
            lambda c: c.storage_boxes.disable_snapshot_plan(42),
            "disable_snapshot_plan",
            None,
            id="disable_snapshot_plan",
        ),
    ],
)
def test_actions_of_a_storage_box(
    api: Api,
    recorder: Recorder,
    operation_id: str,
    call: Callable[[Any], Any],
    path: str,
    body: Any,
) -> None:
    reply(recorder, operation_id)
    action = api.run(call)
    sent(recorder, operation_id, f"/storage_boxes/42/actions/{path}", body=body)
    assert_action(action)


# --- storage box actions are read and polled on the Hetzner API ---------------


def test_reload_of_a_storage_box_action_reads_the_hetzner_api(api: Api, recorder: Recorder) -> None:
    reply(recorder, "delete_storage_box")
    action = api.run(lambda c: c.storage_boxes.delete(42))
    recorder.reply({"action": action_reply(42, "success", 100)})
    fresh = api.run(lambda c: action.reload())
    sent(recorder, "get_storage_boxes_action", "/storage_boxes/actions/42", index=1, only=False)
    assert isinstance(fresh, StorageBoxAction)
    assert fresh.status == "success"
    assert fresh.is_bound


def test_client_actions_get_of_a_storage_box_action(api: Api, recorder: Recorder) -> None:
    action = StorageBoxAction.model_validate(action_reply(5, "running", 0))
    recorder.reply({"action": action_reply(5, "success", 100)})
    fresh = api.run(lambda c: c.actions.get(action))
    sent(recorder, "get_storage_boxes_action", "/storage_boxes/actions/5")
    assert isinstance(fresh, StorageBoxAction)


def test_wait_polls_the_storage_box_actions_endpoint(api: Api, recorder: Recorder) -> None:
    reply(recorder, "reset_storage_box_password")
    action = api.run(lambda c: c.storage_boxes.reset_password(42, password=PASSWORD))
    assert action.status == "running"
    recorder.reply({"actions": [action_reply(42, "running", 50)]})
    recorder.reply({"actions": [action_reply(42, "success", 100)]})
    done = api.run(lambda c: action.wait())
    assert len(recorder.requests) == 3
    for index in (1, 2):
        sent(
            recorder,
            "list_storage_boxes_actions",
            "/storage_boxes/actions",
            [("id", "42")],
            index=index,
            only=False,
        )
    assert isinstance(done, StorageBoxAction)
    assert done.status == "success"
    assert done.is_bound


def test_wait_raises_when_a_storage_box_action_fails(api: Api, recorder: Recorder) -> None:
    action = StorageBoxAction.model_validate(action_reply(42, "running", 0))
    failed = action_reply(42, "error", 100)
    failed["error"] = {"code": "action_failed", "message": "rollback failed"}
    recorder.reply({"actions": [failed]})
    with pytest.raises(ActionFailed):
        api.run(lambda c: c.actions.wait(action))
    sent(recorder, "list_storage_boxes_actions", "/storage_boxes/actions", [("id", "42")])


def test_wait_all_polls_each_api_for_its_own_actions(api: Api, recorder: Recorder) -> None:
    cloud = Action.model_validate(action_reply(42, "running", 0))
    box = StorageBoxAction.model_validate(action_reply(42, "running", 0))

    recorder.reply({"actions": [action_reply(42, "success", 100)]}, times=2)
    done = api.run(lambda c: c.actions.wait_all([cloud, box]))
    hosts = sorted((r.url.host, r.url.path) for r in recorder.requests)
    assert hosts == [
        ("api.hetzner.cloud", "/v1/actions"),
        ("api.hetzner.com", "/v1/storage_boxes/actions"),
    ]
    assert [type(a) for a in done] == [Action, StorageBoxAction]
    assert all(a.status == "success" for a in done)


# --- subaccounts --------------------------------------------------------------


def test_subaccounts(api: Api, recorder: Recorder) -> None:
    reply(recorder, "list_storage_box_subaccounts")
    subaccounts = api.run(
        lambda c: c.storage_boxes.subaccounts(
            42, name="web", username="u1337-sub1", label_selector="env", sort="created:desc"
        )
    )
    sent(
        recorder,
        "list_storage_box_subaccounts",
        "/storage_boxes/42/subaccounts",
        [
            ("name", "web"),
            ("label_selector", "env"),
            ("username", "u1337-sub1"),
            ("sort", "created:desc"),
        ],
    )
    assert isinstance(subaccounts, list)
    sub = subaccounts[0]
    assert isinstance(sub, StorageBoxSubaccount)
    assert (sub.storage_box, sub.id, sub.home_directory) == (42, 42, "my-backup/server01")
    assert sub.access_settings.readonly is True
    assert sub.is_bound


def test_get_subaccount_by_name(api: Api, recorder: Recorder) -> None:
    reply(recorder, "list_storage_box_subaccounts")
    sub = api.run(lambda c: c.storage_boxes.get_subaccount_by_name(42, "my-name"))
    sent(
        recorder,
        "list_storage_box_subaccounts",
        "/storage_boxes/42/subaccounts",
        [("name", "my-name")],
    )
    assert isinstance(sub, StorageBoxSubaccount)
    recorder.reply({"subaccounts": []})
    assert api.run(lambda c: c.storage_boxes.get_subaccount_by_name(42, "none")) is None


def test_create_subaccount(api: Api, recorder: Recorder) -> None:
    reply(recorder, "create_storage_box_subaccount")
    result = api.run(
        lambda c: c.storage_boxes.create_subaccount(
            42,
            home_directory="backups/web 1",
            password=PASSWORD,
            access_settings={"readonly": True, "ssh_enabled": True},
            name="web",
            description="web backups",
            labels={"env": "prod"},
        )
    )
    sent(
        recorder,
        "create_storage_box_subaccount",
        "/storage_boxes/42/subaccounts",
        body={
            "home_directory": "backups/web 1",
            "password": PASSWORD,
            "access_settings": {"readonly": True, "ssh_enabled": True},
            "name": "web",
            "description": "web backups",
            "labels": {"env": "prod"},
        },
    )
    assert isinstance(result, CreateStorageBoxSubaccountResult)
    assert result.subaccount == StorageBoxChildRef(id=42, storage_box=42)
    assert_action(result.action)


@pytest.mark.parametrize(
    "ref",
    [
        pytest.param((42, 7), id="pair-of-ids"),
        pytest.param((SimpleNamespace(id=42), SimpleNamespace(id=7)), id="pair-of-objects"),
        pytest.param(SimpleNamespace(storage_box=42, id=7), id="object"),
        pytest.param(StorageBoxChildRef(id=7, storage_box=42), id="created-ref"),
    ],
)
def test_get_subaccount(api: Api, recorder: Recorder, ref: Any) -> None:
    reply(recorder, "get_storage_box_subaccount")
    sub = api.run(lambda c: c.storage_box_subaccounts.get(ref))
    sent(recorder, "get_storage_box_subaccount", "/storage_boxes/42/subaccounts/7")
    assert isinstance(sub, StorageBoxSubaccount)
    assert sub.username == "u1337-sub1"
    assert sub.is_bound


@pytest.mark.parametrize(
    ("create", "operation_id", "read", "get_id", "path"),
    [
        pytest.param(
            lambda c: c.storage_boxes.create_subaccount(42, home_directory="h", password=PASSWORD),
            "create_storage_box_subaccount",
            lambda c, result: c.storage_box_subaccounts.get(result.subaccount),
            "get_storage_box_subaccount",
            "/storage_boxes/42/subaccounts/42",
            id="subaccount",
        ),
        pytest.param(
            lambda c: c.storage_boxes.create_snapshot(42),
            "create_storage_box_snapshot",
            lambda c, result: c.storage_box_snapshots.get(result.snapshot),
            "get_storage_box_snapshot",
            "/storage_boxes/42/snapshots/42",
            id="snapshot",
        ),
    ],
)
def test_a_created_child_is_read_whole_from_its_ref(
    api: Api,
    recorder: Recorder,
    create: Callable[[Any], Any],
    operation_id: str,
    read: Callable[[Any, Any], Any],
    get_id: str,
    path: str,
) -> None:
    reply(recorder, operation_id)
    result = api.run(create)
    recorder.requests.clear()
    body = reply(recorder, get_id)
    whole_object = api.run(lambda c: read(c, result))
    sent(recorder, get_id, path)
    assert whole_object.id == next(iter(body.values()))["id"]
    assert whole_object.is_bound


def test_a_subaccount_must_name_its_storage_box(api: Api, recorder: Recorder) -> None:
    with pytest.raises(TypeError, match="storage_box, id"):
        api.run(lambda c: c.storage_box_subaccounts.get(7))
    assert recorder.requests == []


def test_update_subaccount(api: Api, recorder: Recorder) -> None:
    reply(recorder, "update_storage_box_subaccount")
    sub = api.run(
        lambda c: c.storage_box_subaccounts.update((42, 7), name="db", description="", labels={})
    )
    sent(
        recorder,
        "update_storage_box_subaccount",
        "/storage_boxes/42/subaccounts/7",
        body={"name": "db", "description": "", "labels": {}},
    )
    assert isinstance(sub, StorageBoxSubaccount)


def test_delete_subaccount(api: Api, recorder: Recorder) -> None:
    reply(recorder, "delete_storage_box_subaccount")
    action = api.run(lambda c: c.storage_box_subaccounts.delete((42, 7)))
    sent(recorder, "delete_storage_box_subaccount", "/storage_boxes/42/subaccounts/7")
    assert_action(action)


@pytest.mark.parametrize(
    ("operation_id", "call", "path", "body"),
    [
        pytest.param(
            "change_storage_box_subaccount_home_directory",
            lambda c: c.storage_box_subaccounts.change_home_directory(
                (42, 7), home_directory="backups/db"
            ),
            "change_home_directory",
            {"home_directory": "backups/db"},
            id="change_home_directory",
        ),
        pytest.param(
            "reset_storage_box_subaccount_password",
            lambda c: c.storage_box_subaccounts.reset_password((42, 7), password=PASSWORD),
            "reset_subaccount_password",
            {"password": PASSWORD},
            id="reset_password",
        ),
        pytest.param(
            "update_storage_box_subaccount_access_settings",
            lambda c: c.storage_box_subaccounts.update_access_settings(
                (42, 7), readonly=False, webdav_enabled=True
            ),
            "update_access_settings",
            {"readonly": False, "webdav_enabled": True},
            id="update_access_settings",
        ),
    ],
)
def test_actions_of_a_subaccount(
    api: Api,
    recorder: Recorder,
    operation_id: str,
    call: Callable[[Any], Any],
    path: str,
    body: Any,
) -> None:
    reply(recorder, operation_id)
    action = api.run(call)
    sent(recorder, operation_id, f"/storage_boxes/42/subaccounts/7/actions/{path}", body=body)
    assert_action(action)


# --- snapshots ----------------------------------------------------------------


def test_snapshots(api: Api, recorder: Recorder) -> None:
    reply(recorder, "list_storage_box_snapshots")
    snapshots = api.run(
        lambda c: c.storage_boxes.snapshots(
            42, name="nightly", is_automatic=False, label_selector="env", sort=["name"]
        )
    )
    sent(
        recorder,
        "list_storage_box_snapshots",
        "/storage_boxes/42/snapshots",
        [
            ("name", "nightly"),
            ("label_selector", "env"),
            ("is_automatic", "false"),
            ("sort", "name"),
        ],
    )
    snap = snapshots[0]
    assert isinstance(snap, StorageBoxSnapshot)
    assert (snap.storage_box, snap.name, snap.is_automatic) == (42, "my-snapshot", True)
    assert snap.stats.size_filesystem == 42
    assert snap.is_bound


def test_get_snapshot_by_name(api: Api, recorder: Recorder) -> None:
    reply(recorder, "list_storage_box_snapshots")
    snap = api.run(lambda c: c.storage_boxes.get_snapshot_by_name(42, "my-snapshot"))
    sent(
        recorder,
        "list_storage_box_snapshots",
        "/storage_boxes/42/snapshots",
        [("name", "my-snapshot")],
    )
    assert isinstance(snap, StorageBoxSnapshot)


def test_create_snapshot(api: Api, recorder: Recorder) -> None:
    reply(recorder, "create_storage_box_snapshot")
    result = api.run(
        lambda c: c.storage_boxes.create_snapshot(42, description="before upgrade", labels={})
    )
    sent(
        recorder,
        "create_storage_box_snapshot",
        "/storage_boxes/42/snapshots",
        body={"description": "before upgrade", "labels": {}},
    )
    assert isinstance(result, CreateStorageBoxSnapshotResult)
    assert result.snapshot == StorageBoxChildRef(id=42, storage_box=42)
    assert_action(result.action)


def test_create_snapshot_without_a_body(api: Api, recorder: Recorder) -> None:
    reply(recorder, "create_storage_box_snapshot")
    api.run(lambda c: c.storage_boxes.create_snapshot(42))
    sent(recorder, "create_storage_box_snapshot", "/storage_boxes/42/snapshots", body={})


def test_get_snapshot(api: Api, recorder: Recorder) -> None:
    reply(recorder, "get_storage_box_snapshot")
    snap = api.run(lambda c: c.storage_box_snapshots.get((42, 9)))
    sent(recorder, "get_storage_box_snapshot", "/storage_boxes/42/snapshots/9")
    assert isinstance(snap, StorageBoxSnapshot)
    assert snap.description == "snapshot-0001"


def test_update_snapshot(api: Api, recorder: Recorder) -> None:
    reply(recorder, "update_storage_box_snapshot")
    snap = api.run(
        lambda c: c.storage_box_snapshots.update((42, 9), description="kept", labels={"a": "b"})
    )
    sent(
        recorder,
        "update_storage_box_snapshot",
        "/storage_boxes/42/snapshots/9",
        body={"description": "kept", "labels": {"a": "b"}},
    )
    assert isinstance(snap, StorageBoxSnapshot)


def test_delete_snapshot(api: Api, recorder: Recorder) -> None:
    reply(recorder, "delete_storage_box_snapshot")
    action = api.run(lambda c: c.storage_box_snapshots.delete((42, 9)))
    sent(recorder, "delete_storage_box_snapshot", "/storage_boxes/42/snapshots/9")
    assert_action(action)


# --- Storage Box types --------------------------------------------------------


def test_list_types(api: Api, recorder: Recorder) -> None:
    reply(recorder, "list_storage_box_types")
    page = api.run(lambda c: c.storage_box_types.list(name="bx11", per_page=5))
    sent(
        recorder,
        "list_storage_box_types",
        "/storage_box_types",
        [("name", "bx11"), ("per_page", "5")],
    )
    kind = page[0]
    assert isinstance(kind, StorageBoxType)
    assert kind.size == 1073741824
    assert kind.subaccounts_limit == 200
    price = kind.prices[0]
    assert isinstance(price, StorageBoxTypePrice)
    assert price.location == "fsn1"
    assert (price.price_monthly.gross, price.setup_fee.net) == ("1.1900", "1.0000")
    assert kind.deprecation is not None
    assert kind.is_bound


def test_all_types(api: Api, recorder: Recorder) -> None:
    reply_two_pages(recorder, "list_storage_box_types", "storage_box_types", spec_name=HETZNER)
    assert [t.id for t in api.collect(lambda c: c.storage_box_types.all())] == [42, 43]


def test_get_type(api: Api, recorder: Recorder) -> None:
    reply(recorder, "get_storage_box_type")
    kind = api.run(lambda c: c.storage_box_types.get(42))
    sent(recorder, "get_storage_box_type", "/storage_box_types/42")
    assert isinstance(kind, StorageBoxType)
    assert kind.name == "bx11"


def test_get_type_by_name(api: Api, recorder: Recorder) -> None:
    reply(recorder, "list_storage_box_types")
    kind = api.run(lambda c: c.storage_box_types.get_by_name("bx11"))
    sent(recorder, "list_storage_box_types", "/storage_box_types", [("name", "bx11")])
    assert isinstance(kind, StorageBoxType)


def test_type_without_limits_or_deprecation(api: Api, recorder: Recorder) -> None:
    body = spec.example_reply("get_storage_box_type", HETZNER)
    body["storage_box_type"].update(snapshot_limit=None, automatic_snapshot_limit=None)
    body["storage_box_type"]["deprecation"] = None
    recorder.reply(body)
    kind = api.run(lambda c: c.storage_box_types.get(42))
    assert (kind.snapshot_limit, kind.automatic_snapshot_limit, kind.deprecation) == (
        None,
        None,
        None,
    )


# --- payload rules are checked before sending ---------------------------------


def _create(**fields: Any) -> Callable[[Any], Any]:
    base = {"name": "b", "location": "fsn1", "storage_box_type": "bx11", "password": PASSWORD}
    return lambda c: c.storage_boxes.create({**base, **fields})


test_invalid_payload_is_refused_before_sending = refused_before_sending_test(
    [
        pytest.param(
            lambda c: c.storage_boxes.create(name="b", location="fsn1", password=PASSWORD),
            "storage_box_type",
            id="create-type-missing",
        ),
        pytest.param(_create(password="Sh0rt-pw"), "password", id="password-too-short"),
        pytest.param(_create(password="x" * 120 + "Aa1-" * 3), "password", id="password-too-long"),
        pytest.param(_create(password="no-upper-case-1"), "password", id="password-no-upper"),
        pytest.param(_create(password="NO-LOWER-CASE-1"), "password", id="password-no-lower"),
        pytest.param(_create(password="No-Digits-Here"), "password", id="password-no-digit"),
        pytest.param(_create(password="NoSpecials12345"), "password", id="password-no-special"),
        pytest.param(_create(password="Bad Char 123-x"), "password", id="password-space"),
        pytest.param(_create(labels={"hetzner.cloud/x": "y"}), "labels", id="reserved-label"),
        pytest.param(_create(access_settings={"ftp_enabled": True}), "ftp_enabled", id="unknown"),
        pytest.param(_create(location=1), "location", id="location-not-a-string"),
        pytest.param(
            lambda c: c.storage_boxes.change_type(42), "storage_box_type", id="change-type-none"
        ),
        pytest.param(
            lambda c: c.storage_boxes.reset_password(42), "password", id="reset-password-none"
        ),
        pytest.param(
            lambda c: c.storage_boxes.rollback_snapshot(42), "snapshot", id="rollback-none"
        ),
        pytest.param(
            lambda c: c.storage_boxes.enable_snapshot_plan(42, minute=0, hour=3),
            "max_snapshots",
            id="plan-max-missing",
        ),
        pytest.param(
            lambda c: c.storage_boxes.enable_snapshot_plan(42, max_snapshots=0, minute=0, hour=3),
            "max_snapshots",
            id="plan-max-zero",
        ),
        pytest.param(
            lambda c: c.storage_boxes.enable_snapshot_plan(42, max_snapshots=1, minute=60, hour=3),
            "minute",
            id="plan-minute-60",
        ),
        pytest.param(
            lambda c: c.storage_boxes.enable_snapshot_plan(42, max_snapshots=1, minute=0, hour=24),
            "hour",
            id="plan-hour-24",
        ),
        pytest.param(
            lambda c: c.storage_boxes.enable_snapshot_plan(
                42, max_snapshots=1, minute=0, hour=3, day_of_week=0
            ),
            "day_of_week",
            id="plan-day-of-week-0",
        ),
        pytest.param(
            lambda c: c.storage_boxes.enable_snapshot_plan(
                42, max_snapshots=1, minute=0, hour=3, day_of_month=32
            ),
            "day_of_month",
            id="plan-day-of-month-32",
        ),
        pytest.param(
            lambda c: c.storage_boxes.create_subaccount(42, password=PASSWORD),
            "home_directory",
            id="subaccount-home-missing",
        ),
        pytest.param(
            lambda c: c.storage_boxes.create_subaccount(
                42, home_directory="/abs", password=PASSWORD
            ),
            "home_directory",
            id="subaccount-home-absolute",
        ),
        pytest.param(
            lambda c: c.storage_boxes.create_subaccount(
                42, home_directory="a;b", password=PASSWORD
            ),
            "home_directory",
            id="subaccount-home-bad-char",
        ),
        pytest.param(
            lambda c: c.storage_boxes.create_subaccount(
                42, home_directory="a" * 1000, password=PASSWORD
            ),
            "home_directory",
            id="subaccount-home-too-long",
        ),
        pytest.param(
            lambda c: c.storage_boxes.create_subaccount(42, home_directory="a", password="short"),
            "password",
            id="subaccount-password",
        ),
        pytest.param(
            lambda c: c.storage_boxes.create_subaccount(
                42, home_directory="a", password=PASSWORD, name="n" * 51
            ),
            "name",
            id="subaccount-name-too-long",
        ),
        pytest.param(
            lambda c: c.storage_box_subaccounts.update((42, 7), name=""),
            "name",
            id="subaccount-name-empty",
        ),
        pytest.param(
            lambda c: c.storage_box_subaccounts.update((42, 7), description="d" * 1001),
            "description",
            id="subaccount-description-too-long",
        ),
        pytest.param(
            lambda c: c.storage_box_subaccounts.change_home_directory((42, 7)),
            "home_directory",
            id="change-home-none",
        ),
        pytest.param(
            lambda c: c.storage_box_subaccounts.reset_password((42, 7), password="weak"),
            "password",
            id="subaccount-reset-weak",
        ),
        pytest.param(
            lambda c: c.storage_box_subaccounts.update_access_settings(
                (42, 7), {"zfs_enabled": True}
            ),
            "zfs_enabled",
            id="subaccount-has-no-zfs",
        ),
        pytest.param(
            lambda c: c.storage_boxes.create_snapshot(42, description="d" * 1001),
            "description",
            id="snapshot-description-too-long",
        ),
        pytest.param(
            lambda c: c.storage_box_snapshots.update((42, 9), labels={"-bad": "x"}),
            "labels",
            id="snapshot-bad-label",
        ),
    ]
)


def test_password_errors_never_show_the_password() -> None:
    secret = "NoSpecials12345"
    with pytest.raises(pydantic.ValidationError) as caught:
        StorageBoxCreate(name="b", location="fsn1", storage_box_type="bx11", password=secret)
    assert secret not in str(caught.value)
    assert "special character" in str(caught.value)
    body = StorageBoxCreate(name="b", location="fsn1", storage_box_type="bx11", password=PASSWORD)
    assert PASSWORD not in repr(body)


@pytest.mark.parametrize("password", [PASSWORD, "Ünicode-Ä1ßx§°", "a" * 125 + "B1&"])
def test_passwords_within_the_policy_pass(password: str) -> None:
    body = StorageBoxCreate(name="b", location="fsn1", storage_box_type="bx11", password=password)
    assert body.password == password


# --- bound objects ------------------------------------------------------------


test_bound_storage_box_methods_send_what_the_resource_sends = bound_methods_test(
    "get_storage_box",
    lambda c: c.storage_boxes.get(42),
    [
        (
            "list_storage_box_folders",
            lambda c, b: c.storage_boxes.folders(42, path="a"),
            lambda c, b: b.folders(path="a"),
        ),
        (
            "change_storage_box_type",
            lambda c, b: c.storage_boxes.change_type(42, storage_box_type="bx21"),
            lambda c, b: b.change_type(storage_box_type="bx21"),
        ),
        (
            "reset_storage_box_password",
            lambda c, b: c.storage_boxes.reset_password(42, password=PASSWORD),
            lambda c, b: b.reset_password(password=PASSWORD),
        ),
        (
            "update_storage_box_access_settings",
            lambda c, b: c.storage_boxes.update_access_settings(42, ssh_enabled=True),
            lambda c, b: b.update_access_settings(ssh_enabled=True),
        ),
        (
            "rollback_storage_box_snapshot",
            lambda c, b: c.storage_boxes.rollback_snapshot(42, snapshot="s"),
            lambda c, b: b.rollback_snapshot(snapshot="s"),
        ),
        (
            "enable_storage_box_snapshot_plan",
            lambda c, b: c.storage_boxes.enable_snapshot_plan(
                42, max_snapshots=2, minute=1, hour=2
            ),
            lambda c, b: b.enable_snapshot_plan(max_snapshots=2, minute=1, hour=2),
        ),
        (
            "disable_storage_box_snapshot_plan",
            lambda c, b: c.storage_boxes.disable_snapshot_plan(42),
            lambda c, b: b.disable_snapshot_plan(),
        ),
        (
            "list_storage_box_subaccounts",
            lambda c, b: c.storage_boxes.subaccounts(42, username="u"),
            lambda c, b: b.subaccounts(username="u"),
        ),
        (
            "list_storage_box_subaccounts",
            lambda c, b: c.storage_boxes.subaccounts(42, username="u"),
            lambda c, b: b.list_subaccounts(username="u"),
        ),
        (
            "list_storage_box_subaccounts",
            lambda c, b: c.storage_boxes.list_subaccounts(42, username="u"),
            lambda c, b: b.subaccounts(username="u"),
        ),
        (
            "list_storage_box_subaccounts",
            lambda c, b: c.storage_boxes.get_subaccount_by_name(42, "n"),
            lambda c, b: b.get_subaccount_by_name("n"),
        ),
        (
            "create_storage_box_subaccount",
            lambda c, b: c.storage_boxes.create_subaccount(
                42, home_directory="h", password=PASSWORD
            ),
            lambda c, b: b.create_subaccount(home_directory="h", password=PASSWORD),
        ),
        (
            "list_storage_box_snapshots",
            lambda c, b: c.storage_boxes.snapshots(42),
            lambda c, b: b.snapshots(),
        ),
        (
            "list_storage_box_snapshots",
            lambda c, b: c.storage_boxes.snapshots(42),
            lambda c, b: b.list_snapshots(),
        ),
        (
            "list_storage_box_snapshots",
            lambda c, b: c.storage_boxes.list_snapshots(42),
            lambda c, b: b.snapshots(),
        ),
        (
            "list_storage_box_snapshots",
            lambda c, b: c.storage_boxes.get_snapshot_by_name(42, "n"),
            lambda c, b: b.get_snapshot_by_name("n"),
        ),
        (
            "create_storage_box_snapshot",
            lambda c, b: c.storage_boxes.create_snapshot(42, description="d"),
            lambda c, b: b.create_snapshot(description="d"),
        ),
    ],
    spec_name=HETZNER,
)


test_bound_subaccount_methods_send_what_the_resource_sends = bound_methods_test(
    "get_storage_box_subaccount",
    lambda c: c.storage_box_subaccounts.get((42, 42)),
    [
        (
            "update_storage_box_subaccount",
            lambda c, s: c.storage_box_subaccounts.update((42, 42), name="x"),
            lambda c, s: s.update(name="x"),
        ),
        (
            "delete_storage_box_subaccount",
            lambda c, s: c.storage_box_subaccounts.delete((42, 42)),
            lambda c, s: s.delete(),
        ),
        (
            "change_storage_box_subaccount_home_directory",
            lambda c, s: c.storage_box_subaccounts.change_home_directory(
                (42, 42), home_directory="h"
            ),
            lambda c, s: s.change_home_directory(home_directory="h"),
        ),
        (
            "reset_storage_box_subaccount_password",
            lambda c, s: c.storage_box_subaccounts.reset_password((42, 42), password=PASSWORD),
            lambda c, s: s.reset_password(password=PASSWORD),
        ),
        (
            "update_storage_box_subaccount_access_settings",
            lambda c, s: c.storage_box_subaccounts.update_access_settings((42, 42), readonly=True),
            lambda c, s: s.update_access_settings(readonly=True),
        ),
        (
            "get_storage_box_subaccount",
            lambda c, s: c.storage_box_subaccounts.get((42, 42)),
            lambda c, s: s.reload(),
        ),
    ],
    spec_name=HETZNER,
)


test_bound_snapshot_methods_send_what_the_resource_sends = bound_methods_test(
    "get_storage_box_snapshot",
    lambda c: c.storage_box_snapshots.get((42, 42)),
    [
        (
            "update_storage_box_snapshot",
            lambda c, s: c.storage_box_snapshots.update((42, 42), description="x"),
            lambda c, s: s.update(description="x"),
        ),
        (
            "delete_storage_box_snapshot",
            lambda c, s: c.storage_box_snapshots.delete((42, 42)),
            lambda c, s: s.delete(),
        ),
        (
            "get_storage_box_snapshot",
            lambda c, s: c.storage_box_snapshots.get((42, 42)),
            lambda c, s: s.reload(),
        ),
    ],
    spec_name=HETZNER,
)


# --- coverage of the spec -------------------------------------------------------

MANAGERS: list[type[Any]] = [
    StorageBoxesResource,
    StorageBoxSubaccountsResource,
    StorageBoxSnapshotsResource,
    StorageBoxTypesResource,
]


def test_every_hetzner_operation_has_exactly_one_endpoint() -> None:
    ids = [
        attr.operation_id
        for manager in MANAGERS
        for attr in vars(manager).values()
        if isinstance(attr, Endpoint) and attr.operation_id is not None
    ]
    assert len(ids) == len(set(ids))
    assert set(ids) == set(spec.operations(HETZNER))
    assert len(ids) == 32


def _object_schemas(operation_id: str) -> dict[str, Any]:
    return spec.reply_schema(operation_id, HETZNER)["properties"]


def _assert_fields_cover(model: type[BaseModel], schema: dict[str, Any]) -> None:
    props = schema.get("properties", {})
    assert set(props) <= set(model.model_fields), (
        model.__name__,
        set(props) - set(model.model_fields),
    )
    for name, sub in props.items():
        annotation = model.model_fields[name].annotation
        nested = [
            a
            for a in (annotation, *getattr(annotation, "__args__", ()))
            if isinstance(a, type) and issubclass(a, BaseModel)
        ]
        if sub.get("type") == "object" and "properties" in sub and nested:
            _assert_fields_cover(nested[0], sub)
        if sub.get("type") == "array" and "properties" in sub.get("items", {}):
            item = getattr(annotation, "__args__", (None,))[0]
            assert isinstance(item, type), (model.__name__, name)
            assert issubclass(item, BaseModel), (model.__name__, name)
            _assert_fields_cover(item, sub["items"])
        if not sub.get("nullable") and name in schema.get("required", ()):
            assert model.model_fields[name].is_required(), (model.__name__, name)


@pytest.mark.parametrize(
    ("model", "operation_id", "key"),
    [
        (StorageBox, "get_storage_box", "storage_box"),
        (StorageBoxSubaccount, "get_storage_box_subaccount", "subaccount"),
        (StorageBoxSnapshot, "get_storage_box_snapshot", "snapshot"),
        (StorageBoxType, "get_storage_box_type", "storage_box_type"),
        (StorageBoxAction, "get_storage_boxes_action", "action"),
        (StorageBoxChildRef, "create_storage_box_subaccount", "subaccount"),
        (StorageBoxChildRef, "create_storage_box_snapshot", "snapshot"),
    ],
)
def test_models_hold_every_reply_property(
    model: type[BaseModel], operation_id: str, key: str
) -> None:
    _assert_fields_cover(model, _object_schemas(operation_id)[key])
