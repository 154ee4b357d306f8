"""Storage Boxes in the fake cloud, through the SDK; every reply is checked against the spec."""

from __future__ import annotations

import asyncio
from typing import Any

import httpx
import pytest

from hcloud_models import Client, RetryPolicy, StorageBox, StorageBoxAction
from hcloud_models.errors import (
    ActionFailed,
    InvalidInputError,
    LockedError,
    NotFoundError,
    ProtectedError,
    ResourceLimitExceededError,
    UniquenessError,
    UnsupportedError,
)
from hcloud_models.testing import FakeCloud
from tests import spec
from tests.testing.conftest import SpecCheckedCloud

PASSWORD = "Sup3r-Secret.pw"
OTHER_PASSWORD = "An0ther-Secret!"


def raw(fake: FakeCloud, method: str, path: str, **kwargs: Any) -> httpx.Response:
    """One request straight to the fake, bypassing the SDK and its payload checks."""
    with httpx.Client(transport=fake.transport(), base_url=fake.endpoint) as http:
        return http.request(method, path, headers={"Authorization": "Bearer t"}, **kwargs)


def active_box(client: Client, name: str = "backup", **kwargs: Any) -> StorageBox:
    result = client.storage_boxes.create(
        name=name, location="fsn1", storage_box_type="bx11", password=PASSWORD, **kwargs
    )
    result.action.wait()
    return result.storage_box.reload()


def test_types_are_seeded_with_prices_per_location(fake: SpecCheckedCloud) -> None:
    with fake.client() as client:
        types = list(client.storage_box_types.all())
        assert [t.name for t in types] == ["bx11", "bx21", "bx31", "bx41"]
        bx11 = client.storage_box_types.get_by_name("bx11")
        assert bx11 is not None
        assert bx11.size == 1024 * 2**30
        assert {p.location for p in bx11.prices} == {"fsn1", "hel1"}
        assert bx11.prices[0].price_monthly.net == "3.2000"
        assert bx11.prices[0].price_monthly.gross == "3.8080"
        assert client.storage_box_types.get(bx11.id).reload() == bx11
    assert {"list_storage_box_types", "get_storage_box_type"} <= fake.checked


def test_a_box_is_set_up_by_its_create_action(fake: SpecCheckedCloud) -> None:
    with fake.client() as client:
        result = client.storage_boxes.create(
            name="backup",
            location="fsn1",
            storage_box_type="bx11",
            password=PASSWORD,
            labels={"env": "prod"},
            access_settings={"ssh_enabled": True},
        )
        box = result.storage_box
        assert (box.status, box.username, box.server, box.system) == (
            "initializing",
            None,
            None,
            None,
        )
        assert box.access_settings.ssh_enabled is True
        assert box.access_settings.samba_enabled is False
        assert isinstance(result.action, StorageBoxAction)
        assert result.action.resources[0].type == "storage_box"
        done = result.action.wait()
        assert done.status == "success"
        assert isinstance(done, StorageBoxAction)
        box = box.reload()
        assert box.status == "active"
        assert box.username is not None
        assert box.server == f"{box.username}.your-storagebox.de"
        assert box.location.name == "fsn1"
        assert client.storage_boxes.get_by_name("backup") == box
        assert [b.id for b in client.storage_boxes.all(label_selector="env=prod")] == [box.id]
    # the wait polled the storage box action listing of the Hetzner API
    assert "GET /storage_boxes/actions" in fake.log
    assert "GET /actions" not in fake.log


def test_create_checks_references_names_and_the_password_policy(fake: SpecCheckedCloud) -> None:
    with fake.client() as client:
        active_box(client)
        with pytest.raises(UniquenessError):
            client.storage_boxes.create(
                name="backup", location="fsn1", storage_box_type="bx11", password=PASSWORD
            )
        with pytest.raises(InvalidInputError) as caught:
            client.storage_boxes.create(
                name="b2", location="fsn1", storage_box_type="bx99", password=PASSWORD
            )
        assert caught.value.code == "invalid_input"
    reply = raw(
        fake,
        "POST",
        "/storage_boxes",
        json={"name": "b3", "location": "fsn1", "storage_box_type": "bx11", "password": "weak"},
    )
    assert reply.status_code == 422
    assert reply.json()["error"]["details"]["fields"][0]["name"] == "password"


def test_a_failed_create_leaves_no_box(fake: SpecCheckedCloud) -> None:
    fake.fail_next_actions("create", code="service_error", message="no capacity")
    with fake.client() as client:
        result = client.storage_boxes.create(
            name="backup", location="hel1", storage_box_type="bx21", password=PASSWORD
        )
        with pytest.raises(ActionFailed):
            result.action.wait()
        with pytest.raises(NotFoundError):
            result.storage_box.reload()


