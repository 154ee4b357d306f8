"""``client.zones``, ``client.zone_rrsets`` and bound Zones and RRSets: wire, replies, payloads."""

from __future__ import annotations

from collections.abc import Callable
from types import SimpleNamespace
from typing import Any

import pydantic
import pytest

from hcloud_models.errors import UnboundObjectError
from hcloud_models.models.actions import Action
from hcloud_models.models.page import Page
from hcloud_models.models.zones import (
    CreateRRSetResult,
    CreateZoneResult,
    PrimaryNameserverInput,
    RecordInput,
    RRSet,
    RRSetAddRecords,
    RRSetCreate,
    RRSetRecords,
    Zone,
    ZoneChangePrimaryNameservers,
    ZoneCreate,
)
from tests import spec
from tests.conftest import Api, Recorder
from tests.helpers import (
    assert_bound_matches_resource,
    assert_sent,
    bound_methods_test,
    refused_before_sending_test,
    reply_to,
)

ZONEFILE = "$ORIGIN\texample.com.\n$TTL\t3600\n\nwww\tIN\tA\t198.51.100.1\n"
NAMESERVERS = [{"address": "198.51.100.1", "port": 53}, {"address": "2001:db8::53"}]


def assert_action(action: Any) -> None:
    assert isinstance(action, Action)
    assert action.is_bound


# --- addressing -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("zone", "path"),
    [
        pytest.param(42, "/zones/42", id="id"),
        pytest.param("example.com", "/zones/example.com", id="name"),
        pytest.param(SimpleNamespace(id=42), "/zones/42", id="object"),
    ],
)
def test_get_by_id_name_or_object(api: Api, recorder: Recorder, zone: Any, path: str) -> None:
    reply_to(recorder, "get_zone")
    result = api.run(lambda c: c.zones.get(zone))
    assert_sent(recorder, "get_zone", path)
    assert isinstance(result, Zone)
    assert result.name == "example.com"
    assert result.mode == "primary"
    assert result.authoritative_nameservers.delegation_status == "valid"
    assert result.primary_nameservers is not None
    assert result.primary_nameservers[0].port == 53
    assert result.is_bound


def test_empty_zone_name_is_refused(api: Api, recorder: Recorder) -> None:
    with pytest.raises(ValueError, match="empty"):
        api.run(lambda c: c.zones.get(""))
    assert recorder.requests == []


def test_zone_names_are_quoted_in_paths(api: Api, recorder: Recorder) -> None:
    reply_to(recorder, "get_zone")
    api.run(lambda c: c.zones.get("a/b"))
    assert recorder.requests[0].url.raw_path == b"/v1/zones/a%2Fb"


# --- the Zone itself --------------------------------------------------------------


def test_list(api: Api, recorder: Recorder) -> None:
    reply_to(recorder, "list_zones")
    page = api.run(
        lambda c: c.zones.list(
            name="example.com",
            mode="secondary",
            label_selector="env=prod",
            sort=["name:asc"],
            page=1,
            per_page=5,
        )
    )
    assert_sent(
        recorder,
        "list_zones",
        "/zones",
        [
            ("name", "example.com"),
            ("mode", "secondary"),
            ("label_selector", "env=prod"),
            ("sort", "name:asc"),
            ("page", "1"),
            ("per_page", "5"),
        ],
    )
    assert isinstance(page, Page)
    assert isinstance(page[0], Zone)
    assert page[0].is_bound


def test_secondary_zone_and_unknown_values(api: Api, recorder: Recorder) -> None:
    reply = spec.example_reply("get_zone")
    zone = reply["zone"]
    zone["mode"] = "secondary"
    zone["status"] = "frozen"
    zone["primary_nameservers"] = [
        {"address": "198.51.100.1", "port": 53, "tsig_key": "a2V5", "tsig_algorithm": "hmac-sha256"}
    ]
    zone["authoritative_nameservers"]["delegation_last_check"] = None
    del zone["authoritative_nameservers"]["delegation_status"]
    recorder.reply(reply)
    result = api.run(lambda c: c.zones.get(42))
    assert result.mode == "secondary"
    assert result.status == "frozen"
    assert result.primary_nameservers is not None
    assert result.primary_nameservers[0].tsig_algorithm == "hmac-sha256"
    assert result.authoritative_nameservers.delegation_last_check is None
    assert result.authoritative_nameservers.delegation_status is None


