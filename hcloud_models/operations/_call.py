"""The building blocks of operations: calls, reply readers, query strings.

A :class:`Call` is a pure description of one request and of how to read its
reply.  Build functions make calls; :class:`Endpoint` and :class:`Paged` turn a
build function into a method of a resource manager, typed for the sync or the
async client.
"""

from __future__ import annotations

import functools
from collections.abc import (
    AsyncIterator,
    Callable,
    Coroutine,
    Iterable,
    Iterator,
    Mapping,
    Sequence,
)
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import TYPE_CHECKING, Any, Generic, Literal, Protocol, TypeVar, overload

from pydantic import BaseModel, create_model
from typing_extensions import ParamSpec, Self

from .._modes import Async, Sync
from ..models.common import Meta
from ..models.page import Page

if TYPE_CHECKING:
    from ..models._base import Payload
    from ..resources._base import Resource

__all__ = [
    "Body",
    "Call",
    "Endpoint",
    "Job",
    "ObjectPath",
    "HasId",
    "Paged",
    "Ref",
    "Reply",
    "SortIdCreated",
    "SortIdName",
    "SortIdNameCreated",
    "first_of",
    "id_of",
    "metrics_query",
    "name_or_id",
    "no_reply",
    "page_of",
    "query",
    "reply_shape",
    "unwrap",
    "whole",
]

P = ParamSpec("P")
TS = TypeVar("TS")
TA = TypeVar("TA")


class HasId(Protocol):
    """Anything with an integer ``id``: a model, or a reference to one."""

    @property
    def id(self) -> int: ...


Ref = int | HasId
"""An object of the API given by its id or by any object carrying that id."""


def id_of(ref: Ref) -> int:
    """The id of an object given by id or by an object that has one."""
    if isinstance(ref, int) and not isinstance(ref, bool):
        return ref
    ident = getattr(ref, "id", None)
    if isinstance(ident, int):
        return ident
    raise TypeError(f"expected an id or an object with an integer id, got {ref!r}")


def name_or_id(ref: str | Ref | None) -> str | None:
    """A name as given; an id, or an object carrying one, as the string "ID or name" fields take."""
    if ref is None or isinstance(ref, str):
        return ref
    return str(id_of(ref))


def ref_or_name(ref: str | Ref | None) -> str | int | None:
    """A name or id as given; an object as its id (fields that take "ID or name")."""
    if ref is None or isinstance(ref, (str, int)):
        return ref
    return id_of(ref)


def refs_or_names(refs: Iterable[str | Ref] | None) -> list[str | int] | None:
    """Names and ids as given, objects as their ids; ``None`` stays ``None``."""
    return None if refs is None else [ref if isinstance(ref, str) else id_of(ref) for ref in refs]


def ref_ids(refs: Ref | Sequence[Ref] | None) -> list[int] | None:
    """The ids of one object or id, or of several; ``None`` stays ``None``."""
    if refs is None:
        return None
    return [id_of(ref) for ref in refs] if isinstance(refs, Sequence) else [id_of(refs)]


def ref_id(ref: Ref | None) -> int | None:
    """The id of an object or id; ``None`` stays ``None``."""
    return None if ref is None else id_of(ref)


Body = Mapping[str, Any] | None
"""A request body given as a mapping (snake_case or kebab-case keys), or nothing."""


@dataclass(frozen=True, slots=True)
class ObjectPath:
    """Paths below one family's collection: ``/servers/42`` and ``/servers/42/actions/reset``."""

    family: str

    def __call__(self, ref: Ref, action: str = "") -> str:
        """The path of one object, or of one of its actions."""
        base = f"/{self.family}/{id_of(ref)}"
        return f"{base}/actions/{action}" if action else base


# --- reply readers ------------------------------------------------------------

Reply = Callable[[bytes], Any]
"""Turns a reply body into the call's result (raising pydantic errors on bad bodies)."""

API = Literal["cloud", "hetzner"]
"""The two base URLs one token reaches: the Cloud API and the Hetzner API (Storage Boxes)."""


@functools.cache
def _envelope(key: str, model: Any, *, listed: bool) -> type[BaseModel]:
    fields: dict[str, Any] = {key: (list[model] if listed else model, ...)}
    if listed:
        fields["meta"] = (Meta | None, None)
    name = f"{key.title().replace('_', '')}{'Page' if listed else ''}Reply"
    return create_model(name, **fields)


ReplyShape = tuple[Literal["whole", "unwrap", "page_of", "first_of"], str | None, Any]
"""How a reader reads a body: its kind, the envelope key (``None`` for ``whole``), the model."""


def _shaped(read: Reply, kind: str, key: str, model: Any) -> Reply:
    # Recorded for introspection (``reply_shape``); reading never looks at it.
    read.__dict__["reply_shape"] = (kind, key, model)
    return read


