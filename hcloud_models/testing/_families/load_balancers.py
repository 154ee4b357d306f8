"""Load Balancers: CRUD, services, targets, algorithm, type, networks, public interface, metrics.

Services and targets change at once, through actions that end immediately
(and that ``fail_next_actions`` can make fail, leaving the Load Balancer as it
was).  ``create_load_balancer``, ``change_load_balancer_type`` and the
network attachments take a few seconds on the clock and apply when they
end.  Server targets appear in the server's ``load_balancers`` and
certificates of HTTPS services list the Load Balancer in ``used_by`` and
networks list it in ``load_balancers`` (views this family adds to those
replies); a deleted server stops being a target when it goes, and a deleted
network is detached.  Private addresses come from the network's subnet in the
Load Balancer's network zone.  Label-selector
targets resolve to the servers whose labels match at the time of reading;
every target is reported ``healthy`` on each service's port.
"""

from __future__ import annotations

import copy
import ipaddress
import math
from collections.abc import Callable
from datetime import datetime
from typing import Any

from .._core import ApiError, Body, FakeCloud, Json, Reply, Req, check_unique_name, find, get_or_404
from .._selectors import SelectorError, parse_selector
from ._shared import apply_update, change_protection, check_deletable, register_action_routes
from .networks import allocate_ip

ORDER = 60

PROTOCOLS = ("tcp", "http", "https")
ALGORITHMS = ("round_robin", "least_connections")
TARGET_TYPES = ("server", "label_selector", "ip")
HTTP_DEFAULTS: Json = {
    "cookie_name": "HCLBSTICKY",
    "cookie_lifetime": 300,
    "timeout_idle": 50,
    "sticky_sessions": False,
}
METRIC_SERIES = {
    "open_connections": ["open_connections"],
    "connections_per_second": ["connections_per_second"],
    "requests_per_second": ["requests_per_second"],
    "bandwidth": ["bandwidth.in", "bandwidth.out"],
}


class _Problems:
    """Field problems of a nested body, named like ``services[0].listen_port``."""

    def __init__(self) -> None:
        self.fields: dict[str, list[str]] = {}

    def add(self, name: str, message: str) -> None:
        self.fields.setdefault(name, []).append(message)

    def raise_any(self) -> None:
        if self.fields:
            raise ApiError.invalid(self.fields)


def _int(data: Json, key: str, where: str, problems: _Problems, *, low: int, high: int) -> Any:
    value = data.get(key)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int):
        problems.add(f"{where}{key}", "is not an integer")
    elif not low <= value <= high:
        problems.add(f"{where}{key}", f"must be between {low} and {high}")
    return value


def _health_check(data: Any, where: str, problems: _Problems, old: Json | None) -> Json | None:
    """Read a health check; ``old`` is merged into when updating."""
    if not isinstance(data, dict):
        problems.add(where.rstrip("."), "is not an object")
        return None
    check: Json = copy.deepcopy(old) if old else {}
    for key in ("protocol", "port", "interval", "timeout", "retries"):
        if key not in data and key not in check:
            problems.add(f"{where}{key}", "is missing")
    if "protocol" in data:
        if data["protocol"] not in ("tcp", "http"):
            problems.add(f"{where}protocol", "must be one of tcp, http")
        check["protocol"] = data["protocol"]
    bounds = {"port": (1, 65535), "interval": (3, 60), "timeout": (1, 60), "retries": (1, 5)}
    for key, (low, high) in bounds.items():
        if key in data:
            check[key] = _int(data, key, where, problems, low=low, high=high)
    http = data.get("http")
    if http is not None:
        if not isinstance(http, dict):
            problems.add(f"{where}http", "is not an object")
        else:
            merged = {"domain": None, "path": "/", **(check.get("http") or {}), **http}
            unknown = set(merged) - {"domain", "path", "response", "status_codes", "tls"}
            if unknown:
                problems.add(f"{where}http", f"unknown fields {sorted(unknown)}")
            check["http"] = merged
    if check.get("protocol") == "tcp":
        check.pop("http", None)
    elif check.get("protocol") == "http" and "http" not in check:
        check["http"] = {"domain": None, "path": "/"}
    return check


