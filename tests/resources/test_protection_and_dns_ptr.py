"""``change_protection`` and ``change_dns_ptr``, checked once for every family that has them.

The families are read from ``hcloud_models.OPERATIONS``; the flags, their required-ness and
the paths come from the specs.  Zone RRSets, whose protection guards changes and whose
reference is a tuple, are tested with the Zones.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from types import SimpleNamespace
from typing import Any

import pydantic
import pytest

import hcloud_models
from hcloud_models.models.actions import Action
from tests import spec
from tests.conftest import Api, Recorder
from tests.helpers import assert_sent, reply_to


@dataclass(frozen=True)
class Family:
    """A family and the operation one of its methods performs."""

    attr: str
    operation_id: str

    def __str__(self) -> str:
        return self.attr

    @property
    def spec_name(self) -> str:
        return "hetzner" if self.operation_id in spec.operations("hetzner") else "hcloud"

    def call(self, api: Api, method: str, *args: Any, **kwargs: Any) -> Any:
        return api.run(lambda c: getattr(getattr(c, self.attr), method)(*args, **kwargs))

    def reply(self, recorder: Recorder) -> Any:
        return reply_to(recorder, self.operation_id, spec_name=self.spec_name)

    def sent(self, recorder: Recorder, path: str, body: Any) -> None:
        assert_sent(
            recorder, self.operation_id, f"/{self.attr}/{path}", body=body, spec_name=self.spec_name
        )


def _families(method: str) -> list[Family]:
    return sorted(
        (
            Family(target.partition(".")[0], operation_id)
            for operation_id, target in hcloud_models.OPERATIONS.items()
            if target.endswith(f".{method}") and not target.startswith("zone_rrsets.")
        ),
        key=str,
    )


PROTECTION = _families("change_protection")
DNS_PTR = _families("change_dns_ptr")


def assert_action(action: Any, expected: dict[str, Any]) -> None:
    assert isinstance(action, Action)
    assert action.is_bound
    assert (action.id, action.command, action.status) == (
        expected["id"],
        expected["command"],
        expected["status"],
    )


def _flags(family: Family) -> tuple[list[str], list[str]]:
    """The protection flags the spec's body has, and the required ones."""
    schema = spec.request_schema(family.operation_id, family.spec_name)
    assert schema is not None
    assert all(p["type"] == "boolean" for p in schema["properties"].values())
    return list(schema["properties"]), list(schema.get("required", []))


def test_the_families_are_found() -> None:
    assert {f.attr for f in PROTECTION} == {
        "floating_ips",
        "images",
        "load_balancers",
        "networks",
        "primary_ips",
        "servers",
        "storage_boxes",
        "volumes",
        "zones",
    }
    assert {f.attr for f in DNS_PTR} == {"floating_ips", "load_balancers", "primary_ips", "servers"}


# --- change_protection ------------------------------------------------------------


@pytest.mark.parametrize("family", PROTECTION, ids=str)
@pytest.mark.parametrize("value", [True, False])
def test_change_protection_sends_every_flag(
    api: Api, recorder: Recorder, family: Family, value: bool
) -> None:
    flags, _ = _flags(family)
    sent = family.reply(recorder)
    action = family.call(api, "change_protection", 42, **dict.fromkeys(flags, value))
    family.sent(recorder, "42/actions/change_protection", dict.fromkeys(flags, value))
    assert_action(action, sent["action"])


@pytest.mark.parametrize("family", PROTECTION, ids=str)
def test_change_protection_takes_a_mapping_and_an_object(
    api: Api, recorder: Recorder, family: Family
) -> None:
    flags, _ = _flags(family)
    family.reply(recorder)
    family.call(api, "change_protection", SimpleNamespace(id=7), dict.fromkeys(flags, True))
    family.sent(recorder, "7/actions/change_protection", dict.fromkeys(flags, True))


