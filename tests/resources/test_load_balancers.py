"""``client.load_balancers`` and bound Load Balancers: requests, replies, payload rules."""

from __future__ import annotations

import copy
from collections.abc import Callable
from datetime import datetime, timedelta, timezone
from types import SimpleNamespace
from typing import Any

import pydantic
import pytest

from hcloud_models.errors import APIError
from hcloud_models.models.actions import Action
from hcloud_models.models.load_balancers import (
    CreateLoadBalancerResult,
    LoadBalancer,
    LoadBalancerAddService,
    LoadBalancerAddTarget,
    LoadBalancerIPTarget,
    LoadBalancerLabelSelectorTarget,
    LoadBalancerMetrics,
    LoadBalancerOtherTarget,
    LoadBalancerServerTarget,
    LoadBalancerServiceHTTP,
    LoadBalancerServiceHTTPS,
    LoadBalancerServiceOther,
    LoadBalancerServiceTCP,
)
from hcloud_models.models.page import Page
from tests import spec
from tests.conftest import Api, Recorder
from tests.helpers import (
    assert_bound_matches_resource,
    assert_sent,
    refused_before_sending_test,
    reply_to,
)

START = datetime(2024, 5, 1, 12, 0, tzinfo=timezone.utc)
END = START + timedelta(hours=1)

TCP_CHECK = {"protocol": "tcp", "port": 8080, "interval": 15, "timeout": 10, "retries": 3}
HTTP_CHECK = {**TCP_CHECK, "protocol": "http", "http": {"path": "/health"}}


def assert_action(action: Any) -> None:
    assert isinstance(action, Action)
    assert action.id == 42
    assert action.is_bound


def lb_json() -> dict[str, Any]:
    """A Load Balancer with one service and one target of every shape."""
    lb: dict[str, Any] = spec.example_reply("get_load_balancer")["load_balancer"]
    check = {**TCP_CHECK}
    http_check = {
        **TCP_CHECK,
        "protocol": "http",
        "http": {
            "domain": None,
            "path": "/",
            "response": "",
            "status_codes": ["2??"],
            "tls": False,
        },
    }
    http = {"cookie_name": "HCLBSTICKY", "cookie_lifetime": 300, "timeout_idle": 50}
    lb["services"] = [
        {
            "protocol": "tcp",
            "listen_port": 22,
            "destination_port": 22,
            "proxyprotocol": True,
            "health_check": check,
        },
        {
            "protocol": "http",
            "listen_port": 80,
            "destination_port": 8080,
            "proxyprotocol": False,
            "health_check": http_check,
            "http": {**http, "sticky_sessions": True},
        },
        {
            "protocol": "https",
            "listen_port": 443,
            "destination_port": 8080,
            "proxyprotocol": False,
            "health_check": check,
            "http": {**http, "sticky_sessions": False, "certificates": [7], "redirect_http": True},
        },
    ]
    health = [{"listen_port": 80, "status": "healthy"}]
    lb["targets"] = [
        {
            "type": "server",
            "server": {"id": 5, "ip": "198.51.100.5"},
            "health_status": health,
            "use_private_ip": True,
        },
        {
            "type": "label_selector",
            "label_selector": {"selector": "env=prod"},
            "targets": [
                {
                    "type": "server",
                    "server": {"id": 6, "ip": "198.51.100.6"},
                    "health_status": health,
                    "use_private_ip": False,
                }
            ],
            "use_private_ip": False,
        },
        {"type": "ip", "ip": {"ip": "203.0.113.9"}, "health_status": health},
    ]
    return lb


def reply_lb(recorder: Recorder, operation_id: str, **changes: Any) -> dict[str, Any]:
    body: dict[str, Any] = spec.example_reply(operation_id)
    if "load_balancer" in body:
        body["load_balancer"] = lb_json()
    if "load_balancers" in body:
        body["load_balancers"] = [lb_json()]
    body.update(changes)
    spec.validate(body, spec.reply_schema(operation_id))
    _, _, op = spec.operations()[operation_id]
    status = next(int(s) for s in op["responses"] if s.startswith("2"))
    recorder.reply(body, status=status)
    return body


# --- the Load Balancer itself -------------------------------------------------


