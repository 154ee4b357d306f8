"""Floating IPs: create/get/list/update/delete, assign, unassign, DNS PTR, protection."""

from __future__ import annotations

from .._core import (
    ApiError,
    FakeCloud,
    Json,
    Reply,
    Req,
    check_unique_name,
    find,
    get_or_404,
    public,
)
from ._shared import apply_update, change_protection, check_deletable, register_action_routes

ORDER = 45


def register(cloud: FakeCloud) -> None:
    """Serve the Floating IP routes."""
    fips = cloud.collection("floating_ips")

    def get(ident: int) -> Json:
        return get_or_404(cloud, "floating_ips", ident, "floating IP")

    def server_deleted(server: Json) -> None:
        # A deleted server's Floating IPs stay, unassigned.
        for fip in fips.values():
            if fip.get("server") == server["id"]:
                fip["server"] = None

    cloud.on("server_deleted", server_deleted)

    def address(kind: str) -> str:
        n = cloud.counter("floating_ip")
        if kind == "ipv4":
            return f"198.18.{n // 250 % 256}.{n % 250 + 2}"
        return f"2001:db8:f00:{n:x}::/64"

    def server_of(ref: object, field_name: str) -> Json:
        server = cloud.collection("servers").get(ref) if isinstance(ref, int) else None
        if server is None:
            raise ApiError.invalid({field_name: [f"server {ref!r} not found"]})
        return server

    def link(fip: Json, server_id: int | None) -> None:
        for server in cloud.collection("servers").values():
            listed = server["public_net"]["floating_ips"]
            if fip["id"] in listed and server["id"] != server_id:
                listed.remove(fip["id"])
            if server["id"] == server_id and fip["id"] not in listed:
                listed.append(fip["id"])
        fip["server"] = server_id

    def assign_action(fip: Json, server: Json) -> Json:
        def assigned() -> None:
            link(fip, server["id"])

        return cloud.start_action(
            "assign_floating_ip",
            [("floating_ip", fip["id"]), ("server", server["id"])],
            family="floating_ips",
            duration=2.0,
            on_success=assigned,
        )

    @cloud.route("GET", "/floating_ips")
    def list_fips(req: Req) -> Reply:
        return cloud.list_reply(req, "floating_ips", fips.values(), sort=("id", "created"))

    @cloud.route("POST", "/floating_ips")
    def create_fip(req: Req) -> Reply:
        body = req.body()
        kind = body.choice("type", ("ipv4", "ipv6"), required=True)
        server_ref = body.ident("server", nullable=True)
        home_ref = body.ref("home_location", nullable=True)
        description = body.text("description", nullable=True)
        name = body.text("name")
        labels = body.labels() or {}
        if server_ref is None and home_ref is None and "type" not in body.errors:
            body.error("home_location", "is required when no server is given")
        body.done()
        assert kind is not None
        server = server_of(server_ref, "server") if server_ref is not None else None
        if home_ref is not None:
            home = find(cloud, "locations", home_ref, "location", "home_location")
        else:
            assert server is not None
            home = server["location"]
        ident = cloud.new_id()
        name = name if name is not None else str(ident)
        check_unique_name(cloud, "floating_ips", name, "floating IP")
        ip = address(kind)
        fip: Json = {
            "id": ident,
            "name": name,
            "description": description,
            "ip": ip,
            "type": kind,
            "server": None,
            "dns_ptr": [{"ip": ip, "dns_ptr": f"static.{ident}.example.com"}]
            if kind == "ipv4"
            else [],
            "home_location": dict(home),
            "blocked": False,
            "protection": {"delete": False},
            "labels": labels,
            "created": cloud.now_iso(),
        }
        fips[ident] = fip
        action = assign_action(fip, server) if server is not None else None
        return 201, {
            "floating_ip": public(fip),
            "action": None if action is None else public(action),
        }

    @cloud.route("GET", "/floating_ips/{id}")
    def get_fip(req: Req, id: int) -> Reply:
        return {"floating_ip": public(get(id))}

    @cloud.route("PUT", "/floating_ips/{id}")
    def update_fip(req: Req, id: int) -> Reply:
        fip = get(id)
        fields = {"name": "string", "description": "string?", "labels": "object"}
        apply_update(cloud, req, fip, "floating_ips", "floating IP", fields)
        return {"floating_ip": public(fip)}

    @cloud.route("DELETE", "/floating_ips/{id}")
    def delete_fip(req: Req, id: int) -> Reply:
        fip = get(id)
        check_deletable(cloud, fip, "floating_ip", f"floating IP {id}")
        link(fip, None)
        del fips[id]
        return 204, None

    @cloud.route("POST", "/floating_ips/{id}/actions/assign")
    def assign(req: Req, id: int) -> Reply:
        fip = get(id)
        body = req.body()
        server_ref = body.ident("server", required=True)
        body.done()
        server = server_of(server_ref, "server")
        if server["location"]["network_zone"] != fip["home_location"]["network_zone"]:
            raise ApiError.invalid({"server": ["is in another network zone"]})
        cloud.check_unlocked("floating_ip", id)
        return 201, {"action": public(assign_action(fip, server))}

    @cloud.route("POST", "/floating_ips/{id}/actions/unassign")
    def unassign(req: Req, id: int) -> Reply:
        fip = get(id)
        req.json()
        cloud.check_unlocked("floating_ip", id)
        resources = [("floating_ip", id)]
        if fip["server"] is not None:
            resources.append(("server", fip["server"]))
        action = cloud.start_action(
            "unassign_floating_ip",
            resources,
            family="floating_ips",
            duration=2.0,
            on_success=lambda: link(fip, None),
        )
        return 201, {"action": public(action)}

    @cloud.route("POST", "/floating_ips/{id}/actions/change_dns_ptr")
    def change_dns_ptr(req: Req, id: int) -> Reply:
        fip = get(id)
        body = req.body()
        ip = body.text("ip", required=True)
        ptr = body.text("dns_ptr", required=True, nullable=True)
        body.done()
        assert ip is not None
        if fip["type"] == "ipv4" and ip != fip["ip"]:
            raise ApiError.invalid({"ip": ["is not the address of this floating IP"]})
        if fip["type"] == "ipv6" and not ip.startswith(fip["ip"].split("::")[0] + ":"):
            raise ApiError.invalid({"ip": ["is not in the network of this floating IP"]})
        cloud.check_unlocked("floating_ip", id)

        def apply() -> None:
            entries = [e for e in fip["dns_ptr"] if e["ip"] != ip]
            if ptr is not None:
                entries.append({"ip": ip, "dns_ptr": ptr})
            fip["dns_ptr"] = entries

        action = cloud.start_action(
            "change_dns_ptr", [("floating_ip", id)], family="floating_ips", duration=1.0,
            on_success=apply,
        )  # fmt: skip
        return 201, {"action": public(action)}

    @cloud.route("POST", "/floating_ips/{id}/actions/change_protection")
    def protect(req: Req, id: int) -> Reply:
        fip = get(id)
        change_protection(cloud, req, fip, ("delete",))
        action = cloud.instant_action(
            "change_protection", [("floating_ip", id)], family="floating_ips"
        )
        return 201, {"action": public(action)}

    register_action_routes(cloud, "floating_ips", "floating_ip", "floating IP")
