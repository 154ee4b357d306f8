"""An in-memory, stateful fake of the Hetzner Cloud API for offline tests and demos.

``FakeCloud`` answers requests the way the API does -- objects with IDs and
timestamps, actions that run on a controllable clock, errors in the API's
shape, pagination, label selectors, sorting, rate limits -- and can inject
faults.  Use it in-process (``fake.client()``), through the ``hcloud_fake``
pytest fixture, or over HTTP (``python -m hcloud_models.testing serve``).
"""

from __future__ import annotations

import importlib as _importlib
import typing as _typing

if _typing.TYPE_CHECKING:
    from ._clock import FakeClock as FakeClock
    from ._core import ApiError as ApiError
    from ._core import Body as Body
    from ._core import Fault as Fault
    from ._core import RateLimit as RateLimit
    from ._core import RawReply as RawReply
    from ._core import Req as Req
    from ._fake import FakeCloud as FakeCloud
    from ._server import ServedCloud as ServedCloud
    from ._server import serve as serve

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

# Loaded on first use, so that the pytest plugin (a submodule) costs nothing at
# pytest startup: the fake and the SDK behind it load when a test asks for them.
_HOMES = {
    "FakeClock": "._clock",
    "ApiError": "._core",
    "Body": "._core",
    "Fault": "._core",
    "RateLimit": "._core",
    "RawReply": "._core",
    "Req": "._core",
    "FakeCloud": "._fake",
    "ServedCloud": "._server",
    "serve": "._server",
}

if not _typing.TYPE_CHECKING:  # type checkers see the imports above

    def __getattr__(name: str) -> _typing.Any:
        home = _HOMES.get(name)
        if home is None:
            raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
        value = globals()[name] = getattr(_importlib.import_module(home, __name__), name)
        return value

    def __dir__() -> list[str]:
        return sorted({*globals(), *__all__})
