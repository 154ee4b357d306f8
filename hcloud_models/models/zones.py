"""DNS Zones and their resource record sets (RRSets)."""

import base64
import binascii
import ipaddress
import typing
from collections.abc import Sequence
from datetime import datetime
from typing import TYPE_CHECKING, Annotated, ClassVar, Generic, Literal

from pydantic import (
    Field,
    StrictInt,
    StrictStr,
    ValidationInfo,
    field_validator,
    model_validator,
)
from typing_extensions import Self

from .._modes import M
from ._base import OPEN, BoundModel, HcloudModel, Labels, PagesDelegate, Payload, delegate
from .actions import Action
from .common import DeleteProtectionChange, Protection

if TYPE_CHECKING:
    from ..operations import zones as ops

__all__ = [
    "MAX_TTL",
    "MIN_TTL",
    "RRSET_TYPES",
    "AuthoritativeNameservers",
    "CreateRRSetResult",
    "CreateZoneResult",
    "PrimaryNameserver",
    "PrimaryNameserverInput",
    "RRSet",
    "RRSetAddRecords",
    "RRSetChangeProtection",
    "RRSetChangeTTL",
    "RRSetCreate",
    "RRSetProtection",
    "RRSetRecords",
    "RRSetUpdate",
    "RRSetUpdateRecords",
    "RRType",
    "Record",
    "RecordComment",
    "RecordInput",
    "Zone",
    "ZoneChangePrimaryNameservers",
    "ZoneChangeProtection",
    "ZoneChangeTTL",
    "ZoneCreate",
    "ZoneImportZonefile",
    "ZoneUpdate",
]

RRType = Literal[
    "A",
    "AAAA",
    "CAA",
    "CNAME",
    "DS",
    "HINFO",
    "HTTPS",
    "MX",
    "NS",
    "PTR",
    "RP",
    "SOA",
    "SRV",
    "SVCB",
    "TLSA",
    "TXT",
]
"""Record types an RRSet can have."""

RRSET_TYPES: tuple[str, ...] = typing.get_args(RRType)
"""The values of :data:`RRType`, in order."""

MIN_TTL = 60
"""Shortest TTL the API accepts, in seconds."""

MAX_TTL = 2147483647
"""Longest TTL the API accepts, in seconds."""

TsigAlgorithm = Literal["hmac-md5", "hmac-sha1", "hmac-sha256"]

_MAX_RECORDS = 50


# --- replies ------------------------------------------------------------------


class PrimaryNameserver(HcloudModel):
    """A primary nameserver a secondary Zone is transferred from (``AXFR``)."""

    address: str
    port: int = 53
    tsig_key: str | None = None
    tsig_algorithm: Annotated[Literal["hmac-md5", "hmac-sha1", "hmac-sha256"], OPEN] | None = None


class AuthoritativeNameservers(HcloudModel):
    """The Hetzner nameservers of a Zone and what the parent zone delegates to.

    ``delegated`` is what the parent zone names as nameservers when last
    checked (``delegation_last_check``); ``delegation_status`` compares both.
    """

    assigned: list[str]
    delegated: list[str]
    delegation_last_check: datetime | None
    delegation_status: (
        Annotated[
            Literal["valid", "partially-valid", "invalid", "lame", "unregistered", "unknown"],
            OPEN,
        ]
        | None
    ) = None


class Zone(BoundModel[M]):
    """A DNS Zone served by Hetzner's authoritative nameservers.

    In ``primary`` mode its records are kept here as RRSets; in ``secondary``
    mode they are transferred from ``primary_nameservers``.  ``ttl`` is the
    default TTL of RRSets that set none.  A Zone can be addressed by id or by
    name (``client.zones.get("example.com")``).
    """

    _resource: ClassVar[str] = "zones"

    id: int
    name: str
    mode: Annotated[Literal["primary", "secondary"], OPEN]
    created: datetime
    primary_nameservers: list[PrimaryNameserver] | None = None
    labels: dict[str, str]
    protection: Protection
    ttl: int
    status: Annotated[Literal["ok", "updating", "error"], OPEN]
    record_count: int
    authoritative_nameservers: AuthoritativeNameservers
    registrar: Annotated[Literal["hetzner", "other", "unknown"], OPEN]

    update = delegate(lambda: ops.update_zone)
    delete = delegate(lambda: ops.delete_zone)
    export_zonefile = delegate(lambda: ops.export_zonefile)
    import_zonefile = delegate(lambda: ops.import_zonefile)
    change_primary_nameservers = delegate(lambda: ops.change_zone_primary_nameservers)
    change_protection = delegate(lambda: ops.change_zone_protection)
    change_ttl = delegate(lambda: ops.change_zone_ttl)
    list_rrsets = delegate(lambda: ops.list_zone_rrsets)
    all_rrsets = PagesDelegate(lambda: ops.list_zone_rrsets)
    """Every RRSet of the Zone, fetched page by page; takes ``list_rrsets``' filters."""
    get_rrset = delegate(lambda: ops.get_zone_rrset)
    create_rrset = delegate(lambda: ops.create_zone_rrset)
    actions = delegate(lambda: ops.ACTIONS.of)
    reload = delegate(lambda: ops.get_zone, "get")
    """Fetch the Zone again and return its current state (the object itself is unchanged)."""


