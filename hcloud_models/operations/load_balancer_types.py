"""Operations on Load Balancer types: list them and read one."""

from __future__ import annotations

from .._modes import Async
from ..models.load_balancer_types import LoadBalancerType
from ..models.page import Page
from ._call import Call, Ref, first_of, id_of, list_query, page_of, query, unwrap

__all__ = [
    "get_load_balancer_type",
    "get_load_balancer_type_by_name",
    "list_load_balancer_types",
]

LOAD_BALANCER_TYPE = unwrap("load_balancer_type", LoadBalancerType)
LOAD_BALANCER_TYPES = page_of("load_balancer_types", LoadBalancerType)


def list_load_balancer_types(
    *,
    name: str | None = None,
    page: int | None = None,
    per_page: int | None = None,
) -> Call[Page[LoadBalancerType], Page[LoadBalancerType[Async]]]:
    """List Load Balancer types, one page at a time.

    Args:
        name: Only the type with exactly this name, e.g. ``"lb11"``.
        page: Page number, from 1.
        per_page: Types per page, 1 to 50 (the API's default is 25).
    """
    params = list_query(name=name, page=page, per_page=per_page)
    return Call("GET", "/load_balancer_types", LOAD_BALANCER_TYPES, params)


def get_load_balancer_type_by_name(
    name: str, /
) -> Call[LoadBalancerType | None, LoadBalancerType[Async] | None]:
    """Fetch the Load Balancer type with this name, or ``None`` when there is none.

    Args:
        name: The type's name, e.g. ``"lb11"``.
    """
    reply = first_of("load_balancer_types", LoadBalancerType)
    return Call("GET", "/load_balancer_types", reply, query(name=name))


def get_load_balancer_type(
    load_balancer_type: Ref, /
) -> Call[LoadBalancerType, LoadBalancerType[Async]]:
    """Fetch one Load Balancer type.

    Args:
        load_balancer_type: The type, or its id.
    """
    path = f"/load_balancer_types/{id_of(load_balancer_type)}"
    return Call("GET", path, LOAD_BALANCER_TYPE)
