"""``client.firewalls`` and bound Firewalls: requests sent, replies read, payloads checked."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

import pydantic
import pytest

from hcloud_models.models.actions import Action
from hcloud_models.models.firewalls import (
    CreateFirewallResult,
    Firewall,
    FirewallApplyToResources,
    FirewallResourceInput,
    FirewallRuleInput,
    FirewallSetRules,
)
from hcloud_models.models.page import Page
from tests import spec
from tests.conftest import Api, Recorder
from tests.helpers import (
    assert_sent,
    bound_methods_test,
    refused_before_sending_test,
    reply_to,
)

HTTP_RULE = {
    "direction": "in",
    "protocol": "tcp",
    "port": "80",
    "source_ips": ["0.0.0.0/0", "::/0"],
}


def assert_actions(actions: Any) -> None:
    assert isinstance(actions, list)
    assert actions
    assert all(isinstance(a, Action) and a.is_bound for a in actions)


# --- the Firewall itself --------------------------------------------------------


def test_list(api: Api, recorder: Recorder) -> None:
    reply_to(recorder, "list_firewalls")
    page = api.run(
        lambda c: c.firewalls.list(
            name="web", label_selector="env=prod", sort="name:asc", page=2, per_page=10
        )
    )
    assert_sent(
        recorder,
        "list_firewalls",
        "/firewalls",
        [
            ("name", "web"),
            ("label_selector", "env=prod"),
            ("sort", "name:asc"),
            ("page", "2"),
            ("per_page", "10"),
        ],
    )
    assert isinstance(page, Page)
    firewall = page[0]
    assert isinstance(firewall, Firewall)
    assert firewall.id == 42
    assert firewall.is_bound


def test_get(api: Api, recorder: Recorder) -> None:
    reply_to(recorder, "get_firewall")
    firewall = api.run(lambda c: c.firewalls.get(42))
    assert_sent(recorder, "get_firewall", "/firewalls/42")
    assert isinstance(firewall, Firewall)
    rule = firewall.rules[0]
    assert (rule.direction, rule.protocol, rule.port) == ("in", "tcp", "80")
    assert rule.source_ips[1] == "192.0.2.0/24"
    applied = firewall.applied_to[0]
    assert applied.type == "server"
    assert applied.server is not None
    assert applied.server.id == 42
    assert applied.applied_to_resources is not None
    assert firewall.is_bound


def test_reply_keeps_enum_values_added_later(api: Api, recorder: Recorder) -> None:
    reply = spec.example_reply("get_firewall")
    reply["firewall"]["rules"][0]["protocol"] = "sctp"
    reply["firewall"]["applied_to"][0]["type"] = "load_balancer"
    recorder.reply(reply)
    firewall = api.run(lambda c: c.firewalls.get(42))
    assert firewall.rules[0].protocol == "sctp"
    assert firewall.applied_to[0].type == "load_balancer"


def test_create_with_rules_and_resources(api: Api, recorder: Recorder) -> None:
    reply_to(recorder, "create_firewall")
    result = api.run(
        lambda c: c.firewalls.create(
            name="web",
            labels={"env": "prod"},
            rules=[
                HTTP_RULE,
                FirewallRuleInput(
                    direction="out",
                    protocol="icmp",
                    destination_ips=["10.0.0.0/8"],
                    description="ping out",
                ),
            ],
            apply_to=[7, SimpleNamespace(id=8), "env=prod"],
        )
    )
    assert_sent(
        recorder,
        "create_firewall",
        "/firewalls",
        body={
            "name": "web",
            "labels": {"env": "prod"},
            "rules": [
                HTTP_RULE,
                {
                    "direction": "out",
                    "protocol": "icmp",
                    "destination_ips": ["10.0.0.0/8"],
                    "description": "ping out",
                },
            ],
            "apply_to": [
                {"type": "server", "server": {"id": 7}},
                {"type": "server", "server": {"id": 8}},
                {"type": "label_selector", "label_selector": {"selector": "env=prod"}},
            ],
        },
    )
    assert isinstance(result, CreateFirewallResult)
    assert result.firewall.is_bound
    assert [a.command for a in result.actions] == ["set_firewall_rules", "apply_firewall"]
    assert_actions(result.actions)


def test_create_name_only_from_a_mapping(api: Api, recorder: Recorder) -> None:
    reply = spec.example_reply("create_firewall")
    del reply["actions"]
    recorder.reply(reply, status=201)
    result = api.run(lambda c: c.firewalls.create({"name": "empty"}))
    assert_sent(recorder, "create_firewall", "/firewalls", body={"name": "empty"})
    assert result.actions == []


def test_update(api: Api, recorder: Recorder) -> None:
    reply_to(recorder, "update_firewall")
    firewall = api.run(lambda c: c.firewalls.update(42, name="web-2", labels={}))
    assert_sent(recorder, "update_firewall", "/firewalls/42", body={"name": "web-2", "labels": {}})
    assert isinstance(firewall, Firewall)
    assert firewall.is_bound


# --- Firewall actions -----------------------------------------------------------


@pytest.mark.parametrize(
    "rules",
    [
        pytest.param([HTTP_RULE], id="list-of-mappings"),
        pytest.param([FirewallRuleInput.model_validate(HTTP_RULE)], id="list-of-models"),
        pytest.param({"rules": [HTTP_RULE]}, id="body-mapping"),
        pytest.param(FirewallSetRules(rules=[FirewallRuleInput(**HTTP_RULE)]), id="body-model"),
    ],
)
def test_set_rules(api: Api, recorder: Recorder, rules: Any) -> None:
    reply_to(recorder, "set_firewall_rules")
    actions = api.run(lambda c: c.firewalls.set_rules(42, rules))
    assert_sent(
        recorder,
        "set_firewall_rules",
        "/firewalls/42/actions/set_rules",
        body={"rules": [HTTP_RULE]},
    )
    assert_actions(actions)


def test_set_rules_to_none_sends_an_empty_list(api: Api, recorder: Recorder) -> None:
    reply_to(recorder, "set_firewall_rules")
    api.run(lambda c: c.firewalls.set_rules(42, []))
    assert_sent(
        recorder, "set_firewall_rules", "/firewalls/42/actions/set_rules", body={"rules": []}
    )


def test_port_given_as_int_is_sent_as_text(api: Api, recorder: Recorder) -> None:
    reply_to(recorder, "set_firewall_rules")
    rule = {"direction": "in", "protocol": "udp", "port": 53, "source_ips": ["192.0.2.0/24"]}
    api.run(lambda c: c.firewalls.set_rules(42, [rule]))
    assert recorder.body() == {"rules": [{**rule, "port": "53"}]}


@pytest.mark.parametrize(
    "resources",
    [
        pytest.param([7, "env=prod"], id="server-id-and-selector"),
        pytest.param(
            [
                FirewallResourceInput.for_server(7),
                FirewallResourceInput.for_label_selector("env=prod"),
            ],
            id="models",
        ),
        pytest.param(
            {
                "apply_to": [
                    {"type": "server", "server": {"id": 7}},
                    {"type": "label_selector", "label-selector": {"selector": "env=prod"}},
                ]
            },
            id="body-mapping",
        ),
        pytest.param(
            FirewallApplyToResources(
                apply_to=[
                    FirewallResourceInput.for_server(7),
                    FirewallResourceInput.for_label_selector("env=prod"),
                ]
            ),
            id="body-model",
        ),
    ],
)
def test_apply_to_resources(api: Api, recorder: Recorder, resources: Any) -> None:
    reply_to(recorder, "apply_firewall_to_resources")
    actions = api.run(lambda c: c.firewalls.apply_to_resources(42, resources))
    assert_sent(
        recorder,
        "apply_firewall_to_resources",
        "/firewalls/42/actions/apply_to_resources",
        body={
            "apply_to": [
                {"type": "server", "server": {"id": 7}},
                {"type": "label_selector", "label_selector": {"selector": "env=prod"}},
            ]
        },
    )
    assert_actions(actions)


def test_remove_from_resources(api: Api, recorder: Recorder) -> None:
    reply_to(recorder, "remove_firewall_from_resources")
    actions = api.run(
        lambda c: c.firewalls.remove_from_resources(42, [SimpleNamespace(id=7), "env=prod"])
    )
    assert_sent(
        recorder,
        "remove_firewall_from_resources",
        "/firewalls/42/actions/remove_from_resources",
        body={
            "remove_from": [
                {"type": "server", "server": {"id": 7}},
                {"type": "label_selector", "label_selector": {"selector": "env=prod"}},
            ]
        },
    )
    assert_actions(actions)


def test_apply_to_a_server_from_the_client(api: Api, recorder: Recorder) -> None:
    server_reply = spec.example_reply("get_server")
    server_reply["server"]["id"] = 7
    recorder.reply(server_reply)
    server = api.run(lambda c: c.servers.get(7))
    recorder.requests.clear()
    reply_to(recorder, "apply_firewall_to_resources")
    api.run(lambda c: c.firewalls.apply_to_resources(42, [server]))
    assert_sent(
        recorder,
        "apply_firewall_to_resources",
        "/firewalls/42/actions/apply_to_resources",
        body={"apply_to": [{"type": "server", "server": {"id": 7}}]},
    )


# --- payload rules are checked before sending -----------------------------------


def _rule(**changes: Any) -> dict[str, Any]:
    return {k: v for k, v in {**HTTP_RULE, **changes}.items() if v is not None}


test_invalid_payload_is_refused_before_sending = refused_before_sending_test(
    [
        pytest.param(lambda c: c.firewalls.create(labels={}), "name", id="name-missing"),
        pytest.param(lambda c: c.firewalls.create(name=""), "name", id="name-empty"),
        pytest.param(lambda c: c.firewalls.create(name="x" * 129), "name", id="name-too-long"),
        pytest.param(
            lambda c: c.firewalls.update(42, labels={"hetzner.cloud/x": "y"}),
            "labels",
            id="reserved-label-prefix",
        ),
        pytest.param(
            lambda c: c.firewalls.set_rules(42, [_rule(direction="both")]),
            "direction",
            id="bad-direction",
        ),
        pytest.param(
            lambda c: c.firewalls.set_rules(42, [_rule(protocol="sctp")]),
            "protocol",
            id="bad-protocol",
        ),
        pytest.param(
            lambda c: c.firewalls.set_rules(42, [_rule(source_ips=["10.0.0.1"])]),
            "source_ips",
            id="ip-without-prefix",
        ),
        pytest.param(
            lambda c: c.firewalls.set_rules(42, [_rule(source_ips=["10.0.0.1/24"])]),
            "source_ips",
            id="host-bits-set",
        ),
        pytest.param(
            lambda c: c.firewalls.set_rules(42, [_rule(source_ips=["300.0.0.0/8"])]),
            "source_ips",
            id="not-an-address",
        ),
        pytest.param(
            lambda c: c.firewalls.set_rules(
                42, [_rule(source_ips=[f"10.0.{i}.0/24" for i in range(101)])]
            ),
            "source_ips",
            id="too-many-ips",
        ),
        pytest.param(
            lambda c: c.firewalls.set_rules(42, [_rule(port="0")]), "port", id="port-zero"
        ),
        pytest.param(
            lambda c: c.firewalls.set_rules(42, [_rule(port="5000-1024")]),
            "port",
            id="range-backwards",
        ),
        pytest.param(
            lambda c: c.firewalls.set_rules(42, [_rule(port="http")]), "port", id="port-name"
        ),
        pytest.param(
            lambda c: c.firewalls.set_rules(42, [_rule(description="x" * 256)]),
            "description",
            id="description-too-long",
        ),
        pytest.param(
            lambda c: c.firewalls.set_rules(42, [{"protocol": "tcp", "port": "80"}]),
            "direction",
            id="direction-missing",
        ),
        pytest.param(
            lambda c: c.firewalls.set_rules(42, [HTTP_RULE] * 51), "rules", id="too-many-rules"
        ),
        pytest.param(
            lambda c: c.firewalls.set_rules(42, [_rule(unknown=1)]), "unknown", id="unknown-key"
        ),
        pytest.param(
            lambda c: c.firewalls.apply_to_resources(42, [{"type": "server"}]),
            "apply_to",
            id="server-item-without-server",
        ),
        pytest.param(
            lambda c: c.firewalls.apply_to_resources(
                42,
                [
                    {
                        "type": "label_selector",
                        "server": {"id": 1},
                        "label_selector": {"selector": "a=b"},
                    }
                ],
            ),
            "apply_to",
            id="selector-item-with-server",
        ),
        pytest.param(
            lambda c: c.firewalls.apply_to_resources(42, [7, 7]), "apply_to", id="server-twice"
        ),
        pytest.param(
            lambda c: c.firewalls.remove_from_resources(42, [{"type": "network"}]),
            "remove_from",
            id="bad-resource-type",
        ),
        pytest.param(
            lambda c: c.firewalls.create(name="fw", apply_to=["env=prod", "env=prod"]),
            "apply_to",
            id="selector-twice",
        ),
    ]
)


@pytest.mark.parametrize(
    ("rule", "message"),
    [
        pytest.param(_rule(source_ips=None), "source_ips is required", id="in-without-sources"),
        pytest.param(
            _rule(direction="out", source_ips=None), "destination_ips is required", id="out-empty"
        ),
        pytest.param(
            _rule(destination_ips=["10.0.0.0/8"]),
            "destination_ips must be empty",
            id="in-with-destinations",
        ),
        pytest.param(_rule(port=None), "port is required", id="tcp-without-port"),
        pytest.param(
            _rule(protocol="icmp"), "port is only allowed for tcp and udp", id="icmp-with-port"
        ),
    ],
)
def test_rule_consistency_is_checked(
    api: Api, recorder: Recorder, rule: dict[str, Any], message: str
) -> None:
    with pytest.raises(pydantic.ValidationError, match=message):
        api.run(lambda c: c.firewalls.set_rules(42, [rule]))
    assert recorder.requests == []


@pytest.mark.parametrize(
    "rule",
    [
        pytest.param(_rule(port="any"), id="any-port"),
        pytest.param(_rule(port="1024-5000"), id="port-range"),
        pytest.param(_rule(protocol="gre", port=None), id="gre"),
        pytest.param(
            _rule(source_ips=["2001:db8:ff00:42::8329/128", "10.0.1.1/32"]), id="single-hosts"
        ),
    ],
)
def test_valid_rules_pass(api: Api, recorder: Recorder, rule: dict[str, Any]) -> None:
    reply_to(recorder, "set_firewall_rules")
    api.run(lambda c: c.firewalls.set_rules(42, [rule]))
    assert_sent(
        recorder, "set_firewall_rules", "/firewalls/42/actions/set_rules", body={"rules": [rule]}
    )


def test_a_resource_that_is_not_one_is_refused(api: Api, recorder: Recorder) -> None:
    with pytest.raises(TypeError):
        api.run(lambda c: c.firewalls.apply_to_resources(42, [1.5]))
    with pytest.raises(TypeError):
        api.run(lambda c: c.firewalls.apply_to_resources(42, "env=prod"))
    assert recorder.requests == []


# --- bound Firewalls ----------------------------------------------------------------


test_bound_methods_send_what_the_resource_sends = bound_methods_test(
    "get_firewall",
    lambda c: c.firewalls.get(42),
    [
        pytest.param(
            "set_firewall_rules",
            lambda c, f: c.firewalls.set_rules(42, [HTTP_RULE]),
            lambda c, f: f.set_rules([HTTP_RULE]),
            id="set_rules",
        ),
        pytest.param(
            "apply_firewall_to_resources",
            lambda c, f: c.firewalls.apply_to_resources(42, [7, "a=b"]),
            lambda c, f: f.apply_to_resources([SimpleNamespace(id=7), "a=b"]),
            id="apply_to_resources",
        ),
        pytest.param(
            "remove_firewall_from_resources",
            lambda c, f: c.firewalls.remove_from_resources(42, [7]),
            lambda c, f: f.remove_from_resources([7]),
            id="remove_from_resources",
        ),
    ],
)
