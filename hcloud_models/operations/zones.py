"""Operations on DNS Zones and their RRSets: CRUD, zone files, nameservers, TTLs, records."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, Literal, Protocol
from urllib.parse import quote

from .._modes import Async
from ..models.actions import Action
from ..models.page import Page
from ..models.zones import (
    CreateRRSetResult,
    CreateZoneResult,
    PrimaryNameserverInput,
    RecordComment,
    RecordInput,
    RRSet,
    RRSetAddRecords,
    RRSetChangeProtection,
    RRSetChangeTTL,
    RRSetCreate,
    RRSetRecords,
    RRSetUpdate,
    RRSetUpdateRecords,
    RRType,
    Zone,
    ZoneChangePrimaryNameservers,
    ZoneChangeProtection,
    ZoneChangeTTL,
    ZoneCreate,
    ZoneImportZonefile,
    ZoneUpdate,
)
from ._call import (
    Body,
    Call,
    HasId,
    SortIdNameCreated,
    first_of,
    id_of,
    list_query,
    page_of,
    query,
    unwrap,
    whole,
)
from .actions import ACTION, ActionSort, ActionStatus, FamilyActions
from .actions import ACTIONS as ACTION_PAGE

__all__ = [
    "ACTIONS",
    "RRSetRef",
    "ZoneRef",
    "add_zone_rrset_records",
    "change_zone_primary_nameservers",
    "change_zone_protection",
    "change_zone_rrset_protection",
    "change_zone_rrset_ttl",
    "change_zone_ttl",
    "create_zone",
    "create_zone_rrset",
    "delete_zone",
    "delete_zone_rrset",
    "export_zonefile",
    "get_zone",
    "get_zone_by_name",
    "get_zone_rrset",
    "import_zonefile",
    "list_zone_rrsets",
    "list_zones",
    "remove_zone_rrset_records",
    "set_zone_rrset_records",
    "update_zone",
    "update_zone_rrset",
    "update_zone_rrset_records",
]

ZONE = unwrap("zone", Zone)
ZONES = page_of("zones", Zone)
RRSET = unwrap("rrset", RRSet)
RRSETS = page_of("rrsets", RRSet)
ZONEFILE = unwrap("zonefile", str)

ZoneRef = int | str | HasId
"""A Zone given by id, by name (``"example.com"``) or by any object carrying its id."""


class RRSetLike(Protocol):
    """Anything naming an RRSet: its Zone (id), name and type, like an :class:`RRSet`."""

    @property
    def zone(self) -> int: ...
    @property
    def name(self) -> str: ...
    @property
    def type(self) -> str: ...


RRSetRef = RRSetLike | tuple[ZoneRef, str, RRType]
"""An RRSet given as an object, or as ``(zone, name, type)``: ``("example.com", "www", "A")``."""

Records = Sequence[RecordInput | Mapping[str, Any] | str]
"""Records as models, mappings (``{"value": ..., "comment": ...}``) or bare values."""


def _segment(value: str) -> str:
    return quote(value, safe="@*")


def zone_path(zone: ZoneRef, action: str = "") -> str:
    """The path of a Zone (by id or name), or of one of its actions."""
    if isinstance(zone, str):
        if not zone:
            raise ValueError("a zone name must not be empty")
        base = f"/zones/{_segment(zone)}"
    else:
        base = f"/zones/{id_of(zone)}"
    return f"{base}/actions/{action}" if action else base


def rrset_path(rrset: RRSetRef, action: str = "") -> str:
    """The path of an RRSet (Zone, name and type), or of one of its actions."""
    zone: ZoneRef
    rr_type: str
    if isinstance(rrset, tuple):
        zone, name, rr_type = rrset
    else:
        zone, name, rr_type = rrset.zone, rrset.name, rrset.type
    if not name or not rr_type:
        raise ValueError("an RRSet is named by its zone, a non-empty name and a type")
    base = f"{zone_path(zone)}/rrsets/{_segment(name)}/{_segment(rr_type)}"
    return f"{base}/actions/{action}" if action else base


def _records(records: Records | None) -> list[Any] | None:
    if records is None:
        return None
    if isinstance(records, (str, Mapping)):
        raise TypeError("expected a list of records, not a single one")
    return [{"value": r} if isinstance(r, str) else r for r in records]


class ZoneActions(FamilyActions):
    """The action listings of Zones, which are addressed by id or by name."""

    def of(
        self,
        resource: ZoneRef,
        /,
        *,
        status: ActionStatus | Sequence[ActionStatus] | None = None,
        sort: ActionSort | Sequence[ActionSort] | None = None,
        page: int | None = None,
        per_page: int | None = None,
    ) -> Call[Page[Action], Page[Action[Async]]]:
        """List the actions of one Zone.

        Args:
            resource: The Zone, its id or its name.
            status: Only actions with this status (or these statuses).
            sort: ``id``, ``command``, ``status``, ``started``, ``finished``,
                each optionally with ``:asc`` or ``:desc``; repeatable.
            page: Page number, from 1.
            per_page: Objects per page, 1 to 50.
        """
        params = list_query(status=status, sort=sort, page=page, per_page=per_page)
        return Call("GET", f"{zone_path(resource)}/actions", ACTION_PAGE, params)

    def get_of(self, resource: ZoneRef, action: int | HasId, /) -> Call[Action, Action[Async]]:
        """Fetch one action of one Zone (deprecated by the API: use ``get_action``).

        Args:
            resource: The Zone, its id or its name.
            action: The action, or its id.
        """
        path = f"{zone_path(resource)}/actions/{id_of(action)}"
        warning = (
            "GET /zones/{id_or_name}/actions/{action_id} is deprecated; "
            "use client.zones.get_action(action_id) instead"
        )
        return Call("GET", path, ACTION, deprecated=warning)


ACTIONS: ZoneActions = ZoneActions("zones", "zone")


# --- the Zone itself ------------------------------------------------------------


def list_zones(
    *,
    name: str | None = None,
    mode: Literal["primary", "secondary"] | None = None,
    label_selector: str | None = None,
    sort: SortIdNameCreated | Sequence[SortIdNameCreated] | None = None,
    page: int | None = None,
    per_page: int | None = None,
) -> Call[Page[Zone], Page[Zone[Async]]]:
    """List Zones, one page at a time.

    Args:
        name: Only the Zone with exactly this name.
        mode: Only Zones in this mode, ``"primary"`` or ``"secondary"``.
        label_selector: Only Zones whose labels match, e.g. ``"env=prod"``.
        sort: ``id``, ``name`` or ``created``, optionally with ``:asc``/``:desc``; repeatable.
        page: Page number, from 1.
        per_page: Zones per page, 1 to 50 (the API's default is 25).
    """
    params = list_query(
        name=name,
        mode=mode,
        label_selector=label_selector,
        sort=sort,
        page=page,
        per_page=per_page,
    )
    return Call("GET", "/zones", ZONES, params)


def get_zone_by_name(name: str, /) -> Call[Zone | None, Zone[Async] | None]:
    """Fetch the Zone with this name, or ``None`` when there is none.

    ``get`` takes a name too but raises ``NotFoundError`` when the Zone is missing.

    Args:
        name: The Zone's name, e.g. ``"example.com"``.
    """
    return Call("GET", "/zones", first_of("zones", Zone), query(name=name))


def get_zone(zone: ZoneRef, /) -> Call[Zone, Zone[Async]]:
    """Fetch one Zone.

    Args:
        zone: The Zone, its id or its name.
    """
    return Call("GET", zone_path(zone), ZONE)


def create_zone(
    payload: ZoneCreate | Body = None,
    /,
    *,
    name: str | None = None,
    mode: Literal["primary", "secondary"] | None = None,
    ttl: int | None = None,
    labels: dict[str, str] | None = None,
    primary_nameservers: Sequence[PrimaryNameserverInput | Mapping[str, Any]] | None = None,
    rrsets: Sequence[RRSetCreate | Mapping[str, Any]] | None = None,
    zonefile: str | None = None,
) -> Call[CreateZoneResult, CreateZoneResult[Async]]:
    """Create a Zone; a default ``SOA`` and Hetzner's ``NS`` records come with it.

    Args:
        payload: The body as a model or mapping; keywords win over it.
        name: Domain name, lower case, without a trailing dot (required).
        mode: ``"primary"`` (records kept here) or ``"secondary"`` (transferred
            from ``primary_nameservers``) (required).
        ttl: Default TTL of the Zone's RRSets, 60 to 2147483647 seconds.
        labels: Labels of the Zone.
        primary_nameservers: Where a secondary Zone is transferred from.
        rrsets: RRSets of a primary Zone.
        zonefile: A zone file to fill a primary Zone from, instead of ``rrsets``.

    Returns:
        The new Zone and the action that sets it up.
    """
    body = ZoneCreate.build(
        payload,
        name=name,
        mode=mode,
        ttl=ttl,
        labels=labels,
        primary_nameservers=None if primary_nameservers is None else list(primary_nameservers),
        rrsets=None if rrsets is None else list(rrsets),
        zonefile=zonefile,
    )
    return Call.with_payload("POST", "/zones", whole(CreateZoneResult), body)


def update_zone(
    zone: ZoneRef,
    payload: ZoneUpdate | Body = None,
    /,
    *,
    labels: dict[str, str] | None = None,
) -> Call[Zone, Zone[Async]]:
    """Replace a Zone's labels.

    Args:
        zone: The Zone, its id or its name.
        payload: The changes as a model or mapping; keywords win over it.
        labels: New labels; they replace the old ones entirely.
    """
    body = ZoneUpdate.build(payload, labels=labels)
    return Call.with_payload("PUT", zone_path(zone), ZONE, body)


def delete_zone(zone: ZoneRef, /) -> Call[Action, Action[Async]]:
    """Delete a Zone and every RRSet in it.

    Args:
        zone: The Zone, its id or its name.

    Returns:
        The action that deletes the Zone.
    """
    return Call("DELETE", zone_path(zone), ACTION)


def export_zonefile(zone: ZoneRef, /) -> Call[str, str]:
    """Export a Zone's records as a zone file (BIND format).

    Args:
        zone: The Zone, its id or its name.

    Returns:
        The zone file's text.
    """
    return Call("GET", f"{zone_path(zone)}/zonefile", ZONEFILE)


# --- Zone actions -----------------------------------------------------------------


def import_zonefile(
    zone: ZoneRef,
    zonefile: str | ZoneImportZonefile | Mapping[str, Any],
    /,
) -> Call[Action, Action[Async]]:
    """Replace every RRSet of a primary Zone with the records of a zone file.

    The import fails when an existing RRSet is protected against changes.

    Args:
        zone: The Zone, its id or its name.
        zonefile: The zone file's text; or the whole body as a model or mapping.
    """
    if isinstance(zonefile, str):
        body = ZoneImportZonefile.build(zonefile=zonefile)
    else:
        body = ZoneImportZonefile.build(zonefile)
    return Call.with_payload("POST", zone_path(zone, "import_zonefile"), ACTION, body)


def change_zone_primary_nameservers(
    zone: ZoneRef,
    primary_nameservers: Sequence[PrimaryNameserverInput | Mapping[str, Any]]
    | ZoneChangePrimaryNameservers
    | Mapping[str, Any],
    /,
) -> Call[Action, Action[Async]]:
    """Replace the primary nameservers a secondary Zone is transferred from.

    Args:
        zone: The Zone, its id or its name.
        primary_nameservers: The nameservers (``{"address": "198.51.100.1",
            "port": 53}`` or models); or the whole body as a model or as
            ``{"primary_nameservers": [...]}``.
    """
    if isinstance(primary_nameservers, ZoneChangePrimaryNameservers) or (
        isinstance(primary_nameservers, Mapping) and "primary_nameservers" in primary_nameservers
    ):
        body = ZoneChangePrimaryNameservers.build(primary_nameservers)
    elif isinstance(primary_nameservers, Mapping):
        raise TypeError("expected a list of primary nameservers, not a single one")
    else:
        body = ZoneChangePrimaryNameservers.build(primary_nameservers=list(primary_nameservers))
    path = zone_path(zone, "change_primary_nameservers")
    return Call.with_payload("POST", path, ACTION, body)


def change_zone_protection(
    zone: ZoneRef,
    payload: ZoneChangeProtection | Body = None,
    /,
    *,
    delete: bool | None = None,
) -> Call[Action, Action[Async]]:
    """Turn a Zone's protection against deletion on or off.

    Args:
        zone: The Zone, its id or its name.
        payload: The body as a model or mapping; keywords win over it.
        delete: Protect the Zone against deletion.
    """
    body = ZoneChangeProtection.build(payload, delete=delete)
    return Call.with_payload("POST", zone_path(zone, "change_protection"), ACTION, body)


def change_zone_ttl(
    zone: ZoneRef,
    ttl: int | ZoneChangeTTL | Mapping[str, Any],
    /,
) -> Call[Action, Action[Async]]:
    """Set the default TTL of a primary Zone, used by RRSets that set none.

    Args:
        zone: The Zone, its id or its name.
        ttl: Seconds, 60 to 2147483647; or the whole body as a model or mapping.
    """
    if isinstance(ttl, (ZoneChangeTTL, Mapping)):
        body = ZoneChangeTTL.build(ttl)
    else:
        body = ZoneChangeTTL.build({"ttl": ttl})
    return Call.with_payload("POST", zone_path(zone, "change_ttl"), ACTION, body)


# --- RRSets ---------------------------------------------------------------------


def list_zone_rrsets(
    zone: ZoneRef,
    /,
    *,
    name: str | None = None,
    type: RRType | Sequence[RRType] | None = None,  # noqa: A002 - the API's parameter name
    label_selector: str | None = None,
    sort: SortIdNameCreated | Sequence[SortIdNameCreated] | None = None,
    page: int | None = None,
    per_page: int | None = None,
) -> Call[Page[RRSet], Page[RRSet[Async]]]:
    """List the RRSets of a Zone, one page at a time.

    Args:
        zone: The Zone, its id or its name.
        name: Only RRSets with exactly this name (``"www"``, ``"@"``).
        type: Only RRSets of this type (or these types).
        label_selector: Only RRSets whose labels match, e.g. ``"env=prod"``.
        sort: ``id``, ``name`` or ``created``, optionally with ``:asc``/``:desc``; repeatable.
        page: Page number, from 1.
        per_page: RRSets per page, 1 to 50 (the API's default is 25).
    """
    params = list_query(
        name=name,
        type=type,
        label_selector=label_selector,
        sort=sort,
        page=page,
        per_page=per_page,
    )
    return Call("GET", f"{zone_path(zone)}/rrsets", RRSETS, params)


def get_zone_rrset(
    rrset: RRSetRef | ZoneRef,
    name: str | None = None,
    type: RRType | None = None,  # noqa: A002 - the API's parameter name
    /,
) -> Call[RRSet, RRSet[Async]]:
    """Fetch one RRSet: ``get(zone, "www", "A")``, or ``get(rrset)`` to read it again.

    Args:
        rrset: The Zone (object, id or name) when ``name`` and ``type`` are
            given; otherwise the RRSet itself or ``(zone, name, type)``.
        name: The RRSet's name, relative to the Zone (``"@"`` for the apex).
        type: The RRSet's type (``"A"``, ``"MX"``...).
    """
    if name is None and type is None:
        if isinstance(rrset, (int, str)):
            raise TypeError("give the RRSet's name and type after the zone")
        ref: Any = rrset
    elif name is not None and type is not None:
        if isinstance(rrset, tuple):
            raise TypeError("give either an RRSet, or a zone with a name and a type")
        ref = (rrset, name, type)
    else:
        raise TypeError("give both the name and the type of the RRSet")
    return Call("GET", rrset_path(ref), RRSET)


def create_zone_rrset(
    zone: ZoneRef,
    payload: RRSetCreate | Body = None,
    /,
    *,
    name: str | None = None,
    type: RRType | None = None,  # noqa: A002 - the API's field name
    records: Records | None = None,
    ttl: int | None = None,
    labels: dict[str, str] | None = None,
) -> Call[CreateRRSetResult, CreateRRSetResult[Async]]:
    """Create an RRSet in a primary Zone.

    Args:
        zone: The Zone, its id or its name.
        payload: The body as a model or mapping; keywords win over it.
        name: Name relative to the Zone, lower case; ``"@"`` for the apex (required).
        type: Record type, e.g. ``"A"`` (required).
        records: At least one record, with distinct values: bare values, mappings or
            :class:`~hcloud_models.models.RecordInput` (required).
        ttl: TTL in seconds (60 to 2147483647); the Zone's default when not given.
        labels: Labels of the RRSet.

    Returns:
        The new RRSet and the action that publishes it.
    """
    body = RRSetCreate.build(
        payload, name=name, type=type, records=_records(records), ttl=ttl, labels=labels
    )
    return Call.with_payload("POST", f"{zone_path(zone)}/rrsets", whole(CreateRRSetResult), body)


def update_zone_rrset(
    rrset: RRSetRef,
    payload: RRSetUpdate | Body = None,
    /,
    *,
    labels: dict[str, str] | None = None,
) -> Call[RRSet, RRSet[Async]]:
    """Replace an RRSet's labels.

    Args:
        rrset: The RRSet, or ``(zone, name, type)``.
        payload: The changes as a model or mapping; keywords win over it.
        labels: New labels; they replace the old ones entirely.
    """
    body = RRSetUpdate.build(payload, labels=labels)
    return Call.with_payload("PUT", rrset_path(rrset), RRSET, body)


def delete_zone_rrset(rrset: RRSetRef, /) -> Call[Action, Action[Async]]:
    """Delete an RRSet and its records.

    Args:
        rrset: The RRSet, or ``(zone, name, type)``.

    Returns:
        The action that removes the records from the Zone.
    """
    return Call("DELETE", rrset_path(rrset), ACTION)


# --- RRSet actions --------------------------------------------------------------


def change_zone_rrset_protection(
    rrset: RRSetRef,
    payload: RRSetChangeProtection | Body = None,
    /,
    *,
    change: bool | None = None,
) -> Call[Action, Action[Async]]:
    """Turn an RRSet's protection against changes and deletion on or off.

    Args:
        rrset: The RRSet, or ``(zone, name, type)``.
        payload: The body as a model or mapping; keywords win over it.
        change: Protect the RRSet (required).
    """
    body = RRSetChangeProtection.build(payload, change=change)
    return Call.with_payload("POST", rrset_path(rrset, "change_protection"), ACTION, body)


def change_zone_rrset_ttl(
    rrset: RRSetRef,
    ttl: int | RRSetChangeTTL | Mapping[str, Any] | None,
    /,
) -> Call[Action, Action[Async]]:
    """Set an RRSet's TTL, or reset it to the Zone's default with ``None``.

    Args:
        rrset: The RRSet, or ``(zone, name, type)``.
        ttl: Seconds, 60 to 2147483647, or ``None``; or the whole body as a model or mapping.
    """
    if isinstance(ttl, (RRSetChangeTTL, Mapping)):
        body = RRSetChangeTTL.build(ttl)
    else:
        body = RRSetChangeTTL.build({"ttl": ttl})
    return Call.with_payload("POST", rrset_path(rrset, "change_ttl"), ACTION, body)


def _records_body(records: Records | RRSetRecords | Mapping[str, Any]) -> RRSetRecords:
    if isinstance(records, (RRSetRecords, Mapping)):
        return RRSetRecords.build(records)
    return RRSetRecords.build(records=_records(records))


def set_zone_rrset_records(
    rrset: RRSetRef,
    records: Records | RRSetRecords | Mapping[str, Any],
    /,
) -> Call[Action, Action[Async]]:
    """Replace every record of an RRSet.

    Args:
        rrset: The RRSet, or ``(zone, name, type)``.
        records: 1 to 50 records with distinct values: bare values, mappings or
            models; or the whole body as a model or ``{"records": [...]}``.
    """
    body = _records_body(records)
    return Call.with_payload("POST", rrset_path(rrset, "set_records"), ACTION, body)


def add_zone_rrset_records(
    rrset: RRSetRef,
    records: Records | RRSetAddRecords | Mapping[str, Any],
    /,
    *,
    ttl: int | None = None,
) -> Call[Action, Action[Async]]:
    """Add records to an RRSet, creating the RRSet when it does not exist yet.

    Args:
        rrset: The RRSet, or ``(zone, name, type)``.
        records: 1 to 50 records with distinct values: bare values, mappings or
            models; or the whole body as a model or ``{"records": [...]}``.
        ttl: TTL of a new RRSet; for an existing one with a TTL, it must be the same.
    """
    if isinstance(records, (RRSetAddRecords, Mapping)):
        body = RRSetAddRecords.build(records, ttl=ttl)
    else:
        body = RRSetAddRecords.build(records=_records(records), ttl=ttl)
    return Call.with_payload("POST", rrset_path(rrset, "add_records"), ACTION, body)


def remove_zone_rrset_records(
    rrset: RRSetRef,
    records: Records | RRSetRecords | Mapping[str, Any],
    /,
) -> Call[Action, Action[Async]]:
    """Remove records, found by their values, from an RRSet.

    Args:
        rrset: The RRSet, or ``(zone, name, type)``.
        records: The records to remove: bare values, mappings or models; or the
            whole body as a model or ``{"records": [...]}``.
    """
    body = _records_body(records)
    return Call.with_payload("POST", rrset_path(rrset, "remove_records"), ACTION, body)


def update_zone_rrset_records(
    rrset: RRSetRef,
    records: Sequence[RecordComment | Mapping[str, Any]] | RRSetUpdateRecords | Mapping[str, Any],
    /,
) -> Call[Action, Action[Async]]:
    """Change the comments of records of an RRSet, found by their values.

    Args:
        rrset: The RRSet, or ``(zone, name, type)``.
        records: Records with ``value`` and new ``comment`` (1 to 50, both
            required); or the whole body as a model or ``{"records": [...]}``.
    """
    if isinstance(records, (RRSetUpdateRecords, Mapping)):
        body = RRSetUpdateRecords.build(records)
    else:
        body = RRSetUpdateRecords.build(records=list(records))
    return Call.with_payload("POST", rrset_path(rrset, "update_records"), ACTION, body)
