"""``client.placement_groups`` and bound placement groups: requests, replies, payload checks."""

from __future__ import annotations

import pytest

from hcloud_models.models.actions import Action
from hcloud_models.models.page import Page
from hcloud_models.models.placement_groups import CreatePlacementGroupResult, PlacementGroup
from hcloud_models.models.servers import Server
from tests import spec
from tests.conftest import Api, Recorder
from tests.helpers import (
    assert_sent,
    refused_before_sending_test,
    reply_to,
)


def test_list(api: Api, recorder: Recorder) -> None:
    reply_to(recorder, "list_placement_groups")
    page = api.run(
        lambda c: c.placement_groups.list(
            name="spread-1", label_selector="env=prod", type="spread", sort="name", per_page=5
        )
    )
    assert_sent(
        recorder,
        "list_placement_groups",
        "/placement_groups",
        [
            ("name", "spread-1"),
            ("label_selector", "env=prod"),
            ("type", "spread"),
            ("sort", "name"),
            ("per_page", "5"),
        ],
    )
    assert isinstance(page, Page)
    group = page[0]
    assert isinstance(group, PlacementGroup)
    assert group.id == 42
    assert group.servers == [42]
    assert group.is_bound


def test_list_refuses_bad_sort_before_sending(api: Api, recorder: Recorder) -> None:
    with pytest.raises(ValueError, match="sort"):
        api.run(lambda c: c.placement_groups.list(sort="name:up"))
    assert recorder.requests == []


def test_get(api: Api, recorder: Recorder) -> None:
    reply_to(recorder, "get_placement_group")
    group = api.run(lambda c: c.placement_groups.get(42))
    assert_sent(recorder, "get_placement_group", "/placement_groups/42")
    assert isinstance(group, PlacementGroup)
    assert group.type == "spread"
    assert group.name == "my-resource"
    assert group.is_bound


def test_create(api: Api, recorder: Recorder) -> None:
    reply_to(recorder, "create_placement_group")
    result = api.run(
        lambda c: c.placement_groups.create(name="web", type="spread", labels={"env": "prod"})
    )
    assert_sent(
        recorder,
        "create_placement_group",
        "/placement_groups",
        body={"name": "web", "type": "spread", "labels": {"env": "prod"}},
    )
    assert isinstance(result, CreatePlacementGroupResult)
    assert isinstance(result.placement_group, PlacementGroup)
    assert result.placement_group.is_bound
    assert isinstance(result.action, Action)
    assert result.action.is_bound


def test_create_without_an_action(api: Api, recorder: Recorder) -> None:
    reply = spec.example_reply("create_placement_group")
    del reply["action"]
    recorder.reply(reply, status=201)
    result = api.run(lambda c: c.placement_groups.create({"name": "web", "type": "spread"}))
    assert_sent(
        recorder,
        "create_placement_group",
        "/placement_groups",
        body={"name": "web", "type": "spread"},
    )
    assert result.action is None


def test_update(api: Api, recorder: Recorder) -> None:
    reply_to(recorder, "update_placement_group")
    group = api.run(lambda c: c.placement_groups.update(42, name="web-2", labels={}))
    assert_sent(
        recorder,
        "update_placement_group",
        "/placement_groups/42",
        body={"name": "web-2", "labels": {}},
    )
    assert isinstance(group, PlacementGroup)
    assert group.is_bound


test_invalid_payload_is_refused_before_sending = refused_before_sending_test(
    [
        pytest.param(lambda c: c.placement_groups.create(name="web"), "type", id="no-type"),
        pytest.param(
            lambda c: c.placement_groups.create(name="web", type="pack"), "type", id="bad-type"
        ),
        pytest.param(lambda c: c.placement_groups.create(type="spread"), "name", id="no-name"),
        pytest.param(
            lambda c: c.placement_groups.update(42, labels={"hetzner.cloud/x": "y"}),
            "labels",
            id="reserved-label",
        ),
        pytest.param(
            lambda c: c.placement_groups.update(42, {"servers": [1]}), "servers", id="unknown-key"
        ),
    ]
)


def test_a_servers_placement_group_is_bound_and_can_be_reloaded(
    api: Api, recorder: Recorder
) -> None:
    reply_to(recorder, "get_server")
    server = api.run(lambda c: c.servers.get(42))
    assert isinstance(server, Server)
    group = server.placement_group
    assert isinstance(group, PlacementGroup)
    assert group.is_bound
    reply_to(recorder, "get_placement_group")
    fresh = api.run(lambda c: group.reload())
    assert_sent(recorder, "get_placement_group", "/placement_groups/42", index=1, only=False)
    assert len(recorder.requests) == 2
    assert fresh == group
