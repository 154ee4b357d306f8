"""Conformance with the official spec through Prism (``@stoplight/prism-cli``, pinned).

(a) The SDK's read operations run against ``prism mock`` of the vendored spec,
    static and dynamic (``-d``: random values and lengths, proving tolerant parsing).
(b) An SDK lifecycle runs through ``prism proxy --errors <spec> <fake>``, so
    Prism checks both our requests and the fake's replies against the spec.

``make test`` installs Prism with ``npm ci`` into ``tests/prism/node_modules``
(git-ignored).  Without node these tests skip, except under ``CI=true`` where
they must run.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from hcloud_models import Client, PollPolicy
from hcloud_models.testing import FakeClock, ServedCloud, serve
from tests.testing.conftest import SpecCheckedCloud

ROOT = Path(__file__).resolve().parents[2]
PRISM = ROOT / "tests" / "prism" / "node_modules" / ".bin" / "prism"
SPEC = ROOT / "spec" / "hcloud.schema.json"
KEY = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIK1RD07JloYTZjkdEBCoFcSyLmCR6vhVnUS77n1OvzK/"


def prism_or_skip() -> Path:
    """The Prism executable; skip (or fail under CI=true) when it is missing."""
    missing = None
    if shutil.which("node") is None:
        missing = "node is not installed"
    elif not PRISM.exists():
        missing = "Prism is not installed (make test runs `npm ci` in tests/prism)"
    if missing is not None:
        if os.environ.get("CI", "").strip().lower() in {"1", "true", "yes"}:
            pytest.fail(f"conformance tests must run under CI: {missing}")
        pytest.skip(f"Prism conformance tests skipped: {missing}")
    return PRISM


def prism_spec(folder: Path) -> Path:
    """The vendored spec with what Prism needs, derived at test time.

    The spec leaves some replies as ``{}`` (e.g. ``"204": {}``); OpenAPI
    requires a ``description`` on each, and Prism ignores replies without one
    (a 204 then "does not match the document").  Only descriptions are added.
    """
    document = json.loads(SPEC.read_text())
    for item in document["paths"].values():
        for operation in item.values():
            if not isinstance(operation, dict):
                continue
            for reply in operation.get("responses", {}).values():
                reply.setdefault("description", "")
    derived = folder / "hcloud.prism.json"
    derived.write_text(json.dumps(document))
    return derived


@pytest.fixture(scope="module")
def spec_for_prism(tmp_path_factory: pytest.TempPathFactory) -> Path:
    prism_or_skip()
    return prism_spec(tmp_path_factory.mktemp("prism"))


class Prism:
    """A running Prism process and the URL it listens on."""

    def __init__(self, *args: str) -> None:
        self.process = subprocess.Popen(
            [str(prism_or_skip()), *args, "--host", "127.0.0.1", "--port", "0"],
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            cwd=ROOT,
        )
        self.lines: list[str] = []
        self.url = self._wait_for_url()
        threading.Thread(target=self._drain, daemon=True).start()

    def _wait_for_url(self) -> str:
        assert self.process.stdout is not None
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            line = self.process.stdout.readline()
            if not line:
                break
            self.lines.append(line)
            found = re.search(r"Prism is listening on (http://\S+)", line)
            if found:
                return found.group(1).rstrip("/")
        self.stop()
        raise RuntimeError("Prism did not start:\n" + "".join(self.lines[-20:]))

    def _drain(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            self.lines.append(line)

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        if self.process.stdout is not None:
            self.process.stdout.close()


@pytest.fixture(scope="module")
def prism_mock(spec_for_prism: Path) -> Iterator[Prism]:
    prism = Prism("mock", str(spec_for_prism))
    yield prism
    prism.stop()


@pytest.fixture(scope="module")
def prism_dynamic(spec_for_prism: Path) -> Iterator[Prism]:
    prism = Prism("mock", "-d", str(spec_for_prism))
    yield prism
    prism.stop()


@pytest.fixture(scope="module")
def served() -> Iterator[ServedCloud]:
    fake = SpecCheckedCloud(clock=FakeClock(time.time(), speed=100.0))
    with serve(fake) as running:
        yield running


@pytest.fixture(scope="module")
def prism_proxy(served: ServedCloud, spec_for_prism: Path) -> Iterator[Prism]:
    prism = Prism("proxy", "--errors", str(spec_for_prism), served.endpoint)
    yield prism
    prism.stop()


_PROBLEM = re.compile(r"✖\s+(error|fatal)\b|#VIOLATIONS|#UNPROCESSABLE_ENTITY", re.IGNORECASE)
"""A Prism log line that reports a problem, not one that merely has "error" in a path."""

READS: dict[str, Callable[[Client], Any]] = {
    "list_locations": lambda c: c.locations.list(),
    "get_location": lambda c: c.locations.get(1),
    "list_server_types": lambda c: c.server_types.list(),
    "get_server_type": lambda c: c.server_types.get(1),
    "list_images": lambda c: c.images.list(type="system"),
    "get_image": lambda c: c.images.get(1),
    "list_isos": lambda c: c.isos.list(),
    "get_iso": lambda c: c.isos.get(1),
    "get_pricing": lambda c: c.pricing.get(),
    "list_servers": lambda c: c.servers.list(label_selector="env=prod", sort="name:desc"),
    "get_server": lambda c: c.servers.get(1),
    "list_server_actions": lambda c: c.servers.actions(1),
    "list_ssh_keys": lambda c: c.ssh_keys.list(),
    "get_ssh_key": lambda c: c.ssh_keys.get(1),
    "list_floating_ips": lambda c: c.floating_ips.list(),
    "get_floating_ip": lambda c: c.floating_ips.get(1),
    "list_floating_ips_actions": lambda c: c.floating_ips.list_actions(),
    "get_action": lambda c: c.actions.get(1),
    "get_actions": lambda c: c.actions.list_by_ids([1, 2]),
}


@pytest.mark.parametrize(
    ("line", "problem"),
    [
        (
            "[4:10:17 AM] \u203a [HTTP SERVER] get /ssh_keys ✖  error     Request terminated with "
            "error: https://stoplight.io/prism/errors#VIOLATIONS: Request/Response not valid",
            True,
        ),
        (
            "[4:10:17 AM] \u203a [VALIDATOR] ✖  error     Violation: response.body must be object",
            True,
        ),
        ("[4:10:17 AM] \u203a [CLI] ✖  fatal     Unable to start", True),
        (
            "[4:10:17 AM] \u203a [CLI] \u2139  info  GET http://127.0.0.1:4010/zones/error/actions",
            False,
        ),
        ("[4:10:17 AM] \u203a [HTTP SERVER] get /servers ✔  success   Request received", False),
    ],
)
def test_problem_lines_of_prism_are_recognised(line: str, problem: bool) -> None:
    assert bool(_PROBLEM.search(line)) is problem


@pytest.mark.parametrize("operation", sorted(READS))
def test_reads_parse_prism_examples(prism_mock: Prism, operation: str) -> None:
    with Client("token", endpoint=prism_mock.url) as client:
        assert READS[operation](client) is not None


@pytest.mark.parametrize("operation", sorted(READS))
def test_reads_parse_random_replies(prism_dynamic: Prism, operation: str) -> None:
    with Client("token", endpoint=prism_dynamic.url) as client:
        for _ in range(5):  # each reply is generated anew
            assert READS[operation](client) is not None


def test_lifecycle_through_prism_proxy(prism_proxy: Prism, served: ServedCloud) -> None:
    poll = PollPolicy(initial=0.05, factor=1.0, maximum=0.05, timeout=30)
    with Client("token", endpoint=prism_proxy.url, poll=poll) as client:
        key = client.ssh_keys.create(name="proxy-key", public_key=KEY, labels={"env": "ci"})
        made = client.servers.create(
            # the spec types ssh_keys items as strings (names or IDs as text)
            name="proxy-1",
            server_type="cx22",
            image="ubuntu-24.04",
            ssh_keys=[key.name],
        )
        made.action.wait()
        client.actions.wait_all(made.next_actions)
        server = made.server.reload()
        assert server.status == "running"
        assert [s.id for s in client.servers.list(label_selector="!missing")] == [server.id]
        server.power_off().wait()
        snapshot = server.create_image(description="via prism", type="snapshot")
        snapshot.action.wait()
        fip = client.floating_ips.create(type="ipv4", home_location="fsn1").floating_ip
        fip.assign(server).wait()
        fip.unassign().wait()
        fip.delete()
        snapshot.image.delete()
        server.delete().wait()
        key.delete()
    assert not [line for line in prism_proxy.lines if _PROBLEM.search(line)]
    assert served.fake["servers"] == {}
