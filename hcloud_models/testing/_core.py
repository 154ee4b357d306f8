"""The transport-free core of the fake cloud: routing, errors, lists, actions, limits, faults.

Everything here works on plain values: :meth:`FakeCloud.process` takes a
method, a path, a query string, headers and a body and returns a
:class:`RawReply`.  The httpx transports and the HTTP server are thin shells.
"""

from __future__ import annotations

import copy
import fnmatch
import functools
import importlib
import json
import pkgutil
import re
import threading
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, Concatenate, Literal, ParamSpec, TypeVar
from urllib.parse import parse_qs, urlencode

from ._clock import FakeClock, iso
from ._selectors import SelectorError, parse_selector

__all__ = [
    "ApiError",
    "Body",
    "FakeCloud",
    "Fault",
    "RateLimit",
    "RawReply",
    "Req",
]

Json = dict[str, Any]
Reply = Json | tuple[int, Json | None]
Handler = Callable[..., Reply]
Hook = Callable[..., object]
View = Callable[[Json, Json], object]

EVENTS: Mapping[str, str] = {
    "server_create_check": (
        "(body, location): ``POST /servers`` is about to create a server; record problems "
        "with the fields the family owns on ``body`` (``body.error``).  ``location`` is the "
        "server's location, or ``None`` if the body names none that exists."
    ),
    "server_created": (
        "(server, body, next_actions): the server is stored (status ``initializing``); "
        "apply the fields the family owns (``body.data``, already checked) and append any "
        "action the family starts to ``next_actions``."
    ),
    "server_deleted": (
        "(server): the server has just been removed from ``servers``; drop or update "
        "whatever the family keeps about it."
    ),
    "network_deleted": (
        "(network): the network has just been removed from ``networks``; detach whatever "
        "the family attached to it."
    ),
    "labels_changed": (
        "(collection, item, old): an object's ``labels`` were replaced (``old`` is the "
        "previous value)."
    ),
}
"""Events a family can emit and hook into (name -> keyword arguments and meaning)."""

_P = ParamSpec("_P")
_T = TypeVar("_T")


def _locked(
    method: Callable[Concatenate[FakeCloud, _P], _T],
) -> Callable[Concatenate[FakeCloud, _P], _T]:
    """Run a method of the fake under its lock (served requests run in several threads)."""

    def run(self: FakeCloud, /, *args: _P.args, **kwargs: _P.kwargs) -> _T:
        with self.lock:
            return method(self, *args, **kwargs)

    functools.update_wrapper(run, method)  # its name, docstring and signature
    return run


_LABEL_KEY = re.compile(
    r"^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*/)?"
    r"[A-Za-z0-9](?:[A-Za-z0-9._-]{0,61}[A-Za-z0-9])?$"
)
_LABEL_VALUE = re.compile(r"^(?:[A-Za-z0-9](?:[A-Za-z0-9._-]{0,61}[A-Za-z0-9])?)?$")


class ApiError(Exception):
    """An error reply in the API's shape: ``{"error": {"code", "message", "details"}}``.

    Family handlers raise it; the core turns it into the reply.
    """

    def __init__(
        self,
        status: int,
        code: str,
        message: str,
        details: Json | None = None,
        headers: Mapping[str, str] | None = None,
    ) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message
        self.details = details if details is not None else {}
        self.headers = dict(headers or {})

    def body(self) -> Json:
        """The reply body."""
        return {"error": {"code": self.code, "message": self.message, "details": self.details}}

    @classmethod
    def not_found(cls, what: str = "resource") -> ApiError:
        """404 ``not_found``."""
        return cls(404, "not_found", f"{what} not found")

    @classmethod
    def invalid(cls, fields: Mapping[str, list[str]]) -> ApiError:
        """422 ``invalid_input`` naming each field and its problems."""
        listed = [{"name": name, "messages": messages} for name, messages in fields.items()]
        first = listed[0]
        message = f"invalid input in field '{first['name']}': {first['messages'][0]}"
        return cls(422, "invalid_input", message, {"fields": listed})

    @classmethod
    def unique(cls, field_name: str, message: str) -> ApiError:
        """409 ``uniqueness_error`` on a field."""
        return cls(409, "uniqueness_error", message, {"fields": [{"name": field_name}]})

    @classmethod
    def locked(cls, what: str) -> ApiError:
        """423 ``locked``: an action is running on the resource."""
        return cls(423, "locked", f"{what} is locked by a running action")

    @classmethod
    def protected(cls, what: str) -> ApiError:
        """423 ``protected``: the resource's protection forbids the action."""
        return cls(423, "protected", f"{what} is protected")


