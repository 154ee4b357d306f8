"""The public face of the fake cloud: httpx transports and ready clients."""

from __future__ import annotations

from typing import Any

import httpx

from .._client import AsyncClient, Client
from .._polling import PollPolicy
from .._retry import RetryPolicy
from ._core import FakeCloud as _Core
from ._core import RawReply

__all__ = ["FakeCloud"]


class FakeCloud(_Core):
    """An in-memory, stateful Hetzner Cloud (see the module documentation).

    Use it in-process::

        fake = FakeCloud()
        client = fake.client()
        server = client.servers.create(name="web-1", server_type="cx22", image="ubuntu-24.04")

    or serve it over HTTP with :func:`~hcloud_models.testing.serve`.
    """

    def handle(self, request: httpx.Request) -> httpx.Response:
        """Answer one request (the handler of ``httpx.MockTransport``).

        An injected dropped connection raises ``httpx.RemoteProtocolError``;
        an injected stall advances the fake clock and raises
        ``httpx.ReadTimeout`` if it outlasts the request's read timeout.
        """
        raw = self.process(
            request.method,
            request.url.path,
            request.url.query.decode("ascii", "replace"),
            request.headers,
            request.read(),
        )
        return self._to_response(raw, request)

    async def handle_async(self, request: httpx.Request) -> httpx.Response:
        """The same as :meth:`handle`, for ``httpx.AsyncClient``."""
        content = await request.aread()
        raw = self.process(
            request.method,
            request.url.path,
            request.url.query.decode("ascii", "replace"),
            request.headers,
            content,
        )
        return self._to_response(raw, request)

    def _to_response(self, raw: RawReply, request: httpx.Request) -> httpx.Response:
        if raw.stall:
            timeouts = request.extensions.get("timeout", {})
            read = timeouts.get("read")
            if read is not None and raw.stall >= read:
                self.clock.advance(read)
                raise httpx.ReadTimeout("the fake cloud stalled", request=request)
            self.clock.advance(raw.stall)
        if raw.drop:
            raise httpx.RemoteProtocolError(
                "Server disconnected without sending a response.", request=request
            )
        return httpx.Response(raw.status, headers=raw.headers, content=raw.body, request=request)

    def transport(self) -> httpx.MockTransport:
        """A sync transport answering from this fake."""
        return httpx.MockTransport(self.handle)

    def async_transport(self) -> httpx.MockTransport:
        """An async transport answering from this fake."""
        return httpx.MockTransport(self.handle_async)

    def poll_policy(self) -> PollPolicy:
        """A poll policy whose sleeps advance the fake clock (waits end at once)."""
        return PollPolicy(sleep=self.clock.sleep, clock=self.clock.now)

    def retry_policy(self) -> RetryPolicy:
        """A retry policy whose sleeps advance the fake clock, without jitter."""
        return RetryPolicy(sleep=self.clock.sleep, clock=self.clock.now, jitter=0.0)

    def _client_kwargs(self, kwargs: dict[str, Any]) -> dict[str, Any]:
        kwargs.setdefault("endpoint", self.endpoint)
        kwargs.setdefault("hetzner_endpoint", self.endpoint)
        kwargs.setdefault("poll", self.poll_policy())
        kwargs.setdefault("retry", self.retry_policy())
        return kwargs

    def client(self, token: str = "fake-token", **kwargs: Any) -> Client:
        """A :class:`~hcloud_models.Client` wired to this fake.

        Both endpoints point here; polls and retries sleep on the fake clock.
        Keyword arguments are passed on to ``Client`` and override these.
        """
        kwargs = self._client_kwargs(kwargs)
        if "http_client" not in kwargs:
            kwargs.setdefault("transport", self.transport())
        return Client(token, **kwargs)

    def async_client(self, token: str = "fake-token", **kwargs: Any) -> AsyncClient:
        """An :class:`~hcloud_models.AsyncClient` wired to this fake (see :meth:`client`)."""
        kwargs = self._client_kwargs(kwargs)
        if "http_client" not in kwargs:
            kwargs.setdefault("transport", self.async_transport())
        return AsyncClient(token, **kwargs)
