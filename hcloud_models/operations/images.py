"""Operations on images: list, read, change, delete, protect, and their actions."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

from .._modes import Async
from ..models.actions import Action
from ..models.images import Image, ImageChangeProtection, ImageUpdate
from ..models.page import Page
from ._call import (
    Body,
    Call,
    ObjectPath,
    Ref,
    SortIdNameCreated,
    first_of,
    list_query,
    no_reply,
    page_of,
    ref_ids,
    unwrap,
)
from .actions import ACTION, FamilyActions

__all__ = [
    "ACTIONS",
    "Architecture",
    "ImageStatus",
    "ImageType",
    "change_image_protection",
    "delete_image",
    "get_image",
    "get_image_by_name",
    "list_images",
    "update_image",
]

ImageType = Literal["system", "app", "snapshot", "backup"]
"""The kinds of image."""

ImageStatus = Literal["available", "creating", "unavailable"]
"""The states an image can be in."""

Architecture = Literal["x86", "arm"]
"""The CPU architectures an image can be made for."""

IMAGE = unwrap("image", Image)
IMAGES = page_of("images", Image)
ACTIONS: FamilyActions = FamilyActions("images", "image")


_path = ObjectPath("images")


def list_images(
    *,
    name: str | None = None,
    label_selector: str | None = None,
    type: ImageType | Sequence[ImageType] | None = None,  # noqa: A002 - the API's parameter name
    status: ImageStatus | Sequence[ImageStatus] | None = None,
    bound_to: Ref | Sequence[Ref] | None = None,
    include_deprecated: bool | None = None,
    architecture: Architecture | None = None,
    sort: SortIdNameCreated | Sequence[SortIdNameCreated] | None = None,
    page: int | None = None,
    per_page: int | None = None,
) -> Call[Page[Image], Page[Image[Async]]]:
    """List images, one page at a time.

    Args:
        name: Only the images with exactly this name.
        label_selector: Only images whose labels match, e.g. ``"env=prod"``.
        type: Only images of this kind (or these kinds): ``"system"``, ``"app"``,
            ``"snapshot"``, ``"backup"``.
        status: Only images in this state (or these states).
        bound_to: Only backups of this server (or these servers), given as
            servers or ids.
        include_deprecated: Also list images that are deprecated.
        architecture: Only images for ``"x86"`` or for ``"arm"``.
        sort: ``id``, ``name`` or ``created``, optionally with ``:asc``/``:desc``; repeatable.
        page: Page number, from 1.
        per_page: Images per page, 1 to 50 (the API's default is 25).
    """
    params = list_query(
        type=type,
        status=status,
        bound_to=ref_ids(bound_to),
        include_deprecated=include_deprecated,
        name=name,
        label_selector=label_selector,
        architecture=architecture,
        sort=sort,
        page=page,
        per_page=per_page,
    )
    return Call("GET", "/images", IMAGES, params)


def get_image_by_name(
    name: str,
    /,
    *,
    architecture: Architecture | None = None,
    include_deprecated: bool | None = None,
) -> Call[Image | None, Image[Async] | None]:
    """Fetch the image with this name, or ``None`` when there is none.

    System images of the same name exist for each architecture; give
    ``architecture`` to choose one, otherwise the API's first match is returned.

    Args:
        name: The image's name, e.g. ``"ubuntu-24.04"``.
        architecture: ``"x86"`` or ``"arm"``.
        include_deprecated: Also consider deprecated images.
    """
    params = list_query(name=name, architecture=architecture, include_deprecated=include_deprecated)
    return Call("GET", "/images", first_of("images", Image), params)


def get_image(image: Ref, /) -> Call[Image, Image[Async]]:
    """Fetch one image.

    Args:
        image: The image, or its id.
    """
    return Call("GET", _path(image), IMAGE)


def update_image(
    image: Ref,
    payload: ImageUpdate | Body = None,
    /,
    *,
    description: str | None = None,
    type: Literal["snapshot"] | None = None,  # noqa: A002 - the API's field name
    labels: dict[str, str] | None = None,
) -> Call[Image, Image[Async]]:
    """Change an image's description or labels, or turn a backup into a snapshot.

    Only snapshots and backups can be changed.

    Args:
        image: The image, or its id.
        payload: The changes as a model or mapping; keywords win over it.
        description: New description.
        type: ``"snapshot"`` to turn a backup into a snapshot (the only value allowed).
        labels: New labels; they replace the old ones entirely.
    """
    body = ImageUpdate.build(payload, description=description, type=type, labels=labels)
    return Call.with_payload("PUT", _path(image), IMAGE, body)


def delete_image(image: Ref, /) -> Call[None, None]:
    """Delete a snapshot or backup image (system and app images can't be deleted).

    Args:
        image: The image, or its id.
    """
    return Call("DELETE", _path(image), no_reply)


def change_image_protection(
    image: Ref,
    payload: ImageChangeProtection | Body = None,
    /,
    *,
    delete: bool | None = None,
) -> Call[Action, Action[Async]]:
    """Turn an image's protection against deletion on or off.

    Args:
        image: The image, or its id.
        payload: The body as a model or mapping; keywords win over it.
        delete: Protect the image against deletion.
    """
    body = ImageChangeProtection.build(payload, delete=delete)
    return Call.with_payload("POST", _path(image, "change_protection"), ACTION, body)