def test_list(api: Api, recorder: Recorder) -> None:
    reply_lb(recorder, "list_load_balancers")
    page = api.run(
        lambda c: c.load_balancers.list(
            name="web", label_selector="env=prod", sort=["name:asc", "id"], page=2, per_page=10
        )
    )
    assert_sent(
        recorder,
        "list_load_balancers",
        "/load_balancers",
        [
            ("name", "web"),
            ("label_selector", "env=prod"),
            ("sort", "name:asc"),
            ("sort", "id"),
            ("page", "2"),
            ("per_page", "10"),
        ],
    )
    assert isinstance(page, Page)
    assert len(page) == 1
    assert isinstance(page[0], LoadBalancer)
    assert page[0].is_bound


def test_get_reads_every_service_and_target_shape(api: Api, recorder: Recorder) -> None:
    reply_lb(recorder, "get_load_balancer")
    lb = api.run(lambda c: c.load_balancers.get(42))
    assert_sent(recorder, "get_load_balancer", "/load_balancers/42")
    assert isinstance(lb, LoadBalancer)
    assert lb.is_bound
    assert lb.location.name == "fsn1"
    assert lb.location.is_bound
    assert lb.load_balancer_type.name == "lb11"
    assert lb.load_balancer_type.is_bound
    assert lb.algorithm.type == "round_robin"
    assert lb.public_net.ipv4.ip == "1.2.3.4"

    tcp, http, https = lb.services
    assert isinstance(tcp, LoadBalancerServiceTCP)
    assert tcp.proxyprotocol is True
    assert tcp.health_check.http is None
    assert isinstance(http, LoadBalancerServiceHTTP)
    assert http.http.sticky_sessions is True
    assert http.health_check.http is not None
    assert http.health_check.http.status_codes == ["2??"]
    assert isinstance(https, LoadBalancerServiceHTTPS)
    assert https.http.certificates == [7]
    assert https.http.redirect_http is True

    server, selector, ip = lb.targets
    assert isinstance(server, LoadBalancerServerTarget)
    assert server.server.id == 5
    assert server.health_status[0].status == "healthy"
    assert isinstance(selector, LoadBalancerLabelSelectorTarget)
    assert selector.label_selector.selector == "env=prod"
    assert selector.targets[0].server.id == 6
    assert isinstance(ip, LoadBalancerIPTarget)
    assert ip.ip.ip == "203.0.113.9"


def test_unknown_protocols_and_target_types_are_kept() -> None:
    data = lb_json()
    data["services"][0]["protocol"] = "quic"
    data["targets"].append({"type": "vswitch", "vswitch": {"id": 3}})
    data["algorithm"]["type"] = "random"
    lb = LoadBalancer.model_validate(data)
    assert isinstance(lb.services[0], LoadBalancerServiceOther)
    assert lb.services[0].protocol == "quic"
    other = lb.targets[-1]
    assert isinstance(other, LoadBalancerOtherTarget)
    assert other.type == "vswitch"
    assert lb.algorithm.type == "random"


def test_a_known_protocol_with_a_wrong_shape_fails() -> None:
    data = lb_json()
    del data["services"][2]["http"]["certificates"]
    with pytest.raises(pydantic.ValidationError, match="certificates"):
        LoadBalancer.model_validate(data)


