"""``delete`` of every family whose objects sit directly below the family's path.

What the reply holds comes from the spec: an empty 204 makes ``delete`` return ``None``; an
action (servers, Zones, Storage Boxes) is returned bound.  Objects below another object
(RRSets, subaccounts, snapshots) are tested with their families.
"""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

import pytest

from hcloud_models.models.actions import Action
from hcloud_models.operations._call import Endpoint
from hcloud_models.resources import RESOURCES, resource_class
from tests import spec
from tests.conftest import Api, Recorder
from tests.helpers import assert_sent, reply_to


def _spec_of(operation_id: str) -> str:
    return "hetzner" if operation_id in spec.operations("hetzner") else "hcloud"


def _families() -> list[Any]:
    cases = []
    for attr in RESOURCES:
        endpoint = vars(resource_class(attr)).get("delete")
        if not isinstance(endpoint, Endpoint) or endpoint.operation_id is None:
            continue
        operation_id = endpoint.operation_id
        _, template, _ = spec.operations(_spec_of(operation_id))[operation_id]
        if template.count("/") == 2 and template.startswith(f"/{attr}/"):
            cases.append(pytest.param(attr, operation_id, id=attr))
    return cases


FAMILIES = _families()


def test_the_families_are_found() -> None:
    assert {case.id for case in FAMILIES} == {
        "certificates",
        "firewalls",
        "floating_ips",
        "images",
        "load_balancers",
        "networks",
        "placement_groups",
        "primary_ips",
        "servers",
        "ssh_keys",
        "storage_boxes",
        "volumes",
        "zones",
    }


@pytest.mark.parametrize(("attr", "operation_id"), FAMILIES)
@pytest.mark.parametrize("ref", [42, SimpleNamespace(id=42)], ids=["id", "object"])
def test_delete(api: Api, recorder: Recorder, attr: str, operation_id: str, ref: Any) -> None:
    spec_name = _spec_of(operation_id)
    sent = reply_to(recorder, operation_id, spec_name=spec_name)
    result = api.run(lambda c: getattr(c, attr).delete(ref))
    assert_sent(recorder, operation_id, f"/{attr}/42", spec_name=spec_name)
    if sent is None:
        assert result is None
    else:
        assert isinstance(result, Action)
        assert result.is_bound
        assert (result.id, result.command) == (sent["action"]["id"], sent["action"]["command"])
