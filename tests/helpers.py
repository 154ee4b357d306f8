"""Assertions shared by the resource tests: what went over the wire, checked against the spec."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from hcloud_models import Page
from tests import spec
from tests.conftest import Api, Recorder


def reply_to(recorder: Recorder, operation_id: str) -> Any:
    """Queue the spec's example success reply of an operation (an empty 204 where documented)."""
    _, _, op = spec.operations()[operation_id]
    status = next(int(s) for s in op["responses"] if s.startswith("2"))
    if status == 204:
        recorder.reply(status=204)
        return None
    body = spec.example_reply(operation_id)
    recorder.reply(body, status=status)
    return body


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
    """
    method, template, op = spec.operations()[operation_id]
    if only:
        assert len(recorder.requests) == 1
    request = recorder.requests[index]
    assert request.method == method
    assert recorder.path(index) == path
    assert re.fullmatch(re.sub(r"\{[^}]+\}", "[0-9]+", template), path)
    assert recorder.query(index) == (query or [])
    allowed = {p["name"] for p in op.get("parameters", []) if p["in"] == "query"}
    assert {name for name, _ in recorder.query(index)} <= allowed
    assert recorder.body(index) == body
    schema = spec.request_schema(operation_id)
    if body is None:
        assert not request.content
        assert "content-type" not in request.headers
    else:
        assert request.headers["content-type"] == "application/json"
        if check_schema:
            assert schema is not None
            spec.validate(body, schema)


def reply_two_pages(recorder: Recorder, operation_id: str, key: str) -> None:
    """Queue two pages of a list operation (50 per page): objects 42, then 43."""
    first = spec.example_reply(operation_id)
    second = spec.example_reply(operation_id)
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
    """
    reply_to(recorder, get_operation_id)
    obj = api.run(fetch)
    reply_to(recorder, operation_id)
    expected = api.run(lambda c: direct(c, obj))
    reply_to(recorder, operation_id)
    result = api.run(lambda c: bound(c, obj))
    assert len(recorder.requests) == 3
    first, second = recorder.requests[1], recorder.requests[2]
    assert (second.method, second.url, second.content) == (first.method, first.url, first.content)
    assert result == expected
    if isinstance(result, Page):
        assert all(item.is_bound for item in result)
    elif result is not None:
        assert result.is_bound
