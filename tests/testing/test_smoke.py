"""A first walk through the fake cloud with the SDK."""

from __future__ import annotations

from tests.testing.conftest import SpecCheckedCloud

KEY = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIK1RD07JloYTZjkdEBCoFcSyLmCR6vhVnUS77n1OvzK/"


def test_server_lifecycle_follows_its_actions(fake: SpecCheckedCloud) -> None:
    with fake.client() as client:
        key = client.ssh_keys.create(name="k", public_key=KEY)
        result = client.servers.create(
            name="web-1", server_type="cpx22", image="ubuntu-24.04", ssh_keys=[key.id]
        )
        assert result.server.status == "initializing"
        assert result.root_password is None
        result.action.wait()
        client.actions.wait_all(result.next_actions)
        server = result.server.reload()
        assert server.status == "running"
        server.power_off().wait()
        assert server.reload().status == "off"
        snapshot = server.create_image(type="snapshot")
        assert snapshot.image.status == "creating"
        snapshot.action.wait()
        assert snapshot.image.reload().status == "available"
        server.delete().wait()
    assert fake["servers"] == {}
