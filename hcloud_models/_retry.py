"""The retry policy: which failures are repeated, how often, and how long to wait.

The policy is one small frozen object.  The session turns it into a
``tenacity.Retrying`` (or ``AsyncRetrying``) per request, so the decisions are
made in exactly one place for both clients.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import tenacity

from .errors import (
    APIError,
    BadGatewayError,
    ConflictError,
    GatewayTimeoutError,
    InvalidResponseError,
    LockedError,
    RateLimitExceededError,
    TransportError,
    UnavailableError,
)

__all__ = ["RetryPolicy"]

_IDEMPOTENT = frozenset({"GET", "HEAD", "PUT", "DELETE", "OPTIONS"})

# Replies that prove the API did not apply the request: safe to repeat any method.
_NOT_APPLIED: tuple[type[APIError], ...] = (
    RateLimitExceededError,
    ConflictError,
    LockedError,
    UnavailableError,
)
# Replies after which an idempotent request may be repeated.
_TRANSIENT: tuple[type[APIError], ...] = (*_NOT_APPLIED, BadGatewayError, GatewayTimeoutError)


SPENT_BEFORE = "hcloud_spent_before"
"""Attribute of a tenacity retrier: seconds spent on the request before the retrier started."""


class _OutOfTime(tenacity.stop.stop_base):
    """Stop once the time spent, waits included, reaches the budget.

    Counting the waits too keeps the bound when an injected sleep returns at once.
    """

    def __init__(self, budget: float) -> None:
        self.budget = budget

    def __call__(self, retry_state: tenacity.RetryCallState) -> bool:
        spent = max(retry_state.seconds_since_start or 0.0, retry_state.idle_for)
        # The session makes the first attempt before tenacity starts its clock.
        before: float = getattr(retry_state.retry_object, SPENT_BEFORE, 0.0)
        return spent + before >= self.budget


@dataclass(frozen=True)
class RetryPolicy:
    """How the session repeats requests that failed for a passing reason.

    Retried, for every method, because the reply proves nothing was applied:
    429 ``rate_limit_exceeded`` (waiting until ``RateLimit-Reset`` when the
    reply names it, at most ``rate_limit_wait`` seconds), 409 ``conflict``,
    423 ``locked``, 503 ``unavailable``, and connections that failed before
    the request was sent.

    Retried only for idempotent methods (GET, PUT, DELETE), because a POST may
    already have been applied: 502, 504, timeouts, dropped connections and
    success replies whose body is not valid JSON.

    Attempts are bounded by ``max_attempts`` and by ``max_delay`` seconds in
    total; waits grow exponentially from ``initial_wait`` up to ``max_wait``
    with random jitter.  ``RetryPolicy.disabled()`` never retries.

    Attributes:
        max_attempts: Attempts in all, the first included.
        max_delay: Seconds after the first attempt past which no new attempt starts.
        initial_wait: Seconds before the first retry.
        max_wait: Longest wait between two attempts (except rate-limit waits).
        jitter: Up to this many random seconds are added to each wait.
        rate_limit_wait: Longest wait for a rate-limit reset.
        sleep: Function used to wait; ``None`` means ``time.sleep`` (or
            ``asyncio.sleep`` for the async client).  Tests pass a no-op.  For
            the async client it may return an awaitable.
        clock: Returns the current UNIX time; compared with ``RateLimit-Reset``.
    """

    max_attempts: int = 5
    max_delay: float = 120.0
    initial_wait: float = 0.5
    max_wait: float = 16.0
    jitter: float = 0.5
    rate_limit_wait: float = 60.0
    sleep: Callable[[float], Any] | None = field(default=None, compare=False)
    clock: Callable[[], float] = field(default=time.time, compare=False)

    @classmethod
    def disabled(cls) -> RetryPolicy:
        """A policy that makes every request exactly once."""
        return cls(max_attempts=1)

    def should_retry(self, exc: BaseException) -> bool:
        """Whether a request that raised ``exc`` may be sent again."""
        if isinstance(exc, _NOT_APPLIED):
            return True
        if isinstance(exc, TransportError) and not exc.sent:
            return True
        method = getattr(exc, "method", "")
        if method not in _IDEMPOTENT:
            return False
        return isinstance(exc, (*_TRANSIENT, TransportError, InvalidResponseError))

    def wait_seconds(self, attempt: int, exc: BaseException | None) -> float:
        """Seconds to wait before attempt number ``attempt + 1``."""
        if isinstance(exc, RateLimitExceededError) and exc.reset is not None:
            return min(max(exc.reset - self.clock(), 0.0), self.rate_limit_wait)
        backoff = min(self.initial_wait * 2 ** (attempt - 1), self.max_wait)
        return float(backoff + random.uniform(0, self.jitter))

    def tenacity_kwargs(self) -> dict[str, Any]:
        """Arguments for ``tenacity.Retrying``/``AsyncRetrying`` (without ``sleep``)."""

        def wait(state: tenacity.RetryCallState) -> float:
            exc = state.outcome.exception() if state.outcome is not None else None
            return self.wait_seconds(state.attempt_number, exc)

        return {
            "retry": tenacity.retry_if_exception(self.should_retry),
            "wait": wait,
            "stop": tenacity.stop_after_attempt(self.max_attempts) | _OutOfTime(self.max_delay),
            "reraise": True,
        }
