"""Catalog models (actions, locations, datacenters, server types, ISOs, pricing) vs. the spec."""

import copy
import json
from datetime import datetime
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from pydantic import BaseModel, ValidationError

from hcloud_models._modes import Async
from hcloud_models.models.actions import Action
from hcloud_models.models.common import (
    ActionError,
    ActionResource,
    DeprecationInfo,
    Meta,
    Pagination,
    Price,
    Protection,
    ServerProtection,
)
from hcloud_models.models.datacenters import Datacenter, DatacenterServerTypes
from hcloud_models.models.isos import ISO
from hcloud_models.models.locations import Location
from hcloud_models.models.pricing import (
    FloatingIPLocationPrice,
    FloatingIPPricing,
    FloatingIPTypePricing,
    ImagePricing,
    LoadBalancerTypePrice,
    LoadBalancerTypePricing,
    Pricing,
    PrimaryIPLocationPrice,
    PrimaryIPTypePricing,
    ServerBackupPricing,
    ServerTypePricing,
    VolumePricing,
)
from hcloud_models.models.server_types import ServerType, ServerTypeLocation, ServerTypePrice

SPEC_PATH = Path(__file__).resolve().parents[2] / "spec" / "hcloud.schema.json"


@cache
def _spec() -> dict[str, Any]:
    with SPEC_PATH.open(encoding="utf-8") as f:
        data: dict[str, Any] = json.load(f)
    return data


def _reply(path: str, method: str = "get", status: str = "200") -> dict[str, Any]:
    reply: dict[str, Any] = _spec()["paths"][path][method]["responses"][status]["content"][
        "application/json"
    ]
    return reply


def _schema(path: str, *keys: str) -> dict[str, Any]:
    """The reply schema of ``GET path``, descended through object properties ``keys``."""
    schema: dict[str, Any] = _reply(path)["schema"]
    for key in keys:
        if "items" in schema:
            schema = schema["items"]
        schema = schema["properties"][key]
    return schema


def _from_field_examples(schema: dict[str, Any]) -> Any:
    """Assemble a reply from the per-field ``example`` values of a schema.

    Enumerations without an example take their first allowed value.
    """
    if "example" in schema:
        return schema["example"]
    types = schema.get("type")
    types = types if isinstance(types, list) else [types]
    if "properties" in schema:
        return {key: _from_field_examples(sub) for key, sub in schema["properties"].items()}
    if "array" in types:
        return [_from_field_examples(schema["items"])]
    if "enum" in schema:
        return schema["enum"][0]
    raise AssertionError(f"no example for schema {schema}")


def _example(path: str, method: str = "get", status: str = "200") -> dict[str, Any]:
    """The spec's example reply: the whole-reply example if any, else one built from fields.

    A fresh copy is returned every time, so tests may change it.
    """
    content = _reply(path, method, status)
    if "example" in content:
        example = content["example"]
    elif "examples" in content:
        example = next(iter(content["examples"].values()))["value"]
    else:
        example = _from_field_examples(content["schema"])
    copied: dict[str, Any] = copy.deepcopy(example)
    return copied


def _utc(moment: str) -> datetime:
    """An aware UTC datetime from ``"YYYY-MM-DD HH:MM"``."""
    return datetime.fromisoformat(f"{moment}:00+00:00")


# --- the spec's example replies -------------------------------------------


def test_action_parses_finished_action_example() -> None:
    action = Action.model_validate(_example("/servers/{id}/actions/{action_id}")["action"])
    assert action.id == 13
    assert action.command == "start_server"
    assert action.status == "success"
    assert action.progress == 100
    assert action.started == _utc("2016-01-30 23:55")
    assert action.finished == _utc("2016-01-30 23:56")
    assert action.resources == [ActionResource(id=42, type="server")]
    assert isinstance(action.resources[0], ActionResource)
    assert isinstance(action.error, ActionError)
    assert action.error.code == "action_failed"
    assert action.error.message == "Action failed"
    assert not action.is_bound


