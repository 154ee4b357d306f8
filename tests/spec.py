"""Read the vendored OpenAPI specs: find operations, make example replies, validate bodies."""

from __future__ import annotations

import copy
import functools
import json
from pathlib import Path
from typing import Any

SPEC_DIR = Path(__file__).resolve().parents[1] / "spec"


@functools.cache
def load(name: str = "hcloud") -> dict[str, Any]:
    """The vendored spec ``spec/<name>.schema.json``."""
    return json.loads((SPEC_DIR / f"{name}.schema.json").read_text())


@functools.cache
def operations(name: str = "hcloud") -> dict[str, tuple[str, str, dict[str, Any]]]:
    """``operationId`` -> (METHOD, path template, operation object)."""
    found: dict[str, tuple[str, str, dict[str, Any]]] = {}
    for path, item in load(name)["paths"].items():
        for method, op in item.items():
            if isinstance(op, dict) and "operationId" in op:
                found[op["operationId"]] = (method.upper(), path, op)
    return found


def reply_schema(operation_id: str, name: str = "hcloud") -> dict[str, Any]:
    """JSON schema of the success reply of an operation."""
    _, _, op = operations(name)[operation_id]
    for status, reply in op["responses"].items():
        if status.startswith("2"):
            content = reply.get("content", {}).get("application/json")
            if content is not None:
                return dict(content["schema"])
    raise LookupError(f"{operation_id} has no JSON success reply")


def request_schema(operation_id: str, name: str = "hcloud") -> dict[str, Any] | None:
    """JSON schema of the request body of an operation, if it takes one."""
    _, _, op = operations(name)[operation_id]
    body = op.get("requestBody", {}).get("content", {}).get("application/json")
    return None if body is None else dict(body["schema"])


def example(schema: dict[str, Any]) -> Any:
    """A value that satisfies ``schema``, made from its examples, enums and types.

    Every property is filled in (optional ones too), a nullable value gets its
    non-null form, and an array gets one item.
    """
    if "example" in schema and schema.get("type") not in ("object", ["object", "null"]):
        value = schema["example"]
        if not (isinstance(value, list) and "items" in schema and not value):
            return copy.deepcopy(value)
    if "enum" in schema:
        return schema["enum"][0]
    for key in ("oneOf", "anyOf", "allOf"):
        if key in schema:
            if key == "allOf":
                merged: dict[str, Any] = {}
                for part in schema[key]:
                    value = example(part)
                    if isinstance(value, dict):
                        merged.update(value)
                return merged
            return example(schema[key][0])
    kind = schema.get("type")
    if isinstance(kind, list):
        kind = next((k for k in kind if k != "null"), "null")
    if kind == "object" or "properties" in schema:
        props = schema.get("properties", {})
        if not props and isinstance(schema.get("additionalProperties"), dict):
            return {"key": example(schema["additionalProperties"])}
        if not props:
            return copy.deepcopy(schema.get("example", {}))
        return {name: example(sub) for name, sub in props.items()}
    if kind == "array":
        if "prefixItems" in schema:
            return [example(item) for item in schema["prefixItems"]]
        return [example(schema.get("items", {}))]
    if kind == "integer":
        return 42
    if kind == "number":
        return 1.5
    if kind == "boolean":
        return True
    if kind == "null":
        return None
    if schema.get("format") == "date-time":
        return "2016-01-30T23:55:00Z"
    return "text"


def example_reply(operation_id: str, name: str = "hcloud") -> Any:
    """An example success reply body of an operation."""
    return example(reply_schema(operation_id, name))


def _with_nulls(schema: Any) -> Any:
    """OpenAPI 3.0's ``nullable: true`` (the Hetzner spec) spelled as JSON Schema's null type."""
    if isinstance(schema, list):
        return [_with_nulls(item) for item in schema]
    if not isinstance(schema, dict):
        return schema
    converted = {key: _with_nulls(value) for key, value in schema.items()}
    if converted.pop("nullable", False) is True and "type" in converted:
        kind = converted["type"]
        kinds = kind if isinstance(kind, list) else [kind]
        converted["type"] = [*kinds, "null"] if "null" not in kinds else kinds
        if "enum" in converted and None not in converted["enum"]:
            converted["enum"] = [*converted["enum"], None]
    return converted


def validate(instance: Any, schema: dict[str, Any]) -> None:
    """Raise ``jsonschema.ValidationError`` unless ``instance`` satisfies ``schema``."""
    import jsonschema

    jsonschema.Draft202012Validator(_with_nulls(schema)).validate(instance)
