"""Primary IPs: create/get/list/update/delete, assign, unassign, DNS PTR, protection.

The public addresses of servers are Primary IPs: each address a server got at
creation shows up here (with ``auto_delete``), and assigning or unassigning a
Primary IP changes the server's ``public_net``.
"""

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
from ._shared import apply_update, change_protection, register_action_routes
from .servers import ipv4, ipv6_net

ORDER = 50

KINDS = ("ipv4", "ipv6")


def register(cloud: FakeCloud) -> None:
    """Serve the Primary IP routes and their assign/unassign state machine."""
    ips = cloud.collection("primary_ips")
    servers = cloud.collection("servers")

    def sync() -> None:
        # Addresses that servers got at creation become Primary IPs; those of
        # deleted servers are deleted (auto_delete) or left unassigned.
        for server in servers.values():
            for kind in KINDS:
                address = server["public_net"].get(kind)
                if address is None or address.get("id") is None or address["id"] in ips:
                    continue
                ident = address["id"]
                ptr = address["dns_ptr"]
                ips[ident] = {
                    "id": ident,
                    "name": f"primary_ip-{ident}",
                    "labels": {},
                    "created": server["created"],
                    "blocked": False,
                    "location": dict(server["location"]),
                    "ip": address["ip"],
                    "dns_ptr": [{"ip": address["ip"], "dns_ptr": ptr}]
                    if isinstance(ptr, str)
                    else list(ptr or []),
                    "protection": {"delete": False},
                    "type": kind,
                    "auto_delete": True,
                    "assignee_type": "server",
                    "assignee_id": server["id"],
                }
        for ident, ip in list(ips.items()):
            if ip["assignee_id"] is not None and ip["assignee_id"] not in servers:
                if ip["auto_delete"]:
                    del ips[ident]
                else:
                    ip["assignee_id"] = None

    def get(ident: int) -> Json:
        sync()
        return get_or_404(cloud, "primary_ips", ident, "primary IP")

    def server_of(ident: int, field_name: str) -> Json:
        server = servers.get(ident)
        if server is None:
            raise ApiError.invalid({field_name: [f"server {ident} not found"]})
        return server

    def check_assignable(ip: Json, server: Json) -> None:
        if server["status"] != "off":
            raise ApiError(422, "server_not_stopped", "the server must be powered off")
        if server["public_net"].get(ip["type"]) is not None:
            raise ApiError(
                422, f"server_has_{ip['type']}", f"the server already has an {ip['type']} address"
            )
        if server["location"]["id"] != ip["location"]["id"]:
            raise ApiError.invalid({"assignee_id": ["is in another location"]})

    def address_of(ip: Json) -> Json:
        if ip["type"] == "ipv4":
            ptr = next((e["dns_ptr"] for e in ip["dns_ptr"] if e["ip"] == ip["ip"]), "")
            return {"id": ip["id"], "ip": ip["ip"], "blocked": ip["blocked"], "dns_ptr": ptr}
        return {"id": ip["id"], "ip": ip["ip"], "blocked": ip["blocked"], "dns_ptr": ip["dns_ptr"]}

    def link(ip: Json, server_id: int | None) -> None:
        old = servers.get(ip["assignee_id"]) if ip["assignee_id"] is not None else None
        if old is not None and (old["public_net"].get(ip["type"]) or {}).get("id") == ip["id"]:
            old["public_net"][ip["type"]] = None
        ip["assignee_id"] = server_id
        if server_id is not None and server_id in servers:
            servers[server_id]["public_net"][ip["type"]] = address_of(ip)

    def assign_action(ip: Json, server: Json) -> Json:
        cloud.check_unlocked("server", server["id"])
        return cloud.start_action(
            "assign_primary_ip",
            [("primary_ip", ip["id"]), ("server", server["id"])],
            family="primary_ips",
            duration=1.0,
            on_success=lambda: link(ip, server["id"]),
            locks=[("primary_ip", ip["id"]), ("server", server["id"])],
        )

    @cloud.route("GET", "/primary_ips")
    def list_ips(req: Req) -> Reply:
        sync()
        return cloud.list_reply(
            req,
            "primary_ips",
            ips.values(),
            sort=("id", "created"),
            filters={"ip": lambda ip, values: ip["ip"] in values},
        )

    @cloud.route("POST", "/primary_ips")
    def create_ip(req: Req) -> Reply:
        sync()
        body = req.body()
        name = body.text("name", required=True)
        kind = body.choice("type", KINDS, required=True)
        labels = body.labels() or {}
        location_ref = body.ref("location")
        assignee_type = body.choice("assignee_type", ("server",))
        assignee_id = body.ident("assignee_id", nullable=True)
        auto_delete = body.flag("auto_delete")
        if location_ref is not None and assignee_id is not None:
            body.error("location", "cannot be combined with assignee_id")
        if location_ref is None and assignee_id is None and "location" not in body.errors:
            body.error("location", "is required when no assignee_id is given")
        if assignee_id is not None and assignee_type is None and "assignee_type" not in body.errors:
            body.error("assignee_type", "is required with assignee_id")
        body.done()
        assert name is not None
        assert kind is not None
        server = server_of(assignee_id, "assignee_id") if assignee_id is not None else None
        if location_ref is not None:
            location = find(cloud, "locations", location_ref, "location", "location")
        else:
            assert server is not None
            location = server["location"]
        check_unique_name(cloud, "primary_ips", name, "primary IP")
        ident = cloud.new_id()
        address = ipv4(cloud) if kind == "ipv4" else ipv6_net(cloud)
        ip: Json = {
            "id": ident,
            "name": name,
            "labels": labels,
            "created": cloud.now_iso(),
            "blocked": False,
            "location": dict(location),
            "ip": address,
            "dns_ptr": [{"ip": address, "dns_ptr": f"static.{ident}.example.com"}]
            if kind == "ipv4"
            else [],
            "protection": {"delete": False},
            "type": kind,
            "auto_delete": bool(auto_delete),
            "assignee_type": "server",
            "assignee_id": None,
        }
        action = None
        if server is not None:
            check_assignable(ip, server)
        ips[ident] = ip
        if server is not None:
            action = assign_action(ip, server)
        return 201, {
            "primary_ip": public(ip),
            "action": None if action is None else public(action),
        }

    @cloud.route("GET", "/primary_ips/{id}")
    def get_ip(req: Req, id: int) -> Reply:
        return {"primary_ip": public(get(id))}

    @cloud.route("PUT", "/primary_ips/{id}")
    def update_ip(req: Req, id: int) -> Reply:
        ip = get(id)
        fields = {"name": "string", "labels": "object", "auto_delete": "boolean"}
        apply_update(cloud, req, ip, "primary_ips", "primary IP", fields)
        return {"primary_ip": public(ip)}

    @cloud.route("DELETE", "/primary_ips/{id}")
    def delete_ip(req: Req, id: int) -> Reply:
        ip = get(id)
        if ip["protection"]["delete"]:
            raise ApiError.protected(f"primary IP {id}")
        cloud.check_unlocked("primary_ip", id)
        if ip["assignee_id"] is not None:
            raise ApiError(422, "must_be_unassigned", "unassign the primary IP before deleting it")
        del ips[id]
        return 204, None

    @cloud.route("POST", "/primary_ips/{id}/actions/assign")
    def assign(req: Req, id: int) -> Reply:
        ip = get(id)
        body = req.body()
        body.choice("assignee_type", ("server",), required=True)
        assignee_id = body.ident("assignee_id", required=True)
        body.done()
        assert assignee_id is not None
        server = server_of(assignee_id, "assignee_id")
        cloud.check_unlocked("primary_ip", id)
        if ip["assignee_id"] is not None:
            raise ApiError(
                422,
                "primary_ip_already_assigned",
                f"primary IP {id} is already assigned to server {ip['assignee_id']}",
            )
        check_assignable(ip, server)
        return 201, {"action": public(assign_action(ip, server))}

    @cloud.route("POST", "/primary_ips/{id}/actions/unassign")
    def unassign(req: Req, id: int) -> Reply:
        ip = get(id)
        req.json()
        cloud.check_unlocked("primary_ip", id)
        resources = [("primary_ip", id)]
        server = servers.get(ip["assignee_id"]) if ip["assignee_id"] is not None else None
        if server is not None:
            if server["status"] != "off":
                raise ApiError(422, "server_not_stopped", "the server must be powered off")
            cloud.check_unlocked("server", server["id"])
            resources.append(("server", server["id"]))
        action = cloud.start_action(
            "unassign_primary_ip",
            resources,
            family="primary_ips",
            duration=1.0,
            on_success=lambda: link(ip, None),
            locks=resources,
        )
        return 201, {"action": public(action)}

    @cloud.route("POST", "/primary_ips/{id}/actions/change_dns_ptr")
    def change_dns_ptr(req: Req, id: int) -> Reply:
        ip = get(id)
        body = req.body()
        address = body.text("ip", required=True)
        ptr = body.text("dns_ptr", nullable=True)
        body.done()
        assert address is not None
        if ip["type"] == "ipv4" and address != ip["ip"]:
            raise ApiError.invalid({"ip": ["is not the address of this primary IP"]})
        if ip["type"] == "ipv6" and not address.startswith(ip["ip"].split("::")[0] + ":"):
            raise ApiError.invalid({"ip": ["is not in the network of this primary IP"]})
        cloud.check_unlocked("primary_ip", id)

        def apply() -> None:
            entries = [e for e in ip["dns_ptr"] if e["ip"] != address]
            if ptr is not None:
                entries.append({"ip": address, "dns_ptr": ptr})
            ip["dns_ptr"] = entries
            server = servers.get(ip["assignee_id"]) if ip["assignee_id"] is not None else None
            if server is not None:
                server["public_net"][ip["type"]] = address_of(ip)

        action = cloud.start_action(
            "change_dns_ptr", [("primary_ip", id)], family="primary_ips", duration=1.0,
            on_success=apply,
        )  # fmt: skip
        return 201, {"action": public(action)}

    @cloud.route("POST", "/primary_ips/{id}/actions/change_protection")
    def protect(req: Req, id: int) -> Reply:
        ip = get(id)
        change_protection(cloud, req, ip, ("delete",))
        action = cloud.instant_action(
            "change_protection", [("primary_ip", id)], family="primary_ips"
        )
        return 201, {"action": public(action)}

    register_action_routes(cloud, "primary_ips", "primary_ip", "primary IP")
