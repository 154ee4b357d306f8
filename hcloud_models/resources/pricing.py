"""``client.pricing``: the price list of the project."""

from __future__ import annotations

from .._modes import M
from ..operations import pricing as ops
from ..operations._call import Endpoint
from ._base import Resource

__all__ = ["PricingResource"]


class PricingResource(Resource[M]):
    """Pricing: read the prices of every billable resource (read-only)."""

    get = Endpoint(ops.get_pricing, "get_pricing")