def test_create_primary_with_rrsets(api: Api, recorder: Recorder) -> None:
    reply_to(recorder, "create_zone")
    result = api.run(
        lambda c: c.zones.create(
            name="example.com",
            mode="primary",
            ttl=10800,
            labels={"env": "prod"},
            rrsets=[
                {
                    "name": "www",
                    "type": "A",
                    "records": [{"value": "198.51.100.1", "comment": "web"}],
                }
            ],
        )
    )
    assert_sent(
        recorder,
        "create_zone",
        "/zones",
        body={
            "name": "example.com",
            "mode": "primary",
            "ttl": 10800,
            "labels": {"env": "prod"},
            "rrsets": [
                {
                    "name": "www",
                    "type": "A",
                    "records": [{"value": "198.51.100.1", "comment": "web"}],
                }
            ],
        },
    )
    assert isinstance(result, CreateZoneResult)
    assert isinstance(result.zone, Zone)
    assert result.zone.is_bound
    assert_action(result.action)


def test_create_primary_from_a_zone_file(api: Api, recorder: Recorder) -> None:
    reply_to(recorder, "create_zone")
    api.run(
        lambda c: c.zones.create({"name": "example.com", "mode": "primary", "zonefile": ZONEFILE})
    )
    assert_sent(
        recorder,
        "create_zone",
        "/zones",
        body={"name": "example.com", "mode": "primary", "zonefile": ZONEFILE},
    )


def test_create_secondary(api: Api, recorder: Recorder) -> None:
    reply_to(recorder, "create_zone")
    api.run(
        lambda c: c.zones.create(
            name="example.com",
            mode="secondary",
            primary_nameservers=[
                PrimaryNameserverInput(address="198.51.100.1", port=53),
                {"address": "2001:db8::53", "tsig-key": "a2V5", "tsig_algorithm": "hmac-sha256"},
            ],
        )
    )
    assert_sent(
        recorder,
        "create_zone",
        "/zones",
        body={
            "name": "example.com",
            "mode": "secondary",
            "primary_nameservers": [
                {"address": "198.51.100.1", "port": 53},
                {"address": "2001:db8::53", "tsig_key": "a2V5", "tsig_algorithm": "hmac-sha256"},
            ],
        },
    )


def test_update(api: Api, recorder: Recorder) -> None:
    reply_to(recorder, "update_zone")
    zone = api.run(lambda c: c.zones.update("example.com", labels={"env": "dev"}))
    assert_sent(recorder, "update_zone", "/zones/example.com", body={"labels": {"env": "dev"}})
    assert isinstance(zone, Zone)
    assert zone.is_bound


def test_export_zonefile(api: Api, recorder: Recorder) -> None:
    reply = reply_to(recorder, "get_zone_zonefile")
    text = api.run(lambda c: c.zones.export_zonefile("example.com"))
    assert_sent(recorder, "get_zone_zonefile", "/zones/example.com/zonefile")
    assert text == reply["zonefile"]
    assert text.startswith("$ORIGIN")


# --- Zone actions -------------------------------------------------------------------


@pytest.mark.parametrize(
    "zonefile",
    [
        pytest.param(ZONEFILE, id="text"),
        pytest.param({"zonefile": ZONEFILE}, id="mapping"),
    ],
)
def test_import_zonefile(api: Api, recorder: Recorder, zonefile: Any) -> None:
    reply_to(recorder, "import_zone_zonefile")
    action = api.run(lambda c: c.zones.import_zonefile(42, zonefile))
    assert_sent(
        recorder,
        "import_zone_zonefile",
        "/zones/42/actions/import_zonefile",
        body={"zonefile": ZONEFILE},
    )
    assert_action(action)


@pytest.mark.parametrize(
    "nameservers",
    [
        pytest.param(NAMESERVERS, id="mappings"),
        pytest.param([PrimaryNameserverInput.model_validate(n) for n in NAMESERVERS], id="models"),
        pytest.param(
            ZoneChangePrimaryNameservers.build(primary_nameservers=NAMESERVERS), id="body"
        ),
    ],
)
def test_change_primary_nameservers(api: Api, recorder: Recorder, nameservers: Any) -> None:
    reply_to(recorder, "change_zone_primary_nameservers")
    action = api.run(lambda c: c.zones.change_primary_nameservers("example.com", nameservers))
    assert_sent(
        recorder,
        "change_zone_primary_nameservers",
        "/zones/example.com/actions/change_primary_nameservers",
        body={"primary_nameservers": NAMESERVERS},
    )
    assert_action(action)


