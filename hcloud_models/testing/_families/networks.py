"""Networks: create/get/list/update/delete, subnets, routes, IP range, protection.

Servers attach through their own actions (``attach_to_network``) or at
creation (``networks`` in ``POST /servers``: this family attaches them with the
next free IP of the network's subnet in the server's network zone).  It
detaches servers when a network is deleted (and emits ``network_deleted`` for
the other families) and drops a server from its networks when the server is
deleted.  Other families take addresses with :func:`allocate_ip`; the Load
Balancers family fills a network's ``load_balancers`` (a view).
"""

from __future__ import annotations

import ipaddress
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
from ._shared import apply_update, change_protection, check_deletable, register_action_routes

ORDER = 50

SUBNET_TYPES = ("cloud", "server", "vswitch")
PUBLIC_GATEWAY = ipaddress.IPv4Address("172.31.1.1")
PRIVATE = tuple(
    ipaddress.IPv4Network(block) for block in ("10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16")
)

Net = ipaddress.IPv4Network


def _cidr(body: Body, name: str, value: Any) -> Net | None:
    try:
        return ipaddress.IPv4Network(value, strict=True)
    except (ValueError, TypeError):
        body.error(name, "is not an IPv4 range in CIDR notation")
        return None


def _network_range(body: Body, name: str, value: Any) -> Net | None:
    net = _cidr(body, name, value)
    if net is None:
        return None
    if not any(net.subnet_of(block) for block in PRIVATE):
        body.error(name, "must be a private range (RFC 1918)")
        return None
    if net.prefixlen > 24:
        body.error(name, "must be /24 or larger")
        return None
    return net


def subnet_for(network: Json, zone: str) -> Json | None:
    """The first subnet of ``network`` that servers in ``zone`` take addresses from."""
    subnets: list[Json] = network["subnets"]
    for subnet in subnets:
        if subnet["type"] in ("cloud", "server") and subnet["network_zone"] == zone:
            return subnet
    return None


def used_ips(cloud: FakeCloud, network: Json) -> set[str]:
    """Addresses of ``network`` taken by its gateway, servers (with aliases) and Load Balancers."""
    used: set[str] = {str(Net(network["ip_range"]).network_address + 1)}
    for server in cloud.collection("servers").values():
        for entry in server["private_net"]:
            if entry["network"] == network["id"]:
                used.add(entry["ip"])
                used.update(entry.get("alias_ips") or [])
    for lb in cloud.collection("load_balancers").values():
        for entry in lb.get("private_net") or []:
            if entry.get("network") == network["id"] and entry.get("ip"):
                used.add(entry["ip"])
    return used


def free_ip(cloud: FakeCloud, network: Json, zone: str) -> str:
    """The next free address for a server in ``zone`` (422 ``no_subnet_available`` if none)."""
    return allocate_ip(cloud, network, zone)


def allocate_ip(
    cloud: FakeCloud,
    network: Json,
    zone: str,
    *,
    ip: str | None = None,
    ip_range: str | None = None,
) -> str:
    """An address of ``network`` for a resource in ``zone``: ``ip``, or the next free one.

    The address comes from the subnet ``ip_range`` names (one of the
    network's, in ``zone``), else from the first subnet of ``zone``.

    Raises:
        ApiError: 422 ``no_subnet_available`` if there is no such subnet or it
            has no free address; 422 ``ip_not_available`` if ``ip`` lies
            outside the subnet or is taken.
    """
    no_subnet = ApiError(
        422,
        "no_subnet_available",
        f"network {network['id']} has no subnet or free IP in network zone {zone}",
    )
    if ip_range is None:
        subnet = subnet_for(network, zone)
    else:
        subnets: list[Json] = network["subnets"]
        subnet = next(
            (
                s
                for s in subnets
                if s.get("ip_range") == ip_range
                and s["type"] in ("cloud", "server")
                and s["network_zone"] == zone
            ),
            None,
        )
    if subnet is None:
        raise no_subnet
    hosts = Net(subnet["ip_range"])
    used = used_ips(cloud, network)
    if ip is not None:
        try:
            address = ipaddress.IPv4Address(ip)
        except ValueError:
            raise ApiError.invalid({"ip": ["is not an IPv4 address"]}) from None
        edges = (hosts.network_address, hosts.broadcast_address)
        if address not in hosts or address in edges or str(address) in used:
            raise ApiError(422, "ip_not_available", f"{ip} is not a free address of subnet {hosts}")
        return str(address)
    for host in hosts.hosts():
        if str(host) not in used:
            return str(host)
    raise no_subnet


