"""Operations on Storage Box types (Hetzner API): list them and read one."""

from __future__ import annotations

from .._modes import Async
from ..models.page import Page
from ..models.storage_box_types import StorageBoxType
from ._call import Call, Ref, first_of, id_of, list_query, page_of, query, unwrap

__all__ = ["get_storage_box_type", "get_storage_box_type_by_name", "list_storage_box_types"]

STORAGE_BOX_TYPE = unwrap("storage_box_type", StorageBoxType)
STORAGE_BOX_TYPES = page_of("storage_box_types", StorageBoxType)


def list_storage_box_types(
    *,
    name: str | None = None,
    page: int | None = None,
    per_page: int | None = None,
) -> Call[Page[StorageBoxType], Page[StorageBoxType[Async]]]:
    """List Storage Box types, one page at a time.

    Args:
        name: Only the type with exactly this name, e.g. ``"bx11"``.
        page: Page number, from 1.
        per_page: Types per page, 1 to 50 (the API's default is 25).
    """
    params = list_query(name=name, page=page, per_page=per_page)
    return Call("GET", "/storage_box_types", STORAGE_BOX_TYPES, params, api="hetzner")


def get_storage_box_type_by_name(
    name: str, /
) -> Call[StorageBoxType | None, StorageBoxType[Async] | None]:
    """Fetch the Storage Box type with this name, or ``None`` when there is none.

    Args:
        name: The type's name, e.g. ``"bx11"``.
    """
    reply = first_of("storage_box_types", StorageBoxType)
    return Call("GET", "/storage_box_types", reply, query(name=name), api="hetzner")


def get_storage_box_type(storage_box_type: Ref, /) -> Call[StorageBoxType, StorageBoxType[Async]]:
    """Fetch one Storage Box type.

    Args:
        storage_box_type: The type, or its id.
    """
    path = f"/storage_box_types/{id_of(storage_box_type)}"
    return Call("GET", path, STORAGE_BOX_TYPE, api="hetzner")