def test_action_parses_running_action_example() -> None:
    action = Action.model_validate(_example("/zones/{id_or_name}/actions/{action_id}")["action"])
    assert action.status == "running"
    assert action.progress == 50
    assert action.finished is None
    assert action.error is None
    assert action.resources[0].type == "zone"


def test_action_parses_get_action_field_examples() -> None:
    action = Action.model_validate(_example("/actions/{id}")["action"])
    assert action.id == 42
    assert action.command == "start_resource"
    assert action.status == "running"
    assert action.started.tzinfo is not None
    assert action.resources[0].id == 42


def test_async_action_parses_the_same_data() -> None:
    data = _example("/servers/{id}/actions/{action_id}")["action"]
    action = Action[Async].model_validate(data)
    assert action.id == 13
    assert action == Action[Async].model_validate(data)


def test_action_list_meta_example() -> None:
    reply = _example("/servers/{id}/actions")
    meta = Meta.model_validate(reply["meta"])
    assert isinstance(meta.pagination, Pagination)
    assert meta.pagination.page == 1
    assert meta.pagination.per_page == 25
    assert meta.pagination.previous_page is None
    assert meta.pagination.next_page is None
    assert meta.pagination.last_page == 1
    assert meta.pagination.total_entries == 21


def test_location_parses_spec_example() -> None:
    location = Location.model_validate(_example("/locations/{id}")["location"])
    assert location.id == 42
    assert location.name == "fsn1"
    assert location.description == "Falkenstein DC Park 1"
    assert location.country == "DE"
    assert location.city == "Falkenstein"
    assert location.latitude == pytest.approx(50.47612)
    assert location.longitude == pytest.approx(12.370071)
    assert location.network_zone == "eu-central"


def test_location_list_example_with_meta() -> None:
    reply = _example("/locations")
    locations = [Location.model_validate(item) for item in reply["locations"]]
    assert [loc.name for loc in locations] == ["fsn1"]
    meta = Meta.model_validate(reply["meta"])
    assert meta.pagination.total_entries == 100
    assert meta.pagination.previous_page == 2


def test_datacenter_parses_spec_example() -> None:
    datacenter = Datacenter.model_validate(_example("/datacenters/{id}")["datacenter"])
    assert datacenter.id == 42
    assert datacenter.name == "fsn1-dc8"
    assert datacenter.description == "Falkenstein DC Park 8"
    assert isinstance(datacenter.location, Location)
    assert datacenter.location.name == "fsn1"
    assert datacenter.location.network_zone == "eu-central"
    assert isinstance(datacenter.server_types, DatacenterServerTypes)
    assert datacenter.server_types.supported == [1, 2, 3]
    assert datacenter.server_types.available == [1, 2, 3]
    assert datacenter.server_types.available_for_migration == [1, 2, 3]


def test_server_type_parses_spec_example() -> None:
    server_type = ServerType.model_validate(_example("/server_types/{id}")["server_type"])
    assert server_type.id == 1
    assert server_type.name == "cpx22"
    assert server_type.description == "CPX22"
    assert server_type.cores == 2
    assert server_type.memory == 4.0
    assert isinstance(server_type.memory, float)
    assert server_type.disk == 80
    assert server_type.deprecated is False
    assert server_type.storage_type == "local"
    assert server_type.cpu_type == "shared"
    assert server_type.category == "Shared vCPU"
    assert server_type.architecture == "x86"

    price = server_type.prices[0]
    assert isinstance(price, ServerTypePrice)
    assert price.location == "fsn1"
    assert price.price_hourly == Price(net="1.0000", gross="1.1900")
    assert isinstance(price.price_monthly, Price)
    assert price.price_monthly.gross == "1.1900"
    assert price.included_traffic == 654321
    assert price.price_per_tb_traffic.net == "1.0000"

    assert isinstance(server_type.deprecation, DeprecationInfo)
    assert server_type.deprecation.announced == _utc("2023-06-01 00:00")
    assert server_type.deprecation.unavailable_after == _utc("2023-09-01 00:00")

    location = server_type.locations[0]
    assert isinstance(location, ServerTypeLocation)
    assert location.id == 42
    assert location.name == "fsn1"
    assert location.recommended is False
    assert location.available is True
    assert location.deprecation is not None
    assert location.deprecation.unavailable_after == _utc("2023-09-01 00:00")


