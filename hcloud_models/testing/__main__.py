"""``python -m hcloud_models.testing serve``: the fake cloud over HTTP."""

from __future__ import annotations

import argparse
import signal
import sys
import threading
import time
from collections.abc import Sequence
from types import FrameType

from ._clock import FakeClock
from ._core import RateLimit
from ._fake import FakeCloud
from ._server import ServedCloud


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    parser = argparse.ArgumentParser(
        prog="python -m hcloud_models.testing",
        description="An in-memory fake of the Hetzner Cloud API.",
    )
    commands = parser.add_subparsers(dest="command", required=True)
    run = commands.add_parser("serve", help="serve the fake cloud over HTTP")
    run.add_argument("--host", default="127.0.0.1", help="address to listen on (127.0.0.1)")
    run.add_argument("--port", type=int, default=4000, help="port (4000; 0 picks a free one)")
    run.add_argument(
        "--token",
        action="append",
        dest="tokens",
        metavar="TOKEN",
        help="a valid bearer token (repeatable); by default any non-empty token is accepted",
    )
    run.add_argument(
        "--speed", type=float, default=1.0, help="clock speed as a factor of real time (1.0)"
    )
    run.add_argument(
        "--rate-limit",
        type=int,
        default=3600,
        metavar="N",
        help="requests per hour, refilled evenly (3600; 0 turns limiting off)",
    )
    run.add_argument("--verbose", action="store_true", help="log every request")
    args = parser.parse_args(argv)

    limit = RateLimit(
        limit=max(args.rate_limit, 1),
        per_second=args.rate_limit / 3600.0,
        enabled=args.rate_limit > 0,
    )
    fake = FakeCloud(
        tokens=args.tokens,
        clock=FakeClock(time.time(), speed=args.speed),
        rate_limit=limit,
    )
    served = ServedCloud(fake, args.host, args.port, verbose=args.verbose)
    stopping = threading.Event()

    def stop(signum: int, frame: FrameType | None) -> None:
        if not stopping.is_set():
            stopping.set()
            threading.Thread(target=served.stop, daemon=True).start()

    signal.signal(signal.SIGINT, stop)
    signal.signal(signal.SIGTERM, stop)
    print(f"fake Hetzner Cloud at {served.endpoint} (Ctrl-C stops)", flush=True)
    served.serve_forever()
    print("stopped", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
