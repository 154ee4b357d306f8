"""Sessions: run calls over HTTP, with retries, error mapping and reply parsing.

:class:`BaseSession` holds every decision and does no I/O: how a call becomes
an ``httpx.Request``, how a reply becomes a result or an exception, how a
transport failure is classified, how retries are configured.  The two shells,
:class:`SyncSession` and :class:`AsyncSession`, only send, sleep and loop.
"""

from __future__ import annotations

import inspect
import logging
import time
import warnings
from collections import deque
from collections.abc import AsyncIterator, Callable, Iterator
from typing import TYPE_CHECKING, Any, Generic, TypeVar, cast

import httpx
import pydantic
import tenacity

from ._polling import ActionWatch, PollPolicy
from ._retry import SPENT_BEFORE, RetryPolicy
from .errors import (
    APIError,
    ConnectError,
    ConnectionLostError,
    InvalidResponseError,
    RateLimitExceededError,
    RequestTimeoutError,
    TransportError,
    error_class_for,
)
from .models._base import bind
from .models.page import Page
from .operations._call import Call, Job, no_reply
from .operations.actions import WaitFor

if TYPE_CHECKING:
    import asyncio

__all__ = ["AsyncSession", "BaseSession", "SyncSession"]

logger = logging.getLogger("hcloud_models")

H = TypeVar("H", httpx.Client, httpx.AsyncClient)
R = TypeVar("R")

_JSON = {"Content-Type": "application/json"}


class _ErrorBody(pydantic.BaseModel):
    model_config = pydantic.ConfigDict(defer_build=True)  # built on the first error, not on import

    code: str | None = None
    message: str = ""
    details: dict[str, Any] | None = None


class _ErrorReply(pydantic.BaseModel):
    model_config = pydantic.ConfigDict(defer_build=True)

    error: _ErrorBody


class BaseSession(Generic[H]):
    """Everything a session decides, shared by the sync and async shells."""

    def __init__(
        self,
        *,
        owner: Any,
        http: H,
        endpoint: str,
        hetzner_endpoint: str,
        headers: dict[str, str],
        retry: RetryPolicy,
        poll: PollPolicy,
        page_concurrency: int = 4,
    ) -> None:
        self._owner = owner
        self._http: H = http
        self._endpoint = endpoint.rstrip("/")
        self._bases = {"cloud": self._endpoint, "hetzner": hetzner_endpoint.rstrip("/")}
        self._headers = headers
        self._json_headers = {**headers, **_JSON}
        self.retry = retry
        self.poll = poll
        self.page_concurrency = page_concurrency

    def __repr__(self) -> str:
        return f"{type(self).__name__}(endpoint={self._endpoint!r})"

    # -- building --------------------------------------------------------------

    def build_request(self, call: Call[Any, Any]) -> httpx.Request:
        """The HTTP request for ``call`` (absolute URL, auth and JSON headers)."""
        if call.deprecated is not None:
            warnings.warn(call.deprecated, DeprecationWarning, stacklevel=4)
        request: httpx.Request = self._http.build_request(
            call.method,
            self._bases[call.api] + call.path,
            params=call.params or None,
            content=call.body,
            headers=self._json_headers if call.body is not None else self._headers,
        )
        return request

    # -- reading ---------------------------------------------------------------

    def read_response(self, call: Call[Any, Any], response: httpx.Response, started: float) -> Any:
        """The result of ``call`` from its reply, bound to the client; or raise."""
        status = response.status_code
        logger.debug(
            "%s %s -> %d (%.1f ms)",
            call.method,
            call.path,
            status,
            (time.perf_counter() - started) * 1e3,
        )
        if status >= 400:
            raise self.api_error(call, response)
        content = response.content
        if not content.strip():
            if call.reply is not no_reply:
                raise InvalidResponseError(
                    "the reply has an empty body", status=status, method=call.method, path=call.path
                )
            return None
        try:
            result = call.reply(content)
        except pydantic.ValidationError as exc:
            raise InvalidResponseError(
                f"the reply body is not what the API documents: {_first_error(exc)}",
                status=status,
                method=call.method,
                path=call.path,
            ) from exc
        return bind(result, self._owner)

    def api_error(self, call: Call[Any, Any], response: httpx.Response) -> APIError:
        """The exception for an error reply, chosen by its code or, failing that, its status."""
        status = response.status_code
        code: str | None = None
        message = response.reason_phrase or "error"
        details: dict[str, Any] | None = None
        try:
            body = _ErrorReply.model_validate_json(response.content).error
        except pydantic.ValidationError:
            pass  # not the API's error shape: a proxy's HTML page, say
        else:
            code, message, details = body.code, body.message or message, body.details
        error = error_class_for(status, code)(
            message,
            status=status,
            code=code,
            details=details,
            correlation_id=response.headers.get("X-Correlation-Id"),
            method=call.method,
            path=call.path,
        )
        if isinstance(error, RateLimitExceededError):
            error.reset = _header_float(response, "RateLimit-Reset")
        return error

    @staticmethod
    def transport_error(call: Call[Any, Any], exc: httpx.TransportError) -> TransportError:
        """Our exception for an httpx transport failure (the caller chains ``exc``)."""
        where = {"method": call.method, "path": call.path}
        if isinstance(exc, (httpx.ConnectTimeout, httpx.PoolTimeout, httpx.ConnectError)):
            return ConnectError(f"could not connect: {type(exc).__name__}", **where)
        if isinstance(exc, httpx.TimeoutException):
            return RequestTimeoutError(f"the request timed out: {type(exc).__name__}", **where)
        return ConnectionLostError(f"the connection failed: {type(exc).__name__}", **where)

    # -- retrying --------------------------------------------------------------

    @property
    def retry(self) -> RetryPolicy:
        """The retry policy; setting it rebuilds the tenacity options once."""
        return self._retry

    @retry.setter
    def retry(self, policy: RetryPolicy) -> None:
        self._retry = policy
        self._retry_options = {**policy.tenacity_kwargs(), "before_sleep": _log_retry}

    def retry_options(self) -> dict[str, Any]:
        """Options for tenacity: the policy's decisions plus logging of each retry."""
        return self._retry_options

    def retrier(
        self, factory: Callable[..., R], started: float, sleep: Callable[[float], Any]
    ) -> R:
        """A tenacity retrier for a request whose first attempt began at ``started``."""
        retrier = factory(**self.retry_options(), sleep=sleep)
        setattr(retrier, SPENT_BEFORE, time.monotonic() - started)
        return retrier


