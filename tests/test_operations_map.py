"""``hcloud_models.OPERATIONS``: every operation the clients perform, read from the clients."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

import hcloud_models
from hcloud_models.operations._call import Endpoint
from hcloud_models.resources import resource_class

from . import spec


def test_names_the_method_performing_each_operation() -> None:
    assert hcloud_models.OPERATIONS["poweroff_server"] == "servers.power_off"
    assert hcloud_models.OPERATIONS["assign_floating_ip"] == "floating_ips.assign"
    assert hcloud_models.OPERATIONS["get_actions"] == "actions.list_by_ids"


def test_includes_the_per_family_action_listings() -> None:
    assert hcloud_models.OPERATIONS["list_server_actions"] == "servers.actions"
    assert hcloud_models.OPERATIONS["get_server_action"] == "servers.get_action_of"
    assert hcloud_models.OPERATIONS["list_servers_actions"] == "servers.list_actions"
    assert hcloud_models.OPERATIONS["get_servers_action"] == "servers.get_action"


def test_every_entry_is_an_endpoint_performing_that_operation() -> None:
    for operation_id, target in hcloud_models.OPERATIONS.items():
        resource, _, method = target.partition(".")
        endpoint = vars(resource_class(resource)).get(method)
        assert isinstance(endpoint, Endpoint), target
        assert endpoint.operation_id == operation_id, target


def test_every_key_is_an_operation_of_the_specs() -> None:
    known = set(spec.operations("hcloud")) | set(spec.operations("hetzner"))
    assert set(hcloud_models.OPERATIONS) <= known


def test_is_read_only_and_made_once() -> None:
    with pytest.raises(TypeError):
        hcloud_models.OPERATIONS["poweroff_server"] = "servers.reset"  # type: ignore[index]
    assert hcloud_models.OPERATIONS is hcloud_models.OPERATIONS
    assert "OPERATIONS" in hcloud_models.__all__


def test_unknown_attributes_still_raise() -> None:
    with pytest.raises(AttributeError, match="no attribute 'OPERATION'"):
        hcloud_models.OPERATION  # noqa: B018 - the lookup is the test


def test_is_built_on_first_use_only() -> None:
    script = (
        "import sys, hcloud_models\n"
        "pre = 'hcloud_models.resources.'\n"
        "loaded = lambda: sorted(m for m in sys.modules if m.startswith(pre))\n"
        "assert loaded() == ['hcloud_models.resources._base'] or not loaded(), loaded()\n"
        "assert 'OPERATIONS' not in vars(hcloud_models)\n"
        "hcloud_models.OPERATIONS\n"
        "assert 'hcloud_models.resources.servers' in loaded()\n"
    )
    root = str(Path(hcloud_models.__file__).resolve().parents[1])
    env = {**os.environ, "PYTHONPATH": root}
    subprocess.run([sys.executable, "-c", script], check=True, env=env)


def test_an_operation_claimed_twice_is_an_error(monkeypatch: pytest.MonkeyPatch) -> None:
    from hcloud_models import resources

    monkeypatch.setitem(resources.RESOURCES, "servers_again", "servers:ServersResource")
    with pytest.raises(RuntimeError, match=r"performed by both servers\.\w+ and servers_again"):
        resources.operation_map()
