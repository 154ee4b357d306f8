"""Operations on placement groups: create, list, change and delete them."""

from __future__ import annotations

from collections.abc import Sequence

from .._modes import Async
from ..models.page import Page
from ..models.placement_groups import (
    CreatePlacementGroupResult,
    PlacementGroup,
    PlacementGroupCreate,
    PlacementGroupType,
    PlacementGroupUpdate,
)
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
    query,
    unwrap,
    whole,
)

__all__ = [
    "create_placement_group",
    "delete_placement_group",
    "get_placement_group",
    "get_placement_group_by_name",
    "list_placement_groups",
    "update_placement_group",
]

PLACEMENT_GROUP = unwrap("placement_group", PlacementGroup)
PLACEMENT_GROUPS = page_of("placement_groups", PlacementGroup)


_path = ObjectPath("placement_groups")


def list_placement_groups(
    *,
    name: str | None = None,
    label_selector: str | None = None,
    type: PlacementGroupType | Sequence[PlacementGroupType] | None = None,  # noqa: A002
    sort: SortIdNameCreated | Sequence[SortIdNameCreated] | None = None,
    page: int | None = None,
    per_page: int | None = None,
) -> Call[Page[PlacementGroup], Page[PlacementGroup[Async]]]:
    """List placement groups, one page at a time.

    Args:
        name: Only the placement group with exactly this name.
        label_selector: Only placement groups whose labels match, e.g. ``"env=prod"``.
        type: Only placement groups of this type (or these types).
        sort: ``id``, ``name`` or ``created``, optionally with ``:asc``/``:desc``; repeatable.
        page: Page number, from 1.
        per_page: Placement groups per page, 1 to 50 (the API's default is 25).
    """
    params = list_query(
        name=name,
        label_selector=label_selector,
        type=type,
        sort=sort,
        page=page,
        per_page=per_page,
    )
    return Call("GET", "/placement_groups", PLACEMENT_GROUPS, params)


def get_placement_group_by_name(
    name: str, /
) -> Call[PlacementGroup | None, PlacementGroup[Async] | None]:
    """Fetch the placement group with this name, or ``None`` when there is none.

    Args:
        name: The placement group's name.
    """
    reply = first_of("placement_groups", PlacementGroup)
    return Call("GET", "/placement_groups", reply, query(name=name))


def get_placement_group(placement_group: Ref, /) -> Call[PlacementGroup, PlacementGroup[Async]]:
    """Fetch one placement group.

    Args:
        placement_group: The placement group, or its id.
    """
    return Call("GET", _path(placement_group), PLACEMENT_GROUP)


def create_placement_group(
    payload: PlacementGroupCreate | Body = None,
    /,
    *,
    name: str | None = None,
    type: PlacementGroupType | None = None,  # noqa: A002 - the API's field name
    labels: dict[str, str] | None = None,
) -> Call[CreatePlacementGroupResult, CreatePlacementGroupResult[Async]]:
    """Create a placement group; add servers to it with ``servers.add_to_placement_group``.

    Args:
        payload: The body as a :class:`~hcloud_models.models.PlacementGroupCreate`
            or mapping (snake_case or kebab-case keys); keywords win over it.
        name: Name of the placement group (required).
        type: ``"spread"`` (required).
        labels: Labels of the placement group.
    """
    body = PlacementGroupCreate.build(payload, name=name, type=type, labels=labels)
    return Call.with_payload("POST", "/placement_groups", whole(CreatePlacementGroupResult), body)


def update_placement_group(
    placement_group: Ref,
    payload: PlacementGroupUpdate | Body = None,
    /,
    *,
    name: str | None = None,
    labels: dict[str, str] | None = None,
) -> Call[PlacementGroup, PlacementGroup[Async]]:
    """Rename a placement group or replace its labels.

    Args:
        placement_group: The placement group, or its id.
        payload: The changes as a model or mapping; keywords win over it.
        name: New name.
        labels: New labels; they replace the old ones entirely.
    """
    body = PlacementGroupUpdate.build(payload, name=name, labels=labels)
    return Call.with_payload("PUT", _path(placement_group), PLACEMENT_GROUP, body)


def delete_placement_group(placement_group: Ref, /) -> Call[None, None]:
    """Delete a placement group; its servers stay where they are.

    Args:
        placement_group: The placement group, or its id.
    """
    return Call("DELETE", _path(placement_group), no_reply)