@pytest.mark.parametrize("ttl", [pytest.param(300, id="int"), pytest.param({"ttl": 300}, id="map")])
def test_change_ttl(api: Api, recorder: Recorder, ttl: Any) -> None:
    reply_to(recorder, "change_zone_ttl")
    action = api.run(lambda c: c.zones.change_ttl(42, ttl))
    assert_sent(recorder, "change_zone_ttl", "/zones/42/actions/change_ttl", body={"ttl": 300})
    assert_action(action)


# --- RRSets -----------------------------------------------------------------------


def test_list_rrsets(api: Api, recorder: Recorder) -> None:
    reply_to(recorder, "list_zone_rrsets")
    page = api.run(
        lambda c: c.zone_rrsets.list(
            "example.com",
            name="www",
            type=["A", "AAAA"],
            label_selector="env=prod",
            sort="name",
            page=1,
            per_page=20,
        )
    )
    assert_sent(
        recorder,
        "list_zone_rrsets",
        "/zones/example.com/rrsets",
        [
            ("name", "www"),
            ("type", "A"),
            ("type", "AAAA"),
            ("label_selector", "env=prod"),
            ("sort", "name"),
            ("page", "1"),
            ("per_page", "20"),
        ],
    )
    rrset = page[0]
    assert isinstance(rrset, RRSet)
    assert (rrset.name, rrset.type, rrset.zone) == ("www", "A", 42)
    assert rrset.records[0].value == "198.51.100.1"
    assert rrset.protection.change is False
    assert rrset.is_bound


def test_all_rrsets_walks_every_page(api: Api, recorder: Recorder) -> None:
    first = spec.example_reply("list_zone_rrsets")
    second = spec.example_reply("list_zone_rrsets")
    second["rrsets"][0]["name"] = "mail"
    first["meta"]["pagination"].update(page=1, next_page=2, last_page=2)
    second["meta"]["pagination"].update(page=2, next_page=None, last_page=2)
    recorder.reply(first)
    recorder.reply(second)
    rrsets = api.collect(lambda c: c.zone_rrsets.all(42, type="A"))
    assert [r.name for r in rrsets] == ["www", "mail"]
    assert recorder.query(1) == [("type", "A"), ("per_page", "50"), ("page", "2")]


@pytest.mark.parametrize(
    "walk",
    [
        pytest.param(lambda c, z: c.zones.all_rrsets(z, type="A"), id="manager"),
        pytest.param(lambda c, z: z.all_rrsets(type="A"), id="bound"),
    ],
)
def test_a_zones_all_rrsets_walks_every_page(
    api: Api, recorder: Recorder, walk: Callable[[Any, Any], Any]
) -> None:
    reply_to(recorder, "get_zone")
    zone = api.run(lambda c: c.zones.get(42))
    recorder.requests.clear()
    first = spec.example_reply("list_zone_rrsets")
    second = spec.example_reply("list_zone_rrsets")
    second["rrsets"][0]["name"] = "mail"
    first["meta"]["pagination"].update(page=1, next_page=2, last_page=2)
    second["meta"]["pagination"].update(page=2, next_page=None, last_page=2)
    recorder.reply(first)
    recorder.reply(second)
    rrsets = api.collect(lambda c: walk(c, zone))
    assert [r.name for r in rrsets] == ["www", "mail"]
    assert all(isinstance(r, RRSet) and r.is_bound for r in rrsets)
    assert len(recorder.requests) == 2
    assert recorder.path(0) == f"/zones/{zone.id}/rrsets"
    assert recorder.query(1) == [("type", "A"), ("per_page", "50"), ("page", "2")]


def test_an_unbound_zone_refuses_to_walk_its_rrsets(recorder: Recorder) -> None:
    zone = Zone.model_construct(id=42)
    with pytest.raises(UnboundObjectError, match="this Zone is not bound"):
        zone.all_rrsets()
    assert recorder.requests == []