def _first_error(exc: pydantic.ValidationError) -> str:
    error = exc.errors(include_url=False, include_input=False)[0]
    where = ".".join(str(part) for part in error["loc"])
    return f"{where}: {error['msg']}" if where else error["msg"]


def _header_float(response: httpx.Response, name: str) -> float | None:
    try:
        return float(response.headers[name])
    except (KeyError, ValueError):
        return None


def _log_retry(state: tenacity.RetryCallState) -> None:
    exc = state.outcome.exception() if state.outcome is not None else None
    wait = state.next_action.sleep if state.next_action is not None else 0.0
    logger.info("retrying after %s (attempt %d, waiting %.2fs)", exc, state.attempt_number, wait)


class SyncSession(BaseSession[httpx.Client]):
    """Runs calls with a blocking ``httpx.Client``."""

    def _sleep(self, seconds: float, sleep: Callable[[float], Any] | None) -> None:
        (sleep or time.sleep)(seconds)

    def execute(self, job: Job[Any, Any]) -> Any:
        """Run ``job`` -- send a call (retrying per the policy) or wait -- and return its result."""
        if isinstance(job, WaitFor):
            return self._wait(ActionWatch(job, self.poll))
        call = cast(Call[Any, Any], job)
        request = self.build_request(call)
        started = time.monotonic()
        try:
            return self._attempt(call, request)
        except Exception as exc:  # the policy decides, as it does for later attempts
            if not self.retry.should_retry(exc):
                raise
            failure: Exception | None = exc
        # Retries only: the first attempt above is replayed as attempt 1, so that
        # counting, waiting and logging are tenacity's as usual; the time it took
        # counts towards the policy's max_delay.
        retrying = self.retrier(
            tenacity.Retrying, started, lambda s: self._sleep(s, self.retry.sleep)
        )
        for attempt in retrying:
            with attempt:
                if failure is not None:
                    replayed, failure = failure, None
                    raise replayed
                result = self._attempt(call, request)
        return result

    def _attempt(self, call: Call[Any, Any], request: httpx.Request) -> Any:
        started = time.perf_counter()
        try:
            response = self._http.send(request)
        except httpx.TransportError as exc:
            raise self.transport_error(call, exc) from exc
        return self.read_response(call, response, started)

    def iterate(self, call: Call[Page[Any], Any]) -> Iterator[Any]:
        """Yield every object of a list call, page after page."""
        page_call: Call[Page[Any], Any] | None = call
        while page_call is not None:
            page = self.execute(page_call)
            yield from page.items
            page_call = page_call.at_page(page.next_page) if page.next_page else None

    def _wait(self, watch: ActionWatch) -> Any:
        while watch.pending():
            self._sleep(watch.next_delay(), self.poll.sleep)
            for call in watch.poll_calls():
                watch.update(self.execute(call))
        return watch.result(self._owner)

    def close(self) -> None:
        """Close the connection pool."""
        self._http.close()


