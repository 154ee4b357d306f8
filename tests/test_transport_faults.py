"""Real sockets on loopback: stalls, dropped connections and refused ports become typed errors.

The mock transport elsewhere raises httpx's exceptions directly; here a tiny
TCP server misbehaves for real, so the whole path from socket to exception is
exercised, and every test is bounded by short timeouts.
"""

from __future__ import annotations

import asyncio
import json
import socket
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress

import httpx
import pytest

from hcloud_models import AsyncClient, Client, RetryPolicy, errors
from tests import spec

ACTION = json.dumps(spec.example_reply("get_action")).encode()
FAST = httpx.Timeout(0.3, connect=0.3)


def ok_response(body: bytes = ACTION) -> bytes:
    head = f"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: {len(body)}\r\n"
    return head.encode() + b"Connection: close\r\n\r\n" + body


@contextmanager
def loopback_server(behaviours: list[Callable[[socket.socket], None]]) -> Iterator[str]:
    """Serve one connection per behaviour, in order; yield the endpoint URL."""
    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    listener.bind(("127.0.0.1", 0))
    listener.listen(8)
    listener.settimeout(5.0)
    port = listener.getsockname()[1]

    workers: list[threading.Thread] = []

    def handle(conn: socket.socket, behave: Callable[[socket.socket], None]) -> None:
        with conn:
            conn.settimeout(2.0)
            try:
                conn.recv(65536)  # the request
                behave(conn)
            except OSError:
                pass

    def serve() -> None:
        for behave in behaviours:
            try:
                conn, _ = listener.accept()
            except OSError:
                return
            worker = threading.Thread(target=handle, args=(conn, behave), daemon=True)
            workers.append(worker)
            worker.start()

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{port}/v1"
    finally:
        with suppress(OSError):
            listener.shutdown(socket.SHUT_RDWR)  # wakes the accept() still waiting
        listener.close()
        thread.join(timeout=5.0)
        for worker in workers:
            worker.join(timeout=5.0)


def stall(conn: socket.socket) -> None:
    threading.Event().wait(0.8)  # longer than the client's read timeout


def drop(conn: socket.socket) -> None:
    conn.sendall(b'HTTP/1.1 200 OK\r\nContent-Length: 500\r\n\r\n{"act')  # then hang up


def answer(conn: socket.socket) -> None:
    conn.sendall(ok_response())


def client_for(endpoint: str, attempts: int = 3) -> Client:
    return Client(
        "tok",
        endpoint=endpoint,
        timeout=FAST,
        retry=RetryPolicy(max_attempts=attempts, sleep=lambda s: None),
    )


def test_a_stalled_get_times_out_and_is_retried() -> None:
    with loopback_server([stall, answer]) as endpoint, client_for(endpoint) as client:
        assert client.actions.get(1).id == spec.example_reply("get_action")["action"]["id"]


def test_a_stalled_post_times_out_once_and_is_not_repeated() -> None:
    served: list[str] = []

    def stall_and_count(conn: socket.socket) -> None:
        served.append("post")
        stall(conn)

    with (
        loopback_server([stall_and_count, answer]) as endpoint,
        client_for(endpoint) as client,
        pytest.raises(errors.RequestTimeoutError) as caught,
    ):
        client.servers.power_off(1)
    assert isinstance(caught.value.__cause__, httpx.ReadTimeout)
    assert served == ["post"]


def test_a_dropped_connection_is_connection_lost() -> None:
    with (
        loopback_server([drop]) as endpoint,
        client_for(endpoint, attempts=1) as client,
        pytest.raises(errors.ConnectionLostError) as caught,
    ):
        client.actions.get(1)
    assert caught.value.sent is True
    assert isinstance(caught.value.__cause__, httpx.TransportError)


def test_a_refused_port_is_a_connect_error_retried_to_the_limit() -> None:
    probe = socket.socket()
    probe.bind(("127.0.0.1", 0))
    port = probe.getsockname()[1]
    probe.close()  # nothing listens there now
    with (
        client_for(f"http://127.0.0.1:{port}/v1", attempts=2) as client,
        pytest.raises(errors.ConnectError) as caught,
    ):
        client.servers.power_on(1)  # a POST: safe, it never left
    assert caught.value.sent is False


def test_the_async_client_maps_the_same_faults() -> None:
    async def main(endpoint: str) -> None:
        async with AsyncClient(
            "tok", endpoint=endpoint, timeout=FAST, retry=RetryPolicy.disabled()
        ) as client:
            with pytest.raises(errors.RequestTimeoutError):
                await client.actions.get(1)
            action = await client.actions.get(1)
            assert action.is_bound

    with loopback_server([stall, answer]) as endpoint:
        asyncio.run(main(endpoint))
