"""``client.load_balancer_types``: the sizes of Load Balancer that can be created."""

from __future__ import annotations

from .._modes import M
from ..operations import load_balancer_types as ops
from ..operations._call import Endpoint, Paged
from ._base import Resource

__all__ = ["LoadBalancerTypesResource"]


class LoadBalancerTypesResource(Resource[M]):
    """Load Balancer types: list them and read one (read-only)."""

    list = Endpoint(ops.list_load_balancer_types, "list_load_balancer_types")
    all = Paged(ops.list_load_balancer_types)
    get = Endpoint(ops.get_load_balancer_type, "get_load_balancer_type")
    get_by_name = Endpoint(ops.get_load_balancer_type_by_name)