def _forget(task: asyncio.Task[Any]) -> None:
    # A page nobody waits for any more: its failure is of no interest (and not "never retrieved").
    if not task.cancelled():
        task.exception()


class AsyncSession(BaseSession[httpx.AsyncClient]):
    """Runs calls with an ``httpx.AsyncClient``."""

    async def _sleep(self, seconds: float, sleep: Callable[[float], Any] | None) -> None:
        import asyncio  # here, not at the top: the sync client never needs it

        outcome = (sleep or asyncio.sleep)(seconds)
        if inspect.isawaitable(outcome):
            await outcome

    async def execute(self, job: Job[Any, Any]) -> Any:
        """Run ``job`` -- send a call (retrying per the policy) or wait -- and return its result."""
        if isinstance(job, WaitFor):
            return await self._wait(ActionWatch(job, self.poll))
        call = cast(Call[Any, Any], job)
        request = self.build_request(call)
        started = time.monotonic()
        try:
            return await self._attempt(call, request)
        except Exception as exc:  # the policy decides, as it does for later attempts
            if not self.retry.should_retry(exc):
                raise
            failure: Exception | None = exc
        # Retries only: the first attempt above is replayed as attempt 1 (see SyncSession).
        retrying = self.retrier(
            tenacity.AsyncRetrying, started, lambda s: self._sleep(s, self.retry.sleep)
        )
        async for attempt in retrying:
            with attempt:
                if failure is not None:
                    replayed, failure = failure, None
                    raise replayed
                result = await self._attempt(call, request)
        return result

    async def _attempt(self, call: Call[Any, Any], request: httpx.Request) -> Any:
        started = time.perf_counter()
        try:
            response = await self._http.send(request)
        except httpx.TransportError as exc:
            raise self.transport_error(call, exc) from exc
        return self.read_response(call, response, started)

    async def iterate(self, call: Call[Page[Any], Any]) -> AsyncIterator[Any]:
        """Yield every object of a list call, in order.

        Once the first page tells the number of the last one, the pages after
        it are fetched concurrently, at most ``page_concurrency`` requests at a
        time and never more than that many pages ahead of the consumer.  When
        the consumer stops (``break``, ``aclose()``), requests still running
        are cancelled and no new one is sent.  Without ``last_page`` the walk
        follows ``next_page`` one request at a time.
        """
        import asyncio  # here, not at the top: the sync client never needs it

        page: Page[Any] = await self.execute(call)
        for item in page.items:
            yield item
        pagination = page.pagination
        if page.next_page and pagination is not None and pagination.last_page is not None:
            numbers = iter(range(page.next_page, pagination.last_page + 1))
            running: deque[asyncio.Task[Page[Any]]] = deque()
            try:
                while True:
                    while len(running) < self.page_concurrency:
                        number = next(numbers, None)
                        if number is None:
                            break
                        running.append(asyncio.ensure_future(self.execute(call.at_page(number))))
                    if not running:
                        break
                    page = await running.popleft()
                    for item in page.items:
                        yield item
                    if page.next_page is None:  # the list shrank while it was read
                        break
            finally:
                for task in running:
                    task.cancel()
                    task.add_done_callback(_forget)
                # Let the cancelled requests unwind before the walk reports it is done.
                await asyncio.gather(*running, return_exceptions=True)
        # Walk on one by one: no last page known, or the list grew while it was read.
        while page.next_page:
            page = await self.execute(call.at_page(page.next_page))
            for item in page.items:
                yield item

    async def _wait(self, watch: ActionWatch) -> Any:
        while watch.pending():
            await self._sleep(watch.next_delay(), self.poll.sleep)
            for call in watch.poll_calls():
                watch.update(await self.execute(call))
        return watch.result(self._owner)

    async def close(self) -> None:
        """Close the connection pool."""
        await self._http.aclose()
