"""One page of a list reply."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Generic, TypeVar, overload

from .common import Pagination

__all__ = ["Page"]

T = TypeVar("T")


class Page(Sequence[T], Generic[T]):
    """A page of objects and where it sits among all pages.

    A page is a sequence: iterate it, index it, take its ``len()``.

    Attributes:
        items: The objects on this page.
        pagination: Page number, size, neighbours and totals, when the API sent them.
    """

    __slots__ = ("items", "pagination")

    def __init__(self, items: list[T], pagination: Pagination | None = None) -> None:
        self.items = items
        self.pagination = pagination

    @property
    def next_page(self) -> int | None:
        """Number of the following page, ``None`` on the last one."""
        return self.pagination.next_page if self.pagination is not None else None

    @overload
    def __getitem__(self, index: int) -> T: ...
    @overload
    def __getitem__(self, index: slice) -> list[T]: ...
    def __getitem__(self, index: int | slice) -> T | list[T]:
        return self.items[index]

    def __len__(self) -> int:
        return len(self.items)

    def __iter__(self) -> Iterator[T]:
        return iter(self.items)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Page):
            return NotImplemented
        return self.items == other.items and self.pagination == other.pagination

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"Page(items={self.items!r}, pagination={self.pagination!r})"
