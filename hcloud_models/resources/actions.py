"""``client.actions``: read actions and wait for them."""

from __future__ import annotations

from collections.abc import Coroutine, Sequence
from typing import Any, overload

from .._modes import M, Async, Sync
from .._polling import ProgressCallback
from ..models.actions import Action
from ..operations import actions as ops
from ..operations._call import Endpoint
from ._base import Resource

__all__ = ["ActionsResource"]


class ActionsResource(Resource[M]):
    """Actions: the API's asynchronous tasks, and waiting for them to finish."""

    get = Endpoint(ops.get, "get_action")
    list_by_ids = Endpoint(ops.list_by_ids, "get_actions")

    @overload
    def wait(
        self: ActionsResource[Sync],
        action: Action[Any],
        *,
        timeout: float | None = None,
        on_progress: ProgressCallback | None = None,
    ) -> Action: ...
    @overload
    def wait(
        self: ActionsResource[Async],
        action: Action[Any],
        *,
        timeout: float | None = None,
        on_progress: ProgressCallback | None = None,
    ) -> Coroutine[Any, Any, Action[Async]]: ...
    def wait(
        self,
        action: Action[Any],
        *,
        timeout: float | None = None,
        on_progress: ProgressCallback | None = None,
    ) -> Any:
        """Wait until ``action`` succeeds and return it in its final state.

        Args:
            action: The action to follow.
            timeout: Seconds to wait at most; the client's poll policy decides when ``None``.
            on_progress: Called with the action whenever its progress or status changes.

        Raises:
            ActionFailed: The action ended with status ``error``.
            ActionTimeout: The action was still running after ``timeout`` seconds.
        """
        return self._session.wait([action], timeout=timeout, on_progress=on_progress, single=True)

    @overload
    def wait_all(
        self: ActionsResource[Sync],
        actions: Sequence[Action[Any]],
        *,
        timeout: float | None = None,
        on_progress: ProgressCallback | None = None,
    ) -> list[Action]: ...
    @overload
    def wait_all(
        self: ActionsResource[Async],
        actions: Sequence[Action[Any]],
        *,
        timeout: float | None = None,
        on_progress: ProgressCallback | None = None,
    ) -> Coroutine[Any, Any, list[Action[Async]]]: ...
    def wait_all(
        self,
        actions: Sequence[Action[Any]],
        *,
        timeout: float | None = None,
        on_progress: ProgressCallback | None = None,
    ) -> Any:
        """Wait until every action succeeds; each poll is one request for all of them.

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
        return self._session.wait(actions, timeout=timeout, on_progress=on_progress, single=False)
