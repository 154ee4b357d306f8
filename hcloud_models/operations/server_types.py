"""Operations on server types: list them and read one."""

from __future__ import annotations

from .._modes import Async
from ..models.page import Page
from ..models.server_types import ServerType
from ._call import Call, Ref, first_of, id_of, list_query, page_of, query, unwrap

__all__ = ["get_server_type", "get_server_type_by_name", "list_server_types"]

SERVER_TYPE = unwrap("server_type", ServerType)
SERVER_TYPES = page_of("server_types", ServerType)


def list_server_types(
    *,
    name: str | None = None,
    page: int | None = None,
    per_page: int | None = None,
) -> Call[Page[ServerType], Page[ServerType[Async]]]:
    """List server types, one page at a time.

    Args:
        name: Only the server type with exactly this name, e.g. ``"cpx22"``.
        page: Page number, from 1.
        per_page: Server types per page, 1 to 50 (the API's default is 25).
    """
    params = list_query(name=name, page=page, per_page=per_page)
    return Call("GET", "/server_types", SERVER_TYPES, params)


def get_server_type_by_name(name: str, /) -> Call[ServerType | None, ServerType[Async] | None]:
    """Fetch the server type with this name, or ``None`` when there is none.

    Args:
        name: The server type's name, e.g. ``"cpx22"``.
    """
    return Call("GET", "/server_types", first_of("server_types", ServerType), query(name=name))


def get_server_type(server_type: Ref, /) -> Call[ServerType, ServerType[Async]]:
    """Fetch one server type.

    Args:
        server_type: The server type, or its id.
    """
    return Call("GET", f"/server_types/{id_of(server_type)}", SERVER_TYPE)
