"""``client.servers`` and bound servers: requests sent, replies read, payloads checked."""

from __future__ import annotations

import asyncio
import copy
from collections.abc import Callable
from datetime import datetime, timedelta, timezone
from types import SimpleNamespace
from typing import Any

import pydantic
import pytest

from hcloud_models import OPERATIONS
from hcloud_models.models.actions import Action
from hcloud_models.models.images import Image
from hcloud_models.models.page import Page
from hcloud_models.models.servers import (
    USER_DATA_MAX_BYTES,
    CreateImageResult,
    CreateServerResult,
    EnableRescueResult,
    RebuildServerResult,
    RequestConsoleResult,
    ResetPasswordResult,
    Server,
    ServerCreate,
    ServerMetrics,
)
from hcloud_models.operations._call import Endpoint
from hcloud_models.resources.servers import ServersResource
from tests import spec
from tests.conftest import Api, Recorder
from tests.helpers import assert_sent

# Server method name -> the operationId it performs.
OPERATION_IDS = {
    method.partition(".")[2]: operation_id
    for operation_id, method in OPERATIONS.items()
    if method.startswith("servers.")
}

SERVER_ID = 4711
ACTION_ID = 1337
START = datetime(2024, 5, 1, 12, 0, tzinfo=timezone.utc)
END = START + timedelta(hours=1)
METRICS = {
    "start": "2024-05-01T12:00:00Z",
    "end": "2024-05-01T13:00:00Z",
    "step": 60,
    "time_series": {
        "cpu": {"values": [[1714564800.0, "12.5"], [1714564860.0, "13.25"]]},
        "network.0.bandwidth.in": {"values": [[1714564800.0, "1024"]]},
    },
}


# --- helpers ------------------------------------------------------------------


def op_id(attr: str) -> str:
    """The spec operationId of a ``ServersResource`` endpoint."""
    endpoint = vars(ServersResource)[attr]
    assert isinstance(endpoint, Endpoint)
    operation_id = endpoint.operation_id
    assert operation_id is not None
    return operation_id


def action_json(ident: int = ACTION_ID, command: str = "start_server") -> dict[str, Any]:
    body = copy.deepcopy(spec.example_reply("get_action")["action"])
    body.update(id=ident, command=command, status="running", error=None, finished=None)
    body["resources"] = [{"id": SERVER_ID, "type": "server"}]
    return body


def server_json(ident: int = SERVER_ID, name: str = "web-1") -> dict[str, Any]:
    body: dict[str, Any] = spec.example_reply("get_server")["server"]
    body.update(id=ident, name=name, status="off")
    return body


def example(operation_id: str) -> dict[str, Any]:
    """The spec's example reply, with distinctive values and valid metrics samples."""
    body: dict[str, Any] = spec.example_reply(operation_id)
    if "server" in body:
        body["server"] = server_json()
    if "servers" in body:
        body["servers"] = [server_json()]
    if "action" in body:
        body["action"] = action_json()
    if "actions" in body:
        body["actions"] = [action_json(), action_json(ACTION_ID + 1, "stop_server")]
    if "metrics" in body:
        # The generated example has one-element samples; the schema wants [time, value].
        body["metrics"] = copy.deepcopy(METRICS)
    return body


def reply(recorder: Recorder, operation_id: str, **changes: Any) -> dict[str, Any]:
    """Queue a valid success reply of an operation (top-level keys replaced by ``changes``)."""
    _, _, op = spec.operations()[operation_id]
    status = next(int(s) for s in op["responses"] if s.startswith("2"))
    body = example(operation_id)
    body.update(changes)
    spec.validate(body, spec.reply_schema(operation_id))
    recorder.reply(body, status=status)
    return body


def assert_action(action: Any, expected: dict[str, Any]) -> None:
    assert isinstance(action, Action)
    assert action.id == expected["id"]
    assert action.command == expected["command"]
    assert action.status == expected["status"]
    assert action.resources[0].id == SERVER_ID
    assert action.is_bound


def assert_server(server: Any, expected: dict[str, Any]) -> None:
    assert isinstance(server, Server)
    assert server.id == expected["id"]
    assert server.name == expected["name"]
    assert server.status == expected["status"]
    assert server.server_type.name == expected["server_type"]["name"]
    assert server.public_net.ipv4 is not None
    assert server.public_net.ipv4.ip == expected["public_net"]["ipv4"]["ip"]
    assert server.protection.rebuild is expected["protection"]["rebuild"]
    assert server.labels == expected["labels"]
    assert server.is_bound
    assert server.server_type.is_bound
    assert server.location.is_bound
    assert server.image is not None
    assert server.image.is_bound


def fetch_server(api: Api) -> Any:
    """A bound server with id ``SERVER_ID``; clears the recorded requests afterwards."""
    api.recorder.reply({"server": server_json()})
    server = api.run(lambda c: c.servers.get(SERVER_ID))
    api.recorder.requests.clear()
    return server


def list_reply(
    ids: list[int], page: int, next_page: int | None, last_page: int = 3
) -> dict[str, Any]:
    body: dict[str, Any] = spec.example_reply("list_servers")
    body["servers"] = [server_json(i, f"web-{i}") for i in ids]
    body["meta"]["pagination"].update(
        page=page,
        per_page=50,
        previous_page=page - 1 if page > 1 else None,
        next_page=next_page,
        last_page=last_page,
        total_entries=5,
    )
    spec.validate(body, spec.reply_schema("list_servers"))
    return body


# --- list, all, get, get_by_name ----------------------------------------------------


