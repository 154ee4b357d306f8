"""``client.zones`` and ``client.zone_rrsets``: DNS Zones, their RRSets, and their actions."""

from __future__ import annotations

from .._modes import M
from ..operations import zones as ops
from ..operations._call import Endpoint, Paged
from ._base import Resource

__all__ = ["ZoneRRSetsResource", "ZonesResource"]


class ZonesResource(Resource[M]):
    """DNS Zones: create, list and delete them, import and export zone files, set TTLs.

    Zones are addressed by id or by name: ``client.zones.get("example.com")``.
    Their RRSets live in ``client.zone_rrsets``; ``list_rrsets``, ``get_rrset``
    and ``create_rrset`` are here too, for ``zone.list_rrsets()`` and friends.
    """

    list = Endpoint(ops.list_zones, "list_zones")
    all = Paged(ops.list_zones)
    get = Endpoint(ops.get_zone, "get_zone")
    get_by_name = Endpoint(ops.get_zone_by_name)
    create = Endpoint(ops.create_zone, "create_zone")
    update = Endpoint(ops.update_zone, "update_zone")
    delete = Endpoint(ops.delete_zone, "delete_zone")
    export_zonefile = Endpoint(ops.export_zonefile, "get_zone_zonefile")

    import_zonefile = Endpoint(ops.import_zonefile, "import_zone_zonefile")
    change_primary_nameservers = Endpoint(
        ops.change_zone_primary_nameservers, "change_zone_primary_nameservers"
    )
    change_protection = Endpoint(ops.change_zone_protection, "change_zone_protection")
    change_ttl = Endpoint(ops.change_zone_ttl, "change_zone_ttl")

    list_rrsets = Endpoint(ops.list_zone_rrsets)
    all_rrsets = Paged(ops.list_zone_rrsets)
    get_rrset = Endpoint(ops.get_zone_rrset)
    create_rrset = Endpoint(ops.create_zone_rrset)

    actions = Endpoint(ops.ACTIONS.of)
    get_action_of = Endpoint(ops.ACTIONS.get_of)
    list_actions = Endpoint(ops.ACTIONS.list)
    get_action = Endpoint(ops.ACTIONS.get)


class ZoneRRSetsResource(Resource[M]):
    """The RRSets of DNS Zones: records of one name and type, their TTLs and protection.

    An RRSet is named by its Zone, name and type: pass an :class:`~hcloud_models.models.RRSet`
    or ``(zone, name, type)``, e.g. ``("example.com", "www", "A")``.
    """

    list = Endpoint(ops.list_zone_rrsets, "list_zone_rrsets")
    all = Paged(ops.list_zone_rrsets)
    get = Endpoint(ops.get_zone_rrset, "get_zone_rrset")
    create = Endpoint(ops.create_zone_rrset, "create_zone_rrset")
    update = Endpoint(ops.update_zone_rrset, "update_zone_rrset")
    delete = Endpoint(ops.delete_zone_rrset, "delete_zone_rrset")

    change_protection = Endpoint(ops.change_zone_rrset_protection, "change_zone_rrset_protection")
    change_ttl = Endpoint(ops.change_zone_rrset_ttl, "change_zone_rrset_ttl")
    set_records = Endpoint(ops.set_zone_rrset_records, "set_zone_rrset_records")
    add_records = Endpoint(ops.add_zone_rrset_records, "add_zone_rrset_records")
    remove_records = Endpoint(ops.remove_zone_rrset_records, "remove_zone_rrset_records")
    update_records = Endpoint(ops.update_zone_rrset_records, "update_zone_rrset_records")
