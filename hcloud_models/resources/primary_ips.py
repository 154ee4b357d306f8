"""``client.primary_ips``: Primary IPs, assigning them to servers, and their actions."""

from __future__ import annotations

from .._modes import M
from ..operations import primary_ips as ops
from ..operations._call import Endpoint, Paged
from ._base import Resource

__all__ = ["PrimaryIPsResource"]


class PrimaryIPsResource(Resource[M]):
    """Primary IPs: create, list, change and delete them, move them between servers."""

    list = Endpoint(ops.list_primary_ips, "list_primary_ips")
    all = Paged(ops.list_primary_ips)
    get = Endpoint(ops.get_primary_ip, "get_primary_ip")
    get_by_name = Endpoint(ops.get_primary_ip_by_name)
    create = Endpoint(ops.create_primary_ip, "create_primary_ip")
    update = Endpoint(ops.update_primary_ip, "update_primary_ip")
    delete = Endpoint(ops.delete_primary_ip, "delete_primary_ip")

    assign = Endpoint(ops.assign_primary_ip, "assign_primary_ip")
    unassign = Endpoint(ops.unassign_primary_ip, "unassign_primary_ip")
    change_dns_ptr = Endpoint(ops.change_primary_ip_dns_ptr, "change_primary_ip_dns_ptr")
    change_protection = Endpoint(ops.change_primary_ip_protection, "change_primary_ip_protection")

    actions = Endpoint(ops.ACTIONS.of)
    get_action_of = Endpoint(ops.ACTIONS.get_of)
    list_actions = Endpoint(ops.ACTIONS.list)
    get_action = Endpoint(ops.ACTIONS.get)