class Record(HcloudModel):
    """One record of an RRSet: its value (which identifies it) and an optional comment."""

    value: str
    comment: str | None = None


class RRSetProtection(HcloudModel):
    """Flags that guard an RRSet: ``change`` blocks changing and deleting it."""

    change: bool


class RRSet(BoundModel[M]):
    """The records of one name and type in a Zone (``www``/``A``).

    ``id`` is ``"<name>/<type>"``; ``zone`` is the id of the Zone.  ``ttl``
    is ``None`` when the Zone's default TTL applies.  Its methods reach the
    API through ``client.zone_rrsets``.
    """

    _resource: ClassVar[str] = "zone_rrsets"

    id: str
    name: str
    type: Annotated[RRType, OPEN]
    ttl: int | None
    labels: dict[str, str]
    protection: RRSetProtection
    records: list[Record]
    zone: int

    update = delegate(lambda: ops.update_zone_rrset)
    delete = delegate(lambda: ops.delete_zone_rrset)
    change_protection = delegate(lambda: ops.change_zone_rrset_protection)
    change_ttl = delegate(lambda: ops.change_zone_rrset_ttl)
    set_records = delegate(lambda: ops.set_zone_rrset_records)
    add_records = delegate(lambda: ops.add_zone_rrset_records)
    remove_records = delegate(lambda: ops.remove_zone_rrset_records)
    update_records = delegate(lambda: ops.update_zone_rrset_records)
    reload = delegate(lambda: ops.get_zone_rrset, "get")
    """Fetch the RRSet again and return its current state (the object itself is unchanged)."""


class CreateZoneResult(HcloudModel, Generic[M]):
    """Reply to creating a Zone: the Zone and the action that sets it up."""

    zone: Zone[M]
    action: Action[M]


class CreateRRSetResult(HcloudModel, Generic[M]):
    """Reply to creating an RRSet: the RRSet and the action that publishes it."""

    rrset: RRSet[M]
    action: Action[M]


# --- request bodies -------------------------------------------------------


def _check_ttl(value: int | None) -> int | None:
    if value is not None and not MIN_TTL <= value <= MAX_TTL:
        raise ValueError(f"ttl must be between {MIN_TTL} and {MAX_TTL} seconds, got {value}")
    return value


def _check_distinct(records: Sequence["RecordInput | RecordComment"]) -> None:
    seen: set[str] = set()
    for record in records:
        if record.value in seen:
            raise ValueError(f"record value {record.value!r} is given more than once")
        seen.add(record.value)


class RecordInput(Payload):
    """A record as sent to the API: ``value`` (required) and an optional ``comment``."""

    value: StrictStr = Field(min_length=1)
    comment: StrictStr = ""


class RecordComment(Payload):
    """A record's new comment, found by its value; both are required."""

    value: StrictStr = Field(min_length=1)
    comment: StrictStr


