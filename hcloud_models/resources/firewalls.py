"""``client.firewalls``: Firewalls, their rules, where they are applied, and their actions."""

from __future__ import annotations

from .._modes import M
from ..operations import firewalls as ops
from ..operations._call import Endpoint, Paged
from ._base import Resource

__all__ = ["FirewallsResource"]


class FirewallsResource(Resource[M]):
    """Firewalls: create, list, change and delete them, set rules, apply them to servers."""

    list = Endpoint(ops.list_firewalls, "list_firewalls")
    all = Paged(ops.list_firewalls)
    get = Endpoint(ops.get_firewall, "get_firewall")
    get_by_name = Endpoint(ops.get_firewall_by_name)
    create = Endpoint(ops.create_firewall, "create_firewall")
    update = Endpoint(ops.update_firewall, "update_firewall")
    delete = Endpoint(ops.delete_firewall, "delete_firewall")

    set_rules = Endpoint(ops.set_firewall_rules, "set_firewall_rules")
    apply_to_resources = Endpoint(ops.apply_firewall_to_resources, "apply_firewall_to_resources")
    remove_from_resources = Endpoint(
        ops.remove_firewall_from_resources, "remove_firewall_from_resources"
    )

    actions = Endpoint(ops.ACTIONS.of)
    get_action_of = Endpoint(ops.ACTIONS.get_of)
    list_actions = Endpoint(ops.ACTIONS.list)
    get_action = Endpoint(ops.ACTIONS.get)
