"""Every resource manager's methods and every bound model's methods, named in one place.

The names are the SDK's design (``client.servers.power_off`` performs ``poweroff_server``); the
tables below are checked against the managers and the models, and each family's operations
against the specs, so a method renamed, lost or added shows here.  That each bound method runs
its manager's build function is checked in ``tests/test_bound_methods.py``.
"""

from __future__ import annotations

from typing import Any

import pytest

import hcloud_models.models as models
from hcloud_models.errors import UnboundObjectError
from hcloud_models.models._base import BoundModel, Delegate, PagesDelegate
from hcloud_models.operations._call import Endpoint, Paged
from hcloud_models.resources import RESOURCES, resource_class
from tests import spec
from tests.conftest import Recorder

# Manager attribute -> method -> the operation it performs (None: a helper built on another one,
# such as get_by_name, or a method that hands over to another manager).
ENDPOINTS: dict[str, dict[str, str | None]] = {
    "actions": {
        "get": "get_action",
        "list_by_ids": "get_actions",
        "wait": None,
        "wait_all": None,
    },
    "servers": {
        "list": "list_servers",
        "get": "get_server",
        "get_by_name": None,
        "create": "create_server",
        "update": "update_server",
        "delete": "delete_server",
        "metrics": "get_server_metrics",
        "power_on": "poweron_server",
        "power_off": "poweroff_server",
        "shutdown": "shutdown_server",
        "reboot": "reboot_server",
        "reset": "reset_server",
        "rebuild": "rebuild_server",
        "change_type": "change_server_type",
        "enable_rescue": "enable_server_rescue",
        "disable_rescue": "disable_server_rescue",
        "enable_backup": "enable_server_backup",
        "disable_backup": "disable_server_backup",
        "attach_iso": "attach_server_iso",
        "detach_iso": "detach_server_iso",
        "create_image": "create_server_image",
        "change_protection": "change_server_protection",
        "change_dns_ptr": "change_server_dns_ptr",
        "reset_password": "reset_server_password",
        "request_console": "request_server_console",
        "add_to_placement_group": "add_server_to_placement_group",
        "remove_from_placement_group": "remove_server_from_placement_group",
        "attach_to_network": "attach_server_to_network",
        "detach_from_network": "detach_server_from_network",
        "change_alias_ips": "change_server_alias_ips",
        "actions": "list_server_actions",
        "get_action_of": "get_server_action",
        "list_actions": "list_servers_actions",
        "get_action": "get_servers_action",
    },
    "server_types": {
        "list": "list_server_types",
        "get": "get_server_type",
        "get_by_name": None,
    },
    "images": {
        "list": "list_images",
        "get": "get_image",
        "get_by_name": None,
        "update": "update_image",
        "delete": "delete_image",
        "change_protection": "change_image_protection",
        "actions": "list_image_actions",
        "get_action_of": "get_image_action",
        "list_actions": "list_images_actions",
        "get_action": "get_images_action",
    },
    "isos": {
        "list": "list_isos",
        "get": "get_iso",
        "get_by_name": None,
    },
    "floating_ips": {
        "list": "list_floating_ips",
        "get": "get_floating_ip",
        "get_by_name": None,
        "create": "create_floating_ip",
        "update": "update_floating_ip",
        "delete": "delete_floating_ip",
        "assign": "assign_floating_ip",
        "unassign": "unassign_floating_ip",
        "change_dns_ptr": "change_floating_ip_dns_ptr",
        "change_protection": "change_floating_ip_protection",
        "actions": "list_floating_ip_actions",
        "get_action_of": "get_floating_ip_action",
        "list_actions": "list_floating_ips_actions",
        "get_action": "get_floating_ips_action",
    },
    "ssh_keys": {
        "list": "list_ssh_keys",
        "get": "get_ssh_key",
        "get_by_name": None,
        "create": "create_ssh_key",
        "update": "update_ssh_key",
        "delete": "delete_ssh_key",
    },
    "locations": {
        "list": "list_locations",
        "get": "get_location",
        "get_by_name": None,
    },
    "datacenters": {
        "list": "list_datacenters",
        "get": "get_datacenter",
        "get_by_name": None,
    },
    "pricing": {
        "get": "get_pricing",
    },
    "storage_boxes": {
        "list": "list_storage_boxes",
        "get": "get_storage_box",
        "get_by_name": None,
        "create": "create_storage_box",
        "update": "update_storage_box",
        "delete": "delete_storage_box",
        "folders": "list_storage_box_folders",
        "change_protection": "change_storage_box_protection",
        "change_type": "change_storage_box_type",
        "reset_password": "reset_storage_box_password",
        "update_access_settings": "update_storage_box_access_settings",
        "rollback_snapshot": "rollback_storage_box_snapshot",
        "enable_snapshot_plan": "enable_storage_box_snapshot_plan",
        "disable_snapshot_plan": "disable_storage_box_snapshot_plan",
        "list_subaccounts": "list_storage_box_subaccounts",
        "subaccounts": None,
        "get_subaccount_by_name": None,
        "create_subaccount": "create_storage_box_subaccount",
        "list_snapshots": "list_storage_box_snapshots",
        "snapshots": None,
        "get_snapshot_by_name": None,
        "create_snapshot": "create_storage_box_snapshot",
        "actions": "list_storage_box_actions",
        "get_action_of": "get_storage_box_action",
        "list_actions": "list_storage_boxes_actions",
        "get_action": "get_storage_boxes_action",
    },
    "storage_box_subaccounts": {
        "get": "get_storage_box_subaccount",
        "update": "update_storage_box_subaccount",
        "delete": "delete_storage_box_subaccount",
        "change_home_directory": "change_storage_box_subaccount_home_directory",
        "reset_password": "reset_storage_box_subaccount_password",
        "update_access_settings": "update_storage_box_subaccount_access_settings",
    },
    "storage_box_snapshots": {
        "get": "get_storage_box_snapshot",
        "update": "update_storage_box_snapshot",
        "delete": "delete_storage_box_snapshot",
    },
    "storage_box_types": {
        "list": "list_storage_box_types",
        "get": "get_storage_box_type",
        "get_by_name": None,
    },
    "load_balancers": {
        "list": "list_load_balancers",
        "get": "get_load_balancer",
        "get_by_name": None,
        "create": "create_load_balancer",
        "update": "update_load_balancer",
        "delete": "delete_load_balancer",
        "metrics": "get_load_balancer_metrics",
        "add_service": "add_load_balancer_service",
        "update_service": "update_load_balancer_service",
        "delete_service": "delete_load_balancer_service",
        "add_target": "add_load_balancer_target",
        "remove_target": "remove_load_balancer_target",
        "change_algorithm": "change_load_balancer_algorithm",
        "change_type": "change_load_balancer_type",
        "attach_to_network": "attach_load_balancer_to_network",
        "detach_from_network": "detach_load_balancer_from_network",
        "enable_public_interface": "enable_load_balancer_public_interface",
        "disable_public_interface": "disable_load_balancer_public_interface",
        "change_dns_ptr": "change_load_balancer_dns_ptr",
        "change_protection": "change_load_balancer_protection",
        "actions": "list_load_balancer_actions",
        "get_action_of": "get_load_balancer_action",
        "list_actions": "list_load_balancers_actions",
        "get_action": "get_load_balancers_action",
    },
    "load_balancer_types": {
        "list": "list_load_balancer_types",
        "get": "get_load_balancer_type",
        "get_by_name": None,
    },
    "certificates": {
        "list": "list_certificates",
        "get": "get_certificate",
        "get_by_name": None,
        "create": "create_certificate",
        "update": "update_certificate",
        "delete": "delete_certificate",
        "retry": "retry_certificate",
        "actions": "list_certificate_actions",
        "get_action_of": "get_certificate_action",
        "list_actions": "list_certificates_actions",
        "get_action": "get_certificates_action",
    },
    "networks": {
        "list": "list_networks",
        "get": "get_network",
        "get_by_name": None,
        "create": "create_network",
        "update": "update_network",
        "delete": "delete_network",
        "add_subnet": "add_network_subnet",
        "delete_subnet": "delete_network_subnet",
        "add_route": "add_network_route",
        "delete_route": "delete_network_route",
        "change_ip_range": "change_network_ip_range",
        "change_protection": "change_network_protection",
        "actions": "list_network_actions",
        "get_action_of": "get_network_action",
        "list_actions": "list_networks_actions",
        "get_action": "get_networks_action",
    },
    "volumes": {
        "list": "list_volumes",
        "get": "get_volume",
        "get_by_name": None,
        "create": "create_volume",
        "update": "update_volume",
        "delete": "delete_volume",
        "attach": "attach_volume",
        "detach": "detach_volume",
        "resize": "resize_volume",
        "change_protection": "change_volume_protection",
        "actions": "list_volume_actions",
        "get_action_of": "get_volume_action",
        "list_actions": "list_volumes_actions",
        "get_action": "get_volumes_action",
    },
    "placement_groups": {
        "list": "list_placement_groups",
        "get": "get_placement_group",
        "get_by_name": None,
        "create": "create_placement_group",
        "update": "update_placement_group",
        "delete": "delete_placement_group",
    },
    "primary_ips": {
        "list": "list_primary_ips",
        "get": "get_primary_ip",
        "get_by_name": None,
        "create": "create_primary_ip",
        "update": "update_primary_ip",
        "delete": "delete_primary_ip",
        "assign": "assign_primary_ip",
        "unassign": "unassign_primary_ip",
        "change_dns_ptr": "change_primary_ip_dns_ptr",
        "change_protection": "change_primary_ip_protection",
        "actions": "list_primary_ip_actions",
        "get_action_of": "get_primary_ip_action",
        "list_actions": "list_primary_ips_actions",
        "get_action": "get_primary_ips_action",
    },
    "firewalls": {
        "list": "list_firewalls",
        "get": "get_firewall",
        "get_by_name": None,
        "create": "create_firewall",
        "update": "update_firewall",
        "delete": "delete_firewall",
        "set_rules": "set_firewall_rules",
        "apply_to_resources": "apply_firewall_to_resources",
        "remove_from_resources": "remove_firewall_from_resources",
        "actions": "list_firewall_actions",
        "get_action_of": "get_firewall_action",
        "list_actions": "list_firewalls_actions",
        "get_action": "get_firewalls_action",
    },
    "zones": {
        "list": "list_zones",
        "get": "get_zone",
        "get_by_name": None,
        "create": "create_zone",
        "update": "update_zone",
        "delete": "delete_zone",
        "export_zonefile": "get_zone_zonefile",
        "import_zonefile": "import_zone_zonefile",
        "change_primary_nameservers": "change_zone_primary_nameservers",
        "change_protection": "change_zone_protection",
        "change_ttl": "change_zone_ttl",
        "list_rrsets": None,
        "get_rrset": None,
        "create_rrset": None,
        "actions": "list_zone_actions",
        "get_action_of": "get_zone_action",
        "list_actions": "list_zones_actions",
        "get_action": "get_zones_action",
    },
    "zone_rrsets": {
        "list": "list_zone_rrsets",
        "get": "get_zone_rrset",
        "create": "create_zone_rrset",
        "update": "update_zone_rrset",
        "delete": "delete_zone_rrset",
        "change_protection": "change_zone_rrset_protection",
        "change_ttl": "change_zone_rrset_ttl",
        "set_records": "set_zone_rrset_records",
        "add_records": "add_zone_rrset_records",
        "remove_records": "remove_zone_rrset_records",
        "update_records": "update_zone_rrset_records",
    },
}


