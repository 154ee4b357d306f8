"""Compare the SDK with the vendored specs, one operation at a time.

For an ``operationId`` :func:`gaps` lists every place where the SDK falls short
of the spec: no method performs it; the call built does not use the spec's
method, path or base URL; a path or query parameter is not a typed argument of
the build function; a request-body property is not accepted by the payload
model with the same required-ness, type and enum choices; a reply property is
missing on its model or has an incompatible type (nullability, scalar kind,
enum values, nested objects and arrays, envelopes and list pages).

Two readings are deliberate: an optional request property typed ``X | None =
None`` means "not given" (``Payload.build`` drops ``None`` keywords), so it is
not taken for a nullable one; and a reply property the spec does not require
may be typed ``X | None = None`` although it is never null when present.

Each gap has a key so that a deliberate difference can be allowed, with its
reason, in ``EXCEPTIONS`` of ``tests/test_coverage.py`` rather than by loosening
the checks: ``Model.field`` for bodies and replies, ``<operationId>:<parameter>``
for arguments, and ``<operationId>:method|call|body|deprecated|reply`` (or
``:reply.<property>``) for the operation itself.
"""

from __future__ import annotations

import inspect
import json
import re
import types
import typing
import warnings
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Annotated, Any, Literal, Union

from pydantic import BaseModel

import hcloud_models
from hcloud_models.models._base import OPEN, Payload
from hcloud_models.models.common import Meta
from hcloud_models.operations._call import Call, reply_shape
from hcloud_models.resources import resource_class

from . import spec

SPECS = ("hcloud", "hetzner")
API_OF_SPEC = {"hcloud": "cloud", "hetzner": "hetzner"}


@dataclass(frozen=True)
class Gap:
    """One difference between the SDK and the spec."""

    key: str
    message: str

    def __str__(self) -> str:
        return f"[{self.key}] {self.message}"


@dataclass(frozen=True)
class Operation:
    """One operation of one spec."""

    spec: str
    operation_id: str
    method: str
    path: str
    tag: str
    op: dict[str, Any]


def all_operations() -> list[Operation]:
    """Every operation of both vendored specs, in spec order."""
    found = []
    for name in SPECS:
        for operation_id, (method, path, op) in spec.operations(name).items():
            tag = op.get("tags", ["(untagged)"])[0]
            found.append(Operation(name, operation_id, method, path, tag, op))
    return found


# --- schemas ------------------------------------------------------------------


def _normalise(schema: Mapping[str, Any]) -> tuple[dict[str, Any], bool]:
    """The schema without its null alternative, and whether null is allowed."""
    schema = dict(schema)
    nullable = schema.pop("nullable", False) is True
    kind = schema.get("type")
    if isinstance(kind, list):
        nullable = nullable or "null" in kind
        rest = [k for k in kind if k != "null"]
        schema["type"] = rest[0] if len(rest) == 1 else rest
    if "allOf" in schema:
        merged: dict[str, Any] = {k: v for k, v in schema.items() if k != "allOf"}
        props: dict[str, Any] = dict(merged.get("properties", {}))
        required: list[str] = list(merged.get("required", []))
        for part in schema["allOf"]:
            part_schema, part_null = _normalise(part)
            nullable = nullable or part_null
            props.update(part_schema.get("properties", {}))
            required.extend(part_schema.get("required", []))
            for key, value in part_schema.items():
                if key not in ("properties", "required"):
                    merged.setdefault(key, value)
        if props:
            merged["properties"] = props
            merged.setdefault("type", "object")
        merged["required"] = required
        schema = merged
    for key in ("oneOf", "anyOf"):
        if key in schema:
            alternatives = []
            for alternative in schema[key]:
                if alternative.get("type") == "null":
                    nullable = True
                else:
                    alternatives.append(alternative)
            schema[key] = alternatives
    if "enum" in schema:
        values = [v for v in schema["enum"] if v is not None]
        nullable = nullable or len(values) < len(schema["enum"])
        schema["enum"] = values
    return schema, nullable


