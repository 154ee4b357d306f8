"""Placement groups: create/get/list/update/delete; servers join them through server actions."""

from __future__ import annotations

from .._core import FakeCloud, Json, Reply, Req, check_unique_name, get_or_404, public
from ._shared import apply_update

ORDER = 50


def register(cloud: FakeCloud) -> None:
    """Serve the placement group routes."""
    groups = cloud.collection("placement_groups")
    servers = cloud.collection("servers")

    def sync() -> None:
        # Deleted servers leave their groups; servers show their group as it is now.
        for group in groups.values():
            group["servers"] = [s for s in group["servers"] if s in servers]
        for server in servers.values():
            embedded = server.get("placement_group")
            if embedded is not None:
                current = groups.get(embedded["id"])
                server["placement_group"] = None if current is None else public(current)

    def get(ident: int) -> Json:
        sync()
        return get_or_404(cloud, "placement_groups", ident, "placement group")

    @cloud.route("GET", "/placement_groups")
    def list_groups(req: Req) -> Reply:
        sync()
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
        sync()
        return {"placement_group": public(group)}

    @cloud.route("DELETE", "/placement_groups/{id}")
    def delete_group(req: Req, id: int) -> Reply:
        get(id)
        del groups[id]
        sync()
        return 204, None
