"""Placement groups: create/get/list/update/delete.

Servers join through server actions or at creation (``placement_group`` in
``POST /servers``); a server's ``placement_group`` shows its group as it is
now, and a deleted server leaves its group when it goes.
"""

from __future__ import annotations

from .._core import Body, FakeCloud, Json, Reply, Req, check_unique_name, get_or_404, public
from ._shared import apply_update

ORDER = 50


def register(cloud: FakeCloud) -> None:
    """Serve the placement group routes."""
    groups = cloud.collection("placement_groups")
    servers = cloud.collection("servers")

    def get(ident: int) -> Json:
        return get_or_404(cloud, "placement_groups", ident, "placement group")

    def server_view(server: Json, shown: Json) -> None:
        embedded = server.get("placement_group")
        current = groups.get(embedded["id"]) if embedded is not None else None
        shown["placement_group"] = None if current is None else public(current)

    def create_check(body: Body, location: Json | None) -> None:
        ident = body.ident("placement_group")
        if ident is not None and ident not in groups:
            body.error("placement_group", f"placement group {ident} not found")

    def server_created(server: Json, body: Body, next_actions: list[Json]) -> None:
        ident = body.data.get("placement_group")
        if ident is not None:
            groups[ident]["servers"].append(server["id"])
            server["placement_group"] = public(groups[ident])

    def server_deleted(server: Json) -> None:
        for group in groups.values():
            if server["id"] in group["servers"]:
                group["servers"].remove(server["id"])

    cloud.add_view("servers", server_view)
    cloud.on("server_create_check", create_check)
    cloud.on("server_created", server_created)
    cloud.on("server_deleted", server_deleted)

    @cloud.route("GET", "/placement_groups")
    def list_groups(req: Req) -> Reply:
        return cloud.list_reply(
            req,
            "placement_groups",
            groups.values(),
            sort=("id", "name", "created"),
            filters={"type": lambda group, values: group["type"] in values},
        )

    @cloud.route("POST", "/placement_groups")
    def create_group(req: Req) -> Reply:
        body = req.body()
        name = body.text("name", required=True)
        kind = body.choice("type", ("spread",), required=True)
        labels = body.labels() or {}
        body.done()
        assert name is not None
        assert kind is not None
        check_unique_name(cloud, "placement_groups", name, "placement group")
        ident = cloud.new_id()
        group: Json = {
            "id": ident,
            "name": name,
            "labels": labels,
            "type": kind,
            "created": cloud.now_iso(),
            "servers": [],
        }
        groups[ident] = group
        return 201, {"placement_group": public(group), "action": None}

    @cloud.route("GET", "/placement_groups/{id}")
    def get_group(req: Req, id: int) -> Reply:
        return {"placement_group": public(get(id))}

    @cloud.route("PUT", "/placement_groups/{id}")
    def update_group(req: Req, id: int) -> Reply:
        group = get(id)
        fields = {"name": "string", "labels": "object"}
        apply_update(cloud, req, group, "placement_groups", "placement group", fields)
        return {"placement_group": public(group)}

    @cloud.route("DELETE", "/placement_groups/{id}")
    def delete_group(req: Req, id: int) -> Reply:
        get(id)
        del groups[id]
        for server in servers.values():
            if (server.get("placement_group") or {}).get("id") == id:
                server["placement_group"] = None
        return 204, None
