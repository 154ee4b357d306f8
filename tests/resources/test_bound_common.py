"""The bound methods most objects share send what their resource methods send.

``reload``, ``update``, ``delete``, ``actions``, ``change_protection`` and ``change_dns_ptr``
are checked here for every bound model that has them, with arguments taken from the specs;
the methods particular to one family are checked in that family's tests.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

import hcloud_models.models as models
from hcloud_models.models._base import BoundModel
from hcloud_models.operations._call import Endpoint
from hcloud_models.resources import resource_class
from tests import spec
from tests.conftest import Api, Recorder
from tests.helpers import assert_bound_matches_resource

# Objects reached through another object (an RRSet through its Zone, a subaccount through
# its Storage Box) and actions are checked with their families.
SHARED = ("reload", "update", "delete", "actions", "change_protection", "change_dns_ptr")
# Datacenters warn on every call, which test_catalog.py checks.
LEFT_OUT = {
    "Action",
    "StorageBoxAction",
    "RRSet",
    "StorageBoxSubaccount",
    "StorageBoxSnapshot",
    "Datacenter",
}


def _spec_of(operation_id: str) -> str:
    return "hetzner" if operation_id in spec.operations("hetzner") else "hcloud"


def _arguments(operation_id: str, method: str) -> dict[str, Any] | None:
    """Keyword arguments for a shared method, from its request schema; None to leave it out."""
    if method == "actions":
        return {"per_page": 3}
    if method == "change_dns_ptr":
        return {"ip": "192.0.2.1", "dns_ptr": "a.example"}
    schema = spec.request_schema(operation_id, _spec_of(operation_id))
    if method == "change_protection":
        assert schema is not None
        return dict.fromkeys(schema["properties"], True)
    if method == "update":
        properties = (schema or {}).get("properties", {})
        return {"labels": {"env": "prod"}} if "labels" in properties else None
    return {}


def _cases() -> list[Any]:
    cases = []
    for model in vars(models).values():
        if not (isinstance(model, type) and issubclass(model, BoundModel)):
            continue
        if model is BoundModel or model.__name__ in LEFT_OUT:
            continue
        resource = vars(resource_class(model._resource))
        get = resource["get"]
        assert isinstance(get, Endpoint)
        for bound_name in SHARED:
            method = "get" if bound_name == "reload" else bound_name
            endpoint = resource.get(method)
            if bound_name not in dir(model) or not isinstance(endpoint, Endpoint):
                continue
            assert endpoint.operation_id is not None
            kwargs = _arguments(endpoint.operation_id, method)
            if kwargs is None:
                continue
            cases.append(
                pytest.param(
                    model._resource,
                    get.operation_id,
                    endpoint.operation_id,
                    method,
                    bound_name,
                    kwargs,
                    id=f"{model.__name__}.{bound_name}",
                )
            )
    return cases


CASES = _cases()


def test_the_shared_methods_are_found() -> None:
    ids = {case.id for case in CASES}
    assert {"Server.reload", "Zone.change_protection", "StorageBox.actions"} <= ids
    assert {"Location.reload", "PlacementGroup.update", "FloatingIP.change_dns_ptr"} <= ids


@pytest.mark.parametrize(
    ("attr", "get_id", "operation_id", "method", "bound_name", "kwargs"), CASES
)
def test_shared_bound_methods_send_what_the_resource_sends(
    api: Api,
    recorder: Recorder,
    attr: str,
    get_id: str,
    operation_id: str,
    method: str,
    bound_name: str,
    kwargs: dict[str, Any],
) -> None:
    direct: Callable[[Any, Any], Any] = lambda c, o: getattr(getattr(c, attr), method)(  # noqa: E731
        o.id, **kwargs
    )
    bound: Callable[[Any, Any], Any] = lambda c, o: getattr(o, bound_name)(**kwargs)  # noqa: E731
    assert_bound_matches_resource(
        api,
        recorder,
        get_id,
        lambda c: getattr(c, attr).get(42),
        operation_id,
        direct,
        bound,
        spec_name=_spec_of(operation_id),
    )