# Bound model -> its methods (``reload`` is the manager's ``get``).
DELEGATES: dict[str, str] = {
    "Action": "reload wait",
    "Certificate": "actions delete reload retry update",
    "Datacenter": "reload",
    "Firewall": "actions apply_to_resources delete reload remove_from_resources set_rules update",
    "FloatingIP": "actions assign change_dns_ptr change_protection delete reload unassign update",
    "ISO": "reload",
    "Image": "actions change_protection delete reload update",
    "LoadBalancer": (
        "actions add_service add_target attach_to_network change_algorithm change_dns_ptr "
        "change_protection change_type delete delete_service detach_from_network "
        "disable_public_interface enable_public_interface metrics reload remove_target update "
        "update_service"
    ),
    "LoadBalancerType": "reload",
    "Location": "reload",
    "Network": (
        "actions add_route add_subnet change_ip_range change_protection delete delete_route "
        "delete_subnet reload update"
    ),
    "PlacementGroup": "delete reload update",
    "PrimaryIP": "actions assign change_dns_ptr change_protection delete reload unassign update",
    "RRSet": (
        "add_records change_protection change_ttl delete reload remove_records set_records "
        "update update_records"
    ),
    "SSHKey": "delete reload update",
    "Server": (
        "actions add_to_placement_group attach_iso attach_to_network change_alias_ips "
        "change_dns_ptr change_protection change_type create_image delete detach_from_network "
        "detach_iso disable_backup disable_rescue enable_backup enable_rescue metrics power_off "
        "power_on reboot rebuild reload remove_from_placement_group request_console reset "
        "reset_password shutdown update"
    ),
    "ServerType": "reload",
    "StorageBox": (
        "actions change_protection change_type create_snapshot create_subaccount delete "
        "disable_snapshot_plan enable_snapshot_plan folders get_snapshot_by_name "
        "get_subaccount_by_name list_snapshots list_subaccounts reload reset_password "
        "rollback_snapshot snapshots subaccounts update update_access_settings"
    ),
    "StorageBoxAction": "reload wait",
    "StorageBoxSnapshot": "delete reload update",
    "StorageBoxSubaccount": (
        "change_home_directory delete reload reset_password update update_access_settings"
    ),
    "StorageBoxType": "reload",
    "Volume": "actions attach change_protection delete detach reload resize update",
    "Zone": (
        "actions all_rrsets change_primary_nameservers change_protection change_ttl create_rrset "
        "delete export_zonefile get_rrset import_zonefile list_rrsets reload update"
    ),
}

