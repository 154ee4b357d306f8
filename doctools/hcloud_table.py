"""The migration table from the official ``hcloud`` package (2.27) to hcloud_models.

``python doctools/hcloud_table.py`` derives ``doctools/hcloud_methods.json``: for
every public method of ``hcloud`` (the ``Client``, its resource clients and their
``actions`` sub-clients, and the bound objects they return) the spec
``operationId`` of the first request it sends, found by running the method with
placeholder arguments against a transport that records the request and stops.
Methods that send nothing get ``null`` there and a hand-written equivalent in
``HELPERS`` below.

The docs build renders the table (``render``), taking our equivalent of each
operation from ``hcloud_models.OPERATIONS``; the test suite checks it.
"""

from __future__ import annotations

import functools
import importlib
import inspect
import json
import pkgutil
import re
import sys
import warnings
from collections.abc import Callable, Iterator, Mapping
from datetime import datetime, timezone
from pathlib import Path
from typing import Any
from unittest import mock

ROOT = Path(__file__).resolve().parents[1]
DERIVED = Path(__file__).with_name("hcloud_methods.json")
SPECS = {
    "https://api.hetzner.cloud/v1": ROOT / "spec" / "hcloud.schema.json",
    "https://api.hetzner.com/v1": ROOT / "spec" / "hetzner.schema.json",
}

# hcloud methods that send no request of their own, with our equivalent (names
# checked by the test suite) and a note. An empty equivalent means "not needed".
HELPERS: dict[str, tuple[str, str]] = {
    "Client.request": ("", "no raw request method: every operation has a typed method"),
}
for _bound, _model in {
    "BoundAction": "Action",
    "BoundCertificate": "Certificate",
    "BoundDatacenter": "Datacenter",
    "BoundFirewall": "Firewall",
    "BoundFloatingIP": "FloatingIP",
    "BoundImage": "Image",
    "BoundIso": "ISO",
    "BoundLoadBalancer": "LoadBalancer",
    "BoundLoadBalancerType": "LoadBalancerType",
    "BoundLocation": "Location",
    "BoundNetwork": "Network",
    "BoundPlacementGroup": "PlacementGroup",
    "BoundPrimaryIP": "PrimaryIP",
    "BoundSSHKey": "SSHKey",
    "BoundServer": "Server",
    "BoundServerType": "ServerType",
    "BoundStorageBox": "StorageBox",
    "BoundStorageBoxSnapshot": "StorageBoxSnapshot",
    "BoundStorageBoxSubaccount": "StorageBoxSubaccount",
    "BoundStorageBoxType": "StorageBoxType",
    "BoundVolume": "Volume",
    "BoundZone": "Zone",
    "BoundZoneRRSet": "RRSet",
}.items():
    HELPERS[f"{_bound}.from_dict"] = (
        f"{_model}.model_validate",
        "pydantic validation; `model_validate_json` parses bytes directly",
    )
    HELPERS[f"{_bound}.has_id_or_name"] = (
        "",
        "compare `obj.id` or `obj.name` directly",
    )
HELPERS.update(
    {
        **{
            name: ("", "sends `GET /networks/{id}/members`, which the API description lacks")
            for name in (
                "BoundNetwork.get_member_all",
                "BoundNetwork.get_member_list",
                "client.networks.get_member_all",
                "client.networks.get_member_list",
            )
        },
        "BoundServer.private_net_for": (
            "",
            "`next((n for n in server.private_net if n.network == network.id), None)`",
        ),
        "BoundLoadBalancer.private_net_for": (
            "",
            "`next((n for n in lb.private_net if n.network == network.id), None)`",
        ),
        "BoundZoneRRSet.to_payload": ("RRSet.to_dict", "wire (snake_case) dictionary"),
        "BoundAction.wait_until_finished": (
            "Action.wait",
            "also `client.actions.wait_all(actions)`: one request per round for all of them",
        ),
    }
)