def test_list_with_every_filter(api: Api, recorder: Recorder) -> None:
    sent = reply(recorder, "list_servers", servers=[server_json(1, "web-1"), server_json(2, "db")])
    page = api.run(
        lambda c: c.servers.list(
            name="web-1",
            label_selector="env=prod,tier!=db",
            status=["running", "off"],
            sort=["name:asc", "created:desc"],
            page=2,
            per_page=10,
        )
    )
    assert_sent(
        recorder,
        "list_servers",
        "/servers",
        [
            ("name", "web-1"),
            ("label_selector", "env=prod,tier!=db"),
            ("status", "running"),
            ("status", "off"),
            ("sort", "name:asc"),
            ("sort", "created:desc"),
            ("page", "2"),
            ("per_page", "10"),
        ],
    )
    assert isinstance(page, Page)
    assert [s.id for s in page] == [1, 2]
    assert [s.name for s in page] == ["web-1", "db"]
    for server, expected in zip(page, sent["servers"], strict=True):
        assert_server(server, expected)
    assert page.pagination is not None
    assert page.pagination.total_entries == sent["meta"]["pagination"]["total_entries"]
    assert page.next_page == sent["meta"]["pagination"]["next_page"]


def test_list_with_single_values(api: Api, recorder: Recorder) -> None:
    reply(recorder, "list_servers")
    api.run(lambda c: c.servers.list(status="running", sort="id"))
    assert_sent(recorder, "list_servers", "/servers", [("status", "running"), ("sort", "id")])


def test_list_without_arguments_sends_no_query(api: Api, recorder: Recorder) -> None:
    sent = reply(recorder, "list_servers")
    page = api.run(lambda c: c.servers.list())
    assert_sent(recorder, "list_servers", "/servers", [])
    assert_server(page[0], sent["servers"][0])


def test_all_walks_three_pages(api: Api, recorder: Recorder) -> None:
    recorder.reply(list_reply([1, 2], 1, 2))
    recorder.reply(list_reply([3, 4], 2, 3))
    recorder.reply(list_reply([5], 3, None))
    servers = api.collect(lambda c: c.servers.all())
    assert [s.id for s in servers] == [1, 2, 3, 4, 5]
    assert [s.name for s in servers] == ["web-1", "web-2", "web-3", "web-4", "web-5"]
    assert all(isinstance(s, Server) and s.is_bound for s in servers)
    assert len(recorder.requests) == 3
    assert all(r.method == "GET" for r in recorder.requests)
    assert [recorder.path(i) for i in range(3)] == ["/servers"] * 3
    assert recorder.query(0) == [("per_page", "50")]
    assert recorder.query(1) == [("per_page", "50"), ("page", "2")]
    assert recorder.query(2) == [("per_page", "50"), ("page", "3")]


def test_all_keeps_per_page_and_filters(api: Api, recorder: Recorder) -> None:
    recorder.reply(list_reply([1], 1, 2, last_page=2))
    recorder.reply(list_reply([2], 2, None, last_page=2))
    servers = api.collect(
        lambda c: c.servers.all(label_selector="env=prod", status="running", per_page=10)
    )
    assert [s.id for s in servers] == [1, 2]
    assert len(recorder.requests) == 2
    assert recorder.query(0) == [
        ("label_selector", "env=prod"),
        ("status", "running"),
        ("per_page", "10"),
    ]
    assert recorder.query(1) == [
        ("label_selector", "env=prod"),
        ("status", "running"),
        ("per_page", "10"),
        ("page", "2"),
    ]


def test_all_is_lazy(api: Api, recorder: Recorder) -> None:
    recorder.reply(list_reply([1, 2], 1, 2, last_page=2))
    recorder.reply(list_reply([3], 2, None, last_page=2))
    if api.kind == "sync":
        first = next(iter(api.client.servers.all()))
    else:

        async def take_first() -> Any:
            iterator = api.client.servers.all()
            item = await iterator.__anext__()
            await iterator.aclose()
            return item

        first = asyncio.run(take_first())
    assert first.id == 1
    assert first.is_bound
    assert len(recorder.requests) == 1


def test_get(api: Api, recorder: Recorder) -> None:
    sent = reply(recorder, "get_server")
    server = api.run(lambda c: c.servers.get(SERVER_ID))
    assert_sent(recorder, "get_server", f"/servers/{SERVER_ID}")
    assert_server(server, sent["server"])
    assert server.backup_window == sent["server"]["backup_window"]
    assert server.primary_disk_size == sent["server"]["primary_disk_size"]


# --- create ---------------------------------------------------------------------------


def create_reply(recorder: Recorder) -> dict[str, Any]:
    return reply(
        recorder,
        "create_server",
        server=server_json(),
        action=action_json(ACTION_ID, "create_server"),
        next_actions=[action_json(ACTION_ID + 1, "start_server"), action_json(ACTION_ID + 2)],
        root_password="s3cret-pw",
    )


def assert_created(result: Any, sent: dict[str, Any]) -> None:
    assert isinstance(result, CreateServerResult)
    assert_server(result.server, sent["server"])
    assert_action(result.action, sent["action"])
    assert [a.id for a in result.next_actions] == [ACTION_ID + 1, ACTION_ID + 2]
    assert result.next_actions[0].command == "start_server"
    assert all(isinstance(a, Action) and a.is_bound for a in result.next_actions)
    assert result.root_password == "s3cret-pw"


