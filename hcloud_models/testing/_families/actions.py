"""Actions of every family: ``GET /actions?id=..`` and ``GET /actions/{id}``."""

from __future__ import annotations

from .._core import ApiError, FakeCloud, Reply, Req, public
from ._shared import ACTION_SORT, action_filters

ORDER = 15


def register(cloud: FakeCloud) -> None:
    """Serve the cross-family action routes."""

    @cloud.route("GET", "/actions")
    def list_actions(req: Req) -> Reply:
        ids = req.args("id")
        if not ids:
            raise ApiError.invalid({"id": ["is missing"]})
        if not all(value.isdigit() for value in ids):
            raise ApiError.invalid({"id": ["is not an integer"]})
        return cloud.list_reply(
            req,
            "actions",
            cloud.collection("actions").values(),
            sort=ACTION_SORT,
            filters=action_filters(),
            labels=False,
        )

    @cloud.route("GET", "/actions/{id}")
    def get_action(req: Req, id: int) -> Reply:
        action = cloud.collection("actions").get(id)
        if action is None:
            raise ApiError.not_found("action")
        return {"action": public(action)}
