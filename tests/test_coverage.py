"""Every operation of both vendored specs is performed by a method, with typed arguments and models.

One test case per ``operationId``; see ``tests/coverage.py`` for what is checked.
The run ends with one coverage line per spec tag and the total.
"""

from __future__ import annotations

import functools
from typing import Any, Literal

import pytest
from pydantic import BaseModel

from hcloud_models.models._base import Payload

from . import coverage
from .coverage import Gap, Operation

# Tags of families not implemented yet.  Their cases are strict xfails: when a
# family lands its cases pass, and its tags must leave this set.  Every family is in.
PENDING_TAGS: frozenset[str] = frozenset()

RESULT_ACTION = (
    "optional in the spec, yet every documented reply carries the action; results type "
    "it as present so callers can wait on it without a None check"
)

_DEFAULT_SENT = "the documented default is filled in and always sent"

_WHOLE_CHECK = (
    "listed as optional, but the spec's combined schema requires it when a health check is "
    "given (a body without it fails the spec's own validation)"
)

EXCEPTIONS: dict[str, str] = {
    # gap key -> why the SDK deliberately differs from the spec there.
    "Server.datacenter": (
        "not in the current spec, but older replies still carry it; kept Optional so "
        "that code reading it keeps working"
    ),
    "ServerCreate.datacenter": (
        "not in the current spec (location replaced it); kept from the API's earlier "
        "description for callers that pin a datacenter, and rejected together with location"
    ),
    "CreateImageResult.action": RESULT_ACTION,
    "CreateImageResult.image": (
        "optional in the spec, yet every documented reply carries the new image; the "
        "result types it as present"
    ),
    "EnableRescueResult.action": RESULT_ACTION,
    "RebuildServerResult.action": RESULT_ACTION,
    "ResetPasswordResult.action": RESULT_ACTION,
    "VolumeResize.size": (
        "the spec says number, but a Volume is created with an integer size in GB and its "
        "example is a whole number; typed int so that 50 is sent as 50 and 10.5 is refused"
    ),
    "FloatingIPAssign.server": (
        "null would unassign; unassign_floating_ip (floating_ips.unassign) does that"
    ),
    "enable_server_backup:body": (
        "the spec takes no body; backup_window from the API's earlier description stays "
        "optional and is sent only when given (no body otherwise)"
    ),
    "list_images:bound_to": (
        "the spec types server ids as strings; the argument takes servers or int ids"
    ),
    "get_server_metrics:start": "spec says string; a timezone-aware datetime is required",
    "get_server_metrics:end": "spec says string; a timezone-aware datetime is required",
    "get_server_metrics:step": "spec says string; seconds are given as an int",
    "get_load_balancer_metrics:start": "spec says string; a timezone-aware datetime is required",
    "get_load_balancer_metrics:end": "spec says string; a timezone-aware datetime is required",
    "get_load_balancer_metrics:step": "spec says string; seconds are given as an int",
    "LoadBalancerTargetServer.ip": (
        "targets chosen by a label selector and older replies come without an address; "
        "kept optional so that such a reply still parses"
    ),
    "LoadBalancerAddServiceHealthCheckHTTP.domain": (
        "required (nullable) when creating a Load Balancer: it defaults to None and is always sent"
    ),
    "LoadBalancerAddServiceHealthCheckHTTP.path": (
        "required when creating a Load Balancer, optional in add_service; one model serves both, "
        "so it takes the stricter rule"
    ),
    "LoadBalancerAddServiceHTTP.cookie_name": _DEFAULT_SENT,
    "LoadBalancerAddServiceHTTP.cookie_lifetime": _DEFAULT_SENT,
    "LoadBalancerAddServiceHTTP.timeout_idle": _DEFAULT_SENT,
    "LoadBalancerAddServiceHTTP.sticky_sessions": _DEFAULT_SENT,
    "LoadBalancerUpdateServiceHealthCheck.protocol": _WHOLE_CHECK,
    "LoadBalancerUpdateServiceHealthCheck.port": _WHOLE_CHECK,
    "LoadBalancerUpdateServiceHealthCheck.interval": _WHOLE_CHECK,
    "LoadBalancerUpdateServiceHealthCheck.timeout": _WHOLE_CHECK,
    "LoadBalancerUpdateServiceHealthCheck.retries": _WHOLE_CHECK,
    "CreateFirewallResult.firewall": (
        "the spec's create reply lists no required keys, yet the new Firewall is always in it; "
        "typed as present so callers need no None check"
    ),
    "list_datacenters:reply.recommendation": (
        "the deprecated recommendation is left out: list pages hold the objects only"
    ),
}

OPERATIONS = coverage.all_operations()
RESULTS: dict[str, tuple[str, bool]] = {}
"""operationId -> (tag, covered), filled as the cases run; read by the terminal summary."""


