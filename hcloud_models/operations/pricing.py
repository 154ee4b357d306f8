"""Operations on pricing: read the price list."""

from __future__ import annotations

from ..models.pricing import Pricing
from ._call import Call, unwrap

__all__ = ["get_pricing"]

PRICING = unwrap("pricing", Pricing)


def get_pricing() -> Call[Pricing, Pricing]:
    """Fetch the prices of every billable resource, in the project's currency and VAT rate."""
    return Call("GET", "/pricing", PRICING)
