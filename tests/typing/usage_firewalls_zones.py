"""What an IDE sees for Firewalls, Zones and RRSets: checked by ``mypy --strict``, never run."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator

from typing_extensions import assert_type

from hcloud_models import (
    Action,
    Async,
    AsyncClient,
    Client,
    CreateFirewallResult,
    CreateRRSetResult,
    CreateZoneResult,
    Firewall,
    FirewallResourceInput,
    FirewallRuleInput,
    Page,
    RRSet,
    Zone,
)

RULE = FirewallRuleInput(direction="in", protocol="tcp", port="443", source_ips=["0.0.0.0/0"])


def sync_usage(client: Client) -> None:
    created = client.firewalls.create(name="web", rules=[RULE], apply_to=["env=web", 42])
    assert_type(created, CreateFirewallResult)
    firewall = created.firewall
    assert_type(firewall, Firewall)
    assert_type(firewall.set_rules([RULE]), list[Action])
    assert_type(firewall.apply_to_resources([FirewallResourceInput.for_server(7)]), list[Action])
    assert_type(client.firewalls.remove_from_resources(firewall, ["env=web"]), list[Action])
    assert_type(client.firewalls.get_by_name("web"), Firewall | None)
    assert_type(firewall.reload(), Firewall)
    assert_type(client.firewalls.list(label_selector="env=prod"), Page[Firewall])
    for fw in client.firewalls.all():
        assert_type(fw, Firewall)
    assert_type(firewall.delete(), None)

    zone_result = client.zones.create(name="example.com", mode="primary", ttl=3600)
    assert_type(zone_result, CreateZoneResult)
    zone = client.zones.get("example.com")
    assert_type(zone, Zone)
    assert_type(client.zones.get_by_name("example.com"), Zone | None)
    assert_type(zone.export_zonefile(), str)
    assert_type(zone.import_zonefile("$ORIGIN example.com.\n"), Action)
    assert_type(zone.change_ttl(300), Action)
    assert_type(zone.delete(), Action)
    assert_type(zone.list_rrsets(type="A"), Page[RRSet])
    assert_type(zone.all_rrsets(type="A"), Iterator[RRSet])
    zone.all_rrsets(type="SPF")  # type: ignore[arg-type]

    rrset = client.zone_rrsets.get("example.com", "www", "A")
    assert_type(rrset, RRSet)
    assert_type(rrset.add_records(["198.51.100.1"], ttl=600), Action)
    assert_type(rrset.remove_records(["198.51.100.1"]), Action)
    assert_type(rrset.change_ttl(None), Action)
    assert_type(rrset.reload(), RRSet)
    assert_type(client.zone_rrsets.change_protection(rrset, change=True), Action)
    assert_type(client.zone_rrsets.get(rrset), RRSet)
    assert_type(client.zones.export_zonefile(zone), str)
    assert_type(client.zone_rrsets.delete(("example.com", "www", "A")), Action)
    made = zone.create_rrset(name="mail", type="MX", records=["10 mx.example.com."])
    assert_type(made, CreateRRSetResult)
    assert_type(made.rrset, RRSet)


async def async_usage(client: AsyncClient) -> None:
    created = await client.firewalls.create(name="web", rules=[RULE])
    assert_type(created, CreateFirewallResult[Async])
    firewall = created.firewall
    assert_type(firewall, Firewall[Async])
    assert_type(await firewall.set_rules([]), list[Action[Async]])
    assert_type(await firewall.apply_to_resources(["env=web"]), list[Action[Async]])
    assert_type(await firewall.reload(), Firewall[Async])
    async for fw in client.firewalls.all():
        assert_type(fw, Firewall[Async])

    zone = await client.zones.get(42)
    assert_type(zone, Zone[Async])
    assert_type(await client.zones.get_by_name("example.com"), Zone[Async] | None)
    assert_type(zone.all_rrsets(), AsyncIterator[RRSet[Async]])
    assert_type(await zone.export_zonefile(), str)
    assert_type(await zone.change_protection(delete=True), Action[Async])
    assert_type(await zone.get_rrset("www", "A"), RRSet[Async])
    rrset = await client.zone_rrsets.get((zone, "www", "A"))
    assert_type(rrset, RRSet[Async])
    assert_type(await rrset.set_records(["198.51.100.2"]), Action[Async])
    assert_type(
        await rrset.update_records([{"value": "198.51.100.2", "comment": "x"}]), Action[Async]
    )
    assert_type(await rrset.reload(), RRSet[Async])
    async for item in client.zone_rrsets.all("example.com"):
        assert_type(item, RRSet[Async])
