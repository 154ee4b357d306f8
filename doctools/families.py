"""MkDocs hook: one reference page per resource family, in the order of the API docs.

The families are read from ``hcloud_models.resources.RESOURCES`` and ordered by
the tags of the official specs (the Cloud API's tag order, then the Storage Box
API's), so a family gets its page as soon as it is registered. The hook also
adds ``performance.md`` to the navigation when that page exists.
"""

from __future__ import annotations

import importlib
import importlib.util
import inspect
import json
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

REFERENCE_DIR = "reference"
SPECS = (ROOT / "spec" / "hcloud.schema.json", ROOT / "spec" / "hetzner.schema.json")


@dataclass
class Operation:
    """One spec operation: where it sits in the docs and the request it makes."""

    tag: str
    rank: int
    method: str
    path: str
    deprecated: bool
    server: str


@dataclass
class Method:
    """One public method of a resource manager."""

    name: str
    summary: str
    operation_id: str | None
    walks_pages: bool = False


@dataclass
class Family:
    """One resource family: ``client.<name>`` and its page."""

    name: str
    cls: type[Any]
    title: str
    rank: int
    methods: list[Method] = field(default_factory=list)
    bound: dict[str, list[str]] = field(default_factory=dict)

    @property
    def page(self) -> str:
        return f"{REFERENCE_DIR}/{self.name.replace('_', '-')}.md"


def spec_operations() -> dict[str, Operation]:
    """Every operation of both specs, ranked by the position of its tag."""
    operations: dict[str, Operation] = {}
    offset = 0
    for path in SPECS:
        spec = json.loads(path.read_text())
        server = spec.get("servers", [{}])[0].get("url", "")
        tags = [tag["name"] for tag in spec.get("tags", [])]
        for url, item in spec["paths"].items():
            for verb, op in item.items():
                if not isinstance(op, dict) or "operationId" not in op:
                    continue
                tag = op.get("tags", ["?"])[0]
                rank = offset + (tags.index(tag) if tag in tags else len(tags))
                operations[op["operationId"]] = Operation(
                    tag=tag,
                    rank=rank,
                    method=verb.upper(),
                    path=url,
                    deprecated=bool(op.get("deprecated")),
                    server=server,
                )
        offset += len(tags) + 1
    return operations


def first_line(text: str | None) -> str:
    """The summary line of a docstring."""
    return inspect.cleandoc(text or "").split("\n", 1)[0].strip()


def families() -> list[Family]:
    """Every registered family, in the order of the official API docs."""
    from hcloud_models.operations._call import Endpoint, Paged
    from hcloud_models.resources import RESOURCES, resource_class

    operations = spec_operations()
    found: list[Family] = []
    for name in RESOURCES:
        cls = resource_class(name)
        methods: list[Method] = []
        for attr, value in vars(cls).items():
            if isinstance(value, Endpoint):
                methods.append(Method(attr, first_line(value.__doc__), value.operation_id))
            elif isinstance(value, Paged):
                methods.append(Method(attr, first_line(value.__doc__), None, walks_pages=True))
        known = [operations[m.operation_id] for m in methods if m.operation_id in operations]
        best = min(known, key=lambda op: op.rank) if known else None
        family = Family(
            name=name,
            cls=cls,
            title=best.tag if best else name.replace("_", " ").title(),
            rank=best.rank if best else 10_000,
            methods=methods,
        )
        family.bound = bound_methods(name)
        found.append(family)
    found.sort(key=lambda family: (family.rank, family.name))
    return found


def bound_methods(name: str) -> dict[str, list[str]]:
    """Model class name -> its methods that forward to ``client.<name>``."""
    from hcloud_models.models._base import BoundModel, Delegate
    from hcloud_models.resources import RESOURCES

    module_name = f"hcloud_models.models.{RESOURCES[name].partition(':')[0]}"
    if importlib.util.find_spec(module_name) is None:
        return {}
    module = importlib.import_module(module_name)
    found: dict[str, list[str]] = {}
    for obj in vars(module).values():
        if (
            isinstance(obj, type)
            and issubclass(obj, BoundModel)
            and obj.__module__ == module_name
            and getattr(obj, "_resource", "") == name
        ):
            found[obj.__name__] = [
                attr for attr, value in vars(obj).items() if isinstance(value, Delegate)
            ]
    return found


