"""Firewalls: CRUD, rules, applying to servers and label selectors, and what servers show of it.

A server's ``public_net.firewalls`` lists every Firewall applied to it directly
or through a label selector that matches its labels: ``pending`` while the
``apply_firewall`` action runs, ``applied`` after.  It is computed for each
reply (a view the family adds to servers), so relabelling a server moves it in
or out of selectors at once.  ``firewalls`` in ``POST /servers`` applies
Firewalls to the new server; a deleted server leaves the Firewalls applied to
it directly when it goes.
"""

from __future__ import annotations

import ipaddress
import re
from typing import Any

from .._core import (
    ApiError,
    Body,
    FakeCloud,
    Json,
    Reply,
    Req,
    check_unique_name,
    get_or_404,
    public,
)
from .._selectors import SelectorError, parse_selector
from ._shared import apply_update, register_action_routes

ORDER = 60

PROTOCOLS = ("tcp", "udp", "icmp", "esp", "gre")
PORT = re.compile(r"^([0-9]{1,5})(?:-([0-9]{1,5}))?$")
MAX_RULES = 50
MAX_IPS = 100
MAX_FIREWALLS_PER_SERVER = 5


def _check_rules(body: Body, name: str) -> list[Json] | None:
    rules = body.get(name, "array")
    if rules is None:
        return None
    if len(rules) > MAX_RULES:
        body.error(name, f"at most {MAX_RULES} rules are allowed")
    checked: list[Json] = []
    for index, rule in enumerate(rules):
        where = f"{name}[{index}]"
        if not isinstance(rule, dict):
            body.error(where, "is not an object")
            continue
        problems = _rule_problems(rule)
        for problem in problems:
            body.error(where, problem)
        if not problems:
            checked.append(
                {
                    "description": rule.get("description"),
                    "direction": rule["direction"],
                    "source_ips": list(rule.get("source_ips") or []),
                    "destination_ips": list(rule.get("destination_ips") or []),
                    "protocol": rule["protocol"],
                    "port": rule.get("port"),
                }
            )
    return checked


def _rule_problems(rule: Json) -> list[str]:
    problems: list[str] = []
    known = {"description", "direction", "source_ips", "destination_ips", "protocol", "port"}
    problems += [f"unknown field {key!r}" for key in rule if key not in known]
    direction, protocol, port = rule.get("direction"), rule.get("protocol"), rule.get("port")
    if direction not in ("in", "out"):
        problems.append("direction must be in or out")
    if protocol not in PROTOCOLS:
        problems.append(f"protocol must be one of {', '.join(PROTOCOLS)}")
    description = rule.get("description")
    if description is not None and (not isinstance(description, str) or len(description) > 255):
        problems.append("description must be a string of at most 255 characters")
    for key in ("source_ips", "destination_ips"):
        ips = rule.get(key)
        if ips is None:
            continue
        if not isinstance(ips, list) or len(ips) > MAX_IPS:
            problems.append(f"{key} must be a list of at most {MAX_IPS} CIDR blocks")
            continue
        for ip in ips:
            try:
                if not isinstance(ip, str) or "/" not in ip:
                    raise ValueError
                ipaddress.ip_network(ip, strict=True)
            except ValueError:
                problems.append(f"{key}: {ip!r} is not a CIDR block")
    if direction == "in":
        wanted, other = "source_ips", "destination_ips"
    else:
        wanted, other = "destination_ips", "source_ips"
    if direction in ("in", "out"):
        if not rule.get(wanted):
            problems.append(f"{wanted} is required for direction {direction}")
        if rule.get(other):
            problems.append(f"{other} is not allowed for direction {direction}")
    if protocol in ("tcp", "udp"):
        if not isinstance(port, str) or not _port_ok(port):
            problems.append("port must be a port, a range low-high or 'any' for tcp and udp")
    elif port is not None:
        problems.append("port is only allowed for tcp and udp")
    return problems


