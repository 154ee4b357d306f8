"""The base of resource managers (``client.servers``, ``client.images``...)."""

from __future__ import annotations

from typing import Any, Generic

from .._modes import M

__all__ = ["Resource"]


class Resource(Generic[M]):
    """A family of API objects reached through one client.

    Methods are declared once per family as :class:`~hcloud_models.operations._call.Endpoint`
    and :class:`~hcloud_models.operations._call.Paged` descriptors; on a
    manager of the sync client they return results, on one of the async client
    they return awaitables.
    """

    def __init__(self, session: Any) -> None:
        self._session = session

    def __repr__(self) -> str:
        return f"<{type(self).__name__}>"