class PrimaryNameserverInput(Payload):
    """A primary nameserver of a secondary Zone, as sent to the API.

    ``address`` (a public IPv4 or IPv6 address) is required; ``port`` is 53
    unless given.  ``tsig_key`` (base64) and ``tsig_algorithm`` go together.
    """

    address: StrictStr
    port: StrictInt | None = Field(default=None, ge=1, le=65535)
    tsig_key: StrictStr | None = None
    tsig_algorithm: TsigAlgorithm | None = None

    @field_validator("address")
    @classmethod
    def _ip_address(cls, value: str) -> str:
        try:
            ipaddress.ip_address(value)
        except ValueError:
            raise ValueError(f"address {value!r} is not an IPv4 or IPv6 address") from None
        return value

    @field_validator("tsig_key")
    @classmethod
    def _base64(cls, value: str | None) -> str | None:
        if value is not None:
            try:
                base64.b64decode(value, validate=True)
            except (binascii.Error, ValueError):
                raise ValueError("tsig_key must be base64 encoded") from None
        return value

    @model_validator(mode="after")
    def _tsig_pair(self) -> Self:
        if (self.tsig_key is None) != (self.tsig_algorithm is None):
            raise ValueError("tsig_key and tsig_algorithm must be given together")
        return self


def _check_nameservers(value: list[PrimaryNameserverInput] | None) -> None:
    if value is None:
        return
    seen: set[str] = set()
    for server in value:
        address = str(ipaddress.ip_address(server.address))
        if address in seen:
            raise ValueError(f"primary nameserver {server.address!r} is given more than once")
        seen.add(address)


def _check_rrset_name(value: str) -> str:
    if value != value.lower():
        raise ValueError(f"RRSet name {value!r} must be in lower case")
    if value.endswith("."):
        raise ValueError(
            f"RRSet name {value!r} must not end with a dot: give it relative to the Zone, "
            "or '@' for the apex"
        )
    if not value.isascii():
        raise ValueError(
            f"RRSet name {value!r} must be ASCII: write non-ASCII names in Punycode with "
            "the ACE prefix (e.g. 'xn--4bi')"
        )
    return value


class RRSetCreate(Payload):
    """Body that creates an RRSet (also an item of :class:`ZoneCreate` ``rrsets``).

    ``name`` (relative to the Zone, lower case, Punycode for non-ASCII names,
    ``@`` for the apex), ``type``
    and ``records`` (at least one, distinct values) are required; ``ttl`` is 60 to
    2147483647 seconds or ``None`` for the Zone's default.
    """

    name: StrictStr = Field(min_length=1)
    type: RRType
    ttl: StrictInt | None = None
    records: list[RecordInput] = Field(min_length=1)
    labels: Labels | None = None

    @field_validator("name")
    @classmethod
    def _relative_name(cls, value: str) -> str:
        return _check_rrset_name(value)

    @field_validator("ttl")
    @classmethod
    def _ttl_range(cls, value: int | None) -> int | None:
        return _check_ttl(value)

    @field_validator("records")
    @classmethod
    def _distinct(cls, value: list[RecordInput]) -> list[RecordInput]:
        _check_distinct(value)
        return value


class ZoneCreate(Payload):
    """Body that creates a Zone.

    ``name`` (lower case, no trailing dot, Punycode for international names)
    and ``mode`` are required.  A ``secondary`` Zone needs
    ``primary_nameservers`` and takes neither ``rrsets`` nor ``zonefile``; a
    ``primary`` Zone takes no ``primary_nameservers``, and ``rrsets`` and
    ``zonefile`` exclude each other.

    The SDK is deliberately stricter than the API here: the API ignores the
    fields that do not apply to the Zone's mode, while this model refuses
    them, since records or nameservers that would be silently dropped are
    almost always a mistake.  RRSet names in ``rrsets`` must not end with the
    Zone's own name (write ``"www"``, not ``"www.example.com"``).
    """

    name: StrictStr = Field(min_length=1, max_length=255)
    mode: Literal["primary", "secondary"]
    ttl: StrictInt | None = None
    labels: Labels | None = None
    primary_nameservers: list[PrimaryNameserverInput] | None = None
    rrsets: list[RRSetCreate] | None = None
    zonefile: StrictStr | None = None

    @field_validator("ttl")
    @classmethod
    def _ttl_range(cls, value: int | None) -> int | None:
        return _check_ttl(value)

    @field_validator("name")
    @classmethod
    def _zone_name(cls, value: str) -> str:
        if value != value.lower():
            raise ValueError(f"zone name {value!r} must be in lower case")
        if value.endswith("."):
            raise ValueError(f"zone name {value!r} must not end with a dot")
        if not value.isascii():
            raise ValueError(
                f"zone name {value!r} must be ASCII: write international names in Punycode "
                "(e.g. 'xn--mnchen-3ya.de')"
            )
        return value

    @field_validator("primary_nameservers")
    @classmethod
    def _distinct_nameservers(
        cls, value: list[PrimaryNameserverInput] | None
    ) -> list[PrimaryNameserverInput] | None:
        _check_nameservers(value)
        return value

    @field_validator("rrsets")
    @classmethod
    def _names_relative_to_zone(
        cls, value: list[RRSetCreate] | None, info: ValidationInfo
    ) -> list[RRSetCreate] | None:
        zone = info.data.get("name")
        if zone is None:  # the Zone's name failed its own checks
            return value
        for index, rrset in enumerate(value or ()):
            if rrset.name == zone or rrset.name.endswith("." + zone):
                raise ValueError(
                    f"rrsets[{index}].name {rrset.name!r} must not end with the Zone's name "
                    f"{zone!r}: give it relative to the Zone ('www', or '@' for the apex)"
                )
        return value

    @model_validator(mode="after")
    def _fits_mode(self) -> Self:
        # Stricter than the API, which ignores fields that do not apply to the mode.
        if self.mode == "secondary":
            if not self.primary_nameservers:
                raise ValueError(
                    "primary_nameservers is required for mode 'secondary': "
                    "the Zone is transferred from them"
                )
            for name in ("rrsets", "zonefile"):
                if getattr(self, name) is not None:
                    raise ValueError(f"{name} is only for mode 'primary', not 'secondary'")
        else:
            if self.primary_nameservers is not None:
                raise ValueError("primary_nameservers is only for mode 'secondary', not 'primary'")
            if self.zonefile is not None and self.rrsets:
                raise ValueError("give either rrsets or zonefile, not both")
        return self


