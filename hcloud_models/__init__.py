"""hcloud_models: a typed object-model Python SDK for the Hetzner Cloud API.

Start with :class:`Client` (or :class:`AsyncClient`)::

    from hcloud_models import Client

    with Client() as client:            # token from HCLOUD_TOKEN
        for server in client.servers.all(label_selector="env=prod"):
            print(server.name, server.status)

``import hcloud_models`` loads nothing but this module: each exported name is
imported on first use (``from hcloud_models import Server`` works as usual,
and type checkers and editors see every name through the imports below).
"""

import importlib as _importlib
import typing as _typing

from ._version import __version__ as __version__

if _typing.TYPE_CHECKING:
    from ._client import DEFAULT_ENDPOINT as DEFAULT_ENDPOINT
    from ._client import DEFAULT_HETZNER_ENDPOINT as DEFAULT_HETZNER_ENDPOINT
    from ._client import DEFAULT_TIMEOUT as DEFAULT_TIMEOUT
    from ._client import AsyncClient as AsyncClient
    from ._client import Client as Client
    from ._client import ConfigurationError as ConfigurationError
    from ._modes import Async as Async
    from ._modes import Sync as Sync
    from ._polling import PollPolicy as PollPolicy
    from ._retry import RetryPolicy as RetryPolicy
    from .errors import *  # noqa: F403 - every exception is part of the public surface
    from .models import *  # noqa: F403 - the models are the package's vocabulary

    OPERATIONS: _typing.Mapping[str, str]
    """Every spec ``operationId`` -> the SDK method performing it (``"servers.power_off"``)."""

_CORE = {
    "DEFAULT_ENDPOINT": "_client",
    "DEFAULT_HETZNER_ENDPOINT": "_client",
    "DEFAULT_TIMEOUT": "_client",
    "AsyncClient": "_client",
    "Client": "_client",
    "ConfigurationError": "_client",
    "Async": "_modes",
    "Sync": "_modes",
    "PollPolicy": "_polling",
    "RetryPolicy": "_retry",
}
"""Exported names that are not exceptions or models, and the module of each."""

_SUBMODULES = ("errors", "models", "operations", "resources", "testing")
"""Public submodules, also reachable as attributes once the package is imported."""


def _exports() -> list[str]:
    from . import errors, models

    return sorted({"__version__", "OPERATIONS", *_CORE, *errors.__all__, *models._exports()})


def _export(name: str) -> _typing.Any:
    if name == "OPERATIONS":  # it imports every resource manager, so it is made on first use
        from .resources import operation_map

        return operation_map()
    module = _CORE.get(name)
    if module is not None:
        return getattr(_importlib.import_module(f"{__name__}.{module}"), name)
    if name in _SUBMODULES:
        return _importlib.import_module(f"{__name__}.{name}")
    if name.startswith("_"):
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    from . import errors

    if name in errors.__all__:
        return getattr(errors, name)
    from . import models

    return models._export(name)


if not _typing.TYPE_CHECKING:  # type checkers see the imports above, so typos stay errors

    def __getattr__(name: str) -> _typing.Any:
        if name == "__all__":
            exported = globals()["__all__"] = _exports()
            return exported
        value = globals()[name] = _export(name)
        return value

    def __dir__() -> list[str]:
        return sorted({*globals(), *_exports()})
