"""Base classes shared by every model: wire names, kebab-case aliases, binding.

Three kinds of model live in this package:

* :class:`HcloudModel` -- a plain API object or a nested part of one
  (``Protection``, ``PublicNet``...).  Unknown fields that the API adds later are
  kept, never rejected.
* :class:`BoundModel` -- an API object with an identity (``Server``,
  ``Action``...).  Objects returned by a client keep a private reference to it,
  so their methods (``server.power_off()``) reach the API.  The reference is not
  part of the data: it is left out of ``repr()``, equality, dumps and pickles.
* :class:`Payload` -- a request body.  Unknown keys are rejected and the API's
  documented rules are checked before anything is sent.

Every model accepts its fields by their snake_case wire names and, in Python
data, by kebab-case aliases (``{"start-after-create": False}``), and dumps
snake_case by default.  JSON is read by wire name only, which keeps parsing
replies fast.
"""

from __future__ import annotations

import copy
import functools
import re
from collections.abc import AsyncIterator, Callable, Coroutine, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Annotated, Any, ClassVar, Concatenate, Generic, TypeVar, overload

from pydantic import AfterValidator, AliasGenerator, BaseModel, ConfigDict, GetCoreSchemaHandler
from pydantic_core import core_schema
from typing_extensions import ParamSpec, Self

from .._modes import Async, M, Sync
from ..errors import UnboundObjectError

if TYPE_CHECKING:
    from ..operations._call import Call, Job
    from .page import Page

__all__ = [
    "OPEN",
    "BoundModel",
    "Delegate",
    "HcloudModel",
    "LabelSelector",
    "Labels",
    "Payload",
    "bind",
    "delegate",
    "to_kebab",
]

P = ParamSpec("P")
TS = TypeVar("TS")
TA = TypeVar("TA")


def to_kebab(name: str) -> str:
    """Return the kebab-case spelling of a snake_case field name."""
    return name.replace("_", "-")


class _Forwarder:
    """A bound-object method that forwards to the method of the same name on its manager."""

    def __init__(self, target: Callable[[], Any], name: str = "") -> None:
        self.target = target
        self.name = name

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = self.name or name

    def _forward(self, obj: BoundModel[Any], owner: type) -> Callable[..., Any]:
        name = self.name

        def call(*args: Any, **kwargs: Any) -> Any:
            # Looked up at call time, so hasattr() and help() work on unbound objects too.
            resource = getattr(obj._client(), obj._resource)
            return getattr(resource, name)(obj, *args, **kwargs)

        call.__name__ = name
        call.__qualname__ = f"{owner.__name__}.{name}"
        return call


class Delegate(_Forwarder, Generic[P, TS, TA]):
    """A bound-object method that forwards to its resource manager.

    ``power_off = delegate(lambda: ops.power_off)`` on ``Server`` makes
    ``server.power_off()`` call ``client.servers.power_off(server)``.  The
    lambda names the operation's build function, imported for the type checker
    only: it gives the method its signature and return types.  At run time the
    method of the same name (or ``name``) on the client's resource manager is
    called, which runs that same build function.
    """

    def __init__(
        self, target: Callable[[], Callable[Concatenate[Any, P], Job[TS, TA]]], name: str = ""
    ) -> None:
        super().__init__(target, name)

    @overload
    def __get__(self, obj: None, owner: type) -> Self: ...
    @overload
    def __get__(self, obj: BoundModel[Sync], owner: type) -> Callable[P, TS]: ...
    @overload
    def __get__(
        self, obj: BoundModel[Async], owner: type
    ) -> Callable[P, Coroutine[Any, Any, TA]]: ...
    def __get__(self, obj: BoundModel[Any] | None, owner: type) -> Any:
        return self if obj is None else self._forward(obj, owner)


