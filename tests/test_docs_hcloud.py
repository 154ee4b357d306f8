"""The migration table from the official hcloud package covers every public method of 2.27."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from doctools import hcloud_table
from hcloud_models import OPERATIONS

from .test_coverage import PENDING_TAGS

hcloud = pytest.importorskip("hcloud", reason="the docs extra installs hcloud")

ROOT = Path(__file__).resolve().parents[1]


def spec_tags() -> dict[str, str]:
    """operationId -> tag, for both specs."""
    tags: dict[str, str] = {}
    for name in ("hcloud", "hetzner"):
        spec = json.loads((ROOT / "spec" / f"{name}.schema.json").read_text())
        for item in spec["paths"].values():
            for op in item.values():
                if isinstance(op, dict) and "operationId" in op:
                    tags[op["operationId"]] = op["tags"][0]
    return tags


def test_the_table_is_for_hcloud_2_27() -> None:
    assert hcloud.__version__.startswith("2.27.")


def test_every_public_method_of_hcloud_has_a_row() -> None:
    methods = hcloud_table.public_methods()

    assert set(hcloud_table.load()) == set(methods)
    assert len(methods) > 500
    assert "client.servers.power_off" in methods
    assert "BoundServer.power_off" in methods
    assert "client.servers.actions.get_list" in methods


def test_the_committed_operations_are_what_hcloud_sends() -> None:
    assert hcloud_table.derive() == hcloud_table.load()


def test_every_equivalent_exists_unless_its_family_is_pending() -> None:
    tags = spec_tags()
    table = hcloud_table.load()
    missing: list[str] = []
    for name, operation_id, ours, _note in hcloud_table.rows(OPERATIONS):
        if operation_id is not None:
            assert operation_id in tags, name
            if operation_id not in OPERATIONS:
                if tags[operation_id] not in PENDING_TAGS:
                    missing.append(f"{name}: {operation_id} has no method")
                continue
            if not hcloud_table.exists(ours):
                missing.append(f"{name}: {ours}")
            continue
        assert name in hcloud_table.HELPERS, name
        if not ours or hcloud_table.exists(ours):
            continue
        # A helper of a bound class counts as pending when every operation of its class is.
        owner = name.rpartition(".")[0]
        siblings = {op for key, op in table.items() if key.startswith(owner + ".") and op}
        if not siblings or not all(tags[op] in PENDING_TAGS for op in siblings):
            missing.append(f"{name}: {ours}")

    assert missing == []


def test_operations_map_to_the_preferred_method() -> None:
    rows = {name: ours for name, _, ours, _ in hcloud_table.rows(OPERATIONS)}

    assert rows["client.servers.get_by_id"] == "client.servers.get"
    assert rows["client.servers.get_all"] == "client.servers.all"
    assert rows["client.servers.get_by_name"] == "client.servers.get_by_name"
    assert rows["BoundServer.power_off"] == "Server.power_off"
    assert rows["BoundAction.wait_until_finished"] == "Action.wait"
    assert rows["client.floating_ips.assign"] == "client.floating_ips.assign"
