"""Pydantic models of every API object, nested part, request body and reply.

Reply models are named after the API object (``Server``, ``Image``); request
bodies after the operation (``ServerCreate``, ``ImageUpdate``); replies that
carry more than one object end in ``Result`` (``CreateServerResult``).

Every name in a family module's ``__all__`` is exported here.  Modules are
imported on first use of one of their names, so ``import hcloud_models`` stays
cheap; type checkers and editors read the star imports below.  Adding a family
takes one line in ``_MODULES`` and one star import.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from ._base import BoundModel as BoundModel
from ._base import HcloudModel as HcloudModel
from ._base import Labels as Labels
from ._base import LabelSelector as LabelSelector
from ._base import Payload as Payload

if TYPE_CHECKING:
    from .actions import *  # noqa: F403
    from .certificates import *  # noqa: F403
    from .common import *  # noqa: F403
    from .datacenters import *  # noqa: F403
    from .dns_ptr import *  # noqa: F403
    from .firewalls import *  # noqa: F403
    from .floating_ips import *  # noqa: F403
    from .images import *  # noqa: F403
    from .isos import *  # noqa: F403
    from .load_balancer_types import *  # noqa: F403
    from .load_balancers import *  # noqa: F403
    from .locations import *  # noqa: F403
    from .networks import *  # noqa: F403
    from .page import *  # noqa: F403
    from .placement_groups import *  # noqa: F403
    from .pricing import *  # noqa: F403
    from .primary_ips import *  # noqa: F403
    from .server_types import *  # noqa: F403
    from .servers import *  # noqa: F403
    from .ssh_keys import *  # noqa: F403
    from .storage_box_types import *  # noqa: F403
    from .storage_boxes import *  # noqa: F403
    from .volumes import *  # noqa: F403
    from .zones import *  # noqa: F403

_BASE = ("BoundModel", "HcloudModel", "LabelSelector", "Labels", "Payload")
"""The public names of ``_base``, which every model module imports anyway."""

_MODULES = (
    "common",
    "actions",
    "dns_ptr",
    "locations",
    "datacenters",
    "server_types",
    "images",
    "isos",
    "servers",
    "floating_ips",
    "pricing",
    "ssh_keys",
    "placement_groups",
    "networks",
    "volumes",
    "primary_ips",
    "load_balancer_types",
    "load_balancers",
    "certificates",
    "firewalls",
    "zones",
    "storage_box_types",
    "storage_boxes",
    "page",
)
"""The family modules whose ``__all__`` is exported here, searched in this order."""


def _load(module: str) -> list[str]:
    """Import a family module, publish its names here, and return them."""
    loaded = importlib.import_module(f"{__name__}.{module}")
    names: list[str] = loaded.__all__
    globals().update({name: getattr(loaded, name) for name in names})
    return names


def _exports() -> list[str]:
    """Every exported name (imports every family module)."""
    names = list(_BASE)
    for module in _MODULES:
        names.extend(name for name in _load(module) if name not in names)
    return sorted(names)


def _export(name: str) -> Any:
    """The exported object called ``name``, importing the family modules searched for it."""
    if name in _BASE:
        return globals()[name]
    if name in _MODULES:  # ``hcloud_models.models.servers`` without importing it first
        return importlib.import_module(f"{__name__}.{name}")
    if not name.startswith("_"):
        for module in _MODULES:
            if name in _load(module):
                return globals()[name]
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


if not TYPE_CHECKING:  # type checkers see the star imports, so typos stay errors

    def __getattr__(name: str) -> Any:
        if name == "__all__":
            exported = globals()["__all__"] = _exports()
            return exported
        return _export(name)

    def __dir__() -> list[str]:
        return sorted({*globals(), *_exports()})
