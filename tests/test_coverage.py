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

PENDING_TAGS: frozenset[str] = frozenset(
    {
        # Families not implemented on this branch yet.  Their cases are strict
        # xfails: when a family lands its cases pass, and its tags must leave this set.
        "Certificates",
        "Certificate Actions",
        "Firewalls",
        "Firewall Actions",
        "Load Balancers",
        "Load Balancer Actions",
        "Load Balancer Types",
        "Networks",
        "Network Actions",
        "Placement Groups",
        "Primary IPs",
        "Primary IP Actions",
        "Volumes",
        "Volume Actions",
        "Zones",
        "Zone Actions",
        "Zone RRSets",
        "Zone RRSet Actions",
        "Storage Boxes",
        "Storage Box Actions",
        "Storage Box Snapshots",
        "Storage Box Subaccounts",
        "Storage Box Subaccount Actions",
        "Storage Box Types",
    }
)

EXCEPTIONS: dict[str, str] = {
    # gap key -> why the SDK deliberately differs from the spec there.
    "Server.datacenter": (
        "not in the current spec, but older replies still carry it; kept Optional so "
        "that code reading it keeps working"
    ),
    "ServerCreate.datacenter": (
        "removed from the spec in favour of location, still accepted by the API; kept "
        "for callers that pin a datacenter"
    ),
    "CreateImageResult.action": "results make the action required: the API always sends it",
    "CreateImageResult.image": "results make the image required: the API always sends it",
    "EnableRescueResult.action": "results make the action required: the API always sends it",
    "RebuildServerResult.action": "results make the action required: the API always sends it",
    "ResetPasswordResult.action": "results make the action required: the API always sends it",
    "Image.deleted": "a timestamp; the spec omits format: date-time, so it is parsed as datetime",
    "ServerType.cores": "spec says number; the API sends whole numbers and int parses them",
    "ServerType.disk": "spec says number; the API sends whole GB and int parses them",
    "FloatingIPAssign.server": (
        "null would unassign; unassign_floating_ip (floating_ips.unassign) does that"
    ),
    "enable_server_backup": (
        "the spec takes no body; an optional backup_window is still accepted by the API "
        "and sent only when given"
    ),
    "list_images:bound_to": (
        "the spec types server ids as strings; the argument takes servers or int ids"
    ),
    "get_server_metrics:start": "spec says string; a timezone-aware datetime is required",
    "get_server_metrics:end": "spec says string; a timezone-aware datetime is required",
    "get_server_metrics:step": "spec says string; seconds are given as an int",
    "list_datacenters:reply": (
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