# --- annotations --------------------------------------------------------------


@dataclass
class Hint:
    """An annotation taken apart: its non-None members, and the markers around them."""

    members: list[Any]
    nullable: bool = False
    open: bool = False


def _hint(annotation: Any, metadata: Iterable[Any] = ()) -> Hint:
    hint = Hint([], open=any(m is OPEN for m in metadata))

    def walk(ann: Any) -> None:
        origin = typing.get_origin(ann)
        if ann is None or ann is type(None):
            hint.nullable = True
        elif origin is Annotated:
            hint.open = hint.open or any(m is OPEN for m in ann.__metadata__)
            walk(ann.__origin__)
        elif origin is Union or origin is types.UnionType:
            for arg in typing.get_args(ann):
                walk(arg)
        elif isinstance(ann, typing.TypeAliasType if hasattr(typing, "TypeAliasType") else ()):
            walk(ann.__value__)
        else:
            hint.members.append(ann)

    walk(annotation)
    return hint


def _describe(annotation: Any) -> str:
    text = repr(annotation).replace("typing.", "")
    return re.sub(r"<class '(?:[\w.]+\.)?(\w+)'>", r"\1", text)


def _literal_values(members: Sequence[Any]) -> set[Any] | None:
    values: set[Any] = set()
    found = False
    for member in members:
        if typing.get_origin(member) is Literal:
            values.update(typing.get_args(member))
            found = True
    return values if found else None


def _model_of(member: Any) -> type[BaseModel] | None:
    if isinstance(member, type) and issubclass(member, BaseModel):
        return member
    origin = typing.get_origin(member)
    if isinstance(origin, type) and issubclass(origin, BaseModel):
        return origin
    return None


_LISTS = (list, tuple, set, frozenset, Sequence, Iterable, typing.Sequence, typing.Iterable)


# --- the checker --------------------------------------------------------------


