"""Resource managers: the public verbs of each family (``client.servers.create(...)``).

A client creates each manager the first time it is used, importing its module
then, so that ``import hcloud_models`` stays cheap.
"""

from __future__ import annotations

import importlib
import types
from collections.abc import Mapping
from typing import Any

__all__ = ["RESOURCES", "operation_map", "resource_class"]

RESOURCES: dict[str, str] = {
    "actions": "actions:ActionsResource",
    "servers": "servers:ServersResource",
    "server_types": "server_types:ServerTypesResource",
    "images": "images:ImagesResource",
    "isos": "isos:ISOsResource",
    "floating_ips": "floating_ips:FloatingIPsResource",
    "ssh_keys": "ssh_keys:SSHKeysResource",
    "locations": "locations:LocationsResource",
    "datacenters": "datacenters:DatacentersResource",
    "pricing": "pricing:PricingResource",
}
"""Attribute name on the client -> ``module:class`` of its resource manager."""


def resource_class(name: str) -> type[Any]:
    """The resource manager class behind ``client.<name>``."""
    module_name, _, class_name = RESOURCES[name].partition(":")
    module = importlib.import_module(f"{__name__}.{module_name}")
    cls: type[Any] = getattr(module, class_name)
    return cls


def operation_map() -> Mapping[str, str]:
    """Every spec ``operationId`` the clients perform -> ``"<resource>.<method>"``.

    Read from the :class:`~hcloud_models.operations._call.Endpoint` attributes of
    the resource managers (including the per-family action listings), so it
    always says what the clients actually do.  Read-only.

    Raises:
        RuntimeError: Two methods claim the same operation.
    """
    from ..operations._call import Endpoint

    found: dict[str, str] = {}
    for name in RESOURCES:
        cls = resource_class(name)
        for attr, value in vars(cls).items():
            if not isinstance(value, Endpoint):
                continue
            operation_id = value.operation_id
            if operation_id is None:
                continue
            method = f"{name}.{attr}"
            if found.setdefault(operation_id, method) != method:
                raise RuntimeError(
                    f"{operation_id} is performed by both {found[operation_id]} and {method}"
                )
    return types.MappingProxyType(dict(sorted(found.items())))
