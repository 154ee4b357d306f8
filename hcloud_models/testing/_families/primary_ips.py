"""Primary IPs: create/get/list/update/delete, assign, unassign, DNS PTR, protection.

The public addresses of servers are Primary IPs.  ``POST /servers`` is
answered here for its ``public_net`` field: ``ipv4``/``ipv6`` name existing
Primary IPs to assign, otherwise each enabled family gets a new Primary IP with
``auto_delete``.  Assigning or unassigning a Primary IP changes the server's
``public_net``; when a server is deleted its Primary IPs are deleted
(``auto_delete``) or left unassigned at once.
"""

from __future__ import annotations

from .._core import (
    ApiError,
    Body,
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
from .servers import ipv4, ipv6_net

ORDER = 50

KINDS = ("ipv4", "ipv6")


def register(cloud: FakeCloud) -> None:
    """Serve the Primary IP routes and their assign/unassign state machine."""
    ips = cloud.collection("primary_ips")
    servers = cloud.collection("servers")

    def new_ip(kind: str, location: Json, *, name: str | None = None) -> Json:
        ident = cloud.new_id()
        address = ipv4(cloud) if kind == "ipv4" else ipv6_net(cloud)
        return {
            "id": ident,
            "name": name if name is not None else f"primary_ip-{ident}",
            "labels": {},
            "created": cloud.now_iso(),
            "blocked": False,
            "location": dict(location),
            "ip": address,
            "dns_ptr": [{"ip": address, "dns_ptr": f"static.{ident}.example.com"}]
            if kind == "ipv4"
            else [],
            "protection": {"delete": False},
            "type": kind,
            "auto_delete": False,
            "assignee_type": "server",
            "assignee_id": None,
        }

    def create_check(body: Body, location: Json | None) -> None:
        net = body.get("public_net", "object")
        if net is None:
            return
        part = Body(net)
        enabled = {kind: part.flag(f"enable_{kind}") for kind in KINDS}
        chosen = {kind: part.ident(kind, nullable=True) for kind in KINDS}
        for name, messages in part.errors.items():
            for message in messages:
                body.error(f"public_net.{name}", message)
        for kind in KINDS:
            ident = chosen[kind]
            if ident is None:
                continue
            ip = ips.get(ident)
            where = f"public_net.{kind}"
            if ip is None:
                body.error(where, f"primary IP {ident} not found")
            elif ip["type"] != kind:
                raise ApiError(
                    412, "primary_ip_version_mismatch", f"primary IP {ident} is not an {kind}"
                )
            elif ip["assignee_id"] is not None:
                raise ApiError(
                    422, "primary_ip_assigned", f"primary IP {ident} is already assigned"
                )
            elif location is not None and ip["location"]["id"] != location["id"]:
                raise ApiError(
                    422,
                    "primary_ip_datacenter_mismatch",
                    f"primary IP {ident} is in another location",
                )
        has_public = any(chosen[kind] is not None or enabled[kind] is not False for kind in KINDS)
        if not has_public and not body.data.get("networks"):
            body.error("networks", "a server without public IPs needs a network")

    def server_created(server: Json, body: Body, next_actions: list[Json]) -> None:
        net = body.data.get("public_net") or {}
        for kind in KINDS:
            ident = net.get(kind)
            if ident is not None:
                ip = ips[ident]
            elif net.get(f"enable_{kind}", True) is not False:
                ip = new_ip(kind, server["location"])
                ip["auto_delete"] = True
                ips[ip["id"]] = ip
            else:
                continue
            link(ip, server["id"])

    def server_deleted(server: Json) -> None:
        for ident, ip in list(ips.items()):
            if ip["assignee_id"] == server["id"]:
                if ip["auto_delete"]:
                    del ips[ident]
                else:
                    ip["assignee_id"] = None

    cloud.on("server_create_check", create_check)
    cloud.on("server_created", server_created)
    cloud.on("server_deleted", server_deleted)

    def get(ident: int) -> Json:
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
        return cloud.list_reply(
            req,
            "primary_ips",
            ips.values(),
            sort=("id", "created"),
            filters={"ip": lambda ip, values: ip["ip"] in values},
        )

    @cloud.route("POST", "/primary_ips")
    def create_ip(req: Req) -> Reply:
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
        ip = new_ip(kind, location, name=name)
        ip["labels"] = labels
        ip["auto_delete"] = bool(auto_delete)
        ident = ip["id"]
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
        check_deletable(cloud, ip, "primary_ip", f"primary IP {id}")
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