def test_create_with_keywords(api: Api, recorder: Recorder) -> None:
    sent = create_reply(recorder)
    result = api.run(
        lambda c: c.servers.create(
            name="web-1",
            server_type="cx22",
            image="ubuntu-24.04",
            location="fsn1",
            start_after_create=False,
            placement_group=3,
            ssh_keys=["my-key"],
            volumes=[123],
            networks=[456],
            firewalls=[{"firewall": 38}],
            user_data="#cloud-config\n",
            labels={"env": "prod", "example.com/role": "web", "flag": ""},
            automount=False,
            public_net={"enable_ipv4": False, "enable_ipv6": True},
        )
    )
    assert_sent(
        recorder,
        "create_server",
        "/servers",
        body={
            "name": "web-1",
            "server_type": "cx22",
            "image": "ubuntu-24.04",
            "location": "fsn1",
            "start_after_create": False,
            "placement_group": 3,
            "ssh_keys": ["my-key"],
            "volumes": [123],
            "networks": [456],
            "firewalls": [{"firewall": 38}],
            "user_data": "#cloud-config\n",
            "labels": {"env": "prod", "example.com/role": "web", "flag": ""},
            "automount": False,
            "public_net": {"enable_ipv4": False, "enable_ipv6": True},
        },
    )
    assert_created(result, sent)


def test_create_with_only_the_required_fields(api: Api, recorder: Recorder) -> None:
    sent = create_reply(recorder)
    result = api.run(lambda c: c.servers.create(name="web-1", server_type="cx22", image=114690387))
    assert_sent(
        recorder,
        "create_server",
        "/servers",
        body={"name": "web-1", "server_type": "cx22", "image": 114690387},
        check_schema=False,  # the spec types image as a string; the API takes an id too
    )
    assert_created(result, sent)


def test_create_takes_objects_where_the_api_takes_ids(api: Api, recorder: Recorder) -> None:
    sent = create_reply(recorder)
    result = api.run(
        lambda c: c.servers.create(
            name="web-1",
            server_type=SimpleNamespace(id=22),
            image=SimpleNamespace(id=114690387),
            location=SimpleNamespace(id=1),
            ssh_keys=["my-key", 7, SimpleNamespace(id=8)],
            volumes=[SimpleNamespace(id=123), 124],
            networks=[SimpleNamespace(id=456)],
            placement_group=SimpleNamespace(id=3),
        )
    )
    assert_sent(
        recorder,
        "create_server",
        "/servers",
        body={
            "name": "web-1",
            "server_type": 22,
            "image": 114690387,
            "location": 1,
            "ssh_keys": ["my-key", 7, 8],
            "volumes": [123, 124],
            "networks": [456],
            "placement_group": 3,
        },
        check_schema=False,  # the spec types the "ID or name" fields as strings only
    )
    assert_created(result, sent)


@pytest.mark.parametrize(
    ("call", "action", "body"),
    [
        (
            lambda c: c.servers.change_type(
                42, server_type=SimpleNamespace(id=22), upgrade_disk=True
            ),
            "change_type",
            {"server_type": 22, "upgrade_disk": True},
        ),
        (
            lambda c: c.servers.rebuild(42, image=SimpleNamespace(id=5)),
            "rebuild",
            {"image": 5},
        ),
        (
            lambda c: c.servers.attach_iso(42, iso=SimpleNamespace(id=9)),
            "attach_iso",
            {"iso": 9},
        ),
        (
            lambda c: c.servers.enable_rescue(42, ssh_keys=[SimpleNamespace(id=8), 9]),
            "enable_rescue",
            {"ssh_keys": [8, 9]},
        ),
        (
            lambda c: c.servers.add_to_placement_group(42, placement_group=SimpleNamespace(id=3)),
            "add_to_placement_group",
            {"placement_group": 3},
        ),
        (
            lambda c: c.servers.attach_to_network(42, network=SimpleNamespace(id=4)),
            "attach_to_network",
            {"network": 4},
        ),
        (
            lambda c: c.servers.detach_from_network(42, network=SimpleNamespace(id=4)),
            "detach_from_network",
            {"network": 4},
        ),
        (
            lambda c: c.servers.change_alias_ips(42, network=SimpleNamespace(id=4), alias_ips=[]),
            "change_alias_ips",
            {"network": 4, "alias_ips": []},
        ),
    ],
    ids=lambda value: value if isinstance(value, str) else "",
)
def test_actions_take_objects_where_the_api_takes_ids(
    api: Api, recorder: Recorder, call: Callable[[Any], Any], action: str, body: dict[str, Any]
) -> None:
    reply = spec.example_reply(OPERATION_IDS[action])
    recorder.reply(reply, status=201)
    api.run(call)
    assert recorder.last.method == "POST"
    assert recorder.last.url.path == f"/v1/servers/42/actions/{action}"
    assert recorder.body() == body
    assert len(recorder.requests) == 1


def test_create_with_a_model(api: Api, recorder: Recorder) -> None:
    sent = create_reply(recorder)
    payload = ServerCreate(name="web-1", server_type="cx22", image="ubuntu-24.04")
    result = api.run(lambda c: c.servers.create(payload))
    assert_sent(
        recorder,
        "create_server",
        "/servers",
        body={"name": "web-1", "server_type": "cx22", "image": "ubuntu-24.04"},
    )
    assert_created(result, sent)


def test_create_with_a_model_and_keywords(api: Api, recorder: Recorder) -> None:
    create_reply(recorder)
    payload = ServerCreate(name="web-1", server_type="cx22", image="ubuntu-24.04")
    api.run(lambda c: c.servers.create(payload, name="web-2", location="nbg1"))
    assert_sent(
        recorder,
        "create_server",
        "/servers",
        body={"name": "web-2", "server_type": "cx22", "image": "ubuntu-24.04", "location": "nbg1"},
    )
    assert payload.name == "web-1"  # the caller's model is left alone


def test_create_with_a_kebab_case_dict(api: Api, recorder: Recorder) -> None:
    sent = create_reply(recorder)
    result = api.run(
        lambda c: c.servers.create(
            {
                "name": "web-1",
                "server-type": "cx22",
                "image": "ubuntu-24.04",
                "start-after-create": False,
            }
        )
    )
    assert_sent(
        recorder,
        "create_server",
        "/servers",
        body={
            "name": "web-1",
            "server_type": "cx22",
            "image": "ubuntu-24.04",
            "start_after_create": False,
        },
    )
    assert_created(result, sent)