@pytest.mark.parametrize(
    ("call", "path"),
    [
        pytest.param(
            lambda c: c.zone_rrsets.get("example.com", "www", "A"),
            "/zones/example.com/rrsets/www/A",
            id="zone-name-type",
        ),
        pytest.param(
            lambda c: c.zone_rrsets.get((42, "@", "MX")), "/zones/42/rrsets/@/MX", id="tuple"
        ),
        pytest.param(
            lambda c: c.zone_rrsets.get(SimpleNamespace(zone=42, name="_dmarc", type="TXT")),
            "/zones/42/rrsets/_dmarc/TXT",
            id="object",
        ),
        pytest.param(
            lambda c: c.zones.get_rrset(SimpleNamespace(id=42), "*", "A"),
            "/zones/42/rrsets/*/A",
            id="from-zones",
        ),
    ],
)
def test_get_rrset(api: Api, recorder: Recorder, call: Callable[[Any], Any], path: str) -> None:
    reply_to(recorder, "get_zone_rrset")
    rrset = api.run(call)
    assert_sent(recorder, "get_zone_rrset", path)
    assert isinstance(rrset, RRSet)
    assert rrset.is_bound


@pytest.mark.parametrize(
    "call",
    [
        pytest.param(lambda c: c.zone_rrsets.get(42), id="zone-only"),
        pytest.param(lambda c: c.zone_rrsets.get(42, "www"), id="no-type"),
        pytest.param(lambda c: c.zone_rrsets.get((42, "www", "A"), "www", "A"), id="both"),
    ],
)
def test_get_rrset_needs_a_whole_name(
    api: Api, recorder: Recorder, call: Callable[[Any], Any]
) -> None:
    with pytest.raises(TypeError):
        api.run(call)
    assert recorder.requests == []


def test_create_rrset(api: Api, recorder: Recorder) -> None:
    reply_to(recorder, "create_zone_rrset")
    result = api.run(
        lambda c: c.zone_rrsets.create(
            "example.com",
            name="www",
            type="A",
            ttl=3600,
            records=["198.51.100.1", RecordInput(value="198.51.100.2", comment="second")],
            labels={"env": "prod"},
        )
    )
    assert_sent(
        recorder,
        "create_zone_rrset",
        "/zones/example.com/rrsets",
        body={
            "name": "www",
            "type": "A",
            "ttl": 3600,
            "records": [
                {"value": "198.51.100.1"},
                {"value": "198.51.100.2", "comment": "second"},
            ],
            "labels": {"env": "prod"},
        },
    )
    assert isinstance(result, CreateRRSetResult)
    assert isinstance(result.rrset, RRSet)
    assert result.rrset.is_bound
    assert_action(result.action)


def test_update_rrset(api: Api, recorder: Recorder) -> None:
    reply_to(recorder, "update_zone_rrset")
    rrset = api.run(lambda c: c.zone_rrsets.update((42, "www", "A"), labels={"a": "b"}))
    assert_sent(
        recorder, "update_zone_rrset", "/zones/42/rrsets/www/A", body={"labels": {"a": "b"}}
    )
    assert isinstance(rrset, RRSet)


def test_delete_rrset(api: Api, recorder: Recorder) -> None:
    reply_to(recorder, "delete_zone_rrset")
    action = api.run(lambda c: c.zone_rrsets.delete(("example.com", "www", "A")))
    assert_sent(recorder, "delete_zone_rrset", "/zones/example.com/rrsets/www/A")
    assert_action(action)


# --- RRSet actions --------------------------------------------------------------------

RR = ("example.com", "www", "A")
RR_PATH = "/zones/example.com/rrsets/www/A/actions"


def test_change_rrset_protection(api: Api, recorder: Recorder) -> None:
    reply_to(recorder, "change_zone_rrset_protection")
    action = api.run(lambda c: c.zone_rrsets.change_protection(RR, change=True))
    assert_sent(
        recorder,
        "change_zone_rrset_protection",
        f"{RR_PATH}/change_protection",
        body={"change": True},
    )
    assert_action(action)