class ZoneUpdate(Payload):
    """Body that replaces a Zone's labels."""

    labels: Labels | None = None


class ZoneChangePrimaryNameservers(Payload):
    """Body that replaces the primary nameservers of a secondary Zone (at least one)."""

    primary_nameservers: list[PrimaryNameserverInput] = Field(min_length=1)

    @field_validator("primary_nameservers")
    @classmethod
    def _distinct_nameservers(
        cls, value: list[PrimaryNameserverInput]
    ) -> list[PrimaryNameserverInput]:
        _check_nameservers(value)
        return value


class ZoneChangeProtection(DeleteProtectionChange):
    """Body that turns a Zone's protection against deletion on or off."""


class ZoneChangeTTL(Payload):
    """Body that sets a Zone's default TTL (60 to 2147483647 seconds, required)."""

    ttl: StrictInt

    @field_validator("ttl")
    @classmethod
    def _ttl_range(cls, value: int | None) -> int | None:
        return _check_ttl(value)


class ZoneImportZonefile(Payload):
    """Body that replaces every RRSet of a primary Zone with those of a zone file (required)."""

    zonefile: StrictStr = Field(min_length=1)


class RRSetUpdate(Payload):
    """Body that replaces an RRSet's labels."""

    labels: Labels | None = None


class RRSetChangeProtection(Payload):
    """Body that turns an RRSet's protection against changes on or off (required)."""

    change: bool


class RRSetChangeTTL(Payload):
    """Body that sets an RRSet's TTL (60 to 2147483647 seconds; ``None`` for the Zone's default).

    ``ttl`` is required, even when it is ``None``.
    """

    ttl: StrictInt | None

    @field_validator("ttl")
    @classmethod
    def _ttl_range(cls, value: int | None) -> int | None:
        return _check_ttl(value)


class RRSetRecords(Payload):
    """Body listing records to set or remove (1 to 50, distinct values)."""

    records: list[RecordInput] = Field(min_length=1, max_length=_MAX_RECORDS)

    @field_validator("records")
    @classmethod
    def _distinct(cls, value: list[RecordInput]) -> list[RecordInput]:
        _check_distinct(value)
        return value


class RRSetAddRecords(RRSetRecords):
    """Body adding records to an RRSet, created if missing; ``ttl`` must match an existing one."""

    ttl: StrictInt | None = None

    @field_validator("ttl")
    @classmethod
    def _ttl_range(cls, value: int | None) -> int | None:
        return _check_ttl(value)


class RRSetUpdateRecords(Payload):
    """Body that changes the comments of records, found by value (1 to 50, distinct values)."""

    records: list[RecordComment] = Field(min_length=1, max_length=_MAX_RECORDS)

    @field_validator("records")
    @classmethod
    def _distinct(cls, value: list[RecordComment]) -> list[RecordComment]:
        _check_distinct(value)
        return value