def test_create_with_nested_kebab_case_keys(api: Api, recorder: Recorder) -> None:
    create_reply(recorder)
    api.run(
        lambda c: c.servers.create(
            {
                "name": "web-1",
                "server-type": "cx22",
                "image": "ubuntu-24.04",
                "public-net": {"enable-ipv4": False},
            }
        )
    )
    assert_sent(
        recorder,
        "create_server",
        "/servers",
        body={
            "name": "web-1",
            "server_type": "cx22",
            "image": "ubuntu-24.04",
            "public_net": {"enable_ipv4": False},
        },
    )


def test_create_with_a_dict_and_overriding_keywords(api: Api, recorder: Recorder) -> None:
    create_reply(recorder)
    payload = {"name": "web-1", "server-type": "cx22", "image": "ubuntu-24.04", "location": "fsn1"}
    api.run(
        lambda c: c.servers.create(payload, name="web-2", server_type="cx32", labels={"a": "b"})
    )
    assert_sent(
        recorder,
        "create_server",
        "/servers",
        body={
            "name": "web-2",
            "server_type": "cx32",
            "image": "ubuntu-24.04",
            "location": "fsn1",
            "labels": {"a": "b"},
        },
    )
    assert payload["name"] == "web-1"  # the caller's dict is left alone


def test_create_accepts_user_data_of_exactly_32_kib(api: Api, recorder: Recorder) -> None:
    create_reply(recorder)
    user_data = "x" * USER_DATA_MAX_BYTES
    api.run(
        lambda c: c.servers.create(
            name="web-1", server_type="cx22", image="ubuntu-24.04", user_data=user_data
        )
    )
    assert len(recorder.requests) == 1
    assert recorder.body()["user_data"] == user_data


def test_created_server_is_usable(api: Api, recorder: Recorder) -> None:
    create_reply(recorder)
    result = api.run(lambda c: c.servers.create(name="web-1", server_type="cx22", image="x"))
    reply(recorder, "poweron_server")
    action = api.run(lambda c: result.server.power_on())
    assert recorder.path() == f"/servers/{SERVER_ID}/actions/poweron"
    assert action.is_bound


# --- update, delete, metrics ---------------------------------------------------------


def test_update(api: Api, recorder: Recorder) -> None:
    sent = reply(recorder, "update_server", server=server_json(name="web-2"))
    server = api.run(lambda c: c.servers.update(SERVER_ID, name="web-2", labels={"env": "staging"}))
    assert_sent(
        recorder,
        "update_server",
        f"/servers/{SERVER_ID}",
        body={"name": "web-2", "labels": {"env": "staging"}},
    )
    assert_server(server, sent["server"])
    assert server.name == "web-2"


def test_update_from_a_mapping_with_keyword_override(api: Api, recorder: Recorder) -> None:
    reply(recorder, "update_server")
    api.run(lambda c: c.servers.update(SERVER_ID, {"name": "a", "labels": {}}, name="web-3"))
    assert_sent(
        recorder, "update_server", f"/servers/{SERVER_ID}", body={"name": "web-3", "labels": {}}
    )


def test_update_labels_only(api: Api, recorder: Recorder) -> None:
    reply(recorder, "update_server")
    api.run(lambda c: c.servers.update(SERVER_ID, labels={"env": "prod"}))
    assert_sent(
        recorder, "update_server", f"/servers/{SERVER_ID}", body={"labels": {"env": "prod"}}
    )


def test_metrics(api: Api, recorder: Recorder) -> None:
    reply(recorder, "get_server_metrics")
    metrics = api.run(
        lambda c: c.servers.metrics(
            SERVER_ID, type=["cpu", "network"], start=START, end=END, step=60
        )
    )
    assert_sent(
        recorder,
        "get_server_metrics",
        f"/servers/{SERVER_ID}/metrics",
        [
            ("type", "cpu"),
            ("type", "network"),
            ("start", "2024-05-01T12:00:00+00:00"),
            ("end", "2024-05-01T13:00:00+00:00"),
            ("step", "60"),
        ],
    )
    # A literal '+' in a query string reads as a space: the offset must be escaped.
    assert b"+" not in recorder.last.url.query
    for name in ("start", "end"):
        value = dict(recorder.query())[name]
        assert datetime.fromisoformat(value).tzinfo is not None
    assert isinstance(metrics, ServerMetrics)
    assert metrics.start == datetime(2024, 5, 1, 12, 0, tzinfo=timezone.utc)
    assert metrics.end == datetime(2024, 5, 1, 13, 0, tzinfo=timezone.utc)
    assert metrics.step == 60
    assert metrics.time_series["cpu"].values == [(1714564800.0, "12.5"), (1714564860.0, "13.25")]
    assert metrics.time_series["network.0.bandwidth.in"].values == [(1714564800.0, "1024")]


def test_metrics_with_one_type_and_another_timezone(api: Api, recorder: Recorder) -> None:
    reply(recorder, "get_server_metrics")
    cest = timezone(timedelta(hours=2))
    start = datetime(2024, 5, 1, 14, 0, tzinfo=cest)
    api.run(
        lambda c: c.servers.metrics(
            SERVER_ID, type="disk", start=start, end=start + timedelta(minutes=30)
        )
    )
    assert_sent(
        recorder,
        "get_server_metrics",
        f"/servers/{SERVER_ID}/metrics",
        [
            ("type", "disk"),
            ("start", "2024-05-01T14:00:00+02:00"),
            ("end", "2024-05-01T14:30:00+02:00"),
        ],
    )


