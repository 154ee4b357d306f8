"""The fake cloud over real HTTP: in a thread, and from the command line."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from hcloud_models import Client, PollPolicy, RetryPolicy
from hcloud_models.errors import ConnectionLostError, RequestTimeoutError
from hcloud_models.testing import FakeClock, FakeCloud, ServedCloud, serve
from tests.testing.conftest import SpecCheckedCloud

ROOT = Path(__file__).resolve().parents[2]
FAST_POLL = PollPolicy(initial=0.01, factor=1.0, maximum=0.01, timeout=10)


@pytest.fixture
def served() -> Iterator[ServedCloud]:
    fake = SpecCheckedCloud(clock=FakeClock(time.time(), speed=1000.0))
    with serve(fake) as running:
        yield running


def test_sdk_lifecycle_over_http(served: ServedCloud) -> None:
    with Client("any", endpoint=served.endpoint, poll=FAST_POLL) as client:
        made = client.servers.create(name="web-1", server_type="cpx22", image="ubuntu-24.04")
        made.action.wait()
        client.actions.wait_all(made.next_actions)
        server = made.server.reload()
        assert server.status == "running"
        server.power_off().wait()
        assert server.reload().status == "off"
        server.delete().wait()
        assert list(client.servers.list()) == []
    assert served.endpoint.startswith("http://127.0.0.1:")
    assert served.endpoint.endswith("/v1")


def test_link_header_names_the_served_endpoint(served: ServedCloud) -> None:
    reply = httpx.get(
        f"{served.endpoint}/locations",
        params={"per_page": 2},
        headers={"Authorization": "Bearer x"},
    )
    assert reply.headers["Link"].startswith(f"<{served.endpoint}/locations?")
    assert reply.http_version == "HTTP/1.1"


def test_keep_alive_serves_many_requests_on_one_connection(served: ServedCloud) -> None:
    connections: set[int] = set()
    with httpx.Client(base_url=served.endpoint, headers={"Authorization": "Bearer x"}) as http:
        for _ in range(20):
            reply = http.get("/pricing", extensions={})
            assert reply.status_code == 200
            stream = reply.extensions["network_stream"]
            connections.add(id(stream))
    assert len(connections) == 1


def test_dropped_connection_and_stall_over_http(served: ServedCloud) -> None:
    no_retry = RetryPolicy.disabled()
    with Client("t", endpoint=served.endpoint, retry=no_retry, timeout=0.3) as client:
        served.fake.inject("drop", path="/locations")
        with pytest.raises(ConnectionLostError):
            client.locations.list()
        # 1000 s on a clock running 1000 times faster: one real second, past the timeout.
        served.fake.inject("stall", seconds=1000.0, path="/pricing")
        with pytest.raises(RequestTimeoutError):
            client.pricing.get()
        assert len(client.locations.list()) == 6


def start_cli(*args: str) -> tuple[subprocess.Popen[str], str]:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    process = subprocess.Popen(
        [sys.executable, "-m", "hcloud_models.testing", "serve", "--port", "0", *args],
        stdout=subprocess.PIPE,
        text=True,
        env=env,
        cwd=ROOT,
    )
    assert process.stdout is not None
    line = process.stdout.readline()
    endpoint = line.split(" at ", 1)[1].split()[0]
    return process, endpoint


@pytest.mark.parametrize("stop_signal", [signal.SIGINT, signal.SIGTERM])
def test_cli_serves_checks_tokens_and_stops_cleanly(stop_signal: signal.Signals) -> None:
    process, endpoint = start_cli("--token", "good", "--speed", "100")
    try:
        good = httpx.get(f"{endpoint}/server_types", headers={"Authorization": "Bearer good"})
        bad = httpx.get(f"{endpoint}/server_types", headers={"Authorization": "Bearer bad"})
        assert good.status_code == 200
        assert bad.status_code == 401
        assert bad.json()["error"]["code"] == "unauthorized"
    finally:
        process.send_signal(stop_signal)
        out, _ = process.communicate(timeout=10)
    assert process.returncode == 0
    assert "stopped" in out


def test_cli_speed_and_rate_limit_flags() -> None:
    process, endpoint = start_cli("--speed", "100", "--rate-limit", "0")
    try:
        auth = {"Authorization": "Bearer anything"}
        body = {"name": "cli-1", "server_type": "cx22", "image": "ubuntu-24.04"}
        made = httpx.post(f"{endpoint}/servers", json=body, headers=auth)
        assert made.status_code == 201
        assert "RateLimit-Limit" not in made.headers
        time.sleep(0.2)  # 20 s on a clock running 100 times faster: both actions are done
        action = httpx.get(f"{endpoint}/actions/{made.json()['action']['id']}", headers=auth)
        server = httpx.get(f"{endpoint}/servers/{made.json()['server']['id']}", headers=auth)
        assert action.json()["action"]["status"] == "success"
        assert server.json()["server"]["status"] == "running"
    finally:
        process.send_signal(signal.SIGTERM)
        process.communicate(timeout=10)
    assert process.returncode == 0


def test_concurrent_requests_keep_state_consistent(served: ServedCloud) -> None:
    from concurrent.futures import ThreadPoolExecutor

    def create(n: int) -> int:
        with Client("t", endpoint=served.endpoint) as client:
            key = client.ssh_keys.create(name=f"key-{n}", public_key=f"ssh-ed25519 AAAA{n:04d}")
            return key.id

    with ThreadPoolExecutor(8) as pool:
        ids = list(pool.map(create, range(40)))
    assert len(set(ids)) == 40
    assert sorted(served.fake["ssh_keys"]) == sorted(ids)


def test_head_replies_carry_no_body(served: ServedCloud) -> None:
    request = b"%s /v1/locations HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer x\r\n\r\n"
    with socket.create_connection(("127.0.0.1", served.port), timeout=5) as sock:
        sock.sendall(request % b"HEAD" + request % b"GET")
        received = b""
        while received.count(b"HTTP/1.1 ") < 2 or not received.endswith(b"}"):
            chunk = sock.recv(65536)
            assert chunk
            received += chunk
    head, _, rest = received.partition(b"\r\n\r\n")
    assert b"Content-Length: " in head
    # The GET's status line follows the HEAD reply's headers at once: no body in between.
    assert rest.startswith(b"HTTP/1.1 200 OK\r\n")
    assert head.startswith(b"HTTP/1.1 ")


def test_stop_closes_open_keep_alive_connections() -> None:
    before = set(threading.enumerate())
    running = serve(FakeCloud())
    auth = {"Authorization": "Bearer x"}
    with httpx.Client(base_url=running.endpoint, headers=auth, timeout=5) as http:
        assert http.get("/pricing").status_code == 200
        running.stop()
        with pytest.raises(httpx.TransportError):
            http.get("/pricing")
    assert [t for t in threading.enumerate() if t not in before] == []


def test_a_stall_lasts_its_length_on_the_fake_clock(served: ServedCloud) -> None:
    served.fake.inject("stall", path="/pricing")  # 60 s at 1000 times real time: 0.06 s
    started = time.monotonic()
    with Client("t", endpoint=served.endpoint, retry=RetryPolicy.disabled(), timeout=3) as client:
        client.pricing.get()
    assert time.monotonic() - started < 2


def test_stop_ends_a_stall_at_once() -> None:
    running = serve(speed=None)  # a manual clock: a stall lasts its seconds in real time
    running.fake.inject("stall", seconds=60.0, path="/pricing")
    outcome: list[object] = []

    def call() -> None:
        try:
            auth = {"Authorization": "Bearer x"}
            reply = httpx.get(f"{running.endpoint}/pricing", headers=auth, timeout=30)
            outcome.append(reply.status_code)
        except httpx.TransportError as error:
            outcome.append(type(error))

    caller = threading.Thread(target=call)
    caller.start()
    time.sleep(0.3)
    started = time.monotonic()
    running.stop()
    caller.join(10)
    assert time.monotonic() - started < 3
    assert not caller.is_alive()
    assert len(outcome) == 1
    assert outcome[0] != 200
