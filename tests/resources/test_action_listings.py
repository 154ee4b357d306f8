"""The four action listings every family with actions has, checked once for all of them.

``<family>.actions(obj)``, ``<family>.list_actions()``, ``<family>.get_action(id)`` and the
deprecated ``<family>.get_action_of(obj, id)``: the families are read from
``hcloud_models.OPERATIONS`` and the arguments, paths and replies from the specs, so a family
that gains actions is tested here without a line of its own.
"""

from __future__ import annotations

import inspect
from dataclasses import dataclass
from types import SimpleNamespace
from typing import Any

import pytest

import hcloud_models
from hcloud_models.models.actions import Action
from hcloud_models.models.page import Page
from hcloud_models.operations._call import Endpoint
from hcloud_models.resources import resource_class
from tests import spec
from tests.conftest import Api, Recorder
from tests.helpers import assert_sent, reply_to

METHODS = ("actions", "get_action_of", "list_actions", "get_action")


@dataclass(frozen=True)
class Family:
    """A family with action listings: its client attribute and the operations of each listing."""

    attr: str
    operation_ids: dict[str, str]
    spec_name: str

    def __str__(self) -> str:
        return self.attr

    def template(self, method: str) -> str:
        """The spec's path template of a listing."""
        return spec.operations(self.spec_name)[self.operation_ids[method]][1]

    def object_ref(self) -> Any:
        """What names one object: a name where the path takes one, else an id."""
        return "example.com" if "{id_or_name}" in self.template("actions") else 42

    def reply(self, recorder: Recorder, method: str) -> Any:
        return reply_to(recorder, self.operation_ids[method], spec_name=self.spec_name)

    def sent(
        self, recorder: Recorder, method: str, path: str, query: list[tuple[str, str]] | None = None
    ) -> None:
        operation_id = self.operation_ids[method]
        assert_sent(recorder, operation_id, path, query, spec_name=self.spec_name)


def _families() -> list[Family]:
    by_family: dict[str, dict[str, str]] = {}
    for operation_id, target in hcloud_models.OPERATIONS.items():
        attr, _, method = target.partition(".")
        if method in METHODS:
            by_family.setdefault(attr, {})[method] = operation_id
    return [
        Family(attr, ids, "hetzner" if ids["actions"] in spec.operations("hetzner") else "hcloud")
        for attr, ids in sorted(by_family.items())
    ]


FAMILIES = _families()


@pytest.fixture(params=FAMILIES, ids=str)
def family(request: pytest.FixtureRequest) -> Family:
    return request.param  # type: ignore[no-any-return]


def test_every_family_with_actions_has_all_four_listings() -> None:
    assert {f.attr for f in FAMILIES} >= {"servers", "floating_ips", "storage_boxes", "zones"}
    assert len(FAMILIES) == 11
    for family in FAMILIES:
        assert set(family.operation_ids) == set(METHODS), family


def _query_arguments(family: Family, method: str) -> tuple[dict[str, Any], list[tuple[str, str]]]:
    """Every query parameter of a listing with a valid value, and the query it must give.

    Values come from the spec (the first two choices of an enum); the query follows the
    order of the method's own arguments.
    """
    _, _, op = spec.operations(family.spec_name)[family.operation_ids[method]]
    params = {p["name"]: p["schema"] for p in op["parameters"] if p["in"] == "query"}
    kwargs: dict[str, Any] = {}
    query: dict[str, list[str]] = {}
    for name, schema in params.items():
        if name == "id":
            kwargs[name], query[name] = [5, 6], ["5", "6"]
        elif name in ("page", "per_page"):
            kwargs[name], query[name] = 2, ["2"]
        else:
            values = list(schema["items"]["enum"][1:3])
            kwargs[name], query[name] = values, values
    endpoint = vars(resource_class(family.attr))[method]
    assert isinstance(endpoint, Endpoint)
    order = list(inspect.signature(endpoint.build).parameters)
    assert set(kwargs) <= set(order), f"{family}.{method} lacks a query argument"
    return kwargs, [(name, value) for name in order if name in query for value in query[name]]