class PagesDelegate(_Forwarder, Generic[P, TS, TA]):
    """A bound-object method walking every page of a list below the object.

    ``all_rrsets = PagesDelegate(lambda: ops.list_zone_rrsets)`` on ``Zone``
    makes ``zone.all_rrsets()`` call ``client.zones.all_rrsets(zone)``: an
    iterator (an async iterator for async objects) over every item.
    """

    def __init__(
        self,
        target: Callable[[], Callable[Concatenate[Any, P], Call[Page[TS], Page[TA]]]],
        name: str = "",
    ) -> None:
        super().__init__(target, name)

    @overload
    def __get__(self, obj: None, owner: type) -> Self: ...
    @overload
    def __get__(self, obj: BoundModel[Sync], owner: type) -> Callable[P, Iterator[TS]]: ...
    @overload
    def __get__(self, obj: BoundModel[Async], owner: type) -> Callable[P, AsyncIterator[TA]]: ...
    def __get__(self, obj: BoundModel[Any] | None, owner: type) -> Any:
        return self if obj is None else self._forward(obj, owner)


def delegate(
    target: Callable[[], Callable[Concatenate[Any, P], Job[TS, TA]]], name: str = ""
) -> Delegate[P, TS, TA]:
    """Declare a bound-object method; see :class:`Delegate`."""
    return Delegate(target, name)


class HcloudModel(BaseModel):
    """Base of every API object and nested part.

    Attribute names are the API's snake_case names.  Python data may use
    snake_case or kebab-case keys; JSON uses the wire names.  Fields the model
    does not know are kept as extra attributes, so a field the API adds
    tomorrow never breaks parsing.
    """

    model_config = ConfigDict(
        alias_generator=AliasGenerator(serialization_alias=to_kebab),
        defer_build=True,
        extra="allow",
        ignored_types=(Delegate, PagesDelegate),
        # Field names are cached as Python strings; values are not: looking each
        # one up in pydantic-core's cache costs more than it saves for replies.
        cache_strings="keys",
    )

    @classmethod
    def __get_pydantic_core_schema__(
        cls, source: Any, handler: GetCoreSchemaHandler
    ) -> core_schema.CoreSchema:
        # JSON (every API reply) is read by field name at full speed; Python data
        # (dicts written by hand, Clojure-era kebab-case keys) has its kebab-case
        # field names turned into snake_case first.
        schema = handler(source)
        kebab = {to_kebab(name): name for name in cls.model_fields if "_" in name}
        if not kebab:
            return schema
        # The reference pydantic uses for a model met more than once in a reply goes
        # on the wrapper, so that every use, not only the first, renames kebab keys.
        ref = schema.pop("ref", None)  # type: ignore[attr-defined]
        return core_schema.json_or_python_schema(
            json_schema=schema,
            python_schema=core_schema.no_info_before_validator_function(
                functools.partial(_snake_keys, kebab), schema
            ),
            ref=ref,
        )

    def to_dict(self) -> dict[str, Any]:
        """Return the object as JSON-compatible data with the API's snake_case keys."""
        return self.model_dump(mode="json", by_alias=False, exclude_unset=isinstance(self, Payload))

    def to_json(self) -> str:
        """Return the object as a JSON document with the API's snake_case keys."""
        return self.model_dump_json(by_alias=False, exclude_unset=isinstance(self, Payload))

    def to_kebab_dict(self) -> dict[str, Any]:
        """Return the object as data with kebab-case keys, as the Clojure client did.

        Only field names change; keys that are data (label keys, metric series
        names) are kept as they are.
        """
        return self.model_dump(mode="json", by_alias=True, exclude_unset=isinstance(self, Payload))


def _snake_keys(kebab: dict[str, str], data: Any) -> Any:
    """``data`` with the kebab-case spellings of field names (``kebab`` maps them) in snake_case."""
    if isinstance(data, dict) and any(key in kebab for key in data):
        return {kebab.get(key, key): value for key, value in data.items()}
    return data