@pytest.mark.parametrize(
    ("start", "end", "step", "message"),
    [
        pytest.param(START, START, None, "end", id="end-equals-start"),
        pytest.param(END, START, None, "end", id="end-before-start"),
        pytest.param(START, END, 0, "step", id="step-zero"),
        pytest.param(START.replace(tzinfo=None), END, None, "timezone", id="naive-start"),
        pytest.param(START, END.replace(tzinfo=None), None, "timezone", id="naive-end"),
    ],
)
def test_bad_metrics_span_is_refused_before_sending(
    api: Api, recorder: Recorder, start: datetime, end: datetime, step: int | None, message: str
) -> None:
    with pytest.raises(ValueError, match=message):
        api.run(lambda c: c.servers.metrics(SERVER_ID, type="cpu", start=start, end=end, step=step))
    assert len(recorder.requests) == 0


# --- actions without a body -----------------------------------------------------------

NO_BODY_ACTIONS = [
    ("power_on", "poweron"),
    ("power_off", "poweroff"),
    ("shutdown", "shutdown"),
    ("reboot", "reboot"),
    ("reset", "reset"),
    ("disable_rescue", "disable_rescue"),
    ("enable_backup", "enable_backup"),
    ("disable_backup", "disable_backup"),
    ("detach_iso", "detach_iso"),
    ("remove_from_placement_group", "remove_from_placement_group"),
]


@pytest.mark.parametrize(("attr", "segment"), NO_BODY_ACTIONS)
def test_action_without_body(api: Api, recorder: Recorder, attr: str, segment: str) -> None:
    operation_id = op_id(attr)
    sent = reply(recorder, operation_id, action=action_json(command=f"{segment}_server"))
    action = api.run(lambda c: getattr(c.servers, attr)(SERVER_ID))
    assert_sent(recorder, operation_id, f"/servers/{SERVER_ID}/actions/{segment}")
    assert_action(action, sent["action"])
    assert action.command == f"{segment}_server"


# --- actions with a body returning an action ---------------------------------------

BODY_ACTIONS = [
    pytest.param(
        "change_type",
        "change_type",
        {"server_type": "cx32", "upgrade_disk": False},
        id="change_type",
    ),
    pytest.param("attach_iso", "attach_iso", {"iso": "FreeBSD-11.0-RELEASE-amd64-dvd1"}, id="iso"),
    pytest.param(
        "add_to_placement_group",
        "add_to_placement_group",
        {"placement_group": 9},
        id="add_to_placement_group",
    ),
    pytest.param(
        "attach_to_network",
        "attach_to_network",
        {"network": 4711, "ip": "10.0.1.5", "alias_ips": ["10.0.1.6"], "ip_range": "10.0.1.0/24"},
        id="attach_to_network",
    ),
    pytest.param(
        "attach_to_network", "attach_to_network", {"network": 4711}, id="attach_to_network-min"
    ),
    pytest.param(
        "detach_from_network",
        "detach_from_network",
        {"network": 4711},
        id="detach_from_network",
    ),
    pytest.param(
        "change_alias_ips",
        "change_alias_ips",
        {"network": 4711, "alias_ips": ["10.0.1.6", "10.0.1.7"]},
        id="change_alias_ips",
    ),
    pytest.param(
        "change_alias_ips",
        "change_alias_ips",
        {"network": 4711, "alias_ips": []},
        id="change_alias_ips-none",
    ),
    pytest.param(
        "change_protection", "change_protection", {"delete": False}, id="change_protection-one"
    ),
]


@pytest.mark.parametrize(("attr", "segment", "fields"), BODY_ACTIONS)
def test_action_with_body_from_keywords(
    api: Api, recorder: Recorder, attr: str, segment: str, fields: dict[str, Any]
) -> None:
    operation_id = op_id(attr)
    sent = reply(recorder, operation_id, action=action_json(command=f"{segment}_server"))
    action = api.run(lambda c: getattr(c.servers, attr)(SERVER_ID, **fields))
    assert_sent(recorder, operation_id, f"/servers/{SERVER_ID}/actions/{segment}", body=fields)
    assert_action(action, sent["action"])


@pytest.mark.parametrize(("attr", "segment", "fields"), BODY_ACTIONS)
def test_action_with_body_from_a_mapping(
    api: Api, recorder: Recorder, attr: str, segment: str, fields: dict[str, Any]
) -> None:
    operation_id = op_id(attr)
    sent = reply(recorder, operation_id)
    kebab = {key.replace("_", "-"): value for key, value in fields.items()}
    action = api.run(lambda c: getattr(c.servers, attr)(SERVER_ID, kebab))
    assert_sent(recorder, operation_id, f"/servers/{SERVER_ID}/actions/{segment}", body=fields)
    assert_action(action, sent["action"])


def test_enable_backup_with_a_window(api: Api, recorder: Recorder) -> None:
    sent = reply(recorder, "enable_server_backup")
    action = api.run(lambda c: c.servers.enable_backup(SERVER_ID, backup_window="02-06"))
    assert_sent(
        recorder,
        "enable_server_backup",
        f"/servers/{SERVER_ID}/actions/enable_backup",
        body={"backup_window": "02-06"},
        check_schema=False,  # the current spec documents no body here
    )
    assert spec.request_schema("enable_server_backup") is None
    assert_action(action, sent["action"])


def test_enable_backup_with_a_window_in_a_mapping(api: Api, recorder: Recorder) -> None:
    reply(recorder, "enable_server_backup")
    api.run(lambda c: c.servers.enable_backup(SERVER_ID, {"backup-window": "22-02"}))
    assert_sent(
        recorder,
        "enable_server_backup",
        f"/servers/{SERVER_ID}/actions/enable_backup",
        body={"backup_window": "22-02"},
        check_schema=False,
    )


