"""``list``, ``all`` and ``get_by_name``, checked once for every family that lists its objects.

The families and their operations are read from the resource managers, paths and replies from
the specs.  The read-only catalog (locations, datacenters, server types, ISOs) has its own
parametrized tests in ``test_catalog.py``; Zone RRSets, listed per Zone, are tested with Zones.
"""

from __future__ import annotations

import inspect
from dataclasses import dataclass
from typing import Any

import pytest

from hcloud_models.models._base import BoundModel
from hcloud_models.operations._call import Endpoint
from hcloud_models.resources import RESOURCES, resource_class
from tests import spec
from tests.conftest import Api, Recorder
from tests.helpers import assert_sent, reply_to, reply_two_pages

CATALOG = {"locations", "datacenters", "server_types", "isos"}


@dataclass(frozen=True)
class Family:
    """A family that lists its objects: its client attribute and its list and get operations."""

    attr: str
    list_id: str
    get_id: str
    by_name: bool
    sorts: bool

    def __str__(self) -> str:
        return self.attr

    @property
    def spec_name(self) -> str:
        return "hetzner" if self.list_id in spec.operations("hetzner") else "hcloud"

    def sent(self, recorder: Recorder, query: list[tuple[str, str]], **kwargs: Any) -> None:
        path = f"/{self.attr}"
        assert_sent(recorder, self.list_id, path, query, spec_name=self.spec_name, **kwargs)

    def model(self, api: Api, recorder: Recorder) -> type[Any]:
        """The class ``get`` returns for one object of the family (its request is forgotten)."""
        reply_to(recorder, self.get_id, spec_name=self.spec_name)
        obj = api.run(lambda c: getattr(c, self.attr).get(42))
        recorder.requests.clear()
        assert isinstance(obj, BoundModel)
        return type(obj)


def _families() -> list[Family]:
    families = []
    for attr in RESOURCES:
        members = vars(resource_class(attr))
        listing, get = members.get("list"), members.get("get")
        if attr in CATALOG or "all" not in members or not isinstance(listing, Endpoint):
            continue
        params = inspect.signature(listing.build).parameters
        if next(iter(params)) != "name":  # listed below another object
            continue
        assert isinstance(get, Endpoint)
        assert listing.operation_id is not None
        assert get.operation_id is not None
        by_name = "get_by_name" in members
        families.append(
            Family(attr, listing.operation_id, get.operation_id, by_name, "sort" in params)
        )
    return families


FAMILIES = _families()
BY_NAME = [f for f in FAMILIES if f.by_name]


def test_the_families_are_found() -> None:
    assert {f.attr for f in FAMILIES} >= {"servers", "floating_ips", "storage_boxes", "zones"}
    assert len(FAMILIES) == 15
    assert all(f.by_name for f in FAMILIES)


@pytest.mark.parametrize("family", BY_NAME, ids=str)
def test_get_by_name(api: Api, recorder: Recorder, family: Family) -> None:
    model = family.model(api, recorder)
    sent = reply_to(recorder, family.list_id, spec_name=family.spec_name)
    obj = api.run(lambda c: getattr(c, family.attr).get_by_name("my-resource"))
    family.sent(recorder, [("name", "my-resource")])
    assert type(obj) is model
    assert obj.id == sent[family.attr][0]["id"]
    assert obj.name == sent[family.attr][0]["name"]
    assert obj.is_bound


@pytest.mark.parametrize("family", BY_NAME, ids=str)
def test_get_by_name_returns_none_when_nothing_matches(
    api: Api, recorder: Recorder, family: Family
) -> None:
    empty = spec.example_reply(family.list_id, family.spec_name)
    empty[family.attr] = []
    recorder.reply(empty)
    assert api.run(lambda c: getattr(c, family.attr).get_by_name("missing")) is None
    family.sent(recorder, [("name", "missing")])


@pytest.mark.parametrize("family", FAMILIES, ids=str)
def test_all_walks_every_page(api: Api, recorder: Recorder, family: Family) -> None:
    model = family.model(api, recorder)
    first_id = spec.example_reply(family.list_id, family.spec_name)[family.attr][0]["id"]
    reply_two_pages(recorder, family.list_id, family.attr, spec_name=family.spec_name)
    objects = api.collect(lambda c: getattr(c, family.attr).all(name="web"))
    assert [o.id for o in objects] == [first_id, 43]
    assert all(type(o) is model and o.is_bound for o in objects)
    assert len(recorder.requests) == 2
    family.sent(recorder, [("name", "web"), ("per_page", "50")], index=0, only=False)
    family.sent(recorder, [("name", "web"), ("per_page", "50"), ("page", "2")], index=1, only=False)


BAD_LISTINGS = [
    pytest.param({"per_page": 0}, "per_page", id="per_page-0"),
    pytest.param({"per_page": 51}, "per_page", id="per_page-51"),
    pytest.param({"page": 0}, "page", id="page-0"),
    pytest.param({"sort": "name:up"}, "sort", id="sort-up"),
    pytest.param({"sort": ":asc"}, "sort", id="sort-no-field"),
    pytest.param({"sort": ["id", ":asc"]}, "sort", id="sort-list-no-field"),
]


@pytest.mark.parametrize("family", FAMILIES, ids=str)
@pytest.mark.parametrize(("kwargs", "message"), BAD_LISTINGS)
def test_bad_listing_arguments_are_refused_before_sending(
    api: Api, recorder: Recorder, family: Family, kwargs: dict[str, Any], message: str
) -> None:
    # A family without sorting has no sort argument at all.
    error = TypeError if "sort" in kwargs and not family.sorts else ValueError
    with pytest.raises(error, match=message):
        api.run(lambda c: getattr(c, family.attr).list(**kwargs))
    with pytest.raises(error, match=message):
        api.collect(lambda c: getattr(c, family.attr).all(**kwargs))
    assert recorder.requests == []