def test_create_with_services_targets_and_network(api: Api, recorder: Recorder) -> None:
    reply_lb(recorder, "create_load_balancer")
    result = api.run(
        lambda c: c.load_balancers.create(
            name="web",
            load_balancer_type=SimpleNamespace(id=1),
            location="fsn1",
            algorithm="least_connections",
            services=[
                {
                    "protocol": "http",
                    "listen_port": 80,
                    "destination_port": 8080,
                    "proxyprotocol": False,
                    "health_check": HTTP_CHECK,
                },
                LoadBalancerAddService(
                    protocol="https",
                    listen_port=443,
                    destination_port=8080,
                    proxyprotocol=False,
                    health_check=TCP_CHECK,  # type: ignore[arg-type]
                    http={"certificates": [7], "sticky_sessions": True},  # type: ignore[arg-type]
                ),
                {
                    "protocol": "tcp",
                    "listen_port": 22,
                    "destination_port": 22,
                    "proxyprotocol": True,
                    "health-check": TCP_CHECK,
                },
            ],
            targets=[
                {"server": SimpleNamespace(id=5), "use_private_ip": True},
                {"label_selector": "env=prod"},
                LoadBalancerAddTarget(type="ip", ip="203.0.113.9"),  # type: ignore[arg-type]
            ],
            labels={"env": "prod"},
            public_interface=True,
            network=SimpleNamespace(id=4),
        )
    )
    cookie = {"cookie_name": "HCLBSTICKY", "cookie_lifetime": 300, "timeout_idle": 50}
    assert_sent(
        recorder,
        "create_load_balancer",
        "/load_balancers",
        body={
            "name": "web",
            "load_balancer_type": "1",
            "location": "fsn1",
            "algorithm": {"type": "least_connections"},
            "services": [
                {
                    "protocol": "http",
                    "listen_port": 80,
                    "destination_port": 8080,
                    "proxyprotocol": False,
                    "health_check": {
                        **TCP_CHECK,
                        "protocol": "http",
                        "http": {"domain": None, "path": "/health"},
                    },
                    "http": {**cookie, "sticky_sessions": False},
                },
                {
                    "protocol": "https",
                    "listen_port": 443,
                    "destination_port": 8080,
                    "proxyprotocol": False,
                    "health_check": TCP_CHECK,
                    "http": {
                        **cookie,
                        "certificates": [7],
                        "redirect_http": False,
                        "sticky_sessions": True,
                    },
                },
                {
                    "protocol": "tcp",
                    "listen_port": 22,
                    "destination_port": 22,
                    "proxyprotocol": True,
                    "health_check": TCP_CHECK,
                },
            ],
            "targets": [
                {"type": "server", "server": {"id": 5}, "use_private_ip": True},
                {"type": "label_selector", "label_selector": {"selector": "env=prod"}},
                {"type": "ip", "ip": {"ip": "203.0.113.9"}},
            ],
            "labels": {"env": "prod"},
            "public_interface": True,
            "network": 4,
        },
    )
    assert isinstance(result, CreateLoadBalancerResult)
    assert isinstance(result.load_balancer, LoadBalancer)
    assert result.load_balancer.is_bound
    assert_action(result.action)


def test_create_in_a_network_zone(api: Api, recorder: Recorder) -> None:
    reply_lb(recorder, "create_load_balancer")
    api.run(
        lambda c: c.load_balancers.create(
            {"name": "web", "load-balancer-type": "lb11"}, network_zone="eu-central"
        )
    )
    assert_sent(
        recorder,
        "create_load_balancer",
        "/load_balancers",
        body={"name": "web", "load_balancer_type": "lb11", "network_zone": "eu-central"},
    )


def test_create_with_both_location_and_network_zone(api: Api, recorder: Recorder) -> None:
    reply_lb(recorder, "create_load_balancer")
    api.run(
        lambda c: c.load_balancers.create(
            name="web", load_balancer_type="lb11", location="fsn1", network_zone="eu-central"
        )
    )
    assert_sent(
        recorder,
        "create_load_balancer",
        "/load_balancers",
        body={
            "name": "web",
            "load_balancer_type": "lb11",
            "location": "fsn1",
            "network_zone": "eu-central",
        },
    )


def test_update(api: Api, recorder: Recorder) -> None:
    reply_lb(recorder, "update_load_balancer")
    lb = api.run(lambda c: c.load_balancers.update(42, name="web-2", labels={}))
    assert_sent(
        recorder,
        "update_load_balancer",
        "/load_balancers/42",
        body={"name": "web-2", "labels": {}},
    )
    assert isinstance(lb, LoadBalancer)
    assert lb.is_bound


def test_delete_protected_raises(api: Api, recorder: Recorder) -> None:
    recorder.error(423, "protected", "Load Balancer is protected")
    with pytest.raises(APIError) as caught:
        api.run(lambda c: c.load_balancers.delete(42))
    assert caught.value.code == "protected"
    assert len(recorder.requests) == 1


METRICS = {
    "metrics": {
        "start": "2024-05-01T12:00:00Z",
        "end": "2024-05-01T13:00:00Z",
        "step": 60,
        "time_series": {
            "open_connections": {"values": [[1714564800.0, "12"], [1714564860.0, "14"]]},
            "bandwidth.in": {"values": [[1714564800.0, "1024"]]},
        },
    }
}