class Checker:
    """Collects the gaps of one operation."""

    def __init__(self, operation: Operation) -> None:
        self.operation = operation
        self.gaps: list[Gap] = []

    def gap(self, key: str, message: str) -> None:
        self.gaps.append(Gap(key, message))

    # values ---------------------------------------------------------------

    def value(
        self,
        schema: Mapping[str, Any],
        annotation: Any,
        where: str,
        key: str,
        *,
        request: bool,
        absent_ok: bool = False,
        metadata: Iterable[Any] = (),
    ) -> None:
        """Check that ``annotation`` takes every value ``schema`` allows, and no stricter."""
        body, nullable = _normalise(schema)
        hint = _hint(annotation, metadata)
        if annotation is Any or any(m is Any for m in hint.members):
            if body.get("type") not in (None, "object") or body.get("properties"):
                self.gap(key, f"{where}: typed Any, the spec says {_kind(body)}")
            return
        if nullable and not hint.nullable:
            self.gap(
                key, f"{where}: may be null in the spec, {_describe(annotation)} is not Optional"
            )
        if not nullable and hint.nullable and not absent_ok and not request:
            self.gap(key, f"{where}: never null in the spec, yet typed Optional")
        tries = list(self._match(body, hint, where, key, request=request))
        if any(not sub_gaps for sub_gaps in tries):
            return
        if tries:
            self.gaps.extend(min(tries, key=len))
        else:
            self.gap(key, f"{where}: the spec says {_kind(body)}, typed {_describe(annotation)}")

    def _match(
        self,
        body: dict[str, Any],
        hint: Hint,
        where: str,
        key: str,
        *,
        request: bool,
    ) -> Iterable[list[Gap]]:
        """Yield the gaps of each way the annotation could take the schema; [] is a match."""
        members = hint.members
        if body.get("oneOf") or body.get("anyOf"):
            # Each alternative taken by a member of the annotation (``A | B``)...
            gaps: list[Gap] = []
            alternatives = body.get("oneOf") or body.get("anyOf") or ()
            for n, alternative in enumerate(alternatives):
                sub = Checker(self.operation)
                sub.value(alternative, _union(members), f"{where}<{n}>", key, request=request)
                gaps.extend(sub.gaps)
            yield gaps
            # ...or all of them by one model whose fields cover every variant.
            sub = Checker(self.operation)
            sub.value(_merge(alternatives), _union(members), where, key, request=request)
            yield sub.gaps
            return
        kind = body.get("type")
        typed = _describe(_union(members))
        if "enum" in body and kind in ("string", None):
            values = _literal_values(members)
            if values is None:
                yield [Gap(key, f"{where}: an enum in the spec, typed {typed}")]
                return
            gaps = []
            missing = set(body["enum"]) - values
            extra = values - set(body["enum"])
            if missing:
                gaps.append(Gap(key, f"{where}: enum values {sorted(missing)} are not accepted"))
            if extra and len(body["enum"]) > 1:
                gaps.append(Gap(key, f"{where}: enum values {sorted(extra)} are not in the spec"))
            if request and hint.open:
                gaps.append(Gap(key, f"{where}: a request enum must be strict, not OPEN"))
            if not request and not hint.open and len(body["enum"]) > 1:
                gaps.append(Gap(key, f"{where}: a reply enum must be Annotated[..., OPEN]"))
            yield gaps
            return
        if kind == "string":
            wanted = datetime if body.get("format") == "date-time" else str
            yield [] if wanted in members else [Gap(key, f"{where}: {_kind(body)}, typed {typed}")]
            return
        if kind == "integer":
            yield [] if int in members else [Gap(key, f"{where}: integer, typed {typed}")]
            return
        if kind == "number":
            yield [] if float in members else [Gap(key, f"{where}: number, typed {typed}")]
            return
        if kind == "boolean":
            yield [] if bool in members else [Gap(key, f"{where}: boolean, typed {typed}")]
            return
        if kind == "array":
            for member in members:
                origin = typing.get_origin(member) or member
                if origin not in _LISTS:
                    continue
                args = typing.get_args(member)
                sub = Checker(self.operation)
                if "prefixItems" in body:
                    items = body["prefixItems"]
                    if origin is not tuple or len(args) != len(items):
                        continue
                    for n, (item, arg) in enumerate(zip(items, args, strict=True)):
                        sub.value(item, arg, f"{where}[{n}]", key, request=request)
                else:
                    item_ann = args[0] if args else Any
                    sub.value(body.get("items", {}), item_ann, f"{where}[]", key, request=request)
                yield sub.gaps
            return
        if kind == "object" or "properties" in body:
            props = body.get("properties")
            extra = body.get("additionalProperties")
            for member in members:
                model = _model_of(member)
                if model is not None and props:
                    sub = Checker(self.operation)
                    sub.model(body, model, where, request=request)
                    yield sub.gaps
                elif (typing.get_origin(member) or member) in (dict, Mapping, typing.Mapping):
                    if props:
                        continue
                    args = typing.get_args(member)
                    sub = Checker(self.operation)
                    if isinstance(extra, dict) and args:
                        sub.value(extra, args[1], f"{where}{{}}", key, request=request)
                    yield sub.gaps
                elif model is not None and not props:
                    yield []
            return
        yield []  # a schema with no type: anything goes

    # models ---------------------------------------------------------------

    def model(
        self,
        schema: Mapping[str, Any],
        model: type[BaseModel],
        where: str,
        *,
        request: bool,
    ) -> None:
        """Check every property of an object schema against the fields of ``model``."""
        body, _ = _normalise(schema)
        props: dict[str, Any] = body.get("properties", {})
        required = set(body.get("required", []))
        fields = model.model_fields
        name = model.__name__.split("[")[0]
        if request and not issubclass(model, Payload):
            self.gap(name, f"{where}: {name} is not a Payload (unknown keys would be sent)")
        by_wire = {field.alias or n: n for n, field in fields.items()} | {n: n for n in fields}
        for prop, sub in props.items():
            key = f"{name}.{prop}"
            field_name = by_wire.get(prop)
            if field_name is None:
                self.gap(key, f"{where}.{prop}: not a field of {name}")
                continue
            field = fields[field_name]
            if request:
                if (prop in required) != field.is_required():
                    says = "required" if prop in required else "optional"
                    has = "required" if field.is_required() else "optional"
                    self.gap(key, f"{where}.{prop}: {says} in the spec, {has} on {name}")
            elif prop not in required and field.is_required():
                self.gap(key, f"{where}.{prop}: may be absent in the spec, required on {name}")
            self.value(
                sub,
                field.annotation,
                f"{where}.{prop}",
                key,
                request=request,
                absent_ok=prop not in required,
                metadata=field.metadata,
            )
        for field_name, field in fields.items():
            wire = field.alias or field_name
            if wire in props or field_name in props:
                continue
            self.gap(f"{name}.{field_name}", f"{where}.{field_name}: not in the spec")

    # operations -----------------------------------------------------------

    def run(self) -> list[Gap]:
        op = self.operation
        target = getattr(hcloud_models, "OPERATIONS", {}).get(op.operation_id)
        if target is None:
            self.gap(f"{op.operation_id}:method", f"{op.operation_id}: no SDK method performs it")
            return self.gaps
        resource, _, method = target.partition(".")
        build = vars(resource_class(resource))[method].build
        try:
            hints = typing.get_type_hints(build, include_extras=True)
        except Exception as exc:
            self.gap(f"{op.operation_id}:call", f"{target}: annotations do not resolve: {exc!r}")
            return self.gaps
        signature = inspect.signature(build)
        self.parameters(target, signature, hints)
        call = self.call(target, build, signature, hints)
        self.request(target, hints)
        if call is not None:
            self.reply(target, call)
        return self.gaps

    def _spec_parameters(self, where: str) -> list[dict[str, Any]]:
        op = self.operation
        item = spec.load(op.spec)["paths"][op.path]
        params = [*item.get("parameters", []), *op.op.get("parameters", [])]
        return [p for p in params if p.get("in") == where]

    def _path_names(self) -> list[str]:
        return re.findall(r"{(\w+)}", self.operation.path)

    def parameters(self, target: str, signature: inspect.Signature, hints: dict[str, Any]) -> None:
        op = self.operation
        positional = [
            p
            for p in signature.parameters.values()
            if p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD)
        ]
        path_params = {p["name"]: p for p in self._spec_parameters("path")}
        taken = _path_arguments(self._path_names(), positional, hints)
        for name in self._path_names()[sum(len(names) for _, names in taken) :]:
            key = f"{op.operation_id}:{name}"
            self.gap(key, f"{target}: path parameter {name} is not a positional argument")
        for arg, names in taken:
            if arg.name not in hints:
                for name in names:
                    key = f"{op.operation_id}:{name}"
                    self.gap(key, f"{target}: argument {arg.name} (path {name}) is not typed")
                continue
            if len(names) == 1:
                parts = [hints[arg.name]]
            else:
                parts = list(typing.get_args(_tuple_member(hints[arg.name], len(names))))
            for name, part in zip(names, parts, strict=True):
                key = f"{op.operation_id}:{name}"
                schema = path_params.get(name, {}).get("schema", {"type": "string"})
                self.value(schema, part, f"path {name} -> {arg.name}", key, request=True)
        for param in self._spec_parameters("query"):
            name = param["name"]
            key = f"{op.operation_id}:{name}"
            arg_name = ARGUMENT_NAMES.get(key, name)
            arg = signature.parameters.get(arg_name)
            if arg is None:
                self.gap(key, f"{target}: query parameter {name} is not an argument")
                continue
            if arg_name not in hints:
                self.gap(key, f"{target}: argument {arg_name} (query {name}) is not typed")
                continue
            schema = param.get("schema", {})
            annotation = hints[arg_name]
            if schema.get("type") == "array":
                # A repeatable parameter: one value or a sequence of them.
                schema = schema.get("items", {})
                annotation = _single_or_items(hints[arg_name])
            self.value(schema, annotation, f"query {name}", key, request=True, absent_ok=True)
        # Other keyword arguments must be body fields (checked with the payload model).
        query_args = {
            ARGUMENT_NAMES.get(f"{op.operation_id}:{p['name']}", p["name"])
            for p in self._spec_parameters("query")
        }
        payload = self._payload_class(hints)
        fields = set(payload[1].model_fields) if payload is not None else set()
        for arg in signature.parameters.values():
            if arg.kind == arg.KEYWORD_ONLY and arg.name not in query_args | fields:
                key = f"{op.operation_id}:{arg.name}"
                message = f"{target}: argument {arg.name} is no query parameter nor body field"
                self.gap(key, message)

    def _payload_class(self, hints: dict[str, Any]) -> tuple[str, type[Payload]] | None:
        for name, annotation in hints.items():
            if name == "return":
                continue
            for member in _hint(annotation).members:
                if isinstance(member, type) and issubclass(member, Payload):
                    return name, member
        return None

    def call(
        self,
        target: str,
        build: Any,
        signature: inspect.Signature,
        hints: dict[str, Any],
    ) -> Call[Any, Any] | None:
        """Build the operation's call with dummy arguments; check method, path and base URL."""
        op = self.operation
        path_params = {p["name"]: p for p in self._spec_parameters("path")}
        query_params = {p["name"]: p for p in self._spec_parameters("query")}
        payload = self._payload_class(hints)
        body = spec.request_schema(op.operation_id, op.spec)
        ids = iter(range(11, 100))
        path_values: dict[str, Any] = {}
        for name in self._path_names():
            schema = path_params.get(name, {}).get("schema", {})
            kind = _normalise(schema)[0].get("type")
            dummy: Any = next(ids) if kind == "integer" else "name-1"
            path_values[name] = (schema.get("enum") or [dummy])[0]
        positional = [
            p
            for p in signature.parameters.values()
            if p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD)
        ]
        path_args = {
            arg.name: path_values[names[0]]
            if len(names) == 1
            else tuple(path_values[name] for name in names)
            for arg, names in _path_arguments(self._path_names(), positional, hints)
        }
        bodies: list[Any] = [None]
        if body is not None:
            # The spec's examples can break documented rules (a password of "text"):
            # then only the required part, then the example as an unchecked model.
            bodies = [spec.example(body), _required_only(body)]
            if payload is not None:
                bodies.append(payload[1].model_construct(**spec.example(body)))
        last_error: Exception | None = None
        for example_body in bodies:
            args: list[Any] = []
            kwargs: dict[str, Any] = {}
            for param in signature.parameters.values():
                if param.name in path_args:
                    args.append(path_args[param.name])
                    continue
                value: Any = inspect.Parameter.empty
                if payload is not None and param.name == payload[0]:
                    value = example_body
                else:
                    spec_name = next(
                        (
                            q
                            for q in query_params
                            if ARGUMENT_NAMES.get(f"{op.operation_id}:{q}", q) == param.name
                        ),
                        None,
                    )
                    if spec_name is not None and query_params[spec_name].get("required"):
                        schema = query_params[spec_name].get("schema", {})
                        value = _dummy(schema, hints.get(param.name), next(ids))
                if value is inspect.Parameter.empty:
                    if param.default is inspect.Parameter.empty:
                        self.gap(
                            f"{op.operation_id}:call", f"{target}: no dummy value for {param.name}"
                        )
                        return None
                    continue
                if param.kind == param.KEYWORD_ONLY:
                    kwargs[param.name] = value
                else:
                    args.append(value)
            try:
                with warnings.catch_warnings():
                    warnings.simplefilter("ignore")  # deprecated operations are built too
                    call = build(*args, **kwargs)
                break
            except Exception as exc:
                last_error = exc
        else:
            self.gap(
                f"{op.operation_id}:call",
                f"{target}: cannot be called with the spec's example: {last_error!r}",
            )
            return None
        if not isinstance(call, Call):
            self.gap(f"{op.operation_id}:call", f"{target}: does not build a Call")
            return None
        expected = op.path
        for name, value in path_values.items():
            expected = expected.replace(f"{{{name}}}", str(value))
        if (call.method, call.path) != (op.method, expected):
            self.gap(
                f"{op.operation_id}:call",
                f"{target}: sends {call.method} {call.path}, the spec says {op.method} {expected}",
            )
        if call.api != API_OF_SPEC[op.spec]:
            self.gap(f"{op.operation_id}:call", f"{target}: sent to the {call.api!r} API")
        if body is not None and op.op["requestBody"].get("required") and call.body is None:
            self.gap(f"{op.operation_id}:body", f"{target}: sends no body, the spec requires one")
        if body is not None and call.body is not None:
            try:
                spec.validate(json.loads(call.body), body)
            except Exception as exc:
                message = getattr(exc, "message", repr(exc))
                self.gap(
                    f"{op.operation_id}:body", f"{target}: the body sent breaks the spec: {message}"
                )
        if bool(call.deprecated) != bool(op.op.get("deprecated")):
            self.gap(
                f"{op.operation_id}:deprecated", f"{target}: deprecation differs from the spec"
            )
        return call

    def request(self, target: str, hints: dict[str, Any]) -> None:
        op = self.operation
        body = spec.request_schema(op.operation_id, op.spec)
        payload = self._payload_class(hints)
        if body is None:
            if payload is not None:
                self.gap(f"{op.operation_id}:body", f"{target}: takes a body, the spec has none")
            return
        if payload is None:
            self.gap(
                f"{op.operation_id}:body", f"{target}: takes no payload model for the request body"
            )
            return
        self.model(body, payload[1], "body", request=True)

    def reply(self, target: str, call: Call[Any, Any]) -> None:
        op = self.operation
        key = f"{op.operation_id}:reply"
        try:
            schema: dict[str, Any] | None = spec.reply_schema(op.operation_id, op.spec)
        except LookupError:
            schema = None
        shape = reply_shape(call.reply)
        if schema is None:
            if shape is not None:
                self.gap(key, f"{target}: reads a reply body, the spec has none")
            return
        if shape is None:
            message = (
                f"{target}: the reply body is not read into a model "
                "(read it with whole, unwrap, page_of or first_of from operations._call)"
            )
            self.gap(key, message)
            return
        kind, envelope, model = shape
        if kind == "whole":
            self.model(schema, model, "reply", request=False)
            return
        body, _ = _normalise(schema)
        props = body.get("properties", {})
        if envelope not in props:
            self.gap(key, f"{target}: reads {envelope!r}, not in the reply")
            return
        for other in props:
            if other != envelope and not (other == "meta" and kind in ("page_of", "first_of")):
                message = f"{target}: reply property {other!r} is dropped by the reader"
                self.gap(f"{key}.{other}", message)
        where = f"reply.{envelope}"
        if kind == "unwrap":
            self.value(props[envelope], model, where, key, request=False)
            return
        items, _ = _normalise(props[envelope])
        if items.get("type") != "array":
            self.gap(key, f"{target}: reads a list page, {envelope!r} is not an array")
            return
        self.value(items.get("items", {}), model, f"{where}[]", key, request=False)
        if "meta" in props:
            self.value(props["meta"], Meta, "reply.meta", key, request=False, absent_ok=True)