class Body:
    """Checks a request body field by field, collecting every problem.

    Each getter records an ``invalid_input`` message for a missing required
    field or a wrong type and returns ``None``; :meth:`done` raises the
    collected errors at once.
    """

    _TYPES: Mapping[str, tuple[type, ...]] = {
        "string": (str,),
        "integer": (int,),
        "number": (int, float),
        "boolean": (bool,),
        "object": (dict,),
        "array": (list,),
    }

    def __init__(self, data: Any) -> None:
        self.data: Json = data if isinstance(data, dict) else {}
        self.errors: dict[str, list[str]] = {}
        if not isinstance(data, dict):
            self.errors["body"] = ["must be a JSON object"]

    def error(self, name: str, message: str) -> None:
        """Record a problem with a field."""
        self.errors.setdefault(name, []).append(message)

    def has(self, name: str) -> bool:
        """Whether the field was sent (``null`` counts as sent)."""
        return name in self.data

    def get(self, name: str, kind: str, *, required: bool = False, nullable: bool = False) -> Any:
        """The value of a field of JSON type ``kind`` (``None`` if absent or wrong)."""
        if name not in self.data:
            if required:
                self.error(name, "is missing")
            return None
        value = self.data[name]
        if value is None:
            if not nullable:
                self.error(name, "must not be null")
            return None
        types = self._TYPES[kind]
        wrong_bool = isinstance(value, bool) and bool not in types
        if not isinstance(value, types) or wrong_bool:
            self.error(name, f"is not a {kind}")
            return None
        return value

    def text(self, name: str, *, required: bool = False, nullable: bool = False) -> str | None:
        """A string field."""
        value = self.get(name, "string", required=required, nullable=nullable)
        return value if isinstance(value, str) else None

    def flag(self, name: str, *, required: bool = False) -> bool | None:
        """A boolean field."""
        value = self.get(name, "boolean", required=required)
        return value if isinstance(value, bool) else None

    def ref(self, name: str, *, required: bool = False, nullable: bool = False) -> int | str | None:
        """A reference by ID or name (integer or string)."""
        if name not in self.data:
            if required:
                self.error(name, "is missing")
            return None
        value = self.data[name]
        if value is None:
            if not nullable:
                self.error(name, "must not be null")
            return None
        if isinstance(value, bool) or not isinstance(value, (int, str)):
            self.error(name, "is not an ID or a name")
            return None
        return value

    def ident(self, name: str, *, required: bool = False, nullable: bool = False) -> int | None:
        """An integer ID field."""
        value = self.get(name, "integer", required=required, nullable=nullable)
        return value if isinstance(value, int) else None

    def choice(
        self, name: str, values: Iterable[str], *, required: bool = False, nullable: bool = False
    ) -> str | None:
        """A string field restricted to ``values``."""
        value = self.text(name, required=required, nullable=nullable)
        allowed = list(values)
        if value is not None and value not in allowed:
            self.error(name, f"must be one of {', '.join(allowed)}")
            return None
        return value

    def labels(self, name: str = "labels") -> dict[str, str] | None:
        """A labels object, checked against the documented key and value rules."""
        value = self.get(name, "object")
        if value is None:
            return None
        for key, item in value.items():
            if not isinstance(item, str):
                self.error(name, f"value of {key!r} is not a string")
            elif not _LABEL_KEY.match(key) or key.startswith("hetzner.cloud/"):
                self.error(name, f"key {key!r} is not a valid label key")
            elif not _LABEL_VALUE.match(item):
                self.error(name, f"value {item!r} of {key!r} is not a valid label value")
        return dict(value) if name not in self.errors else None

    def done(self) -> None:
        """Raise ``invalid_input`` if any field had a problem."""
        if self.errors:
            raise ApiError.invalid(self.errors)