# Methods that fail on hcloud 2.27 before sending anything, with the operation
# they are meant to perform (read from their source).
BROKEN: dict[str, str] = {
    "BoundZone.reload": "get_zone",  # asserts a get_by_id the zones client lacks
}


# --- the public surface of hcloud ----------------------------------------------------


def _public(cls: type) -> list[str]:
    """Public methods (functions, class and static methods) of a class."""
    names = []
    for name in dir(cls):
        if name.startswith("_"):
            continue
        raw = inspect.getattr_static(cls, name)
        if isinstance(raw, classmethod | staticmethod) or inspect.isfunction(raw):
            names.append(name)
    return sorted(names)


def _client() -> Any:
    import hcloud

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return hcloud.Client(token="placeholder", poll_interval=0)


def bound_classes() -> dict[str, type]:
    """Every ``Bound*`` class of hcloud, by name."""
    import hcloud
    from hcloud.core import BoundModelBase

    found: dict[str, type] = {}
    for info in pkgutil.walk_packages(hcloud.__path__, "hcloud."):
        module = importlib.import_module(info.name)
        for obj in vars(module).values():
            if (
                isinstance(obj, type)
                and issubclass(obj, BoundModelBase)
                and obj is not BoundModelBase
                and obj.__module__.startswith("hcloud.")
            ):
                found[obj.__name__] = obj
    return found


def resource_clients(client: Any) -> dict[str, Any]:
    """``client.<name>`` (and ``client.<name>.actions``) -> the sub-client object."""
    from hcloud.core import ResourceClientBase

    found: dict[str, Any] = {}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for name in dir(client):
            value = getattr(client, name) if not name.startswith("_") else None
            if isinstance(value, ResourceClientBase):
                found[f"client.{name}"] = value
                nested = getattr(value, "actions", None)
                if isinstance(nested, ResourceClientBase):
                    found[f"client.{name}.actions"] = nested
    return found


def public_methods() -> list[str]:
    """Every public method of hcloud 2.27, spelt as it is called."""
    import hcloud

    client = _client()
    names = [f"Client.{m}" for m in _public(hcloud.Client)]
    for prefix, sub in resource_clients(client).items():
        names += [f"{prefix}.{m}" for m in _public(type(sub))]
    for cls_name, cls in bound_classes().items():
        names += [f"{cls_name}.{m}" for m in _public(cls)]
    return sorted(set(names))


# --- deriving the operation of each method ---------------------------------------------


class _Sent(BaseException):
    """Raised by the recording transport after the first request (not an Exception)."""

    def __init__(self, base: str, method: str, url: str) -> None:
        self.base, self.method, self.url = base, method, url


def _spec_index() -> list[tuple[str, str, re.Pattern[str], str]]:
    index = []
    for base, path in SPECS.items():
        spec = json.loads(path.read_text())
        for template, item in spec["paths"].items():
            pattern = re.compile("^" + re.sub(r"\\\{[^}]+\\\}", "[^/]+", re.escape(template)) + "$")
            for verb, op in item.items():
                if isinstance(op, dict) and "operationId" in op:
                    index.append((base, verb.upper(), pattern, op["operationId"]))
    # Literal paths before templated ones (/servers/actions before /servers/{id}).
    index.sort(key=lambda row: row[2].pattern.count("[^/]+"))
    return index


def _placeholder(name: str) -> Any:
    value = mock.MagicMock(name=name)
    value.id = 1
    value.name = "placeholder"
    value.id_or_name = 1
    value.to_payload.return_value = {}
    return value


# Placeholders that a MagicMock cannot stand in for, by parameter name.
_VALUES: dict[str, Any] = {
    "size": 10,
    "type": ["cpu"],
    "start": datetime(2026, 1, 1, tzinfo=timezone.utc),
    "end": datetime(2026, 1, 2, tzinfo=timezone.utc),
}