def test_change_type_accepts_a_server_type_id(api: Api, recorder: Recorder) -> None:
    reply(recorder, "change_server_type")
    api.run(lambda c: c.servers.change_type(SERVER_ID, server_type=22, upgrade_disk=True))
    assert_sent(
        recorder,
        "change_server_type",
        f"/servers/{SERVER_ID}/actions/change_type",
        body={"server_type": 22, "upgrade_disk": True},
        check_schema=False,  # the spec types server_type as a string; the API takes an id too
    )


# --- actions with their own reply -----------------------------------------------------


def test_rebuild(api: Api, recorder: Recorder) -> None:
    sent = reply(
        recorder,
        "rebuild_server",
        root_password="new-pw",
        action=action_json(command="rebuild_server"),
    )
    result = api.run(
        lambda c: c.servers.rebuild(SERVER_ID, image="ubuntu-24.04", user_data="#cloud-config\n")
    )
    assert_sent(
        recorder,
        "rebuild_server",
        f"/servers/{SERVER_ID}/actions/rebuild",
        body={"image": "ubuntu-24.04", "user_data": "#cloud-config\n"},
    )
    assert isinstance(result, RebuildServerResult)
    assert result.root_password == "new-pw"
    assert_action(result.action, sent["action"])


def test_rebuild_from_a_mapping_without_password_in_reply(api: Api, recorder: Recorder) -> None:
    sent = reply(recorder, "rebuild_server", root_password=None)
    result = api.run(lambda c: c.servers.rebuild(SERVER_ID, {"image": "debian-12"}))
    assert_sent(
        recorder,
        "rebuild_server",
        f"/servers/{SERVER_ID}/actions/rebuild",
        body={"image": "debian-12"},
    )
    assert isinstance(result, RebuildServerResult)
    assert result.root_password is None
    assert_action(result.action, sent["action"])


def test_enable_rescue(api: Api, recorder: Recorder) -> None:
    sent = reply(recorder, "enable_server_rescue", root_password="rescue-pw")
    result = api.run(lambda c: c.servers.enable_rescue(SERVER_ID, type="linux64", ssh_keys=[2323]))
    assert_sent(
        recorder,
        "enable_server_rescue",
        f"/servers/{SERVER_ID}/actions/enable_rescue",
        body={"type": "linux64", "ssh_keys": [2323]},
    )
    assert isinstance(result, EnableRescueResult)
    assert result.root_password == "rescue-pw"
    assert_action(result.action, sent["action"])


def test_enable_rescue_without_arguments_sends_an_empty_object(
    api: Api, recorder: Recorder
) -> None:
    reply(recorder, "enable_server_rescue")
    api.run(lambda c: c.servers.enable_rescue(SERVER_ID))
    assert_sent(
        recorder, "enable_server_rescue", f"/servers/{SERVER_ID}/actions/enable_rescue", body={}
    )


def test_create_image(api: Api, recorder: Recorder) -> None:
    image = spec.example_reply("get_image")["image"]
    image.update(id=99, description="nightly", status="creating")
    sent = reply(recorder, "create_server_image", image=image)
    result = api.run(
        lambda c: c.servers.create_image(
            SERVER_ID, description="nightly", type="snapshot", labels={"env": "prod"}
        )
    )
    assert_sent(
        recorder,
        "create_server_image",
        f"/servers/{SERVER_ID}/actions/create_image",
        body={"description": "nightly", "type": "snapshot", "labels": {"env": "prod"}},
    )
    assert isinstance(result, CreateImageResult)
    assert isinstance(result.image, Image)
    assert result.image.id == 99
    assert result.image.description == "nightly"
    assert result.image.status == "creating"
    assert result.image.is_bound
    assert_action(result.action, sent["action"])


def test_create_image_from_a_mapping(api: Api, recorder: Recorder) -> None:
    reply(recorder, "create_server_image")
    api.run(lambda c: c.servers.create_image(SERVER_ID, {"type": "backup"}, description="b"))
    assert_sent(
        recorder,
        "create_server_image",
        f"/servers/{SERVER_ID}/actions/create_image",
        body={"type": "backup", "description": "b"},
    )


def test_reset_password(api: Api, recorder: Recorder) -> None:
    sent = reply(recorder, "reset_server_password", root_password="fresh-pw")
    result = api.run(lambda c: c.servers.reset_password(SERVER_ID))
    assert_sent(recorder, "reset_server_password", f"/servers/{SERVER_ID}/actions/reset_password")
    assert isinstance(result, ResetPasswordResult)
    assert result.root_password == "fresh-pw"
    assert_action(result.action, sent["action"])


def test_request_console(api: Api, recorder: Recorder) -> None:
    sent = reply(
        recorder,
        "request_server_console",
        wss_url="wss://console.hetzner.cloud/?server_id=4711&token=abc",
        password="vnc-pw",
    )
    result = api.run(lambda c: c.servers.request_console(SERVER_ID))
    assert_sent(recorder, "request_server_console", f"/servers/{SERVER_ID}/actions/request_console")
    assert isinstance(result, RequestConsoleResult)
    assert result.wss_url == "wss://console.hetzner.cloud/?server_id=4711&token=abc"
    assert result.password == "vnc-pw"
    assert_action(result.action, sent["action"])


# --- payload rules are checked before sending ---------------------------------------

REQUIRED = {"server_type": "cx22", "image": "ubuntu-24.04"}


