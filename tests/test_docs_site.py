"""The docs site's generated parts: a page per family in API order, the optional nav slot."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from doctools import families
from hcloud_models import OPERATIONS
from hcloud_models.resources import RESOURCES

ROOT = Path(__file__).resolve().parents[1]


def tag_order() -> list[str]:
    """The tags of the Cloud API, then those of the Storage Box API, as their docs list them."""
    tags: list[str] = []
    for name in ("hcloud", "hetzner"):
        spec = json.loads((ROOT / "spec" / f"{name}.schema.json").read_text())
        tags += [tag["name"] for tag in spec["tags"]]
    return tags


def test_every_family_gets_one_page_in_the_order_of_the_api_docs() -> None:
    found = families.families()
    order = tag_order()

    assert sorted(f.name for f in found) == sorted(RESOURCES)
    assert len({f.page for f in found}) == len(found)
    assert [order.index(f.title) for f in found] == sorted(order.index(f.title) for f in found)
    titles = [f.title for f in found]
    assert titles[0] == "Actions"
    assert titles.index("Data Centers") < titles.index("Floating IPs") < titles.index("Servers")


def test_a_family_page_lists_every_operation_of_the_family() -> None:
    operations = families.spec_operations()
    for family in families.families():
        page = families.render(family, operations)
        prefix = family.name + "."
        performed = {op for op, method in OPERATIONS.items() if method.startswith(prefix)}
        missing = [op for op in performed if f"`{op}`" not in page]
        assert missing == [], family.name
        assert f"::: {family.cls.__module__}.{family.cls.__qualname__}" in page


def test_floating_ip_page_shows_requests_and_bound_methods() -> None:
    (family,) = [f for f in families.families() if f.name == "floating_ips"]
    page = families.render(family, families.spec_operations())

    assert "# Floating IPs" in page
    assert (
        "| `assign` | Route a Floating IP to a server. | `POST /floating_ips/{id}/actions/assign` "
        "| `assign_floating_ip` | yes |"
    ) in page
    assert "`FloatingIP` returned by a client has the bound methods `reload()`" in page
    assert "::: hcloud_models.models.floating_ips" in page


def nav_config(tmp_path: Path) -> dict[str, Any]:
    return {
        "docs_dir": str(tmp_path),
        "nav": [
            {"Home": "index.md"},
            {"API reference": "REFERENCE"},
            {"Performance": "performance.md"},
        ],
    }


@pytest.mark.parametrize("exists", [True, False])
def test_the_performance_page_is_in_the_nav_only_when_it_exists(
    tmp_path: Path, exists: bool
) -> None:
    if exists:
        (tmp_path / "performance.md").write_text("# Performance\n")

    nav = families.on_config(nav_config(tmp_path))["nav"]

    assert ({"Performance": "performance.md"} in nav) is exists
    (reference,) = [entry["API reference"] for entry in nav if "API reference" in entry]
    assert len(reference) == len(RESOURCES)
    assert reference[0] == {"Actions": "reference/actions.md"}


def test_mkdocs_yml_has_the_slots_the_hook_fills() -> None:
    text = (ROOT / "mkdocs.yml").read_text()

    assert "  - API reference: REFERENCE\n" in text
    assert "  - Performance: performance.md\n" in text
    assert "  - doctools/families.py\n" in text
    assert "strict: true" in text


def test_the_reference_shows_endpoints_and_bound_methods_as_methods() -> None:
    griffe = pytest.importorskip("griffe")
    from doctools.griffe_endpoints import EndpointMethods

    package = griffe.load(
        "hcloud_models",
        search_paths=[str(ROOT)],
        extensions=griffe.Extensions(EndpointMethods()),
        docstring_parser="google",
    )
    resource = package["resources.floating_ips.FloatingIPsResource"]
    assign = resource.members["assign"]
    walk = resource.members["all"]
    bound = package["models.floating_ips.FloatingIP"].members["assign"]
    model_doc = package["models.floating_ips.FloatingIP"].docstring.value

    assert isinstance(assign, griffe.Function)
    assert [p.name for p in assign.parameters] == ["floating_ip", "server"]
    assert str(assign.returns) == "Action"
    assert "Route a Floating IP to a server." in assign.docstring.value
    assert str(walk.returns) == "Iterator[FloatingIP]"
    assert "page" not in [p.name for p in walk.parameters]
    assert isinstance(bound, griffe.Function)
    assert [p.name for p in bound.parameters] == ["server"]
    assert "floating_ip:" not in bound.docstring.value
    assert "Attributes:\n    id (int): " in model_doc
