"""Actions: the asynchronous tasks the API starts for changes that take time."""

from datetime import datetime
from typing import TYPE_CHECKING, Annotated, ClassVar, Literal

from .._modes import M
from ._base import OPEN, BoundModel, delegate
from .common import ActionError, ActionResource

if TYPE_CHECKING:
    from ..operations import actions as ops

__all__ = ["Action", "ActionError", "ActionResource", "ActionStatus", "StorageBoxAction"]

ActionStatus = Literal["running", "success", "error"]
"""The states of an action."""


class Action(BoundModel[M]):
    """A task the API runs in the background, with its progress and final outcome.

    ``error`` is set only when ``status`` is ``"error"``; ``finished`` stays
    ``None`` while the action is running.  Follow an action to its end with
    :meth:`wait`, or many at once with ``client.actions.wait_all(...)``.
    """

    _resource: ClassVar[str] = "actions"
    _home: ClassVar[tuple[Literal["cloud", "hetzner"], str]] = ("cloud", "/actions")
    """Which API serves this kind of action and the path where it is read and polled."""

    id: int
    command: str
    status: Annotated[ActionStatus, OPEN]
    progress: int
    started: datetime
    finished: datetime | None
    resources: list[ActionResource]
    error: ActionError | None

    reload = delegate(lambda: ops.get, "get")
    """Fetch the action again and return its current state (the object itself is unchanged)."""
    wait = delegate(lambda: ops.wait)
    """Poll until the action succeeds and return its final state (see ``client.actions.wait``)."""

    @property
    def done(self) -> bool:
        """Whether the action has ended, in success or in error."""
        return self.status != "running"


class StorageBoxAction(Action[M]):
    """An action of a Storage Box, a subaccount or a snapshot.

    It is read and polled on the Hetzner API at ``/storage_boxes/actions``
    instead of the Cloud API's ``/actions``; ``reload()``, ``wait()`` and
    ``client.actions.wait_all(...)`` go there on their own.
    """

    _home: ClassVar[tuple[Literal["cloud", "hetzner"], str]] = (
        "hetzner",
        "/storage_boxes/actions",
    )