def test_update_protection_and_delete(fake: SpecCheckedCloud) -> None:
    with fake.client() as client:
        box = active_box(client)
        box = box.update(name="renamed", labels={"tier": "cold"})
        assert (box.name, box.labels) == ("renamed", {"tier": "cold"})
        action = box.change_protection(delete=True)
        assert action.status == "success"
        with pytest.raises(ProtectedError):
            box.delete()
        box.change_protection(delete=False)
        box.delete().wait()
        with pytest.raises(NotFoundError):
            box.reload()
    assert fake["storage_boxes"] == {}


def test_box_actions_change_its_state(fake: SpecCheckedCloud) -> None:
    with fake.client() as client:
        box = active_box(client)
        change = box.change_type(storage_box_type="bx21")
        with fake.client(retry=RetryPolicy.disabled()) as impatient, pytest.raises(LockedError):
            impatient.storage_boxes.reset_password(box, password=OTHER_PASSWORD)
        change.wait()
        box = box.reload()
        assert box.storage_box_type.name == "bx21"
        box.reset_password(password=OTHER_PASSWORD).wait()
        box.update_access_settings(samba_enabled=True, zfs_enabled=True).wait()
        settings = box.reload().access_settings
        assert (settings.samba_enabled, settings.zfs_enabled, settings.webdav_enabled) == (
            True,
            True,
            False,
        )
        box.enable_snapshot_plan(max_snapshots=7, minute=30, hour=3, day_of_week=7).wait()
        plan = box.reload().snapshot_plan
        assert plan is not None
        assert (plan.max_snapshots, plan.hour, plan.day_of_week, plan.day_of_month) == (
            7,
            3,
            7,
            None,
        )
        box.disable_snapshot_plan().wait()
        assert box.reload().snapshot_plan is None
        with pytest.raises(UnsupportedError):
            box.disable_snapshot_plan()
        with pytest.raises(InvalidInputError):
            box.enable_snapshot_plan(max_snapshots=99, minute=0, hour=0)

        commands = [a.command for a in box.actions(sort="id")]
        assert commands[:3] == ["create", "change_type", "reset_password"]
        listed = client.storage_boxes.list_actions(status="success")
        assert {a.id for a in listed} >= {change.id}
        assert client.storage_boxes.get_action(change.id).command == "change_type"
        with pytest.warns(DeprecationWarning, match="get_action"):
            assert client.storage_boxes.get_action_of(box, change.id).id == change.id
        assert client.actions.get(change).status == "success"


def test_subaccounts(fake: SpecCheckedCloud) -> None:
    with fake.client() as client:
        pending = client.storage_boxes.create(
            name="backup", location="fsn1", storage_box_type="bx11", password=PASSWORD
        )
        with fake.client(retry=RetryPolicy.disabled()) as impatient, pytest.raises(LockedError):
            impatient.storage_boxes.create_subaccount(
                pending.storage_box, home_directory="web", password=PASSWORD
            )
        pending.action.wait()
        box = pending.storage_box.reload()

        created = box.create_subaccount(
            home_directory="backups/web",
            password=PASSWORD,
            access_settings={"readonly": True, "ssh_enabled": True},
            description="web servers",
            labels={"env": "prod"},
        )
        assert created.subaccount.storage_box == box.id
        created.action.wait()
        sub = client.storage_box_subaccounts.get(created.subaccount)
        assert sub.username == f"{box.username}-sub1"
        assert sub.name == sub.username
        assert (sub.access_settings.readonly, sub.access_settings.samba_enabled) == (True, False)
        assert box.folders() == ["backups"]
        assert box.folders(path="backups") == ["web"]

        other = box.create_subaccount(home_directory="db", password=PASSWORD, name="db")
        other.action.wait()
        assert [s.name for s in box.subaccounts(sort="id:desc")] == ["db", sub.username]
        assert [s.id for s in box.subaccounts(username=sub.username)] == [sub.id]
        assert [s.id for s in box.subaccounts(label_selector="env=prod")] == [sub.id]
        found = box.get_subaccount_by_name("db")
        assert found is not None
        assert found.home_directory == "db"

        sub = sub.update(name="web", description="", labels={})
        assert (sub.name, sub.description, sub.labels) == ("web", "", {})
        sub.change_home_directory(home_directory="backups/web2").wait()
        sub.reset_password(password=OTHER_PASSWORD).wait()
        sub.update_access_settings(readonly=False, webdav_enabled=True).wait()
        sub = sub.reload()
        assert sub.home_directory == "backups/web2"
        assert (sub.access_settings.readonly, sub.access_settings.webdav_enabled) == (False, True)
        assert box.folders(path="backups") == ["web", "web2"]

        sub.delete().wait()
        with pytest.raises(NotFoundError):
            sub.reload()
        with pytest.raises(NotFoundError):
            client.storage_box_subaccounts.get((box.id + 1, found.id))
        assert [s.name for s in box.subaccounts()] == ["db"]


