"""DNS Zones and their RRSets: zones by id or name, zone files in and out, record changes.

A new primary Zone gets an ``SOA`` and three ``NS`` records of the assigned
nameservers.  RRSets are kept on their Zone (private key ``_rrsets``), keyed
by ``(name, type)``.  Zone files are read and written in a simple BIND form:
``$ORIGIN``, ``$TTL`` and ``name [ttl] [IN] type value [; comment]`` lines.
"""

from __future__ import annotations

import ipaddress
import re
from collections.abc import Callable
from typing import Any

from .._core import ApiError, Body, FakeCloud, Json, Reply, Req, public
from .._selectors import SelectorError, parse_selector
from ._shared import ACTION_SORT, action_filters, apply_update

ORDER = 60

TYPES = (
    "A", "AAAA", "CAA", "CNAME", "DS", "HINFO", "HTTPS", "MX", "NS", "PTR", "RP", "SOA", "SRV",
    "SVCB", "TLSA", "TXT",
)  # fmt: skip
NAMESERVERS = ["hydrogen.ns.hetzner.com.", "oxygen.ns.hetzner.com.", "helium.ns.hetzner.de."]
MIN_TTL, MAX_TTL = 60, 2147483647
ZONE_NAME = re.compile(
    r"^(?=.{1,255}$)[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$"
)
TSIG = ("hmac-md5", "hmac-sha1", "hmac-sha256")
MAX_RECORDS = 50


def _incorrect_mode(zone: Json) -> ApiError:
    return ApiError(
        422, "incorrect_zone_mode", f"this operation is not supported for {zone['mode']} zones"
    )


def _ttl(body: Body, name: str = "ttl", *, required: bool = False, nullable: bool = False) -> Any:
    value = body.get(name, "integer", required=required, nullable=nullable)
    if value is not None and not MIN_TTL <= value <= MAX_TTL:
        body.error(name, f"must be between {MIN_TTL} and {MAX_TTL}")
        return None
    return value


def _records(
    body: Body, name: str = "records", *, comments: bool = False, limit: int | None = MAX_RECORDS
) -> list[Json] | None:
    items = body.get(name, "array", required=True)
    if items is None:
        return None
    if not items or (limit is not None and len(items) > limit):
        body.error(name, f"must hold 1 to {limit} records" if limit else "must not be empty")
        return None
    checked: list[Json] = []
    seen: set[str] = set()
    for item in items:
        value = item.get("value") if isinstance(item, dict) else None
        comment = item.get("comment") if isinstance(item, dict) else None
        if not isinstance(value, str) or not value:
            body.error(name, "each record needs a value")
            return None
        if comment is not None and not isinstance(comment, str):
            body.error(name, "a comment must be a string")
            return None
        if comments and comment is None:
            body.error(name, "each record needs a comment")
            return None
        if set(item) - {"value", "comment"}:
            body.error(name, "a record has only value and comment")
            return None
        if value in seen:
            body.error(name, f"record value {value!r} is given twice")
            return None
        seen.add(value)
        record: Json = {"value": value}
        if comment is not None:
            record["comment"] = comment
        checked.append(record)
    return checked


def _nameservers(body: Body, *, required: bool) -> list[Json] | None:
    items = body.get("primary_nameservers", "array", required=required)
    if items is None:
        return None
    if required and not items:
        body.error("primary_nameservers", "must not be empty")
    checked: list[Json] = []
    seen: set[str] = set()
    for item in items:
        address = item.get("address") if isinstance(item, dict) else None
        try:
            canonical = str(ipaddress.ip_address(address)) if isinstance(address, str) else ""
        except ValueError:
            canonical = ""
        if not canonical:
            body.error("primary_nameservers", f"{address!r} is not an IP address")
            continue
        if canonical in seen:
            body.error("primary_nameservers", f"{address!r} is given twice")
        seen.add(canonical)
        port = item.get("port", 53)
        if not isinstance(port, int) or isinstance(port, bool) or not 1 <= port <= 65535:
            body.error("primary_nameservers", "port must be 1 to 65535")
            continue
        server: Json = {"address": address, "port": port}
        key, algorithm = item.get("tsig_key"), item.get("tsig_algorithm")
        if (key is None) != (algorithm is None) or (
            algorithm is not None and algorithm not in TSIG
        ):
            body.error("primary_nameservers", "tsig_key and a known tsig_algorithm go together")
            continue
        if key is not None:
            server.update(tsig_key=key, tsig_algorithm=algorithm)
        checked.append(server)
    return checked