@pytest.mark.parametrize(
    ("ttl", "sent"),
    [
        pytest.param(600, 600, id="seconds"),
        pytest.param(None, None, id="zone-default"),
        pytest.param({"ttl": None}, None, id="mapping"),
    ],
)
def test_change_rrset_ttl(api: Api, recorder: Recorder, ttl: Any, sent: Any) -> None:
    reply_to(recorder, "change_zone_rrset_ttl")
    action = api.run(lambda c: c.zone_rrsets.change_ttl(RR, ttl))
    assert_sent(recorder, "change_zone_rrset_ttl", f"{RR_PATH}/change_ttl", body={"ttl": sent})
    assert_action(action)


RECORDS_SENT = {"records": [{"value": "198.51.100.1"}, {"value": "198.51.100.2", "comment": "b"}]}


@pytest.mark.parametrize(
    "records",
    [
        pytest.param(["198.51.100.1", {"value": "198.51.100.2", "comment": "b"}], id="mixed"),
        pytest.param(RECORDS_SENT, id="body-mapping"),
        pytest.param(RRSetRecords.model_validate(RECORDS_SENT), id="body-model"),
    ],
)
@pytest.mark.parametrize(
    ("method", "operation_id"),
    [
        ("set_records", "set_zone_rrset_records"),
        ("remove_records", "remove_zone_rrset_records"),
    ],
)
def test_set_and_remove_records(
    api: Api, recorder: Recorder, records: Any, method: str, operation_id: str
) -> None:
    reply_to(recorder, operation_id)
    action = api.run(lambda c: getattr(c.zone_rrsets, method)(RR, records))
    assert_sent(recorder, operation_id, f"{RR_PATH}/{method}", body=RECORDS_SENT)
    assert_action(action)


def test_add_records(api: Api, recorder: Recorder) -> None:
    reply_to(recorder, "add_zone_rrset_records")
    action = api.run(lambda c: c.zone_rrsets.add_records(RR, ["198.51.100.3"], ttl=3600))
    assert_sent(
        recorder,
        "add_zone_rrset_records",
        f"{RR_PATH}/add_records",
        body={"records": [{"value": "198.51.100.3"}], "ttl": 3600},
    )
    assert_action(action)


def test_add_records_from_a_body_model(api: Api, recorder: Recorder) -> None:
    reply_to(recorder, "add_zone_rrset_records")
    body = RRSetAddRecords(records=[RecordInput(value="198.51.100.3")])
    api.run(lambda c: c.zone_rrsets.add_records(RR, body))
    assert recorder.body() == {"records": [{"value": "198.51.100.3"}]}


def test_update_records(api: Api, recorder: Recorder) -> None:
    reply_to(recorder, "update_zone_rrset_records")
    action = api.run(
        lambda c: c.zone_rrsets.update_records(RR, [{"value": "198.51.100.1", "comment": "new"}])
    )
    assert_sent(
        recorder,
        "update_zone_rrset_records",
        f"{RR_PATH}/update_records",
        body={"records": [{"value": "198.51.100.1", "comment": "new"}]},
    )
    assert_action(action)


# --- payload rules are checked before sending ---------------------------------------