def _arguments(func: Callable[..., Any]) -> tuple[list[Any], dict[str, Any]]:
    args: list[Any] = []
    kwargs: dict[str, Any] = {}
    for param in inspect.signature(func).parameters.values():
        if param.default is not param.empty or param.kind in (
            param.VAR_POSITIONAL,
            param.VAR_KEYWORD,
        ):
            continue
        value = _VALUES.get(param.name, _placeholder(param.name))
        if func.__qualname__ == "VolumesClient.create" and param.name == "size":
            kwargs["location"] = _placeholder("location")  # a server or a location is needed
        if param.kind == param.KEYWORD_ONLY:
            kwargs[param.name] = value
        else:
            args.append(value)
    return args, kwargs


def _bound_instance(cls: type, client: Any) -> Any:
    """A bound object of class ``cls`` with an id, on the sub-client of its module."""
    subs = resource_clients(client)
    owner = next(
        sub
        for key, sub in sorted(subs.items(), key=lambda item: item[0].endswith(".actions"))
        if type(sub).__module__ == cls.__module__
    )
    data: dict[str, Any] = {"id": 1, "name": "placeholder"}
    if cls.__name__ in ("BoundStorageBoxSnapshot", "BoundStorageBoxSubaccount"):
        data["storage_box"] = 1
    if cls.__name__ == "BoundZoneRRSet":  # RRSets are named "<name>/<type>" within a zone
        data = {"id": "www/A", "name": "www", "type": "A", "zone": {"id": 1}}
    return cls(owner, data)


def derive() -> dict[str, str | None]:
    """Run every method of hcloud and name the operation of its first request."""
    import hcloud._client as hcloud_client

    index = _spec_index()

    def record(self: Any, method: str, url: str, **kwargs: Any) -> Any:
        raise _Sent(self._endpoint, method.upper(), url.split("?", 1)[0])

    client = _client()
    subs = resource_clients(client)
    bound = bound_classes()
    found: dict[str, str | None] = {}
    with (
        mock.patch.object(hcloud_client.ClientBase, "request", record),
        warnings.catch_warnings(),
    ):
        warnings.simplefilter("ignore")
        for name in public_methods():
            owner_name, _, method = name.rpartition(".")
            if owner_name == "Client":
                target = getattr(client, method)
            elif owner_name in subs:
                target = getattr(subs[owner_name], method)
            else:
                target = getattr(_bound_instance(bound[owner_name], client), method)
            found[name] = BROKEN.get(name) or _operation_of(target, index)
    return found


def _operation_of(target: Callable[..., Any], index: list[Any]) -> str | None:
    try:
        args, kwargs = _arguments(target)
        target(*args, **kwargs)
    except _Sent as sent:
        for base, verb, pattern, operation_id in index:
            if base == sent.base and verb == sent.method and pattern.match(sent.url):
                return operation_id
        print(f"not in the specs: {sent.method} {sent.base}{sent.url}", file=sys.stderr)
    except Exception as exc:
        print(f"{target.__qualname__}: {exc!r}", file=sys.stderr)
        return None
    return None


# --- the rendered table -------------------------------------------------------------------


def load() -> dict[str, str | None]:
    """The committed table: hcloud method -> operationId (``None`` for helpers)."""
    data: dict[str, str | None] = json.loads(DERIVED.read_text())
    return data


@functools.cache
def bound_model_names() -> dict[tuple[str, str], str]:
    """(resource, method) -> ``Model.method`` for every bound method of our models."""
    from hcloud_models.models._base import BoundModel, Delegate

    models = importlib.import_module("hcloud_models.models")
    found: dict[tuple[str, str], str] = {}
    # Every family module, whether or not a name of it was used yet (they load lazily).
    for module_name in sorted(models._MODULES):
        for obj in vars(importlib.import_module(f"hcloud_models.models.{module_name}")).values():
            if isinstance(obj, type) and issubclass(obj, BoundModel) and obj._resource:
                for attr, value in vars(obj).items():
                    if isinstance(value, Delegate):
                        found.setdefault((obj._resource, value.name), f"{obj.__name__}.{attr}")
    return found


