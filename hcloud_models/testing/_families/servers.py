"""Servers: create/get/list/update/delete, every server action, metrics.

The status follows the actions: ``initializing`` while ``create_server``
runs, then ``starting`` and ``running`` (``start_server``), ``stopping`` ->
``off`` for ``poweroff``/``shutdown``, ``starting`` -> ``running`` for
``poweron``, ``rebuilding`` for ``rebuild``, ``migrating`` for
``change_type`` and ``deleting`` while ``delete_server`` runs.  An action
that ends in ``error`` puts the status back.
"""

from __future__ import annotations

import math
import re
import secrets
from collections.abc import Callable
from typing import Any

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
from ._shared import apply_update, change_protection, register_action_routes

ORDER = 40

HOSTNAME = re.compile(
    r"^(?=.{1,253}$)[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$"
)
SERVER_SORT = ("id", "name", "created")
STATUSES = ("running", "initializing", "starting", "stopping", "off", "deleting",
            "migrating", "rebuilding", "unknown")  # fmt: skip

DURATIONS = {
    "create_server": 4.0,
    "start_server": 2.0,
    "delete_server": 2.0,
    "poweron": 2.0,
    "poweroff": 2.0,
    "shutdown": 3.0,
    "reboot": 3.0,
    "reset": 2.0,
    "rebuild": 6.0,
    "change_type": 8.0,
    "create_image": 5.0,
    "enable_rescue": 1.0,
    "disable_rescue": 1.0,
    "enable_backup": 1.0,
    "disable_backup": 1.0,
    "attach_iso": 1.0,
    "detach_iso": 1.0,
    "reset_password": 1.0,
    "request_console": 1.0,
    "change_dns_ptr": 1.0,
    "attach_to_network": 2.0,
    "detach_from_network": 2.0,
    "change_alias_ips": 1.0,
    "add_to_placement_group": 1.0,
    "remove_from_placement_group": 1.0,
}
"""Seconds on the clock each server action takes."""


def password() -> str:
    """A random root password."""
    return secrets.token_urlsafe(15)


def ipv4(cloud: FakeCloud) -> str:
    """A fresh public IPv4 address (documentation ranges first)."""
    n = cloud.counter("ipv4")
    nets = ("203.0.113", "198.51.100", "192.0.2")
    if n < 3 * 250:
        return f"{nets[n // 250]}.{n % 250 + 2}"
    n -= 3 * 250
    return f"100.{64 + n // 65536 % 64}.{n // 256 % 256}.{n % 256}"


def ipv6_net(cloud: FakeCloud) -> str:
    """A fresh public IPv6 /64."""
    n = cloud.counter("ipv6")
    return f"2001:db8:{n // 65536:x}:{n % 65536:x}::/64"


def _choose_location(cloud: FakeCloud, body: Body) -> tuple[Json, Json] | None:
    """(location, datacenter) for a new server from ``location``/``datacenter``."""
    location_ref = body.ref("location")
    datacenter_ref = body.ref("datacenter")
    if location_ref is not None and datacenter_ref is not None:
        body.error("location", "cannot be combined with datacenter")
        return None
    try:
        if datacenter_ref is not None:
            dc = find(cloud, "datacenters", datacenter_ref, "datacenter", "datacenter")
            return dc["location"], dc
        ref = location_ref if location_ref is not None else "fsn1"
        location = find(cloud, "locations", ref, "location", "location")
    except ApiError as error:
        for item in error.details["fields"]:
            body.error(item["name"], item["messages"][0])
        return None
    for dc in cloud.collection("datacenters").values():
        if dc["location"]["id"] == location["id"]:
            return location, dc
    body.error("location", "has no datacenter")
    return None


def find_image(cloud: FakeCloud, ref: int | str, architecture: str) -> Json | None:
    """An image by ID, or by name for the given architecture."""
    images = cloud.collection("images")
    if isinstance(ref, int) or ref.isdigit():
        return images.get(int(ref))
    for image in images.values():
        if image["name"] == ref and image["architecture"] == architecture:
            return image
    return None