def test_metrics(api: Api, recorder: Recorder) -> None:
    spec.validate(METRICS, spec.reply_schema("get_load_balancer_metrics"))
    recorder.reply(copy.deepcopy(METRICS))
    metrics = api.run(
        lambda c: c.load_balancers.metrics(
            42, type=["open_connections", "bandwidth"], start=START, end=END, step=60
        )
    )
    assert_sent(
        recorder,
        "get_load_balancer_metrics",
        "/load_balancers/42/metrics",
        [
            ("type", "open_connections"),
            ("type", "bandwidth"),
            ("start", "2024-05-01T12:00:00+00:00"),
            ("end", "2024-05-01T13:00:00+00:00"),
            ("step", "60"),
        ],
    )
    assert b"+" not in recorder.last.url.query
    assert isinstance(metrics, LoadBalancerMetrics)
    assert metrics.start == START
    assert metrics.step == 60
    assert metrics.time_series["open_connections"].values == [
        (1714564800.0, "12"),
        (1714564860.0, "14"),
    ]


@pytest.mark.parametrize(
    ("start", "end", "step", "message"),
    [
        pytest.param(START, START, None, "end", id="end-equals-start"),
        pytest.param(START.replace(tzinfo=None), END, None, "timezone", id="naive-start"),
        pytest.param(START, END.replace(tzinfo=None), None, "timezone", id="naive-end"),
        pytest.param(START, END, 0, "step", id="zero-step"),
    ],
)
def test_metrics_arguments_are_checked_before_sending(
    api: Api, recorder: Recorder, start: datetime, end: datetime, step: int | None, message: str
) -> None:
    with pytest.raises(ValueError, match=message):
        api.run(
            lambda c: c.load_balancers.metrics(
                42, type="requests_per_second", start=start, end=end, step=step
            )
        )
    assert recorder.requests == []


# --- actions ------------------------------------------------------------------


