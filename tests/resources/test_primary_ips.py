"""``client.primary_ips`` and bound Primary IPs: requests sent, replies read, payloads checked."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

import pytest

from hcloud_models.models.actions import Action
from hcloud_models.models.locations import Location
from hcloud_models.models.page import Page
from hcloud_models.models.primary_ips import CreatePrimaryIPResult, PrimaryIP, PrimaryIPAssign
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


# --- the Primary IP itself ----------------------------------------------------


def test_list(api: Api, recorder: Recorder) -> None:
    reply_to(recorder, "list_primary_ips")
    page = api.run(
        lambda c: c.primary_ips.list(
            name="web-v4", label_selector="env", ip="192.0.2.1", sort="id:asc", page=3, per_page=7
        )
    )
    assert_sent(
        recorder,
        "list_primary_ips",
        "/primary_ips",
        [
            ("name", "web-v4"),
            ("label_selector", "env"),
            ("ip", "192.0.2.1"),
            ("sort", "id:asc"),
            ("page", "3"),
            ("per_page", "7"),
        ],
    )
    assert isinstance(page, Page)
    ip = page[0]
    assert isinstance(ip, PrimaryIP)
    assert ip.is_bound


def test_get(api: Api, recorder: Recorder) -> None:
    reply_to(recorder, "get_primary_ip")
    ip = api.run(lambda c: c.primary_ips.get(42))
    assert_sent(recorder, "get_primary_ip", "/primary_ips/42")
    assert isinstance(ip, PrimaryIP)
    assert ip.type == "ipv6"
    assert ip.ip == "2001:db8::/64"
    assert ip.assignee_type == "server"
    assert ip.assignee_id == 17
    assert ip.auto_delete is True
    assert ip.dns_ptr[0].dns_ptr == "server.example.com"
    assert isinstance(ip.location, Location)
    assert ip.location.is_bound
    assert ip.is_bound


def test_get_unassigned(api: Api, recorder: Recorder) -> None:
    reply = spec.example_reply("get_primary_ip")
    reply["primary_ip"]["assignee_id"] = None
    recorder.reply(reply)
    ip = api.run(lambda c: c.primary_ips.get(42))
    assert ip.assignee_id is None


def test_create_in_a_location(api: Api, recorder: Recorder) -> None:
    reply = spec.example_reply("create_primary_ip")
    reply["action"] = None
    recorder.reply(reply, status=201)
    result = api.run(
        lambda c: c.primary_ips.create(
            name="web-v4", type="ipv4", location="fsn1", auto_delete=False, labels={"a": "b"}
        )
    )
    assert_sent(
        recorder,
        "create_primary_ip",
        "/primary_ips",
        body={
            "name": "web-v4",
            "type": "ipv4",
            "location": "fsn1",
            "auto_delete": False,
            "labels": {"a": "b"},
        },
    )
    assert isinstance(result, CreatePrimaryIPResult)
    assert isinstance(result.primary_ip, PrimaryIP)
    assert result.primary_ip.is_bound
    assert result.action is None


def test_create_assigned_to_a_server_defaults_the_assignee_type(
    api: Api, recorder: Recorder
) -> None:
    reply_to(recorder, "create_primary_ip")
    result = api.run(
        lambda c: c.primary_ips.create(
            name="web-v6", type="ipv6", assignee_id=SimpleNamespace(id=7)
        )
    )
    assert_sent(
        recorder,
        "create_primary_ip",
        "/primary_ips",
        body={"name": "web-v6", "type": "ipv6", "assignee_id": 7, "assignee_type": "server"},
    )
    assert_action(result.action)


def test_create_from_a_kebab_case_mapping(api: Api, recorder: Recorder) -> None:
    reply_to(recorder, "create_primary_ip")
    api.run(
        lambda c: c.primary_ips.create(
            {"name": "x", "type": "ipv4", "assignee-id": 7, "assignee-type": "server"}
        )
    )
    assert_sent(
        recorder,
        "create_primary_ip",
        "/primary_ips",
        body={"name": "x", "type": "ipv4", "assignee_id": 7, "assignee_type": "server"},
    )


def test_update(api: Api, recorder: Recorder) -> None:
    reply_to(recorder, "update_primary_ip")
    ip = api.run(lambda c: c.primary_ips.update(42, name="n", auto_delete=True, labels={}))
    assert_sent(
        recorder,
        "update_primary_ip",
        "/primary_ips/42",
        body={"name": "n", "auto_delete": True, "labels": {}},
    )
    assert isinstance(ip, PrimaryIP)
    assert ip.is_bound


# --- Primary IP actions -------------------------------------------------------


@pytest.mark.parametrize(
    "assignee",
    [
        pytest.param(7, id="id"),
        pytest.param(SimpleNamespace(id=7), id="object"),
        pytest.param({"assignee_id": 7, "assignee_type": "server"}, id="mapping"),
        pytest.param(PrimaryIPAssign(assignee_id=7, assignee_type="server"), id="model"),
    ],
)
def test_assign(api: Api, recorder: Recorder, assignee: Any) -> None:
    reply_to(recorder, "assign_primary_ip")
    action = api.run(lambda c: c.primary_ips.assign(42, assignee))
    assert_sent(
        recorder,
        "assign_primary_ip",
        "/primary_ips/42/actions/assign",
        body={"assignee_type": "server", "assignee_id": 7},
    )
    assert_action(action)


def test_unassign(api: Api, recorder: Recorder) -> None:
    reply_to(recorder, "unassign_primary_ip")
    action = api.run(lambda c: c.primary_ips.unassign(42))
    assert_sent(recorder, "unassign_primary_ip", "/primary_ips/42/actions/unassign")
    assert_action(action)


# --- payload rules are checked before sending ---------------------------------


test_invalid_payload_is_refused_before_sending = refused_before_sending_test(
    [
        pytest.param(
            lambda c: c.primary_ips.create(name="x", type="ipv4"), "assignee_id", id="no-home"
        ),
        pytest.param(
            lambda c: c.primary_ips.create(name="x", type="ipv4", location="fsn1", assignee_id=7),
            "assignee_id",
            id="location-and-assignee",
        ),
        pytest.param(
            lambda c: c.primary_ips.create({"name": "x", "type": "ipv4", "assignee_id": 7}),
            "assignee_id",
            id="assignee-without-type",
        ),
        pytest.param(
            lambda c: c.primary_ips.create(
                name="x", type="ipv4", assignee_id=7, assignee_type="load_balancer"
            ),
            "assignee_type",
            id="bad-assignee-type",
        ),
        pytest.param(
            lambda c: c.primary_ips.create(name="x", type="ipv5", location="fsn1"),
            "type",
            id="bad-type",
        ),
        pytest.param(
            lambda c: c.primary_ips.create(type="ipv4", location="fsn1"), "name", id="no-name"
        ),
        pytest.param(
            lambda c: c.primary_ips.create(
                name="x", type="ipv4", location="fsn1", labels={"-bad": "x"}
            ),
            "labels",
            id="bad-label",
        ),
        pytest.param(
            lambda c: c.primary_ips.create(
                {"name": "x", "type": "ipv4", "location": "fsn1", "datacenter": "fsn1-dc14"}
            ),
            "datacenter",
            id="unknown-key",
        ),
        pytest.param(
            lambda c: c.primary_ips.assign(42, {"assignee_id": 7}),
            "assignee_type",
            id="assign-no-type",
        ),
        pytest.param(
            lambda c: c.primary_ips.assign(42, 7, assignee_type="floating_ip"),
            "assignee_type",
            id="assign-bad-type",
        ),
    ]
)


# --- bound Primary IPs --------------------------------------------------------


test_bound_methods_send_what_the_resource_sends = bound_methods_test(
    "get_primary_ip",
    lambda c: c.primary_ips.get(42),
    [
        pytest.param(
            "assign_primary_ip",
            lambda c, i: c.primary_ips.assign(42, 7),
            lambda c, i: i.assign(SimpleNamespace(id=7)),
            id="assign",
        ),
        pytest.param(
            "unassign_primary_ip",
            lambda c, i: c.primary_ips.unassign(42),
            lambda c, i: i.unassign(),
            id="unassign",
        ),
    ],
)


def test_a_servers_public_address_leads_to_its_primary_ip(api: Api, recorder: Recorder) -> None:
    reply_to(recorder, "get_server")
    server = api.run(lambda c: c.servers.get(42))
    ipv4 = server.public_net.ipv4
    assert ipv4 is not None
    assert ipv4.id is not None
    reply_to(recorder, "get_primary_ip")
    ip = api.run(lambda c: c.primary_ips.get(ipv4.id))
    assert_sent(recorder, "get_primary_ip", f"/primary_ips/{ipv4.id}", index=1, only=False)
    assert isinstance(ip, PrimaryIP)