test_invalid_payload_is_refused_before_sending = refused_before_sending_test(
    [
        pytest.param(lambda c: c.zones.create(mode="primary"), "name", id="name-missing"),
        pytest.param(lambda c: c.zones.create(name="example.com"), "mode", id="mode-missing"),
        pytest.param(
            lambda c: c.zones.create(name="Example.com", mode="primary"), "name", id="upper-case"
        ),
        pytest.param(
            lambda c: c.zones.create(name="example.com.", mode="primary"), "name", id="dot"
        ),
        pytest.param(
            lambda c: c.zones.create(name="münchen.de", mode="primary"), "name", id="not-punycode"
        ),
        pytest.param(
            lambda c: c.zones.create(name="example.com", mode="primary", ttl=59), "ttl", id="ttl"
        ),
        pytest.param(
            lambda c: c.zones.create(name="example.com", mode="tertiary"), "mode", id="bad-mode"
        ),
        pytest.param(
            lambda c: c.zones.create(
                name="example.com",
                mode="secondary",
                primary_nameservers=[{"address": "ns1.example.net"}],
            ),
            "primary_nameservers",
            id="nameserver-not-an-ip",
        ),
        pytest.param(
            lambda c: c.zones.create(
                name="example.com",
                mode="secondary",
                primary_nameservers=[{"address": "198.51.100.1", "port": 70000}],
            ),
            "primary_nameservers",
            id="nameserver-port",
        ),
        pytest.param(
            lambda c: c.zones.create(
                name="example.com",
                mode="secondary",
                primary_nameservers=[{"address": "198.51.100.1", "tsig_key": "not base64!"}],
            ),
            "primary_nameservers",
            id="tsig-not-base64",
        ),
        pytest.param(
            lambda c: c.zones.create(
                name="example.com",
                mode="primary",
                rrsets=[{"name": "www", "type": "A", "records": []}],
            ),
            "rrsets",
            id="rrset-without-records",
        ),
        pytest.param(
            lambda c: c.zones.update(42, labels={"hetzner.cloud/x": "y"}),
            "labels",
            id="reserved-label-prefix",
        ),
        pytest.param(lambda c: c.zones.change_ttl(42, 3), "ttl", id="zone-ttl-too-short"),
        pytest.param(lambda c: c.zones.change_ttl(42, 2**31), "ttl", id="zone-ttl-too-long"),
        pytest.param(lambda c: c.zones.import_zonefile(42, ""), "zonefile", id="empty-zonefile"),
        pytest.param(
            lambda c: c.zones.change_primary_nameservers(42, []),
            "primary_nameservers",
            id="no-nameservers",
        ),
        pytest.param(
            lambda c: c.zones.change_primary_nameservers(
                42, [{"address": "198.51.100.1"}, {"address": "198.51.100.1", "port": 5353}]
            ),
            "primary_nameservers",
            id="nameserver-twice",
        ),
        pytest.param(
            lambda c: c.zone_rrsets.create(42, name="WWW", type="A", records=["1.2.3.4"]),
            "name",
            id="rrset-upper-case",
        ),
        pytest.param(
            lambda c: c.zone_rrsets.create(42, name="✉️", type="A", records=["1.2.3.4"]),
            "name",
            id="rrset-not-punycode",
        ),
        pytest.param(
            lambda c: c.zones.create(
                name="example.com",
                mode="primary",
                rrsets=[{"name": "www.example.com", "type": "A", "records": ["192.0.2.1"]}],
            ),
            "rrsets",
            id="rrset-name-ends-with-zone",
        ),
        pytest.param(
            lambda c: c.zones.create(
                name="example.com",
                mode="primary",
                rrsets=[{"name": "example.com", "type": "A", "records": ["192.0.2.1"]}],
            ),
            "rrsets",
            id="rrset-name-is-zone",
        ),
        pytest.param(
            lambda c: c.zones.create(
                name="example.com",
                mode="primary",
                rrsets=[
                    {"name": "xn--4bi", "type": "A", "records": ["192.0.2.1"]},
                    {"name": "mail.büro", "type": "A", "records": ["192.0.2.1"]},
                ],
            ),
            "rrsets",
            id="rrset-in-zone-not-punycode",
        ),
        pytest.param(
            lambda c: c.zone_rrsets.create(
                42, name="www.example.com.", type="A", records=["1.2.3.4"]
            ),
            "name",
            id="rrset-absolute",
        ),
        pytest.param(
            lambda c: c.zone_rrsets.create(42, name="www", type="SPF", records=["v=spf1"]),
            "type",
            id="rrset-type",
        ),
        pytest.param(
            lambda c: c.zone_rrsets.create(42, name="www", type="A"), "records", id="no-records"
        ),
        pytest.param(
            lambda c: c.zone_rrsets.set_records(RR, ["1.2.3.4", "1.2.3.4"]),
            "records",
            id="duplicate-values",
        ),
        pytest.param(
            lambda c: c.zone_rrsets.add_records(RR, [f"10.0.0.{i}" for i in range(51)]),
            "records",
            id="too-many-records",
        ),
        pytest.param(
            lambda c: c.zone_rrsets.remove_records(RR, []), "records", id="remove-nothing"
        ),
        pytest.param(
            lambda c: c.zone_rrsets.update_records(RR, [{"value": "1.2.3.4"}]),
            "comment",
            id="update-without-comment",
        ),
        pytest.param(lambda c: c.zone_rrsets.change_ttl(RR, 10), "ttl", id="rrset-ttl"),
        pytest.param(lambda c: c.zone_rrsets.change_ttl(RR, {}), "ttl", id="rrset-ttl-missing"),
        pytest.param(
            lambda c: c.zone_rrsets.change_protection(RR), "change", id="protection-no-change"
        ),
        pytest.param(
            lambda c: c.zone_rrsets.add_records(RR, [{"value": "1.2.3.4", "comment": None}]),
            "comment",
            id="null-comment",
        ),
    ]
)


