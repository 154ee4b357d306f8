"""Images: seeded system images, snapshots and backups (made by servers), protection."""

from __future__ import annotations

from .._clock import iso
from .._core import ApiError, FakeCloud, Json, Reply, Req, get_or_404, public
from ._shared import apply_update, change_protection, check_deletable, register_action_routes

ORDER = 20

# id (x86; Arm is id + 1), name, description, os_flavor, os_version, disk GB, deprecated
SYSTEM_IMAGES: list[tuple[int, str, str, str, str, float, bool]] = [
    (67794396, "ubuntu-20.04", "Ubuntu 20.04", "ubuntu", "20.04", 5.0, True),
    (67794398, "ubuntu-22.04", "Ubuntu 22.04", "ubuntu", "22.04", 5.0, False),
    (161547268, "ubuntu-24.04", "Ubuntu 24.04", "ubuntu", "24.04", 5.0, False),
    (114690386, "debian-12", "Debian 12", "debian", "12", 5.0, False),
    (45557056, "debian-11", "Debian 11", "debian", "11", 5.0, False),
    (186912508, "fedora-41", "Fedora 41", "fedora", "41", 5.0, False),
    (76766498, "rocky-9", "Rocky Linux 9", "rocky", "9", 5.0, False),
    (76766500, "alma-9", "AlmaLinux 9", "alma", "9", 5.0, False),
    (59752342, "centos-stream-9", "CentOS Stream 9", "centos", "9", 5.0, False),
    (167478870, "opensuse-15", "openSUSE Leap 15", "opensuse", "15.6", 5.0, False),
]
RELEASED = 1704067200.0  # 2024-01-01
IMAGE_SORT = ("id", "name", "created", "description", "type", "image_size", "disk_size")


def system_image(ident: int, row: tuple[str, str, str, str, float, bool], arch: str) -> Json:
    """The API form of a system image."""
    name, description, flavor, version, disk, deprecated = row
    return {
        "id": ident,
        "type": "system",
        "status": "available",
        "name": name,
        "description": description,
        "image_size": None,
        "disk_size": disk,
        "created": iso(RELEASED),
        "created_from": None,
        "bound_to": None,
        "os_flavor": flavor,
        "os_version": version,
        "rapid_deploy": True,
        "protection": {"delete": False},
        "deprecated": iso(RELEASED + 86400 * 300) if deprecated else None,
        "deleted": None,
        "labels": {},
        "architecture": arch,
    }


def register(cloud: FakeCloud) -> None:
    """Seed the system images and serve the image routes."""
    images = cloud.collection("images")
    for ident, *row in SYSTEM_IMAGES:
        for offset, arch in ((0, "x86"), (1, "arm")):
            images[ident + offset] = system_image(ident + offset, tuple(row), arch)  # type: ignore[arg-type]

    def server_deleted(server: Json) -> None:
        # Backups bound to a deleted server can no longer be used.
        for image in images.values():
            if image.get("bound_to") == server["id"]:
                image["status"] = "unavailable"

    cloud.on("server_deleted", server_deleted)

    def include(image: Json, req: Req) -> bool:
        if image["status"] == "unavailable" and image["type"] == "snapshot":
            return False
        return image["deprecated"] is None or bool(req.flag_arg("include_deprecated"))

    @cloud.route("GET", "/images")
    def list_images(req: Req) -> Reply:
        return cloud.list_reply(
            req,
            "images",
            [image for image in images.values() if include(image, req)],
            sort=IMAGE_SORT,
            filters={
                "type": lambda image, values: image["type"] in values,
                "status": lambda image, values: image["status"] in values,
                "bound_to": lambda image, values: str(image["bound_to"]) in values,
                "architecture": lambda image, values: image["architecture"] in values,
            },
        )

    @cloud.route("GET", "/images/{id}")
    def get_image(req: Req, id: int) -> Reply:
        return {"image": public(get_or_404(cloud, "images", id, "image"))}

    @cloud.route("PUT", "/images/{id}")
    def update_image(req: Req, id: int) -> Reply:
        image = get_or_404(cloud, "images", id, "image")
        if image["type"] in ("system", "app"):
            raise ApiError(403, "forbidden", "system images cannot be changed")

        def only_snapshot(body: object) -> None:
            from .._core import Body

            assert isinstance(body, Body)
            if body.has("type"):
                body.choice("type", ["snapshot"])

        apply_update(
            cloud,
            req,
            image,
            "images",
            "image",
            {"description": "string", "type": "string", "labels": "object"},
            unique_name=False,
            check=only_snapshot,
        )
        if image["type"] == "snapshot":
            image["bound_to"] = None
        return {"image": public(image)}

    @cloud.route("DELETE", "/images/{id}")
    def delete_image(req: Req, id: int) -> Reply:
        image = get_or_404(cloud, "images", id, "image")
        if image["type"] in ("system", "app"):
            raise ApiError(403, "forbidden", "system images cannot be deleted")
        check_deletable(cloud, image, "image", f"image {id}")
        del images[id]
        return 204, None

    @cloud.route("POST", "/images/{id}/actions/change_protection")
    def protect_image(req: Req, id: int) -> Reply:
        image = get_or_404(cloud, "images", id, "image")
        if image["type"] in ("system", "app"):
            raise ApiError(403, "forbidden", "system images cannot be changed")
        change_protection(cloud, req, image, ("delete",))
        action = cloud.instant_action("change_protection", [("image", id)], family="images")
        return 201, {"action": public(action)}

    register_action_routes(cloud, "images", "image", "image")