def test_snapshots_and_rollback(fake: SpecCheckedCloud) -> None:
    with fake.client() as client:
        box = active_box(client)
        first = box.create_snapshot(description="before upgrade", labels={"keep": "yes"})
        first.action.wait()
        fake.clock.advance(60)
        second = box.create_snapshot()
        second.action.wait()
        snaps = box.snapshots(sort="created:desc")
        assert [s.id for s in snaps] == [second.snapshot.id, first.snapshot.id]
        assert all(not s.is_automatic for s in snaps)
        assert box.snapshots(is_automatic=True) == []
        older = client.storage_box_snapshots.get(first.snapshot)
        assert older.description == "before upgrade"
        assert box.get_snapshot_by_name(older.name) == older
        older = older.update(description="kept", labels={})
        assert (older.description, older.labels) == ("kept", {})

        box.rollback_snapshot(snapshot=older.name).wait()
        assert [s.id for s in box.snapshots()] == [older.id]
        with pytest.raises(InvalidInputError):
            box.rollback_snapshot(snapshot="missing")
        older.delete().wait()
        assert box.snapshots() == []


def test_snapshot_limit(fake: SpecCheckedCloud) -> None:
    with fake.client() as client:
        box = active_box(client)
        for _ in range(10):
            box.create_snapshot().action.wait()
        with pytest.raises(ResourceLimitExceededError):
            box.create_snapshot()


def test_waiting_on_cloud_and_storage_box_actions_together(fake: SpecCheckedCloud) -> None:
    with fake.client() as client:
        box = active_box(client)
        key = client.ssh_keys.create(name="k", public_key=KEY)
        server = client.servers.create(
            name="web-1", server_type="cpx22", image="ubuntu-24.04", ssh_keys=[key.id]
        )
        actions = [server.action, box.change_type(storage_box_type="bx31")]
        done = client.actions.wait_all(actions)
        assert [type(a) for a in done] == [type(server.action), StorageBoxAction]
        assert all(a.status == "success" for a in done)
    assert "GET /actions" in fake.log
    assert "GET /storage_boxes/actions" in fake.log


KEY = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIK1RD07JloYTZjkdEBCoFcSyLmCR6vhVnUS77n1OvzK/"


def test_async_client(fake: SpecCheckedCloud) -> None:
    async def main() -> None:
        async with fake.async_client() as client:
            result = await client.storage_boxes.create(
                name="backup", location="fsn1", storage_box_type="bx11", password=PASSWORD
            )
            await result.action.wait()
            box = await result.storage_box.reload()
            assert box.status == "active"
            taken = await box.create_snapshot()
            await taken.action.wait()
            assert [s.id for s in await box.snapshots()] == [taken.snapshot.id]

    asyncio.run(main())


def test_every_storage_box_operation_is_served_and_its_reply_checked(
    fake: SpecCheckedCloud,
) -> None:
    wanted = {(m, p) for m, p, _ in spec.operations("hetzner").values()}
    assert wanted - set(fake.operations) == set()
    with fake.client() as client:
        kinds = client.storage_box_types.list()
        client.storage_box_types.get(kinds[0])
        box = active_box(client)
        client.storage_boxes.list()
        box.update(labels={"a": "b"})
        box.folders()
        box.change_protection(delete=False)
        box.change_type(storage_box_type="bx21").wait()
        box.reset_password(password=OTHER_PASSWORD).wait()
        box.update_access_settings(ssh_enabled=True).wait()
        box.enable_snapshot_plan(max_snapshots=2, minute=0, hour=1).wait()
        box.disable_snapshot_plan().wait()
        sub_ref = box.create_subaccount(home_directory="a", password=PASSWORD)
        sub_ref.action.wait()
        box.subaccounts()
        sub = client.storage_box_subaccounts.get(sub_ref.subaccount)
        sub.update(description="d")
        sub.change_home_directory(home_directory="b").wait()
        sub.reset_password(password=OTHER_PASSWORD).wait()
        sub.update_access_settings(readonly=True).wait()
        sub.delete().wait()
        snap_ref = box.create_snapshot()
        snap_ref.action.wait()
        box.snapshots()
        snap = client.storage_box_snapshots.get(snap_ref.snapshot)
        snap.update(description="d")
        box.rollback_snapshot(snapshot=snap).wait()
        snap.delete().wait()
        actions = box.actions()
        client.storage_boxes.list_actions()
        client.storage_boxes.get_action(actions[0])
        with pytest.warns(DeprecationWarning, match="get_action"):
            client.storage_boxes.get_action_of(box, actions[0])
        box.delete().wait()
    assert set(spec.operations("hetzner")) - fake.checked == set()
