"""The read-only catalog: locations, datacenters, server types, ISOs and pricing.

Every operation is checked on the sync and the async client: what is sent
(method, path, query), what is read back, and that returned objects are bound.
"""

from __future__ import annotations

import contextlib
import types
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

import pytest

from hcloud_models.models._base import BoundModel
from hcloud_models.models.datacenters import Datacenter, DatacenterServerTypes
from hcloud_models.models.isos import ISO
from hcloud_models.models.locations import Location
from hcloud_models.models.page import Page
from hcloud_models.models.pricing import Pricing, ServerTypePricing
from hcloud_models.models.server_types import ServerType, ServerTypeLocation
from hcloud_models.operations import datacenters as datacenter_ops
from hcloud_models.operations import isos as iso_ops
from hcloud_models.operations import locations as location_ops
from hcloud_models.operations import pricing as pricing_ops
from hcloud_models.operations import server_types as server_type_ops
from hcloud_models.operations._call import Call, Endpoint, Paged
from hcloud_models.resources import resource_class
from hcloud_models.resources.datacenters import DatacentersResource
from hcloud_models.resources.isos import ISOsResource
from hcloud_models.resources.locations import LocationsResource
from hcloud_models.resources.pricing import PricingResource
from hcloud_models.resources.server_types import ServerTypesResource
from tests import spec
from tests.conftest import Api, Recorder
from tests.helpers import assert_sent, reply_two_pages


@dataclass(frozen=True)
class Family:
    """What differs between the four listable catalog families."""

    attr: str
    model: type[BoundModel[Any]]
    resource: type[Any]
    ops_module: types.ModuleType
    list_id: str
    get_id: str
    key: str
    name: str
    list_kwargs: dict[str, Any]
    list_query: list[tuple[str, str]]
    values: dict[str, Any]
    deprecated: bool = False
    extra_checks: Callable[[Any], None] = field(default=lambda obj: None)

    def __str__(self) -> str:
        return self.attr


def _check_datacenter(dc: Datacenter[Any]) -> None:
    assert isinstance(dc.location, Location)
    assert dc.location.name == "fsn1"
    assert dc.location.is_bound
    assert isinstance(dc.server_types, DatacenterServerTypes)
    assert dc.server_types.available == [1, 2, 3]


def _check_server_type(st: ServerType[Any]) -> None:
    assert st.architecture == "x86"
    assert st.prices[0].price_hourly.gross == "1.1900"
    assert isinstance(st.locations[0], ServerTypeLocation)
    assert st.locations[0].available is True


def _check_iso(iso: ISO[Any]) -> None:
    assert iso.type == "public"
    assert iso.architecture == "x86"
    assert iso.deprecation is not None


LOCATIONS = Family(
    attr="locations",
    model=Location,
    resource=LocationsResource,
    ops_module=location_ops,
    list_id="list_locations",
    get_id="get_location",
    key="location",
    name="fsn1",
    list_kwargs={"name": "fsn1", "sort": "name:asc", "page": 2, "per_page": 10},
    list_query=[("name", "fsn1"), ("sort", "name:asc"), ("page", "2"), ("per_page", "10")],
    values={"id": 42, "name": "fsn1", "city": "Falkenstein", "network_zone": "eu-central"},
)
DATACENTERS = Family(
    attr="datacenters",
    model=Datacenter,
    resource=DatacentersResource,
    ops_module=datacenter_ops,
    list_id="list_datacenters",
    get_id="get_datacenter",
    key="datacenter",
    name="fsn1-dc8",
    list_kwargs={"name": "fsn1-dc8", "sort": ["id:desc", "name"], "page": 2, "per_page": 10},
    list_query=[
        ("name", "fsn1-dc8"),
        ("sort", "id:desc"),
        ("sort", "name"),
        ("page", "2"),
        ("per_page", "10"),
    ],
    values={"id": 42, "name": "fsn1-dc8", "description": "Falkenstein DC Park 8"},
    deprecated=True,
    extra_checks=_check_datacenter,
)
SERVER_TYPES = Family(
    attr="server_types",
    model=ServerType,
    resource=ServerTypesResource,
    ops_module=server_type_ops,
    list_id="list_server_types",
    get_id="get_server_type",
    key="server_type",
    name="cpx22",
    list_kwargs={"name": "cpx22", "page": 2, "per_page": 10},
    list_query=[("name", "cpx22"), ("page", "2"), ("per_page", "10")],
    values={"id": 1, "name": "cpx22", "cores": 2, "memory": 4.0, "disk": 80},
    extra_checks=_check_server_type,
)
ISOS = Family(
    attr="isos",
    model=ISO,
    resource=ISOsResource,
    ops_module=iso_ops,
    list_id="list_isos",
    get_id="get_iso",
    key="iso",
    name="FreeBSD-11.0-RELEASE-amd64-dvd1",
    list_kwargs={
        "name": "FreeBSD-11.0-RELEASE-amd64-dvd1",
        "architecture": "arm",
        "include_architecture_wildcard": True,
        "page": 2,
        "per_page": 10,
    },
    list_query=[
        ("name", "FreeBSD-11.0-RELEASE-amd64-dvd1"),
        ("architecture", "arm"),
        ("include_architecture_wildcard", "true"),
        ("page", "2"),
        ("per_page", "10"),
    ],
    values={"id": 42, "name": "FreeBSD-11.0-RELEASE-amd64-dvd1", "description": "FreeBSD 11.0 x64"},
    extra_checks=_check_iso,
)
FAMILIES = [LOCATIONS, DATACENTERS, SERVER_TYPES, ISOS]


