"""The ``hcloud_fake`` pytest fixture (registered through the ``pytest11`` entry point).

Install ``hcloud-models`` and use it in any test::

    def test_my_deploy(hcloud_fake):
        client = hcloud_fake.client()
        deploy(client)                      # your code under test
        assert [s.name for s in client.servers.list()] == ["web-1"]

Loading the plugin imports neither the fake nor the SDK: they load when a test
first asks for the fixture, so test suites that do not use it start as fast.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from ._fake import FakeCloud

__all__ = ["hcloud_fake"]


@pytest.fixture
def hcloud_fake() -> FakeCloud:
    """A fresh, empty fake Hetzner Cloud (catalog seeded) for one test.

    ``hcloud_fake.client()`` / ``.async_client()`` give SDK clients wired to
    it; waits and retries sleep on its clock, so they end at once.
    """
    from ._fake import FakeCloud

    return FakeCloud()
