"""Operations on actions in general: read one or several by id."""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any, Literal, TypeVar

from .._modes import Async
from ..models.actions import Action
from ..models.page import Page
from ._call import (
    API,
    Call,
    Job,
    Ref,
    Reply,
    id_of,
    list_query,
    page_of,
    query,
    ref_ids,
    unwrap,
)

__all__ = [
    "ACTION",
    "ACTIONS",
    "ActionSort",
    "ActionStatus",
    "FamilyActions",
    "ProgressCallback",
    "WaitFor",
    "get",
    "list_by_ids",
    "wait",
    "wait_all",
]

ACTION = unwrap("action", Action)
"""Reader of replies holding one action under ``"action"``."""

ACTIONS = page_of("actions", Action)
"""Reader of replies holding a page of actions."""


@functools.cache
def readers(kind: type[Action[Any]]) -> tuple[Reply, Reply]:
    """The readers of one action and of a page of actions of ``kind``."""
    if kind is Action:
        return ACTION, ACTIONS
    return unwrap("action", kind), page_of("actions", kind)


def kind_of(action: Ref) -> type[Action[Any]]:
    """The kind of an action, which says where it is read; a bare id is a Cloud action."""
    return type(action) if isinstance(action, Action) else Action


def of_kind(
    kind: type[Action[Any]], ids: Sequence[int], *, per_page: int | None = None
) -> Call[Page[Action], Page[Action[Async]]]:
    """Several actions of one kind in one request: ``GET /actions?id=..&id=..`` or its twin."""
    api, path = kind._home
    return Call("GET", path, readers(kind)[1], query(id=list(ids), per_page=per_page), api=api)


def get(action: Ref, /) -> Call[Action, Action[Async]]:
    """Fetch one action by id.

    An action object is read where its kind lives: a
    :class:`~hcloud_models.models.StorageBoxAction` from the Hetzner API's
    ``/storage_boxes/actions``, any other from the Cloud API's ``/actions``.
    A bare id is looked up on the Cloud API.

    Args:
        action: The action, or its id.
    """
    kind = kind_of(action)
    api, path = kind._home
    return Call("GET", f"{path}/{id_of(action)}", readers(kind)[0], api=api)


def list_by_ids(ids: Iterable[Ref], /) -> Call[Page[Action], Page[Action[Async]]]:
    """Fetch several actions by id in one request.

    Action objects are read where their kind lives (Storage Box actions from
    the Hetzner API); bare ids are looked up on the Cloud API.  One request
    reads one kind: mixing kinds is a ``TypeError``.

    Args:
        ids: The actions, or their ids.
    """
    refs = list(ids)
    kinds = {kind_of(a) for a in refs}
    if len(kinds) > 1:
        names = ", ".join(sorted(kind.__name__ for kind in kinds))
        raise TypeError(f"one request reads one kind of action, got {names}: list them apart")
    return of_kind(kinds.pop() if kinds else Action, [id_of(a) for a in refs])


ActionStatus = Literal["running", "success", "error"]
ActionSort = Literal[
    "id",
    "id:asc",
    "id:desc",
    "command",
    "command:asc",
    "command:desc",
    "status",
    "status:asc",
    "status:desc",
    "started",
    "started:asc",
    "started:desc",
    "finished",
    "finished:asc",
    "finished:desc",
]
TS = TypeVar("TS")
TA = TypeVar("TA")


