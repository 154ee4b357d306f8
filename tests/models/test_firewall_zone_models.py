"""Firewall, Zone and RRSet models against the spec: every reply field, every body field."""

from __future__ import annotations

import typing
from typing import Any

import pytest
from pydantic import BaseModel

from hcloud_models.models._base import HcloudModel, Payload
from hcloud_models.models.firewalls import (
    CreateFirewallResult,
    Firewall,
    FirewallApplyToResources,
    FirewallCreate,
    FirewallRemoveFromResources,
    FirewallSetRules,
    FirewallUpdate,
)
from hcloud_models.models.zones import (
    CreateRRSetResult,
    CreateZoneResult,
    RRSet,
    RRSetAddRecords,
    RRSetChangeProtection,
    RRSetChangeTTL,
    RRSetCreate,
    RRSetRecords,
    RRSetUpdate,
    RRSetUpdateRecords,
    Zone,
    ZoneChangePrimaryNameservers,
    ZoneChangeProtection,
    ZoneChangeTTL,
    ZoneCreate,
    ZoneImportZonefile,
    ZoneUpdate,
)
from tests import spec

# The spec lists no required fields for this reply, yet a created Firewall always comes back.
ALWAYS_SENT = {"create_firewall.firewall"}


def _merged(schema: dict[str, Any]) -> dict[str, Any]:
    """One object schema from an object, an ``allOf`` or every branch of a ``oneOf``."""
    if "allOf" in schema or "oneOf" in schema:
        props: dict[str, Any] = {}
        required: set[str] | None = None
        for part in schema.get("allOf", []):
            merged = _merged(part)
            props.update(merged["properties"])
            required = (required or set()) | set(merged["required"])
        branches = [_merged(b) for b in schema.get("oneOf", [])]
        for branch in branches:
            props.update(branch["properties"])
        if branches:
            common = set.intersection(*(set(b["required"]) for b in branches))
            required = (required or set()) | common
        return {"properties": props, "required": sorted(required or ())}
    return {"properties": schema.get("properties", {}), "required": schema.get("required", [])}


def _models_in(annotation: Any) -> list[type[BaseModel]]:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    found: list[type[BaseModel]] = []
    for arg in typing.get_args(annotation):
        found.extend(_models_in(arg))
    origin = typing.get_origin(annotation)
    if isinstance(origin, type) and issubclass(origin, BaseModel):
        found.append(origin)
    return found


def _literals(annotation: Any) -> set[str]:
    if typing.get_origin(annotation) is typing.Literal:
        return set(typing.get_args(annotation))
    values: set[str] = set()
    for arg in typing.get_args(annotation):
        values |= _literals(arg)
    return values


def _check_reply(model: type[BaseModel], schema: dict[str, Any], where: str) -> None:
    obj = _merged(schema)
    for name, sub in obj["properties"].items():
        assert name in model.model_fields, f"{where}.{name} missing on {model.__name__}"
        field = model.model_fields[name]
        if name not in obj["required"] and f"{where}.{name}" not in ALWAYS_SENT:
            assert not field.is_required(), f"{where}.{name} is optional in the spec"
        if "enum" in sub:
            assert set(sub["enum"]) <= _literals(field.annotation), f"{where}.{name} enum"
        item = sub.get("items", sub)
        if item.get("type") == "object" or "allOf" in item or "oneOf" in item:
            nested = _models_in(field.annotation)
            if not nested:
                continue  # a mapping such as labels
            _check_reply(nested[0], item, f"{where}.{name}")


@pytest.mark.parametrize(
    ("operation_id", "key", "model"),
    [
        ("get_firewall", "firewall", Firewall),
        ("get_zone", "zone", Zone),
        ("get_zone_rrset", "rrset", RRSet),
        ("create_firewall", None, CreateFirewallResult),
        ("create_zone", None, CreateZoneResult),
        ("create_zone_rrset", None, CreateRRSetResult),
    ],
)
def test_every_reply_property_has_a_field(
    operation_id: str, key: str | None, model: type[HcloudModel]
) -> None:
    schema = spec.reply_schema(operation_id)
    if key is not None:
        schema = schema["properties"][key]
    _check_reply(model, schema, operation_id)


def _check_body(model: type[Payload], schema: dict[str, Any], where: str) -> None:
    props = schema.get("properties", {})
    required = set(schema.get("required", []))
    assert set(model.model_fields) == set(props), f"{where}: fields differ from the spec"
    for name, sub in props.items():
        field = model.model_fields[name]
        assert field.is_required() == (name in required), f"{where}.{name} required-ness"
        if "enum" in sub:
            assert _literals(field.annotation) == set(sub["enum"]), f"{where}.{name} enum"
        item = sub.get("items", sub)
        if item.get("type") == "object" and "properties" in item:
            nested = [m for m in _models_in(field.annotation) if issubclass(m, Payload)]
            assert nested, f"{where}.{name} has no body model"
            _check_body(nested[0], item, f"{where}.{name}")


@pytest.mark.parametrize(
    ("operation_id", "model"),
    [
        ("create_firewall", FirewallCreate),
        ("update_firewall", FirewallUpdate),
        ("set_firewall_rules", FirewallSetRules),
        ("apply_firewall_to_resources", FirewallApplyToResources),
        ("remove_firewall_from_resources", FirewallRemoveFromResources),
        ("create_zone", ZoneCreate),
        ("update_zone", ZoneUpdate),
        ("change_zone_primary_nameservers", ZoneChangePrimaryNameservers),
        ("change_zone_protection", ZoneChangeProtection),
        ("change_zone_ttl", ZoneChangeTTL),
        ("import_zone_zonefile", ZoneImportZonefile),
        ("create_zone_rrset", RRSetCreate),
        ("update_zone_rrset", RRSetUpdate),
        ("change_zone_rrset_protection", RRSetChangeProtection),
        ("change_zone_rrset_ttl", RRSetChangeTTL),
        ("set_zone_rrset_records", RRSetRecords),
        ("add_zone_rrset_records", RRSetAddRecords),
        ("remove_zone_rrset_records", RRSetRecords),
        ("update_zone_rrset_records", RRSetUpdateRecords),
    ],
)
def test_every_body_property_is_accepted_alike(operation_id: str, model: type[Payload]) -> None:
    schema = spec.request_schema(operation_id)
    assert schema is not None
    _check_body(model, schema, operation_id)


def test_rrset_types_are_the_spec_enum() -> None:
    from hcloud_models.models.zones import RRSET_TYPES

    schema = spec.request_schema("create_zone_rrset")
    assert schema is not None
    assert list(RRSET_TYPES) == schema["properties"]["type"]["enum"]