class BoundModel(HcloudModel, Generic[M]):
    """An API object with an identity, able to act through the client that returned it.

    ``Server`` means ``Server[Sync]`` (from :class:`~hcloud_models.Client`);
    objects from :class:`~hcloud_models.AsyncClient` are ``Server[Async]`` and
    their methods return awaitables.  No method runs on attribute access or in
    ``repr()``; refreshing an object is explicit (``reload()``).
    """

    _resource: ClassVar[str] = ""
    """Name of the client's resource manager for this kind of object."""

    def _client(self) -> Any:
        private = self.__pydantic_private__
        client = private.get("client") if private else None
        if client is None:
            raise UnboundObjectError(
                f"this {type(self).__name__} is not bound to a client; "
                f"fetch it through a client (client.{self._resource}.get(...)) to call its methods"
            )
        return client

    @property
    def is_bound(self) -> bool:
        """Whether the object was returned by a client and can call the API."""
        private = self.__pydantic_private__
        return bool(private and private.get("client") is not None)

    def __eq__(self, other: object) -> bool:
        # Equality compares data only; which client returned an object is irrelevant.
        if not isinstance(other, BaseModel) or type(other) is not type(self):
            return NotImplemented
        return (
            self.__dict__ == other.__dict__ and self.__pydantic_extra__ == other.__pydantic_extra__
        )

    __hash__ = None  # type: ignore[assignment]

    def __getstate__(self) -> dict[Any, Any]:
        state = super().__getstate__()
        state["__pydantic_private__"] = None
        return state

    def __deepcopy__(self, memo: dict[int, Any] | None = None) -> Self:
        private = self.__pydantic_private__
        object.__setattr__(self, "__pydantic_private__", None)
        try:
            clone = super().__deepcopy__(memo)
        finally:
            object.__setattr__(self, "__pydantic_private__", private)
        object.__setattr__(clone, "__pydantic_private__", copy.copy(private))
        return clone


def bind(value: Any, client: Any) -> Any:
    """Attach ``client`` to ``value`` and to the bound objects it holds; return ``value``.

    Walks bound models, plain models (results holding an object and its action)
    and sequences (lists, pages) of either, descending only into fields that can
    hold a bound model.  Used by the session on every parsed reply.
    """
    # One private dict serves every object of the reply: nothing writes to it
    # (bound models declare no private attributes) and copies take their own.
    _attach(value, {"client": client})
    return value


def _attach(value: Any, private: dict[str, Any]) -> None:
    # Hot path (every object of every reply): exact-type lookups before isinstance().
    cls = type(value)
    if cls is list:
        for item in value:
            _attach(item, private)
        return
    plan = _PLANS.get(cls)
    if plan is None:
        if isinstance(value, BaseModel):
            plan = _plan(cls)
        elif isinstance(value, Sequence) and not isinstance(value, (str, bytes)):
            for item in value:
                _attach(item, private)
            return
        else:
            return
    bound, names = plan
    if bound:
        object.__setattr__(value, "__pydantic_private__", private)
    if names:
        fields = value.__dict__
        for name in names:
            item = fields.get(name)
            if item is not None:
                _attach(item, private)


_PLANS: dict[type, tuple[bool, tuple[str, ...]]] = {}


def _plan(cls: type[BaseModel]) -> tuple[bool, tuple[str, ...]]:
    """Whether ``cls`` is bound, and the fields through which a bound model can be reached."""
    plan = _PLANS[cls] = (issubclass(cls, BoundModel), _fields_holding_bound_models(cls))
    return plan


_BOUND_FIELDS: dict[type[BaseModel], tuple[str, ...]] = {}


def _fields_holding_bound_models(cls: type[BaseModel]) -> tuple[str, ...]:
    """Names of the fields of ``cls`` through which a bound model can be reached (cached)."""
    names = _BOUND_FIELDS.get(cls)
    if names is None:
        _BOUND_FIELDS[cls] = ()  # guards against models that contain themselves
        names = tuple(
            name
            for name, field in cls.model_fields.items()
            if _reaches_bound_model(field.annotation)
        )
        _BOUND_FIELDS[cls] = names
    return names


def _reaches_bound_model(annotation: Any) -> bool:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return issubclass(annotation, BoundModel) or bool(_fields_holding_bound_models(annotation))
    return any(_reaches_bound_model(arg) for arg in getattr(annotation, "__args__", ()))