def register(cloud: FakeCloud) -> None:
    """Serve the Load Balancer routes."""
    lbs = cloud.collection("load_balancers")

    def get(ident: int) -> Json:
        return get_or_404(cloud, "load_balancers", ident, "load balancer")

    def lb_type_of(lb: Json) -> Json:
        found: Json = cloud.collection("load_balancer_types")[lb["load_balancer_type"]["id"]]
        return found

    # -- rendering ---------------------------------------------------------------------

    def server_ip(server: Json, private: bool, lb: Json) -> str:
        if private:
            networks = {net["network"] for net in lb["private_net"]}
            for net in server.get("private_net", []):
                if net.get("network") in networks and net.get("ip"):
                    return str(net["ip"])
        ipv4 = server["public_net"].get("ipv4")
        if ipv4 and ipv4.get("ip"):
            return str(ipv4["ip"])
        ipv6 = server["public_net"].get("ipv6") or {}
        return str(ipv6.get("ip", "::")).split("/")[0] + "1"

    def render(lb: Json) -> Json:
        servers = cloud.collection("servers")
        reply = copy.deepcopy({k: v for k, v in lb.items() if not k.startswith("_")})
        health = [{"listen_port": s["listen_port"], "status": "healthy"} for s in lb["services"]]
        targets = []
        for target in reply["targets"]:
            if target["type"] == "server":
                server = servers[target["server"]["id"]]
                target["server"]["ip"] = server_ip(server, target["use_private_ip"], lb)
                target["health_status"] = copy.deepcopy(health)
            elif target["type"] == "label_selector":
                match = parse_selector(target["label_selector"]["selector"])
                target["targets"] = [
                    {
                        "type": "server",
                        "server": {
                            "id": server["id"],
                            "ip": server_ip(server, target["use_private_ip"], lb),
                        },
                        "health_status": copy.deepcopy(health),
                        "use_private_ip": target["use_private_ip"],
                    }
                    for server in servers.values()
                    if match(server.get("labels") or {})
                ]
            else:
                target["health_status"] = copy.deepcopy(health)
            targets.append(target)
        reply["targets"] = targets
        return reply

    # -- actions -------------------------------------------------------------------------

    def act(
        command: str,
        lb: Json,
        effect: Callable[[], object] | None,
        *,
        duration: float = 0.0,
        extra: list[tuple[str, int]] | None = None,
    ) -> Reply:
        cloud.check_unlocked("load_balancer", lb["id"])
        resources = [("load_balancer", lb["id"]), *(extra or [])]
        if duration <= 0:
            action = cloud.start_action(
                command, resources, family="load_balancers", duration=0.0,
                on_success=effect, locks=[],
            )  # fmt: skip
            cloud.tick()
        else:
            action = cloud.start_action(
                command, resources, family="load_balancers", duration=duration,
                on_success=effect,
            )  # fmt: skip
        return 201, {"action": {k: v for k, v in action.items()}}

    # -- services ------------------------------------------------------------------------

    def certificates_of(service: Json) -> list[int]:
        if service.get("protocol") != "https":
            return []
        return list((service.get("http") or {}).get("certificates") or [])

    def certificate_view(cert: Json, shown: Json) -> None:
        # Certificates list the Load Balancers whose HTTPS services use them.
        users = sorted(
            lb["id"]
            for lb in lbs.values()
            if any(cert["id"] in certificates_of(service) for service in lb["services"])
        )
        kept = [u for u in shown["used_by"] if u["type"] != "load_balancer"]
        shown["used_by"] = kept + [{"id": ident, "type": "load_balancer"} for ident in users]

    cloud.add_view("certificates", certificate_view)

    def read_service(data: Any, where: str, problems: _Problems, old: Json | None = None) -> Json:
        """A service from a body, merged into ``old`` when updating."""
        if not isinstance(data, dict):
            problems.add(where.rstrip("."), "is not an object")
            return {}
        service: Json = copy.deepcopy(old) if old else {}
        if old is None:
            for key in ("protocol", "listen_port", "destination_port", "proxyprotocol"):
                if key not in data:
                    problems.add(f"{where}{key}", "is missing")
            if "health_check" not in data:
                problems.add(f"{where}health_check", "is missing")
        if "protocol" in data:
            if data["protocol"] not in PROTOCOLS:
                problems.add(f"{where}protocol", f"must be one of {', '.join(PROTOCOLS)}")
            service["protocol"] = data["protocol"]
        for key in ("listen_port", "destination_port"):
            if key in data:
                service[key] = _int(data, key, where, problems, low=1, high=65535)
        if "proxyprotocol" in data:
            if not isinstance(data["proxyprotocol"], bool):
                problems.add(f"{where}proxyprotocol", "is not a boolean")
            service["proxyprotocol"] = data["proxyprotocol"]
        if "health_check" in data:
            service["health_check"] = _health_check(
                data["health_check"], f"{where}health_check.", problems, service.get("health_check")
            )
        http = data.get("http")
        if http is not None and not isinstance(http, dict):
            problems.add(f"{where}http", "is not an object")
            http = None
        protocol = service.get("protocol")
        if protocol == "tcp":
            if http:
                problems.add(f"{where}http", "is only for http and https services")
            service.pop("http", None)
        elif protocol in ("http", "https"):
            merged = {**HTTP_DEFAULTS, **(service.get("http") or {}), **(http or {})}
            bounds = {"cookie_lifetime": (30, 86400), "timeout_idle": (30, 300)}
            for key, (low, high) in bounds.items():
                _int(merged, key, f"{where}http.", problems, low=low, high=high)
            if protocol == "https":
                merged.setdefault("redirect_http", False)
                merged.setdefault("certificates", [])
                certs = cloud.collection("certificates")
                if not merged["certificates"]:
                    problems.add(f"{where}http.certificates", "an https service needs one")
                for cert_id in merged["certificates"]:
                    if cert_id not in certs:
                        problems.add(f"{where}http.certificates", f"{cert_id!r} not found")
            else:
                merged.pop("certificates", None)
                merged.pop("redirect_http", None)
            service["http"] = merged
        return service

    def check_services(lb_type: Json, services: list[Json]) -> None:
        ports = [s["listen_port"] for s in services]
        if len(ports) != len(set(ports)):
            raise ApiError(412, "source_port_already_used", "the listen port is already used")
        if len(services) > lb_type["max_services"]:
            raise ApiError(
                403, "resource_limit_exceeded", f"at most {lb_type['max_services']} services"
            )
        certs = {c for s in services for c in certificates_of(s)}
        if len(certs) > lb_type["max_assigned_certificates"]:
            raise ApiError(403, "resource_limit_exceeded", "too many certificates")

    # -- targets -------------------------------------------------------------------------

    def read_target(data: Any, where: str, problems: _Problems, *, adding: bool) -> Json:
        if not isinstance(data, dict):
            problems.add(where.rstrip("."), "is not an object")
            return {}
        kind = data.get("type")
        if kind not in TARGET_TYPES:
            problems.add(f"{where}type", f"must be one of {', '.join(TARGET_TYPES)}")
            return {}
        part = data.get(kind)
        target: Json = {"type": kind}
        if kind == "server":
            ident = part.get("id") if isinstance(part, dict) else None
            if not isinstance(ident, int) or isinstance(ident, bool):
                problems.add(f"{where}server.id", "is missing")
            elif adding and ident not in cloud.collection("servers"):
                problems.add(f"{where}server.id", f"server {ident} not found")
            target["server"] = {"id": ident}
        elif kind == "label_selector":
            selector = part.get("selector") if isinstance(part, dict) else None
            if not isinstance(selector, str) or not 1 <= len(selector) <= 1000:
                problems.add(f"{where}label_selector.selector", "is missing or too long")
            else:
                try:
                    parse_selector(selector)
                except SelectorError as exc:
                    problems.add(f"{where}label_selector.selector", str(exc))
            target["label_selector"] = {"selector": selector}
        else:
            ip = part.get("ip") if isinstance(part, dict) else None
            try:
                ipaddress.ip_address(str(ip))
            except ValueError:
                problems.add(f"{where}ip.ip", "is not an IP address")
            target["ip"] = {"ip": ip}
        if kind != "ip":
            private = data.get("use_private_ip", False) if adding else False
            if not isinstance(private, bool):
                problems.add(f"{where}use_private_ip", "is not a boolean")
            target["use_private_ip"] = private
        return target

    def same_target(a: Json, b: Json) -> bool:
        kind = a["type"]
        return bool(kind == b["type"] and a[kind] == b[kind])

    def check_target(lb: Json, target: Json, existing: list[Json], lb_type: Json) -> None:
        if any(same_target(target, t) for t in existing):
            raise ApiError(422, "target_already_defined", "the target is already defined")
        if target.get("use_private_ip") and not lb["private_net"]:
            raise ApiError(
                422,
                "load_balancer_not_attached_to_network",
                "use_private_ip needs the Load Balancer to be attached to a network",
            )
        if not target.get("use_private_ip") and not lb["public_net"]["enabled"]:
            raise ApiError(
                422,
                "load_balancer_public_interface_disabled",
                "the Load Balancer's public interface is disabled",
            )
        if len(existing) + 1 > lb_type["max_targets"]:
            raise ApiError(
                403, "resource_limit_exceeded", f"at most {lb_type['max_targets']} targets"
            )

    def server_view(server: Json, shown: Json) -> None:
        shown["load_balancers"] = sorted(
            lb["id"]
            for lb in lbs.values()
            if any(
                t["type"] == "server" and t["server"]["id"] == server["id"] for t in lb["targets"]
            )
        )

    def server_deleted(server: Json) -> None:
        # A deleted server stops being a target, as in the API.
        for lb in lbs.values():
            lb["targets"] = [
                t
                for t in lb["targets"]
                if t["type"] != "server" or t["server"]["id"] != server["id"]
            ]

    cloud.add_view("servers", server_view)
    cloud.on("server_deleted", server_deleted)

    # -- networks ------------------------------------------------------------------------

    def address_in(
        network_id: int, zone: str, ip: str | None = None, ip_range: str | None = None
    ) -> str:
        """An address of the network for a Load Balancer (the API's errors if none fits)."""
        network = cloud.collection("networks")[network_id]
        return allocate_ip(cloud, network, zone, ip=ip, ip_range=ip_range)

    def network_view(network: Json, shown: Json) -> None:
        shown["load_balancers"] = sorted(
            lb["id"]
            for lb in lbs.values()
            if any(entry["network"] == network["id"] for entry in lb["private_net"])
        )

    def network_deleted(network: Json) -> None:
        # Attached resources are detached when their network goes, as in the API.
        for lb in lbs.values():
            lb["private_net"] = [e for e in lb["private_net"] if e["network"] != network["id"]]

    cloud.add_view("networks", network_view)
    cloud.on("network_deleted", network_deleted)

    def read_network(body: Body, name: str = "network", *, required: bool = True) -> int | None:
        ident = body.ident(name, required=required)
        if ident is not None and ident not in cloud.collection("networks"):
            body.error(name, f"network {ident} not found")
        return ident

    # -- routes --------------------------------------------------------------------------

    @cloud.route("GET", "/load_balancers")
    def list_lbs(req: Req) -> Reply:
        return cloud.list_reply(req, "load_balancers", lbs.values(), render=render)

    @cloud.route("POST", "/load_balancers")
    def create_lb(req: Req) -> Reply:
        body = req.body()
        name = body.text("name", required=True)
        type_ref = body.ref("load_balancer_type", required=True)
        location_ref = body.ref("location")
        zone = body.text("network_zone")
        algorithm = body.get("algorithm", "object")
        raw_services = body.get("services", "array") or []
        raw_targets = body.get("targets", "array") or []
        labels = body.labels() or {}
        public_interface = body.flag("public_interface")
        network_id = read_network(body, required=False)
        if (location_ref is None) == (zone is None):
            body.error("location", "give exactly one of location and network_zone")
        if algorithm is not None and algorithm.get("type") not in ALGORITHMS:
            body.error("algorithm", f"type must be one of {', '.join(ALGORITHMS)}")
        body.done()
        assert name is not None
        lb_type = find(cloud, "load_balancer_types", type_ref, "load balancer type",
                       "load_balancer_type")  # fmt: skip
        if location_ref is not None:
            location = find(cloud, "locations", location_ref, "location", "location")
        else:
            zoned = [
                loc for loc in cloud.collection("locations").values()
                if loc["network_zone"] == zone
            ]  # fmt: skip
            if not zoned:
                raise ApiError.invalid({"network_zone": [f"network zone {zone!r} not found"]})
            location = zoned[0]
        problems = _Problems()
        services = [
            read_service(s, f"services[{i}].", problems) for i, s in enumerate(raw_services)
        ]
        targets = [
            read_target(t, f"targets[{i}].", problems, adding=True)
            for i, t in enumerate(raw_targets)
        ]
        problems.raise_any()
        check_services(lb_type, services)
        check_unique_name(cloud, "load_balancers", name, "load balancer")
        ident = cloud.new_id()
        n = cloud.counter("load_balancer")
        ipv4 = f"198.51.100.{n % 250 + 2}"
        enabled = public_interface is not False
        lb: Json = {
            "id": ident,
            "name": name,
            "public_net": {
                "enabled": enabled,
                "ipv4": {"ip": ipv4, "dns_ptr": f"static.{ipv4}.clients.example.com"},
                "ipv6": {"ip": f"2001:db8:1b:{n:x}::1", "dns_ptr": None},
            },
            "private_net": [],
            "location": dict(location),
            "load_balancer_type": copy.deepcopy(lb_type),
            "protection": {"delete": False},
            "labels": labels,
            "created": cloud.now_iso(),
            "services": [],
            "targets": [],
            "algorithm": {"type": (algorithm or {}).get("type", "round_robin")},
            "outgoing_traffic": 0,
            "ingoing_traffic": 0,
            "included_traffic": next(
                (
                    p["included_traffic"]
                    for p in lb_type["prices"]
                    if p["location"] == location["name"]
                ),
                0,
            ),
        }
        if network_id is not None:
            ip = address_in(network_id, location["network_zone"])
            lb["private_net"].append({"network": network_id, "ip": ip})
        checked: list[Json] = []
        for target in targets:
            check_target(lb, target, checked, lb_type)
            checked.append(target)
        lb["services"] = services
        lb["targets"] = targets
        lbs[ident] = lb
        action = cloud.start_action(
            "create_load_balancer", [("load_balancer", ident)], family="load_balancers",
            duration=3.0,
        )  # fmt: skip
        return 201, {"load_balancer": render(lb), "action": dict(action)}

    @cloud.route("GET", "/load_balancers/{id}")
    def get_lb(req: Req, id: int) -> Reply:
        return {"load_balancer": render(get(id))}

    @cloud.route("PUT", "/load_balancers/{id}")
    def update_lb(req: Req, id: int) -> Reply:
        lb = get(id)
        fields = {"name": "string", "labels": "object"}
        apply_update(cloud, req, lb, "load_balancers", "load balancer", fields)
        return {"load_balancer": render(lb)}

    @cloud.route("DELETE", "/load_balancers/{id}")
    def delete_lb(req: Req, id: int) -> Reply:
        lb = get(id)
        check_deletable(cloud, lb, "load_balancer", f"load balancer {id}")
        del lbs[id]
        return 204, None

    @cloud.route("GET", "/load_balancers/{id}/metrics")
    def metrics(req: Req, id: int) -> Reply:
        get(id)
        kinds = [k for value in req.args("type") for k in value.split(",")]
        problems: dict[str, list[str]] = {}
        if not kinds:
            problems["type"] = ["is missing"]
        elif any(k not in METRIC_SERIES for k in kinds):
            problems["type"] = [f"must be one of {', '.join(METRIC_SERIES)}"]
        times: list[float] = []
        start, end = req.arg("start"), req.arg("end")
        for name, value in (("start", start), ("end", end)):
            try:
                times.append(datetime.fromisoformat(str(value).replace("Z", "+00:00")).timestamp())
            except ValueError:
                problems[name] = ["is not a timestamp"]
        if problems:
            raise ApiError.invalid(problems)
        begin, finish = times
        if finish < begin:
            raise ApiError.invalid({"end": ["is before start"]})
        step_arg = req.arg("step")
        step = float(step_arg) if step_arg else max(1.0, math.ceil((finish - begin) / 100))
        count = min(int((finish - begin) // step) + 1, 500)
        series: Json = {}
        for kind in kinds:
            for index, name in enumerate(METRIC_SERIES[kind]):
                series[name] = {
                    "values": [
                        [begin + i * step, f"{(math.cos(i / 7 + index) + 1.5) * 40:.3f}"]
                        for i in range(count)
                    ]
                }
        return {"metrics": {"start": start, "end": end, "step": step, "time_series": series}}

    # -- service actions -----------------------------------------------------------------

    def find_service(lb: Json, port: Any) -> int:
        for index, service in enumerate(lb["services"]):
            if service["listen_port"] == port:
                return index
        raise ApiError.not_found("load balancer service")

    @cloud.route("POST", "/load_balancers/{id}/actions/add_service")
    def add_service(req: Req, id: int) -> Reply:
        lb = get(id)
        problems = _Problems()
        service = read_service(req.json(), "", problems)
        problems.raise_any()
        services = [*lb["services"], service]
        check_services(lb_type_of(lb), services)

        def apply() -> None:
            lb["services"].append(service)

        return act("add_service", lb, apply)

    @cloud.route("POST", "/load_balancers/{id}/actions/update_service")
    def update_service(req: Req, id: int) -> Reply:
        lb = get(id)
        data = req.json()
        port = data.get("listen_port") if isinstance(data, dict) else None
        if not isinstance(port, int):
            raise ApiError.invalid({"listen_port": ["is missing"]})
        index = find_service(lb, port)
        problems = _Problems()
        service = read_service(data, "", problems, lb["services"][index])
        problems.raise_any()
        services = list(lb["services"])
        services[index] = service
        check_services(lb_type_of(lb), services)

        def apply() -> None:
            lb["services"][index] = service

        return act("update_service", lb, apply)

    @cloud.route("POST", "/load_balancers/{id}/actions/delete_service")
    def delete_service(req: Req, id: int) -> Reply:
        lb = get(id)
        body = req.body()
        port = body.ident("listen_port", required=True)
        body.done()
        index = find_service(lb, port)

        def apply() -> None:
            del lb["services"][index]

        return act("delete_service", lb, apply)

    # -- target actions ------------------------------------------------------------------

    @cloud.route("POST", "/load_balancers/{id}/actions/add_target")
    def add_target(req: Req, id: int) -> Reply:
        lb = get(id)
        problems = _Problems()
        target = read_target(req.json(), "", problems, adding=True)
        problems.raise_any()
        check_target(lb, target, lb["targets"], lb_type_of(lb))

        def apply() -> None:
            lb["targets"].append(target)

        extra = [("server", target["server"]["id"])] if target["type"] == "server" else []
        return act("add_target", lb, apply, extra=extra)

    @cloud.route("POST", "/load_balancers/{id}/actions/remove_target")
    def remove_target(req: Req, id: int) -> Reply:
        lb = get(id)
        problems = _Problems()
        target = read_target(req.json(), "", problems, adding=False)
        problems.raise_any()
        kept = [t for t in lb["targets"] if not same_target(target, t)]
        if len(kept) == len(lb["targets"]):
            raise ApiError.not_found("load balancer target")

        def apply() -> None:
            lb["targets"] = kept

        return act("remove_target", lb, apply)

    # -- other actions -------------------------------------------------------------------

    @cloud.route("POST", "/load_balancers/{id}/actions/change_algorithm")
    def change_algorithm(req: Req, id: int) -> Reply:
        lb = get(id)
        body = req.body()
        kind = body.choice("type", ALGORITHMS, required=True)
        body.done()
        return act("change_algorithm", lb, lambda: lb.update(algorithm={"type": kind}))

    @cloud.route("POST", "/load_balancers/{id}/actions/change_type")
    def change_type(req: Req, id: int) -> Reply:
        lb = get(id)
        body = req.body()
        ref = body.ref("load_balancer_type", required=True)
        body.done()
        new_type = find(cloud, "load_balancer_types", ref, "load balancer type",
                        "load_balancer_type")  # fmt: skip
        if new_type["id"] == lb["load_balancer_type"]["id"]:
            raise ApiError.invalid({"load_balancer_type": ["is the current type"]})
        check_services(new_type, lb["services"])
        if len(lb["targets"]) > new_type["max_targets"]:
            raise ApiError(403, "resource_limit_exceeded", "too many targets for that type")

        def apply() -> None:
            lb["load_balancer_type"] = copy.deepcopy(new_type)

        return act("change_load_balancer_type", lb, apply, duration=3.0)

    @cloud.route("POST", "/load_balancers/{id}/actions/attach_to_network")
    def attach_to_network(req: Req, id: int) -> Reply:
        lb = get(id)
        body = req.body()
        network_id = read_network(body)
        ip = body.text("ip")
        ip_range = body.text("ip_range")
        body.done()
        assert network_id is not None
        if any(net["network"] == network_id for net in lb["private_net"]):
            raise ApiError(422, "load_balancer_already_attached", "already attached")
        zone = lb["location"]["network_zone"]
        entry = {"network": network_id, "ip": address_in(network_id, zone, ip, ip_range)}
        effect = lambda: lb["private_net"].append(entry)  # noqa: E731
        return act("attach_to_network", lb, effect, duration=2.0, extra=[("network", network_id)])

    @cloud.route("POST", "/load_balancers/{id}/actions/detach_from_network")
    def detach_from_network(req: Req, id: int) -> Reply:
        lb = get(id)
        body = req.body()
        network_id = body.ident("network", required=True)
        body.done()
        if not any(net["network"] == network_id for net in lb["private_net"]):
            raise ApiError.invalid({"network": ["the Load Balancer is not attached to it"]})
        if any(t.get("use_private_ip") for t in lb["targets"]) and len(lb["private_net"]) == 1:
            raise ApiError(422, "load_balancer_in_use", "targets use the private network")

        def apply() -> None:
            lb["private_net"] = [n for n in lb["private_net"] if n["network"] != network_id]

        assert network_id is not None
        return act("detach_from_network", lb, apply, duration=2.0, extra=[("network", network_id)])

    def public_interface(enabled: bool) -> Callable[[Req, int], Reply]:
        def handler(req: Req, id: int) -> Reply:
            lb = get(id)
            req.json()
            if not enabled and not lb["private_net"]:
                raise ApiError(
                    422,
                    "load_balancer_not_attached_to_network",
                    "a Load Balancer without a private network needs its public interface",
                )
            command = f"{'enable' if enabled else 'disable'}_public_interface"
            return act(command, lb, lambda: lb["public_net"].update(enabled=enabled))

        return handler

    cloud.route("POST", "/load_balancers/{id}/actions/enable_public_interface")(
        public_interface(True)
    )
    cloud.route("POST", "/load_balancers/{id}/actions/disable_public_interface")(
        public_interface(False)
    )

    @cloud.route("POST", "/load_balancers/{id}/actions/change_dns_ptr")
    def change_dns_ptr(req: Req, id: int) -> Reply:
        lb = get(id)
        body = req.body()
        ip = body.text("ip", required=True)
        ptr = body.text("dns_ptr", nullable=True)
        body.done()
        family = next(
            (f for f in ("ipv4", "ipv6") if lb["public_net"][f]["ip"] == ip), None
        )  # fmt: skip
        if family is None:
            raise ApiError.invalid({"ip": ["is not a public address of this Load Balancer"]})
        if ptr is None and family == "ipv4":
            ptr = f"static.{ip}.clients.example.com"
        return act("change_dns_ptr", lb, lambda: lb["public_net"][family].update(dns_ptr=ptr))

    @cloud.route("POST", "/load_balancers/{id}/actions/change_protection")
    def protect(req: Req, id: int) -> Reply:
        lb = get(id)
        change_protection(cloud, req, lb, ("delete",))
        return act("change_protection", lb, None)

    register_action_routes(cloud, "load_balancers", "load_balancer", "load balancer")