def test_server_type_optional_fields_may_be_missing() -> None:
    data = _example("/server_types/{id}")["server_type"]
    del data["category"]
    del data["deprecation"]
    data["memory"] = 0.5
    server_type = ServerType.model_validate(data)
    assert server_type.category is None
    assert server_type.deprecation is None
    assert server_type.memory == 0.5


def test_iso_parses_spec_example() -> None:
    iso = ISO.model_validate(_example("/isos/{id}")["iso"])
    assert iso.id == 42
    assert iso.name == "FreeBSD-11.0-RELEASE-amd64-dvd1"
    assert iso.description == "FreeBSD 11.0 x64"
    assert iso.type == "public"
    assert iso.architecture == "x86"
    assert isinstance(iso.deprecation, DeprecationInfo)
    assert iso.deprecation.announced == _utc("2023-06-01 00:00")


def test_private_iso_with_nulls() -> None:
    data = _example("/isos/{id}")["iso"]
    data.update(name=None, type="private", deprecation=None, architecture=None)
    iso = ISO.model_validate(data)
    assert iso.name is None
    assert iso.type == "private"
    assert iso.deprecation is None
    assert iso.architecture is None


def test_pricing_parses_spec_example() -> None:
    pricing = Pricing.model_validate(_example("/pricing")["pricing"])
    assert pricing.currency == "EUR"
    assert pricing.vat_rate == "19.00"

    assert isinstance(pricing.image, ImagePricing)
    assert pricing.image.price_per_gb_month == Price(net="1.0000", gross="1.1900")
    assert isinstance(pricing.volume, VolumePricing)
    assert pricing.volume.price_per_gb_month.gross == "1.1900"
    assert isinstance(pricing.server_backup, ServerBackupPricing)
    assert pricing.server_backup.percentage == "20.00"
    assert isinstance(pricing.floating_ip, FloatingIPPricing)
    assert pricing.floating_ip.price_monthly.net == "1.0000"

    floating = pricing.floating_ips[0]
    assert isinstance(floating, FloatingIPTypePricing)
    assert floating.type == "ipv4"
    assert isinstance(floating.prices[0], FloatingIPLocationPrice)
    assert floating.prices[0].location == "fsn1"
    assert floating.prices[0].price_monthly.gross == "1.1900"

    primary = pricing.primary_ips[0]
    assert isinstance(primary, PrimaryIPTypePricing)
    assert primary.type == "ipv4"
    assert isinstance(primary.prices[0], PrimaryIPLocationPrice)
    assert primary.prices[0].price_hourly.net == "1.0000"

    server_type = pricing.server_types[0]
    assert isinstance(server_type, ServerTypePricing)
    assert (server_type.id, server_type.name) == (104, "cpx22")
    assert isinstance(server_type.prices[0], ServerTypePrice)
    assert server_type.prices[0].included_traffic == 654321

    lb_type = pricing.load_balancer_types[0]
    assert isinstance(lb_type, LoadBalancerTypePricing)
    assert (lb_type.id, lb_type.name) == (1, "lb11")
    assert isinstance(lb_type.prices[0], LoadBalancerTypePrice)
    assert lb_type.prices[0].price_per_tb_traffic.gross == "1.1900"


# --- the models cover the spec's fields -------------------------------------

