"""hcloud_models: a typed object-model SDK for the Hetzner Cloud API.

Start with :class:`Client` (or :class:`AsyncClient`)::

    from hcloud_models import Client

    with Client() as client:            # token from HCLOUD_TOKEN
        for server in client.servers.all(label_selector="env=prod"):
            print(server.name, server.status)
"""

from typing import TYPE_CHECKING, Any

from ._client import (
    DEFAULT_ENDPOINT,
    DEFAULT_HETZNER_ENDPOINT,
    DEFAULT_TIMEOUT,
    AsyncClient,
    Client,
    ConfigurationError,
)
from ._modes import Async, Sync
from ._polling import PollPolicy
from ._retry import RetryPolicy
from ._version import __version__
from .errors import *  # noqa: F403 - every exception is part of the public surface
from .errors import __all__ as _errors_all
from .models import *  # noqa: F403 - the models are the package's vocabulary
from .models import __all__ as _models_all

__all__ = [
    "DEFAULT_ENDPOINT",
    "DEFAULT_HETZNER_ENDPOINT",
    "DEFAULT_TIMEOUT",
    "Async",
    "AsyncClient",
    "Client",
    "ConfigurationError",
    "OPERATIONS",
    "PollPolicy",
    "RetryPolicy",
    "Sync",
    "__version__",
    *_errors_all,
    *_models_all,
]

if TYPE_CHECKING:
    from collections.abc import Mapping

    OPERATIONS: Mapping[str, str]
    """Every spec ``operationId`` -> the SDK method performing it (``"servers.power_off"``)."""


def __getattr__(name: str) -> Any:
    # OPERATIONS imports every resource manager, so it is made on first use only.
    if name == "OPERATIONS":
        from .resources import operation_map

        value = operation_map()
        globals()[name] = value
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