ACTION_CALLS = [
    pytest.param(
        "add_load_balancer_service",
        lambda c: c.load_balancers.add_service(
            42,
            protocol="tcp",
            listen_port=5432,
            destination_port=5432,
            proxyprotocol=False,
            health_check=TCP_CHECK,
        ),
        "add_service",
        {
            "protocol": "tcp",
            "listen_port": 5432,
            "destination_port": 5432,
            "proxyprotocol": False,
            "health_check": TCP_CHECK,
        },
        id="add_service-tcp",
    ),
    pytest.param(
        "add_load_balancer_service",
        lambda c: c.load_balancers.add_service(
            42,
            {"protocol": "https", "listen_port": 443, "destination_port": 80},
            proxyprotocol=False,
            health_check=HTTP_CHECK,
            http={"certificates": [7], "redirect_http": True, "cookie_lifetime": 600},
        ),
        "add_service",
        {
            "protocol": "https",
            "listen_port": 443,
            "destination_port": 80,
            "proxyprotocol": False,
            "health_check": {
                **TCP_CHECK,
                "protocol": "http",
                "http": {"domain": None, "path": "/health"},
            },
            "http": {
                "cookie_name": "HCLBSTICKY",
                "cookie_lifetime": 600,
                "timeout_idle": 50,
                "certificates": [7],
                "redirect_http": True,
                "sticky_sessions": False,
            },
        },
        id="add_service-https",
    ),
    pytest.param(
        "update_load_balancer_service",
        lambda c: c.load_balancers.update_service(
            42,
            listen_port=443,
            health_check={**TCP_CHECK, "protocol": "http", "http": {"status_codes": ["200"]}},
            http={"certificates": [7, 8]},
        ),
        "update_service",
        {
            "listen_port": 443,
            "health_check": {**TCP_CHECK, "protocol": "http", "http": {"status_codes": ["200"]}},
            "http": {"certificates": [7, 8]},
        },
        id="update_service",
    ),
    pytest.param(
        "delete_load_balancer_service",
        lambda c: c.load_balancers.delete_service(42, listen_port=443),
        "delete_service",
        {"listen_port": 443},
        id="delete_service",
    ),
    pytest.param(
        "add_load_balancer_target",
        lambda c: c.load_balancers.add_target(
            42, server=SimpleNamespace(id=5), use_private_ip=True
        ),
        "add_target",
        {"type": "server", "server": {"id": 5}, "use_private_ip": True},
        id="add_target-server",
    ),
    pytest.param(
        "add_load_balancer_target",
        lambda c: c.load_balancers.add_target(42, type="label_selector", label_selector="env=prod"),
        "add_target",
        {"type": "label_selector", "label_selector": {"selector": "env=prod"}},
        id="add_target-label-selector",
    ),
    pytest.param(
        "add_load_balancer_target",
        lambda c: c.load_balancers.add_target(42, {"type": "ip", "ip": {"ip": "2001:db8::1"}}),
        "add_target",
        {"type": "ip", "ip": {"ip": "2001:db8::1"}},
        id="add_target-ip",
    ),
    pytest.param(
        "remove_load_balancer_target",
        lambda c: c.load_balancers.remove_target(42, server=5),
        "remove_target",
        {"type": "server", "server": {"id": 5}},
        id="remove_target-server",
    ),
    pytest.param(
        "remove_load_balancer_target",
        lambda c: c.load_balancers.remove_target(42, ip="203.0.113.9"),
        "remove_target",
        {"type": "ip", "ip": {"ip": "203.0.113.9"}},
        id="remove_target-ip",
    ),
    pytest.param(
        "change_load_balancer_algorithm",
        lambda c: c.load_balancers.change_algorithm(42, type="least_connections"),
        "change_algorithm",
        {"type": "least_connections"},
        id="change_algorithm",
    ),
    pytest.param(
        "change_load_balancer_type",
        lambda c: c.load_balancers.change_type(42, load_balancer_type="lb21"),
        "change_type",
        {"load_balancer_type": "lb21"},
        id="change_type",
    ),
    pytest.param(
        "change_load_balancer_type",
        lambda c: c.load_balancers.change_type(42, load_balancer_type=SimpleNamespace(id=3)),
        "change_type",
        {"load_balancer_type": "3"},
        id="change_type-by-object",
    ),
    pytest.param(
        "change_load_balancer_type",
        lambda c: c.load_balancers.change_type(42, {"load_balancer_type": 3}),
        "change_type",
        {"load_balancer_type": "3"},
        id="change_type-id-in-a-mapping",
    ),
    pytest.param(
        "attach_load_balancer_to_network",
        lambda c: c.load_balancers.attach_to_network(
            42, network=SimpleNamespace(id=4), ip="10.0.1.5", ip_range="10.0.1.0/24"
        ),
        "attach_to_network",
        {"network": 4, "ip": "10.0.1.5", "ip_range": "10.0.1.0/24"},
        id="attach_to_network",
    ),
    pytest.param(
        "detach_load_balancer_from_network",
        lambda c: c.load_balancers.detach_from_network(42, network=4),
        "detach_from_network",
        {"network": 4},
        id="detach_from_network",
    ),
    pytest.param(
        "enable_load_balancer_public_interface",
        lambda c: c.load_balancers.enable_public_interface(42),
        "enable_public_interface",
        None,
        id="enable_public_interface",
    ),
    pytest.param(
        "disable_load_balancer_public_interface",
        lambda c: c.load_balancers.disable_public_interface(42),
        "disable_public_interface",
        None,
        id="disable_public_interface",
    ),
]


@pytest.mark.parametrize(("operation_id", "call", "action", "body"), ACTION_CALLS)
def test_action(
    api: Api,
    recorder: Recorder,
    operation_id: str,
    call: Callable[[Any], Any],
    action: str,
    body: Any,
) -> None:
    reply_to(recorder, operation_id)
    result = api.run(call)
    assert_sent(recorder, operation_id, f"/load_balancers/42/actions/{action}", body=body)
    assert_action(result)


def test_add_service_conflict_raises(api: Api, recorder: Recorder) -> None:
    recorder.error(412, "source_port_already_used", "port 80 is taken")
    with pytest.raises(APIError) as caught:
        api.run(
            lambda c: c.load_balancers.add_service(
                42,
                protocol="tcp",
                listen_port=80,
                destination_port=80,
                proxyprotocol=False,
                health_check=TCP_CHECK,
            )
        )
    assert caught.value.code == "source_port_already_used"
    assert caught.value.status == 412


# --- payload rules are checked before sending ---------------------------------


def _service(**changes: Any) -> dict[str, Any]:
    service: dict[str, Any] = {
        "protocol": "tcp",
        "listen_port": 80,
        "destination_port": 80,
        "proxyprotocol": False,
        "health_check": TCP_CHECK,
    }
    service.update(changes)
    return service