def register(cloud: FakeCloud) -> None:
    """Serve the network routes."""
    networks = cloud.collection("networks")
    servers = cloud.collection("servers")

    def get(ident: int) -> Json:
        return get_or_404(cloud, "networks", ident, "network")

    def shown(network: Json) -> Json:
        return cloud.view("networks", network)

    def server_deleted(server: Json) -> None:
        for network in networks.values():
            if server["id"] in network["servers"]:
                network["servers"].remove(server["id"])

    def create_check(body: Body, location: Json | None) -> None:
        refs = body.get("networks", "array") or []
        for ref in refs:
            network = networks.get(ref) if isinstance(ref, int) else None
            if network is None:
                body.error("networks", f"network {ref!r} not found")
            elif location is not None:
                free_ip(cloud, network, location["network_zone"])
        idents = [ref for ref in refs if isinstance(ref, int)]
        if len(set(idents)) != len(idents):
            body.error("networks", "names a network twice")

    def server_created(server: Json, body: Body, next_actions: list[Json]) -> None:
        for ref in body.data.get("networks") or []:
            network = networks[ref]
            count = len(server["private_net"]) + 2
            server["private_net"].append(
                {
                    "network": ref,
                    "ip": free_ip(cloud, network, server["location"]["network_zone"]),
                    "alias_ips": [],
                    "mac_address": f"86:00:00:{server['id'] % 256:02x}:{count:02x}:01",
                }
            )
            network["servers"].append(server["id"])

    cloud.on("server_create_check", create_check)
    cloud.on("server_created", server_created)
    cloud.on("server_deleted", server_deleted)

    def subnet_of(body: Body, network_range: Net, taken: list[Net]) -> Json | None:
        """Read one subnet object (of a create body or an add_subnet body)."""
        kind = body.choice("type", SUBNET_TYPES, required=True)
        zone = body.text("network_zone", required=True)
        vswitch = body.ident("vswitch_id")
        raw_range = body.text("ip_range")
        if kind == "vswitch" and vswitch is None and "vswitch_id" not in body.errors:
            body.error("vswitch_id", "is required for subnets of type vswitch")
        if kind is not None and kind != "vswitch" and vswitch is not None:
            body.error("vswitch_id", "is only allowed for subnets of type vswitch")
        if zone is not None and not any(
            loc["network_zone"] == zone for loc in cloud.collection("locations").values()
        ):
            body.error("network_zone", f"unknown network zone {zone!r}")
        net: Net | None = None
        if raw_range is not None:
            net = _cidr(body, "ip_range", raw_range)
            if net is not None and net.prefixlen > 30:
                body.error("ip_range", "must be /30 or larger")
            elif net is not None and not net.subnet_of(network_range):
                body.error("ip_range", "must lie inside the network's ip_range")
            elif net is not None and any(net.overlaps(other) for other in taken):
                body.error("ip_range", "overlaps another subnet or route")
        else:
            free = (
                candidate
                for candidate in network_range.subnets(new_prefix=24)
                if not any(candidate.overlaps(other) for other in taken)
            )
            net = next(free, None)
            if net is None:
                raise ApiError(422, "service_error", "no free /24 is left in the network")
        if body.errors:
            return None
        assert net is not None
        return {
            "type": kind,
            "ip_range": str(net),
            "network_zone": zone,
            "gateway": str(network_range.network_address + 1),
            "vswitch_id": vswitch,
        }

    def route_of(body: Body, network_range: Net, taken: list[Net]) -> Json | None:
        destination = body.text("destination", required=True)
        gateway = body.text("gateway", required=True)
        dest = _cidr(body, "destination", destination) if destination is not None else None
        if dest is not None:
            if dest.prefixlen != 0 and not any(dest.subnet_of(b) for b in PRIVATE):
                body.error("destination", "must be a private range or 0.0.0.0/0")
            elif dest.prefixlen != 0 and PUBLIC_GATEWAY in dest:
                body.error("destination", "must not contain 172.31.1.1")
            elif any(dest.overlaps(other) if dest.prefixlen else dest == other for other in taken):
                body.error("destination", "overlaps a subnet or another route")
        if gateway is not None:
            try:
                address = ipaddress.IPv4Address(gateway)
            except ValueError:
                body.error("gateway", "is not an IPv4 address")
            else:
                if address not in network_range:
                    body.error("gateway", "must lie inside the network's ip_range")
                elif address in (network_range.network_address + 1, PUBLIC_GATEWAY):
                    body.error("gateway", "cannot be the network's gateway or 172.31.1.1")
        if body.errors:
            return None
        return {"destination": str(dest), "gateway": gateway}

    def taken_by(network: Json) -> list[Net]:
        ranges = [Net(s["ip_range"]) for s in network["subnets"] if s.get("ip_range")]
        return ranges + [Net(r["destination"]) for r in network["routes"]]

    def run(network: Json, command: str, effect: Any) -> Reply:
        cloud.check_unlocked("network", network["id"])
        action = cloud.start_action(
            command,
            [("network", network["id"])],
            family="networks",
            duration=1.0,
            on_success=effect,
        )
        return 201, {"action": public(action)}

    @cloud.route("GET", "/networks")
    def list_networks(req: Req) -> Reply:
        return cloud.list_reply(
            req, "networks", networks.values(), sort=("id", "name", "created"), render=shown
        )

    @cloud.route("POST", "/networks")
    def create_network(req: Req) -> Reply:
        body = req.body()
        name = body.text("name", required=True)
        raw_range = body.text("ip_range", required=True)
        labels = body.labels() or {}
        expose = body.flag("expose_routes_to_vswitch")
        raw_subnets = body.get("subnets", "array") or []
        raw_routes = body.get("routes", "array") or []
        if name is not None and not 1 <= len(name) <= 128:
            body.error("name", "must be 1 to 128 characters")
        net = _network_range(body, "ip_range", raw_range) if raw_range is not None else None
        body.done()
        assert name is not None
        assert net is not None
        taken: list[Net] = []
        subnets: list[Json] = []
        for index, raw in enumerate(raw_subnets):
            part = Body(raw)
            subnet = subnet_of(part, net, taken)
            if subnet is None:
                raise ApiError.invalid({f"subnets[{index}].{k}": v for k, v in part.errors.items()})
            subnets.append(subnet)
            taken.append(Net(subnet["ip_range"]))
        routes: list[Json] = []
        for index, raw in enumerate(raw_routes):
            part = Body(raw)
            route = route_of(part, net, taken)
            if route is None:
                raise ApiError.invalid({f"routes[{index}].{k}": v for k, v in part.errors.items()})
            routes.append(route)
            taken.append(Net(route["destination"]))
        check_unique_name(cloud, "networks", name, "network")
        ident = cloud.new_id()
        network: Json = {
            "id": ident,
            "name": name,
            "ip_range": str(net),
            "subnets": subnets,
            "routes": routes,
            "servers": [],
            "load_balancers": [],
            "protection": {"delete": False},
            "labels": labels,
            "created": cloud.now_iso(),
            "expose_routes_to_vswitch": bool(expose),
        }
        networks[ident] = network
        return 201, {"network": shown(network)}

    @cloud.route("GET", "/networks/{id}")
    def get_network(req: Req, id: int) -> Reply:
        return {"network": shown(get(id))}

    @cloud.route("PUT", "/networks/{id}")
    def update_network(req: Req, id: int) -> Reply:
        network = get(id)

        def name_length(body: Body) -> None:
            name = body.data.get("name")
            if isinstance(name, str) and not 1 <= len(name) <= 128:
                body.error("name", "must be 1 to 128 characters")

        fields = {"name": "string", "labels": "object", "expose_routes_to_vswitch": "boolean"}
        apply_update(cloud, req, network, "networks", "network", fields, check=name_length)
        return {"network": shown(network)}

    @cloud.route("DELETE", "/networks/{id}")
    def delete_network(req: Req, id: int) -> Reply:
        network = get(id)
        check_deletable(cloud, network, "network", f"network {id}")
        for server in servers.values():
            server["private_net"] = [e for e in server["private_net"] if e["network"] != id]
        del networks[id]
        cloud.emit("network_deleted", network=network)
        return 204, None

    @cloud.route("POST", "/networks/{id}/actions/add_subnet")
    def add_subnet(req: Req, id: int) -> Reply:
        network = get(id)
        body = req.body()
        subnet = subnet_of(body, Net(network["ip_range"]), taken_by(network))
        body.done()
        assert subnet is not None
        if subnet["type"] == "vswitch" and any(s["type"] == "vswitch" for s in network["subnets"]):
            raise ApiError(422, "service_error", "the network already has a vSwitch subnet")
        return run(network, "add_subnet", lambda: network["subnets"].append(subnet))

    @cloud.route("POST", "/networks/{id}/actions/delete_subnet")
    def delete_subnet(req: Req, id: int) -> Reply:
        network = get(id)
        body = req.body()
        raw = body.text("ip_range", required=True)
        body.done()
        found = [s for s in network["subnets"] if s.get("ip_range") == raw]
        if not found:
            raise ApiError.invalid({"ip_range": ["no subnet of the network has this range"]})
        subnet = found[0]
        net = Net(subnet["ip_range"])
        for server in servers.values():
            for entry in server["private_net"]:
                address = entry.get("ip")
                if entry["network"] == id and address and ipaddress.IPv4Address(address) in net:
                    raise ApiError(
                        422, "service_error", f"server {server['id']} is attached to the subnet"
                    )
        return run(network, "delete_subnet", lambda: network["subnets"].remove(subnet))

    @cloud.route("POST", "/networks/{id}/actions/add_route")
    def add_route(req: Req, id: int) -> Reply:
        network = get(id)
        body = req.body()
        route = route_of(body, Net(network["ip_range"]), taken_by(network))
        body.done()
        assert route is not None
        return run(network, "add_route", lambda: network["routes"].append(route))

    @cloud.route("POST", "/networks/{id}/actions/delete_route")
    def delete_route(req: Req, id: int) -> Reply:
        network = get(id)
        body = req.body()
        destination = body.text("destination", required=True)
        gateway = body.text("gateway", required=True)
        body.done()
        route = {"destination": destination, "gateway": gateway}
        if route not in network["routes"]:
            raise ApiError.invalid({"destination": ["the network has no such route"]})
        return run(network, "delete_route", lambda: network["routes"].remove(route))

    @cloud.route("POST", "/networks/{id}/actions/change_ip_range")
    def change_ip_range(req: Req, id: int) -> Reply:
        network = get(id)
        body = req.body()
        raw = body.text("ip_range", required=True)
        new = _network_range(body, "ip_range", raw) if raw is not None else None
        body.done()
        assert new is not None
        old = Net(network["ip_range"])
        if new.network_address != old.network_address or new.prefixlen > old.prefixlen:
            raise ApiError.invalid(
                {"ip_range": ["can only be widened: same first address, shorter netmask"]}
            )

        def widened() -> None:
            network["ip_range"] = str(new)

        return run(network, "change_ip_range", widened)

    @cloud.route("POST", "/networks/{id}/actions/change_protection")
    def protect(req: Req, id: int) -> Reply:
        network = get(id)
        change_protection(cloud, req, network, ("delete",))
        action = cloud.instant_action("change_protection", [("network", id)], family="networks")
        return 201, {"action": public(action)}

    register_action_routes(cloud, "networks", "network", "network")
