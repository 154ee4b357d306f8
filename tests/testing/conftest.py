"""The fake cloud as the tests see it: every reply it produces is checked against the spec."""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Mapping
from typing import Any

import pytest

from hcloud_models.testing import FakeCloud, RawReply
from tests import spec

SPECS = ("hcloud", "hetzner")


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


class SpecCheckedCloud(FakeCloud):
    """A fake cloud that validates each reply body against its operation's schema.

    Attributes:
        checked: operationId of every success reply that was validated.
    """

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.checked: set[str] = set()

    def process(
        self,
        method: str,
        path: str,
        query_string: str = "",
        headers: Mapping[str, str] | None = None,
        body: bytes = b"",
    ) -> RawReply:
        reply = super().process(method, path, query_string, headers, body)
        if reply.drop or not reply.body or not reply.body.startswith(b"{"):
            return reply
        data = json.loads(reply.body)
        if reply.status >= 400:
            assert set(data) == {"error"}
            assert set(data["error"]) == {"code", "message", "details"}
            return reply
        bare = path.removeprefix("/v1")
        found = operation_of(method.upper(), bare)
        assert found is not None, f"{method} {bare} is not in the spec"
        schema = _reply_schema(*found)
        if schema is not None:
            spec.validate(data, schema)
            self.checked.add(found[0])
        return reply


@pytest.fixture
def fake() -> SpecCheckedCloud:
    """A fresh fake cloud whose replies are validated against the spec."""
    return SpecCheckedCloud()
