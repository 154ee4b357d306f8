"""``client.volumes`` and bound Volumes: requests sent, replies read, payloads checked."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

import pytest

from hcloud_models.models.actions import Action
from hcloud_models.models.locations import Location
from hcloud_models.models.page import Page
from hcloud_models.models.volumes import CreateVolumeResult, Volume
from tests import spec
from tests.conftest import Api, Recorder
from tests.helpers import (
    assert_sent,
    bound_methods_test,
    refused_before_sending_test,
    reply_to,
)


def assert_action(action: Any) -> None:
    assert isinstance(action, Action)
    assert action.id == 42
    assert action.is_bound


# --- the Volume itself --------------------------------------------------------


def test_list(api: Api, recorder: Recorder) -> None:
    reply_to(recorder, "list_volumes")
    page = api.run(
        lambda c: c.volumes.list(
            name="data",
            label_selector="env=prod",
            status=["available", "creating"],
            sort="name:desc",
            page=2,
            per_page=10,
        )
    )
    assert_sent(
        recorder,
        "list_volumes",
        "/volumes",
        [
            ("status", "available"),
            ("status", "creating"),
            ("name", "data"),
            ("label_selector", "env=prod"),
            ("sort", "name:desc"),
            ("page", "2"),
            ("per_page", "10"),
        ],
    )
    assert isinstance(page, Page)
    volume = page[0]
    assert isinstance(volume, Volume)
    assert volume.id == 42
    assert volume.is_bound


def test_get(api: Api, recorder: Recorder) -> None:
    reply_to(recorder, "get_volume")
    volume = api.run(lambda c: c.volumes.get(42))
    assert_sent(recorder, "get_volume", "/volumes/42")
    assert isinstance(volume, Volume)
    assert volume.server == 12
    assert volume.size == 42
    assert volume.status == "available"
    assert volume.format == "xfs"
    assert volume.linux_device == "/dev/disk/by-id/scsi-0HC_Volume_4711"
    assert isinstance(volume.location, Location)
    assert volume.location.is_bound
    assert volume.is_bound


def test_get_keeps_a_status_added_later(api: Api, recorder: Recorder) -> None:
    reply = spec.example_reply("get_volume")
    reply["volume"]["status"] = "migrating"
    reply["volume"]["server"] = None
    reply["volume"]["format"] = None
    recorder.reply(reply)
    volume = api.run(lambda c: c.volumes.get(42))
    assert (volume.status, volume.server, volume.format) == ("migrating", None, None)


def test_create_for_a_server(api: Api, recorder: Recorder) -> None:
    reply_to(recorder, "create_volume")
    result = api.run(
        lambda c: c.volumes.create(
            name="data",
            size=10,
            server=SimpleNamespace(id=7),
            automount=True,
            format="ext4",
            labels={"env": "prod"},
        )
    )
    assert_sent(
        recorder,
        "create_volume",
        "/volumes",
        body={
            "name": "data",
            "size": 10,
            "server": 7,
            "automount": True,
            "format": "ext4",
            "labels": {"env": "prod"},
        },
    )
    assert isinstance(result, CreateVolumeResult)
    assert isinstance(result.volume, Volume)
    assert result.volume.is_bound
    assert_action(result.action)
    assert len(result.next_actions) == 1
    assert_action(result.next_actions[0])


def test_create_in_a_location(api: Api, recorder: Recorder) -> None:
    reply = spec.example_reply("create_volume")
    reply["next_actions"] = []
    recorder.reply(reply, status=201)
    result = api.run(
        lambda c: c.volumes.create({"name": "data", "size": 10240, "location": "fsn1"})
    )
    assert_sent(
        recorder,
        "create_volume",
        "/volumes",
        body={"name": "data", "size": 10240, "location": "fsn1"},
    )
    assert result.next_actions == []


def test_update(api: Api, recorder: Recorder) -> None:
    reply_to(recorder, "update_volume")
    volume = api.run(lambda c: c.volumes.update(42, name="data.2", labels={"a": "b"}))
    assert_sent(
        recorder,
        "update_volume",
        "/volumes/42",
        body={"name": "data.2", "labels": {"a": "b"}},
    )
    assert isinstance(volume, Volume)
    assert volume.is_bound


# --- Volume actions -----------------------------------------------------------


@pytest.mark.parametrize(
    ("server", "automount", "body"),
    [
        pytest.param(7, None, {"server": 7}, id="id"),
        pytest.param(SimpleNamespace(id=7), True, {"server": 7, "automount": True}, id="object"),
        pytest.param(
            {"server": 7, "automount": False}, None, {"server": 7, "automount": False}, id="mapping"
        ),
    ],
)
def test_attach(
    api: Api, recorder: Recorder, server: Any, automount: bool | None, body: dict[str, Any]
) -> None:
    reply_to(recorder, "attach_volume")
    action = api.run(lambda c: c.volumes.attach(42, server, automount=automount))
    assert_sent(recorder, "attach_volume", "/volumes/42/actions/attach", body=body)
    assert_action(action)


def test_detach(api: Api, recorder: Recorder) -> None:
    reply_to(recorder, "detach_volume")
    action = api.run(lambda c: c.volumes.detach(42))
    assert_sent(recorder, "detach_volume", "/volumes/42/actions/detach")
    assert_action(action)


@pytest.mark.parametrize("size", [50, {"size": 50}], ids=["int", "mapping"])
def test_resize(api: Api, recorder: Recorder, size: Any) -> None:
    reply_to(recorder, "resize_volume")
    action = api.run(lambda c: c.volumes.resize(42, size))
    assert_sent(recorder, "resize_volume", "/volumes/42/actions/resize", body={"size": 50})
    assert_action(action)


def test_resize_sends_whole_gigabytes(api: Api, recorder: Recorder) -> None:
    reply_to(recorder, "resize_volume")
    api.run(lambda c: c.volumes.resize(42, 50))
    assert recorder.requests[-1].content == b'{"size":50}'


# --- payload rules are checked before sending ---------------------------------


test_invalid_payload_is_refused_before_sending = refused_before_sending_test(
    [
        pytest.param(lambda c: c.volumes.create(name="d", size=9, server=1), "size", id="small"),
        pytest.param(
            lambda c: c.volumes.create(name="d", size=10241, server=1), "size", id="large"
        ),
        pytest.param(lambda c: c.volumes.create(name="d", server=1), "size", id="no-size"),
        pytest.param(lambda c: c.volumes.create(size=10, server=1), "name", id="no-name"),
        pytest.param(
            lambda c: c.volumes.create(name="-data", size=10, server=1), "name", id="bad-name"
        ),
        pytest.param(
            lambda c: c.volumes.create(name="d" * 65, size=10, server=1), "name", id="long-name"
        ),
        pytest.param(lambda c: c.volumes.create(name="d", size=10), "server", id="no-home"),
        pytest.param(
            lambda c: c.volumes.create(name="d", size=10, location="fsn1", automount=True),
            "server",
            id="automount-without-server",
        ),
        pytest.param(
            lambda c: c.volumes.create(name="d", size=10, server=1, format="btrfs"),
            "format",
            id="bad-format",
        ),
        pytest.param(
            lambda c: c.volumes.create({"name": "d", "size": 10, "location": 3}),
            "location",
            id="location-id",
        ),
        pytest.param(lambda c: c.volumes.update(42, name="a b"), "name", id="update-bad-name"),
        pytest.param(lambda c: c.volumes.attach(42, {}), "server", id="attach-no-server"),
        pytest.param(lambda c: c.volumes.resize(42, 5), "size", id="resize-small"),
        pytest.param(lambda c: c.volumes.resize(42, 10.5), "size", id="resize-fraction"),
        pytest.param(lambda c: c.volumes.resize(42, {}), "size", id="resize-no-size"),
    ]
)


def test_attach_refuses_what_is_not_a_server(api: Api, recorder: Recorder) -> None:
    with pytest.raises(TypeError):
        api.run(lambda c: c.volumes.attach(42, "web-1"))
    assert recorder.requests == []


# --- bound Volumes ------------------------------------------------------------


test_bound_methods_send_what_the_resource_sends = bound_methods_test(
    "get_volume",
    lambda c: c.volumes.get(42),
    [
        pytest.param(
            "attach_volume",
            lambda c, v: c.volumes.attach(42, 7, automount=True),
            lambda c, v: v.attach(SimpleNamespace(id=7), automount=True),
            id="attach",
        ),
        pytest.param(
            "detach_volume",
            lambda c, v: c.volumes.detach(42),
            lambda c, v: v.detach(),
            id="detach",
        ),
        pytest.param(
            "resize_volume",
            lambda c, v: c.volumes.resize(42, 100),
            lambda c, v: v.resize(100),
            id="resize",
        ),
    ],
)
