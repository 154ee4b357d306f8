"""``client.networks``: private networks, their subnets and routes, and their actions."""

from __future__ import annotations

from .._modes import M
from ..operations import networks as ops
from ..operations._call import Endpoint, Paged
from ._base import Resource

__all__ = ["NetworksResource"]


class NetworksResource(Resource[M]):
    """Networks: create, list, change and delete them; manage subnets, routes and range."""

    list = Endpoint(ops.list_networks, "list_networks")
    all = Paged(ops.list_networks)
    get = Endpoint(ops.get_network, "get_network")
    get_by_name = Endpoint(ops.get_network_by_name)
    create = Endpoint(ops.create_network, "create_network")
    update = Endpoint(ops.update_network, "update_network")
    delete = Endpoint(ops.delete_network, "delete_network")

    add_subnet = Endpoint(ops.add_network_subnet, "add_network_subnet")
    delete_subnet = Endpoint(ops.delete_network_subnet, "delete_network_subnet")
    add_route = Endpoint(ops.add_network_route, "add_network_route")
    delete_route = Endpoint(ops.delete_network_route, "delete_network_route")
    change_ip_range = Endpoint(ops.change_network_ip_range, "change_network_ip_range")
    change_protection = Endpoint(ops.change_network_protection, "change_network_protection")

    actions = Endpoint(ops.ACTIONS.of)
    get_action_of = Endpoint(ops.ACTIONS.get_of)
    list_actions = Endpoint(ops.ACTIONS.list)
    get_action = Endpoint(ops.ACTIONS.get)