def reply_shape(reader: Reply) -> ReplyShape | None:
    """What ``reader`` reads a body into, or ``None`` for :func:`no_reply` and custom readers."""
    owner = getattr(reader, "__self__", None)
    is_model = isinstance(owner, type) and issubclass(owner, BaseModel)
    if is_model and getattr(reader, "__name__", None) == "model_validate_json":
        return ("whole", None, owner)
    shape: ReplyShape | None = getattr(reader, "reply_shape", None)
    return shape


def whole(model: type[BaseModel]) -> Reply:
    """Read the whole body as ``model``."""
    return model.model_validate_json


def unwrap(key: str, model: Any) -> Reply:
    """Read the object under ``key`` of the body (``{"server": {...}}``) as ``model``."""

    def read(content: bytes) -> Any:
        return getattr(_envelope(key, model, listed=False).model_validate_json(content), key)

    return _shaped(read, "unwrap", key, model)


def page_of(key: str, model: Any) -> Reply:
    """Read a list reply (``{"servers": [...], "meta": {...}}``) as a :class:`Page`."""

    def read(content: bytes) -> Page[Any]:
        reply = _envelope(key, model, listed=True).model_validate_json(content)
        meta = reply.__dict__["meta"]
        return Page(reply.__dict__[key], meta.pagination if meta is not None else None)

    return _shaped(read, "page_of", key, model)


def first_of(key: str, model: Any) -> Reply:
    """Read a list reply and keep its first object, or ``None`` when it is empty."""
    read_page = page_of(key, model)

    def read(content: bytes) -> Any:
        items = read_page(content).items
        return items[0] if items else None

    return _shaped(read, "first_of", key, model)


def no_reply(content: bytes) -> None:
    """Ignore the body (replies such as 204 No Content)."""
    return None


# --- query strings ------------------------------------------------------------


def _query_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, datetime):
        return value.isoformat()
    return str(value)


def query(**params: Any) -> tuple[tuple[str, str], ...]:
    """Encode query parameters; ``None`` is left out and sequences repeat the key."""
    pairs: list[tuple[str, str]] = []
    for name, value in params.items():
        if value is None:
            continue
        if isinstance(value, (list, tuple, set, frozenset)):
            pairs.extend((name, _query_value(v)) for v in value)
        else:
            pairs.append((name, _query_value(value)))
    return tuple(pairs)


# --- calls --------------------------------------------------------------------


class Job(Generic[TS, TA]):
    """Something a session runs for a resource manager: a :class:`Call`, or a wait.

    The two type parameters are the result's type for the sync client and for
    the async client (``Server`` and ``Server[Async]``, say).
    """

    __slots__ = ()


@dataclass(frozen=True, slots=True)
class Call(Job[TS, TA]):
    """One request to make and how to read its reply.

    Attributes:
        method: HTTP method.
        path: Path below the endpoint, starting with ``/``.
        reply: Reads the body of a successful reply into the result.
        params: Query parameters, in order, keys repeated for lists.
        body: JSON body already validated and encoded, or ``None``.
        deprecated: A message for a ``DeprecationWarning`` when the operation is deprecated.
        api: Which base URL the path is below: ``"cloud"`` (``api.hetzner.cloud``)
            or ``"hetzner"`` (``api.hetzner.com``, home of Storage Boxes).
    """

    method: str
    path: str
    reply: Reply = no_reply
    params: tuple[tuple[str, str], ...] = ()
    body: bytes | None = field(default=None, repr=False)  # it may carry a password
    deprecated: str | None = None
    api: API = "cloud"

    @classmethod
    def with_payload(
        cls, method: str, path: str, reply: Reply, payload: Payload, **kwargs: Any
    ) -> Self:
        """A call whose body is ``payload`` (fields the caller did not set are left out)."""
        body = payload.model_dump_json(exclude_unset=True, by_alias=False).encode()
        return cls(method, path, reply, body=body, **kwargs)

    def at_page(self, page: int, per_page: int | None = None) -> Self:
        """The same call asking for another page (and page size)."""
        params = [
            (k, v) for k, v in self.params if k != "page" and (per_page is None or k != "per_page")
        ]
        params.append(("page", str(page)))
        if per_page is not None:
            params.append(("per_page", str(per_page)))
        return replace(self, params=tuple(params))

    def param(self, name: str) -> str | None:
        """The first value of query parameter ``name``."""
        return next((v for k, v in self.params if k == name), None)


