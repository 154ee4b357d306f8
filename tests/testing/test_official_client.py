"""The official ``hcloud`` Python package against the served fake cloud.

This proves that the fake speaks the API well enough for a client we did not
write: it creates an SSH key and a server, waits for the actions, powers the
server off, takes a snapshot, and deletes everything.
"""

from __future__ import annotations

import time
from collections.abc import Iterator

import pytest

from hcloud_models.testing import FakeClock, ServedCloud, serve
from tests.testing.conftest import SpecCheckedCloud

hcloud = pytest.importorskip("hcloud", reason="the official hcloud package is a test dependency")

KEY = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIK1RD07JloYTZjkdEBCoFcSyLmCR6vhVnUS77n1OvzK/ ci"


@pytest.fixture
def served() -> Iterator[ServedCloud]:
    fake = SpecCheckedCloud(clock=FakeClock(time.time(), speed=200.0))
    with serve(fake) as running:
        yield running


def test_official_client_lifecycle(served: ServedCloud) -> None:
    from hcloud.images import Image
    from hcloud.server_types import ServerType

    client = hcloud.Client(
        token="any-token",
        api_endpoint=served.endpoint,
        api_endpoint_hetzner=served.endpoint,
        poll_interval=0.02,
    )
    key = client.ssh_keys.create(name="ci-key", public_key=KEY)
    created = client.servers.create(
        name="ci-server",
        server_type=ServerType(name="cx22"),
        image=Image(name="ubuntu-24.04"),
        ssh_keys=[key],
    )
    assert created.server.status == "initializing"
    created.action.wait_until_finished()
    for action in created.next_actions:
        action.wait_until_finished()
    server = client.servers.get_by_id(created.server.id)
    assert server.status == "running"

    server.power_off().wait_until_finished()
    assert client.servers.get_by_id(server.id).status == "off"

    snapshot = server.create_image(description="ci snapshot", type="snapshot")
    snapshot.action.wait_until_finished()
    image = client.images.get_by_id(snapshot.image.id)
    assert image.status == "available"
    assert image.created_from.id == server.id

    assert image.delete() is True
    server.delete().wait_until_finished()
    assert key.delete() is True

    fake = served.fake
    assert fake["servers"] == {}
    assert fake["ssh_keys"] == {}
    assert {i["type"] for i in fake["images"].values()} == {"system"}
    assert isinstance(fake, SpecCheckedCloud)
    assert {"create_ssh_key", "create_server", "poweroff_server", "create_server_image"} <= (
        fake.checked
    )