def _port_ok(port: str) -> bool:
    if port == "any":
        return True
    match = PORT.match(port)
    if match is None:
        return False
    low = int(match.group(1))
    high = int(match.group(2) or low)
    return 1 <= low <= high <= 65535


def _resources(body: Body, name: str, *, required: bool) -> list[Json]:
    items = body.get(name, "array", required=required) or []
    checked: list[Json] = []
    for index, item in enumerate(items):
        where = f"{name}[{index}]"
        kind = item.get("type") if isinstance(item, dict) else None
        if kind == "server":
            server = item.get("server")
            ident = server.get("id") if isinstance(server, dict) else None
            if not isinstance(ident, int) or isinstance(ident, bool) or "label_selector" in item:
                body.error(where, "a server resource needs server.id and nothing else")
                continue
            checked.append({"type": "server", "server": {"id": ident}})
        elif kind == "label_selector":
            selector = item.get("label_selector")
            text = selector.get("selector") if isinstance(selector, dict) else None
            if not isinstance(text, str) or not text or "server" in item:
                body.error(where, "a label_selector resource needs label_selector.selector")
                continue
            try:
                parse_selector(text)
            except SelectorError as exc:
                body.error(where, f"invalid label selector: {exc}")
                continue
            checked.append({"type": "label_selector", "label_selector": {"selector": text}})
        else:
            body.error(where, "type must be server or label_selector")
    return checked


def _key(entry: Json) -> tuple[str, Any]:
    if entry["type"] == "server":
        return ("server", entry["server"]["id"])
    return ("label_selector", entry["label_selector"]["selector"])