def _rrset_name(body: Body, name: str, value: Any) -> str | None:
    if not isinstance(value, str) or not value:
        body.error(name, "is missing")
        return None
    if value != value.lower() or value.endswith("."):
        body.error(name, "must be lower case and relative to the zone")
        return None
    return value


def parse_zonefile(
    text: str, origin: str, default_ttl: int
) -> list[tuple[str, str, int | None, Json]]:
    """``(name, type, ttl, record)`` of every record line of a zone file.

    Raises:
        ApiError: ``invalid_input`` naming the first line that does not parse.
    """
    records: list[tuple[str, str, int | None, Json]] = []
    origin = origin.rstrip(".") + "."
    last = "@"
    for number, raw in enumerate(text.splitlines(), start=1):
        line, _, comment = raw.partition(";")
        if not line.strip():
            continue
        fields = line.split()
        if fields[0] == "$ORIGIN":
            continue
        if fields[0] == "$TTL":
            continue
        name = last if raw[:1].isspace() else fields.pop(0)
        last = name
        ttl: int | None = None
        if fields and fields[0].isdigit():
            ttl = int(fields.pop(0))
        if fields and fields[0].upper() == "IN":
            fields.pop(0)
        if fields and fields[0].isdigit() and ttl is None:
            ttl = int(fields.pop(0))
        if len(fields) < 2 or fields[0].upper() not in TYPES:
            raise ApiError.invalid(
                {"zonefile": [f"line {number} is not a record: {raw.strip()!r}"]}
            )
        rr_type = fields[0].upper()
        value = " ".join(fields[1:])
        if name == origin or name == "@":
            name = "@"
        elif name.endswith("." + origin):
            name = name[: -len(origin) - 1]
        elif name.endswith("."):
            raise ApiError.invalid({"zonefile": [f"line {number}: {name} is outside the zone"]})
        record: Json = {"value": value}
        if comment.strip():
            record["comment"] = comment.strip()
        records.append((name.lower(), rr_type, ttl, record))
    return records


