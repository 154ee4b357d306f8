"""Serving a fake cloud over HTTP: in a thread for tests, or from the command line."""

from __future__ import annotations

import contextlib
import socket
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType
from typing import Any

from typing_extensions import Self

from ._clock import FakeClock
from ._fake import FakeCloud

__all__ = ["ServedCloud", "serve"]

IDLE_TIMEOUT = 120.0
"""Seconds a served connection may stay silent before the fake closes it."""

_REASONS = {
    200: "OK", 201: "Created", 204: "No Content", 400: "Bad Request", 401: "Unauthorized",
    403: "Forbidden", 404: "Not Found", 405: "Method Not Allowed", 409: "Conflict",
    412: "Precondition Failed", 422: "Unprocessable Entity", 423: "Locked",
    429: "Too Many Requests", 500: "Internal Server Error", 502: "Bad Gateway",
    503: "Service Unavailable", 504: "Gateway Timeout",
}  # fmt: skip


class _Handler(BaseHTTPRequestHandler):
    """Hands each request to the fake cloud; keeps connections alive (HTTP/1.1)."""

    protocol_version = "HTTP/1.1"
    timeout = IDLE_TIMEOUT
    server: _Server

    def setup(self) -> None:
        super().setup()
        # One write per reply and no Nagle delay: keep-alive requests stay fast.
        self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        self.server.opened(self.connection)

    def finish(self) -> None:
        try:
            super().finish()
        finally:
            self.server.closed(self.connection)

    def _answer(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length > 0 else b""
        path, _, query = self.path.partition("?")
        headers = {"Authorization": self.headers.get("Authorization", "")}
        reply = self.server.fake.process(self.command, path, query, headers, body)
        if reply.stall and self.server.stopping.wait(self.server.real_seconds(reply.stall)):
            reply.drop = True  # stopped while stalling: the connection closes unanswered
        if reply.drop:
            self.close_connection = True
            _hang_up(self.connection)
            return
        lines = [f"HTTP/1.1 {reply.status} {_REASONS.get(reply.status, 'Unknown')}"]
        lines += [f"{name}: {value}" for name, value in reply.headers]
        lines.append(f"Content-Length: {len(reply.body)}")
        if self.close_connection:
            lines.append("Connection: close")
        head = ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1")
        # A reply to HEAD has the headers of the full reply but never a body (RFC 9110).
        self.wfile.write(head if self.command == "HEAD" else head + reply.body)

    do_GET = do_POST = do_PUT = do_DELETE = do_PATCH = do_HEAD = do_OPTIONS = _answer  # noqa: N815

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - the base class's name
        if self.server.verbose:
            super().log_message(format, *args)


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True
    request_queue_size = 128

    def __init__(self, address: tuple[str, int], fake: FakeCloud, verbose: bool) -> None:
        self.fake = fake
        self.verbose = verbose
        self.stopping = threading.Event()
        self._open: dict[socket.socket, threading.Thread] = {}
        self._open_lock = threading.Lock()
        super().__init__(address, _Handler)

    def real_seconds(self, seconds: float) -> float:
        """Real seconds that ``seconds`` on the fake clock last (the same on a manual clock)."""
        speed = self.fake.clock.speed
        return seconds / speed if speed else seconds

    def opened(self, connection: socket.socket) -> None:
        """Track a connection a handler thread serves (until :meth:`closed`)."""
        with self._open_lock:
            self._open[connection] = threading.current_thread()
        if self.stopping.is_set():
            _hang_up(connection)

    def closed(self, connection: socket.socket) -> None:
        """Forget a connection whose handler is done."""
        with self._open_lock:
            self._open.pop(connection, None)

    def hang_up_all(self, wait: float) -> None:
        """Shut every open connection down and wait up to ``wait`` seconds for the handlers."""
        self.stopping.set()
        with self._open_lock:
            open_now = list(self._open.items())
        for connection, _ in open_now:
            _hang_up(connection)
        deadline = time.monotonic() + wait
        for _, thread in open_now:
            if thread is not threading.current_thread():
                thread.join(max(deadline - time.monotonic(), 0.0))


def _hang_up(connection: socket.socket) -> None:
    with contextlib.suppress(OSError):  # already closed by the client or the handler
        connection.shutdown(socket.SHUT_RDWR)


class ServedCloud:
    """A fake cloud served over HTTP from a background thread.

    Use it as a context manager (or call :meth:`stop`)::

        with serve() as served:
            client = Client("any-token", endpoint=served.endpoint)

    Attributes:
        fake: The fake cloud behind it.
        endpoint: Base URL of the API, e.g. ``http://127.0.0.1:41234/v1``.
        port: The port it listens on.
    """

    def __init__(self, fake: FakeCloud, host: str, port: int, *, verbose: bool = False) -> None:
        self.fake = fake
        self._server = _Server((host, port), fake, verbose)
        self.port = int(self._server.server_address[1])
        self.endpoint = f"http://{host}:{self.port}/v1"
        fake.endpoint = self.endpoint
        self._thread: threading.Thread | None = None

    def start(self) -> Self:
        """Start serving in a daemon thread."""
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.1}, daemon=True
        )
        self._thread.start()
        return self

    def serve_forever(self) -> None:
        """Serve in the calling thread until :meth:`stop` is called from elsewhere."""
        self._server.serve_forever(poll_interval=0.2)

    def stop(self) -> None:
        """Stop serving: close the listening socket and every open connection.

        Keep-alive connections are shut down (a client's next request on one
        fails), a stalled reply is abandoned, and the handler threads end
        before it returns.
        """
        self._server.shutdown()
        self._server.server_close()
        self._server.hang_up_all(wait=5.0)
        if self._thread is not None:
            self._thread.join(5)

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()


def serve(
    fake: FakeCloud | None = None,
    *,
    host: str = "127.0.0.1",
    port: int = 0,
    speed: float | None = 1.0,
    verbose: bool = False,
) -> ServedCloud:
    """Serve a fake cloud over HTTP in a background thread (already started).

    Args:
        fake: The cloud to serve; a new one by default, whose clock runs at
            ``speed`` times real time from now.  A cloud you pass keeps its
            own clock: a manual one moves only when you advance it.
        host: Address to listen on.
        port: Port; ``0`` picks a free one (see :attr:`ServedCloud.port`).
        speed: Real-time factor of a new cloud's clock (``None``: manual clock).
        verbose: Log each request to stderr.
    """
    if fake is None:
        fake = FakeCloud(clock=FakeClock(time.time(), speed=speed))
    return ServedCloud(fake, host, port, verbose=verbose).start()