def _merge(alternatives: Sequence[Mapping[str, Any]]) -> dict[str, Any]:
    """One schema taking what any of ``alternatives`` takes.

    Objects get every property of every variant, required only where all
    variants require it, and nested objects are merged alike; enums get every
    value; a property that may be null in one variant may be null in the merge.
    """
    parts = [_normalise(alt) for alt in alternatives]
    nullable = any(null for _, null in parts)
    bodies = [body for body, _ in parts]
    merged: dict[str, Any] = dict(bodies[0])
    if all("properties" in body for body in bodies):
        names = list(dict.fromkeys(name for body in bodies for name in body["properties"]))
        merged["properties"] = {
            name: _merge(
                [body["properties"][name] for body in bodies if name in body["properties"]]
            )
            for name in names
        }
        merged["required"] = sorted(
            set.intersection(*(set(body.get("required", [])) for body in bodies))
        )
    elif all("enum" in body for body in bodies):
        merged["enum"] = list(dict.fromkeys(v for body in bodies for v in body["enum"]))
    elif all(body.get("type") == "array" for body in bodies):
        merged["items"] = _merge([body.get("items", {}) for body in bodies])
    if nullable:
        merged["nullable"] = True
    merged.pop("oneOf", None)
    merged.pop("anyOf", None)
    return merged


