"""Operations on datacenters: list them and read one (both deprecated by the API)."""

from __future__ import annotations

from collections.abc import Sequence

from .._modes import Async
from ..models.datacenters import Datacenter
from ..models.page import Page
from ._call import Call, Ref, SortIdName, first_of, id_of, list_query, page_of, query, unwrap

__all__ = ["DEPRECATED", "get_datacenter", "get_datacenter_by_name", "list_datacenters"]

DATACENTER = unwrap("datacenter", Datacenter)
DATACENTERS = page_of("datacenters", Datacenter)

DEPRECATED = (
    "the API deprecates the datacenters endpoints (GET /datacenters, GET /datacenters/{id}) "
    "as of 1 June 2026 and removes them after 1 October 2026; use client.locations instead, "
    "and the per-location details of server types (server_type.locations[]) for what is "
    "available where"
)
"""The ``DeprecationWarning`` message of every datacenter operation."""


def list_datacenters(
    *,
    name: str | None = None,
    sort: SortIdName | Sequence[SortIdName] | None = None,
    page: int | None = None,
    per_page: int | None = None,
) -> Call[Page[Datacenter], Page[Datacenter[Async]]]:
    """List datacenters, one page at a time (deprecated: use locations instead).

    Args:
        name: Only the datacenter with exactly this name, e.g. ``"fsn1-dc14"``.
        sort: ``id`` or ``name``, optionally with ``:asc``/``:desc``; repeatable.
        page: Page number, from 1.
        per_page: Datacenters per page, 1 to 50 (the API's default is 25).
    """
    params = list_query(name=name, sort=sort, page=page, per_page=per_page)
    return Call("GET", "/datacenters", DATACENTERS, params, deprecated=DEPRECATED)


def get_datacenter_by_name(name: str, /) -> Call[Datacenter | None, Datacenter[Async] | None]:
    """Fetch the datacenter with this name, or ``None`` (deprecated: use locations instead).

    Args:
        name: The datacenter's name, e.g. ``"fsn1-dc14"``.
    """
    reply = first_of("datacenters", Datacenter)
    return Call("GET", "/datacenters", reply, query(name=name), deprecated=DEPRECATED)


def get_datacenter(datacenter: Ref, /) -> Call[Datacenter, Datacenter[Async]]:
    """Fetch one datacenter (deprecated: use locations instead).

    Args:
        datacenter: The datacenter, or its id.
    """
    path = f"/datacenters/{id_of(datacenter)}"
    return Call("GET", path, DATACENTER, deprecated=DEPRECATED)