class FamilyActions:
    """The action-listing operations that every resource family has.

    One instance per family (``FamilyActions("servers", "server")``); its
    methods are build functions like any other, exposed by the family's
    resource manager.
    """

    def __init__(
        self,
        family: str,
        singular: str,
        *,
        model: type[Action[Any]] = Action,
    ) -> None:
        self.family = family
        self.api: API = model._home[0]  # the API the family's actions live on
        self._one, self._page = readers(model)
        self.operation_ids = {
            "of": f"list_{singular}_actions",
            "get_of": f"get_{singular}_action",
            "list": f"list_{family}_actions",
            "get": f"get_{family}_action",
        }

    def of(
        self,
        resource: Ref,
        /,
        *,
        status: ActionStatus | Sequence[ActionStatus] | None = None,
        sort: ActionSort | Sequence[ActionSort] | None = None,
        page: int | None = None,
        per_page: int | None = None,
    ) -> Call[Page[Action], Page[Action[Async]]]:
        """List the actions of one object.

        Args:
            resource: The object, or its id.
            status: Only actions with this status (or these statuses).
            sort: ``id``, ``command``, ``status``, ``started``, ``finished``,
                each optionally with ``:asc`` or ``:desc``; repeatable.
            page: Page number, from 1.
            per_page: Objects per page, 1 to 50.
        """
        params = list_query(status=status, sort=sort, page=page, per_page=per_page)
        path = f"/{self.family}/{id_of(resource)}/actions"
        return Call("GET", path, self._page, params, api=self.api)

    def get_of(self, resource: Ref, action: Ref, /) -> Call[Action, Action[Async]]:
        """Fetch one action of one object (deprecated by the API: use ``get_action``).

        Args:
            resource: The object, or its id.
            action: The action, or its id.
        """
        path = f"/{self.family}/{id_of(resource)}/actions/{id_of(action)}"
        warning = (
            f"GET /{self.family}/{{id}}/actions/{{action_id}} is deprecated; "
            f"use client.{self.family}.get_action(action_id) instead"
        )
        return Call("GET", path, self._one, deprecated=warning, api=self.api)

    def list(
        self,
        *,
        id: Ref | Sequence[Ref] | None = None,  # noqa: A002 - the API's parameter name
        status: ActionStatus | Sequence[ActionStatus] | None = None,
        sort: ActionSort | Sequence[ActionSort] | None = None,
        page: int | None = None,
        per_page: int | None = None,
    ) -> Call[Page[Action], Page[Action[Async]]]:
        """List the actions of every object of this family.

        Args:
            id: Only these actions (actions or ids).
            status: Only actions with this status (or these statuses).
            sort: ``id``, ``command``, ``status``, ``started``, ``finished``,
                each optionally with ``:asc`` or ``:desc``; repeatable.
            page: Page number, from 1.
            per_page: Objects per page, 1 to 50.
        """
        params = list_query(id=ref_ids(id), status=status, sort=sort, page=page, per_page=per_page)
        return Call("GET", f"/{self.family}/actions", self._page, params, api=self.api)

    def get(self, action: Ref, /) -> Call[Action, Action[Async]]:
        """Fetch one action of this family by id.

        Args:
            action: The action, or its id.
        """
        return Call("GET", f"/{self.family}/actions/{id_of(action)}", self._one, api=self.api)


ProgressCallback = Callable[["Action[Any]"], Any]
"""Called with an action each time its progress or status changes while waiting."""


@dataclass(frozen=True)
class WaitFor(Job[TS, TA]):
    """A wait for actions to finish, run by the session like a call.

    Attributes:
        actions: The actions to follow, in the order results are returned.
        timeout: Seconds to wait at most; ``None`` leaves it to the poll policy.
        on_progress: Called with an action whenever its progress or status changes.
        single: Return the one action instead of a list.
    """

    actions: tuple[Action[Any], ...]
    timeout: float | None = None
    on_progress: ProgressCallback | None = None
    single: bool = False


def wait(
    action: Action[Any],
    /,
    *,
    timeout: float | None = None,
    on_progress: ProgressCallback | None = None,
) -> WaitFor[Action, Action[Async]]:
    """Wait until an action succeeds and return it in its final state.

    Args:
        action: The action to follow.
        timeout: Seconds to wait at most; the client's poll policy decides when ``None``.
        on_progress: Called with the fresh action whenever its progress or status changes.

    Raises:
        ActionFailed: The action ended with status ``error``.
        ActionTimeout: The action was still running after ``timeout`` seconds.
    """
    return WaitFor((action,), timeout, on_progress, single=True)


def wait_all(
    actions: Iterable[Action[Any]],
    /,
    *,
    timeout: float | None = None,
    on_progress: ProgressCallback | None = None,
) -> WaitFor[list[Action], list[Action[Async]]]:
    """Wait until every action succeeds, polling all of them together.

    Each polling round is one request per API for all the running actions of
    that API (Cloud actions and Storage Box actions live apart); above 50
    running actions of one kind, each round asks for the next 50 in turn.

    Args:
        actions: The actions to follow.
        timeout: Seconds to wait at most; the client's poll policy decides when ``None``.
        on_progress: Called with an action whenever its progress or status changes.

    Returns:
        The actions in their final state, in the order given.

    Raises:
        ActionFailed: One of the actions ended with status ``error`` (raised as
            soon as it is seen; the others may still be running).
        ActionTimeout: Some actions were still running after ``timeout`` seconds.
    """
    return WaitFor(tuple(actions), timeout, on_progress)