@pytest.fixture(params=FAMILIES, ids=str)
def family(request: pytest.FixtureRequest) -> Family:
    return request.param  # type: ignore[no-any-return]


def warns_if(deprecated: bool) -> contextlib.AbstractContextManager[Any]:
    """Expect a DeprecationWarning naming the replacement, or (warnings being errors) none."""
    if deprecated:
        return pytest.warns(DeprecationWarning, match=r"client\.locations")
    return contextlib.nullcontext()


def assert_object(family: Family, obj: Any) -> None:
    assert isinstance(obj, family.model)
    assert obj.is_bound
    for name, value in family.values.items():
        assert getattr(obj, name) == value
    family.extra_checks(obj)


# --- list, get, get_by_name, all ------------------------------------------------


def test_list(api: Api, recorder: Recorder, family: Family) -> None:
    recorder.reply(spec.example_reply(family.list_id))
    with warns_if(family.deprecated):
        page = api.run(lambda c: getattr(c, family.attr).list(**family.list_kwargs))
    assert len(recorder.requests) == 1
    assert_sent(recorder, family.list_id, f"/{family.attr}", family.list_query)
    assert isinstance(page, Page)
    assert len(page) == 1
    assert_object(family, page[0])
    assert page.pagination is not None
    assert page.next_page == 4


def test_list_without_arguments_sends_no_query(
    api: Api, recorder: Recorder, family: Family
) -> None:
    recorder.reply(spec.example_reply(family.list_id))
    with warns_if(family.deprecated):
        api.run(lambda c: getattr(c, family.attr).list())
    assert len(recorder.requests) == 1
    assert_sent(recorder, family.list_id, f"/{family.attr}")


def test_get(api: Api, recorder: Recorder, family: Family) -> None:
    recorder.reply(spec.example_reply(family.get_id))
    with warns_if(family.deprecated):
        obj = api.run(lambda c: getattr(c, family.attr).get(42))
    assert len(recorder.requests) == 1
    assert_sent(recorder, family.get_id, f"/{family.attr}/42")
    assert_object(family, obj)


def test_get_accepts_an_object_with_an_id(api: Api, recorder: Recorder, family: Family) -> None:
    recorder.reply(spec.example_reply(family.get_id))
    with warns_if(family.deprecated):
        api.run(lambda c: getattr(c, family.attr).get(types.SimpleNamespace(id=7)))
    assert_sent(recorder, family.get_id, f"/{family.attr}/7")


def test_get_by_name(api: Api, recorder: Recorder, family: Family) -> None:
    recorder.reply(spec.example_reply(family.list_id))
    with warns_if(family.deprecated):
        obj = api.run(lambda c: getattr(c, family.attr).get_by_name(family.name))
    assert len(recorder.requests) == 1
    assert_sent(recorder, family.list_id, f"/{family.attr}", [("name", family.name)])
    assert_object(family, obj)


def test_get_by_name_returns_none_on_an_empty_list(
    api: Api, recorder: Recorder, family: Family
) -> None:
    empty = spec.example_reply(family.list_id)
    empty[family.attr] = []
    recorder.reply(empty)
    with warns_if(family.deprecated):
        assert api.run(lambda c: getattr(c, family.attr).get_by_name("missing")) is None
    assert len(recorder.requests) == 1
    assert_sent(recorder, family.list_id, f"/{family.attr}", [("name", "missing")])


def test_all_walks_two_pages(api: Api, recorder: Recorder, family: Family) -> None:
    reply_two_pages(recorder, family.list_id, family.attr)
    with warns_if(family.deprecated):
        objects = api.collect(lambda c: getattr(c, family.attr).all(name=family.name))
    first_id = family.values["id"]
    assert [o.id for o in objects] == [first_id, 43]
    assert all(isinstance(o, family.model) and o.is_bound for o in objects)
    assert len(recorder.requests) == 2
    path = f"/{family.attr}"
    first = [("name", family.name), ("per_page", "50")]
    assert_sent(recorder, family.list_id, path, first, index=0, only=False)
    second = [("name", family.name), ("per_page", "50"), ("page", "2")]
    assert_sent(recorder, family.list_id, path, second, index=1, only=False)


