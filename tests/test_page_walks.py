"""Walking every page: the async client fetches the pages after the first concurrently."""

from __future__ import annotations

import asyncio
from typing import Any

import httpx
import pytest

from hcloud_models import AsyncClient, Client, ConfigurationError, NotFoundError
from tests import spec
from tests.conftest import TOKEN, fast_policies

PER_PAGE = 50


class PagedKeys:
    """Serves ``GET /ssh_keys`` from ``total`` keys, answering later pages sooner.

    Remembers the page numbers asked for, in order, and the most requests it
    had in flight at once.
    """

    def __init__(self, total: int, *, last_page_known: bool = True, fail_page: int = 0) -> None:
        self.total = total
        self.last_page_known = last_page_known
        self.fail_page = fail_page
        self.pages: list[int] = []
        self.in_flight = 0
        self.most_in_flight = 0

    def body(self, page: int) -> dict[str, Any]:
        last = max(1, -(-self.total // PER_PAGE))
        first_id = (page - 1) * PER_PAGE + 1
        template = spec.example_reply("list_ssh_keys")
        key = template["ssh_keys"][0]
        keys = [
            {**key, "id": i, "name": f"key-{i}"}
            for i in range(first_id, min(first_id + PER_PAGE, self.total + 1))
        ]
        pagination = {
            "page": page,
            "per_page": PER_PAGE,
            "previous_page": page - 1 if page > 1 else None,
            "next_page": page + 1 if page < last else None,
            "last_page": last if self.last_page_known else None,
            "total_entries": self.total if self.last_page_known else None,
        }
        return {"ssh_keys": keys, "meta": {"pagination": pagination}}

    async def handle(self, request: httpx.Request) -> httpx.Response:
        page = int(request.url.params.get("page", "1"))
        self.pages.append(page)
        self.in_flight += 1
        self.most_in_flight = max(self.most_in_flight, self.in_flight)
        try:
            await asyncio.sleep(0.002 * (8 - page % 8))  # later pages tend to answer first
        finally:
            self.in_flight -= 1
        if page == self.fail_page:
            return httpx.Response(404, json={"error": {"code": "not_found", "message": "gone"}})
        return httpx.Response(200, json=self.body(page))

    def handle_sync(self, request: httpx.Request) -> httpx.Response:
        page = int(request.url.params.get("page", "1"))
        self.pages.append(page)
        return httpx.Response(200, json=self.body(page))


def async_client(server: PagedKeys, **kwargs: Any) -> AsyncClient:
    return AsyncClient(
        TOKEN, transport=httpx.MockTransport(server.handle), **fast_policies(), **kwargs
    )


def collect(server: PagedKeys, **kwargs: Any) -> list[int]:
    async def main() -> list[int]:
        async with async_client(server, **kwargs) as client:
            return [key.id async for key in client.ssh_keys.all()]

    return asyncio.run(main())


def test_async_walk_fetches_later_pages_concurrently_in_order() -> None:
    server = PagedKeys(10 * PER_PAGE - 7)
    ids = collect(server)
    assert ids == list(range(1, 10 * PER_PAGE - 7 + 1))
    assert sorted(server.pages) == list(range(1, 11))  # each page once: 10 requests
    assert server.pages[0] == 1
    assert 1 < server.most_in_flight <= 4


@pytest.mark.parametrize("concurrency", [1, 2, 7])
def test_async_walk_keeps_to_its_concurrency(concurrency: int) -> None:
    server = PagedKeys(12 * PER_PAGE)
    ids = collect(server, page_concurrency=concurrency)
    assert ids == list(range(1, 12 * PER_PAGE + 1))
    assert len(server.pages) == 12
    assert server.most_in_flight == concurrency


def test_async_walk_of_a_single_page_sends_one_request() -> None:
    server = PagedKeys(3)
    assert collect(server) == [1, 2, 3]
    assert server.pages == [1]


def test_async_walk_without_last_page_goes_one_page_at_a_time() -> None:
    server = PagedKeys(4 * PER_PAGE, last_page_known=False)
    assert collect(server) == list(range(1, 4 * PER_PAGE + 1))
    assert server.pages == [1, 2, 3, 4]
    assert server.most_in_flight == 1


def test_async_walk_follows_pages_added_after_the_first_reply() -> None:
    server = PagedKeys(3 * PER_PAGE)
    first = server.body(1)
    first["meta"]["pagination"]["last_page"] = 2  # the list grew to 3 pages meanwhile

    async def handle(request: httpx.Request) -> httpx.Response:
        if "page" not in request.url.params:
            server.pages.append(1)
            return httpx.Response(200, json=first)
        return await server.handle(request)

    async def main() -> list[int]:
        transport = httpx.MockTransport(handle)
        async with AsyncClient(TOKEN, transport=transport, **fast_policies()) as client:
            return [key.id async for key in client.ssh_keys.all()]

    assert asyncio.run(main()) == list(range(1, 3 * PER_PAGE + 1))
    assert server.pages == [1, 2, 3]


def test_async_walk_stops_sending_when_the_consumer_stops() -> None:
    server = PagedKeys(20 * PER_PAGE)

    async def main() -> list[int]:
        async with async_client(server, page_concurrency=3) as client:
            walk = client.ssh_keys.all()
            ids = [(await walk.__anext__()).id for _ in range(PER_PAGE + 10)]
            await walk.aclose()
            sent = len(server.pages)
            await asyncio.sleep(0.05)
            assert len(server.pages) == sent  # nothing sent after the walk was closed
            return ids

    assert asyncio.run(main()) == list(range(1, PER_PAGE + 11))
    assert sorted(server.pages) == [1, 2, 3, 4]  # the first page, then at most 3 ahead


def test_async_walk_stops_at_a_page_that_says_it_is_the_last() -> None:
    """The list shrank after the first reply: no requests for pages that are gone."""
    server = PagedKeys(2 * PER_PAGE)
    first = server.body(1)
    first["meta"]["pagination"]["last_page"] = 8  # it had 8 pages when the walk began

    async def handle(request: httpx.Request) -> httpx.Response:
        if "page" not in request.url.params:
            server.pages.append(1)
            return httpx.Response(200, json=first)
        return await server.handle(request)

    async def main() -> list[int]:
        transport = httpx.MockTransport(handle)
        policies = fast_policies()
        async with AsyncClient(TOKEN, transport=transport, page_concurrency=1, **policies) as c:
            return [key.id async for key in c.ssh_keys.all()]

    assert asyncio.run(main()) == list(range(1, 2 * PER_PAGE + 1))
    assert server.pages == [1, 2]


def test_async_walk_closed_early_leaves_no_request_running() -> None:
    server = PagedKeys(20 * PER_PAGE)
    unwound: list[int] = []

    async def handle(request: httpx.Request) -> httpx.Response:
        page = int(request.url.params.get("page", "1"))
        if page > 2:  # still running when the consumer stops
            try:
                await asyncio.sleep(10)
            finally:
                unwound.append(page)
        return await server.handle(request)

    async def main() -> None:
        transport = httpx.MockTransport(handle)
        policies = fast_policies()
        async with AsyncClient(TOKEN, transport=transport, page_concurrency=3, **policies) as c:
            walk = c.ssh_keys.all()
            for _ in range(PER_PAGE + 1):  # into page 2; pages 3 and 4 are in flight
                await walk.__anext__()
            await walk.aclose()
            assert sorted(unwound) == [3, 4]  # cancelled and unwound before aclose() returned

    asyncio.run(main())


def test_async_walk_raises_the_error_of_a_page_and_cancels_the_rest() -> None:
    server = PagedKeys(10 * PER_PAGE, fail_page=3)

    ids: list[int] = []

    async def walk(client: AsyncClient) -> None:
        async for key in client.ssh_keys.all():
            ids.append(key.id)

    async def main() -> None:
        async with async_client(server) as client:
            with pytest.raises(NotFoundError):
                await walk(client)
            await asyncio.sleep(0.05)

    asyncio.run(main())

    assert ids == list(range(1, 2 * PER_PAGE + 1))
    assert max(server.pages) <= 6  # the window around page 3, never the whole list


def test_sync_walk_goes_one_page_at_a_time() -> None:
    server = PagedKeys(5 * PER_PAGE)
    transport = httpx.MockTransport(server.handle_sync)
    with Client(TOKEN, transport=transport, **fast_policies()) as client:
        ids = [key.id for key in client.ssh_keys.all()]
    assert ids == list(range(1, 5 * PER_PAGE + 1))
    assert server.pages == [1, 2, 3, 4, 5]


def test_page_concurrency_must_be_positive() -> None:
    with pytest.raises(ConfigurationError, match="page_concurrency"):
        AsyncClient(TOKEN, page_concurrency=0)