MODEL_SCHEMAS: list[tuple[type[BaseModel], str, tuple[str, ...]]] = [
    (Action, "/actions/{id}", ("action",)),
    (ActionResource, "/actions/{id}", ("action", "resources")),
    (ActionError, "/actions/{id}", ("action", "error")),
    (Location, "/locations/{id}", ("location",)),
    (Datacenter, "/datacenters/{id}", ("datacenter",)),
    (DatacenterServerTypes, "/datacenters/{id}", ("datacenter", "server_types")),
    (ServerType, "/server_types/{id}", ("server_type",)),
    (ServerTypePrice, "/server_types/{id}", ("server_type", "prices")),
    (Price, "/server_types/{id}", ("server_type", "prices", "price_hourly")),
    (ServerTypeLocation, "/server_types/{id}", ("server_type", "locations")),
    (DeprecationInfo, "/server_types/{id}", ("server_type", "deprecation")),
    (ISO, "/isos/{id}", ("iso",)),
    (Pricing, "/pricing", ("pricing",)),
    (ImagePricing, "/pricing", ("pricing", "image")),
    (VolumePricing, "/pricing", ("pricing", "volume")),
    (ServerBackupPricing, "/pricing", ("pricing", "server_backup")),
    (FloatingIPPricing, "/pricing", ("pricing", "floating_ip")),
    (FloatingIPTypePricing, "/pricing", ("pricing", "floating_ips")),
    (FloatingIPLocationPrice, "/pricing", ("pricing", "floating_ips", "prices")),
    (PrimaryIPTypePricing, "/pricing", ("pricing", "primary_ips")),
    (PrimaryIPLocationPrice, "/pricing", ("pricing", "primary_ips", "prices")),
    (ServerTypePricing, "/pricing", ("pricing", "server_types")),
    (LoadBalancerTypePricing, "/pricing", ("pricing", "load_balancer_types")),
    (LoadBalancerTypePrice, "/pricing", ("pricing", "load_balancer_types", "prices")),
    (Pagination, "/locations", ("meta", "pagination")),
    (Meta, "/locations", ("meta",)),
]


@pytest.mark.parametrize(
    ("model", "path", "keys"), MODEL_SCHEMAS, ids=[m.__name__ for m, _, _ in MODEL_SCHEMAS]
)
def test_model_fields_match_spec(model: type[BaseModel], path: str, keys: tuple[str, ...]) -> None:
    schema = _schema(path, *keys)
    if "items" in schema:
        schema = schema["items"]
    assert set(model.model_fields) == set(schema["properties"])
    required = {name for name, field in model.model_fields.items() if field.is_required()}
    assert required == set(schema.get("required", []))


def test_protection_models() -> None:
    assert Protection.model_validate({"delete": True}).delete is True
    protection = ServerProtection.model_validate({"delete": False, "rebuild": True})
    assert isinstance(protection, Protection)
    assert (protection.delete, protection.rebuild) == (False, True)
    server_schema = _schema("/servers/{id}", "server", "protection")
    assert set(ServerProtection.model_fields) == set(server_schema["properties"])
    with pytest.raises(ValidationError):
        ServerProtection.model_validate({"delete": False})


# --- robustness: unknown fields, enum values, kebab-case keys ---------------


def test_unknown_fields_are_kept() -> None:
    data = _example("/locations/{id}")["location"]
    data["brand_new_field"] = {"nested": [1, 2]}
    location = Location.model_validate(data)
    assert location.name == "fsn1"
    assert location.model_extra == {"brand_new_field": {"nested": [1, 2]}}

    pricing_data = _example("/pricing")["pricing"]
    pricing_data["traffic"] = {"price_per_tb": {"net": "1.0000", "gross": "1.1900"}}
    pricing_data["server_types"][0]["prices"][0]["surprise"] = True
    pricing = Pricing.model_validate(pricing_data)
    assert pricing.currency == "EUR"
    assert pricing.server_types[0].prices[0].included_traffic == 654321


