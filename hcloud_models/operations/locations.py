"""Operations on locations: list them and read one."""

from __future__ import annotations

from collections.abc import Sequence

from .._modes import Async
from ..models.locations import Location
from ..models.page import Page
from ._call import Call, Ref, SortIdName, first_of, id_of, list_query, page_of, query, unwrap

__all__ = ["get_location", "get_location_by_name", "list_locations"]

LOCATION = unwrap("location", Location)
LOCATIONS = page_of("locations", Location)


def list_locations(
    *,
    name: str | None = None,
    sort: SortIdName | Sequence[SortIdName] | None = None,
    page: int | None = None,
    per_page: int | None = None,
) -> Call[Page[Location], Page[Location[Async]]]:
    """List locations, one page at a time.

    Args:
        name: Only the location with exactly this name, e.g. ``"fsn1"``.
        sort: ``id`` or ``name``, optionally with ``:asc``/``:desc``; repeatable.
        page: Page number, from 1.
        per_page: Locations per page, 1 to 50 (the API's default is 25).
    """
    params = list_query(name=name, sort=sort, page=page, per_page=per_page)
    return Call("GET", "/locations", LOCATIONS, params)


def get_location_by_name(name: str, /) -> Call[Location | None, Location[Async] | None]:
    """Fetch the location with this name, or ``None`` when there is none.

    Args:
        name: The location's name, e.g. ``"fsn1"``.
    """
    return Call("GET", "/locations", first_of("locations", Location), query(name=name))


def get_location(location: Ref, /) -> Call[Location, Location[Async]]:
    """Fetch one location.

    Args:
        location: The location, or its id.
    """
    return Call("GET", f"/locations/{id_of(location)}", LOCATION)
