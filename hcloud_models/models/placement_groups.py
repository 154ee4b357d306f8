"""Placement groups: sets of servers the API keeps on separate physical hosts."""

from datetime import datetime
from typing import TYPE_CHECKING, Annotated, ClassVar, Generic, Literal

from .._modes import M
from ._base import OPEN, BoundModel, HcloudModel, Labels, Payload, delegate
from .actions import Action
from .common import NameAndLabelsUpdate

if TYPE_CHECKING:
    from ..operations import placement_groups as ops

__all__ = [
    "CreatePlacementGroupResult",
    "PlacementGroup",
    "PlacementGroupCreate",
    "PlacementGroupType",
    "PlacementGroupUpdate",
]

PlacementGroupType = Literal["spread"]
"""How servers of a placement group are placed: ``spread`` puts each on another host."""


class PlacementGroup(BoundModel[M]):
    """A group of servers placed by one rule; ``servers`` holds the ids of its members."""

    _resource: ClassVar[str] = "placement_groups"

    id: int
    name: str
    labels: dict[str, str]
    type: Annotated[PlacementGroupType, OPEN]
    created: datetime
    servers: list[int]

    update = delegate(lambda: ops.update_placement_group)
    delete = delegate(lambda: ops.delete_placement_group)
    reload = delegate(lambda: ops.get_placement_group, "get")
    """Fetch the placement group again and return its current state (the object is unchanged)."""


class CreatePlacementGroupResult(HcloudModel, Generic[M]):
    """Reply to creating a placement group; ``action`` is ``None`` when the API starts none."""

    placement_group: PlacementGroup[M]
    action: Action[M] | None = None


class PlacementGroupCreate(Payload):
    """Body that creates a placement group: a name and a type (both required), and labels."""

    name: str
    type: PlacementGroupType
    labels: Labels | None = None


class PlacementGroupUpdate(NameAndLabelsUpdate):
    """Body that renames a placement group or replaces its labels."""
