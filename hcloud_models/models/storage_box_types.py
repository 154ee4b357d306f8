"""Storage Box types: the sizes of Storage Box that can be ordered, with their prices."""

from typing import TYPE_CHECKING, ClassVar

from .._modes import M
from ._base import BoundModel, HcloudModel, delegate
from .common import DeprecationInfo, Price

if TYPE_CHECKING:
    from ..operations import storage_box_types as ops

__all__ = ["StorageBoxType", "StorageBoxTypePrice"]


class StorageBoxTypePrice(HcloudModel):
    """What a Storage Box type costs in one location (named by ``location``).

    Storage Boxes are billed monthly with an hourly cap; ``setup_fee`` is
    charged once when a box is ordered.
    """

    location: str
    price_hourly: Price
    price_monthly: Price
    setup_fee: Price


class StorageBoxType(BoundModel[M]):
    """A Storage Box size: its capacity, its limits and what it costs per location.

    ``size`` is in bytes.  ``snapshot_limit`` and ``automatic_snapshot_limit``
    are ``None`` when the type sets no limit.  ``deprecation`` is set once the
    type is being phased out.
    """

    _resource: ClassVar[str] = "storage_box_types"

    id: int
    name: str
    description: str
    snapshot_limit: int | None
    automatic_snapshot_limit: int | None
    subaccounts_limit: int
    size: int
    prices: list[StorageBoxTypePrice]
    deprecation: DeprecationInfo | None

    reload = delegate(lambda: ops.get_storage_box_type, "get")
    """Fetch the Storage Box type again and return its current state."""
