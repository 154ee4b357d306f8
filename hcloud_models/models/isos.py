"""ISOs: installation images that can be attached to a server's virtual drive."""

from typing import TYPE_CHECKING, Annotated, ClassVar, Literal

from .._modes import M
from ._base import OPEN, BoundModel, delegate
from .common import DeprecationInfo

if TYPE_CHECKING:
    from ..operations import isos as ops

__all__ = ["ISO"]


class ISO(BoundModel[M]):
    """An ISO image that a server can boot from, either public or uploaded for one project.

    ``architecture`` is ``None`` for images that work on every CPU architecture.
    """

    _resource: ClassVar[str] = "isos"

    id: int
    name: str | None
    description: str
    type: Annotated[Literal["public", "private"], OPEN] | None
    deprecation: DeprecationInfo | None
    architecture: Annotated[Literal["x86", "arm"], OPEN] | None

    reload = delegate(lambda: ops.get_iso, "get")
    """Fetch the ISO again and return its current state (the object itself is unchanged)."""
