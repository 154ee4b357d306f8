"""Shared test harness: a recording mock transport and clients of both kinds.

``api`` is parametrized over the sync and the async client, so one test body
checks both: ``api.run(lambda c: c.servers.get(1))`` returns the result either
way (awaiting it for the async client).
"""

from __future__ import annotations

import asyncio
import json
from collections import deque
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

import httpx
import pytest

from hcloud_models import AsyncClient, Client, PollPolicy, RetryPolicy

TOKEN = "test-token-0123456789"
ENDPOINT = "https://api.hetzner.cloud/v1"


def no_sleep(seconds: float) -> None:
    """A sleep that returns at once; the harness records how long it was asked for."""


@dataclass
class Recorder:
    """Answers requests from a queue of canned replies and remembers every request."""

    requests: list[httpx.Request] = field(default_factory=list)
    replies: deque[httpx.Response | Callable[[httpx.Request], httpx.Response] | Exception] = field(
        default_factory=deque
    )
    default: httpx.Response | None = None

    def reply(
        self,
        json_body: Any = None,
        *,
        status: int = 200,
        content: bytes | None = None,
        headers: dict[str, str] | None = None,
        times: int = 1,
    ) -> None:
        """Queue a reply (JSON body, or raw ``content``) for the next request(s)."""
        for _ in range(times):
            if content is not None:
                response = httpx.Response(status, content=content, headers=headers)
            elif json_body is None:
                response = httpx.Response(status, headers=headers)
            else:
                response = httpx.Response(status, json=json_body, headers=headers)
            self.replies.append(response)

    def error(self, status: int, code: str, message: str = "boom", **details: Any) -> None:
        """Queue an API error reply."""
        body = {"error": {"code": code, "message": message, "details": details or None}}
        self.reply(body, status=status)

    def fail(self, exc: Exception, *, times: int = 1) -> None:
        """Make the next request(s) raise ``exc`` (an httpx transport error)."""
        for _ in range(times):
            self.replies.append(exc)

    def handle(self, request: httpx.Request) -> httpx.Response:
        request.read()
        self.requests.append(request)
        if not self.replies:
            if self.default is not None:
                return self.default
            raise AssertionError(f"unexpected request: {request.method} {request.url}")
        reply = self.replies.popleft()
        if isinstance(reply, Exception):
            raise reply
        if callable(reply):
            return reply(request)
        return reply

    async def handle_async(self, request: httpx.Request) -> httpx.Response:
        return self.handle(request)

    # -- reading what was sent ---------------------------------------------------

    @property
    def last(self) -> httpx.Request:
        assert self.requests, "no request was sent"
        return self.requests[-1]

    def body(self, index: int = -1) -> Any:
        """The JSON body of a sent request."""
        content = self.requests[index].content
        return json.loads(content) if content else None

    def query(self, index: int = -1) -> list[tuple[str, str]]:
        """The query parameters of a sent request, in order."""
        return list(self.requests[index].url.params.multi_items())

    def path(self, index: int = -1) -> str:
        """The path of a sent request below ``/v1``."""
        path = self.requests[index].url.path
        assert path.startswith("/v1/"), path
        return path[3:]


def fast_policies() -> dict[str, Any]:
    """Retry and poll policies that never really sleep."""
    return {
        "retry": RetryPolicy(sleep=no_sleep, jitter=0.0),
        "poll": PollPolicy(sleep=no_sleep),
    }


@pytest.fixture
def recorder() -> Recorder:
    return Recorder()


@pytest.fixture
def client(recorder: Recorder) -> Iterator[Client]:
    with Client(TOKEN, transport=httpx.MockTransport(recorder.handle), **fast_policies()) as c:
        yield c


@pytest.fixture
def aclient(recorder: Recorder) -> AsyncClient:
    return AsyncClient(
        TOKEN, transport=httpx.MockTransport(recorder.handle_async), **fast_policies()
    )


@dataclass
class Api:
    """Runs the same call on the sync or the async client."""

    kind: str
    client: Client | AsyncClient
    recorder: Recorder

    def run(self, call: Callable[[Any], Any]) -> Any:
        """Run ``call(client)`` and return its result, awaiting it for the async client."""
        if self.kind == "sync":
            return call(self.client)

        async def main() -> Any:
            return await call(self.client)

        return asyncio.run(main())

    def collect(self, call: Callable[[Any], Any]) -> list[Any]:
        """Run ``call(client)``, which returns an (async) iterator, and collect its items."""
        if self.kind == "sync":
            return list(call(self.client))

        async def main() -> list[Any]:
            return [item async for item in call(self.client)]

        return asyncio.run(main())


@pytest.fixture(params=["sync", "async"])
def api(request: pytest.FixtureRequest, recorder: Recorder) -> Api:
    if request.param == "sync":
        sync = Client(TOKEN, transport=httpx.MockTransport(recorder.handle), **fast_policies())
        return Api("sync", sync, recorder)
    asynchronous = AsyncClient(
        TOKEN, transport=httpx.MockTransport(recorder.handle_async), **fast_policies()
    )
    return Api("async", asynchronous, recorder)


def pytest_terminal_summary(terminalreporter: Any) -> None:
    """After a run of the coverage test: one line per spec tag, and the total."""
    import sys

    module = sys.modules.get(f"{__package__}.test_coverage")
    results: dict[str, tuple[str, bool]] = getattr(module, "RESULTS", {})
    if not results:
        return
    tags: dict[str, list[bool]] = {}
    for tag, covered in results.values():
        tags.setdefault(tag, []).append(covered)
    terminalreporter.section("coverage of the specs' operations")
    width = max(len(tag) for tag in tags)
    for tag, flags in tags.items():
        terminalreporter.write_line(f"{tag:<{width}}  {sum(flags)}/{len(flags)}")
    done = sum(covered for _, covered in results.values())
    terminalreporter.write_line(f"{'operations':<{width}}  {done}/{len(results)}")
