"""Pieces every family module uses: action listings, updates, protection."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from .._core import ApiError, Body, FakeCloud, Json, Reply, Req, get_or_404, public

__all__ = [
    "ACTION_SORT",
    "action_filters",
    "apply_update",
    "register_action_routes",
]

ACTION_SORT = ("id", "command", "status", "started", "finished")
"""Fields that action listings sort by."""


def action_filters() -> dict[str, Callable[[Json, list[str]], bool]]:
    """The ``id`` and ``status`` filters of action listings."""
    return {
        "id": lambda action, values: str(action["id"]) in values,
        "status": lambda action, values: action["status"] in values,
    }


def register_action_routes(cloud: FakeCloud, family: str, kind: str, what: str) -> None:
    """The four action routes of a family with actions.

    ``GET /<family>/actions``, ``GET /<family>/actions/{id}``,
    ``GET /<family>/{id}/actions`` and ``GET /<family>/{id}/actions/{action_id}``.

    Args:
        cloud: The fake cloud.
        family: The collection, e.g. ``"servers"``.
        kind: The resource type in actions, e.g. ``"server"``.
        what: Name used in ``not_found`` messages, e.g. ``"server"``.
    """

    def of_family() -> list[Json]:
        return [
            a
            for a in cloud.collection("actions").values()
            if cloud.action_family(a["id"]) == family
        ]

    def of_resource(ident: int) -> list[Json]:
        return [
            a
            for a in of_family()
            if any(r["type"] == kind and r["id"] == ident for r in a["resources"])
        ]

    @cloud.route("GET", f"/{family}/actions")
    def list_all(req: Req) -> Reply:
        return cloud.list_reply(
            req, "actions", of_family(), sort=ACTION_SORT, filters=action_filters(), labels=False
        )

    @cloud.route("GET", f"/{family}/actions/{{id}}")
    def get_one(req: Req, id: int) -> Reply:
        for action in of_family():
            if action["id"] == id:
                return {"action": public(action)}
        raise ApiError.not_found("action")

    @cloud.route("GET", f"/{family}/{{id}}/actions")
    def list_of(req: Req, id: int) -> Reply:
        get_or_404(cloud, family, id, what)
        return cloud.list_reply(
            req,
            "actions",
            of_resource(id),
            sort=ACTION_SORT,
            filters={"status": action_filters()["status"]},
            labels=False,
        )

    @cloud.route("GET", f"/{family}/{{id}}/actions/{{action_id}}")
    def get_of(req: Req, id: int, action_id: int) -> Reply:
        get_or_404(cloud, family, id, what)
        for action in of_resource(id):
            if action["id"] == action_id:
                return {"action": public(action)}
        raise ApiError.not_found("action")


def apply_update(
    cloud: FakeCloud,
    req: Req,
    item: Json,
    collection: str,
    what: str,
    fields: dict[str, str],
    *,
    unique_name: bool = True,
    check: Callable[[Body], Any] | None = None,
) -> None:
    """Apply a ``PUT`` body to ``item``.

    Args:
        cloud: The fake cloud.
        req: The request.
        item: The stored object.
        collection: Its collection.
        what: Its kind, for messages.
        fields: Updatable field -> JSON type (``"labels"`` is checked as labels).
        unique_name: Whether names are unique in the collection.
        check: Extra checks on the body before anything changes.
    """
    body = req.body()
    values: dict[str, Any] = {}
    for name, kind in fields.items():
        if not body.has(name):
            continue
        if name == "labels":
            values[name] = body.labels()
        else:
            values[name] = body.get(name, kind.rstrip("?"), nullable=kind.endswith("?"))
    if check is not None:
        check(body)
    body.done()
    if unique_name and isinstance(values.get("name"), str):
        from .._core import check_unique_name

        check_unique_name(cloud, collection, values["name"], what, exclude=item["id"])
    old_labels = item.get("labels")
    for name, value in values.items():
        if value is not None or fields[name].endswith("?"):
            item[name] = value
    if values.get("labels") is not None and values["labels"] != old_labels:
        cloud.emit("labels_changed", collection=collection, item=item, old=old_labels)


def change_protection(cloud: FakeCloud, req: Req, item: Json, keys: tuple[str, ...]) -> Body:
    """Read and apply a ``change_protection`` body (returns the checked body)."""
    body = req.body()
    values = {key: body.flag(key) for key in keys}
    body.done()
    for key, value in values.items():
        if value is not None:
            item["protection"][key] = value
    return body


def check_deletable(cloud: FakeCloud, item: Json, kind: str, what: str) -> None:
    """Refuse to delete a protected ``item`` (423 ``protected``) or one an action locks."""
    if item["protection"]["delete"]:
        raise ApiError.protected(what)
    cloud.check_unlocked(kind, item["id"])