def _kind(schema: Mapping[str, Any]) -> str:
    kind = schema.get("type", "any")
    if schema.get("format") == "date-time":
        return "date-time string"
    if "enum" in schema:
        return f"enum {schema['enum']}"
    return str(kind)


def _union(members: Sequence[Any]) -> Any:
    if not members:
        return Any
    result = members[0]
    for member in members[1:]:
        result = Union[result, member]  # noqa: UP007 - built at run time from parts
    return result


def _single_or_items(annotation: Any) -> Any:
    """``T | Sequence[T] | None`` -> ``T | None``: the type of one value of a repeated parameter."""
    hint = _hint(annotation)
    singles: list[Any] = []
    for member in hint.members:
        origin = typing.get_origin(member) or member
        if origin in _LISTS:
            args = typing.get_args(member)
            singles.extend(_hint(args[0]).members if args else [Any])
        else:
            singles.append(member)
    unique = list(dict.fromkeys(singles))
    result = _union(unique)
    return Union[result, None] if hint.nullable else result  # noqa: UP007


def _tuple_member(annotation: Any, size: int) -> Any:
    """The ``tuple[...]`` of ``size`` items among the members of ``annotation``, if any."""
    for member in _hint(annotation).members:
        if typing.get_origin(member) is tuple and len(typing.get_args(member)) == size:
            return member
    return None