BOUND_MODELS = sorted(
    (
        cls
        for cls in vars(models).values()
        if isinstance(cls, type) and issubclass(cls, BoundModel) and cls is not BoundModel
    ),
    key=lambda cls: cls.__name__,
)


def _operations_by_segment() -> dict[str, set[str]]:
    """The operations of both specs, by the first segment of their path."""
    by_segment: dict[str, set[str]] = {}
    for spec_name in ("hcloud", "hetzner"):
        for operation_id, (_, path, _) in spec.operations(spec_name).items():
            by_segment.setdefault(path.split("/")[1], set()).add(operation_id)
    return by_segment


def test_every_manager_is_in_the_table() -> None:
    assert set(ENDPOINTS) == set(RESOURCES)
    assert {cls.__name__ for cls in BOUND_MODELS} == set(DELEGATES)


@pytest.mark.parametrize("attr", list(RESOURCES))
def test_endpoints_name_spec_operations(attr: str) -> None:
    resource = resource_class(attr)
    ids = {n: a.operation_id for n, a in vars(resource).items() if isinstance(a, Endpoint)}
    assert ids == ENDPOINTS[attr]
    paged = vars(resource).get("all")
    if paged is not None:
        assert isinstance(paged, Paged)
        assert paged.build is vars(resource)["list"].build