test_invalid_payload_is_refused_before_sending = refused_before_sending_test(
    [
        pytest.param(
            lambda c: c.load_balancers.create(name="web", location="fsn1"),
            "load_balancer_type",
            id="create-no-type",
        ),
        pytest.param(
            lambda c: c.load_balancers.create(name="web", load_balancer_type="lb11"),
            "location",
            id="create-neither-location-nor-zone",
        ),
        pytest.param(
            lambda c: c.load_balancers.create(
                name=" web", load_balancer_type="lb11", location="fsn1"
            ),
            "name",
            id="create-name-whitespace",
        ),
        pytest.param(
            lambda c: c.load_balancers.create(
                name="web", load_balancer_type="lb11", location="fsn1", algorithm="random"
            ),
            "algorithm",
            id="create-unknown-algorithm",
        ),
        pytest.param(
            lambda c: c.load_balancers.create(
                name="web",
                load_balancer_type="lb11",
                location="fsn1",
                services=[_service(), _service(destination_port=81)],
            ),
            "services",
            id="create-same-port-twice",
        ),
        pytest.param(
            lambda c: c.load_balancers.update(42, labels={"hetzner.cloud/x": "y"}),
            "labels",
            id="update-reserved-label",
        ),
        pytest.param(
            lambda c: c.load_balancers.add_service(42, _service(protocol="udp")),
            "protocol",
            id="service-unknown-protocol",
        ),
        pytest.param(
            lambda c: c.load_balancers.add_service(42, _service(listen_port=70000)),
            "listen_port",
            id="service-port-out-of-range",
        ),
        pytest.param(
            lambda c: c.load_balancers.add_service(42, _service(health_check=None)),
            "health_check",
            id="service-no-health-check",
        ),
        pytest.param(
            lambda c: c.load_balancers.add_service(
                42, _service(health_check={**TCP_CHECK, "interval": 2})
            ),
            "interval",
            id="health-check-interval-too-short",
        ),
        pytest.param(
            lambda c: c.load_balancers.add_service(
                42, _service(health_check={**TCP_CHECK, "retries": 6})
            ),
            "retries",
            id="health-check-too-many-retries",
        ),
        pytest.param(
            lambda c: c.load_balancers.add_service(
                42, _service(health_check={**TCP_CHECK, "http": {"path": "/"}})
            ),
            "health_check",
            id="tcp-health-check-with-http",
        ),
        pytest.param(
            lambda c: c.load_balancers.add_service(
                42, _service(health_check={**TCP_CHECK, "protocol": "http"})
            ),
            "health_check",
            id="http-health-check-without-path",
        ),
        pytest.param(
            lambda c: c.load_balancers.add_service(42, _service(http={"sticky_sessions": True})),
            "http",
            id="tcp-service-with-http",
        ),
        pytest.param(
            lambda c: c.load_balancers.add_service(42, _service(protocol="https")),
            "http",
            id="https-without-certificates",
        ),
        pytest.param(
            lambda c: c.load_balancers.add_service(
                42, _service(protocol="http", http={"certificates": [7]})
            ),
            "certificates",
            id="http-with-certificates",
        ),
        pytest.param(
            lambda c: c.load_balancers.add_service(
                42, _service(protocol="http", http={"cookie_lifetime": 10})
            ),
            "cookie_lifetime",
            id="cookie-lifetime-too-short",
        ),
        pytest.param(
            lambda c: c.load_balancers.add_service(42, _service(extra=1)),
            "extra",
            id="service-unknown-key",
        ),
        pytest.param(
            lambda c: c.load_balancers.update_service(42, destination_port=81),
            "listen_port",
            id="update-service-no-listen-port",
        ),
        pytest.param(
            lambda c: c.load_balancers.update_service(
                42, listen_port=80, protocol="tcp", http={"sticky_sessions": True}
            ),
            "http",
            id="update-service-tcp-with-http",
        ),
        pytest.param(
            lambda c: c.load_balancers.update_service(
                42, listen_port=80, health_check={**TCP_CHECK, "timeout": 0}
            ),
            "timeout",
            id="update-service-timeout-zero",
        ),
        pytest.param(
            lambda c: c.load_balancers.update_service(
                42, listen_port=80, health_check={"interval": 30}
            ),
            "protocol",
            id="update-service-partial-health-check",
        ),
        pytest.param(
            lambda c: c.load_balancers.delete_service(42), "listen_port", id="delete-no-port"
        ),
        pytest.param(lambda c: c.load_balancers.add_target(42), "type", id="target-nothing"),
        pytest.param(
            lambda c: c.load_balancers.add_target(42, type="server", ip="203.0.113.9"),
            "server",
            id="target-type-and-field-differ",
        ),
        pytest.param(
            lambda c: c.load_balancers.add_target(42, server=5, ip="203.0.113.9"),
            "type",
            id="target-two-kinds",
        ),
        pytest.param(
            lambda c: c.load_balancers.add_target(42, ip="203.0.113.0/24"),
            "ip",
            id="target-ip-is-a-range",
        ),
        pytest.param(
            lambda c: c.load_balancers.add_target(42, ip="203.0.113.9", use_private_ip=True),
            "use_private_ip",
            id="ip-target-with-private-ip",
        ),
        pytest.param(
            lambda c: c.load_balancers.add_target(42, label_selector=""),
            "selector",
            id="empty-label-selector",
        ),
        pytest.param(
            lambda c: c.load_balancers.remove_target(42, {"server": 5, "use_private_ip": True}),
            "use_private_ip",
            id="remove-target-takes-no-private-ip",
        ),
        pytest.param(
            lambda c: c.load_balancers.change_algorithm(42), "type", id="algorithm-missing"
        ),
        pytest.param(
            lambda c: c.load_balancers.change_type(42), "load_balancer_type", id="type-missing"
        ),
        pytest.param(
            lambda c: c.load_balancers.attach_to_network(42, ip="10.0.0.2"),
            "network",
            id="attach-no-network",
        ),
        pytest.param(
            lambda c: c.load_balancers.attach_to_network(
                42, network=4, ip="10.0.2.5", ip_range="10.0.1.0/24"
            ),
            "ip_range",
            id="attach-ip-outside-range",
        ),
        pytest.param(
            lambda c: c.load_balancers.detach_from_network(42), "network", id="detach-no-network"
        ),
    ],
    in_message=True,
)


