"""Firewalls: rule sets applied to servers' public interfaces, directly or by label selector."""

import ipaddress
import re
from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import TYPE_CHECKING, Annotated, Any, ClassVar, Generic, Literal

from pydantic import Field, StrictInt, StrictStr, field_validator, model_validator
from typing_extensions import Self

from .._modes import M
from ._base import OPEN, BoundModel, HcloudModel, Labels, Payload, delegate
from .actions import Action

if TYPE_CHECKING:
    from ..operations import firewalls as ops

__all__ = [
    "CreateFirewallResult",
    "Firewall",
    "FirewallAppliedTo",
    "FirewallAppliedToResource",
    "FirewallApplyToResources",
    "FirewallCreate",
    "FirewallLabelSelector",
    "FirewallRemoveFromResources",
    "FirewallResourceInput",
    "FirewallRule",
    "FirewallRuleInput",
    "FirewallServerRef",
    "FirewallSetRules",
    "FirewallUpdate",
    "MAX_FIREWALL_RULES",
    "MAX_RULE_IPS",
]

MAX_FIREWALL_RULES = 50
"""Rules one Firewall may hold."""

MAX_RULE_IPS = 100
"""CIDR blocks one rule may list in ``source_ips`` or ``destination_ips``."""

_PORT = re.compile(r"^(?P<low>[0-9]{1,5})(?:-(?P<high>[0-9]{1,5}))?$")
_PORT_PROTOCOLS = ("tcp", "udp")


# --- replies ------------------------------------------------------------------


class FirewallRule(HcloudModel):
    """One rule of a Firewall: traffic it lets through, by direction, protocol, port and address.

    Incoming rules (``direction="in"``) list the permitted senders in
    ``source_ips``; outgoing rules list the permitted receivers in
    ``destination_ips``.  ``port`` is a port (``"80"``), a range
    (``"1024-5000"``) or ``None`` for protocols without ports.
    """

    description: str | None = None
    direction: Annotated[Literal["in", "out"], OPEN]
    source_ips: list[str]
    destination_ips: list[str]
    protocol: Annotated[Literal["tcp", "udp", "icmp", "esp", "gre"], OPEN]
    port: str | None


class FirewallServerRef(HcloudModel):
    """A server named by id, as a Firewall refers to it."""

    id: int


class FirewallLabelSelector(HcloudModel):
    """A label selector a Firewall is applied through (``"env=prod"``)."""

    selector: str


class FirewallAppliedToResource(HcloudModel):
    """A server a Firewall reaches through a label selector."""

    type: Annotated[Literal["server"], OPEN] | None = None
    server: FirewallServerRef | None = None


class FirewallAppliedTo(HcloudModel):
    """Where a Firewall is applied: one server, or every server a label selector matches.

    For a label selector, ``applied_to_resources`` lists the servers it matches now.
    """

    type: Annotated[Literal["server", "label_selector"], OPEN]
    server: FirewallServerRef | None = None
    label_selector: FirewallLabelSelector | None = None
    applied_to_resources: list[FirewallAppliedToResource] | None = None


class Firewall(BoundModel[M]):
    """A set of rules for the public interfaces of the servers it is applied to.

    Traffic no rule allows is dropped (incoming) when there is at least one
    incoming rule, and likewise for outgoing traffic.
    """

    _resource: ClassVar[str] = "firewalls"

    id: int
    name: str
    labels: dict[str, str] = Field(default_factory=dict)
    created: datetime
    rules: list[FirewallRule]
    applied_to: list[FirewallAppliedTo]

    update = delegate(lambda: ops.update_firewall)
    delete = delegate(lambda: ops.delete_firewall)
    set_rules = delegate(lambda: ops.set_firewall_rules)
    apply_to_resources = delegate(lambda: ops.apply_firewall_to_resources)
    remove_from_resources = delegate(lambda: ops.remove_firewall_from_resources)
    actions = delegate(lambda: ops.ACTIONS.of)
    reload = delegate(lambda: ops.get_firewall, "get")
    """Fetch the Firewall again and return its current state (the object itself is unchanged)."""