class Payload(HcloudModel):
    """Base of request bodies: unknown keys are an error, rules are checked locally."""

    model_config = ConfigDict(extra="forbid")

    @classmethod
    def build(cls, payload: Self | Mapping[str, Any] | None = None, /, **fields: Any) -> Self:
        """Validate a payload given as a model, a mapping (snake or kebab keys) or keywords.

        Keywords whose value is ``None`` are treated as not given; keywords win
        over keys of ``payload``.
        """
        given = {k: v for k, v in fields.items() if v is not None}
        if isinstance(payload, cls):
            if not given:
                return payload
            data: dict[str, Any] = payload.model_dump(exclude_unset=True)
        elif payload is None:
            data = {}
        elif isinstance(payload, Mapping):
            data = {k.replace("-", "_") if isinstance(k, str) else k: v for k, v in payload.items()}
        else:
            raise TypeError(
                f"expected {cls.__name__}, a mapping or None, got {type(payload).__name__}"
            )
        data.update(given)
        return cls.model_validate(data)


# --- enumerations in replies -------------------------------------------------


class SecretPayload(Payload):
    """A body carrying a secret (password, private key): validation errors never echo input.

    Declare the secret fields themselves with ``Field(repr=False)``.
    """

    model_config = ConfigDict(hide_input_in_errors=True)


class _OpenEnum:
    """Annotation marker: a reply enum that also takes values added to the API later.

    ``status: Annotated[Literal["running", "off"], OPEN]`` is typed as the
    literal for editors and type checkers, but a value the API introduces after
    this release is kept as a plain string instead of failing the whole reply.
    Since any string passes, a string-only literal is validated as a plain
    ``str`` in pydantic-core: no union, no second try.
    """

    def __get_pydantic_core_schema__(
        self, source: Any, handler: GetCoreSchemaHandler
    ) -> core_schema.CoreSchema:
        known = handler(source)
        if known.get("type") == "literal" and all(
            isinstance(value, str) for value in known.get("expected", ())
        ):
            # Every string passes either way, so the literal check is skipped; the
            # JSON Schema still names the known values.
            known_values = list(known["expected"])

            def json_schema(_: Any, __: Any) -> dict[str, Any]:
                return {"anyOf": [{"enum": known_values, "type": "string"}, {"type": "string"}]}

            return core_schema.str_schema(metadata={"pydantic_js_functions": [json_schema]})
        return core_schema.union_schema([known, core_schema.str_schema()], mode="left_to_right")

    def __repr__(self) -> str:
        return "OPEN"


OPEN = _OpenEnum()
"""Marks an enum field of a reply model as open to values added later (see ``_OpenEnum``)."""


# --- labels ---------------------------------------------------------------

_LABEL_NAME = r"[a-zA-Z0-9]([a-zA-Z0-9._-]{0,61}[a-zA-Z0-9])?"
_DNS_LABEL = r"[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?"
_LABEL_KEY = re.compile(rf"^(?:(?P<prefix>{_DNS_LABEL}(?:\.{_DNS_LABEL})*)/)?{_LABEL_NAME}$")
_LABEL_VALUE = re.compile(rf"^(?:{_LABEL_NAME})?$")
_RESERVED_PREFIX = "hetzner.cloud/"


def _check_labels(labels: dict[str, str]) -> dict[str, str]:
    for key, value in labels.items():
        match = _LABEL_KEY.match(key)
        if match is None:
            raise ValueError(
                f"label key {key!r} is invalid: an optional DNS-subdomain prefix and '/', then a "
                "name of at most 63 characters that starts and ends alphanumeric "
                "(dashes, underscores and dots between)"
            )
        prefix = match.group("prefix")
        if prefix is not None and len(prefix) > 253:
            raise ValueError(
                f"label key {key!r} is invalid: its prefix is longer than 253 characters"
            )
        if key.startswith(_RESERVED_PREFIX):
            raise ValueError(
                f"label key {key!r} is invalid: the prefix 'hetzner.cloud/' is reserved"
            )
        if not _LABEL_VALUE.match(value):
            raise ValueError(
                f"label value {value!r} of key {key!r} is invalid: empty, or at most 63 characters "
                "that start and end alphanumeric (dashes, underscores and dots between)"
            )
    return labels


Labels = Annotated[dict[str, str], AfterValidator(_check_labels)]
"""Labels in a request body, checked against the API's key and value syntax."""

LabelSelector = str
"""A label selector expression such as ``"env=prod,tier in (web,api)"``."""