def _refused(api: Api, recorder: Recorder, family: Family, kwargs: dict[str, Any]) -> None:
    """``list`` and ``all`` raise ValueError for these arguments and send nothing."""
    message = next(iter(kwargs))
    with pytest.raises(ValueError, match=message):
        api.run(lambda c: getattr(c, family.attr).list(**kwargs))
    with pytest.raises(ValueError, match=message):
        api.collect(lambda c: getattr(c, family.attr).all(**kwargs))
    assert recorder.requests == []


@pytest.mark.parametrize(
    "kwargs",
    [{"per_page": 0}, {"per_page": 51}, {"page": 0}],
    ids=["per_page-0", "per_page-51", "page-0"],
)
def test_bad_paging_is_refused_before_sending(
    api: Api, recorder: Recorder, family: Family, kwargs: dict[str, Any]
) -> None:
    _refused(api, recorder, family, kwargs)


@pytest.mark.parametrize("family", [LOCATIONS, DATACENTERS], ids=str)
@pytest.mark.parametrize("sort", ["name:up", ["id", ":asc"]], ids=["name-up", "no-field"])
def test_bad_sort_is_refused_before_sending(
    api: Api, recorder: Recorder, family: Family, sort: Any
) -> None:
    _refused(api, recorder, family, {"sort": sort})


@pytest.mark.parametrize("family", [SERVER_TYPES, ISOS], ids=str)
def test_families_without_sorting_take_no_sort_argument(family: Family) -> None:
    list_op = getattr(family.ops_module, family.list_id)
    with pytest.raises(TypeError):
        list_op(sort="name")


def test_iso_list_sends_false_for_the_wildcard_flag(api: Api, recorder: Recorder) -> None:
    recorder.reply(spec.example_reply("list_isos"))
    api.run(lambda c: c.isos.list(architecture="x86", include_architecture_wildcard=False))
    assert_sent(
        recorder,
        "list_isos",
        "/isos",
        [("architecture", "x86"), ("include_architecture_wildcard", "false")],
    )


def test_iso_without_architecture_parses_as_none(api: Api, recorder: Recorder) -> None:
    reply = spec.example_reply("get_iso")
    reply["iso"].update(architecture=None, deprecation=None, type="private", name=None)
    recorder.reply(reply)
    iso = api.run(lambda c: c.isos.get(42))
    assert iso.architecture is None
    assert iso.deprecation is None
    assert iso.name is None


def test_datacenter_list_ignores_the_deprecated_recommendation(
    api: Api, recorder: Recorder
) -> None:
    recorder.reply(spec.example_reply("list_datacenters"))
    with warns_if(deprecated=True):
        page = api.run(lambda c: c.datacenters.list())
    assert [dc.id for dc in page] == [42]


# --- pricing --------------------------------------------------------------------


def test_pricing(api: Api, recorder: Recorder) -> None:
    recorder.reply(spec.example_reply("get_pricing"))
    pricing = api.run(lambda c: c.pricing.get())
    assert len(recorder.requests) == 1
    assert_sent(recorder, "get_pricing", "/pricing")
    assert isinstance(pricing, Pricing)
    assert not isinstance(pricing, BoundModel)
    assert pricing.currency == "EUR"
    assert pricing.vat_rate == "19.00"
    assert pricing.server_backup.percentage == "20.00"
    assert isinstance(pricing.server_types[0], ServerTypePricing)
    assert pricing.server_types[0].name == "cpx22"
    assert pricing.server_types[0].prices[0].price_monthly.net == "1.0000"
    assert pricing.floating_ips[0].type == "ipv4"


def test_pricing_resource_has_only_get() -> None:
    endpoints = {n for n, a in vars(PricingResource).items() if isinstance(a, (Endpoint, Paged))}
    assert endpoints == {"get"}
    call = pricing_ops.get_pricing()
    assert (call.method, call.path, call.params, call.body) == ("GET", "/pricing", (), None)


# --- deprecation ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("operation_id", "call"),
    [
        pytest.param("list_datacenters", lambda c: c.datacenters.list(), id="list"),
        pytest.param("get_datacenter", lambda c: c.datacenters.get(42), id="get"),
        pytest.param(
            "list_datacenters", lambda c: c.datacenters.get_by_name("fsn1-dc8"), id="get_by_name"
        ),
    ],
)
def test_datacenter_operations_warn(
    api: Api, recorder: Recorder, operation_id: str, call: Callable[[Any], Any]
) -> None:
    recorder.reply(spec.example_reply(operation_id))
    with pytest.warns(DeprecationWarning, match="deprecate") as caught:
        api.run(call)
    assert len(caught) == 1
    message = str(caught[0].message)
    assert "client.locations" in message
    assert "server_type.locations" in message
    assert len(recorder.requests) == 1


