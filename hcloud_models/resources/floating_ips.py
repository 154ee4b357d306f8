"""``client.floating_ips``: Floating IPs, assigning them to servers, and their actions."""

from __future__ import annotations

from .._modes import M
from ..operations import floating_ips as ops
from ..operations._call import Endpoint, Paged
from ._base import Resource

__all__ = ["FloatingIPsResource"]


class FloatingIPsResource(Resource[M]):
    """Floating IPs: create, list, change and delete them, move them between servers."""

    list = Endpoint(ops.list_floating_ips, "list_floating_ips")
    all = Paged(ops.list_floating_ips)
    get = Endpoint(ops.get_floating_ip, "get_floating_ip")
    get_by_name = Endpoint(ops.get_floating_ip_by_name)
    create = Endpoint(ops.create_floating_ip, "create_floating_ip")
    update = Endpoint(ops.update_floating_ip, "update_floating_ip")
    delete = Endpoint(ops.delete_floating_ip, "delete_floating_ip")

    assign = Endpoint(ops.assign_floating_ip, "assign_floating_ip")
    unassign = Endpoint(ops.unassign_floating_ip, "unassign_floating_ip")
    change_dns_ptr = Endpoint(ops.change_floating_ip_dns_ptr, "change_floating_ip_dns_ptr")
    change_protection = Endpoint(ops.change_floating_ip_protection, "change_floating_ip_protection")

    actions = Endpoint(ops.ACTIONS.of)
    get_action_of = Endpoint(ops.ACTIONS.get_of)
    list_actions = Endpoint(ops.ACTIONS.list)
    get_action = Endpoint(ops.ACTIONS.get)
