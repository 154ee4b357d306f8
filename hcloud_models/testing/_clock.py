"""The fake cloud's clock: manual, or real time scaled by a speed factor."""

from __future__ import annotations

import threading
import time
from datetime import datetime, timezone

__all__ = ["FakeClock", "iso"]

START = 1767225600.0  # 2026-01-01T00:00:00Z


def iso(timestamp: float) -> str:
    """An API timestamp (ISO 8601, UTC, whole seconds) for a UNIX time."""
    moment = datetime.fromtimestamp(int(timestamp), tz=timezone.utc)
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


class FakeClock:
    """The time of a fake cloud, in UNIX seconds.

    With ``speed=None`` (the default) time stands still until :meth:`advance`
    moves it, so tests are deterministic; with a speed factor, time also runs
    on by itself at ``speed`` times real time (``speed=10``: an action that
    takes ten seconds ends after one).

    Args:
        start: UNIX time at which the clock starts.
        speed: Real-time factor, or ``None`` for a manual clock.
    """

    def __init__(self, start: float = START, *, speed: float | None = None) -> None:
        self._offset = float(start)
        self._speed = speed
        self._origin = time.monotonic()
        self._lock = threading.Lock()

    @property
    def speed(self) -> float | None:
        """The real-time factor, or ``None`` for a manual clock."""
        return self._speed

    def now(self) -> float:
        """The current time in UNIX seconds."""
        if self._speed is None:
            return self._offset
        return self._offset + (time.monotonic() - self._origin) * self._speed

    def advance(self, seconds: float) -> None:
        """Move the clock forward by ``seconds``."""
        if seconds < 0:
            raise ValueError("the clock only moves forward")
        with self._lock:
            self._offset += seconds

    def sleep(self, seconds: float) -> None:
        """Sleep on the fake clock: advance it by ``seconds`` and return at once.

        Pass it as the ``sleep`` of poll and retry policies so that waits end
        instantly and deterministically.
        """
        self.advance(max(seconds, 0.0))

    def iso(self) -> str:
        """The current time as an API timestamp."""
        return iso(self.now())

    def __repr__(self) -> str:
        return f"FakeClock(now={self.iso()!r}, speed={self._speed!r})"
