"""The fake cloud served over HTTP from a child process, with benchmark-only routes.

A child process keeps the server's work off the interpreter being measured.
Routes under ``/_bench`` (not counted as requests):

* ``GET /_bench/requests`` -- how many API requests were served so far;
* ``POST /_bench/actions?n=N&spread=S`` -- start N running actions that end
  evenly over the next S seconds, and return their ids.
"""

from __future__ import annotations

import multiprocessing
import time
from dataclasses import dataclass
from multiprocessing.connection import Connection
from typing import Any

import httpx

TOKEN = "bench-token"


def _serve(conn: Connection, servers: int, latency: float) -> None:
    from hcloud_models.testing import FakeClock, FakeCloud, RateLimit, ServedCloud

    fake = FakeCloud(clock=FakeClock(time.time(), speed=1.0), rate_limit=RateLimit(enabled=False))
    client = fake.client()
    first = client.servers.create(
        name="srv-1", server_type="cpx22", image="ubuntu-24.04", location="fsn1"
    ).server.id
    stored = fake.collection("servers")
    stored[first]["status"] = "running"
    template = stored[first]
    for n in range(2, servers + 1):
        ident = fake.new_id()
        stored[ident] = {**template, "id": ident, "name": f"srv-{n}"}
    fake.log.clear()

    served_requests = 0
    process = fake.process

    def counting(method: str, path: str, *args: Any, **kwargs: Any) -> Any:
        nonlocal served_requests
        with fake.lock:  # handler threads run concurrently; the count must not lose one
            if "/_bench/" not in path:
                served_requests += 1
            fake.log.clear()  # the fake's request log would grow without end
        return process(method, path, *args, **kwargs)

    fake.process = counting  # type: ignore[method-assign]

    @fake.route("GET", "/_bench/requests")
    def requests(req: Any) -> dict[str, Any]:
        return {"requests": served_requests}

    @fake.route("POST", "/_bench/actions")
    def actions(req: Any) -> dict[str, Any]:
        n = int(req.arg("n"))
        spread = float(req.arg("spread"))
        ids = [
            fake.start_action(
                "bench",
                [("server", first)],
                family="servers",
                duration=spread * (i + 1) / n,
                locks=[],
            )["id"]
            for i in range(n)
        ]
        return {"ids": ids}

    if latency:
        fake.inject("stall", count=10**9, seconds=latency, path="/servers*")
    served = ServedCloud(fake, "127.0.0.1", 0)
    conn.send((served.endpoint, first))
    served.serve_forever()


@dataclass
class FakeServer:
    """A running fake cloud in a child process."""

    endpoint: str
    server_id: int
    process: Any

    @classmethod
    def start(cls, *, servers: int = 1, latency: float = 0.0) -> FakeServer:
        """Start serving ``servers`` servers, each request to ``/servers*`` ``latency`` s late."""
        context = multiprocessing.get_context("spawn")
        parent, child = context.Pipe()
        process = context.Process(target=_serve, args=(child, servers, latency), daemon=True)
        process.start()
        endpoint, server_id = parent.recv()
        return cls(endpoint, server_id, process)

    def requests(self) -> int:
        """API requests served so far."""
        reply = httpx.get(f"{self.endpoint}/_bench/requests", headers=_auth())
        return int(reply.json()["requests"])

    def start_actions(self, n: int, spread: float) -> list[int]:
        """Start ``n`` running actions ending evenly over ``spread`` seconds."""
        reply = httpx.post(
            f"{self.endpoint}/_bench/actions", params={"n": n, "spread": spread}, headers=_auth()
        )
        return [int(i) for i in reply.json()["ids"]]

    def stop(self) -> None:
        """Stop the child process."""
        self.process.terminate()
        self.process.join(5)


def _auth() -> dict[str, str]:
    return {"Authorization": f"Bearer {TOKEN}"}