def test_each_path_segment_is_served_by_its_managers_alone() -> None:
    """A family's managers perform every operation below its path, and none elsewhere."""
    served: dict[str, set[str]] = {}
    paths = {
        operation_id: path
        for spec_name in ("hcloud", "hetzner")
        for operation_id, (_, path, _) in spec.operations(spec_name).items()
    }
    for table in ENDPOINTS.values():
        ids = {o for o in table.values() if o is not None}
        segments = {paths[o].split("/")[1] for o in ids}
        assert len(segments) <= 1, segments
        for segment in segments:
            served.setdefault(segment, set()).update(ids)
    assert served == _operations_by_segment()


@pytest.mark.parametrize("model", BOUND_MODELS, ids=lambda cls: cls.__name__)
def test_bound_models_have_the_documented_methods(model: type[BoundModel[Any]]) -> None:
    found = {
        name: value
        for klass in model.__mro__
        for name, value in vars(klass).items()
        if isinstance(value, Delegate | PagesDelegate)
    }
    assert sorted(found) == DELEGATES[model.__name__].split()
    for name, method in found.items():
        assert method.name == ("get" if name == "reload" else name)


@pytest.mark.parametrize("model", BOUND_MODELS, ids=lambda cls: cls.__name__)
def test_unbound_objects_refuse_to_call_the_api(
    model: type[BoundModel[Any]], recorder: Recorder
) -> None:
    """Every method of an object read without a client raises before building a request."""
    obj = model.model_construct(id=42)
    assert not obj.is_bound
    for name in DELEGATES[model.__name__].split():
        with pytest.raises(UnboundObjectError, match=rf"this {model.__name__} is not bound"):
            getattr(obj, name)()
    assert recorder.requests == []