@functools.cache
def _gaps(operation_id: str) -> tuple[Gap, ...]:
    operation = next(op for op in OPERATIONS if op.operation_id == operation_id)
    return tuple(coverage.gaps(operation))


def _case(operation: Operation) -> Any:
    marks = []
    if operation.tag in PENDING_TAGS:
        marks.append(pytest.mark.xfail(strict=True, reason=f"{operation.tag}: not implemented"))
    return pytest.param(operation, id=operation.operation_id, marks=marks)


@pytest.mark.parametrize("operation", [_case(op) for op in OPERATIONS])
def test_operation_is_covered(operation: Operation) -> None:
    remaining = [gap for gap in _gaps(operation.operation_id) if gap.key not in EXCEPTIONS]
    RESULTS[operation.operation_id] = (operation.tag, not remaining)
    assert not remaining, (
        f"{operation.operation_id} ({operation.method} {operation.path}) has "
        f"{len(remaining)} gap(s):\n" + "\n".join(f"  {gap}" for gap in remaining)
    )


def test_both_specs_have_221_operations() -> None:
    assert len(OPERATIONS) == 221
    assert len({op.operation_id for op in OPERATIONS}) == 221


def test_pending_tags_are_spec_tags() -> None:
    assert {op.tag for op in OPERATIONS} >= PENDING_TAGS


def test_every_exception_is_still_needed() -> None:
    keys = {gap.key for op in OPERATIONS for gap in _gaps(op.operation_id)}
    assert set(EXCEPTIONS) <= keys, f"unused exceptions: {sorted(set(EXCEPTIONS) - keys)}"


# --- the checker itself -------------------------------------------------------


def _checker() -> coverage.Checker:
    return coverage.Checker(OPERATIONS[0])


OBJECT = {
    "type": "object",
    "required": ["id", "status", "created"],
    "properties": {
        "id": {"type": "integer"},
        "status": {"type": "string", "enum": ["on", "off"]},
        "created": {"type": "string", "format": "date-time"},
        "note": {"type": ["string", "null"]},
        "tags": {"type": "array", "items": {"type": "string"}},
    },
}


def test_checker_accepts_a_matching_reply_model() -> None:
    from datetime import datetime
    from typing import Annotated

    from hcloud_models.models._base import OPEN, HcloudModel

    class Thing(HcloudModel):
        id: int
        status: Annotated[Literal["on", "off"], OPEN]
        created: datetime
        note: str | None = None
        tags: list[str] | None = None

    checker = _checker()
    checker.model(OBJECT, Thing, "reply", request=False)
    assert checker.gaps == []


def test_checker_finds_each_kind_of_reply_gap() -> None:
    from hcloud_models.models._base import HcloudModel

    class Thing(HcloudModel):
        id: str
        status: Literal["on"]
        created: str
        note: str = ""
        tags: list[int]
        extra: int = 0

    checker = _checker()
    checker.model(OBJECT, Thing, "reply", request=False)
    found = "\n".join(str(gap) for gap in checker.gaps)
    for expected in (
        "reply.id: integer",
        "enum values ['off'] are not accepted",
        "must be Annotated[..., OPEN]",
        "reply.created: date-time string",
        "reply.note: may be null in the spec",
        "reply.tags: may be absent in the spec, required",
        "reply.tags[]: string",
        "reply.extra: not in the spec",
    ):
        assert expected in found


def test_checker_compares_required_ness_and_enums_of_request_bodies() -> None:
    class Body(Payload):
        id: int | None = None
        status: Literal["on", "off", "sleep"]
        created: str

    checker = _checker()
    checker.model(OBJECT, Body, "body", request=True)
    found = "\n".join(str(gap) for gap in checker.gaps)
    assert "[Body.id] body.id: required in the spec, optional on Body" in found
    assert "enum values ['sleep'] are not in the spec" in found
    assert "[Body.note] body.note: not a field of Body" in found
    assert "body.created: date-time string" in found


def test_checker_wants_payload_models_for_requests() -> None:
    class Loose(BaseModel):
        id: int

    checker = _checker()
    schema = {"type": "object", "required": ["id"], "properties": {"id": {"type": "integer"}}}
    checker.model(schema, Loose, "body", request=True)
    assert [gap.key for gap in checker.gaps] == ["Loose"]


def _operation(operation_id: str) -> Operation:
    return next(op for op in OPERATIONS if op.operation_id == operation_id)


