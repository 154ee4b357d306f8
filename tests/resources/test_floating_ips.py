"""``client.floating_ips`` and bound Floating IPs: requests sent, replies read, payloads checked."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

import pytest

from hcloud_models.models.actions import Action
from hcloud_models.models.floating_ips import CreateFloatingIPResult, FloatingIP
from hcloud_models.models.page import Page
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
    assert action.command == "start_resource"
    assert action.is_bound


# --- the Floating IP itself ---------------------------------------------------


def test_list(api: Api, recorder: Recorder) -> None:
    reply_to(recorder, "list_floating_ips")
    page = api.run(
        lambda c: c.floating_ips.list(
            name="web", label_selector="env=prod", sort=["created:desc", "id"], page=2, per_page=10
        )
    )
    assert_sent(
        recorder,
        "list_floating_ips",
        "/floating_ips",
        [
            ("name", "web"),
            ("label_selector", "env=prod"),
            ("sort", "created:desc"),
            ("sort", "id"),
            ("page", "2"),
            ("per_page", "10"),
        ],
    )
    assert isinstance(page, Page)
    assert len(page) == 1
    fip = page[0]
    assert isinstance(fip, FloatingIP)
    assert fip.id == 42
    assert fip.ip == "2001:db8::/64"
    assert fip.is_bound


def test_get(api: Api, recorder: Recorder) -> None:
    reply_to(recorder, "get_floating_ip")
    fip = api.run(lambda c: c.floating_ips.get(42))
    assert_sent(recorder, "get_floating_ip", "/floating_ips/42")
    assert isinstance(fip, FloatingIP)
    assert fip.type == "ipv6"
    assert fip.server == 42
    assert fip.home_location.name == "fsn1"
    assert fip.dns_ptr[0].dns_ptr == "server.example.com"
    assert fip.is_bound


def test_create_in_a_location(api: Api, recorder: Recorder) -> None:
    reply = spec.example_reply("create_floating_ip")
    reply["action"] = None
    recorder.reply(reply, status=201)
    result = api.run(
        lambda c: c.floating_ips.create(
            type="ipv4",
            home_location="fsn1",
            name="web",
            description="front door",
            labels={"env": "prod"},
        )
    )
    assert_sent(
        recorder,
        "create_floating_ip",
        "/floating_ips",
        body={
            "type": "ipv4",
            "home_location": "fsn1",
            "name": "web",
            "description": "front door",
            "labels": {"env": "prod"},
        },
    )
    assert isinstance(result, CreateFloatingIPResult)
    assert isinstance(result.floating_ip, FloatingIP)
    assert result.floating_ip.id == 42
    assert result.floating_ip.is_bound
    assert result.action is None


def test_create_assigned_to_a_server_object(api: Api, recorder: Recorder) -> None:
    reply_to(recorder, "create_floating_ip")
    result = api.run(lambda c: c.floating_ips.create(type="ipv6", server=SimpleNamespace(id=7)))
    assert_sent(recorder, "create_floating_ip", "/floating_ips", body={"type": "ipv6", "server": 7})
    assert isinstance(result, CreateFloatingIPResult)
    assert result.floating_ip.is_bound
    assert_action(result.action)


def test_create_from_a_kebab_case_mapping(api: Api, recorder: Recorder) -> None:
    reply_to(recorder, "create_floating_ip")
    api.run(lambda c: c.floating_ips.create({"home-location": "fsn1", "type": "ipv4"}))
    assert_sent(
        recorder,
        "create_floating_ip",
        "/floating_ips",
        body={"home_location": "fsn1", "type": "ipv4"},
    )


def test_create_keywords_win_over_the_mapping(api: Api, recorder: Recorder) -> None:
    reply_to(recorder, "create_floating_ip")
    api.run(lambda c: c.floating_ips.create({"home-location": "fsn1", "type": "ipv4"}, type="ipv6"))
    assert recorder.body() == {"home_location": "fsn1", "type": "ipv6"}


def test_update(api: Api, recorder: Recorder) -> None:
    reply_to(recorder, "update_floating_ip")
    fip = api.run(lambda c: c.floating_ips.update(42, name="web-2", description="moved", labels={}))
    assert_sent(
        recorder,
        "update_floating_ip",
        "/floating_ips/42",
        body={"name": "web-2", "description": "moved", "labels": {}},
    )
    assert isinstance(fip, FloatingIP)
    assert fip.id == 42
    assert fip.is_bound


# --- Floating IP actions ------------------------------------------------------


@pytest.mark.parametrize(
    "server",
    [
        pytest.param(7, id="id"),
        pytest.param(SimpleNamespace(id=7), id="object"),
        pytest.param({"server": 7}, id="mapping"),
    ],
)
def test_assign(api: Api, recorder: Recorder, server: Any) -> None:
    reply_to(recorder, "assign_floating_ip")
    action = api.run(lambda c: c.floating_ips.assign(42, server))
    assert_sent(
        recorder, "assign_floating_ip", "/floating_ips/42/actions/assign", body={"server": 7}
    )
    assert_action(action)


def test_assign_to_a_server_from_the_client(api: Api, recorder: Recorder) -> None:
    server_reply = spec.example_reply("get_server")
    server_reply["server"]["id"] = 7
    recorder.reply(server_reply)
    server = api.run(lambda c: c.servers.get(7))
    recorder.requests.clear()
    reply_to(recorder, "assign_floating_ip")
    action = api.run(lambda c: c.floating_ips.assign(42, server))
    assert_sent(
        recorder, "assign_floating_ip", "/floating_ips/42/actions/assign", body={"server": 7}
    )
    assert_action(action)


def test_assign_refuses_what_is_not_a_server(api: Api, recorder: Recorder) -> None:
    with pytest.raises(TypeError):
        api.run(lambda c: c.floating_ips.assign(42, "my-server"))
    assert recorder.requests == []


def test_unassign(api: Api, recorder: Recorder) -> None:
    reply_to(recorder, "unassign_floating_ip")
    action = api.run(lambda c: c.floating_ips.unassign(42))
    assert_sent(recorder, "unassign_floating_ip", "/floating_ips/42/actions/unassign")
    assert_action(action)


# --- payload rules are checked before sending ---------------------------------


test_invalid_payload_is_refused_before_sending = refused_before_sending_test(
    [
        pytest.param(
            lambda c: c.floating_ips.create(type="ipv5", home_location="fsn1"), "type", id="ipv5"
        ),
        pytest.param(
            lambda c: c.floating_ips.create(home_location="fsn1"), "type", id="type-missing"
        ),
        pytest.param(
            lambda c: c.floating_ips.create(type="ipv4"),
            "home_location",
            id="neither-server-nor-home-location",
        ),
        pytest.param(
            lambda c: c.floating_ips.create(
                type="ipv4", home_location="fsn1", labels={"hetzner.cloud/x": "y"}
            ),
            "labels",
            id="reserved-label-prefix",
        ),
        pytest.param(
            lambda c: c.floating_ips.update(42, labels={"hetzner.cloud/x": "y"}),
            "labels",
            id="update-reserved-label-prefix",
        ),
        pytest.param(
            lambda c: c.floating_ips.create({"type": "ipv4", "location": "fsn1"}),
            "location",
            id="unknown-key",
        ),
        pytest.param(lambda c: c.floating_ips.assign(42, {}), "server", id="assign-no-server"),
    ]
)


# --- bound Floating IPs -------------------------------------------------------


test_bound_methods_send_what_the_resource_sends = bound_methods_test(
    "get_floating_ip",
    lambda c: c.floating_ips.get(42),
    [
        pytest.param(
            "assign_floating_ip",
            lambda c, f: c.floating_ips.assign(42, 7),
            lambda c, f: f.assign(SimpleNamespace(id=7)),
            id="assign",
        ),
        pytest.param(
            "unassign_floating_ip",
            lambda c, f: c.floating_ips.unassign(42),
            lambda c, f: f.unassign(),
            id="unassign",
        ),
    ],
)
