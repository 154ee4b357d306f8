"""The fake cloud as the tests see it: every reply it produces is checked against the spec."""

from __future__ import annotations

import copy
import functools
import json
import re
from collections.abc import Mapping
from typing import Any

import pytest

from hcloud_models.testing import FakeCloud, RawReply
from tests import spec

SPECS = ("hcloud", "hetzner")
EXERCISED: set[str] = set()
"""operationId of every success reply validated in this test session."""


@functools.cache
def _templates() -> list[tuple[str, re.Pattern[str], str, str]]:
    """(METHOD, path regex, operationId, spec name), literal paths before templated ones."""
    found = []
    for name in SPECS:
        for operation_id, (method, path, _) in spec.operations(name).items():
            pattern = re.compile(re.sub(r"\{[^}]+\}", "[^/]+", path))
            found.append((path.count("{"), method, pattern, operation_id, name))
    found.sort(key=lambda row: row[0])
    return [(method, pattern, op, name) for _, method, pattern, op, name in found]


def operation_of(method: str, path: str) -> tuple[str, str] | None:
    """(operationId, spec name) of a request, or ``None`` if the spec has no such path."""
    for op_method, pattern, operation_id, name in _templates():
        if op_method == method and pattern.fullmatch(path):
            return operation_id, name
    return None


@functools.cache
def _reply_schema(operation_id: str, name: str) -> dict[str, Any] | None:
    try:
        return spec.reply_schema(operation_id, name)
    except LookupError:
        return None


# Fields the spec types as strings that the API documents as "ID or name" and
# accepts as integer IDs too (the official hcloud package sends integers there).
ID_OR_NAME = frozenset({"server_type", "image", "location", "datacenter", "home_location", "iso"})


def _relax(schema: dict[str, Any]) -> dict[str, Any]:
    props = schema.get("properties", {})
    for name, sub in props.items():
        if name in ID_OR_NAME and sub.get("type") == "string":
            props[name] = {**sub, "type": ["string", "integer"]}
        if name == "ssh_keys" and sub.get("items", {}).get("type") == "string":
            props[name] = {**sub, "items": {**sub["items"], "type": ["string", "integer"]}}
    return schema


@functools.cache
def _request_schema(operation_id: str, name: str) -> dict[str, Any] | None:
    schema = spec.request_schema(operation_id, name)
    return None if schema is None else _relax(copy.deepcopy(schema))


class SpecCheckedCloud(FakeCloud):
    """A fake cloud that holds request and reply bodies to the spec.

    A JSON request body that its operation's request schema rejects must be
    refused by the fake with an error reply (never accepted); tests send such
    bodies on purpose to check the fake's own validation, and a client that
    sent one by mistake fails either way.  Each success reply must satisfy
    its operation's reply schema, and each error reply has the API's shape.

    Attributes:
        checked: operationId of every success reply that was validated.
        refused: ``"METHOD /path: problem"`` of each request body the spec
            rejects (and the fake refused).
    """

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.checked: set[str] = set()
        self.refused: list[str] = []

    def process(
        self,
        method: str,
        path: str,
        query_string: str = "",
        headers: Mapping[str, str] | None = None,
        body: bytes = b"",
    ) -> RawReply:
        bare = path.removeprefix("/v1")
        found = operation_of(method.upper(), bare)
        problem = None
        if found is not None and body.strip():
            problem = _request_problem(found, body)
        reply = super().process(method, path, query_string, headers, body)
        if problem is not None and not reply.drop:
            assert reply.status >= 400, f"the fake accepted {method} {bare}: {problem}"
            self.refused.append(f"{method} {bare}: {problem}")
        if reply.drop or not reply.body or not reply.body.startswith(b"{"):
            return reply
        data = json.loads(reply.body)
        if reply.status >= 400:
            assert set(data) == {"error"}
            assert set(data["error"]) == {"code", "message", "details"}
            return reply
        assert found is not None, f"{method} {bare} is not in the spec"
        schema = _reply_schema(*found)
        if schema is not None:
            spec.validate(data, schema)
            self.checked.add(found[0])
            EXERCISED.add(found[0])
        return reply


def _request_problem(found: tuple[str, str], body: bytes) -> str | None:
    """Why the spec rejects a request body, or ``None`` if it does not."""
    import jsonschema

    schema = _request_schema(*found)
    if schema is None:
        return None
    try:
        sent = json.loads(body)
    except ValueError:
        return "not JSON"
    try:
        spec.validate(sent, schema)
    except jsonschema.ValidationError as error:
        return error.message
    return None


@pytest.fixture
def fake() -> SpecCheckedCloud:
    """A fresh fake cloud whose replies are validated against the spec."""
    return SpecCheckedCloud()
