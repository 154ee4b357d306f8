"""The ``hcloud_fake`` pytest fixture, as a user's test suite sees it."""

from __future__ import annotations

import importlib.metadata
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

USER_TESTS = """
from hcloud_models.testing import FakeCloud


def deploy(client, name):
    made = client.servers.create(name=name, server_type="cx22", image="ubuntu-24.04")
    made.action.wait()
    client.actions.wait_all(made.next_actions)


def test_deploy_creates_a_running_server(hcloud_fake):
    assert isinstance(hcloud_fake, FakeCloud)
    with hcloud_fake.client() as client:
        deploy(client, "web-1")
        assert [(s.name, s.status) for s in client.servers.list()] == [("web-1", "running")]


def test_each_test_gets_a_fresh_cloud(hcloud_fake):
    with hcloud_fake.client() as client:
        assert list(client.servers.list()) == []
        deploy(client, "web-1")
"""


def test_installed_entry_point_loads_the_plugin() -> None:
    (entry,) = [
        ep for ep in importlib.metadata.entry_points(group="pytest11") if ep.name == "hcloud_fake"
    ]
    assert entry.load() is importlib.import_module("hcloud_models.testing.pytest_plugin")


def test_entry_point_is_declared() -> None:
    text = (ROOT / "pyproject.toml").read_text()
    block = re.search(r"\[project\.entry-points\.pytest11\]\n(.*?)\n\n", text, re.S)
    assert block is not None
    assert 'hcloud_fake = "hcloud_models.testing.pytest_plugin"' in block.group(1)


def test_fixture_gives_each_test_a_fresh_fake(
    pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PYTHONPATH", str(ROOT))
    pytester.makepyfile(test_user=USER_TESTS)
    # No -p: the installed package's entry point alone must bring the fixture.
    result = pytester.runpytest_subprocess()
    result.assert_outcomes(passed=2)


def test_fixture_is_documented() -> None:
    readme = (ROOT / "README.md").read_text()
    assert "hcloud_fake" in readme
    assert "python -m hcloud_models.testing serve" in readme