class CreateFirewallResult(HcloudModel, Generic[M]):
    """Reply to creating a Firewall: the Firewall and the actions that set it up."""

    firewall: Firewall[M]
    actions: list[Action[M]] = Field(default_factory=list)


# --- request bodies -------------------------------------------------------


def _check_cidr(value: str) -> str:
    if "/" not in value:
        raise ValueError(
            f"{value!r} is not in CIDR notation: give a prefix length, "
            "e.g. '203.0.113.7/32' for one host or '0.0.0.0/0' for every address"
        )
    try:
        ipaddress.ip_network(value, strict=True)
    except ValueError as exc:
        raise ValueError(f"{value!r} is not a valid CIDR block: {exc}") from None
    return value


def _check_port(value: str) -> str:
    if value == "any":
        return value
    match = _PORT.match(value)
    if match is None:
        raise ValueError(
            f"port {value!r} is invalid: give a port ('80'), a range ('1024-5000') or 'any'"
        )
    low = int(match.group("low"))
    high = int(match.group("high") or low)
    if not 1 <= low <= high <= 65535:
        raise ValueError(
            f"port {value!r} is invalid: ports are 1 to 65535 and a range goes from low to high"
        )
    return value


class FirewallRuleInput(Payload):
    """A rule as sent to the API when creating a Firewall or replacing its rules.

    ``direction`` and ``protocol`` are required.  An incoming rule needs
    ``source_ips``, an outgoing one ``destination_ips`` (CIDR blocks, at most
    100); the other list must stay empty.  ``port`` (a port, a range
    ``"1024-5000"`` or ``"any"``; an int is accepted) is required for ``tcp``
    and ``udp`` and not allowed for other protocols.
    """

    description: str | None = Field(default=None, max_length=255)
    direction: Literal["in", "out"]
    source_ips: list[StrictStr] | None = Field(default=None, max_length=MAX_RULE_IPS)
    destination_ips: list[StrictStr] | None = Field(default=None, max_length=MAX_RULE_IPS)
    protocol: Literal["tcp", "udp", "icmp", "esp", "gre"]
    port: StrictStr | None = None

    @field_validator("port", mode="before")
    @classmethod
    def _port_as_text(cls, value: Any) -> Any:
        if isinstance(value, int) and not isinstance(value, bool):
            return str(value)
        return value

    @field_validator("port")
    @classmethod
    def _port_syntax(cls, value: str | None) -> str | None:
        return None if value is None else _check_port(value)

    @field_validator("source_ips", "destination_ips")
    @classmethod
    def _cidr_blocks(cls, value: list[str] | None) -> list[str] | None:
        if value is not None:
            for block in value:
                _check_cidr(block)
        return value

    @model_validator(mode="after")
    def _consistent(self) -> Self:
        wanted, other = (
            ("source_ips", "destination_ips")
            if self.direction == "in"
            else ("destination_ips", "source_ips")
        )
        if not getattr(self, wanted):
            raise ValueError(
                f"{wanted} is required for direction {self.direction!r}: "
                "list the permitted addresses as CIDR blocks, e.g. ['0.0.0.0/0', '::/0']"
            )
        if getattr(self, other):
            raise ValueError(
                f"{other} must be empty for direction {self.direction!r}; use {wanted} instead"
            )
        if self.protocol in _PORT_PROTOCOLS and self.port is None:
            raise ValueError(
                f"port is required for protocol {self.protocol!r}: "
                "give a port ('80'), a range ('1024-5000') or 'any'"
            )
        if self.protocol not in _PORT_PROTOCOLS and self.port is not None:
            raise ValueError(f"port is only allowed for tcp and udp, not for {self.protocol!r}")
        return self


class _ServerId(Payload):
    """A server by id inside a Firewall resource."""

    id: StrictInt


class _Selector(Payload):
    """A label selector inside a Firewall resource."""

    selector: StrictStr = Field(min_length=1)


