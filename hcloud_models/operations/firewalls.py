"""Operations on Firewalls: CRUD, rules, applying to and removing from resources, actions."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from .._modes import Async
from ..models.actions import Action
from ..models.firewalls import (
    CreateFirewallResult,
    Firewall,
    FirewallApplyToResources,
    FirewallCreate,
    FirewallRemoveFromResources,
    FirewallResourceInput,
    FirewallRuleInput,
    FirewallSetRules,
    FirewallUpdate,
    resource_input,
)
from ..models.page import Page
from ._call import (
    Body,
    Call,
    HasId,
    ObjectPath,
    Ref,
    SortIdNameCreated,
    first_of,
    list_query,
    no_reply,
    page_of,
    query,
    unwrap,
    whole,
)
from .actions import FamilyActions

__all__ = [
    "ACTIONS",
    "FirewallTarget",
    "apply_firewall_to_resources",
    "create_firewall",
    "delete_firewall",
    "get_firewall",
    "get_firewall_by_name",
    "list_firewalls",
    "remove_firewall_from_resources",
    "set_firewall_rules",
    "update_firewall",
]

FIREWALL = unwrap("firewall", Firewall)
FIREWALLS = page_of("firewalls", Firewall)
ACTIONS: FamilyActions = FamilyActions("firewalls", "firewall")

_path = ObjectPath("firewalls")

FirewallTarget = int | HasId | str | FirewallResourceInput | Mapping[str, Any]
"""Something a Firewall is applied to: a server (or its id), a label selector string, or an item."""

Rule = FirewallRuleInput | Mapping[str, Any]
"""A rule, as a model or as a mapping (snake_case or kebab-case keys)."""


_action_list = unwrap("actions", list[Action])


def _targets(targets: Sequence[FirewallTarget] | None) -> list[Any] | None:
    if targets is None:
        return None
    if isinstance(targets, (str, Mapping)):
        raise TypeError("expected a list of servers or label selectors, not a single one")
    return [resource_input(target) for target in targets]


# --- the Firewall itself ------------------------------------------------------


def list_firewalls(
    *,
    name: str | None = None,
    label_selector: str | None = None,
    sort: SortIdNameCreated | Sequence[SortIdNameCreated] | None = None,
    page: int | None = None,
    per_page: int | None = None,
) -> Call[Page[Firewall], Page[Firewall[Async]]]:
    """List Firewalls, one page at a time.

    Args:
        name: Only the Firewall with exactly this name.
        label_selector: Only Firewalls whose labels match, e.g. ``"env=prod"``.
        sort: ``id``, ``name`` or ``created``, optionally with ``:asc``/``:desc``; repeatable.
        page: Page number, from 1.
        per_page: Firewalls per page, 1 to 50 (the API's default is 25).
    """
    params = list_query(
        name=name, label_selector=label_selector, sort=sort, page=page, per_page=per_page
    )
    return Call("GET", "/firewalls", FIREWALLS, params)


def get_firewall_by_name(name: str, /) -> Call[Firewall | None, Firewall[Async] | None]:
    """Fetch the Firewall with this name, or ``None`` when there is none.

    Args:
        name: The Firewall's name.
    """
    return Call("GET", "/firewalls", first_of("firewalls", Firewall), query(name=name))


def get_firewall(firewall: Ref, /) -> Call[Firewall, Firewall[Async]]:
    """Fetch one Firewall.

    Args:
        firewall: The Firewall, or its id.
    """
    return Call("GET", _path(firewall), FIREWALL)


def create_firewall(
    payload: FirewallCreate | Body = None,
    /,
    *,
    name: str | None = None,
    rules: Sequence[Rule] | None = None,
    apply_to: Sequence[FirewallTarget] | None = None,
    labels: dict[str, str] | None = None,
) -> Call[CreateFirewallResult, CreateFirewallResult[Async]]:
    """Create a Firewall, optionally with rules and applied to servers right away.

    Every rule and resource is validated before the request is sent.

    Args:
        payload: The body as a model or mapping; keywords win over it.
        name: Name of the Firewall, unique in the project (required).
        rules: At most 50 rules, as :class:`~hcloud_models.models.FirewallRuleInput`
            or mappings.
        apply_to: Servers (objects or ids) and label selector strings
            (``"env=prod"``) to apply the Firewall to.
        labels: Labels of the Firewall.

    Returns:
        The new Firewall and the actions that set its rules and apply it.
    """
    body = FirewallCreate.build(
        payload,
        name=name,
        rules=None if rules is None else list(rules),
        apply_to=_targets(apply_to),
        labels=labels,
    )
    return Call.with_payload("POST", "/firewalls", whole(CreateFirewallResult), body)


def update_firewall(
    firewall: Ref,
    payload: FirewallUpdate | Body = None,
    /,
    *,
    name: str | None = None,
    labels: dict[str, str] | None = None,
) -> Call[Firewall, Firewall[Async]]:
    """Rename a Firewall or replace its labels.

    Args:
        firewall: The Firewall, or its id.
        payload: The changes as a model or mapping; keywords win over it.
        name: New name.
        labels: New labels; they replace the old ones entirely.
    """
    body = FirewallUpdate.build(payload, name=name, labels=labels)
    return Call.with_payload("PUT", _path(firewall), FIREWALL, body)


def delete_firewall(firewall: Ref, /) -> Call[None, None]:
    """Delete a Firewall; it must not be applied to any resource.

    Args:
        firewall: The Firewall, or its id.
    """
    return Call("DELETE", _path(firewall), no_reply)


# --- Firewall actions ---------------------------------------------------------


def set_firewall_rules(
    firewall: Ref,
    rules: Sequence[Rule] | FirewallSetRules | Mapping[str, Any],
    /,
) -> Call[list[Action], list[Action[Async]]]:
    """Replace every rule of a Firewall.

    Args:
        firewall: The Firewall, or its id.
        rules: The new rules (at most 50; an empty list removes them all), or the
            whole body as a model or ``{"rules": [...]}``.

    Returns:
        The actions that update the Firewall and the servers it is applied to.
    """
    if isinstance(rules, (FirewallSetRules, Mapping)):
        body = FirewallSetRules.build(rules)
    else:
        body = FirewallSetRules.build(rules=list(rules))
    return Call.with_payload("POST", _path(firewall, "set_rules"), _action_list, body)


def apply_firewall_to_resources(
    firewall: Ref,
    resources: Sequence[FirewallTarget] | FirewallApplyToResources | Mapping[str, Any],
    /,
) -> Call[list[Action], list[Action[Async]]]:
    """Apply a Firewall to more servers or label selectors.

    Args:
        firewall: The Firewall, or its id.
        resources: Servers (objects or ids), label selector strings
            (``"env=prod"``) or :class:`~hcloud_models.models.FirewallResourceInput`
            items; or the whole body as a model or ``{"apply_to": [...]}``.

    Returns:
        One ``apply_firewall`` action per resource.
    """
    if isinstance(resources, (FirewallApplyToResources, Mapping)):
        body = FirewallApplyToResources.build(resources)
    else:
        body = FirewallApplyToResources.build(apply_to=_targets(resources))
    return Call.with_payload("POST", _path(firewall, "apply_to_resources"), _action_list, body)


def remove_firewall_from_resources(
    firewall: Ref,
    resources: Sequence[FirewallTarget] | FirewallRemoveFromResources | Mapping[str, Any],
    /,
) -> Call[list[Action], list[Action[Async]]]:
    """Take a Firewall off servers or label selectors.

    Args:
        firewall: The Firewall, or its id.
        resources: Servers (objects or ids), label selector strings or
            :class:`~hcloud_models.models.FirewallResourceInput` items; or the
            whole body as a model or ``{"remove_from": [...]}``.

    Returns:
        One ``remove_firewall`` action per resource.
    """
    if isinstance(resources, (FirewallRemoveFromResources, Mapping)):
        body = FirewallRemoveFromResources.build(resources)
    else:
        body = FirewallRemoveFromResources.build(remove_from=_targets(resources))
    return Call.with_payload("POST", _path(firewall, "remove_from_resources"), _action_list, body)