@dataclass
class Req:
    """One request as the family handlers see it."""

    cloud: FakeCloud
    method: str
    path: str
    query: dict[str, list[str]]
    raw_body: bytes
    token: str

    def arg(self, name: str) -> str | None:
        """The last value of a query parameter."""
        values = self.query.get(name)
        return values[-1] if values else None

    def args(self, name: str) -> list[str]:
        """Every value of a repeatable query parameter."""
        return list(self.query.get(name, []))

    def int_arg(self, name: str) -> int | None:
        """An integer query parameter (``invalid_input`` if it is not one)."""
        value = self.arg(name)
        if value is None or value == "":
            return None
        try:
            return int(value)
        except ValueError:
            raise ApiError.invalid({name: ["is not an integer"]}) from None

    def flag_arg(self, name: str) -> bool | None:
        """A boolean query parameter."""
        value = self.arg(name)
        if value is None:
            return None
        if value.lower() not in ("true", "false"):
            raise ApiError.invalid({name: ["is not a boolean"]})
        return value.lower() == "true"

    def json(self) -> Any:
        """The parsed body (``json_error`` if it does not parse, ``{}`` if empty)."""
        if not self.raw_body.strip():
            return {}
        try:
            return json.loads(self.raw_body)
        except (ValueError, UnicodeDecodeError) as exc:
            raise ApiError(400, "json_error", f"invalid JSON in the request body: {exc}") from None

    def body(self) -> Body:
        """The parsed body, wrapped for field checks."""
        return Body(self.json())


@dataclass
class RawReply:
    """A reply before any transport: status, headers, body, and transport effects.

    Attributes:
        stall: Seconds to hold the reply back (an injected stall).
        drop: Close the connection instead of answering.
    """

    status: int
    headers: list[tuple[str, str]]
    body: bytes
    stall: float = 0.0
    drop: bool = False


FaultKind = Literal["error", "garbage", "drop", "stall"]


@dataclass
class Fault:
    """An injected failure for the next ``count`` matching requests.

    Attributes:
        kind: ``"error"`` (an API error reply), ``"garbage"`` (a non-JSON body
            with ``status``), ``"drop"`` (the connection closes without a
            reply) or ``"stall"`` (the reply comes ``seconds`` late).
        count: How many matching requests it affects.
        method: Only requests with this method (``None``: any).
        path: Only requests whose path (without ``/v1``) matches this glob,
            e.g. ``"/servers/*"`` (``None``: any).
        status: HTTP status of an error or garbage reply.
        code: Error code of an error reply.
        message: Error message of an error reply.
        seconds: Length of a stall on the fake clock.  In-process the
            clock moves on by it (and the request times out if it is longer
            than the read timeout); served over HTTP the reply waits
            ``seconds / speed`` real seconds (``seconds`` with a manual
            clock), or until the server stops.
    """

    kind: FaultKind = "error"
    count: int = 1
    method: str | None = None
    path: str | None = None
    status: int = 503
    code: str = "unavailable"
    message: str = "injected failure"
    seconds: float = 60.0

    def matches(self, method: str, path: str) -> bool:
        """Whether the fault applies to a request."""
        if self.method is not None and self.method.upper() != method:
            return False
        return self.path is None or fnmatch.fnmatchcase(path, self.path)


@dataclass
class RateLimit:
    """A token bucket like the API's: ``limit`` requests, refilled ``per_second``.

    The bucket belongs to the project, so every token shares it.  Set
    ``enabled=False`` to turn limiting (and its headers) off.
    """

    limit: int = 3600
    per_second: float = 1.0
    enabled: bool = True
    _level: float | None = field(default=None, repr=False)
    _since: float = field(default=0.0, repr=False)

    def _refill(self, now: float) -> float:
        level = float(self.limit) if self._level is None else self._level
        return min(float(self.limit), level + max(now - self._since, 0.0) * self.per_second)

    def take(self, now: float) -> tuple[bool, dict[str, str]]:
        """Spend one request: (allowed, rate limit headers)."""
        level = self._refill(now)
        allowed = level >= 1.0
        if allowed:
            level -= 1.0
        self._level, self._since = level, now
        missing = self.limit - level
        reset = now + (missing / self.per_second if self.per_second > 0 else 0.0)
        headers = {
            "RateLimit-Limit": str(self.limit),
            "RateLimit-Remaining": str(int(level)),
            "RateLimit-Reset": str(int(reset + 0.999)),
        }
        return allowed, headers

    def remaining(self, now: float) -> int:
        """Requests left now, without spending one."""
        return int(self._refill(now))


@dataclass
class _Route:
    method: str
    template: str
    pattern: re.Pattern[str]
    handler: Handler


@dataclass
class _ActionState:
    """Bookkeeping of one action beside its JSON."""

    json: Json
    family: str
    start: float
    end: float
    on_success: Callable[[], object] | None
    on_error: Callable[[], object] | None
    locks: list[tuple[str, int]]
    failure: tuple[str, str] | None = None