def register(cloud: FakeCloud) -> None:
    """Serve the Zone and RRSet routes."""
    zones = cloud.collection("zones")

    def zone_of(id_or_name: str) -> Json:
        if id_or_name.isdigit() and int(id_or_name) in zones:
            return zones[int(id_or_name)]
        for zone in zones.values():
            if zone["name"] == id_or_name:
                return zone
        raise ApiError.not_found("zone")

    def primary(zone: Json) -> Json:
        if zone["mode"] != "primary":
            raise _incorrect_mode(zone)
        return zone

    def show(zone: Json) -> Json:
        shown = public(zone)
        shown["record_count"] = sum(len(r["records"]) for r in zone["_rrsets"].values())
        return shown

    def new_rrset(zone: Json, name: str, rr_type: str, ttl: int | None, records: list[Json],
                  labels: dict[str, str] | None = None) -> Json:  # fmt: skip
        rrset: Json = {
            "id": f"{name}/{rr_type}",
            "name": name,
            "type": rr_type,
            "ttl": ttl,
            "labels": labels or {},
            "protection": {"change": False},
            "records": records,
            "zone": zone["id"],
        }
        zone["_rrsets"][(name, rr_type)] = rrset
        return rrset

    def defaults(zone: Json) -> None:
        soa = f"{NAMESERVERS[0]} dns.hetzner.com. 2024010100 86400 10800 3600000 3600"
        new_rrset(zone, "@", "SOA", None, [{"value": soa}])
        new_rrset(zone, "@", "NS", None, [{"value": ns} for ns in NAMESERVERS])

    def fill(zone: Json, text: str) -> None:
        parsed = parse_zonefile(text, zone["name"], zone["ttl"])
        kept = {k: v for k, v in zone["_rrsets"].items() if k[1] in ("SOA", "NS") and k[0] == "@"}
        zone["_rrsets"] = {}
        for (name, rr_type, ttl, record) in parsed:  # fmt: skip
            rrset = zone["_rrsets"].get((name, rr_type))
            if rrset is None:
                rrset = new_rrset(zone, name, rr_type, ttl, [])
            if all(r["value"] != record["value"] for r in rrset["records"]):
                rrset["records"].append(record)
        for key, rrset in kept.items():
            zone["_rrsets"].setdefault(key, rrset)

    def action(zone: Json, command: str) -> Json:
        return cloud.start_action(
            command, [("zone", zone["id"])], family="zones", duration=1.0, locks=[]
        )

    def rrset_of(zone: Json, rr_name: str, rr_type: str) -> Json:
        if rr_type not in TYPES:
            raise ApiError.invalid({"rr_type": [f"must be one of {', '.join(TYPES)}"]})
        rrset: Json | None = zone["_rrsets"].get((rr_name, rr_type))
        if rrset is None:
            raise ApiError.not_found("rrset")
        return rrset

    def changeable(rrset: Json) -> Json:
        if rrset["protection"]["change"]:
            raise ApiError.protected(f"rrset {rrset['id']}")
        return rrset

    # -- actions of the family (before /zones/{id_or_name}, which would match them) ----

    def of_family() -> list[Json]:
        actions = cloud.collection("actions").values()
        return [a for a in actions if cloud.action_family(a["id"]) == "zones"]

    @cloud.route("GET", "/zones/actions")
    def list_all_actions(req: Req) -> Reply:
        return cloud.list_reply(
            req, "actions", of_family(), sort=ACTION_SORT, filters=action_filters(), labels=False
        )

    @cloud.route("GET", "/zones/actions/{id}")
    def get_family_action(req: Req, id: int) -> Reply:
        for item in of_family():
            if item["id"] == id:
                return {"action": public(item)}
        raise ApiError.not_found("action")

    def of_zone(zone: Json) -> list[Json]:
        return [
            a
            for a in of_family()
            if any(r["type"] == "zone" and r["id"] == zone["id"] for r in a["resources"])
        ]

    @cloud.route("GET", "/zones/{id_or_name}/actions")
    def list_zone_actions(req: Req, id_or_name: str) -> Reply:
        zone = zone_of(id_or_name)
        return cloud.list_reply(
            req,
            "actions",
            of_zone(zone),
            sort=ACTION_SORT,
            filters={"status": action_filters()["status"]},
            labels=False,
        )

    @cloud.route("GET", "/zones/{id_or_name}/actions/{action_id}")
    def get_zone_action(req: Req, id_or_name: str, action_id: int) -> Reply:
        for item in of_zone(zone_of(id_or_name)):
            if item["id"] == action_id:
                return {"action": public(item)}
        raise ApiError.not_found("action")

    # -- zones ------------------------------------------------------------------------

    @cloud.route("GET", "/zones")
    def list_zones(req: Req) -> Reply:
        return cloud.list_reply(
            req,
            "zones",
            zones.values(),
            filters={"mode": lambda zone, values: zone["mode"] in values},
            render=show,
        )

    @cloud.route("POST", "/zones")
    def create_zone(req: Req) -> Reply:
        body = req.body()
        name = body.text("name", required=True)
        if name is not None and not ZONE_NAME.match(name):
            body.error("name", "must be a lower-case domain name without a trailing dot")
        mode = body.choice("mode", ("primary", "secondary"), required=True)
        ttl = _ttl(body)
        labels = body.labels() or {}
        nameservers = _nameservers(body, required=mode == "secondary")
        rrsets = body.get("rrsets", "array")
        zonefile = body.text("zonefile")
        if zonefile is not None and rrsets:
            body.error("zonefile", "rrsets must be empty when a zone file is given")
        body.done()
        assert name is not None
        assert mode is not None
        if any(zone["name"] == name for zone in zones.values()):
            raise ApiError.unique("name", "zone with the same name already exists")
        ident = cloud.new_id()
        zone: Json = {
            "id": ident,
            "name": name,
            "mode": mode,
            "created": cloud.now_iso(),
            "labels": labels,
            "protection": {"delete": False},
            "ttl": ttl if ttl is not None else 3600,
            "status": "ok",
            "record_count": 0,
            "authoritative_nameservers": {
                "assigned": list(NAMESERVERS),
                "delegated": [],
                "delegation_last_check": None,
                "delegation_status": "unknown",
            },
            "registrar": "unknown",
            "_rrsets": {},
        }
        if mode == "secondary":
            zone["primary_nameservers"] = nameservers or []
        else:
            defaults(zone)
            if zonefile is not None:
                fill(zone, zonefile)
            for index, item in enumerate(rrsets or []):
                created = _read_rrset(Body(item), f"rrsets[{index}]")
                new_rrset(zone, *created)
        zones[ident] = zone
        return 201, {"zone": show(zone), "action": public(action(zone, "create_zone"))}

    def _read_rrset(body: Body, where: str) -> tuple[str, str, int | None, list[Json], Any]:
        name = _rrset_name(body, "name", body.data.get("name"))
        rr_type = body.choice("type", TYPES, required=True)
        ttl = _ttl(body, nullable=True)
        records = _records(body, limit=None)
        labels = body.labels()
        unknown = set(body.data) - {"name", "type", "ttl", "records", "labels"}
        for key in sorted(unknown):
            body.error(key, "is not a field of an RRSet")
        if body.errors:
            fields = {f"{where}.{k}" if where else k: v for k, v in body.errors.items()}
            raise ApiError.invalid(fields)
        assert name is not None
        assert rr_type is not None
        assert records is not None
        return name, rr_type, ttl, records, labels

    @cloud.route("GET", "/zones/{id_or_name}")
    def get_zone(req: Req, id_or_name: str) -> Reply:
        return {"zone": show(zone_of(id_or_name))}

    @cloud.route("PUT", "/zones/{id_or_name}")
    def update_zone(req: Req, id_or_name: str) -> Reply:
        zone = zone_of(id_or_name)
        apply_update(cloud, req, zone, "zones", "zone", {"labels": "object"}, unique_name=False)
        return {"zone": show(zone)}

    @cloud.route("DELETE", "/zones/{id_or_name}")
    def delete_zone(req: Req, id_or_name: str) -> Reply:
        zone = zone_of(id_or_name)
        if zone["protection"]["delete"]:
            raise ApiError.protected(f"zone {zone['name']}")
        del zones[zone["id"]]
        return 201, {"action": public(action(zone, "delete_zone"))}

    @cloud.route("GET", "/zones/{id_or_name}/zonefile")
    def export_zonefile(req: Req, id_or_name: str) -> Reply:
        zone = zone_of(id_or_name)
        lines = [f"$ORIGIN\t{zone['name']}.", f"$TTL\t{zone['ttl']}", ""]
        order = {t: i for i, t in enumerate(("SOA", "NS"))}

        def position(r: Json) -> tuple[bool, int, str, str]:
            return (r["name"] != "@", order.get(r["type"], 9), r["name"], r["type"])

        for rrset in sorted(zone["_rrsets"].values(), key=position):
            ttl = "" if rrset["ttl"] is None else f"{rrset['ttl']}\t"
            for record in rrset["records"]:
                comment = f" ; {record['comment']}" if record.get("comment") else ""
                lines.append(
                    f"{rrset['name']}\t{ttl}IN\t{rrset['type']}\t{record['value']}{comment}"
                )
        return {"zonefile": "\n".join(lines) + "\n"}

    @cloud.route("POST", "/zones/{id_or_name}/actions/import_zonefile")
    def import_zonefile(req: Req, id_or_name: str) -> Reply:
        zone = primary(zone_of(id_or_name))
        body = req.body()
        text = body.text("zonefile", required=True)
        body.done()
        assert text is not None
        for rrset in zone["_rrsets"].values():
            changeable(rrset)
        fill(zone, text)
        return 201, {"action": public(action(zone, "import_zonefile"))}

    @cloud.route("POST", "/zones/{id_or_name}/actions/change_primary_nameservers")
    def change_nameservers(req: Req, id_or_name: str) -> Reply:
        zone = zone_of(id_or_name)
        body = req.body()
        nameservers = _nameservers(body, required=True)
        body.done()
        if zone["mode"] != "secondary":
            raise _incorrect_mode(zone)
        zone["primary_nameservers"] = nameservers
        return 201, {"action": public(action(zone, "change_primary_nameservers"))}

    @cloud.route("POST", "/zones/{id_or_name}/actions/change_protection")
    def change_protection(req: Req, id_or_name: str) -> Reply:
        zone = zone_of(id_or_name)
        body = req.body()
        delete = body.flag("delete")
        body.done()
        if delete is not None:
            zone["protection"]["delete"] = delete
        item = cloud.instant_action("change_protection", [("zone", zone["id"])], family="zones")
        return 201, {"action": public(item)}

    @cloud.route("POST", "/zones/{id_or_name}/actions/change_ttl")
    def change_ttl(req: Req, id_or_name: str) -> Reply:
        zone = primary(zone_of(id_or_name))
        body = req.body()
        ttl = _ttl(body, required=True)
        body.done()
        zone["ttl"] = ttl
        return 201, {"action": public(action(zone, "change_ttl"))}

    # -- RRSets -----------------------------------------------------------------------

    @cloud.route("GET", "/zones/{id_or_name}/rrsets")
    def list_rrsets(req: Req, id_or_name: str) -> Reply:
        zone = zone_of(id_or_name)
        items = list(zone["_rrsets"].values())
        selector = req.arg("label_selector")
        if selector:
            try:
                match = parse_selector(selector)
            except SelectorError as exc:
                raise ApiError.invalid({"label_selector": [str(exc)]}) from None
            items = [r for r in items if match(r["labels"])]
        filters: dict[str, Callable[[Json, list[str]], bool]] = {
            "name": lambda r, values: r["name"] in values,
            "type": lambda r, values: r["type"] in values,
        }
        return cloud.list_reply(req, "rrsets", items, filters=filters, labels=False)

    @cloud.route("POST", "/zones/{id_or_name}/rrsets")
    def create_rrset(req: Req, id_or_name: str) -> Reply:
        zone = primary(zone_of(id_or_name))
        name, rr_type, ttl, records, labels = _read_rrset(req.body(), "")
        if (name, rr_type) in zone["_rrsets"]:
            raise ApiError.unique("name", f"rrset {name}/{rr_type} already exists")
        rrset = new_rrset(zone, name, rr_type, ttl, records, labels)
        return 201, {"rrset": dict(rrset), "action": public(action(zone, "create_rrset"))}

    @cloud.route("GET", "/zones/{id_or_name}/rrsets/{rr_name}/{rr_type}")
    def get_rrset(req: Req, id_or_name: str, rr_name: str, rr_type: str) -> Reply:
        return {"rrset": rrset_of(zone_of(id_or_name), rr_name, rr_type)}

    @cloud.route("PUT", "/zones/{id_or_name}/rrsets/{rr_name}/{rr_type}")
    def update_rrset(req: Req, id_or_name: str, rr_name: str, rr_type: str) -> Reply:
        zone = zone_of(id_or_name)
        rrset = rrset_of(zone, rr_name, rr_type)
        apply_update(cloud, req, rrset, "zones", "rrset", {"labels": "object"}, unique_name=False)
        return {"rrset": rrset}

    @cloud.route("DELETE", "/zones/{id_or_name}/rrsets/{rr_name}/{rr_type}")
    def delete_rrset(req: Req, id_or_name: str, rr_name: str, rr_type: str) -> Reply:
        zone = primary(zone_of(id_or_name))
        rrset = changeable(rrset_of(zone, rr_name, rr_type))
        del zone["_rrsets"][(rrset["name"], rrset["type"])]
        return 201, {"action": public(action(zone, "delete_rrset"))}

    def rrset_action(
        path: str, command: str, handle: Callable[[Json, Json, Body], None], *, guard: bool = True
    ) -> None:
        @cloud.route("POST", f"/zones/{{id_or_name}}/rrsets/{{rr_name}}/{{rr_type}}/actions/{path}")
        def run(req: Req, id_or_name: str, rr_name: str, rr_type: str) -> Reply:
            zone = primary(zone_of(id_or_name))
            body = req.body()
            if path == "add_records":
                if rr_type not in TYPES:
                    raise ApiError.invalid({"rr_type": [f"must be one of {', '.join(TYPES)}"]})
                rrset = zone["_rrsets"].get((rr_name, rr_type)) or {
                    "name": rr_name, "type": rr_type, "_new": True,
                }  # fmt: skip
            else:
                rrset = rrset_of(zone, rr_name, rr_type)
                if guard:
                    changeable(rrset)
            handle(zone, rrset, body)
            return 201, {"action": public(action(zone, command))}

    def do_protection(zone: Json, rrset: Json, body: Body) -> None:
        change = body.flag("change", required=True)
        body.done()
        rrset["protection"]["change"] = change

    def do_ttl(zone: Json, rrset: Json, body: Body) -> None:
        ttl = _ttl(body, required=True, nullable=True)
        body.done()
        rrset["ttl"] = ttl

    def do_set(zone: Json, rrset: Json, body: Body) -> None:
        records = _records(body)
        body.done()
        rrset["records"] = records

    def do_add(zone: Json, rrset: Json, body: Body) -> None:
        ttl = _ttl(body, nullable=True)
        records = _records(body)
        body.done()
        assert records is not None
        if rrset.get("_new"):
            new_rrset(zone, rrset["name"], rrset["type"], ttl, records)
            return
        changeable(rrset)
        if ttl is not None and rrset["ttl"] is not None and ttl != rrset["ttl"]:
            raise ApiError.invalid({"ttl": ["must match the TTL of the existing rrset"]})
        if ttl is not None and rrset["ttl"] is None:
            rrset["ttl"] = ttl
        values = {r["value"] for r in rrset["records"]}
        rrset["records"] += [r for r in records if r["value"] not in values]

    def do_remove(zone: Json, rrset: Json, body: Body) -> None:
        records = _records(body)
        body.done()
        assert records is not None
        values = {r["value"] for r in records}
        missing = values - {r["value"] for r in rrset["records"]}
        if missing:
            raise ApiError.invalid({"records": [f"not in the rrset: {', '.join(sorted(missing))}"]})
        rrset["records"] = [r for r in rrset["records"] if r["value"] not in values]
        if not rrset["records"]:
            del zone["_rrsets"][(rrset["name"], rrset["type"])]

    def do_update(zone: Json, rrset: Json, body: Body) -> None:
        records = _records(body, comments=True)
        body.done()
        assert records is not None
        by_value = {r["value"]: r for r in rrset["records"]}
        missing = [r["value"] for r in records if r["value"] not in by_value]
        if missing:
            raise ApiError.invalid({"records": [f"not in the rrset: {', '.join(missing)}"]})
        for record in records:
            by_value[record["value"]]["comment"] = record["comment"]

    rrset_action("change_protection", "change_rrset_protection", do_protection, guard=False)
    rrset_action("change_ttl", "change_rrset_ttl", do_ttl)
    rrset_action("set_records", "set_rrset_records", do_set)
    rrset_action("add_records", "add_rrset_records", do_add)
    rrset_action("remove_records", "remove_rrset_records", do_remove)
    rrset_action("update_records", "update_rrset_records", do_update)
