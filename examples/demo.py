"""A walk through a server's life with hcloud_models, counting the requests it costs.

SSH key -> server (following its actions) -> power off -> snapshot -> Floating IP
(create, assign, unassign) -> delete everything.

    python examples/demo.py           # offline, against the in-process fake cloud
    python examples/demo.py --real    # against the real API; needs HCLOUD_TOKEN

The offline run needs no token and no network: requests go through
``httpx.MockTransport`` to :class:`hcloud_models.testing.FakeCloud`, whose
actions run on a fake clock, so waiting does not really sleep.  The real run
creates billable resources for a few minutes and deletes them again, even
when a step fails.
"""

from __future__ import annotations

import argparse
import os
import secrets
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import httpx

from hcloud_models import Action, Client, HcloudError
from hcloud_models.testing import FakeCloud

SERVER_TYPE = "cpx22"
IMAGE = "ubuntu-24.04"
LOCATION = "fsn1"
# An ed25519 public key whose private half was thrown away: it opens no door.
PUBLIC_KEY = (
    "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIK1RD07JloYTZjkdEBCoFcSyLmCR6vhVnUS77n1OvzK/ "
    "hcloud-models-demo"
)


class RequestMeter:
    """Counts the requests an ``httpx.Client`` sends (an httpx ``request`` event hook)."""

    def __init__(self) -> None:
        self.total = 0

    def __call__(self, request: httpx.Request) -> None:
        self.total += 1


@contextmanager
def step(title: str, meter: RequestMeter) -> Iterator[None]:
    """Print a step's title, run it, then print how many requests it took."""
    print(f"\n{title}")
    before = meter.total
    yield
    spent = meter.total - before
    print(f"   -> {spent} request{'' if spent == 1 else 's'}")


def show_progress(action: Action) -> None:
    """Report an action's progress; called by the SDK whenever it changes."""
    print(f"   {action.command} #{action.id}: {action.progress:3d}% {action.status}")


def walk_through(client: Client, meter: RequestMeter, suffix: str, created: list[Any]) -> None:
    """Run every step of the demo; ``created`` holds what still has to be deleted."""
    with step("1. Upload an SSH key", meter):
        key = client.ssh_keys.create(name=f"demo-key{suffix}", public_key=PUBLIC_KEY)
        created.append(key)
        print(f"   ssh key #{key.id} {key.name!r}, fingerprint {key.fingerprint}")

    with step("2. Create a server and wait until it runs", meter):
        result = client.servers.create(
            name=f"demo-server{suffix}",
            server_type=SERVER_TYPE,
            image=IMAGE,
            location=LOCATION,
            ssh_keys=[key.id],
            labels={"purpose": "demo"},
        )
        server = result.server
        created.append(server)
        print(f"   server #{server.id} {server.name!r} is {server.status}")
        show_progress(result.action)
        result.action.wait(on_progress=show_progress)
        # Follow-up actions (starting the server); wait_all polls them all in one request a round.
        client.actions.wait_all(result.next_actions, on_progress=show_progress)

    with step("3. Power the server off", meter):
        server.power_off().wait(on_progress=show_progress)
        # Objects never refresh behind your back: reload() fetches a new one.
        print(f"   server #{server.id} is {server.reload().status} (was {server.status})")

    with step("4. Take a snapshot of its disk", meter):
        snapshot = server.create_image(description=f"demo snapshot{suffix}", type="snapshot")
        image = snapshot.image
        created.append(image)
        print(f"   image #{image.id} ({image.type}) is {image.status}")
        snapshot.action.wait(on_progress=show_progress)

    with step("5. Create a Floating IP, assign it to the server, unassign it", meter):
        floating = client.floating_ips.create(
            type="ipv4", home_location=LOCATION, description=f"demo address{suffix}"
        )
        fip = floating.floating_ip
        created.append(fip)
        print(f"   floating ip #{fip.id} {fip.ip} in {fip.home_location.name}")
        fip.assign(server).wait(on_progress=show_progress)
        fip.unassign().wait(on_progress=show_progress)

    with step("6. Delete everything", meter):
        fip.delete()
        created.remove(fip)
        print(f"   floating ip #{fip.id} deleted")
        image.delete()
        created.remove(image)
        print(f"   image #{image.id} deleted")
        server.delete().wait(on_progress=show_progress)
        created.remove(server)
        print(f"   server #{server.id} deleted")
        key.delete()
        created.remove(key)
        print(f"   ssh key #{key.id} deleted")


def sweep(created: list[Any]) -> None:
    """Best-effort deletion of what a failed run left behind, newest first."""
    for leftover in reversed(created):
        try:
            leftover.delete()
            print(f"   cleaned up {type(leftover).__name__} #{leftover.id}")
        except HcloudError as exc:
            print(f"   could not delete {type(leftover).__name__} #{leftover.id}: {exc}")


def main(real: bool = False) -> int:
    """Run the demo offline, or against the real API when ``real`` is true.

    Returns:
        The process exit status: 0 on success, 1 when a step failed, 2 when
        ``real`` was asked for without a token.
    """
    meter = RequestMeter()
    hooks: dict[str, list[Callable[..., Any]]] = {"request": [meter]}
    if real:
        token = os.environ.get("HCLOUD_TOKEN", "")
        if not token:
            print("Refusing to run against the real API: HCLOUD_TOKEN is not set.")
            print("Run `python examples/demo.py` without --real for the offline walk-through.")
            return 2
        http = httpx.Client(timeout=httpx.Timeout(30.0, connect=10.0), event_hooks=hooks)
        client = Client(token, http_client=http, application="hcloud-models-demo")
        suffix = f"-{secrets.token_hex(3)}"
        print("hcloud_models demo against the real API (creates billable resources briefly)")
    else:
        cloud = FakeCloud()
        http = httpx.Client(transport=cloud.transport(), event_hooks=hooks)
        # Both endpoints point at the fake; waits sleep on its clock, so they end at once.
        client = cloud.client("offline-demo-token", http_client=http)
        suffix = ""
        print("hcloud_models demo, offline (in-process fake cloud, no token needed)")

    created: list[Any] = []
    with client:
        try:
            walk_through(client, meter, suffix, created)
        except HcloudError as exc:
            print(f"\nFAILED: {exc}")
            sweep(created)
            return 1
        except BaseException:  # Ctrl-C included: leave nothing billable behind
            sweep(created)
            raise
    print(f"\nDone: {meter.total} requests in all.")
    return 0


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--real", action="store_true", help="use the real API (needs HCLOUD_TOKEN; costs money)"
    )
    sys.exit(main(real=parser.parse_args().real))