@pytest.mark.parametrize("family", PROTECTION, ids=str)
def test_change_protection_without_flags(api: Api, recorder: Recorder, family: Family) -> None:
    """Left out, an optional flag is not sent; a required one is asked for, and nothing is sent."""
    _, required = _flags(family)
    if required:
        with pytest.raises(pydantic.ValidationError) as caught:
            family.call(api, "change_protection", 42)
        assert {e["loc"][0] for e in caught.value.errors()} == set(required)
        assert recorder.requests == []
    else:
        family.reply(recorder)
        family.call(api, "change_protection", 42)
        family.sent(recorder, "42/actions/change_protection", {})


@pytest.mark.parametrize("family", PROTECTION, ids=str)
@pytest.mark.parametrize(
    ("body", "field"),
    [({"delete": "maybe"}, "delete"), ({"delete": True, "protect": True}, "protect")],
    ids=["not-a-bool", "unknown-flag"],
)
def test_bad_protection_is_refused_before_sending(
    api: Api, recorder: Recorder, family: Family, body: dict[str, Any], field: str
) -> None:
    with pytest.raises(pydantic.ValidationError) as caught:
        family.call(api, "change_protection", 42, body)
    assert any(field in e["loc"] for e in caught.value.errors())
    assert recorder.requests == []


# --- change_dns_ptr ---------------------------------------------------------------


@pytest.mark.parametrize("family", DNS_PTR, ids=str)
@pytest.mark.parametrize("ip", ["192.0.2.1", "2001:db8::1"], ids=["ipv4", "ipv6"])
def test_change_dns_ptr_sets_a_name(api: Api, recorder: Recorder, family: Family, ip: str) -> None:
    sent = family.reply(recorder)
    action = family.call(api, "change_dns_ptr", 42, ip=ip, dns_ptr="web.example.com")
    family.sent(recorder, "42/actions/change_dns_ptr", {"ip": ip, "dns_ptr": "web.example.com"})
    assert_action(action, sent["action"])


RESETS: list[Any] = [
    pytest.param(lambda ref: ((ref,), {"ip": "192.0.2.1"}), id="left-out"),
    pytest.param(lambda ref: ((ref,), {"ip": "192.0.2.1", "dns_ptr": None}), id="keyword-none"),
    pytest.param(lambda ref: ((ref, {"ip": "192.0.2.1"}), {}), id="mapping-without"),
    pytest.param(lambda ref: ((ref, {"ip": "192.0.2.1", "dns_ptr": None}), {}), id="mapping-none"),
    pytest.param(lambda ref: ((ref, {"ip": "192.0.2.1", "dns-ptr": None}), {}), id="dashed-key"),
]


@pytest.mark.parametrize("family", DNS_PTR, ids=str)
@pytest.mark.parametrize("arguments", RESETS)
def test_change_dns_ptr_without_a_name_resets_it_with_null(
    api: Api,
    recorder: Recorder,
    family: Family,
    arguments: Callable[[Any], tuple[tuple[Any, ...], dict[str, Any]]],
) -> None:
    args, kwargs = arguments(SimpleNamespace(id=42))
    sent = family.reply(recorder)
    action = family.call(api, "change_dns_ptr", *args, **kwargs)
    family.sent(recorder, "42/actions/change_dns_ptr", {"ip": "192.0.2.1", "dns_ptr": None})
    assert b'"dns_ptr":null' in recorder.last.content
    assert_action(action, sent["action"])


@pytest.mark.parametrize("family", DNS_PTR, ids=str)
@pytest.mark.parametrize(
    "kwargs",
    [
        pytest.param({"dns_ptr": "web.example.com"}, id="no-ip"),
        pytest.param({"ip": "192.0.2.0/24", "dns_ptr": "web.example.com"}, id="range"),
        pytest.param({"ip": "web.example.com"}, id="not-an-address"),
    ],
)
def test_bad_dns_ptr_is_refused_before_sending(
    api: Api, recorder: Recorder, family: Family, kwargs: dict[str, Any]
) -> None:
    with pytest.raises(pydantic.ValidationError) as caught:
        family.call(api, "change_dns_ptr", 42, **kwargs)
    assert any("ip" in e["loc"] for e in caught.value.errors())
    assert recorder.requests == []