class Endpoint(Generic[P, TS, TA]):
    """A resource manager method made from a build function.

    On a sync manager the method returns the result; on an async manager it
    returns a coroutine.  Signature and docstring are the build function's.

    Args:
        build: The operation's build function.
        operation_id: The spec ``operationId`` it performs; ``None`` for helpers
            such as ``get_by_name`` that reuse another operation.
    """

    def __init__(self, build: Callable[P, Job[TS, TA]], operation_id: str | None = None) -> None:
        self.build = build
        self.name = build.__name__
        self.__doc__ = build.__doc__
        self._operation_id = operation_id

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    @property
    def operation_id(self) -> str | None:
        """The spec ``operationId`` this endpoint performs."""
        if self._operation_id is not None:
            return self._operation_id
        # Build functions that are methods of a per-family object keep their ids there.
        owner = getattr(self.build, "__self__", None)
        ids: dict[str, str] = getattr(owner, "operation_ids", {})
        return ids.get(self.build.__name__)

    @overload
    def __get__(self, obj: None, owner: type) -> Self: ...
    @overload
    def __get__(self, obj: Resource[Sync], owner: type) -> Callable[P, TS]: ...
    @overload
    def __get__(
        self, obj: Resource[Async], owner: type
    ) -> Callable[P, Coroutine[Any, Any, TA]]: ...
    def __get__(self, obj: Resource[Any] | None, owner: type) -> Any:
        if obj is None:
            return self
        execute = obj._session.execute
        build = self.build

        @functools.wraps(build)
        def method(*args: Any, **kwargs: Any) -> Any:
            return execute(build(*args, **kwargs))

        # Kept on the manager, so later lookups skip this descriptor.
        obj.__dict__[self.name] = method
        return method


class Paged(Generic[P, TS, TA]):
    """A resource manager method that walks every page of a list operation.

    It yields objects one at a time (an iterator for the sync client, an async
    iterator for the async client), fetching 50 per request unless ``per_page``
    says otherwise.  The sync client fetches the next page only when the current
    one is used up; the async client, once the first page tells how many there
    are, fetches up to ``page_concurrency`` pages ahead, in order.
    """

    def __init__(self, build: Callable[P, Call[Page[TS], Page[TA]]]) -> None:
        self.build = build
        self.name = build.__name__
        self.__doc__ = build.__doc__

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    @overload
    def __get__(self, obj: None, owner: type) -> Self: ...
    @overload
    def __get__(self, obj: Resource[Sync], owner: type) -> Callable[P, Iterator[TS]]: ...
    @overload
    def __get__(self, obj: Resource[Async], owner: type) -> Callable[P, AsyncIterator[TA]]: ...
    def __get__(self, obj: Resource[Any] | None, owner: type) -> Any:
        if obj is None:
            return self
        iterate = obj._session.iterate
        build = self.build

        def method(*args: Any, **kwargs: Any) -> Any:
            kwargs.setdefault("per_page", 50)
            return iterate(build(*args, **kwargs))

        method.__doc__ = self.__doc__
        obj.__dict__[self.name] = method  # later lookups skip this descriptor
        return method


# --- shared list arguments ----------------------------------------------------

_SORT_DIRECTIONS = ("asc", "desc")

SortIdName = Literal["id", "id:asc", "id:desc", "name", "name:asc", "name:desc"]
"""Sort keys of lists sortable by id and name."""

SortIdCreated = Literal["id", "id:asc", "id:desc", "created", "created:asc", "created:desc"]
"""Sort keys of lists sortable by id and creation time."""

SortIdNameCreated = Literal[
    "id",
    "id:asc",
    "id:desc",
    "name",
    "name:asc",
    "name:desc",
    "created",
    "created:asc",
    "created:desc",
]
"""Sort keys of lists sortable by id, name and creation time."""


def list_query(
    *,
    page: int | None = None,
    per_page: int | None = None,
    sort: str | Sequence[str] | None = None,
    **filters: Any,
) -> tuple[tuple[str, str], ...]:
    """Query of a list operation, with paging and sorting checked before sending.

    Raises:
        ValueError: ``page`` below 1, ``per_page`` outside 1..50, or a sort key
            not of the form ``field``, ``field:asc`` or ``field:desc``.
    """
    if page is not None and page < 1:
        raise ValueError(f"page must be 1 or more, got {page}")
    if per_page is not None and not 1 <= per_page <= 50:
        raise ValueError(f"per_page must be between 1 and 50, got {per_page}")
    sorts = [sort] if isinstance(sort, str) else list(sort or ())
    for key in sorts:
        field, _, direction = key.partition(":")
        if not field or (direction and direction not in _SORT_DIRECTIONS):
            raise ValueError(f"sort must be 'field', 'field:asc' or 'field:desc', got {key!r}")
    return query(**filters, sort=sorts or None, page=page, per_page=per_page)


def metrics_query(
    *,
    type: str | Sequence[str],  # noqa: A002 - the API's parameter name
    start: datetime,
    end: datetime,
    step: int | None,
) -> tuple[tuple[str, str], ...]:
    """Query of a metrics operation, with the time span and step checked before sending.

    Raises:
        ValueError: ``start`` or ``end`` lacks a timezone, ``end`` is not after
            ``start``, or ``step`` is not positive.
    """
    for name, moment in (("start", start), ("end", end)):
        if moment.tzinfo is None or moment.utcoffset() is None:
            raise ValueError(f"{name} must be timezone-aware, e.g. datetime.now(timezone.utc)")
    if end <= start:
        raise ValueError(f"end ({end.isoformat()}) must be after start ({start.isoformat()})")
    if step is not None and step < 1:
        raise ValueError(f"step must be a positive number of seconds, got {step}")
    return query(type=type, start=start, end=end, step=step)
