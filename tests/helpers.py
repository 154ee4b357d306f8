"""Assertions shared by the resource tests: what went over the wire, checked against the spec."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import pydantic
import pytest
from pydantic import BaseModel

from hcloud_models import Page
from hcloud_models.models._base import BoundModel
from tests import spec
from tests.conftest import Api, Recorder


def reply_to(recorder: Recorder, operation_id: str, *, spec_name: str = "hcloud") -> Any:
    """Queue the spec's example success reply of an operation (an empty 204 where documented).

    ``spec_name`` names the spec the operation is in: ``"hcloud"`` or ``"hetzner"``.
    """
    _, _, op = spec.operations(spec_name)[operation_id]
    status = next(int(s) for s in op["responses"] if s.startswith("2"))
    if status == 204:
        recorder.reply(status=204)
        return None
    body = spec.example_reply(operation_id, spec_name)
    recorder.reply(body, status=status)
    return body


def _placeholder(match: re.Match[str]) -> str:
    # Ids are numbers; names (a zone's id_or_name, an RRSet's rr_name and rr_type) are one segment.
    return "[0-9]+" if match.group(0) in ("{id}", "{action_id}") else "[^/]+"


def assert_sent(
    recorder: Recorder,
    operation_id: str,
    path: str,
    query: list[tuple[str, str]] | None = None,
    body: Any = None,
    *,
    index: int = -1,
    only: bool = True,
    check_schema: bool = True,
    spec_name: str = "hcloud",
) -> None:
    """A request of this operation went out with this path, exactly this query and body.

    Args:
        recorder: The recording transport.
        operation_id: The spec operation the request must belong to.
        path: The expected path below ``/v1``.
        query: The expected query pairs, in order.
        body: The expected JSON body; ``None`` for no body at all.
        index: Which recorded request to check.
        only: Also check that it was the only request sent.
        check_schema: Validate the body against the operation's request schema.
        spec_name: The spec the operation is in, ``"hcloud"`` or ``"hetzner"``; the
            request must have gone to that spec's server.
    """
    method, template, op = spec.operations(spec_name)[operation_id]
    if only:
        assert len(recorder.requests) == 1
    request = recorder.requests[index]
    assert request.method == method
    assert str(request.url).startswith(spec.load(spec_name)["servers"][0]["url"] + "/")
    assert recorder.path(index) == path
    assert re.fullmatch(re.sub(r"\{[^}]+\}", _placeholder, template), path)
    assert recorder.query(index) == (query or [])
    allowed = {p["name"] for p in op.get("parameters", []) if p["in"] == "query"}
    assert {name for name, _ in recorder.query(index)} <= allowed
    assert recorder.body(index) == body
    schema = spec.request_schema(operation_id, spec_name)
    if body is None:
        assert not request.content
        assert "content-type" not in request.headers
    else:
        assert request.headers["content-type"] == "application/json"
        if check_schema:
            assert schema is not None
            spec.validate(body, schema)


def reply_two_pages(
    recorder: Recorder, operation_id: str, key: str, *, spec_name: str = "hcloud"
) -> None:
    """Queue two pages of a list operation (50 per page): objects 42, then 43."""
    first = spec.example_reply(operation_id, spec_name)
    second = spec.example_reply(operation_id, spec_name)
    second[key][0]["id"] = 43
    first["meta"]["pagination"].update(
        page=1, per_page=50, previous_page=None, next_page=2, last_page=2, total_entries=2
    )
    second["meta"]["pagination"].update(
        page=2, per_page=50, previous_page=1, next_page=None, last_page=2, total_entries=2
    )
    recorder.reply(first)
    recorder.reply(second)


def assert_bound_matches_resource(
    api: Api,
    recorder: Recorder,
    get_operation_id: str,
    fetch: Callable[[Any], Any],
    operation_id: str,
    direct: Callable[[Any, Any], Any],
    bound: Callable[[Any, Any], Any],
    *,
    spec_name: str = "hcloud",
) -> None:
    """A bound method sends exactly what the resource method sends, and returns equal, bound data.

    Args:
        api: The client under test.
        recorder: The recording transport.
        get_operation_id: The operation that fetches the object first.
        fetch: Fetches the object, ``lambda c: c.images.get(42)``.
        operation_id: The operation both calls perform.
        direct: The resource call, given the client and the object.
        bound: The bound call, given the client and the object.
        spec_name: The spec both operations are in, ``"hcloud"`` or ``"hetzner"``.
    """
    reply_to(recorder, get_operation_id, spec_name=spec_name)
    obj = api.run(fetch)
    reply_to(recorder, operation_id, spec_name=spec_name)
    expected = api.run(lambda c: direct(c, obj))
    reply_to(recorder, operation_id, spec_name=spec_name)
    result = api.run(lambda c: bound(c, obj))
    assert len(recorder.requests) == 3
    first, second = recorder.requests[1], recorder.requests[2]
    assert (second.method, second.url, second.content) == (first.method, first.url, first.content)
    assert result == expected
    items = list(result) if isinstance(result, (Page, list)) else [result]
    if isinstance(result, list):  # a list of actions, say: the reply's items all came back
        assert items
    for item in items:
        if isinstance(item, BoundModel):
            assert item.is_bound
        elif isinstance(item, BaseModel):  # a result holding bound objects
            assert all(v.is_bound for v in vars(item).values() if isinstance(v, BoundModel))


def bound_methods_test(
    get_operation_id: str,
    fetch: Callable[[Any], Any],
    cases: list[Any],
    *,
    spec_name: str = "hcloud",
) -> Callable[..., None]:
    """A test, parametrized over ``cases``, that bound methods send what resource methods send.

    Each case is ``(operation_id, direct, bound)`` as for :func:`assert_bound_matches_resource`;
    assign the result to a ``test_...`` name in the family's module.
    """

    @pytest.mark.parametrize(("operation_id", "direct", "bound"), cases)
    def test(
        api: Api,
        recorder: Recorder,
        operation_id: str,
        direct: Callable[[Any, Any], Any],
        bound: Callable[[Any, Any], Any],
    ) -> None:
        assert_bound_matches_resource(
            api,
            recorder,
            get_operation_id,
            fetch,
            operation_id,
            direct,
            bound,
            spec_name=spec_name,
        )

    return test


def assert_refused_before_sending(
    api: Api,
    recorder: Recorder,
    call: Callable[[Any], Any],
    field: str,
    *,
    in_message: bool = False,
) -> None:
    """The call raises a validation error naming ``field`` and sends no request.

    ``field`` must be in an error's location, or with ``in_message`` also in its message
    (for rules checked across fields).
    """
    with pytest.raises(pydantic.ValidationError) as caught:
        api.run(call)
    errors = caught.value.errors()
    assert any(
        field in error["loc"] or (in_message and field in error["msg"]) for error in errors
    ), errors
    assert recorder.requests == []


def refused_before_sending_test(
    cases: list[Any], *, in_message: bool = False
) -> Callable[..., None]:
    """A test, parametrized over ``(call, field)`` cases, of :func:`assert_refused_before_sending`.

    Assign the result to a ``test_...`` name in the family's module.
    """

    @pytest.mark.parametrize(("call", "field"), cases)
    def test(api: Api, recorder: Recorder, call: Callable[[Any], Any], field: str) -> None:
        assert_refused_before_sending(api, recorder, call, field, in_message=in_message)

    return test