@dataclass
class _FailRule:
    command: str | None
    resource_id: int | None
    code: str
    message: str
    count: int


def _prefix(path: str) -> str:
    """The first segment of a path: ``/servers/1/actions`` -> ``servers``."""
    return path.split("/", 2)[1] if path.startswith("/") and len(path) > 1 else ""


def _param_regex(template: str) -> re.Pattern[str]:
    pattern = re.sub(r"\{(\w+)\}", lambda m: rf"(?P<{m.group(1)}>[^/]+)", template)
    return re.compile(pattern)


class FakeCloud:
    """An in-memory, stateful Hetzner Cloud (and Storage Box) API.

    ``fake.handle(request)`` answers one ``httpx.Request``; ``fake.client()``
    and ``fake.async_client()`` return clients wired to it; ``python -m
    hcloud_models.testing serve`` serves it over HTTP.  Time is
    :attr:`clock` (manual by default: ``fake.clock.advance(30)``).

    Args:
        tokens: The valid bearer tokens; ``None`` accepts any non-empty token.
        clock: The clock; a manual :class:`FakeClock` by default.
        rate_limit: The rate limit; the API's (3600 an hour, one more each
            second) by default.

    Attributes:
        db: The objects of each family, by collection name and ID, as the API
            shows them (keys starting with ``_`` are private bookkeeping);
            ``fake["servers"]`` is ``fake.db["servers"]``.
        log: ``"METHOD /path"`` of every request, in order.
        faults: Pending injected faults (see :meth:`inject`).
        lock: A re-entrant lock held while a request is answered and by every
            public method that changes the fake; hold it to read or change
            ``db`` from another thread while the fake is served.
    """

    endpoint = "http://hcloud.fake/v1"
    """Base URL that the in-process clients use for both APIs."""

    def __init__(
        self,
        *,
        tokens: Iterable[str] | None = None,
        clock: FakeClock | None = None,
        rate_limit: RateLimit | None = None,
    ) -> None:
        self.clock = clock if clock is not None else FakeClock()
        self.tokens = None if tokens is None else frozenset(tokens)
        self.rate_limit = rate_limit if rate_limit is not None else RateLimit()
        self.db: dict[str, dict[int, Json]] = {}
        self.log: list[str] = []
        self.faults: list[Fault] = []
        self.lock = threading.RLock()
        self._templates: list[_Route] = []
        self._hooks: dict[str, list[Hook]] = {event: [] for event in EVENTS}
        self._views: dict[str, list[View]] = {}
        self._by_prefix: dict[str, list[_Route]] = {}
        self._actions: dict[int, _ActionState] = {}
        self._running: dict[int, _ActionState] = {}
        self._fail_rules: list[_FailRule] = []
        self._next_id = 1000000
        self._counters: dict[str, int] = {}
        self.created = self.clock.now()
        for module in _family_modules():
            module.register(self)

    # -- registration (used by family modules) ---------------------------------------

    def route(self, method: str, template: str) -> Callable[[Handler], Handler]:
        """Decorator registering ``handler(req, **path_params)`` for a path template.

        Path parameters named ``id`` or ending in ``_id`` must be integers
        (anything else is ``not_found``); the handler receives them as ``int``.
        Literal paths win over templated ones (``/zones/actions`` before
        ``/zones/{id_or_name}``), whatever the order of registration.
        """

        def register(handler: Handler) -> Handler:
            entry = _Route(method.upper(), template, _param_regex(template), handler)
            self._templates.append(entry)
            bucket = self._by_prefix.setdefault(_prefix(template), [])
            bucket.append(entry)
            bucket.sort(key=lambda route: route.template.count("{"))
            return handler

        return register

    def on(self, event: str, hook: Hook) -> None:
        """Run ``hook(**arguments)`` each time ``event`` is emitted (see :data:`EVENTS`).

        Hooks run in the order they were registered, i.e. in family ``ORDER``
        (servers 40, most families 50, Firewalls 60).  An unknown event is a
        ``ValueError``.
        """
        if event not in self._hooks:
            raise ValueError(f"unknown event {event!r}; known: {', '.join(EVENTS)}")
        self._hooks[event].append(hook)

    def emit(self, event: str, **arguments: Any) -> None:
        """Run every hook of ``event`` with ``arguments``, at the moment the state changes."""
        if event not in self._hooks:
            raise ValueError(f"unknown event {event!r}; known: {', '.join(EVENTS)}")
        for hook in list(self._hooks[event]):
            hook(**arguments)

    def add_view(self, collection: str, contribute: View) -> None:
        """Let a family fill fields of another family's reply form.

        ``contribute(stored, shown)`` gets the stored object and a deep copy
        about to be sent, and sets the fields it owns on ``shown`` (e.g. the
        Firewalls family sets a server's ``public_net.firewalls``).  Families
        build their replies with :meth:`view`, so the fields are current on
        every reply without copying state between families.
        """
        self._views.setdefault(collection, []).append(contribute)

    def view(self, collection: str, item: Json) -> Json:
        """The reply form of a stored object: its public keys plus every contributed field."""
        contributors = self._views.get(collection)
        if not contributors:
            return public(item)
        shown = copy.deepcopy(public(item))
        for contribute in contributors:
            contribute(item, shown)
        return shown

    def collection(self, name: str) -> dict[int, Json]:
        """The objects of a collection (created empty on first use)."""
        return self.db.setdefault(name, {})

    def __getitem__(self, name: str) -> dict[int, Json]:
        return self.collection(name)

    @_locked
    def new_id(self) -> int:
        """A fresh ID, unique across every collection."""
        self._next_id += 1
        return self._next_id

    @_locked
    def counter(self, name: str) -> int:
        """The next value (from 0) of a named counter, e.g. for addresses."""
        value = self._counters.get(name, 0)
        self._counters[name] = value + 1
        return value

    def now_iso(self) -> str:
        """The current time as an API timestamp."""
        return self.clock.iso()

    # -- actions ---------------------------------------------------------------------

    @_locked
    def start_action(
        self,
        command: str,
        resources: Iterable[tuple[str, int]],
        *,
        family: str,
        duration: float = 2.0,
        after: Json | None = None,
        on_success: Callable[[], object] | None = None,
        on_error: Callable[[], object] | None = None,
        locks: Iterable[tuple[str, int]] | None = None,
    ) -> Json:
        """Start an action and return its JSON (status ``running``, progress 0).

        Args:
            command: The action's command, e.g. ``"stop_server"`` (the API's command names).
            resources: ``(type, id)`` of each resource it touches.
            family: Collection whose ``/<family>/actions`` lists it.
            duration: Seconds on the clock until it ends.
            after: Another action this one waits for (it ends ``duration``
                seconds after that one).
            on_success: Applied when it ends in ``success``.
            on_error: Applied when it ends in ``error``.
            locks: Resources that are ``locked`` while it runs (default: the first).
        """
        resources = list(resources)
        now = self.clock.now()
        start = now
        if after is not None and after["id"] in self._actions:
            start = max(now, self._actions[after["id"]].end)
        ident = self.new_id()
        action: Json = {
            "id": ident,
            "command": command,
            "status": "running",
            "progress": 0,
            "started": iso(now),
            "finished": None,
            "resources": [{"id": rid, "type": kind} for kind, rid in resources],
            "error": None,
        }
        state = _ActionState(
            json=action,
            family=family,
            start=start,
            end=start + max(duration, 0.0),
            on_success=on_success,
            on_error=on_error,
            locks=list(locks) if locks is not None else resources[:1],
        )
        for rule in self._fail_rules:
            hit_command = rule.command in (None, command)
            hit_resource = rule.resource_id is None or any(
                rid == rule.resource_id for _, rid in resources
            )
            if rule.count > 0 and hit_command and hit_resource:
                rule.count -= 1
                state.failure = (rule.code, rule.message)
                break
        self._fail_rules = [rule for rule in self._fail_rules if rule.count > 0]
        self._actions[ident] = state
        self._running[ident] = state
        self.collection("actions")[ident] = action
        return action

    @_locked
    def instant_action(
        self, command: str, resources: Iterable[tuple[str, int]], *, family: str
    ) -> Json:
        """An action that is already finished with ``success`` (e.g. protection changes)."""
        action = self.start_action(command, resources, family=family, duration=0.0, locks=[])
        self.tick()
        return action

    @_locked
    def fail_next_actions(
        self,
        command: str | None = None,
        *,
        code: str = "action_failed",
        message: str = "Action failed",
        resource_id: int | None = None,
        count: int = 1,
    ) -> None:
        """Make the next ``count`` actions (of ``command``, on ``resource_id``) end in ``error``.

        The action runs its normal length, then ends with ``status="error"``
        and ``error={"code": code, "message": message}``; its effect is not
        applied (the resource returns to its state before the action).
        """
        self._fail_rules.append(_FailRule(command, resource_id, code, message, count))

    @_locked
    def on_action_end(
        self,
        action_id: int,
        *,
        on_success: Callable[[], object] | None = None,
        on_error: Callable[[], object] | None = None,
    ) -> None:
        """Replace what happens when a running action ends."""
        state = self._actions[action_id]
        state.on_success = on_success
        state.on_error = on_error

    @_locked
    def fail_action(
        self, action_id: int, *, code: str = "action_failed", message: str = "Action failed"
    ) -> None:
        """Make a running action end in ``error`` when it ends."""
        self._actions[action_id].failure = (code, message)

    @_locked
    def tick(self) -> None:
        """End every action whose time has come, in the order they end."""
        now = self.clock.now()
        due = sorted(
            (s for s in self._running.values() if s.end <= now),
            key=lambda s: (s.end, s.json["id"]),
        )
        for state in due:
            del self._running[state.json["id"]]
            action = state.json
            action["progress"] = 100
            action["finished"] = iso(state.end)
            if state.failure is not None:
                code, message = state.failure
                action["status"] = "error"
                action["error"] = {"code": code, "message": message}
                callback = state.on_error
            else:
                action["status"] = "success"
                callback = state.on_success
            if callback is not None:
                callback()
        for state in self._running.values():
            span = state.end - state.start
            done = 0.0 if span <= 0 or now <= state.start else (now - state.start) / span
            state.json["progress"] = min(99, int(done * 100))

    @_locked
    def action_family(self, action_id: int) -> str | None:
        """The collection an action is listed under."""
        state = self._actions.get(action_id)
        return None if state is None else state.family

    @_locked
    def is_locked(self, kind: str, ident: int) -> bool:
        """Whether a running action locks the resource."""
        return any((kind, ident) in state.locks for state in self._running.values())

    def check_unlocked(self, kind: str, ident: int) -> None:
        """Raise 423 ``locked`` if a running action locks the resource."""
        if self.is_locked(kind, ident):
            raise ApiError.locked(f"{kind} {ident}")

    # -- faults and failures -----------------------------------------------------------

    @_locked
    def inject(
        self,
        kind: FaultKind = "error",
        *,
        count: int = 1,
        method: str | None = None,
        path: str | None = None,
        status: int = 503,
        code: str = "unavailable",
        message: str = "injected failure",
        seconds: float = 60.0,
    ) -> Fault:
        """Make the next ``count`` matching requests fail (see :class:`Fault`)."""
        fault = Fault(kind, count, method, path, status, code, message, seconds)
        self.faults.append(fault)
        return fault

    def _take_fault(self, method: str, path: str) -> Fault | None:
        for fault in self.faults:
            if fault.count > 0 and fault.matches(method, path):
                fault.count -= 1
                if fault.count == 0:
                    self.faults.remove(fault)
                return fault
        return None

    # -- lists ------------------------------------------------------------------------

    def list_reply(
        self,
        req: Req,
        key: str,
        items: Iterable[Json],
        *,
        sort: Iterable[str] = ("id", "name", "created"),
        filters: Mapping[str, Callable[[Json, list[str]], bool]] | None = None,
        labels: bool = True,
        render: Callable[[Json], Json] | None = None,
    ) -> tuple[int, Json]:
        """A list reply: ``name``, ``label_selector``, filters, ``sort`` and pagination.

        Args:
            req: The request (its query string is read).
            key: The key of the list in the reply, e.g. ``"servers"``.
            items: Every object of the collection.
            sort: Fields that ``sort`` accepts.
            filters: Query parameter -> predicate(object, values), applied when given.
            labels: Whether ``name`` and ``label_selector`` apply.
            render: Turns a stored object into its reply form.
        """
        chosen = select_by_name_and_labels(req, items) if labels else list(items)
        for param, predicate in (filters or {}).items():
            values = req.args(param)
            if values:
                chosen = [item for item in chosen if predicate(item, values)]
        chosen = sort_items(chosen, req.args("sort"), tuple(sort))
        return self.paginate(req, key, chosen, render=render)

    def paginate(
        self,
        req: Req,
        key: str,
        items: list[Json],
        *,
        render: Callable[[Json], Json] | None = None,
    ) -> tuple[int, Json]:
        """One page of ``items`` with ``meta.pagination`` and a ``Link`` header."""
        page = req.int_arg("page")
        per_page = req.int_arg("per_page")
        page = 1 if page is None else page
        per_page = 25 if per_page is None else per_page
        problems: dict[str, list[str]] = {}
        if page < 1:
            problems["page"] = ["must be at least 1"]
        if not 1 <= per_page <= 50:
            problems["per_page"] = ["must be between 1 and 50"]
        if problems:
            raise ApiError.invalid(problems)
        total = len(items)
        last = max(1, -(-total // per_page))
        chosen = items[(page - 1) * per_page : page * per_page]
        shown = [render(item) if render else public(item) for item in chosen]
        pagination = {
            "page": page,
            "per_page": per_page,
            "previous_page": page - 1 if page > 1 else None,
            "next_page": page + 1 if page < last else None,
            "last_page": last,
            "total_entries": total,
        }
        req_links: list[str] = []
        for rel, target in (
            ("prev", pagination["previous_page"]),
            ("next", pagination["next_page"]),
            ("last", last),
        ):
            if target is None:
                continue
            query = {k: v for k, v in req.query.items() if k not in ("page", "per_page")}
            query["page"] = [str(target)]
            query["per_page"] = [str(per_page)]
            req_links.append(
                f'<{self.endpoint}{req.path}?{urlencode(query, doseq=True)}>; rel="{rel}"'
            )
        body: Json = {key: shown, "meta": {"pagination": pagination}}
        return 200, body | {"_link": ", ".join(req_links)}

    # -- the core ---------------------------------------------------------------------

    def process(
        self,
        method: str,
        path: str,
        query_string: str = "",
        headers: Mapping[str, str] | None = None,
        body: bytes = b"",
    ) -> RawReply:
        """Answer one request given as plain values (the transport-free core).

        Args:
            method: HTTP method.
            path: URL path, with or without the ``/v1`` prefix.
            query_string: The raw query string.
            headers: Request headers (case-insensitive keys are looked up as
                ``Authorization``/``authorization``).
            body: The raw request body.
        """
        with self.lock:
            return self._process(method.upper(), path, query_string, headers or {}, body)

    def _process(
        self, method: str, path: str, query_string: str, headers: Mapping[str, str], body: bytes
    ) -> RawReply:
        path = path[3:] if path.startswith("/v1/") or path == "/v1" else path
        path = path.rstrip("/") or "/"
        self.log.append(f"{method} {path}")
        auth = headers.get("Authorization") or headers.get("authorization") or ""
        token = auth[7:].strip() if auth[:7].lower() == "bearer " else ""
        authorized = bool(token) and (self.tokens is None or token in self.tokens)
        extra: dict[str, str] = {}
        # The token is checked first: a refused request spends no rate limit budget.
        if authorized and self.rate_limit.enabled:
            allowed, extra = self.rate_limit.take(self.clock.now())
            if not allowed:
                error = ApiError(429, "rate_limit_exceeded", "limit of requests per hour reached")
                return self._error_reply(error, extra)
        fault = self._take_fault(method, path)
        stall = 0.0
        if fault is not None:
            if fault.kind == "drop":
                return RawReply(0, [], b"", drop=True)
            if fault.kind == "garbage":
                return RawReply(
                    fault.status, [("Content-Type", "text/html"), *extra.items()], b"<html>oops"
                )
            if fault.kind == "error":
                return self._error_reply(ApiError(fault.status, fault.code, fault.message), extra)
            stall = fault.seconds
        if not authorized:
            error = ApiError(401, "unauthorized", "unable to authenticate")
            reply = self._error_reply(error, extra)
        else:
            reply = self._dispatch(method, path, query_string, body, token, extra)
        reply.stall = stall
        return reply

    def _dispatch(
        self,
        method: str,
        path: str,
        query_string: str,
        body: bytes,
        token: str,
        extra: dict[str, str],
    ) -> RawReply:
        self.tick()
        known_path = False
        for entry in self._by_prefix.get(_prefix(path), ()):
            match = entry.pattern.fullmatch(path)
            if match is None:
                continue
            params: dict[str, Any] = {}
            ok = True
            for name, value in match.groupdict().items():
                if name == "id" or name.endswith("_id"):
                    if not value.isdigit():
                        ok = False
                        break
                    params[name] = int(value)
                else:
                    params[name] = value
            if not ok:
                continue
            known_path = True
            if entry.method != method:
                continue
            query = parse_qs(query_string, keep_blank_values=True)
            req = Req(self, method, path, query, body, token)
            try:
                result = entry.handler(req, **params)
            except ApiError as error:
                return self._error_reply(error, extra)
            status, payload = result if isinstance(result, tuple) else (200, result)
            link = payload.pop("_link", "") if payload is not None else ""
            headers = [*extra.items()]
            if link:
                headers.append(("Link", link))
            if payload is None:
                return RawReply(status, headers, b"")
            headers.append(("Content-Type", "application/json"))
            return RawReply(status, headers, json.dumps(payload).encode())
        if known_path:
            problem = ApiError(405, "method_not_allowed", f"method {method} is not allowed here")
        else:
            problem = ApiError.not_found("resource")
        return self._error_reply(problem, extra)

    def _error_reply(self, error: ApiError, extra: Mapping[str, str]) -> RawReply:
        headers = [*extra.items(), *error.headers.items(), ("Content-Type", "application/json")]
        return RawReply(error.status, headers, json.dumps(error.body()).encode())

    @property
    def operations(self) -> list[tuple[str, str]]:
        """``(METHOD, path template)`` of every operation the fake implements."""
        return [(entry.method, entry.template) for entry in self._templates]


def public(item: Json) -> Json:
    """An object without its private (``_``-prefixed) keys."""
    return {key: value for key, value in item.items() if not key.startswith("_")}


def _sort_key(value: Any) -> tuple[int, Any]:
    if value is None:
        return (0, "")
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return (1, value)
    return (2, str(value))


def sort_items(items: list[Json], sorts: list[str], allowed: tuple[str, ...]) -> list[Json]:
    """Sort by each ``field[:asc|:desc]`` in turn (``invalid_input`` for other fields)."""
    ordered = sorted(items, key=lambda item: _sort_key(item.get("id")))
    specs: list[tuple[str, bool]] = []
    for spec in sorts:
        name, _, direction = spec.partition(":")
        if name not in allowed or direction not in ("", "asc", "desc"):
            raise ApiError.invalid({"sort": [f"cannot sort by {spec!r}"]})
        specs.append((name, direction == "desc"))
    for name, descending in reversed(specs):

        def key(item: Json, field_name: str = name) -> tuple[int, Any]:
            return _sort_key(item.get(field_name))

        ordered.sort(key=key, reverse=descending)
    return ordered


def find(
    cloud: FakeCloud, collection: str, ref: int | str | None, what: str, field_name: str
) -> Json:
    """An object by ID or name; ``invalid_input`` on ``field_name`` if there is none."""
    items = cloud.collection(collection)
    if isinstance(ref, int) and ref in items:
        return items[ref]
    if isinstance(ref, str):
        if ref.isdigit() and int(ref) in items:
            return items[int(ref)]
        for item in items.values():
            if item.get("name") == ref:
                return item
    raise ApiError.invalid({field_name: [f"{what} {ref!r} not found"]})


def get_or_404(cloud: FakeCloud, collection: str, ident: int, what: str) -> Json:
    """An object by ID, or 404 ``not_found``."""
    item = cloud.collection(collection).get(ident)
    if item is None:
        raise ApiError.not_found(what)
    return item


def check_unique_name(
    cloud: FakeCloud, collection: str, name: str, what: str, *, exclude: int | None = None
) -> None:
    """409 ``uniqueness_error`` if another object of the collection has the name."""
    for item in cloud.collection(collection).values():
        if item.get("name") == name and item.get("id") != exclude:
            raise ApiError.unique("name", f"{what} with the same name already exists")


def _family_modules() -> list[Any]:
    package = importlib.import_module(f"{__package__}._families")
    modules = [
        importlib.import_module(f"{package.__name__}.{info.name}")
        for info in pkgutil.iter_modules(package.__path__)
        if not info.name.startswith("_")
    ]
    return sorted(modules, key=lambda module: (getattr(module, "ORDER", 50), module.__name__))


def select_by_name_and_labels(req: Req, items: Iterable[Json]) -> list[Json]:
    """The objects that match the request's ``name`` and ``label_selector``, if given."""
    chosen = list(items)
    name = req.arg("name")
    if name is not None:
        chosen = [item for item in chosen if item.get("name") == name]
    selector = req.arg("label_selector")
    if selector:
        try:
            match = parse_selector(selector)
        except SelectorError as exc:
            raise ApiError.invalid({"label_selector": [str(exc)]}) from None
        chosen = [item for item in chosen if match(item.get("labels") or {})]
    return chosen