def _build_functions() -> Iterator[tuple[str, Callable[[], Call[Any, Any]]]]:
    yield "list_locations", location_ops.list_locations
    yield "get_location", lambda: location_ops.get_location(1)
    yield "list_datacenters", datacenter_ops.list_datacenters
    yield "get_datacenter", lambda: datacenter_ops.get_datacenter(1)
    yield "list_server_types", server_type_ops.list_server_types
    yield "get_server_type", lambda: server_type_ops.get_server_type(1)
    yield "list_isos", iso_ops.list_isos
    yield "get_iso", lambda: iso_ops.get_iso(1)
    yield "get_pricing", pricing_ops.get_pricing


@pytest.mark.parametrize(("operation_id", "build"), list(_build_functions()))
def test_calls_are_deprecated_exactly_when_the_spec_says_so(
    operation_id: str, build: Callable[[], Call[Any, Any]]
) -> None:
    method, _, op = spec.operations()[operation_id]
    call = build()
    assert call.method == method
    assert (call.deprecated is not None) == bool(op.get("deprecated"))


# --- bound objects ----------------------------------------------------------------


def test_reload_sends_get_by_id(api: Api, recorder: Recorder, family: Family) -> None:
    recorder.reply(spec.example_reply(family.get_id))
    with warns_if(family.deprecated):
        obj = api.run(lambda c: getattr(c, family.attr).get(42))
    fresh = spec.example_reply(family.get_id)
    fresh[family.key]["description"] = "changed"
    recorder.reply(fresh)
    with warns_if(family.deprecated):
        reloaded = api.run(lambda c: obj.reload())
    assert len(recorder.requests) == 2
    assert_sent(recorder, family.get_id, f"/{family.attr}/{obj.id}", only=False)
    assert isinstance(reloaded, family.model)
    assert reloaded.is_bound
    assert reloaded.to_dict()["description"] == "changed"
    assert obj.to_dict()["description"] != "changed"


def test_location_reload(api: Api, recorder: Recorder) -> None:
    recorder.reply(spec.example_reply("list_locations"))
    location = api.run(lambda c: c.locations.get_by_name("fsn1"))
    recorder.reply(spec.example_reply("get_location"))
    reloaded = api.run(lambda c: location.reload())
    assert recorder.last.method == "GET"
    assert recorder.path() == "/locations/42"
    assert reloaded == location


def test_nested_location_of_a_datacenter_reloads_through_locations(
    api: Api, recorder: Recorder
) -> None:
    recorder.reply(spec.example_reply("get_datacenter"))
    with warns_if(deprecated=True):
        dc = api.run(lambda c: c.datacenters.get(42))
    recorder.reply(spec.example_reply("get_location"))
    location = api.run(lambda c: dc.location.reload())
    assert recorder.path() == "/locations/42"
    assert isinstance(location, Location)


# --- the resources as a whole -------------------------------------------------------


def test_resource_methods_and_operation_ids(family: Family) -> None:
    members = {n: a for n, a in vars(family.resource).items() if isinstance(a, (Endpoint, Paged))}
    assert set(members) == {"list", "all", "get", "get_by_name"}
    ids = {n: a.operation_id for n, a in members.items() if isinstance(a, Endpoint)}
    assert ids == {"list": family.list_id, "get": family.get_id, "get_by_name": None}
    assert isinstance(members["all"], Paged)
    assert members["all"].build is members["list"].build
    in_spec = {
        o for o, (_, path, _) in spec.operations().items() if path.split("/")[1] == family.attr
    }
    assert in_spec == {family.list_id, family.get_id}


def test_pricing_operation_id() -> None:
    assert vars(PricingResource)["get"].operation_id == "get_pricing"
    in_spec = {o for o, (_, path, _) in spec.operations().items() if path == "/pricing"}
    assert in_spec == {"get_pricing"}


@pytest.mark.parametrize(
    ("name", "cls"),
    [
        ("locations", LocationsResource),
        ("datacenters", DatacentersResource),
        ("server_types", ServerTypesResource),
        ("isos", ISOsResource),
        ("pricing", PricingResource),
    ],
)
def test_clients_find_the_resources(api: Api, name: str, cls: type[Any]) -> None:
    assert resource_class(name) is cls
    assert isinstance(getattr(api.client, name), cls)
