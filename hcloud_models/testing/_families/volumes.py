"""Volumes: create/get/list/update/delete, attach, detach, resize, protection.

Volumes named in ``POST /servers`` (``volumes``) are attached to the new
server at once; a deleted server's Volumes are detached when it goes.
"""

from __future__ import annotations

import re

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

ORDER = 50

NAME = re.compile(r"^[a-zA-Z0-9]([a-zA-Z0-9._-]{0,62}[a-zA-Z0-9])?$")
MIN_SIZE, MAX_SIZE = 10, 10240
DURATIONS = {"create_volume": 3.0, "attach_volume": 2.0, "detach_volume": 2.0, "resize_volume": 2.0}
"""Seconds on the clock each Volume action takes."""


def register(cloud: FakeCloud) -> None:
    """Serve the Volume routes and their attach/detach state machine."""
    volumes = cloud.collection("volumes")
    servers = cloud.collection("servers")

    def get(ident: int) -> Json:
        return get_or_404(cloud, "volumes", ident, "volume")

    def server_deleted(server: Json) -> None:
        for volume in volumes.values():
            if volume["server"] == server["id"]:
                volume["server"] = None

    def create_check(body: Body, location: Json | None) -> None:
        refs = body.get("volumes", "array") or []
        body.flag("automount")
        for ref in refs:
            volume = volumes.get(ref) if isinstance(ref, int) else None
            if volume is None:
                body.error("volumes", f"volume {ref!r} not found")
            elif volume["server"] is not None:
                body.error("volumes", f"volume {ref} is already attached to a server")
            elif volume["status"] != "available" or cloud.is_locked("volume", ref):
                body.error("volumes", f"volume {ref} is not available")
            elif location is not None and volume["location"]["id"] != location["id"]:
                body.error("volumes", f"volume {ref} is in another location")
        idents = [ref for ref in refs if isinstance(ref, int)]
        if len(set(idents)) != len(idents):
            body.error("volumes", "names a volume twice")

    def server_created(server: Json, body: Body, next_actions: list[Json]) -> None:
        for ref in body.data.get("volumes") or []:
            link(volumes[ref], server["id"])

    cloud.on("server_create_check", create_check)
    cloud.on("server_created", server_created)
    cloud.on("server_deleted", server_deleted)

    def server_of(ident: int) -> Json:
        server = servers.get(ident)
        if server is None:
            raise ApiError.invalid({"server": [f"server {ident} not found"]})
        return server

    def link(volume: Json, server_id: int | None) -> None:
        if volume["id"] not in volumes:
            return  # its creation failed
        for server in servers.values():
            attached = server.setdefault("volumes", [])
            if volume["id"] in attached and server["id"] != server_id:
                attached.remove(volume["id"])
            if server["id"] == server_id and volume["id"] not in attached:
                attached.append(volume["id"])
        volume["server"] = server_id

    def attach_action(volume: Json, server: Json, *, after: Json | None = None) -> Json:
        cloud.check_unlocked("server", server["id"])
        return cloud.start_action(
            "attach_volume",
            [("volume", volume["id"]), ("server", server["id"])],
            family="volumes",
            duration=DURATIONS["attach_volume"],
            after=after,
            on_success=lambda: link(volume, server["id"]),
            locks=[("volume", volume["id"]), ("server", server["id"])],
        )

    def size_of(value: object, field_name: str) -> float | None:
        if not isinstance(value, (int, float)) or isinstance(value, bool):
            return None
        if not MIN_SIZE <= value <= MAX_SIZE:
            raise ApiError.invalid({field_name: [f"must be between {MIN_SIZE} and {MAX_SIZE} GB"]})
        return float(value)

    @cloud.route("GET", "/volumes")
    def list_volumes(req: Req) -> Reply:
        for value in req.args("status"):
            if value not in ("available", "creating"):
                raise ApiError.invalid({"status": [f"unknown status {value!r}"]})
        return cloud.list_reply(
            req,
            "volumes",
            volumes.values(),
            sort=("id", "name", "created"),
            filters={"status": lambda volume, values: volume["status"] in values},
        )

    @cloud.route("POST", "/volumes")
    def create_volume(req: Req) -> Reply:
        body = req.body()
        size = body.ident("size", required=True)
        name = body.text("name", required=True)
        labels = body.labels() or {}
        automount = body.flag("automount")
        fmt = body.choice("format", ("xfs", "ext4"))
        location_ref = body.ref("location")
        server_ref = body.ident("server")
        if name is not None and not NAME.match(name):
            body.error("name", "must be 1 to 64 letters, digits, '-', '_' or '.'")
        if server_ref is None and location_ref is None and "server" not in body.errors:
            body.error("location", "is required when no server is given")
        if automount is not None and server_ref is None:
            body.error("automount", "needs a server")
        body.done()
        assert name is not None
        volume_size = size_of(size, "size")
        server = server_of(server_ref) if server_ref is not None else None
        if location_ref is not None:
            location = find(cloud, "locations", location_ref, "location", "location")
            if server is not None and server["location"]["id"] != location["id"]:
                raise ApiError.invalid({"location": ["is not the location of the server"]})
        else:
            assert server is not None
            location = server["location"]
        check_unique_name(cloud, "volumes", name, "volume")
        ident = cloud.new_id()
        volume: Json = {
            "id": ident,
            "created": cloud.now_iso(),
            "name": name,
            "server": None,
            "location": dict(location),
            "size": volume_size,
            "linux_device": f"/dev/disk/by-id/scsi-0HC_Volume_{ident}",
            "protection": {"delete": False},
            "labels": labels,
            "status": "creating",
            "format": fmt,
        }
        volumes[ident] = volume

        def created() -> None:
            volume["status"] = "available"

        def failed() -> None:
            volumes.pop(ident, None)

        action = cloud.start_action(
            "create_volume",
            [("volume", ident)],
            family="volumes",
            duration=DURATIONS["create_volume"],
            on_success=created,
            on_error=failed,
        )
        next_actions = [attach_action(volume, server, after=action)] if server is not None else []
        return 201, {
            "volume": public(volume),
            "action": public(action),
            "next_actions": [public(a) for a in next_actions],
        }

    @cloud.route("GET", "/volumes/{id}")
    def get_volume(req: Req, id: int) -> Reply:
        return {"volume": public(get(id))}

    @cloud.route("PUT", "/volumes/{id}")
    def update_volume(req: Req, id: int) -> Reply:
        volume = get(id)

        def valid_name(body: Body) -> None:
            name = body.data.get("name")
            if isinstance(name, str) and not NAME.match(name):
                body.error("name", "must be 1 to 64 letters, digits, '-', '_' or '.'")

        fields = {"name": "string", "labels": "object"}
        apply_update(cloud, req, volume, "volumes", "volume", fields, check=valid_name)
        return {"volume": public(volume)}

    @cloud.route("DELETE", "/volumes/{id}")
    def delete_volume(req: Req, id: int) -> Reply:
        volume = get(id)
        check_deletable(cloud, volume, "volume", f"volume {id}")
        if volume["server"] is not None:
            raise ApiError(422, "service_error", f"volume {id} is attached; detach it first")
        del volumes[id]
        return 204, None

    @cloud.route("POST", "/volumes/{id}/actions/attach")
    def attach(req: Req, id: int) -> Reply:
        volume = get(id)
        body = req.body()
        server_ref = body.ident("server", required=True)
        body.flag("automount")
        body.done()
        assert server_ref is not None
        server = server_of(server_ref)
        cloud.check_unlocked("volume", id)
        if volume["status"] != "available":
            raise ApiError(422, "service_error", f"volume {id} is not available yet")
        if volume["server"] is not None:
            raise ApiError(
                422, "service_error", f"volume {id} is already attached to {volume['server']}"
            )
        if server["location"]["id"] != volume["location"]["id"]:
            raise ApiError.invalid({"server": ["is not in the location of the volume"]})
        return 201, {"action": public(attach_action(volume, server))}

    @cloud.route("POST", "/volumes/{id}/actions/detach")
    def detach(req: Req, id: int) -> Reply:
        volume = get(id)
        req.json()
        cloud.check_unlocked("volume", id)
        if volume["server"] is None:
            raise ApiError(422, "service_error", f"volume {id} is not attached")
        action = cloud.start_action(
            "detach_volume",
            [("volume", id), ("server", volume["server"])],
            family="volumes",
            duration=DURATIONS["detach_volume"],
            on_success=lambda: link(volume, None),
        )
        return 201, {"action": public(action)}

    @cloud.route("POST", "/volumes/{id}/actions/resize")
    def resize(req: Req, id: int) -> Reply:
        volume = get(id)
        body = req.body()
        raw = body.get("size", "number", required=True)
        body.done()
        size = size_of(raw, "size")
        assert size is not None
        if size <= volume["size"]:
            raise ApiError.invalid({"size": ["must be larger than the current size"]})
        cloud.check_unlocked("volume", id)

        def grown() -> None:
            volume["size"] = size

        action = cloud.start_action(
            "resize_volume",
            [("volume", id)],
            family="volumes",
            duration=DURATIONS["resize_volume"],
            on_success=grown,
        )
        return 201, {"action": public(action)}

    @cloud.route("POST", "/volumes/{id}/actions/change_protection")
    def protect(req: Req, id: int) -> Reply:
        volume = get(id)
        change_protection(cloud, req, volume, ("delete",))
        action = cloud.instant_action("change_protection", [("volume", id)], family="volumes")
        return 201, {"action": public(action)}

    register_action_routes(cloud, "volumes", "volume", "volume")