class FirewallResourceInput(Payload):
    """A resource to apply a Firewall to or remove it from: a server, or a label selector.

    Build one with :meth:`for_server` or :meth:`for_label_selector`, or from
    ``{"type": "server", "server": {"id": 42}}``.  The part matching ``type``
    is required and the other one is not allowed.
    """

    type: Literal["server", "label_selector"]
    server: _ServerId | None = None
    label_selector: _Selector | None = None

    @classmethod
    def for_server(cls, server_id: int) -> Self:
        """The server with this id."""
        return cls(type="server", server=_ServerId(id=server_id))

    @classmethod
    def for_label_selector(cls, selector: str) -> Self:
        """Every server whose labels match ``selector`` (``"env=prod"``)."""
        return cls(type="label_selector", label_selector=_Selector(selector=selector))

    @model_validator(mode="after")
    def _part_matches_type(self) -> Self:
        own, other = (
            ("server", "label_selector") if self.type == "server" else ("label_selector", "server")
        )
        if getattr(self, own) is None:
            raise ValueError(f"{own} is required for type {self.type!r}")
        if getattr(self, other) is not None:
            raise ValueError(f"{other} is not allowed for type {self.type!r}")
        return self


def _no_duplicates(items: Sequence[FirewallResourceInput], field: str) -> None:
    seen: set[tuple[str, str]] = set()
    for item in items:
        key = (
            ("server", str(item.server.id))
            if item.server is not None
            else ("label_selector", item.label_selector.selector if item.label_selector else "")
        )
        if key in seen:
            raise ValueError(f"{field} names the {key[0]} {key[1]!r} more than once")
        seen.add(key)


def _rules_field() -> Any:
    return Field(default=None, max_length=MAX_FIREWALL_RULES)


class FirewallCreate(Payload):
    """Body that creates a Firewall.

    ``name`` (1 to 128 characters) is required.  At most 50 ``rules``;
    ``apply_to`` names each server or label selector once.
    """

    name: StrictStr = Field(min_length=1, max_length=128)
    labels: Labels | None = None
    rules: list[FirewallRuleInput] | None = _rules_field()
    apply_to: list[FirewallResourceInput] | None = None

    @field_validator("apply_to")
    @classmethod
    def _distinct(cls, value: list[FirewallResourceInput] | None) -> Any:
        if value is not None:
            _no_duplicates(value, "apply_to")
        return value


class FirewallUpdate(Payload):
    """Body that renames a Firewall or replaces its labels."""

    name: StrictStr | None = Field(default=None, min_length=1, max_length=128)
    labels: Labels | None = None


class FirewallSetRules(Payload):
    """Body that replaces every rule of a Firewall (at most 50; an empty list removes them all)."""

    rules: list[FirewallRuleInput] = Field(max_length=MAX_FIREWALL_RULES)


class FirewallApplyToResources(Payload):
    """Body that applies a Firewall to more servers or label selectors."""

    apply_to: list[FirewallResourceInput]

    @field_validator("apply_to")
    @classmethod
    def _distinct(cls, value: list[FirewallResourceInput]) -> Any:
        _no_duplicates(value, "apply_to")
        return value


class FirewallRemoveFromResources(Payload):
    """Body that takes a Firewall off servers or label selectors."""

    remove_from: list[FirewallResourceInput]

    @field_validator("remove_from")
    @classmethod
    def _distinct(cls, value: list[FirewallResourceInput]) -> Any:
        _no_duplicates(value, "remove_from")
        return value


def resource_input(target: Any) -> FirewallResourceInput | Mapping[str, Any]:
    """One Firewall resource from a server (or its id), a label selector string, or a body item."""
    if isinstance(target, (FirewallResourceInput, Mapping)):
        return target
    if isinstance(target, str):
        return FirewallResourceInput.for_label_selector(target)
    ident = target if isinstance(target, int) and not isinstance(target, bool) else None
    if ident is None:
        ident = getattr(target, "id", None)
    if not isinstance(ident, int) or isinstance(ident, bool):
        raise TypeError(
            "expected a server (or its id), a label selector string or a FirewallResourceInput, "
            f"got {target!r}"
        )
    return FirewallResourceInput.for_server(ident)