@pytest.mark.parametrize(
    ("call", "loc"),
    [
        pytest.param(
            lambda c: c.servers.create(name="web_1", **REQUIRED), ("name",), id="name-underscore"
        ),
        pytest.param(
            lambda c: c.servers.create(name="-web", **REQUIRED), ("name",), id="name-leading-dash"
        ),
        pytest.param(
            lambda c: c.servers.create(name="web-", **REQUIRED), ("name",), id="name-trailing-dash"
        ),
        pytest.param(
            lambda c: c.servers.create(name="a" * 64, **REQUIRED), ("name",), id="name-64-label"
        ),
        pytest.param(
            lambda c: c.servers.create(name="a" * 64 + ".example.com", **REQUIRED),
            ("name",),
            id="name-64-label-dotted",
        ),
        pytest.param(
            lambda c: c.servers.create(name="web..1", **REQUIRED), ("name",), id="name-empty-label"
        ),
        pytest.param(
            lambda c: c.servers.create({"name": "web_1", **REQUIRED}),
            ("name",),
            id="name-in-mapping",
        ),
        pytest.param(
            lambda c: c.servers.create(
                name="web-1", user_data="x" * (USER_DATA_MAX_BYTES + 1), **REQUIRED
            ),
            ("user_data",),
            id="user_data-too-big",
        ),
        pytest.param(
            lambda c: c.servers.create(
                name="web-1", user_data="\u00e9" * (USER_DATA_MAX_BYTES // 2 + 1), **REQUIRED
            ),
            ("user_data",),
            id="user_data-too-big-in-utf8",
        ),
        pytest.param(
            lambda c: c.servers.create(name="web-1", labels={"hetzner.cloud/x": "y"}, **REQUIRED),
            ("labels",),
            id="label-reserved-prefix",
        ),
        pytest.param(
            lambda c: c.servers.create(name="web-1", labels={"env": "not valid!"}, **REQUIRED),
            ("labels",),
            id="label-bad-value",
        ),
        pytest.param(
            lambda c: c.servers.create(name="web-1", server_type="cx22"),
            ("image",),
            id="create-missing-image",
        ),
        pytest.param(
            lambda c: c.servers.create({"name": "web-1", "server-type": "cx22"}),
            ("image",),
            id="create-missing-image-mapping",
        ),
        pytest.param(
            lambda c: c.servers.create(name="web-1", image="x"),
            ("server_type",),
            id="create-missing-server_type",
        ),
        pytest.param(
            lambda c: c.servers.create({"name": "web-1", "nmae": "typo", **REQUIRED}),
            ("nmae",),
            id="create-unknown-key",
        ),
        pytest.param(
            lambda c: c.servers.create(
                name="web-1", location="fsn1", datacenter="fsn1-dc14", **REQUIRED
            ),
            ("datacenter",),
            id="create-location-and-datacenter",
        ),
        pytest.param(
            lambda c: c.servers.update(SERVER_ID, name="web_1"), ("name",), id="update-bad-name"
        ),
        pytest.param(
            lambda c: c.servers.update(SERVER_ID, labels={"hetzner.cloud/x": "y"}),
            ("labels",),
            id="update-reserved-label",
        ),
        pytest.param(
            lambda c: c.servers.rebuild(SERVER_ID, image="x", user_data="x" * 40000),
            ("user_data",),
            id="rebuild-user_data-too-big",
        ),
        pytest.param(lambda c: c.servers.rebuild(SERVER_ID), ("image",), id="rebuild-no-image"),
        pytest.param(
            lambda c: c.servers.enable_backup(SERVER_ID, backup_window="01-05"),
            ("backup_window",),
            id="backup_window",
        ),
        pytest.param(
            lambda c: c.servers.enable_rescue(SERVER_ID, type="linux128"),
            ("type",),
            id="rescue-type",
        ),
        pytest.param(
            lambda c: c.servers.change_protection(SERVER_ID, delete=True, rebuild=False),
            ("rebuild",),
            id="protection-unequal",
        ),
        pytest.param(
            lambda c: c.servers.change_type(SERVER_ID, server_type="cx32"),
            ("upgrade_disk",),
            id="change_type-no-upgrade_disk",
        ),
        pytest.param(lambda c: c.servers.attach_iso(SERVER_ID), ("iso",), id="attach_iso-no-iso"),
        pytest.param(
            lambda c: c.servers.attach_to_network(
                SERVER_ID, network=1, ip="10.0.2.5", ip_range="10.0.1.0/24"
            ),
            ("ip_range",),
            id="attach_to_network-ip-outside-range",
        ),
        pytest.param(
            lambda c: c.servers.attach_to_network(SERVER_ID, network=1, alias_ips=["nope"]),
            ("alias_ips",),
            id="attach_to_network-bad-alias",
        ),
        pytest.param(
            lambda c: c.servers.change_alias_ips(SERVER_ID, network=1),
            ("alias_ips",),
            id="change_alias_ips-missing",
        ),
        pytest.param(
            lambda c: c.servers.add_to_placement_group(SERVER_ID),
            ("placement_group",),
            id="placement_group-missing",
        ),
        pytest.param(
            lambda c: c.servers.create_image(SERVER_ID, type="system"),
            ("type",),
            id="create_image-type",
        ),
    ],
)
def test_invalid_payload_is_refused_before_sending(
    api: Api, recorder: Recorder, call: Callable[[Any], Any], loc: tuple[str, ...]
) -> None:
    with pytest.raises(pydantic.ValidationError) as caught:
        api.run(call)
    assert caught.value.errors()[0]["loc"] == loc
    assert len(recorder.requests) == 0


# --- servers given as objects; bound servers -----------------------------------------

# Every endpoint that takes the server first: (resource attribute, extra args, keywords).
SERVER_CALLS = [
    pytest.param("metrics", (), {"type": "cpu", "start": START, "end": END}, id="metrics"),
    pytest.param("power_on", (), {}, id="power_on"),
    pytest.param("power_off", (), {}, id="power_off"),
    pytest.param("shutdown", (), {}, id="shutdown"),
    pytest.param("reboot", (), {}, id="reboot"),
    pytest.param("reset", (), {}, id="reset"),
    pytest.param("rebuild", (), {"image": "ubuntu-24.04"}, id="rebuild"),
    pytest.param("change_type", (), {"server_type": "cx32", "upgrade_disk": True}, id="type"),
    pytest.param("enable_rescue", (), {"type": "linux64"}, id="enable_rescue"),
    pytest.param("disable_rescue", (), {}, id="disable_rescue"),
    pytest.param("enable_backup", (), {}, id="enable_backup"),
    pytest.param("disable_backup", (), {}, id="disable_backup"),
    pytest.param("attach_iso", (), {"iso": "virtio-win"}, id="attach_iso"),
    pytest.param("detach_iso", (), {}, id="detach_iso"),
    pytest.param("create_image", (), {"description": "x"}, id="create_image"),
    pytest.param("reset_password", (), {}, id="reset_password"),
    pytest.param("request_console", (), {}, id="request_console"),
    pytest.param("add_to_placement_group", (), {"placement_group": 9}, id="add_to_pg"),
    pytest.param("remove_from_placement_group", (), {}, id="remove_from_pg"),
    pytest.param("attach_to_network", (), {"network": 1}, id="attach_to_network"),
    pytest.param("detach_from_network", (), {"network": 1}, id="detach_from_network"),
    pytest.param(
        "change_alias_ips", (), {"network": 1, "alias_ips": ["10.0.0.3"]}, id="change_alias_ips"
    ),
]


def assert_same_request(recorder: Recorder) -> None:
    first, second = recorder.requests
    assert second.method == first.method
    assert second.url == first.url
    assert second.content == first.content
    assert second.headers.get("content-type") == first.headers.get("content-type")


def assert_result_bound(result: Any) -> None:
    if isinstance(result, Page):
        assert all(item.is_bound for item in result)
    elif isinstance(result, ServerMetrics):
        pass  # plain data, nothing to bind
    elif isinstance(result, (Server, Action)):
        assert result.is_bound
    else:
        assert result.action.is_bound


@pytest.mark.parametrize(("attr", "args", "kwargs"), SERVER_CALLS)
def test_a_server_object_gives_the_same_request_as_its_id(
    api: Api, recorder: Recorder, attr: str, args: tuple[Any, ...], kwargs: dict[str, Any]
) -> None:
    server = fetch_server(api)
    reply(recorder, op_id(attr))
    by_id = api.run(lambda c: getattr(c.servers, attr)(SERVER_ID, *args, **kwargs))
    reply(recorder, op_id(attr))
    by_object = api.run(lambda c: getattr(c.servers, attr)(server, *args, **kwargs))
    assert len(recorder.requests) == 2
    assert recorder.path(0).startswith(f"/servers/{SERVER_ID}")
    assert_same_request(recorder)
    assert by_object == by_id


@pytest.mark.parametrize(("attr", "args", "kwargs"), SERVER_CALLS)
def test_bound_methods_send_what_the_resource_sends(
    api: Api, recorder: Recorder, attr: str, args: tuple[Any, ...], kwargs: dict[str, Any]
) -> None:
    server = fetch_server(api)
    method = "reload" if attr == "get" else attr
    reply(recorder, op_id(attr))
    expected = api.run(lambda c: getattr(c.servers, attr)(SERVER_ID, *args, **kwargs))
    reply(recorder, op_id(attr))
    result = api.run(lambda c: getattr(server, method)(*args, **kwargs))
    assert len(recorder.requests) == 2
    assert_same_request(recorder)
    assert type(result) is type(expected)
    assert result == expected
    assert_result_bound(result)


def test_bound_methods_named_in_the_brief(api: Api, recorder: Recorder) -> None:
    server = fetch_server(api)
    reply(recorder, "poweroff_server")
    api.run(lambda c: server.power_off())
    reply(recorder, "rebuild_server")
    api.run(lambda c: server.rebuild(image="ubuntu-24.04"))
    reply(recorder, "update_server")
    api.run(lambda c: server.update(name="x"))
    reply(recorder, "delete_server")
    api.run(lambda c: server.delete())
    reply(recorder, "list_server_actions")
    api.run(lambda c: server.actions())
    reply(recorder, "get_server")
    fresh = api.run(lambda c: server.reload())
    reply(recorder, "get_server_metrics")
    api.run(lambda c: server.metrics(type=["cpu", "disk"], start=START, end=END, step=30))
    reply(recorder, "change_server_protection")
    api.run(lambda c: server.change_protection(delete=True, rebuild=True))
    base = f"/servers/{SERVER_ID}"
    sent = [
        (r.method, recorder.path(i), recorder.query(i), recorder.body(i))
        for i, r in enumerate(recorder.requests)
    ]
    assert sent == [
        ("POST", f"{base}/actions/poweroff", [], None),
        ("POST", f"{base}/actions/rebuild", [], {"image": "ubuntu-24.04"}),
        ("PUT", base, [], {"name": "x"}),
        ("DELETE", base, [], None),
        ("GET", f"{base}/actions", [], None),
        ("GET", base, [], None),
        (
            "GET",
            f"{base}/metrics",
            [
                ("type", "cpu"),
                ("type", "disk"),
                ("start", START.isoformat()),
                ("end", END.isoformat()),
                ("step", "30"),
            ],
            None,
        ),
        ("POST", f"{base}/actions/change_protection", [], {"delete": True, "rebuild": True}),
    ]
    assert fresh is not server
    assert fresh.is_bound


@pytest.mark.parametrize("bad", [True, "4711", 47.11, None])
def test_a_server_that_is_not_an_id_is_refused(api: Api, recorder: Recorder, bad: Any) -> None:
    with pytest.raises(TypeError):
        api.run(lambda c: c.servers.power_off(bad))
    assert len(recorder.requests) == 0
