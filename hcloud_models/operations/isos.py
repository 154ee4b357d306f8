"""Operations on ISOs: list them and read one."""

from __future__ import annotations

from typing import Literal

from .._modes import Async
from ..models.isos import ISO
from ..models.page import Page
from ._call import Call, Ref, first_of, id_of, list_query, page_of, query, unwrap

__all__ = ["Architecture", "get_iso", "get_iso_by_name", "list_isos"]

Architecture = Literal["x86", "arm"]
"""The CPU architectures an ISO can be made for."""

ISO_REPLY = unwrap("iso", ISO)
ISOS = page_of("isos", ISO)


def list_isos(
    *,
    name: str | None = None,
    architecture: Architecture | None = None,
    include_architecture_wildcard: bool | None = None,
    page: int | None = None,
    per_page: int | None = None,
) -> Call[Page[ISO], Page[ISO[Async]]]:
    """List ISOs, one page at a time.

    Args:
        name: Only the ISO with exactly this name.
        architecture: Only ISOs for ``"x86"`` or for ``"arm"``.
        include_architecture_wildcard: With ``architecture``, also list the ISOs
            that have no architecture and so work on any.
        page: Page number, from 1.
        per_page: ISOs per page, 1 to 50 (the API's default is 25).
    """
    params = list_query(
        name=name,
        architecture=architecture,
        include_architecture_wildcard=include_architecture_wildcard,
        page=page,
        per_page=per_page,
    )
    return Call("GET", "/isos", ISOS, params)


def get_iso_by_name(name: str, /) -> Call[ISO | None, ISO[Async] | None]:
    """Fetch the ISO with this name, or ``None`` when there is none.

    Args:
        name: The ISO's name.
    """
    return Call("GET", "/isos", first_of("isos", ISO), query(name=name))


def get_iso(iso: Ref, /) -> Call[ISO, ISO[Async]]:
    """Fetch one ISO.

    Args:
        iso: The ISO, or its id.
    """
    return Call("GET", f"/isos/{id_of(iso)}", ISO_REPLY)