def register(cloud: FakeCloud) -> None:
    """Serve the Firewall routes and keep servers' ``public_net.firewalls`` current."""
    firewalls = cloud.collection("firewalls")
    servers = cloud.collection("servers")

    def get(ident: int) -> Json:
        return get_or_404(cloud, "firewalls", ident, "firewall")

    def matches(entry: Json, server: Json) -> bool:
        if entry["type"] == "server":
            return bool(entry["server"]["id"] == server["id"])
        match = parse_selector(entry["label_selector"]["selector"])
        return match(server.get("labels") or {})

    def show(firewall: Json) -> Json:
        shown = public(firewall)
        applied: list[Json] = []
        for entry in firewall["applied_to"]:
            item = dict(entry)
            if entry["type"] == "label_selector":
                item["applied_to_resources"] = [
                    {"type": "server", "server": {"id": server["id"]}}
                    for server in sorted(servers.values(), key=lambda s: s["id"])
                    if matches(entry, server)
                ]
            applied.append(item)
        shown["applied_to"] = applied
        return shown

    def server_view(server: Json, shown: Json) -> None:
        listed: list[Json] = []
        for firewall in sorted(firewalls.values(), key=lambda f: f["id"]):
            hits = [e for e in firewall["applied_to"] if matches(e, server)]
            if not hits:
                continue
            pending = any(
                firewall["_pending"].get(_key(e)) is not None
                and cloud.collection("actions")[firewall["_pending"][_key(e)]]["status"]
                == "running"
                for e in hits
            )
            listed.append({"id": firewall["id"], "status": "pending" if pending else "applied"})
        public_net = shown.get("public_net")
        if isinstance(public_net, dict):
            public_net["firewalls"] = listed

    def create_check(body: Body, location: Json | None) -> None:
        items = body.get("firewalls", "array") or []
        seen: set[int] = set()
        for index, item in enumerate(items):
            ident = item.get("firewall") if isinstance(item, dict) else None
            if not isinstance(ident, int) or isinstance(ident, bool):
                body.error(f"firewalls[{index}]", "needs a firewall ID")
            elif ident not in firewalls:
                body.error(f"firewalls[{index}]", f"firewall {ident} not found")
            elif ident in seen:
                body.error(f"firewalls[{index}]", f"firewall {ident} is named twice")
            seen.add(ident if isinstance(ident, int) else -1)
        if len(seen) > MAX_FIREWALLS_PER_SERVER:
            body.error("firewalls", f"at most {MAX_FIREWALLS_PER_SERVER} firewalls per server")

    def server_created(server: Json, body: Body, next_actions: list[Json]) -> None:
        for item in body.data.get("firewalls") or []:
            entry = {"type": "server", "server": {"id": server["id"]}}
            firewalls[item["firewall"]]["applied_to"].append(entry)

    def server_deleted(server: Json) -> None:
        # Firewalls applied to the server directly let go of it.
        for firewall in firewalls.values():
            firewall["applied_to"] = [
                e
                for e in firewall["applied_to"]
                if e["type"] != "server" or e["server"]["id"] != server["id"]
            ]
            firewall["_pending"].pop(("server", server["id"]), None)

    cloud.add_view("servers", server_view)
    cloud.on("server_create_check", create_check)
    cloud.on("server_created", server_created)
    cloud.on("server_deleted", server_deleted)

    def check_server(ident: int, status: int) -> Json:
        server = servers.get(ident)
        if server is None:
            raise ApiError(status, "firewall_resource_not_found", f"server {ident} not found")
        net = server.get("public_net") or {}
        if net.get("ipv4") is None and net.get("ipv6") is None:
            raise ApiError(
                422, "private_net_only_server", f"server {ident} has no public interface"
            )
        return server

    def count_on(server: Json) -> int:
        return sum(
            1
            for firewall in firewalls.values()
            if any(matches(e, server) for e in firewall["applied_to"])
        )

    def apply(firewall: Json, entries: list[Json], *, not_found_status: int) -> list[Json]:
        present = {_key(e) for e in firewall["applied_to"]}
        seen: set[tuple[str, Any]] = set()
        for entry in entries:
            key = _key(entry)
            if key in present or key in seen:
                raise ApiError(
                    422, "firewall_already_applied", f"firewall is already applied to {key[1]}"
                )
            seen.add(key)
            if entry["type"] == "server":
                reached = [check_server(entry["server"]["id"], not_found_status)]
            else:
                reached = [s for s in servers.values() if matches(entry, s)]
            for server in reached:
                if not any(matches(e, server) for e in firewall["applied_to"]) and (
                    count_on(server) >= MAX_FIREWALLS_PER_SERVER
                ):
                    raise ApiError(
                        403,
                        "resource_limit_exceeded",
                        f"server {server['id']} already has {MAX_FIREWALLS_PER_SERVER} firewalls",
                    )
        actions: list[Json] = []
        for entry in entries:
            key = _key(entry)
            touched = [("firewall", firewall["id"])]
            if entry["type"] == "server":
                touched.append(("server", entry["server"]["id"]))

            def undo(key: tuple[str, Any] = key) -> None:
                firewall["applied_to"] = [e for e in firewall["applied_to"] if _key(e) != key]
                firewall["_pending"].pop(key, None)

            def done(key: tuple[str, Any] = key) -> None:
                firewall["_pending"].pop(key, None)

            action = cloud.start_action(
                "apply_firewall",
                touched,
                family="firewalls",
                duration=1.0,
                on_success=done,
                on_error=undo,
                locks=[],
            )
            firewall["applied_to"].append(entry)
            firewall["_pending"][key] = action["id"]
            actions.append(action)
        return actions

    register_action_routes(cloud, "firewalls", "firewall", "firewall")

    @cloud.route("GET", "/firewalls")
    def list_firewalls(req: Req) -> Reply:
        return cloud.list_reply(req, "firewalls", firewalls.values(), render=show)

    @cloud.route("POST", "/firewalls")
    def create_firewall(req: Req) -> Reply:
        body = req.body()
        name = body.text("name", required=True)
        if name is not None and not 1 <= len(name) <= 128:
            body.error("name", "must be 1 to 128 characters")
        labels = body.labels() or {}
        rules = _check_rules(body, "rules") or []
        entries = _resources(body, "apply_to", required=False)
        body.done()
        assert name is not None
        check_unique_name(cloud, "firewalls", name, "firewall")
        ident = cloud.new_id()
        firewall: Json = {
            "id": ident,
            "name": name,
            "labels": labels,
            "created": cloud.now_iso(),
            "rules": rules,
            "applied_to": [],
            "_pending": {},
        }
        firewalls[ident] = firewall
        try:
            actions = [
                cloud.start_action(
                    "set_firewall_rules", [("firewall", ident)], family="firewalls", duration=1.0
                )
            ]
            actions += apply(firewall, entries, not_found_status=422)
        except ApiError:
            del firewalls[ident]
            raise
        return 201, {"firewall": show(firewall), "actions": [public(a) for a in actions]}

    @cloud.route("GET", "/firewalls/{id}")
    def get_firewall(req: Req, id: int) -> Reply:
        return {"firewall": show(get(id))}

    @cloud.route("PUT", "/firewalls/{id}")
    def update_firewall(req: Req, id: int) -> Reply:
        firewall = get(id)
        apply_update(
            cloud, req, firewall, "firewalls", "firewall", {"name": "string", "labels": "object"}
        )
        return {"firewall": show(firewall)}

    @cloud.route("DELETE", "/firewalls/{id}")
    def delete_firewall(req: Req, id: int) -> Reply:
        firewall = get(id)
        if firewall["applied_to"]:
            raise ApiError(422, "resource_in_use", f"firewall {id} is still applied to resources")
        del firewalls[id]
        return 204, None

    @cloud.route("POST", "/firewalls/{id}/actions/set_rules")
    def set_rules(req: Req, id: int) -> Reply:
        firewall = get(id)
        body = req.body()
        rules = _check_rules(body, "rules")
        if rules is None and "rules" not in body.errors:
            body.error("rules", "is missing")
        body.done()
        assert rules is not None
        firewall["rules"] = rules
        touched = [("firewall", id)]
        touched += [
            ("server", s["id"])
            for s in servers.values()
            if any(matches(e, s) for e in firewall["applied_to"])
        ]
        action = cloud.start_action("set_firewall_rules", touched, family="firewalls", duration=1.0)
        return 201, {"actions": [public(action)]}

    @cloud.route("POST", "/firewalls/{id}/actions/apply_to_resources")
    def apply_to_resources(req: Req, id: int) -> Reply:
        firewall = get(id)
        body = req.body()
        entries = _resources(body, "apply_to", required=True)
        body.done()
        actions = apply(firewall, entries, not_found_status=404)
        return 201, {"actions": [public(a) for a in actions]}

    @cloud.route("POST", "/firewalls/{id}/actions/remove_from_resources")
    def remove_from_resources(req: Req, id: int) -> Reply:
        firewall = get(id)
        body = req.body()
        entries = _resources(body, "remove_from", required=True)
        body.done()
        present = {_key(e) for e in firewall["applied_to"]}
        for entry in entries:
            if _key(entry) not in present:
                raise ApiError(
                    404,
                    "firewall_resource_not_found",
                    f"firewall is not applied to {_key(entry)[1]}",
                )
        actions: list[Json] = []
        for entry in entries:
            key = _key(entry)
            touched = [("firewall", id)]
            if entry["type"] == "server":
                touched.append(("server", entry["server"]["id"]))
            firewall["applied_to"] = [e for e in firewall["applied_to"] if _key(e) != key]
            firewall["_pending"].pop(key, None)
            actions.append(
                cloud.start_action(
                    "remove_firewall", touched, family="firewalls", duration=1.0, locks=[]
                )
            )
        return 201, {"actions": [public(a) for a in actions]}