def render(family: Family, operations: dict[str, Operation]) -> str:
    """The Markdown source of one family's page."""
    from hcloud_models.resources import RESOURCES

    module, _, class_name = RESOURCES[family.name].partition(":")
    delegated = {method for methods in family.bound.values() for method in methods}
    lines = [
        f"# {family.title}",
        "",
        first_line(family.cls.__doc__),
        "",
        f"The methods of `client.{family.name}`:",
        "",
        "| Method | What it does | Request | API operation | Also on the object |",
        "| --- | --- | --- | --- | --- |",
    ]
    for method in family.methods:
        op = operations.get(method.operation_id or "")
        if op is not None:
            request = f"`{op.method} {op.path}`"
            operation = f"`{method.operation_id}`" + (" (deprecated)" if op.deprecated else "")
        elif method.walks_pages:
            request, operation = "every page of `list`", ""
        else:
            request, operation = "", ""
        on_object = "yes" if method.name in delegated else ""
        lines.append(
            f"| `{method.name}` | {method.summary} | {request} | {operation} | {on_object} |"
        )
    servers = {
        operations[m.operation_id].server for m in family.methods if m.operation_id in operations
    }
    if servers and "https://api.hetzner.cloud/v1" not in servers:
        lines += [
            "",
            f"These requests go to the Hetzner API (`{', '.join(sorted(servers))}`), "
            "with the same token as the Cloud API.",
        ]
    for model, methods in family.bound.items():
        names = ", ".join(f"`{m}()`" for m in ["reload", *sorted(set(methods) - {"reload"})])
        lines += ["", f"A `{model}` returned by a client has the bound methods {names}."]
    lines += [
        "",
        "On an `AsyncClient` every method returns an awaitable, and `all()` an async iterator.",
        "",
        f"## `client.{family.name}`",
        "",
        f"::: hcloud_models.resources.{module}.{class_name}",
        "    options:",
        "      show_root_heading: false",
        "      show_root_toc_entry: false",
        "      heading_level: 3",
    ]
    model_module = f"hcloud_models.models.{module}"
    if importlib.util.find_spec(model_module) is not None:
        lines += [
            "",
            "## Models",
            "",
            f"::: {model_module}",
            "    options:",
            "      show_root_heading: false",
            "      show_root_toc_entry: false",
            "      heading_level: 3",
            "      show_submodules: false",
        ]
    return "\n".join(lines) + "\n"


# --- MkDocs events ------------------------------------------------------------------

_FAMILIES: list[Family] = []


def on_config(config: Any) -> Any:
    """Put the family pages (and the performance page, when present) into the navigation."""
    _FAMILIES[:] = families()
    reference = [{family.title: family.page} for family in _FAMILIES]
    nav: list[Any] = []
    for entry in config["nav"] or []:
        if entry == {"API reference": "REFERENCE"}:
            nav.append({"API reference": reference})
        elif entry == {"Performance": "performance.md"}:
            if (Path(config["docs_dir"]) / "performance.md").exists():
                nav.append(entry)
        else:
            nav.append(entry)
    config["nav"] = nav
    return config


def on_files(files: Any, config: Any) -> Any:
    """Add the generated family pages to the site."""
    from mkdocs.structure.files import File

    operations = spec_operations()
    for family in _FAMILIES:
        files.append(File.generated(config, family.page, content=render(family, operations)))
    return files


HCLOUD_TABLE = "<!-- hcloud-table -->"


def on_page_markdown(markdown: str, page: Any, config: Any, files: Any) -> str:
    """Fill in the table of the hcloud migration page."""
    if HCLOUD_TABLE not in markdown:
        return markdown
    sys.path.insert(0, str(Path(__file__).parent))
    try:
        import hcloud_table
    finally:
        sys.path.pop(0)
    from hcloud_models import OPERATIONS

    table = hcloud_table.render(OPERATIONS, lambda operation_id: operation_id not in OPERATIONS)
    return markdown.replace(HCLOUD_TABLE, table)