def _path_arguments(
    names: list[str], positional: list[inspect.Parameter], hints: dict[str, Any]
) -> list[tuple[inspect.Parameter, list[str]]]:
    """Which leading positional argument stands for which path parameters.

    One argument per path parameter, except that an argument typed with a
    ``tuple`` of k items (``tuple[Ref, Ref]``: a storage box and a subaccount in
    it) may stand for the next k path parameters.
    """
    taken: list[tuple[inspect.Parameter, list[str]]] = []
    rest = list(names)
    for arg in positional:
        if not rest:
            break
        size = next(
            (k for k in range(len(rest), 1, -1) if _tuple_member(hints.get(arg.name), k)), 1
        )
        taken.append((arg, rest[:size]))
        rest = rest[size:]
    return taken


def _dummy(schema: Mapping[str, Any], annotation: Any, n: int) -> Any:
    """A value for a required query parameter, of the type the argument wants."""
    members = _hint(annotation).members
    if datetime in members:
        return datetime(2016, 1, n % 28 + 1, tzinfo=timezone.utc)
    literals = _literal_values(members)
    if literals:
        return sorted(literals)[0]
    return spec.example(dict(schema))


def _required_only(schema: Mapping[str, Any]) -> Any:
    """An example body holding only the required properties (nested too)."""
    body, _ = _normalise(schema)
    if "properties" not in body:
        return spec.example(dict(schema))
    required = set(body.get("required", []))
    return {
        name: _required_only(sub) if _normalise(sub)[0].get("properties") else spec.example(sub)
        for name, sub in body["properties"].items()
        if name in required
    }


ARGUMENT_NAMES: dict[str, str] = {
    # operationId:parameter -> the build function's argument, where the name differs.
    "get_actions:id": "ids",
}


def gaps(operation: Operation) -> list[Gap]:
    """Every gap between the SDK and the spec for one operation."""
    return Checker(operation).run()