def test_checker_lets_one_model_serve_every_variant_of_a_one_of() -> None:
    from typing import Annotated

    from hcloud_models.models._base import OPEN, HcloudModel

    variants = {
        "oneOf": [
            {
                "type": "object",
                "required": ["kind", "a"],
                "properties": {"kind": {"type": "string", "enum": ["a"]}, "a": {"type": "integer"}},
            },
            {
                "type": "object",
                "required": ["kind", "b"],
                "properties": {"kind": {"type": "string", "enum": ["b"]}, "b": {"type": "string"}},
            },
        ]
    }

    class Both(HcloudModel):
        kind: Annotated[Literal["a", "b"], OPEN]
        a: int | None = None
        b: str | None = None

    class Strict(HcloudModel):
        kind: Annotated[Literal["a", "b"], OPEN]
        a: int
        b: str | None = None

    class OnlyA(HcloudModel):
        kind: Literal["a"]
        a: int

    checker = _checker()
    checker.value(variants, Both, "reply.x", "X", request=False)
    assert checker.gaps == []
    checker.value(variants, Strict, "reply.x", "X", request=False)
    assert [str(gap) for gap in checker.gaps] == [
        "[Strict.a] reply.x.a: may be absent in the spec, required on Strict"
    ]
    checker = _checker()
    checker.value(variants, OnlyA, "reply.x", "X", request=False)
    assert "reply.x<1>" in "\n".join(str(gap) for gap in checker.gaps)


def test_checker_reports_reply_properties_the_reader_drops() -> None:
    from hcloud_models.models.servers import Server
    from hcloud_models.operations._call import Call, no_reply, unwrap

    checker = coverage.Checker(_operation("create_server"))
    checker.reply("servers.create", Call("POST", "/servers", unwrap("server", Server)))
    dropped = [gap.message for gap in checker.gaps if "dropped" in gap.message]
    assert len(dropped) == 3, dropped
    checker = coverage.Checker(_operation("get_server"))
    checker.reply("servers.get", Call("GET", "/servers/1", no_reply))
    assert [gap.key for gap in checker.gaps] == ["get_server:reply"]


def test_checker_wants_every_parameter_as_a_typed_argument() -> None:
    import inspect

    def fake(ssh_key, /, *, name: str | None = None, sort=None, nmae=None):
        raise NotImplementedError

    checker = coverage.Checker(_operation("list_ssh_keys"))
    hints = {"name": str | None}
    checker.parameters("ssh_keys.list", inspect.signature(fake), hints)
    found = "\n".join(str(gap) for gap in checker.gaps)
    assert "argument sort (query sort) is not typed" in found
    assert "query parameter label_selector is not an argument" in found
    assert "query parameter page is not an argument" in found
    assert "argument nmae is no query parameter nor body field" in found
    assert "name (query" not in found

    def one(ssh_key, /):
        raise NotImplementedError

    checker = coverage.Checker(_operation("get_ssh_key"))
    checker.parameters("ssh_keys.get", inspect.signature(one), {})
    assert [str(gap) for gap in checker.gaps] == [
        "[get_ssh_key:id] ssh_keys.get: argument ssh_key (path id) is not typed"
    ]


def test_checker_lets_one_tuple_argument_stand_for_several_path_parameters() -> None:
    import inspect

    from hcloud_models.operations._call import Ref

    def pair(item: tuple[Ref, Ref], /) -> None:
        raise NotImplementedError

    def loose(item: tuple[Ref, str], /) -> None:
        raise NotImplementedError

    checker = coverage.Checker(_operation("get_storage_box_snapshot"))
    checker.parameters("x.get", inspect.signature(pair), {"item": tuple[Ref, Ref]})
    assert checker.gaps == []
    checker.parameters("x.get", inspect.signature(loose), {"item": tuple[Ref, str]})
    assert [gap.key for gap in checker.gaps] == ["get_storage_box_snapshot:snapshot_id"]


def test_checker_merges_nested_objects_of_variants_for_one_payload() -> None:
    def service(protocol: str, http: dict[str, Any] | None) -> dict[str, Any]:
        props: dict[str, Any] = {"protocol": {"type": "string", "enum": [protocol]}}
        if http is not None:
            props["http"] = {"type": "object", "required": list(http), "properties": http}
        return {"type": "object", "required": list(props), "properties": props}

    schema = {
        "oneOf": [
            service("tcp", None),
            service("http", {"sticky": {"type": "boolean"}}),
            service("https", {"sticky": {"type": "boolean"}, "certificates": {"type": "array"}}),
        ]
    }

    class HTTP(Payload):
        sticky: bool
        certificates: list[int] | None = None

    class Service(Payload):
        protocol: Literal["tcp", "http", "https"]
        http: HTTP | None = None

    checker = _checker()
    checker.value(schema, Service, "body", "Service", request=True)
    assert checker.gaps == []

    class Narrow(Payload):
        protocol: Literal["tcp", "http"]
        http: HTTP | None = None

    checker.value(schema, Narrow, "body", "Narrow", request=True)
    assert "enum values ['https'] are not accepted" in "\n".join(map(str, checker.gaps))