@pytest.mark.parametrize(
    ("body", "message"),
    [
        pytest.param(
            {"name": "example.com", "mode": "secondary"},
            "primary_nameservers is required",
            id="secondary-without-nameservers",
        ),
        pytest.param(
            {
                "name": "example.com",
                "mode": "secondary",
                "primary_nameservers": NAMESERVERS,
                "zonefile": ZONEFILE,
            },
            "zonefile is only for mode 'primary'",
            id="secondary-with-zonefile",
        ),
        pytest.param(
            {"name": "example.com", "mode": "primary", "primary_nameservers": NAMESERVERS},
            "primary_nameservers is only for mode 'secondary'",
            id="primary-with-nameservers",
        ),
        pytest.param(
            {
                "name": "example.com",
                "mode": "primary",
                "zonefile": ZONEFILE,
                "rrsets": [{"name": "www", "type": "A", "records": [{"value": "1.2.3.4"}]}],
            },
            "either rrsets or zonefile",
            id="rrsets-and-zonefile",
        ),
        pytest.param(
            {
                "name": "example.com",
                "mode": "secondary",
                "primary_nameservers": [{"address": "198.51.100.1", "tsig_key": "a2V5"}],
            },
            "tsig_key and tsig_algorithm",
            id="tsig-key-without-algorithm",
        ),
    ],
)
def test_zone_create_rules(
    api: Api, recorder: Recorder, body: dict[str, Any], message: str
) -> None:
    with pytest.raises(pydantic.ValidationError, match=message):
        api.run(lambda c: c.zones.create(body))
    assert recorder.requests == []


def test_a_single_record_or_nameserver_is_not_a_list(api: Api, recorder: Recorder) -> None:
    with pytest.raises(TypeError):
        api.run(lambda c: c.zone_rrsets.set_records(RR, "1.2.3.4"))
    with pytest.raises(TypeError):
        api.run(lambda c: c.zones.change_primary_nameservers(42, {"address": "198.51.100.1"}))
    with pytest.raises(ValueError, match="non-empty name"):
        api.run(lambda c: c.zone_rrsets.delete((42, "", "A")))
    assert recorder.requests == []


# --- bound Zones and RRSets -------------------------------------------------------------


test_bound_zone_methods_send_what_the_resource_sends = bound_methods_test(
    "get_zone",
    lambda c: c.zones.get(42),
    [
        pytest.param(
            "get_zone_zonefile",
            lambda c, z: c.zones.export_zonefile(42),
            lambda c, z: z.export_zonefile(),
            id="export_zonefile",
        ),
        pytest.param(
            "import_zone_zonefile",
            lambda c, z: c.zones.import_zonefile(42, ZONEFILE),
            lambda c, z: z.import_zonefile(ZONEFILE),
            id="import_zonefile",
        ),
        pytest.param(
            "change_zone_primary_nameservers",
            lambda c, z: c.zones.change_primary_nameservers(42, NAMESERVERS),
            lambda c, z: z.change_primary_nameservers(NAMESERVERS),
            id="change_primary_nameservers",
        ),
        pytest.param(
            "change_zone_ttl",
            lambda c, z: c.zones.change_ttl(42, 60),
            lambda c, z: z.change_ttl(60),
            id="change_ttl",
        ),
        pytest.param(
            "list_zone_rrsets",
            lambda c, z: c.zone_rrsets.list(42, type="A"),
            lambda c, z: z.list_rrsets(type="A"),
            id="list_rrsets",
        ),
        pytest.param(
            "get_zone_rrset",
            lambda c, z: c.zone_rrsets.get(42, "www", "A"),
            lambda c, z: z.get_rrset("www", "A"),
            id="get_rrset",
        ),
        pytest.param(
            "create_zone_rrset",
            lambda c, z: c.zone_rrsets.create(42, name="www", type="A", records=["1.2.3.4"]),
            lambda c, z: z.create_rrset(name="www", type="A", records=["1.2.3.4"]),
            id="create_rrset",
        ),
    ],
)


