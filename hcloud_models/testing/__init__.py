"""An in-memory, stateful fake of the Hetzner Cloud API for offline tests and demos.

``FakeCloud`` answers requests the way the API does -- objects with IDs and
timestamps, actions that run on a controllable clock, errors in the API's
shape, pagination, label selectors, sorting, rate limits -- and can inject
faults.  Use it in-process (``fake.client()``), through the ``hcloud_fake``
pytest fixture, or over HTTP (``python -m hcloud_models.testing serve``).
"""

from __future__ import annotations

from ._clock import FakeClock
from ._core import ApiError, Body, Fault, RateLimit, RawReply, Req
from ._fake import FakeCloud
from ._server import ServedCloud, serve

__all__ = [
    "ApiError",
    "Body",
    "FakeClock",
    "FakeCloud",
    "Fault",
    "RateLimit",
    "RawReply",
    "Req",
    "ServedCloud",
    "serve",
]