# hcloud method names whose closest equivalent here is another method of the
# same family than the operation's own (``get_all`` walks pages: ``all``).
PREFERRED: dict[str, str] = {
    "get_all": "all",
    "get_by_name": "get_by_name",
    "wait_until_finished": "wait",
}


def equivalent(name: str, operation_id: str | None, operations: Mapping[str, str]) -> str:
    """Our equivalent of one hcloud method (empty when there is none yet)."""
    from hcloud_models.resources import RESOURCES, resource_class

    if operation_id is None:
        return HELPERS.get(name, ("", ""))[0]
    ours = operations.get(operation_id)
    if ours is None:
        return ""
    resource, _, method = ours.partition(".")
    preferred = PREFERRED.get(name.rpartition(".")[2])
    if preferred and resource in RESOURCES and hasattr(resource_class(resource), preferred):
        method = preferred
    if name.startswith("Bound"):
        bound = bound_model_names().get((resource, method))
        if preferred == "wait":
            bound = "Action.wait"
        if bound is not None:
            return bound
    return f"client.{resource}.{method}"


def _order(name: str) -> tuple[int, str, bool, str]:
    """Client first, then each resource client followed by its ``actions``, then bound classes."""
    owner, _, method = name.rpartition(".")
    base = owner.removesuffix(".actions")
    group = 0 if owner == "Client" else 1 if owner.startswith("client.") else 2
    return group, base, owner != base, method


def exists(equivalent: str) -> bool:
    """Whether ``client.<resource>.<method>`` or ``<Model>.<method>`` names a real method."""
    import hcloud_models
    from hcloud_models.resources import RESOURCES, resource_class

    parts = equivalent.split(".")
    if parts[0] == "client" and len(parts) == 3:
        return parts[1] in RESOURCES and hasattr(resource_class(parts[1]), parts[2])
    if len(parts) == 2:
        return hasattr(getattr(hcloud_models, parts[0], None), parts[1])
    return False


def rows(operations: Mapping[str, str]) -> Iterator[tuple[str, str | None, str, str]]:
    """(hcloud method, operationId, our equivalent, note) for every hcloud method."""
    for name, operation_id in sorted(load().items(), key=lambda item: _order(item[0])):
        note = HELPERS.get(name, ("", ""))[1] if operation_id is None else ""
        yield name, operation_id, equivalent(name, operation_id, operations), note


def render(operations: Mapping[str, str], pending: Callable[[str], bool]) -> str:
    """The Markdown table, grouped by hcloud class."""
    out: list[str] = []
    group = None
    for name, operation_id, ours, note in rows(operations):
        owner = name.rpartition(".")[0]
        if owner != group:
            group = owner
            out += ["", f"### `{owner}`", "", "| hcloud | Operation | hcloud_models |"]
            out += ["| --- | --- | --- |"]
        op = f"`{operation_id}`" if operation_id else "(none)"
        if ours and exists(ours):
            cell = f"`{ours}`" + (f" ({note})" if note else "")
        elif ours or (operation_id and pending(operation_id)):
            cell = "coming with its family"
        else:
            cell = note or "not offered"
        out.append(f"| `{name.rpartition('.')[2]}` | {op} | {cell} |")
    return "\n".join(out).lstrip("\n") + "\n"


def main() -> int:
    """Write ``hcloud_methods.json``."""
    derived = derive()
    unexplained = [n for n, op in derived.items() if op is None and n not in HELPERS]
    DERIVED.write_text(json.dumps(derived, indent=1, sort_keys=True) + "\n")
    print(f"{len(derived)} methods, {sum(op is not None for op in derived.values())} operations")
    for name in unexplained:
        print(f"sends nothing and has no entry in HELPERS: {name}")
    return 1 if unexplained else 0


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    raise SystemExit(main())