@pytest.mark.parametrize(
    ("operation_id", "direct", "bound"),
    [
        pytest.param(
            "update_zone_rrset",
            lambda c, r: c.zone_rrsets.update((42, "www", "A"), labels={}),
            lambda c, r: r.update(labels={}),
            id="update",
        ),
        pytest.param(
            "delete_zone_rrset",
            lambda c, r: c.zone_rrsets.delete((42, "www", "A")),
            lambda c, r: r.delete(),
            id="delete",
        ),
        pytest.param(
            "change_zone_rrset_protection",
            lambda c, r: c.zone_rrsets.change_protection((42, "www", "A"), change=True),
            lambda c, r: r.change_protection(change=True),
            id="change_protection",
        ),
        pytest.param(
            "change_zone_rrset_ttl",
            lambda c, r: c.zone_rrsets.change_ttl((42, "www", "A"), None),
            lambda c, r: r.change_ttl(None),
            id="change_ttl",
        ),
        pytest.param(
            "set_zone_rrset_records",
            lambda c, r: c.zone_rrsets.set_records((42, "www", "A"), ["1.2.3.4"]),
            lambda c, r: r.set_records(["1.2.3.4"]),
            id="set_records",
        ),
        pytest.param(
            "add_zone_rrset_records",
            lambda c, r: c.zone_rrsets.add_records((42, "www", "A"), ["1.2.3.4"], ttl=60),
            lambda c, r: r.add_records(["1.2.3.4"], ttl=60),
            id="add_records",
        ),
        pytest.param(
            "remove_zone_rrset_records",
            lambda c, r: c.zone_rrsets.remove_records((42, "www", "A"), ["1.2.3.4"]),
            lambda c, r: r.remove_records(["1.2.3.4"]),
            id="remove_records",
        ),
        pytest.param(
            "update_zone_rrset_records",
            lambda c, r: c.zone_rrsets.update_records(
                (42, "www", "A"), [{"value": "1.2.3.4", "comment": "x"}]
            ),
            lambda c, r: r.update_records([{"value": "1.2.3.4", "comment": "x"}]),
            id="update_records",
        ),
        pytest.param(
            "get_zone_rrset",
            lambda c, r: c.zone_rrsets.get(42, "www", "A"),
            lambda c, r: r.reload(),
            id="reload",
        ),
    ],
)
def test_bound_rrset_methods_send_what_the_resource_sends(
    api: Api,
    recorder: Recorder,
    operation_id: str,
    direct: Callable[[Any, Any], Any],
    bound: Callable[[Any, Any], Any],
) -> None:
    assert_bound_matches_resource(
        api,
        recorder,
        "get_zone_rrset",
        lambda c: c.zone_rrsets.get(42, "www", "A"),
        operation_id,
        direct,
        bound,
    )
    assert recorder.path(2).startswith("/zones/42/rrsets/www/A")


def test_rrset_name_messages_name_the_field() -> None:
    with pytest.raises(pydantic.ValidationError, match=r"rrsets\[1\]\.name 'www\.example\.com'"):
        ZoneCreate(
            name="example.com",
            mode="primary",
            rrsets=[
                RRSetCreate(name="@", type="A", records=[RecordInput(value="192.0.2.1")]),
                RRSetCreate(
                    name="www.example.com", type="A", records=[RecordInput(value="1.2.3.4")]
                ),
            ],
        )
    with pytest.raises(pydantic.ValidationError, match=r"must be ASCII.*Punycode"):
        RRSetCreate(name="büro", type="A", records=[RecordInput(value="192.0.2.1")])
    # A name that merely contains the Zone's name, or ends with it without a dot, is relative.
    zone = ZoneCreate(
        name="example.com",
        mode="primary",
        rrsets=[
            RRSetCreate(name=name, type="A", records=[RecordInput(value="192.0.2.1")])
            for name in ("myexample.com", "example.com.www", "xn--4bi")
        ],
    )
    assert [r.name for r in zone.rrsets or ()] == ["myexample.com", "example.com.www", "xn--4bi"]