# --- bound Load Balancers -----------------------------------------------------


BOUND_CALLS = [
    (
        "add_load_balancer_service",
        "add_service",
        (_service(),),
        {},
    ),
    ("update_load_balancer_service", "update_service", (), {"listen_port": 80}),
    ("delete_load_balancer_service", "delete_service", (), {"listen_port": 80}),
    ("add_load_balancer_target", "add_target", (), {"server": 5}),
    ("remove_load_balancer_target", "remove_target", (), {"label_selector": "a=b"}),
    ("change_load_balancer_algorithm", "change_algorithm", (), {"type": "round_robin"}),
    ("change_load_balancer_type", "change_type", (), {"load_balancer_type": "lb21"}),
    ("attach_load_balancer_to_network", "attach_to_network", (), {"network": 4}),
    ("detach_load_balancer_from_network", "detach_from_network", (), {"network": 4}),
    ("enable_load_balancer_public_interface", "enable_public_interface", (), {}),
    ("disable_load_balancer_public_interface", "disable_public_interface", (), {}),
]


@pytest.mark.parametrize(
    ("operation_id", "method", "args", "kwargs"),
    BOUND_CALLS,
    ids=[call[1] for call in BOUND_CALLS],
)
def test_bound_methods_send_what_the_resource_sends(
    api: Api,
    recorder: Recorder,
    operation_id: str,
    method: str,
    args: tuple[Any, ...],
    kwargs: dict[str, Any],
) -> None:
    assert_bound_matches_resource(
        api,
        recorder,
        "get_load_balancer",
        lambda c: c.load_balancers.get(42),
        operation_id,
        lambda c, lb: getattr(c.load_balancers, method)(42, *args, **kwargs),
        lambda c, lb: getattr(lb, method)(*args, **kwargs),
    )


def test_bound_metrics_send_what_the_resource_sends(api: Api, recorder: Recorder) -> None:
    reply_lb(recorder, "get_load_balancer")
    lb = api.run(lambda c: c.load_balancers.get(42))
    recorder.reply(copy.deepcopy(METRICS), times=2)
    direct = api.run(lambda c: c.load_balancers.metrics(42, type="bandwidth", start=START, end=END))
    bound = api.run(lambda c: lb.metrics(type="bandwidth", start=START, end=END))
    assert recorder.requests[1].url == recorder.requests[2].url
    assert bound == direct
