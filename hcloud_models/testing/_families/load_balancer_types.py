"""Load Balancer types: the read-only catalog of Load Balancer sizes, priced as in ``/pricing``."""

from __future__ import annotations

from .._core import ApiError, FakeCloud, Json, Reply, Req, public

ORDER = 11

LIMITS = {
    "lb11": (10000, 5, 25, 10),
    "lb21": (20000, 15, 75, 25),
    "lb31": (40000, 30, 150, 50),
}
"""name -> (max_connections, max_services, max_targets, max_assigned_certificates)."""


def register(cloud: FakeCloud) -> None:
    """Seed the Load Balancer types from the price list and serve their routes."""
    types = cloud.collection("load_balancer_types")
    for priced in cloud.db["_pricing"][0]["load_balancer_types"]:
        connections, services, targets, certificates = LIMITS[priced["name"]]
        lb_type: Json = {
            "id": priced["id"],
            "name": priced["name"],
            "description": priced["name"].upper(),
            "max_connections": connections,
            "max_services": services,
            "max_targets": targets,
            "max_assigned_certificates": certificates,
            "deprecated": None,
            "deprecation": None,
            "prices": [dict(p) for p in priced["prices"]],
        }
        types[lb_type["id"]] = lb_type

    @cloud.route("GET", "/load_balancer_types")
    def list_types(req: Req) -> Reply:
        items = list(types.values())
        name = req.arg("name")
        if name is not None:
            items = [t for t in items if t["name"] == name]
        return cloud.paginate(req, "load_balancer_types", items)

    @cloud.route("GET", "/load_balancer_types/{id}")
    def get_type(req: Req, id: int) -> Reply:
        item = types.get(id)
        if item is None:
            raise ApiError.not_found("load balancer type")
        return {"load_balancer_type": public(item)}
