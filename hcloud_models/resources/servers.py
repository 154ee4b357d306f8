"""``client.servers``: servers, their actions and metrics."""

from __future__ import annotations

from .._modes import M
from ..operations import servers as ops
from ..operations._call import Endpoint, Paged
from ._base import Resource

__all__ = ["ServersResource"]


class ServersResource(Resource[M]):
    """Servers: create, list, change and delete them, run their actions, read their metrics."""

    list = Endpoint(ops.list_servers, "list_servers")
    all = Paged(ops.list_servers)
    get = Endpoint(ops.get_server, "get_server")
    get_by_name = Endpoint(ops.get_server_by_name)
    create = Endpoint(ops.create_server, "create_server")
    update = Endpoint(ops.update_server, "update_server")
    delete = Endpoint(ops.delete_server, "delete_server")
    metrics = Endpoint(ops.get_server_metrics, "get_server_metrics")

    power_on = Endpoint(ops.power_on, "poweron_server")
    power_off = Endpoint(ops.power_off, "poweroff_server")
    shutdown = Endpoint(ops.shutdown, "shutdown_server")
    reboot = Endpoint(ops.reboot, "reboot_server")
    reset = Endpoint(ops.reset, "reset_server")
    rebuild = Endpoint(ops.rebuild, "rebuild_server")
    change_type = Endpoint(ops.change_type, "change_server_type")
    enable_rescue = Endpoint(ops.enable_rescue, "enable_server_rescue")
    disable_rescue = Endpoint(ops.disable_rescue, "disable_server_rescue")
    enable_backup = Endpoint(ops.enable_backup, "enable_server_backup")
    disable_backup = Endpoint(ops.disable_backup, "disable_server_backup")
    attach_iso = Endpoint(ops.attach_iso, "attach_server_iso")
    detach_iso = Endpoint(ops.detach_iso, "detach_server_iso")
    create_image = Endpoint(ops.create_image, "create_server_image")
    change_protection = Endpoint(ops.change_protection, "change_server_protection")
    change_dns_ptr = Endpoint(ops.change_dns_ptr, "change_server_dns_ptr")
    reset_password = Endpoint(ops.reset_password, "reset_server_password")
    request_console = Endpoint(ops.request_console, "request_server_console")
    add_to_placement_group = Endpoint(ops.add_to_placement_group, "add_server_to_placement_group")
    remove_from_placement_group = Endpoint(
        ops.remove_from_placement_group, "remove_server_from_placement_group"
    )
    attach_to_network = Endpoint(ops.attach_to_network, "attach_server_to_network")
    detach_from_network = Endpoint(ops.detach_from_network, "detach_server_from_network")
    change_alias_ips = Endpoint(ops.change_alias_ips, "change_server_alias_ips")

    actions = Endpoint(ops.ACTIONS.of)
    get_action_of = Endpoint(ops.ACTIONS.get_of)
    list_actions = Endpoint(ops.ACTIONS.list)
    get_action = Endpoint(ops.ACTIONS.get)