def register(cloud: FakeCloud) -> None:
    """Serve the server routes and their state machine."""
    servers = cloud.collection("servers")

    def get(ident: int) -> Json:
        return get_or_404(cloud, "servers", ident, "server")

    def show(server: Json) -> Json:
        shown = public(server)
        shown["locked"] = cloud.is_locked("server", server["id"])
        return shown

    def set_status(server: Json, status: str) -> Callable[[], None]:
        def apply() -> None:
            server["status"] = status

        return apply

    def run(
        server: Json,
        command: str,
        *,
        during: str | None = None,
        final: str | None = None,
        effect: Callable[[], object] | None = None,
        resources: list[tuple[str, int]] | None = None,
        undo: Callable[[], object] | None = None,
    ) -> Json:
        """Start a server action that moves the status ``during`` -> ``final``."""
        cloud.check_unlocked("server", server["id"])
        before = server["status"]
        if during is not None:
            server["status"] = during

        def success() -> None:
            if final is not None:
                server["status"] = final
            elif during is not None:
                server["status"] = before
            if effect is not None:
                effect()

        def failure() -> None:
            server["status"] = before
            if undo is not None:
                undo()

        return cloud.start_action(
            command,
            resources or [("server", server["id"])],
            family="servers",
            duration=DURATIONS.get(command, 2.0),
            on_success=success,
            on_error=failure,
            locks=[("server", server["id"])],
        )

    # -- collection -------------------------------------------------------------------

    @cloud.route("GET", "/servers")
    def list_servers(req: Req) -> Reply:
        for value in req.args("status"):
            if value not in STATUSES:
                raise ApiError.invalid({"status": [f"unknown status {value!r}"]})
        return cloud.list_reply(
            req,
            "servers",
            servers.values(),
            sort=SERVER_SORT,
            filters={"status": lambda server, values: server["status"] in values},
            render=show,
        )

    @cloud.route("POST", "/servers")
    def create_server(req: Req) -> Reply:
        body = req.body()
        name = body.text("name", required=True)
        if name is not None and not HOSTNAME.match(name):
            body.error("name", "must be a valid hostname")
        type_ref = body.ref("server_type", required=True)
        image_ref = body.ref("image", required=True)
        start = body.flag("start_after_create")
        labels = body.labels() or {}
        body.text("user_data")
        body.flag("automount")
        key_refs = body.get("ssh_keys", "array") or []
        public_net = body.get("public_net", "object") or {}
        for field_name in ("volumes", "networks", "firewalls"):
            body.get(field_name, "array")
        placement = body.ident("placement_group")
        place = _choose_location(cloud, body)
        server_type = None
        if type_ref is not None:
            try:
                server_type = find(cloud, "server_types", type_ref, "server type", "server_type")
            except ApiError:
                body.error("server_type", f"server type {type_ref!r} not found")
        image = None
        if image_ref is not None and server_type is not None:
            image = find_image(cloud, image_ref, server_type["architecture"])
            if image is None:
                body.error("image", f"image {image_ref!r} not found")
            elif image["status"] != "available":
                body.error("image", "is not available")
            elif image["architecture"] != server_type["architecture"]:
                body.error("image", "does not fit the architecture of the server type")
        keys: list[Json] = []
        for ref in key_refs:
            try:
                keys.append(find(cloud, "ssh_keys", ref, "SSH key", "ssh_keys"))
            except ApiError:
                body.error("ssh_keys", f"SSH key {ref!r} not found")
        if place is not None and server_type is not None:
            location = place[0]
            if not any(p["location"] == location["name"] for p in server_type["prices"]):
                body.error("server_type", f"is not available in {location['name']}")
        if placement is not None and placement not in cloud.collection("placement_groups"):
            body.error("placement_group", "placement group not found")
        body.done()
        assert name is not None
        assert server_type is not None
        assert image is not None
        assert place is not None
        check_unique_name(cloud, "servers", name, "server")
        location, datacenter = place
        ident = cloud.new_id()
        enable_ipv4 = public_net.get("enable_ipv4", True) is not False
        enable_ipv6 = public_net.get("enable_ipv6", True) is not False
        address = ipv4(cloud) if enable_ipv4 else None
        network6 = ipv6_net(cloud) if enable_ipv6 else None
        server: Json = {
            "id": ident,
            "name": name,
            "status": "initializing",
            "created": cloud.now_iso(),
            "public_net": {
                "ipv4": None
                if address is None
                else {
                    "id": cloud.new_id(),
                    "ip": address,
                    "blocked": False,
                    "dns_ptr": f"static.{address.split('.')[-1]}.example.com",
                },
                "ipv6": None
                if network6 is None
                else {"id": cloud.new_id(), "ip": network6, "blocked": False, "dns_ptr": []},
                "floating_ips": [],
                "firewalls": [],
            },
            "private_net": [],
            "server_type": server_type,
            "_datacenter": datacenter,
            "location": location,
            "image": public(image),
            "iso": None,
            "rescue_enabled": False,
            "locked": False,
            "backup_window": None,
            "outgoing_traffic": 0,
            "ingoing_traffic": 0,
            "included_traffic": next(
                p["included_traffic"]
                for p in server_type["prices"]
                if p["location"] == location["name"]
            ),
            "protection": {"delete": False, "rebuild": False},
            "labels": labels,
            "volumes": [],
            "load_balancers": [],
            "primary_disk_size": float(server_type["disk"]),
            "placement_group": None,
        }
        servers[ident] = server
        create = run(server, "create_server", during="initializing", final="off")
        next_actions = []
        if start is not False:
            state = cloud.start_action(
                "start_server",
                [("server", ident)],
                family="servers",
                duration=DURATIONS["start_server"],
                after=create,
                on_success=set_status(server, "running"),
                locks=[("server", ident)],
            )
            next_actions.append(state)

            def starting() -> None:
                server["status"] = "starting"

            def failed() -> None:
                server["status"] = "off"
                cloud.fail_action(state["id"], code="action_failed", message="server not created")

            cloud.on_action_end(create["id"], on_success=starting, on_error=failed)
        return 201, {
            "server": show(server),
            "action": public(create),
            "next_actions": [public(action) for action in next_actions],
            "root_password": None if keys else password(),
        }

    @cloud.route("GET", "/servers/{id}")
    def get_server(req: Req, id: int) -> Reply:
        return {"server": show(get(id))}

    @cloud.route("PUT", "/servers/{id}")
    def update_server(req: Req, id: int) -> Reply:
        server = get(id)

        def hostname(body: Body) -> None:
            name = body.data.get("name")
            if isinstance(name, str) and not HOSTNAME.match(name):
                body.error("name", "must be a valid hostname")

        apply_update(
            cloud,
            req,
            server,
            "servers",
            "server",
            {"name": "string", "labels": "object"},
            check=hostname,
        )
        return {"server": show(server)}

    @cloud.route("DELETE", "/servers/{id}")
    def delete_server(req: Req, id: int) -> Reply:
        server = get(id)
        if server["protection"]["delete"]:
            raise ApiError.protected(f"server {id}")

        def gone() -> None:
            servers.pop(id, None)
            for fip in cloud.collection("floating_ips").values():
                if fip.get("server") == id:
                    fip["server"] = None
            for image in cloud.collection("images").values():
                if image.get("bound_to") == id:
                    image["status"] = "unavailable"

        action = run(server, "delete_server", during="deleting", effect=gone)
        return {"action": public(action)}

    # -- actions ---------------------------------------------------------------------

    def simple_action(command: str, during: str | None, final: str | None) -> None:
        @cloud.route("POST", f"/servers/{{id}}/actions/{command}")
        def handler(req: Req, id: int) -> Reply:
            server = get(id)
            req.json()
            return 201, {"action": public(run(server, command, during=during, final=final))}

    simple_action("poweron", "starting", "running")
    simple_action("poweroff", "stopping", "off")
    simple_action("shutdown", "stopping", "off")
    simple_action("reboot", "starting", "running")
    simple_action("reset", "starting", "running")

    @cloud.route("POST", "/servers/{id}/actions/rebuild")
    def rebuild(req: Req, id: int) -> Reply:
        server = get(id)
        body = req.body()
        ref = body.ref("image", required=True)
        image = None
        if ref is not None:
            image = find_image(cloud, ref, server["server_type"]["architecture"])
            if image is None or image["status"] != "available":
                body.error("image", f"image {ref!r} not found")
        body.done()
        assert image is not None
        if server["protection"]["rebuild"]:
            raise ApiError.protected(f"server {id}")
        chosen = public(image)

        def rebuilt() -> None:
            server["image"] = chosen

        action = run(server, "rebuild", during="rebuilding", final="running", effect=rebuilt)
        return 201, {"action": public(action), "root_password": password()}

    @cloud.route("POST", "/servers/{id}/actions/change_type")
    def change_type(req: Req, id: int) -> Reply:
        server = get(id)
        body = req.body()
        ref = body.ref("server_type", required=True)
        upgrade = body.flag("upgrade_disk", required=True)
        new_type = None
        if ref is not None:
            try:
                new_type = find(cloud, "server_types", ref, "server type", "server_type")
            except ApiError:
                body.error("server_type", f"server type {ref!r} not found")
        body.done()
        assert new_type is not None
        if new_type["architecture"] != server["server_type"]["architecture"]:
            raise ApiError.invalid({"server_type": ["has another architecture"]})
        if not upgrade and new_type["disk"] < server["primary_disk_size"]:
            raise ApiError(422, "invalid_server_type", "the disk of the new type is too small")
        if server["status"] != "off":
            raise ApiError(422, "server_not_stopped", "the server must be off to change its type")

        def changed() -> None:
            server["server_type"] = new_type
            if upgrade:
                server["primary_disk_size"] = float(new_type["disk"])

        action = run(server, "change_type", during="migrating", final="off", effect=changed)
        return 201, {"action": public(action)}

    @cloud.route("POST", "/servers/{id}/actions/create_image")
    def create_image(req: Req, id: int) -> Reply:
        server = get(id)
        body = req.body()
        kind = body.choice("type", ("snapshot", "backup")) or "snapshot"
        description = body.text("description")
        labels = body.labels() or {}
        body.done()
        cloud.check_unlocked("server", id)
        image_id = cloud.new_id()
        source = server["image"] or {}
        image: Json = {
            "id": image_id,
            "type": kind,
            "status": "creating",
            "name": None,
            "description": description if description is not None else f"{server['name']}-snapshot",
            "image_size": None,
            "disk_size": server["primary_disk_size"],
            "created": cloud.now_iso(),
            "created_from": {"id": id, "name": server["name"]},
            "bound_to": id if kind == "backup" else None,
            "os_flavor": source.get("os_flavor", "unknown"),
            "os_version": source.get("os_version"),
            "rapid_deploy": False,
            "protection": {"delete": False},
            "deprecated": None,
            "deleted": None,
            "labels": labels,
            "architecture": server["server_type"]["architecture"],
        }
        cloud.collection("images")[image_id] = image

        def available() -> None:
            image["status"] = "available"
            image["image_size"] = round(server["primary_disk_size"] * 0.04, 2)

        def broken() -> None:
            cloud.collection("images").pop(image_id, None)

        action = run(
            server,
            "create_image",
            effect=available,
            undo=broken,
            resources=[("server", id), ("image", image_id)],
        )
        return 201, {"image": public(image), "action": public(action)}

    @cloud.route("POST", "/servers/{id}/actions/enable_rescue")
    def enable_rescue(req: Req, id: int) -> Reply:
        server = get(id)
        body = req.body()
        body.choice("type", ("linux64",))
        refs = body.get("ssh_keys", "array") or []
        for ref in refs:
            if not isinstance(ref, int) or ref not in cloud.collection("ssh_keys"):
                body.error("ssh_keys", f"SSH key {ref!r} not found")
        body.done()

        def on() -> None:
            server["rescue_enabled"] = True

        action = run(server, "enable_rescue", effect=on)
        return 201, {"action": public(action), "root_password": password()}

    @cloud.route("POST", "/servers/{id}/actions/disable_rescue")
    def disable_rescue(req: Req, id: int) -> Reply:
        server = get(id)

        def off() -> None:
            server["rescue_enabled"] = False

        return 201, {"action": public(run(server, "disable_rescue", effect=off))}

    @cloud.route("POST", "/servers/{id}/actions/enable_backup")
    def enable_backup(req: Req, id: int) -> Reply:
        server = get(id)
        req.json()

        def on() -> None:
            server["backup_window"] = "22-02"

        return 201, {"action": public(run(server, "enable_backup", effect=on))}

    @cloud.route("POST", "/servers/{id}/actions/disable_backup")
    def disable_backup(req: Req, id: int) -> Reply:
        server = get(id)

        def off() -> None:
            server["backup_window"] = None
            for image in list(cloud.collection("images").values()):
                if image["type"] == "backup" and image["bound_to"] == id:
                    del cloud.collection("images")[image["id"]]

        return 201, {"action": public(run(server, "disable_backup", effect=off))}

    @cloud.route("POST", "/servers/{id}/actions/attach_iso")
    def attach_iso(req: Req, id: int) -> Reply:
        server = get(id)
        body = req.body()
        ref = body.ref("iso", required=True)
        iso = None
        if ref is not None:
            try:
                iso = find(cloud, "isos", ref, "ISO", "iso")
            except ApiError:
                body.error("iso", f"ISO {ref!r} not found")
        body.done()
        assert iso is not None
        arch = iso["architecture"]
        if arch is not None and arch != server["server_type"]["architecture"]:
            raise ApiError.invalid({"iso": ["does not fit the architecture of the server"]})
        chosen = public(iso)

        def attached() -> None:
            server["iso"] = chosen

        return 201, {"action": public(run(server, "attach_iso", effect=attached))}

    @cloud.route("POST", "/servers/{id}/actions/detach_iso")
    def detach_iso(req: Req, id: int) -> Reply:
        server = get(id)

        def detached() -> None:
            server["iso"] = None

        return 201, {"action": public(run(server, "detach_iso", effect=detached))}

    @cloud.route("POST", "/servers/{id}/actions/reset_password")
    def reset_password(req: Req, id: int) -> Reply:
        server = get(id)
        action = run(server, "reset_password")
        return 201, {"action": public(action), "root_password": password()}

    @cloud.route("POST", "/servers/{id}/actions/request_console")
    def request_console(req: Req, id: int) -> Reply:
        server = get(id)
        action = run(server, "request_console")
        token = secrets.token_hex(16)
        return 201, {
            "wss_url": f"wss://console.hetzner.cloud/?server_id={id}&token={token}",
            "password": password(),
            "action": public(action),
        }

    @cloud.route("POST", "/servers/{id}/actions/change_dns_ptr")
    def change_dns_ptr(req: Req, id: int) -> Reply:
        server = get(id)
        body = req.body()
        ip = body.text("ip", required=True)
        ptr = body.text("dns_ptr", required=True, nullable=True)
        body.done()
        net = server["public_net"]
        v4 = net["ipv4"]
        v6 = net["ipv6"]
        if v4 is not None and v4["ip"] == ip:

            def apply() -> None:
                v4["dns_ptr"] = ptr if ptr is not None else f"static.{ip}.example.com"

        elif v6 is not None and ip is not None and ip.startswith(v6["ip"].split("::")[0] + ":"):

            def apply() -> None:
                entries = [e for e in v6["dns_ptr"] if e["ip"] != ip]
                if ptr is not None:
                    entries.append({"ip": ip, "dns_ptr": ptr})
                v6["dns_ptr"] = entries

        else:
            raise ApiError.invalid({"ip": ["is not an IP of this server"]})
        return 201, {"action": public(run(server, "change_dns_ptr", effect=apply))}

    @cloud.route("POST", "/servers/{id}/actions/change_protection")
    def protect(req: Req, id: int) -> Reply:
        server = get(id)
        body = req.body()
        wanted = {key: body.flag(key) for key in ("delete", "rebuild")}
        body.done()
        both = wanted["delete"] is not None and wanted["rebuild"] is not None
        if both and wanted["delete"] != wanted["rebuild"]:
            raise ApiError.invalid({"rebuild": ["must equal delete"]})
        change_protection(cloud, req, server, ("delete", "rebuild"))
        action = cloud.instant_action("change_protection", [("server", id)], family="servers")
        return 201, {"action": public(action)}

    # -- networks and placement groups (their families keep the other side) ------------

    def network_of(body: Body) -> Json | None:
        ident = body.ident("network", required=True)
        if ident is None:
            return None
        network = cloud.collection("networks").get(ident)
        if network is None:
            body.error("network", f"network {ident} not found")
        return network

    @cloud.route("POST", "/servers/{id}/actions/attach_to_network")
    def attach_to_network(req: Req, id: int) -> Reply:
        server = get(id)
        body = req.body()
        network = network_of(body)
        ip = body.text("ip")
        alias_ips = body.get("alias_ips", "array") or []
        body.text("ip_range")
        body.done()
        assert network is not None
        if any(entry["network"] == network["id"] for entry in server["private_net"]):
            raise ApiError(422, "server_already_attached", "server is already attached")
        count = len(server["private_net"]) + 2
        entry = {
            "network": network["id"],
            "ip": ip or f"10.0.0.{count}",
            "alias_ips": list(alias_ips),
            "mac_address": f"86:00:00:{id % 256:02x}:{count:02x}:01",
        }

        def attached() -> None:
            server["private_net"].append(entry)
            if isinstance(network.get("servers"), list):
                network["servers"].append(id)

        action = run(
            server,
            "attach_to_network",
            effect=attached,
            resources=[("server", id), ("network", network["id"])],
        )
        return 201, {"action": public(action)}

    @cloud.route("POST", "/servers/{id}/actions/detach_from_network")
    def detach_from_network(req: Req, id: int) -> Reply:
        server = get(id)
        body = req.body()
        network = network_of(body)
        body.done()
        assert network is not None
        if not any(entry["network"] == network["id"] for entry in server["private_net"]):
            raise ApiError(422, "server_not_attached_to_network", "server is not attached")

        def detached() -> None:
            server["private_net"] = [
                e for e in server["private_net"] if e["network"] != network["id"]
            ]
            if isinstance(network.get("servers"), list) and id in network["servers"]:
                network["servers"].remove(id)

        action = run(
            server,
            "detach_from_network",
            effect=detached,
            resources=[("server", id), ("network", network["id"])],
        )
        return 201, {"action": public(action)}

    @cloud.route("POST", "/servers/{id}/actions/change_alias_ips")
    def change_alias_ips(req: Req, id: int) -> Reply:
        server = get(id)
        body = req.body()
        network = network_of(body)
        alias_ips = body.get("alias_ips", "array", required=True)
        body.done()
        assert network is not None
        assert alias_ips is not None
        entries = [e for e in server["private_net"] if e["network"] == network["id"]]
        if not entries:
            raise ApiError(422, "server_not_attached_to_network", "server is not attached")

        def changed() -> None:
            entries[0]["alias_ips"] = list(alias_ips)

        action = run(
            server,
            "change_alias_ips",
            effect=changed,
            resources=[("server", id), ("network", network["id"])],
        )
        return 201, {"action": public(action)}

    @cloud.route("POST", "/servers/{id}/actions/add_to_placement_group")
    def add_to_placement_group(req: Req, id: int) -> Reply:
        server = get(id)
        body = req.body()
        ident = body.ident("placement_group", required=True)
        group = cloud.collection("placement_groups").get(ident) if ident is not None else None
        if ident is not None and group is None:
            body.error("placement_group", f"placement group {ident} not found")
        body.done()
        assert group is not None
        if server["status"] != "off":
            raise ApiError(422, "server_not_stopped", "the server must be off")

        def added() -> None:
            server["placement_group"] = public(group)
            if isinstance(group.get("servers"), list):
                group["servers"].append(id)

        action = run(
            server,
            "add_to_placement_group",
            effect=added,
            resources=[("server", id), ("placement_group", group["id"])],
        )
        return 201, {"action": public(action)}

    @cloud.route("POST", "/servers/{id}/actions/remove_from_placement_group")
    def remove_from_placement_group(req: Req, id: int) -> Reply:
        server = get(id)
        group = server.get("placement_group")
        if group is None:
            raise ApiError(422, "server_not_in_placement_group", "server is in no placement group")

        def removed() -> None:
            stored = cloud.collection("placement_groups").get(group["id"])
            if stored is not None and id in stored.get("servers", []):
                stored["servers"].remove(id)
            server["placement_group"] = None

        action = run(server, "remove_from_placement_group", effect=removed)
        return 201, {"action": public(action)}

    register_action_routes(cloud, "servers", "server", "server")

    # -- metrics ---------------------------------------------------------------------

    @cloud.route("GET", "/servers/{id}/metrics")
    def metrics(req: Req, id: int) -> Reply:
        get(id)
        kinds = [k for value in req.args("type") for k in value.split(",")]
        start, end = req.arg("start"), req.arg("end")
        problems: dict[str, list[str]] = {}
        if not kinds:
            problems["type"] = ["is missing"]
        elif any(k not in ("cpu", "disk", "network") for k in kinds):
            problems["type"] = ["must be cpu, disk or network"]
        from datetime import datetime

        times: list[float] = []
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
        series = _series(kinds, begin, finish, step)
        return {
            "metrics": {
                "start": start,
                "end": end,
                "step": step,
                "time_series": series,
            }
        }


def _series(kinds: list[str], begin: float, end: float, step: float) -> dict[str, Any]:
    names = {
        "cpu": ["cpu"],
        "disk": ["disk.0.iops.read", "disk.0.iops.write", "disk.0.bandwidth.read",
                 "disk.0.bandwidth.write"],
        "network": ["network.0.pps.in", "network.0.pps.out", "network.0.bandwidth.in",
                    "network.0.bandwidth.out"],
    }  # fmt: skip
    count = min(int((end - begin) // step) + 1, 500)
    series: dict[str, Any] = {}
    for kind in kinds:
        for index, name in enumerate(names[kind]):
            values = [
                [begin + i * step, f"{(math.sin(i / 5 + index) + 1.2) * 10:.3f}"]
                for i in range(count)
            ]
            series[name] = {"values": values}
    return series
