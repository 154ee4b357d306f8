"""Resource managers: the public verbs of each family (``client.servers.create(...)``).

A client creates each manager the first time it is used, importing its module
then, so that ``import hcloud_models`` stays cheap.
"""

from __future__ import annotations

import importlib
from typing import Any

__all__ = ["RESOURCES", "resource_class"]

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
    "firewalls": "firewalls:FirewallsResource",
    "zones": "zones:ZonesResource",
    "zone_rrsets": "zones:ZoneRRSetsResource",
}
"""Attribute name on the client -> ``module:class`` of its resource manager."""


def resource_class(name: str) -> type[Any]:
    """The resource manager class behind ``client.<name>``."""
    module_name, _, class_name = RESOURCES[name].partition(":")
    module = importlib.import_module(f"{__name__}.{module_name}")
    cls: type[Any] = getattr(module, class_name)
    return cls