def assert_actions(result: Any, expected: list[dict[str, Any]], spec_name: str) -> None:
    """The reply's actions, read into bound Action objects with the documented fields."""
    assert len(result) == len(expected) > 0
    for action, sent in zip(result, expected, strict=True):
        assert isinstance(action, Action)
        assert action.is_bound
        assert action.id == sent["id"]
        assert action.command == sent["command"]
        assert action.status == sent["status"]
        assert action.progress == sent["progress"]
        assert [r.id for r in action.resources] == [r["id"] for r in sent["resources"]]
        if spec_name == "hetzner":
            assert type(action).__name__ == "StorageBoxAction"


def test_actions_of_one_object(api: Api, recorder: Recorder, family: Family) -> None:
    kwargs, query = _query_arguments(family, "actions")
    ref = family.object_ref()
    sent = family.reply(recorder, "actions")
    page = api.run(lambda c: getattr(c, family.attr).actions(ref, **kwargs))
    family.sent(recorder, "actions", f"/{family.attr}/{ref}/actions", query)
    assert isinstance(page, Page)
    assert_actions(page, sent["actions"], family.spec_name)
    assert page.pagination is not None
    assert page.pagination.page == sent["meta"]["pagination"]["page"]


def test_actions_of_an_object_without_arguments(
    api: Api, recorder: Recorder, family: Family
) -> None:
    family.reply(recorder, "actions")
    api.run(lambda c: getattr(c, family.attr).actions(SimpleNamespace(id=42)))
    family.sent(recorder, "actions", f"/{family.attr}/42/actions")


def test_list_actions(api: Api, recorder: Recorder, family: Family) -> None:
    kwargs, query = _query_arguments(family, "list_actions")
    sent = family.reply(recorder, "list_actions")
    page = api.run(lambda c: getattr(c, family.attr).list_actions(**kwargs))
    family.sent(recorder, "list_actions", f"/{family.attr}/actions", query)
    assert isinstance(page, Page)
    assert_actions(page, sent["actions"], family.spec_name)


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [({"per_page": 51}, "per_page"), ({"page": 0}, "page"), ({"sort": "id:up"}, "sort")],
    ids=["per_page-51", "page-0", "sort-up"],
)
def test_bad_listing_arguments_are_refused_before_sending(
    api: Api, recorder: Recorder, family: Family, kwargs: dict[str, Any], message: str
) -> None:
    resource = lambda c: getattr(c, family.attr)  # noqa: E731
    with pytest.raises(ValueError, match=message):
        api.run(lambda c: resource(c).list_actions(**kwargs))
    with pytest.raises(ValueError, match=message):
        api.run(lambda c: resource(c).actions(42, **kwargs))
    assert recorder.requests == []


def test_get_action(api: Api, recorder: Recorder, family: Family) -> None:
    sent = family.reply(recorder, "get_action")
    action = api.run(lambda c: getattr(c, family.attr).get_action(7))
    family.sent(recorder, "get_action", f"/{family.attr}/actions/7")
    assert_actions([action], [sent["action"]], family.spec_name)


def test_get_action_takes_an_action(api: Api, recorder: Recorder, family: Family) -> None:
    family.reply(recorder, "get_action")
    action = api.run(lambda c: getattr(c, family.attr).get_action(7))
    recorder.requests.clear()
    family.reply(recorder, "get_action")
    api.run(lambda c: getattr(c, family.attr).get_action(action))
    family.sent(recorder, "get_action", f"/{family.attr}/actions/{action.id}")


def test_get_action_of_is_deprecated(api: Api, recorder: Recorder, family: Family) -> None:
    ref = family.object_ref()
    sent = family.reply(recorder, "get_action_of")
    with pytest.warns(DeprecationWarning, match=rf"\b{family.attr}\.get_action\b"):
        action = api.run(lambda c: getattr(c, family.attr).get_action_of(ref, 7))
    family.sent(recorder, "get_action_of", f"/{family.attr}/{ref}/actions/7")
    assert_actions([action], [sent["action"]], family.spec_name)


def test_get_action_of_takes_objects(api: Api, recorder: Recorder, family: Family) -> None:
    family.reply(recorder, "get_action_of")
    with pytest.warns(DeprecationWarning, match="get_action"):
        api.run(
            lambda c: getattr(c, family.attr).get_action_of(
                SimpleNamespace(id=42), SimpleNamespace(id=7)
            )
        )
    family.sent(recorder, "get_action_of", f"/{family.attr}/42/actions/7")
