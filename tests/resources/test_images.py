"""``client.images`` and bound images: requests sent, replies read, payloads checked."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

import pytest

from hcloud_models.models.actions import Action
from hcloud_models.models.images import Image
from hcloud_models.models.page import Page
from tests.conftest import Api, Recorder
from tests.helpers import (
    assert_sent,
    refused_before_sending_test,
    reply_to,
)


def assert_action(action: Any) -> None:
    assert isinstance(action, Action)
    assert action.id == 42
    assert action.command == "start_resource"
    assert action.is_bound


# --- every operation ----------------------------------------------------------


def test_list_with_every_filter(api: Api, recorder: Recorder) -> None:
    reply_to(recorder, "list_images")
    page = api.run(
        lambda c: c.images.list(
            name="ubuntu-24.04",
            label_selector="env=prod",
            type=["snapshot", "backup"],
            status="available",
            bound_to=[7, SimpleNamespace(id=8)],
            include_deprecated=True,
            architecture="arm",
            sort=["name:asc", "created:desc"],
            page=2,
            per_page=10,
        )
    )
    assert_sent(
        recorder,
        "list_images",
        "/images",
        [
            ("type", "snapshot"),
            ("type", "backup"),
            ("status", "available"),
            ("bound_to", "7"),
            ("bound_to", "8"),
            ("include_deprecated", "true"),
            ("name", "ubuntu-24.04"),
            ("label_selector", "env=prod"),
            ("architecture", "arm"),
            ("sort", "name:asc"),
            ("sort", "created:desc"),
            ("page", "2"),
            ("per_page", "10"),
        ],
    )
    assert isinstance(page, Page)
    assert len(page) == 1
    image = page[0]
    assert isinstance(image, Image)
    assert image.id == 42
    assert image.name == "ubuntu-24.04"
    assert image.type == "snapshot"
    assert image.is_bound
    assert page.pagination is not None
    assert page.pagination.total_entries == 100


def test_list_with_single_values(api: Api, recorder: Recorder) -> None:
    reply_to(recorder, "list_images")
    api.run(
        lambda c: c.images.list(
            type="system", status=["creating", "unavailable"], bound_to=7, include_deprecated=False
        )
    )
    assert_sent(
        recorder,
        "list_images",
        "/images",
        [
            ("type", "system"),
            ("status", "creating"),
            ("status", "unavailable"),
            ("bound_to", "7"),
            ("include_deprecated", "false"),
        ],
    )


def test_get(api: Api, recorder: Recorder) -> None:
    reply_to(recorder, "get_image")
    image = api.run(lambda c: c.images.get(42))
    assert_sent(recorder, "get_image", "/images/42")
    assert isinstance(image, Image)
    assert image.description == "Ubuntu 24.04 Standard 64 bit"
    assert image.architecture == "x86"
    assert image.protection.delete is False
    assert image.is_bound


def test_get_by_object(api: Api, recorder: Recorder) -> None:
    reply_to(recorder, "get_image")
    image = api.run(lambda c: c.images.get(42))
    reply_to(recorder, "get_image")
    api.run(lambda c: c.images.get(image))
    assert recorder.path() == "/images/42"


def test_get_by_name_and_architecture(api: Api, recorder: Recorder) -> None:
    reply_to(recorder, "list_images")
    api.run(
        lambda c: c.images.get_by_name("ubuntu-24.04", architecture="arm", include_deprecated=True)
    )
    assert_sent(
        recorder,
        "list_images",
        "/images",
        [("name", "ubuntu-24.04"), ("architecture", "arm"), ("include_deprecated", "true")],
    )


def test_update(api: Api, recorder: Recorder) -> None:
    reply_to(recorder, "update_image")
    image = api.run(
        lambda c: c.images.update(
            42, description="golden", type="snapshot", labels={"example.com/role": "web"}
        )
    )
    assert_sent(
        recorder,
        "update_image",
        "/images/42",
        body={"description": "golden", "type": "snapshot", "labels": {"example.com/role": "web"}},
    )
    assert isinstance(image, Image)
    assert image.id == 42
    assert image.is_bound


def test_update_from_a_mapping(api: Api, recorder: Recorder) -> None:
    reply_to(recorder, "update_image")
    api.run(lambda c: c.images.update(42, {"description": "golden", "labels": {"a-b": "c"}}))
    assert_sent(
        recorder,
        "update_image",
        "/images/42",
        body={"description": "golden", "labels": {"a-b": "c"}},
    )


# --- payload rules are checked before sending ---------------------------------


test_invalid_payload_is_refused_before_sending = refused_before_sending_test(
    [
        pytest.param(lambda c: c.images.update(42, type="backup"), "type", id="type-backup"),
        pytest.param(
            lambda c: c.images.update(42, {"type": "system"}), "type", id="type-system-mapping"
        ),
        pytest.param(
            lambda c: c.images.update(42, labels={"hetzner.cloud/managed": "yes"}),
            "labels",
            id="reserved-label-prefix",
        ),
        pytest.param(
            lambda c: c.images.update(42, {"name": "no such field"}), "name", id="unknown-key"
        ),
    ]
)
