"""Waiting for actions: the poll policy and the pure bookkeeping of a wait.

The session's sync and async shells only sleep and send; everything else --
which actions are still running, what to ask for next, when to give up, when
to report progress -- is decided here.
"""

from __future__ import annotations

import bisect
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

from .errors import ActionFailed, ActionTimeout
from .models._base import bind
from .models.actions import Action
from .models.page import Page
from .operations._call import Call
from .operations.actions import WaitFor, of_kind

__all__ = ["ActionWatch", "PollPolicy"]

_PAGE_MAX = 50
"""Most actions one page of ``GET /actions`` can hold."""
_PAGE_DEFAULT = 25
"""Actions in a page of ``GET /actions`` when ``per_page`` is not given."""


@dataclass(frozen=True)
class PollPolicy:
    """How often to ask for the state of running actions.

    The first poll comes after ``initial`` seconds; each interval after that is
    ``factor`` times longer, up to ``maximum``.  ``timeout`` is the default
    limit of a wait in seconds (``None``: no limit; not recommended).

    Attributes:
        initial: Seconds before the first poll.
        factor: Growth of the interval from one poll to the next.
        maximum: Longest interval between two polls.
        timeout: Default seconds a wait may last before ``ActionTimeout``.
        sleep: Function used to wait; ``None`` means ``time.sleep`` (or
            ``asyncio.sleep`` for the async client).  May return an awaitable
            for the async client.
        clock: Monotonic clock in seconds, compared with the timeout.
    """

    initial: float = 1.0
    factor: float = 1.5
    maximum: float = 10.0
    timeout: float | None = 1800.0
    sleep: Callable[[float], Any] | None = field(default=None, compare=False)
    clock: Callable[[], float] = field(default=time.monotonic, compare=False)

    def intervals(self) -> Iterator[float]:
        """The successive intervals between polls."""
        interval = self.initial
        while True:
            yield interval
            interval = min(interval * self.factor, self.maximum)


class ActionWatch:
    """The state of one wait on one or more actions.

    The loop that drives it reads: while :meth:`pending` is true, sleep
    :meth:`next_delay` seconds, run :meth:`poll_calls` and hand their pages to
    :meth:`update`; then :meth:`result`.
    """

    def __init__(self, job: WaitFor[Any, Any], policy: PollPolicy) -> None:
        actions = job.actions
        self._single = job.single
        # Cloud and Storage Box actions are numbered apart, so an id is unique only with its kind.
        self._order = [_key(action) for action in actions]
        self._latest: dict[tuple[type[Action[Any]], int], Action[Any]] = {
            _key(action): action for action in actions
        }
        self._policy = policy
        self._on_progress = job.on_progress
        self._timeout = policy.timeout if job.timeout is None else job.timeout
        self._deadline = None if self._timeout is None else policy.clock() + self._timeout
        self._intervals = policy.intervals()
        self.polls = 0
        # Per kind of action, the last id of the previous poll when not all fit in one.
        self._cursors: dict[type[Action[Any]], int] = {}
        for action in actions:
            self._check(action)

    def _check(self, action: Action[Any]) -> None:
        if action.status == "error":
            raise ActionFailed(action)

    def _running(self) -> list[Action[Any]]:
        return [a for a in self._latest.values() if a.status == "running"]

    def pending(self) -> bool:
        """Whether some action is still running."""
        return bool(self._running())

    def next_delay(self) -> float:
        """Seconds to sleep before the next poll; raises ``ActionTimeout`` past the deadline."""
        interval = next(self._intervals)
        if self._deadline is None:
            return interval
        remaining = self._deadline - self._policy.clock()
        if remaining <= 0:
            raise ActionTimeout(self._running(), self._timeout or 0.0)
        return min(interval, remaining)

    def poll_calls(self) -> list[Call[Page[Action[Any]], Page[Action[Any]]]]:
        """One request per kind of running action, for all of that kind at once.

        Cloud actions are read with ``GET /actions?id=..&id=..``; Storage Box
        actions with ``GET /storage_boxes/actions?id=..`` on the Hetzner API.
        A page holds at most 50 actions, so with more of a kind running than
        that each tick asks for the next 50 in turn (each is seen every few
        ticks, and a tick still costs one request per kind).  Above the API's
        default page size of 25 the request asks for pages of 50.
        """
        kinds: dict[type[Action[Any]], list[int]] = {}
        for action in self._running():
            kinds.setdefault(type(action), []).append(action.id)
        calls: list[Call[Page[Action[Any]], Page[Action[Any]]]] = []
        for kind, ids in kinds.items():
            ids.sort()
            if len(ids) > _PAGE_MAX:
                start = bisect.bisect_right(ids, self._cursors.get(kind, -1))
                chosen = (ids[start:] + ids[:start])[:_PAGE_MAX]  # the next ones, round the ring
                self._cursors[kind] = chosen[-1]
                ids = sorted(chosen)
            calls.append(
                of_kind(kind, ids, per_page=_PAGE_MAX if len(ids) > _PAGE_DEFAULT else None)
            )
        return calls

    def update(self, page: Page[Action[Any]]) -> None:
        """Take in the fresh states; report progress; raise ``ActionFailed`` on an error."""
        self.polls += 1
        for action in page.items:
            previous = self._latest.get(_key(action))
            if previous is None:
                continue
            self._latest[_key(action)] = action
            changed = (previous.status, previous.progress) != (action.status, action.progress)
            if changed and self._on_progress is not None:
                self._on_progress(action)
            self._check(action)

    def result(self, client: Any) -> Any:
        """The final actions bound to ``client``, in the order given (or the only one)."""
        actions = bind([self._latest[ident] for ident in self._order], client)
        return actions[0] if self._single else actions


def _key(action: Action[Any]) -> tuple[type[Action[Any]], int]:
    return (type(action), action.id)
