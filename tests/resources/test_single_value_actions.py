"""Actions with one required value take it bare in the payload slot, in every family.

``volumes.resize(v, 50)``, ``load_balancers.change_type(lb, "lb21")``: the second
positional argument is the value itself, the payload model or a mapping, and
sends the same body either way.  A second test finds, from the operations and
their payload models, every action with exactly one required body field, so
that a new one is listed here or named as an exception with its reason.
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil
import typing
from collections.abc import Callable, Mapping
from typing import Any

import pytest

import hcloud_models.operations as operations
from hcloud_models.models._base import Payload

from ..conftest import Api, Recorder
from ..helpers import assert_sent, reply_to

HZ = "hetzner"
SUB = (7, 3)  # a subaccount as a (storage_box, id) pair
RR = (42, "www", "A")  # an RRSet as a (zone, name, type) triple
APPLY = {"type": "server", "server": {"id": 5}}
NS = {"address": "192.0.2.53"}
REC = {"value": "192.0.2.1"}
COMMENTED = {"value": "192.0.2.1", "comment": "web"}

# (operation function, operation id, spec, path, bare call, keyword or mapping call, body)
CASES: list[Any] = [
    ("volumes.resize_volume", "resize_volume", "hcloud", "/volumes/42/actions/resize",
     lambda c: c.volumes.resize(42, 50), lambda c: c.volumes.resize(42, {"size": 50}),
     {"size": 50}),
    ("volumes.attach_volume", "attach_volume", "hcloud", "/volumes/42/actions/attach",
     lambda c: c.volumes.attach(42, 5), lambda c: c.volumes.attach(42, {"server": 5}),
     {"server": 5}),
    ("floating_ips.assign_floating_ip", "assign_floating_ip", "hcloud",
     "/floating_ips/42/actions/assign",
     lambda c: c.floating_ips.assign(42, 5), lambda c: c.floating_ips.assign(42, {"server": 5}),
     {"server": 5}),
    ("firewalls.set_firewall_rules", "set_firewall_rules", "hcloud",
     "/firewalls/42/actions/set_rules",
     lambda c: c.firewalls.set_rules(42, []), lambda c: c.firewalls.set_rules(42, {"rules": []}),
     {"rules": []}),
    ("zones.change_zone_ttl", "change_zone_ttl", "hcloud", "/zones/42/actions/change_ttl",
     lambda c: c.zones.change_ttl(42, 3600), lambda c: c.zones.change_ttl(42, {"ttl": 3600}),
     {"ttl": 3600}),
    ("zones.import_zonefile", "import_zone_zonefile", "hcloud",
     "/zones/42/actions/import_zonefile",
     lambda c: c.zones.import_zonefile(42, "$TTL 3600\n"),
     lambda c: c.zones.import_zonefile(42, {"zonefile": "$TTL 3600\n"}),
     {"zonefile": "$TTL 3600\n"}),
    ("zones.change_zone_rrset_ttl", "change_zone_rrset_ttl", "hcloud",
     "/zones/42/rrsets/www/A/actions/change_ttl",
     lambda c: c.zone_rrsets.change_ttl((42, "www", "A"), 600),
     lambda c: c.zone_rrsets.change_ttl((42, "www", "A"), {"ttl": 600}),
     {"ttl": 600}),
    ("firewalls.apply_firewall_to_resources", "apply_firewall_to_resources", "hcloud",
     "/firewalls/42/actions/apply_to_resources",
     lambda c: c.firewalls.apply_to_resources(42, [5]),
     lambda c: c.firewalls.apply_to_resources(42, {"apply_to": [APPLY]}),
     {"apply_to": [APPLY]}),
    ("firewalls.remove_firewall_from_resources", "remove_firewall_from_resources", "hcloud",
     "/firewalls/42/actions/remove_from_resources",
     lambda c: c.firewalls.remove_from_resources(42, [5]),
     lambda c: c.firewalls.remove_from_resources(42, {"remove_from": [APPLY]}),
     {"remove_from": [APPLY]}),
    ("zones.change_zone_primary_nameservers", "change_zone_primary_nameservers", "hcloud",
     "/zones/42/actions/change_primary_nameservers",
     lambda c: c.zones.change_primary_nameservers(42, [NS]),
     lambda c: c.zones.change_primary_nameservers(42, {"primary_nameservers": [NS]}),
     {"primary_nameservers": [NS]}),
    ("zones.set_zone_rrset_records", "set_zone_rrset_records", "hcloud",
     "/zones/42/rrsets/www/A/actions/set_records",
     lambda c: c.zone_rrsets.set_records(RR, ["192.0.2.1"]),
     lambda c: c.zone_rrsets.set_records(RR, {"records": [REC]}),
     {"records": [REC]}),
    ("zones.add_zone_rrset_records", "add_zone_rrset_records", "hcloud",
     "/zones/42/rrsets/www/A/actions/add_records",
     lambda c: c.zone_rrsets.add_records(RR, ["192.0.2.1"]),
     lambda c: c.zone_rrsets.add_records(RR, {"records": [REC]}),
     {"records": [REC]}),
    ("zones.remove_zone_rrset_records", "remove_zone_rrset_records", "hcloud",
     "/zones/42/rrsets/www/A/actions/remove_records",
     lambda c: c.zone_rrsets.remove_records(RR, ["192.0.2.1"]),
     lambda c: c.zone_rrsets.remove_records(RR, {"records": [REC]}),
     {"records": [REC]}),
    ("zones.update_zone_rrset_records", "update_zone_rrset_records", "hcloud",
     "/zones/42/rrsets/www/A/actions/update_records",
     lambda c: c.zone_rrsets.update_records(RR, [COMMENTED]),
     lambda c: c.zone_rrsets.update_records(RR, {"records": [COMMENTED]}),
     {"records": [COMMENTED]}),
    ("load_balancers.update_service", "update_load_balancer_service", "hcloud",
     "/load_balancers/42/actions/update_service",
     lambda c: c.load_balancers.update_service(42, 443, destination_port=8443),
     lambda c: c.load_balancers.update_service(42, listen_port=443, destination_port=8443),
     {"listen_port": 443, "destination_port": 8443}),
    ("load_balancers.delete_service", "delete_load_balancer_service", "hcloud",
     "/load_balancers/42/actions/delete_service",
     lambda c: c.load_balancers.delete_service(42, 443),
     lambda c: c.load_balancers.delete_service(42, listen_port=443),
     {"listen_port": 443}),
    ("load_balancers.change_algorithm", "change_load_balancer_algorithm", "hcloud",
     "/load_balancers/42/actions/change_algorithm",
     lambda c: c.load_balancers.change_algorithm(42, "round_robin"),
     lambda c: c.load_balancers.change_algorithm(42, type="round_robin"),
     {"type": "round_robin"}),
    ("load_balancers.change_type", "change_load_balancer_type", "hcloud",
     "/load_balancers/42/actions/change_type",
     lambda c: c.load_balancers.change_type(42, "lb21"),
     lambda c: c.load_balancers.change_type(42, load_balancer_type="lb21"),
     {"load_balancer_type": "lb21"}),
    ("load_balancers.attach_to_network", "attach_load_balancer_to_network", "hcloud",
     "/load_balancers/42/actions/attach_to_network",
     lambda c: c.load_balancers.attach_to_network(42, 4711, ip="10.0.1.5"),
     lambda c: c.load_balancers.attach_to_network(42, network=4711, ip="10.0.1.5"),
     {"network": 4711, "ip": "10.0.1.5"}),
    ("load_balancers.detach_from_network", "detach_load_balancer_from_network", "hcloud",
     "/load_balancers/42/actions/detach_from_network",
     lambda c: c.load_balancers.detach_from_network(42, 4711),
     lambda c: c.load_balancers.detach_from_network(42, network=4711),
     {"network": 4711}),
    ("networks.delete_network_subnet", "delete_network_subnet", "hcloud",
     "/networks/42/actions/delete_subnet",
     lambda c: c.networks.delete_subnet(42, "10.0.1.0/24"),
     lambda c: c.networks.delete_subnet(42, ip_range="10.0.1.0/24"),
     {"ip_range": "10.0.1.0/24"}),
    ("networks.change_network_ip_range", "change_network_ip_range", "hcloud",
     "/networks/42/actions/change_ip_range",
     lambda c: c.networks.change_ip_range(42, "10.0.0.0/8"),
     lambda c: c.networks.change_ip_range(42, ip_range="10.0.0.0/8"),
     {"ip_range": "10.0.0.0/8"}),
    ("servers.rebuild", "rebuild_server", "hcloud", "/servers/42/actions/rebuild",
     lambda c: c.servers.rebuild(42, "ubuntu-24.04"),
     lambda c: c.servers.rebuild(42, image="ubuntu-24.04"),
     {"image": "ubuntu-24.04"}),
    ("servers.attach_iso", "attach_server_iso", "hcloud", "/servers/42/actions/attach_iso",
     lambda c: c.servers.attach_iso(42, "virtio-win"),
     lambda c: c.servers.attach_iso(42, iso="virtio-win"),
     {"iso": "virtio-win"}),
    ("servers.add_to_placement_group", "add_server_to_placement_group", "hcloud",
     "/servers/42/actions/add_to_placement_group",
     lambda c: c.servers.add_to_placement_group(42, 9),
     lambda c: c.servers.add_to_placement_group(42, placement_group=9),
     {"placement_group": 9}),
    ("servers.attach_to_network", "attach_server_to_network", "hcloud",
     "/servers/42/actions/attach_to_network",
     lambda c: c.servers.attach_to_network(42, 4711),
     lambda c: c.servers.attach_to_network(42, network=4711),
     {"network": 4711}),
    ("servers.detach_from_network", "detach_server_from_network", "hcloud",
     "/servers/42/actions/detach_from_network",
     lambda c: c.servers.detach_from_network(42, 4711),
     lambda c: c.servers.detach_from_network(42, network=4711),
     {"network": 4711}),
    ("storage_boxes.change_storage_box_type", "change_storage_box_type", HZ,
     "/storage_boxes/7/actions/change_type",
     lambda c: c.storage_boxes.change_type(7, "bx21"),
     lambda c: c.storage_boxes.change_type(7, storage_box_type="bx21"),
     {"storage_box_type": "bx21"}),
    ("storage_boxes.reset_storage_box_password", "reset_storage_box_password", HZ,
     "/storage_boxes/7/actions/reset_password",
     lambda c: c.storage_boxes.reset_password(7, "Aa1!secret-secret"),
     lambda c: c.storage_boxes.reset_password(7, password="Aa1!secret-secret"),
     {"password": "Aa1!secret-secret"}),
    ("storage_boxes.rollback_storage_box_snapshot", "rollback_storage_box_snapshot", HZ,
     "/storage_boxes/7/actions/rollback_snapshot",
     lambda c: c.storage_boxes.rollback_snapshot(7, "snap-1"),
     lambda c: c.storage_boxes.rollback_snapshot(7, snapshot="snap-1"),
     {"snapshot": "snap-1"}),
    ("storage_boxes.change_storage_box_subaccount_home_directory",
     "change_storage_box_subaccount_home_directory", HZ,
     "/storage_boxes/7/subaccounts/3/actions/change_home_directory",
     lambda c: c.storage_box_subaccounts.change_home_directory(SUB, "backup"),
     lambda c: c.storage_box_subaccounts.change_home_directory(SUB, home_directory="backup"),
     {"home_directory": "backup"}),
    ("storage_boxes.reset_storage_box_subaccount_password",
     "reset_storage_box_subaccount_password", HZ,
     "/storage_boxes/7/subaccounts/3/actions/reset_subaccount_password",
     lambda c: c.storage_box_subaccounts.reset_password(SUB, "Aa1!secret-secret"),
     lambda c: c.storage_box_subaccounts.reset_password(SUB, password="Aa1!secret-secret"),
     {"password": "Aa1!secret-secret"}),
]  # fmt: skip

# Actions with one required body field that deliberately take no bare value, and why.
NOT_BARE = {
    # A bare True/False says nothing of what it switches; the other families'
    # change_protection have two flags and none required.
    "change_floating_ip_protection": "a flag",
    "change_primary_ip_protection": "a flag",
    "change_zone_rrset_protection": "a flag",
    # The address alone is no change; the reverse DNS entry goes with it.
    "change_floating_ip_dns_ptr": "ip goes with dns_ptr",
    "change_primary_ip_dns_ptr": "ip goes with dns_ptr",
    "change_dns_ptr": "ip goes with dns_ptr",
    # ``type`` only picks which of server, label_selector or ip must follow.
    "add_target": "type picks the other fields",
    "remove_target": "type picks the other fields",
}


@pytest.mark.parametrize(
    ("operation_id", "spec_name", "path", "bare", "spelled_out", "body"),
    [pytest.param(*case[1:], id=case[0]) for case in CASES],
)
def test_the_one_value_is_taken_bare(
    api: Api,
    recorder: Recorder,
    operation_id: str,
    spec_name: str,
    path: str,
    bare: Callable[[Any], Any],
    spelled_out: Callable[[Any], Any],
    body: dict[str, Any],
) -> None:
    for call in (bare, spelled_out):
        recorder.requests.clear()
        reply_to(recorder, operation_id, spec_name=spec_name)
        api.run(call)
        assert_sent(recorder, operation_id, path, body=body, spec_name=spec_name)


def _single_value_actions() -> dict[str, Any]:
    found: dict[str, Any] = {}
    for info in pkgutil.iter_modules(operations.__path__):
        if info.name.startswith("_"):
            continue
        module = importlib.import_module(f"{operations.__name__}.{info.name}")
        for name, fn in list(vars(module).items()):
            if not inspect.isfunction(fn) or fn.__module__ != module.__name__:
                continue
            params = [
                p for p in inspect.signature(fn).parameters.values() if p.kind == p.POSITIONAL_ONLY
            ]
            if len(params) < 2:
                continue
            accepted = typing.get_args(typing.get_type_hints(fn)[params[1].name])
            models = [a for a in accepted if isinstance(a, type) and issubclass(a, Payload)]
            if len(models) != 1:
                continue
            required = [n for n, f in models[0].model_fields.items() if f.is_required()]
            if len(required) == 1:
                found[f"{info.name}.{name}"] = (models[0], accepted)
    return found


def test_every_single_value_action_is_listed_or_excused() -> None:
    found = _single_value_actions()
    listed = {case[0] for case in CASES}
    unlisted = {name for name in found if name not in listed and name.split(".")[1] not in NOT_BARE}
    assert unlisted == set()
    assert listed <= set(found)
    for name in listed:
        model, accepted = found[name]
        bare = [
            a
            for a in accepted
            if a is not model and a is not type(None) and typing.get_origin(a) is not Mapping
        ]
        assert bare, f"{name} takes no bare value"
