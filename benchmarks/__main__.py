"""``python -m benchmarks``: every case, side by side, with its target.

Contenders: ``hcloud_models``; the official ``hcloud`` package; raw ``httpx`` +
``json.loads`` (the floor).  CPU cases run in-process on the same bytes; the
other cases run against the project's fake cloud served over HTTP on loopback
from a child process (see ``benchmarks/fake_server.py``).

Timing: medians of many interleaved rounds.  In-process CPU cases read the
process's CPU time (``time.process_time``) with the garbage collector off, as
``timeit`` does, so that other processes on a shared machine disturb them
less; everything else is wall time.
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import json
import os
import platform
import statistics
import subprocess
import sys
import time
import tracemalloc
from collections.abc import Callable
from typing import Any

import httpx

from benchmarks.fake_server import TOKEN, FakeServer

ROWS: list[tuple[str, str, str, str, str]] = []
"""(case, contender, measurement, ratio, target) rows of the report."""


def row(case: str, who: str, value: str, ratio: str = "", target: str = "") -> None:
    ROWS.append((case, who, value, ratio, target))
    print(f"  {who:<28} {value:>22} {ratio:>9}  {target}", flush=True)


def verdict(ratio: float, limit: float) -> str:
    return f"<= {limit:.2f}x  {'ok' if ratio <= limit else 'MISSED'}"


def interleaved(
    contenders: dict[str, Callable[[], Any]],
    *,
    rounds: int,
    per_round: int,
    clock: Callable[[], float] = time.perf_counter,
    no_gc: bool = False,
) -> dict[str, float]:
    """Median seconds per call of each contender, rounds interleaved."""
    samples: dict[str, list[float]] = {name: [] for name in contenders}
    for fn in contenders.values():  # warm up: schemas, connections, caches
        fn()
        fn()
    if no_gc:
        gc.collect()
        gc.disable()
    try:
        for _ in range(rounds):
            for name, fn in contenders.items():
                for _ in range(per_round):
                    start = clock()
                    fn()
                    samples[name].append(clock() - start)
    finally:
        gc.enable()
    return {name: statistics.median(values) for name, values in samples.items()}


def ms(seconds: float) -> str:
    return f"{seconds * 1e3:.3f} ms"


# --- parse a page of 50 full servers -----------------------------------------------------


def case_parse(fake: FakeServer, rounds: int) -> None:
    import hcloud
    from hcloud.core.domain import Meta as HMeta
    from hcloud.servers.client import BoundServer, ServersClient

    from hcloud_models import Client
    from hcloud_models.models._base import bind
    from hcloud_models.operations import servers as ops

    print("\nparse a page of 50 full servers from bytes (in-process, CPU time)")
    body = httpx.get(f"{fake.endpoint}/servers", params={"per_page": 50}, headers=_auth()).content
    ours = Client(TOKEN, endpoint=fake.endpoint)
    read = ops.list_servers(per_page=50).reply
    theirs = ServersClient(hcloud.Client(TOKEN, api_endpoint=fake.endpoint))

    def hcloud_models_parse() -> Any:
        return bind(read(body), ours)  # what the session does with every reply

    def hcloud_parse() -> Any:
        data = json.loads(body)  # what ServersClient.get_list does after the request
        return [BoundServer(theirs, s) for s in data["servers"]], HMeta.parse_meta(data)

    # Each SDK is interleaved with the floor on its own: the garbage one leaves
    # behind (freed arenas, evicted caches) would otherwise be billed to the other.
    def against_floor(name: str, fn: Callable[[], Any]) -> tuple[float, float]:
        result = interleaved(
            {"json.loads": lambda: json.loads(body), name: fn},
            rounds=rounds,
            per_round=1,
            clock=time.process_time,
            no_gc=True,
        )
        return result["json.loads"], result[name]

    floor, ours_time = against_floor("hcloud_models", hcloud_models_parse)
    row("parse 50 servers", "json.loads", ms(floor), "1.00x")
    ratio = ours_time / floor
    row("parse 50 servers", "hcloud_models", ms(ours_time), f"{ratio:.2f}x", verdict(ratio, 2.0))
    floor, their_time = against_floor("hcloud (official)", hcloud_parse)
    row("parse 50 servers", "json.loads (paired run)", ms(floor), "1.00x")
    row("parse 50 servers", "hcloud (official)", ms(their_time), f"{their_time / floor:.2f}x")
    print(f"  ({len(body)} bytes)")
    # The same with the garbage collector on, as in a long-running program: model
    # instances are GC-tracked containers, json.loads' leaf dicts are not.
    collected = interleaved(
        {"json.loads": lambda: json.loads(body), "hcloud_models": hcloud_models_parse},
        rounds=rounds // 2,
        per_round=1,
        clock=time.process_time,
    )
    floor = collected["json.loads"]
    row("parse 50 servers", "json.loads (GC on)", ms(floor), "1.00x")
    ratio = collected["hcloud_models"] / floor
    row(
        "parse 50 servers", "hcloud_models (GC on)", ms(collected["hcloud_models"]), f"{ratio:.2f}x"
    )


# --- one GET /servers/{id} round trip on loopback ------------------------------------------


def case_get(fake: FakeServer, rounds: int) -> None:
    import hcloud

    from hcloud_models import Client

    print("\none GET /servers/{id} round trip on loopback, end to end (wall time)")
    url = f"{fake.endpoint}/servers/{fake.server_id}"
    raw = httpx.Client(headers=_auth())
    ours = Client(TOKEN, endpoint=fake.endpoint)
    theirs = hcloud.Client(TOKEN, api_endpoint=fake.endpoint)
    sid = fake.server_id
    result = interleaved(
        {
            "httpx + json.loads": lambda: json.loads(raw.get(url).content),
            "hcloud_models": lambda: ours.servers.get(sid),
            "hcloud (official)": lambda: theirs.servers.get_by_id(sid),
        },
        rounds=rounds,
        per_round=5,
    )
    floor = result["httpx + json.loads"]
    row("GET one server", "httpx + json.loads", ms(floor), "1.00x")
    ratio = result["hcloud_models"] / floor
    row(
        "GET one server",
        "hcloud_models",
        ms(result["hcloud_models"]),
        f"{ratio:.2f}x",
        verdict(ratio, 1.15),
    )
    other = result["hcloud (official)"] / floor
    row("GET one server", "hcloud (official)", ms(result["hcloud (official)"]), f"{other:.2f}x")
    raw.close()
    ours.close()


# --- waiting on 100 running actions --------------------------------------------------------


def case_wait(fake: FakeServer, spread: float, interval: float) -> None:
    import hcloud

    from hcloud_models import Client, PollPolicy

    print(f"\nwait for 100 running actions (ending over {spread:.0f} s; poll every {interval} s)")
    ticks = 0

    def tick(seconds: float) -> None:
        nonlocal ticks
        ticks += 1
        time.sleep(seconds)

    policy = PollPolicy(initial=interval, factor=1.0, maximum=interval, sleep=tick)
    ours = Client(TOKEN, endpoint=fake.endpoint, poll=policy)
    ids = fake.start_actions(100, spread)
    actions = [ours.actions.get(i) for i in ids]
    before = fake.requests()
    start = time.perf_counter()
    ours.actions.wait_all(actions)
    wall = time.perf_counter() - start
    sent = fake.requests() - before
    per_tick = sent / max(ticks, 1)
    ok = "ok" if per_tick <= 1 else "MISSED"
    row(
        "wait 100 actions",
        "hcloud_models",
        f"{sent} req, {ticks} ticks, {wall:.1f} s",
        f"{per_tick:.2f}/tick",
        f"<= 1 request per tick  {ok}",
    )

    theirs = hcloud.Client(TOKEN, api_endpoint=fake.endpoint, poll_interval=interval)
    ids = fake.start_actions(100, spread)
    their_actions = [theirs.actions.get_by_id(i) for i in ids]
    before = fake.requests()
    start = time.perf_counter()
    for action in their_actions:
        action.wait_until_finished()
    wall = time.perf_counter() - start
    sent = fake.requests() - before
    ticks = max(1, round(wall / interval))  # it sleeps per action: count ticks of the clock
    row(
        "wait 100 actions",
        "hcloud (official)",
        f"{sent} req, {wall:.1f} s",
        f"{sent / ticks:.2f}/tick",
    )
    ours.close()


# --- walking 10,000 servers ----------------------------------------------------------------


def _walk_raw(endpoint: str) -> int:
    count = 0
    with httpx.Client(headers=_auth()) as http:
        page: int | None = 1
        while page:
            data = json.loads(
                http.get(f"{endpoint}/servers", params={"page": page, "per_page": 50}).content
            )
            count += len(data["servers"])
            page = data["meta"]["pagination"]["next_page"]
    return count


def _walk_sync(endpoint: str) -> int:
    from hcloud_models import Client

    with Client(TOKEN, endpoint=endpoint) as client:
        return sum(1 for _ in client.servers.all())


def _walk_async(endpoint: str) -> int:
    from hcloud_models import AsyncClient

    async def main() -> int:
        async with AsyncClient(TOKEN, endpoint=endpoint) as client:
            count = 0
            async for _ in client.servers.all():
                count += 1
            return count

    return asyncio.run(main())


def _walk_official(endpoint: str) -> int:
    import hcloud

    return len(hcloud.Client(TOKEN, api_endpoint=endpoint).servers.get_all())


WALKERS: dict[str, Callable[[str], int]] = {
    "httpx + json.loads": _walk_raw,
    "hcloud_models (sync)": _walk_sync,
    "hcloud_models (async)": _walk_async,
    "hcloud (official)": _walk_official,
}


def _walk(fake: FakeServer, name: str, *, memory: bool) -> tuple[int, int, float, int]:
    before = fake.requests()
    if memory:
        tracemalloc.start()
        tracemalloc.reset_peak()
    start = time.perf_counter()
    count = WALKERS[name](fake.endpoint)
    wall = time.perf_counter() - start
    peak = 0
    if memory:
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
    return count, fake.requests() - before, wall, peak


def case_walk(fake: FakeServer, slow: FakeServer | None, rounds: int) -> None:
    print("\nwalk 10,000 servers (loopback; wall time; peak memory traced while walking)")
    walls: dict[str, list[float]] = {name: [] for name in WALKERS}
    sent: dict[str, int] = {}
    for _ in range(rounds):
        for name in WALKERS:
            count, requests, wall, _ = _walk(fake, name, memory=False)
            assert count == 10_000, (name, count)
            walls[name].append(wall)
            sent[name] = requests
    for name in WALKERS:
        _, _, _, peak = _walk(fake, name, memory=True)
        wall = statistics.median(walls[name])
        target = ""
        if name.startswith("hcloud_models"):
            ok = sent[name] == 200
            target = f"exactly 200 requests  {'ok' if ok else 'MISSED'}"
        row(
            "walk 10,000 servers",
            name,
            f"{sent[name]} req, {wall:.2f} s",
            f"{peak / 2**20:.1f} MiB",
            target,
        )
    if slow is None:
        return
    print("\nwalk 10,000 servers with 50 ms injected latency per request")
    for name in ("hcloud_models (sync)", "hcloud_models (async)"):
        count, requests, wall, _ = _walk(slow, name, memory=False)
        assert count == 10_000
        row("walk 10,000 servers, 50 ms latency", name, f"{requests} req, {wall:.2f} s")


# --- import time ---------------------------------------------------------------------------


def case_import(rounds: int) -> None:
    print("\nwhole-process time of python -c '<import>' (wall time)")
    programs = {
        "import pydantic, httpx, tenacity": "import pydantic, httpx, tenacity",
        "import hcloud_models": "import hcloud_models",
        "from hcloud_models import Client": "from hcloud_models import Client",
        "import hcloud (official)": "import hcloud",
    }
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}

    def runner(code: str) -> Callable[[], None]:
        return lambda: subprocess.run([sys.executable, "-c", code], check=True, env=env)

    result = interleaved(
        {name: runner(code) for name, code in programs.items()}, rounds=rounds, per_round=1
    )
    floor = result["import pydantic, httpx, tenacity"]
    for name in programs:
        ratio = result[name] / floor
        target = verdict(ratio, 1.2) if name == "import hcloud_models" else ""
        row("import", name, ms(result[name]), f"{ratio:.2f}x", target)


# --- report ----------------------------------------------------------------------------------


def _auth() -> dict[str, str]:
    return {"Authorization": f"Bearer {TOKEN}"}


def machine() -> str:
    import hcloud
    import pydantic

    cpu = platform.processor() or platform.machine()
    try:
        with open("/proc/cpuinfo") as info:
            cpu = next(
                line.split(":", 1)[1].strip() for line in info if line.startswith("model name")
            )
    except (OSError, StopIteration):
        pass
    return (
        f"{cpu}, {os.cpu_count()} CPUs, Python {platform.python_version()}, "
        f"pydantic {pydantic.VERSION}, httpx {httpx.__version__}, hcloud {hcloud.__version__}"
    )


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__)
    parser.add_argument("--quick", action="store_true", help="fewer rounds, no latency walk")
    parser.add_argument(
        "--only",
        choices=["parse", "get", "wait", "walk", "import"],
        action="append",
        help="run only this case (repeatable)",
    )
    parser.add_argument("--markdown", metavar="FILE", help="also write the table as Markdown")
    args = parser.parse_args(argv)
    only = set(args.only or ["parse", "get", "wait", "walk", "import"])
    quick = args.quick

    print(f"machine: {machine()}")
    print(f"date: {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}")
    fake = FakeServer.start(servers=10_000)
    slow = None
    try:
        if "parse" in only:
            case_parse(fake, rounds=100 if quick else 400)
        if "get" in only:
            case_get(fake, rounds=40 if quick else 160)
        if "wait" in only:
            case_wait(fake, spread=2.0 if quick else 4.0, interval=0.5)
        if "walk" in only:
            if not quick:
                slow = FakeServer.start(servers=10_000, latency=0.05)
            case_walk(fake, slow, rounds=1 if quick else 3)
        if "import" in only:
            case_import(rounds=5 if quick else 15)
    finally:
        fake.stop()
        if slow is not None:
            slow.stop()
    if args.markdown:
        lines = ["| case | contender | median | ratio / peak | target |", "|---|---|---|---|---|"]
        lines += [f"| {' | '.join(cells)} |" for cells in ROWS]
        with open(args.markdown, "w") as out:
            out.write(f"Machine: {machine()}\n\n" + "\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
