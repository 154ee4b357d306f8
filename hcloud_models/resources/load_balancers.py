"""``client.load_balancers``: Load Balancers, their services, targets and actions."""

from __future__ import annotations

from .._modes import M
from ..operations import load_balancers as ops
from ..operations._call import Endpoint, Paged
from ._base import Resource

__all__ = ["LoadBalancersResource"]


class LoadBalancersResource(Resource[M]):
    """Load Balancers: create, list, change and delete them; manage services and targets."""

    list = Endpoint(ops.list_load_balancers, "list_load_balancers")
    all = Paged(ops.list_load_balancers)
    get = Endpoint(ops.get_load_balancer, "get_load_balancer")
    get_by_name = Endpoint(ops.get_load_balancer_by_name)
    create = Endpoint(ops.create_load_balancer, "create_load_balancer")
    update = Endpoint(ops.update_load_balancer, "update_load_balancer")
    delete = Endpoint(ops.delete_load_balancer, "delete_load_balancer")
    metrics = Endpoint(ops.get_load_balancer_metrics, "get_load_balancer_metrics")

    add_service = Endpoint(ops.add_service, "add_load_balancer_service")
    update_service = Endpoint(ops.update_service, "update_load_balancer_service")
    delete_service = Endpoint(ops.delete_service, "delete_load_balancer_service")
    add_target = Endpoint(ops.add_target, "add_load_balancer_target")
    remove_target = Endpoint(ops.remove_target, "remove_load_balancer_target")
    change_algorithm = Endpoint(ops.change_algorithm, "change_load_balancer_algorithm")
    change_type = Endpoint(ops.change_type, "change_load_balancer_type")
    attach_to_network = Endpoint(ops.attach_to_network, "attach_load_balancer_to_network")
    detach_from_network = Endpoint(ops.detach_from_network, "detach_load_balancer_from_network")
    enable_public_interface = Endpoint(
        ops.enable_public_interface, "enable_load_balancer_public_interface"
    )
    disable_public_interface = Endpoint(
        ops.disable_public_interface, "disable_load_balancer_public_interface"
    )
    change_dns_ptr = Endpoint(ops.change_dns_ptr, "change_load_balancer_dns_ptr")
    change_protection = Endpoint(ops.change_protection, "change_load_balancer_protection")

    actions = Endpoint(ops.ACTIONS.of)
    get_action_of = Endpoint(ops.ACTIONS.get_of)
    list_actions = Endpoint(ops.ACTIONS.list)
    get_action = Endpoint(ops.ACTIONS.get)
