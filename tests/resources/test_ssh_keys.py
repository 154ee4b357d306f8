"""``client.ssh_keys`` and bound SSH keys: requests sent, replies read, payloads checked."""

from __future__ import annotations

import pytest

from hcloud_models.models.page import Page
from hcloud_models.models.ssh_keys import SSHKey
from tests import spec
from tests.conftest import Api, Recorder
from tests.helpers import (
    assert_sent,
    refused_before_sending_test,
    reply_to,
)

# --- every operation ----------------------------------------------------------


def test_list(api: Api, recorder: Recorder) -> None:
    reply_to(recorder, "list_ssh_keys")
    page = api.run(
        lambda c: c.ssh_keys.list(
            name="deploy",
            fingerprint="b7:2f:30:a0:2f:6c:58:6c:21:04:58:61:ba:06:3b:2f",
            label_selector="env=prod",
            sort=["name:asc", "id"],
            page=2,
            per_page=10,
        )
    )
    assert_sent(
        recorder,
        "list_ssh_keys",
        "/ssh_keys",
        [
            ("name", "deploy"),
            ("fingerprint", "b7:2f:30:a0:2f:6c:58:6c:21:04:58:61:ba:06:3b:2f"),
            ("label_selector", "env=prod"),
            ("sort", "name:asc"),
            ("sort", "id"),
            ("page", "2"),
            ("per_page", "10"),
        ],
    )
    assert isinstance(page, Page)
    assert len(page) == 1
    key = page[0]
    assert isinstance(key, SSHKey)
    assert key.id == 42
    assert key.public_key == "ssh-rsa AAAjjk76kgf...Xt"
    assert key.is_bound
    assert page.pagination is not None
    assert page.pagination.page == 3


def test_list_without_arguments_sends_no_query(api: Api, recorder: Recorder) -> None:
    reply_to(recorder, "list_ssh_keys")
    api.run(lambda c: c.ssh_keys.list())
    assert_sent(recorder, "list_ssh_keys", "/ssh_keys")


def test_get(api: Api, recorder: Recorder) -> None:
    reply_to(recorder, "get_ssh_key")
    key = api.run(lambda c: c.ssh_keys.get(42))
    assert_sent(recorder, "get_ssh_key", "/ssh_keys/42")
    assert isinstance(key, SSHKey)
    assert key.name == "my-resource"
    assert key.fingerprint == "b7:2f:30:a0:2f:6c:58:6c:21:04:58:61:ba:06:3b:2f"
    assert key.is_bound


def test_create(api: Api, recorder: Recorder) -> None:
    reply_to(recorder, "create_ssh_key")
    key = api.run(
        lambda c: c.ssh_keys.create(
            name="deploy", public_key="ssh-ed25519 AAAAC3Nz deploy@ci", labels={"env": "prod"}
        )
    )
    assert_sent(
        recorder,
        "create_ssh_key",
        "/ssh_keys",
        body={
            "name": "deploy",
            "public_key": "ssh-ed25519 AAAAC3Nz deploy@ci",
            "labels": {"env": "prod"},
        },
    )
    assert recorder.last.headers["Content-Type"] == "application/json"
    assert isinstance(key, SSHKey)
    assert key.id == 42
    assert key.is_bound


def test_create_from_a_kebab_case_mapping_with_keywords_winning(
    api: Api, recorder: Recorder
) -> None:
    reply_to(recorder, "create_ssh_key")
    api.run(
        lambda c: c.ssh_keys.create(
            {"name": "old", "public-key": "ssh-ed25519 AAAAC3Nz"}, name="new"
        )
    )
    assert_sent(
        recorder,
        "create_ssh_key",
        "/ssh_keys",
        body={"name": "new", "public_key": "ssh-ed25519 AAAAC3Nz"},
    )


def test_update(api: Api, recorder: Recorder) -> None:
    reply_to(recorder, "update_ssh_key")
    key = api.run(lambda c: c.ssh_keys.update(42, name="renamed", labels={"team": "ops"}))
    assert_sent(
        recorder,
        "update_ssh_key",
        "/ssh_keys/42",
        body={"name": "renamed", "labels": {"team": "ops"}},
    )
    assert isinstance(key, SSHKey)
    assert key.id == 42
    assert key.is_bound


# --- payload rules are checked before sending ---------------------------------


test_invalid_payload_is_refused_before_sending = refused_before_sending_test(
    [
        pytest.param(lambda c: c.ssh_keys.create(name="deploy"), "public_key", id="no-public-key"),
        pytest.param(
            lambda c: c.ssh_keys.create(public_key="ssh-ed25519 AAAAC3Nz"), "name", id="no-name"
        ),
        pytest.param(
            lambda c: c.ssh_keys.create(
                name="deploy",
                public_key="ssh-ed25519 AAAAC3Nz",
                labels={"hetzner.cloud/owner": "me"},
            ),
            "labels",
            id="reserved-label-prefix",
        ),
        pytest.param(
            lambda c: c.ssh_keys.update(42, labels={"hetzner.cloud/owner": "me"}),
            "labels",
            id="update-reserved-label-prefix",
        ),
        pytest.param(
            lambda c: c.ssh_keys.create({"name": "k", "public_key": "x", "colour": "red"}),
            "colour",
            id="unknown-key",
        ),
    ]
)


# --- bound SSH keys -----------------------------------------------------------


def test_reload_returns_a_fresh_object_and_leaves_the_old_one(api: Api, recorder: Recorder) -> None:
    reply_to(recorder, "get_ssh_key")
    key = api.run(lambda c: c.ssh_keys.get(42))
    fresh = spec.example_reply("get_ssh_key")
    fresh["ssh_key"]["name"] = "renamed"
    recorder.reply(fresh)
    reloaded = api.run(lambda c: key.reload())
    assert reloaded.name == "renamed"
    assert key.name == "my-resource"
