"""Storage Boxes (Hetzner API): types, boxes, subaccounts, snapshots and their actions.

Boxes start ``initializing`` and get their username, host and system when
their ``create`` action ends.  Subaccounts and snapshots live in their own
collections and name their box in ``storage_box``; deleting a box removes
them.  Snapshots taken by a snapshot plan are not simulated.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
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
    select_by_name_and_labels,
    sort_items,
)
from ._shared import apply_update, change_protection, check_deletable, register_action_routes

ORDER = 60

VAT = 0.19
GB = 2**30

# id, name, size in GB, snapshot limit, automatic snapshot limit, subaccounts, monthly EUR
STORAGE_BOX_TYPES: list[tuple[int, str, int, int, int, int, float]] = [
    (1, "bx11", 1024, 10, 10, 100, 3.20),
    (2, "bx21", 5120, 20, 20, 200, 10.90),
    (3, "bx31", 10240, 30, 30, 300, 20.80),
    (4, "bx41", 20480, 40, 40, 400, 40.60),
]
LOCATIONS = ("fsn1", "hel1")

_HOME = re.compile(r"^[a-zA-Z0-9 ./_-]+$")
_PASSWORD_SPECIALS = frozenset("^°!§$%/()=?+#-.,;:~*@{}_&")
_PASSWORD_LETTERS = frozenset("ÄÖÜäöüß")
_SNAPSHOT_DESCRIPTION = re.compile(r"^[a-zA-Z0-9\-_,:<>+#!()\[\]{} ]*$")


def _price(net: float) -> Json:
    return {"net": f"{net:.4f}", "gross": f"{net * (1 + VAT):.4f}"}


def storage_box_type_json(row: tuple[int, str, int, int, int, int, float]) -> Json:
    """The API form of one Storage Box type row."""
    ident, name, size, snapshots, automatic, subaccounts, monthly = row
    return {
        "id": ident,
        "name": name,
        "description": name.upper(),
        "snapshot_limit": snapshots,
        "automatic_snapshot_limit": automatic,
        "subaccounts_limit": subaccounts,
        "size": size * GB,
        "prices": [
            {
                "location": location,
                "price_hourly": _price(monthly / 720),
                "price_monthly": _price(monthly),
                "setup_fee": _price(0.0),
            }
            for location in LOCATIONS
        ],
        "deprecation": None,
    }


def _check_password(body: Body, name: str = "password") -> None:
    password = body.text(name, required=True)
    if password is None:
        return
    allowed = all(
        (ch.isascii() and ch.isalnum()) or ch in _PASSWORD_LETTERS or ch in _PASSWORD_SPECIALS
        for ch in password
    )
    kinds = (
        any(ch.isupper() for ch in password),
        any(ch.islower() for ch in password),
        any(ch.isdigit() for ch in password),
        any(ch in _PASSWORD_SPECIALS for ch in password),
    )
    if not 12 <= len(password) <= 128 or not allowed or not all(kinds):
        body.error(name, "does not meet the password policy")


def _home_directory(body: Body) -> str | None:
    home = body.text("home_directory", required=True)
    if home is not None and (
        not 1 <= len(home) <= 999 or not _HOME.match(home) or home.startswith("/")
    ):
        body.error("home_directory", "is not a valid directory")
        return None
    return home


def _access_settings(body: Body, keys: tuple[str, ...], name: str | None = None) -> Json:
    """Flags of an access settings object (``name``) or of the body itself."""
    if name is None:
        values = {key: body.flag(key) for key in keys}
    else:
        raw = body.get(name, "object")
        nested = Body(raw if raw is not None else {})
        values = {key: nested.flag(key) for key in keys}
        unknown = set(raw or {}) - set(keys)
        for problem in sorted(unknown):
            nested.error(problem, "is not a known setting")
        for field_name, messages in nested.errors.items():
            for message in messages:
                body.error(f"{name}.{field_name}", message)
    return {key: value for key, value in values.items() if value is not None}


def _bounded_int(body: Body, name: str, low: int, high: int | None, *, required: bool) -> Any:
    value = body.get(name, "integer", required=required, nullable=not required)
    if value is not None and (value < low or (high is not None and value > high)):
        body.error(name, f"must be between {low} and {high}" if high else f"must be {low} or more")
    return value


def _unpaged(
    req: Req,
    key: str,
    items: Iterable[Json],
    *,
    sort: tuple[str, ...],
    filters: dict[str, Callable[[Json, str], bool]],
) -> Reply:
    """A list that the API does not page: ``name``, ``label_selector``, filters and ``sort``."""
    chosen = select_by_name_and_labels(req, items)
    for param, predicate in filters.items():
        value = req.arg(param)
        if value is not None:
            chosen = [item for item in chosen if predicate(item, value)]
    return {key: [public(item) for item in sort_items(chosen, req.args("sort"), sort)]}


def register(cloud: FakeCloud) -> None:
    """Serve the Storage Box routes (the Hetzner API, from the same fake)."""
    box_settings = ("reachable_externally", "samba_enabled", "ssh_enabled", "webdav_enabled",
                    "zfs_enabled")  # fmt: skip
    types = cloud.collection("storage_box_types")
    for row in STORAGE_BOX_TYPES:
        types[row[0]] = storage_box_type_json(row)
    boxes = cloud.collection("storage_boxes")
    subaccounts = cloud.collection("storage_box_subaccounts")
    snapshots = cloud.collection("storage_box_snapshots")

    def box_of(ident: int) -> Json:
        return get_or_404(cloud, "storage_boxes", ident, "storage box")

    def sub_of(box_id: int, ident: int) -> Json:
        box_of(box_id)
        sub = subaccounts.get(ident)
        if sub is None or sub["storage_box"] != box_id:
            raise ApiError.not_found("storage box subaccount")
        return sub

    def snapshot_of(box_id: int, ident: int) -> Json:
        box_of(box_id)
        snap = snapshots.get(ident)
        if snap is None or snap["storage_box"] != box_id:
            raise ApiError.not_found("storage box snapshot")
        return snap

    def ready(box: Json) -> None:
        """A box must be set up and free of running actions before it changes."""
        cloud.check_unlocked("storage_box", box["id"])
        if box["status"] != "active":
            raise ApiError(423, "locked", f"storage box {box['id']} is {box['status']}")

    def action(command: str, box: Json, *extra: tuple[str, int], **kwargs: Any) -> Reply:
        started = cloud.start_action(
            command,
            [("storage_box", box["id"]), *extra],
            family="storage_boxes",
            **kwargs,
        )
        return 201, {"action": public(started)}

    def folders_of(box: Json) -> set[str]:
        found: set[str] = box["_folders"]
        return found

    def add_folder(box: Json, path: str) -> None:
        parts = [part for part in path.split("/") if part not in ("", ".")]
        for depth in range(1, len(parts) + 1):
            folders_of(box).add("/".join(parts[:depth]))

    # -- types --------------------------------------------------------------------

    @cloud.route("GET", "/storage_box_types")
    def list_types(req: Req) -> Reply:
        return cloud.list_reply(req, "storage_box_types", types.values(), sort=("id", "name"))

    @cloud.route("GET", "/storage_box_types/{id}")
    def get_type(req: Req, id: int) -> Reply:
        return {"storage_box_type": public(get_or_404(cloud, "storage_box_types", id, "type"))}

    # -- boxes --------------------------------------------------------------------

    def with_size_keys(box: Json) -> Json:
        # The API sorts boxes by their used size; sort_items reads top-level keys.
        return {
            **box,
            "stats.size": box["stats"]["size"],
            "stats.size_filesystem": box["stats"]["size_data"],
        }

    def without_size_keys(item: Json) -> Json:
        return {k: v for k, v in public(item).items() if not k.startswith("stats.")}

    @cloud.route("GET", "/storage_boxes")
    def list_boxes(req: Req) -> Reply:
        return cloud.list_reply(
            req,
            "storage_boxes",
            [with_size_keys(box) for box in boxes.values()],
            sort=("id", "name", "created", "stats.size", "stats.size_filesystem"),
            render=without_size_keys,
        )

    @cloud.route("POST", "/storage_boxes")
    def create_box(req: Req) -> Reply:
        body = req.body()
        name = body.text("name", required=True)
        location_ref = body.text("location", required=True)
        type_ref = body.text("storage_box_type", required=True)
        _check_password(body)
        labels = body.labels() or {}
        keys = body.get("ssh_keys", "array") or []
        if not all(isinstance(key, str) for key in keys):
            body.error("ssh_keys", "must be a list of strings")
        access = _access_settings(body, box_settings, "access_settings")
        body.done()
        assert name is not None
        location = find(cloud, "locations", location_ref, "location", "location")
        kind = find(cloud, "storage_box_types", type_ref, "storage box type", "storage_box_type")
        if location["name"] not in [p["location"] for p in kind["prices"]]:
            raise ApiError(412, "resource_unavailable", "type not available in this location")
        check_unique_name(cloud, "storage_boxes", name, "storage box")
        ident = cloud.new_id()
        box: Json = {
            "id": ident,
            "name": name,
            "storage_box_type": dict(kind),
            "location": dict(location),
            "access_settings": {
                "reachable_externally": False,
                "samba_enabled": False,
                "ssh_enabled": False,
                "webdav_enabled": False,
                "zfs_enabled": False,
            }
            | access,
            "snapshot_plan": None,
            "protection": {"delete": False},
            "labels": labels,
            "status": "initializing",
            "username": None,
            "server": None,
            "system": None,
            "stats": {"size": 0, "size_data": 0, "size_snapshots": 0},
            "created": cloud.now_iso(),
            "_folders": set(),
            "_ssh_keys": list(keys),
            "_subaccounts": 0,
        }
        boxes[ident] = box
        number = cloud.counter("storage_box") + 1

        def set_up() -> None:
            box.update(
                status="active",
                username=f"u{number}",
                server=f"u{number}.your-storagebox.de",
                system=f"{location['name'].upper()}-BX{number}",
            )

        started = cloud.start_action(
            "create", [("storage_box", ident)], family="storage_boxes", duration=5.0,
            on_success=set_up, on_error=lambda: boxes.pop(ident, None),
        )  # fmt: skip
        return 201, {"storage_box": public(box), "action": public(started)}

    @cloud.route("GET", "/storage_boxes/{id}")
    def get_box(req: Req, id: int) -> Reply:
        return {"storage_box": public(box_of(id))}

    @cloud.route("PUT", "/storage_boxes/{id}")
    def update_box(req: Req, id: int) -> Reply:
        box = box_of(id)
        apply_update(
            cloud, req, box, "storage_boxes", "storage box", {"name": "string", "labels": "object"}
        )
        return {"storage_box": public(box)}

    @cloud.route("DELETE", "/storage_boxes/{id}")
    def delete_box(req: Req, id: int) -> Reply:
        box = box_of(id)
        check_deletable(cloud, box, "storage_box", f"storage box {id}")

        def gone() -> None:
            boxes.pop(id, None)
            for collection in (subaccounts, snapshots):
                for ident in [k for k, v in collection.items() if v["storage_box"] == id]:
                    del collection[ident]

        return action("delete", box, duration=3.0, on_success=gone)

    @cloud.route("GET", "/storage_boxes/{id}/folders")
    def list_folders(req: Req, id: int) -> Reply:
        box = box_of(id)
        path = req.arg("path") or "."
        base = "/".join(part for part in path.split("/") if part not in ("", "."))
        if base and base not in folders_of(box):
            raise ApiError.not_found("folder")
        prefix = f"{base}/" if base else ""
        children = sorted(
            folder[len(prefix) :]
            for folder in folders_of(box)
            if folder.startswith(prefix) and "/" not in folder[len(prefix) :]
        )
        return {"folders": children}

    # -- box actions ----------------------------------------------------------------

    @cloud.route("POST", "/storage_boxes/{id}/actions/change_protection")
    def protect(req: Req, id: int) -> Reply:
        box = box_of(id)
        change_protection(cloud, req, box, ("delete",))
        done = cloud.instant_action(
            "change_protection", [("storage_box", id)], family="storage_boxes"
        )
        return 201, {"action": public(done)}

    @cloud.route("POST", "/storage_boxes/{id}/actions/change_type")
    def change_type(req: Req, id: int) -> Reply:
        box = box_of(id)
        body = req.body()
        ref = body.text("storage_box_type", required=True)
        body.done()
        kind = find(cloud, "storage_box_types", ref, "storage box type", "storage_box_type")
        if kind["size"] < box["stats"]["size"]:
            raise ApiError.invalid({"storage_box_type": ["is too small for the data stored"]})
        ready(box)

        def changed() -> None:
            box["storage_box_type"] = dict(kind)

        return action("change_type", box, duration=10.0, on_success=changed)

    @cloud.route("POST", "/storage_boxes/{id}/actions/reset_password")
    def reset_password(req: Req, id: int) -> Reply:
        box = box_of(id)
        body = req.body()
        _check_password(body)
        body.done()
        ready(box)
        return action("reset_password", box, duration=1.0)

    @cloud.route("POST", "/storage_boxes/{id}/actions/update_access_settings")
    def update_access(req: Req, id: int) -> Reply:
        box = box_of(id)
        body = req.body()
        values = _access_settings(body, box_settings)
        body.done()
        ready(box)

        def apply() -> None:
            box["access_settings"].update(values)

        return action("update_access_settings", box, duration=1.0, on_success=apply)

    @cloud.route("POST", "/storage_boxes/{id}/actions/rollback_snapshot")
    def rollback(req: Req, id: int) -> Reply:
        box = box_of(id)
        body = req.body()
        ref = body.text("snapshot", required=True)
        body.done()
        own = [s for s in snapshots.values() if s["storage_box"] == id]
        target = next((s for s in own if s["name"] == ref or str(s["id"]) == ref), None)
        if target is None:
            raise ApiError.invalid({"snapshot": [f"snapshot {ref!r} not found"]})
        ready(box)

        def rolled_back() -> None:
            for snap in own:
                if snap["id"] > target["id"]:
                    snapshots.pop(snap["id"], None)

        return action(
            "rollback_snapshot", box, ("storage_box_snapshot", target["id"]), duration=5.0,
            on_success=rolled_back,
        )  # fmt: skip

    @cloud.route("POST", "/storage_boxes/{id}/actions/enable_snapshot_plan")
    def enable_plan(req: Req, id: int) -> Reply:
        box = box_of(id)
        body = req.body()
        plan = {
            "max_snapshots": _bounded_int(body, "max_snapshots", 1, None, required=True),
            "minute": _bounded_int(body, "minute", 0, 59, required=True),
            "hour": _bounded_int(body, "hour", 0, 23, required=True),
            "day_of_week": _bounded_int(body, "day_of_week", 1, 7, required=False),
            "day_of_month": _bounded_int(body, "day_of_month", 1, 31, required=False),
        }
        body.done()
        limit = box["storage_box_type"]["automatic_snapshot_limit"]
        if limit is not None and plan["max_snapshots"] > limit:
            raise ApiError.invalid({"max_snapshots": [f"must be at most {limit} for this type"]})
        ready(box)

        def enabled() -> None:
            box["snapshot_plan"] = plan

        return action("enable_snapshot_plan", box, duration=1.0, on_success=enabled)

    @cloud.route("POST", "/storage_boxes/{id}/actions/disable_snapshot_plan")
    def disable_plan(req: Req, id: int) -> Reply:
        box = box_of(id)
        req.json()
        if box["snapshot_plan"] is None:
            raise ApiError(422, "unsupported_error", "the storage box has no snapshot plan")
        ready(box)
        return action(
            "disable_snapshot_plan", box, duration=1.0,
            on_success=lambda: box.update(snapshot_plan=None),
        )  # fmt: skip

    register_action_routes(cloud, "storage_boxes", "storage_box", "storage box")

    # -- subaccounts ------------------------------------------------------------------

    sub_settings = ("reachable_externally", "samba_enabled", "ssh_enabled", "webdav_enabled",
                    "readonly")  # fmt: skip

    @cloud.route("GET", "/storage_boxes/{id}/subaccounts")
    def list_subs(req: Req, id: int) -> Reply:
        box_of(id)
        own = [s for s in subaccounts.values() if s["storage_box"] == id]
        return _unpaged(
            req,
            "subaccounts",
            own,
            sort=("id", "created"),
            filters={"username": lambda sub, value: sub["username"] == value},
        )

    @cloud.route("POST", "/storage_boxes/{id}/subaccounts")
    def create_sub(req: Req, id: int) -> Reply:
        box = box_of(id)
        body = req.body()
        home = _home_directory(body)
        _check_password(body)
        access = _access_settings(body, sub_settings, "access_settings")
        name = body.text("name")
        if name is not None and not 1 <= len(name) <= 50:
            body.error("name", "must be 1 to 50 characters long")
        description = body.text("description") or ""
        if len(description) > 1000:
            body.error("description", "is longer than 1000 characters")
        labels = body.labels() or {}
        body.done()
        assert home is not None
        ready(box)
        own = [s for s in subaccounts.values() if s["storage_box"] == id]
        if len(own) >= box["storage_box_type"]["subaccounts_limit"]:
            raise ApiError(403, "resource_limit_exceeded", "subaccount limit reached")
        box["_subaccounts"] += 1
        username = f"{box['username']}-sub{box['_subaccounts']}"
        if name is None:
            name = username
        if any(s["name"] == name for s in own):
            raise ApiError.unique("name", "subaccount with the same name already exists")
        ident = cloud.new_id()
        sub: Json = {
            "storage_box": id,
            "id": ident,
            "name": name,
            "home_directory": home,
            "access_settings": {
                "reachable_externally": False,
                "samba_enabled": False,
                "ssh_enabled": False,
                "webdav_enabled": False,
                "readonly": False,
            }
            | access,
            "description": description,
            "labels": labels,
            "username": username,
            "server": f"{username}.your-storagebox.de",
            "created": cloud.now_iso(),
        }
        subaccounts[ident] = sub
        add_folder(box, home)
        started = cloud.start_action(
            "create_subaccount",
            [("storage_box", id), ("storage_box_subaccount", ident)],
            family="storage_boxes",
            duration=2.0,
            locks=[("storage_box_subaccount", ident)],
            on_error=lambda: subaccounts.pop(ident, None),
        )
        return 201, {"subaccount": {"id": ident, "storage_box": id}, "action": public(started)}

    @cloud.route("GET", "/storage_boxes/{id}/subaccounts/{subaccount_id}")
    def get_sub(req: Req, id: int, subaccount_id: int) -> Reply:
        return {"subaccount": public(sub_of(id, subaccount_id))}

    @cloud.route("PUT", "/storage_boxes/{id}/subaccounts/{subaccount_id}")
    def update_sub(req: Req, id: int, subaccount_id: int) -> Reply:
        sub = sub_of(id, subaccount_id)

        def check(body: Body) -> None:
            name = body.data.get("name")
            if isinstance(name, str) and not 1 <= len(name) <= 50:
                body.error("name", "must be 1 to 50 characters long")
            description = body.data.get("description")
            if isinstance(description, str) and len(description) > 1000:
                body.error("description", "is longer than 1000 characters")

        fields = {"name": "string", "description": "string", "labels": "object"}
        apply_update(cloud, req, sub, "storage_box_subaccounts", "subaccount", fields,
                     unique_name=False, check=check)  # fmt: skip
        return {"subaccount": public(sub)}

    def sub_action(command: str, sub: Json, **kwargs: Any) -> Reply:
        cloud.check_unlocked("storage_box_subaccount", sub["id"])
        started = cloud.start_action(
            command,
            [("storage_box", sub["storage_box"]), ("storage_box_subaccount", sub["id"])],
            family="storage_boxes",
            locks=[("storage_box_subaccount", sub["id"])],
            **kwargs,
        )
        return 201, {"action": public(started)}

    @cloud.route("DELETE", "/storage_boxes/{id}/subaccounts/{subaccount_id}")
    def delete_sub(req: Req, id: int, subaccount_id: int) -> Reply:
        sub = sub_of(id, subaccount_id)
        return sub_action(
            "delete_subaccount", sub, duration=1.0,
            on_success=lambda: subaccounts.pop(subaccount_id, None),
        )  # fmt: skip

    base = "/storage_boxes/{id}/subaccounts/{subaccount_id}/actions"

    @cloud.route("POST", f"{base}/change_home_directory")
    def change_home(req: Req, id: int, subaccount_id: int) -> Reply:
        sub = sub_of(id, subaccount_id)
        body = req.body()
        home = _home_directory(body)
        body.done()
        assert home is not None

        def moved() -> None:
            sub["home_directory"] = home
            add_folder(box_of(id), home)

        return sub_action("change_home_directory", sub, duration=1.0, on_success=moved)

    @cloud.route("POST", f"{base}/reset_subaccount_password")
    def reset_sub_password(req: Req, id: int, subaccount_id: int) -> Reply:
        sub = sub_of(id, subaccount_id)
        body = req.body()
        _check_password(body)
        body.done()
        return sub_action("reset_subaccount_password", sub, duration=1.0)

    @cloud.route("POST", f"{base}/update_access_settings")
    def update_sub_access(req: Req, id: int, subaccount_id: int) -> Reply:
        sub = sub_of(id, subaccount_id)
        body = req.body()
        values = _access_settings(body, sub_settings)
        body.done()

        def apply() -> None:
            sub["access_settings"].update(values)

        return sub_action("update_access_settings", sub, duration=1.0, on_success=apply)

    # -- snapshots ----------------------------------------------------------------------

    @cloud.route("GET", "/storage_boxes/{id}/snapshots")
    def list_snapshots(req: Req, id: int) -> Reply:
        box_of(id)
        automatic = req.flag_arg("is_automatic")
        own = [
            s
            for s in snapshots.values()
            if s["storage_box"] == id and (automatic is None or s["is_automatic"] == automatic)
        ]
        return _unpaged(req, "snapshots", own, sort=("id", "name", "created"), filters={})

    def description_of(body: Body) -> str | None:
        description = body.text("description")
        if description is not None and (
            len(description) > 1000 or not _SNAPSHOT_DESCRIPTION.match(description)
        ):
            body.error("description", "is not a valid description")
        return description

    @cloud.route("POST", "/storage_boxes/{id}/snapshots")
    def create_snapshot(req: Req, id: int) -> Reply:
        box = box_of(id)
        body = req.body()
        description = description_of(body)
        labels = body.labels() or {}
        body.done()
        ready(box)
        manual = [s for s in snapshots.values() if s["storage_box"] == id and not s["is_automatic"]]
        limit = box["storage_box_type"]["snapshot_limit"]
        if limit is not None and len(manual) >= limit:
            raise ApiError(403, "resource_limit_exceeded", "snapshot limit reached")
        ident = cloud.new_id()
        snap: Json = {
            "storage_box": id,
            "id": ident,
            "name": cloud.now_iso().replace(":", "-").removesuffix("Z") + f"-{ident}",
            "description": description or "",
            "labels": labels,
            "stats": {"size": 0, "size_filesystem": box["stats"]["size_data"]},
            "is_automatic": False,
            "created": cloud.now_iso(),
        }
        snapshots[ident] = snap
        started = cloud.start_action(
            "create_snapshot",
            [("storage_box", id), ("storage_box_snapshot", ident)],
            family="storage_boxes",
            duration=2.0,
            on_error=lambda: snapshots.pop(ident, None),
        )
        return 201, {"snapshot": {"id": ident, "storage_box": id}, "action": public(started)}

    @cloud.route("GET", "/storage_boxes/{id}/snapshots/{snapshot_id}")
    def get_snapshot(req: Req, id: int, snapshot_id: int) -> Reply:
        return {"snapshot": public(snapshot_of(id, snapshot_id))}

    @cloud.route("PUT", "/storage_boxes/{id}/snapshots/{snapshot_id}")
    def update_snapshot(req: Req, id: int, snapshot_id: int) -> Reply:
        snap = snapshot_of(id, snapshot_id)
        apply_update(
            cloud, req, snap, "storage_box_snapshots", "snapshot",
            {"description": "string", "labels": "object"}, unique_name=False,
            check=description_of,
        )  # fmt: skip
        return {"snapshot": public(snap)}

    @cloud.route("DELETE", "/storage_boxes/{id}/snapshots/{snapshot_id}")
    def delete_snapshot(req: Req, id: int, snapshot_id: int) -> Reply:
        box = box_of(id)
        snapshot_of(id, snapshot_id)
        cloud.check_unlocked("storage_box", id)
        return action(
            "delete_snapshot", box, ("storage_box_snapshot", snapshot_id), duration=1.0,
            on_success=lambda: snapshots.pop(snapshot_id, None),
        )  # fmt: skip