def test_enum_values_added_later_are_kept_as_strings() -> None:
    data = _example("/servers/{id}/actions/{action_id}")["action"]
    data["status"] = "paused"
    assert Action.model_validate(data).status == "paused"
    iso = _example("/isos/{id}")["iso"]
    iso["architecture"] = "riscv"
    assert ISO.model_validate(iso).architecture == "riscv"


def test_json_schema_of_an_open_enum_names_its_known_values() -> None:
    status = Action.model_json_schema()["properties"]["status"]
    assert status["anyOf"] == [
        {"enum": ["running", "success", "error"], "type": "string"},
        {"type": "string"},
    ]


def test_enum_fields_still_reject_values_that_are_not_strings() -> None:
    data = _example("/servers/{id}/actions/{action_id}")["action"]
    data["status"] = 3
    with pytest.raises(ValidationError):
        Action.model_validate(data)


def test_kebab_case_keys_are_accepted() -> None:
    location = Location.model_validate(
        {
            "id": 1,
            "name": "hel1",
            "description": "Helsinki DC Park 1",
            "country": "FI",
            "city": "Helsinki",
            "latitude": 60.169855,
            "longitude": 24.938379,
            "network-zone": "eu-central",
        }
    )
    assert location.network_zone == "eu-central"

    server_type = ServerType.model_validate(
        {
            key.replace("_", "-"): value
            for key, value in _example("/server_types/{id}")["server_type"].items()
        }
    )
    assert server_type.cpu_type == "shared"
    assert server_type.storage_type == "local"

    price = ServerTypePrice.model_validate(
        {
            "location": "nbg1",
            "price-hourly": {"net": "0.0100", "gross": "0.0119"},
            "price-monthly": {"net": "5.0000", "gross": "5.9500"},
            "included-traffic": 21990232555520,
            "price-per-tb-traffic": {"net": "1.0000", "gross": "1.1900"},
        }
    )
    assert price.included_traffic == 21990232555520
    assert price.price_hourly.gross == "0.0119"

    datacenter_server_types = DatacenterServerTypes.model_validate(
        {"supported": [1], "available": [], "available-for-migration": [3]}
    )
    assert datacenter_server_types.available_for_migration == [3]


# --- dumping -----------------------------------------------------------------


def test_to_dict_returns_snake_case_wire_keys() -> None:
    location = Location.model_validate(_example("/locations/{id}")["location"])
    assert location.to_dict() == _example("/locations/{id}")["location"]
    assert location.to_kebab_dict()["network-zone"] == "eu-central"

    datacenter = Datacenter.model_validate(_example("/datacenters/{id}")["datacenter"])
    dumped = datacenter.to_dict()
    assert dumped["server_types"]["available_for_migration"] == [1, 2, 3]
    assert dumped["location"]["network_zone"] == "eu-central"

    server_type = ServerType.model_validate(_example("/server_types/{id}")["server_type"])
    dumped = server_type.to_dict()
    assert dumped["cpu_type"] == "shared"
    assert dumped["prices"][0]["price_per_tb_traffic"] == {"net": "1.0000", "gross": "1.1900"}
    assert dumped["deprecation"]["unavailable_after"] == "2023-09-01T00:00:00Z"
    assert dumped["locations"][0]["deprecation"]["announced"] == "2023-06-01T00:00:00Z"

    action = Action.model_validate(_example("/servers/{id}/actions/{action_id}")["action"])
    assert action.to_dict() == _example("/servers/{id}/actions/{action_id}")["action"]


def test_pricing_round_trips_through_to_dict() -> None:
    data = _example("/pricing")["pricing"]
    pricing = Pricing.model_validate(data)
    assert pricing.to_dict() == data
    assert Pricing.model_validate(pricing.to_dict()) == pricing
    assert "price-per-gb-month" in pricing.to_kebab_dict()["image"]
