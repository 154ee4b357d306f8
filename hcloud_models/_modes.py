"""Type-level markers that tell synchronous and asynchronous objects apart.

Every bound model and resource manager is generic over a *mode*: ``Sync`` for
objects that come from :class:`hcloud_models.Client` and ``Async`` for objects
that come from :class:`hcloud_models.AsyncClient`.  The mode exists only for
the type checker; at run time a ``Server`` is a ``Server`` whichever client
fetched it, and its methods return plain values or coroutines according to the
client it is bound to.

A bare ``Server`` annotation means ``Server[Sync]``; write ``Server[Async]`` for
objects of the asynchronous client.
"""

from __future__ import annotations

from typing_extensions import TypeVar

__all__ = ["Async", "Mode", "Sync"]


class Mode:
    """Base of the two mode markers; never instantiated."""


class Sync(Mode):
    """Marks objects whose methods block and return their result."""


class Async(Mode):
    """Marks objects whose methods return awaitables."""


M = TypeVar("M", Sync, Async, default=Sync)
"""The mode type variable shared by bound models and resource managers."""
