"""The lazy export tables of the package match what the modules declare."""

from __future__ import annotations

import ast
import importlib
import pkgutil
import subprocess
import sys
from pathlib import Path

import pytest

import hcloud_models
import hcloud_models.models as models
from hcloud_models import errors

PACKAGE = Path(hcloud_models.__file__).parent


def _type_checking_imports(path: Path) -> list[ast.ImportFrom]:
    """The ``from ... import ...`` statements inside ``if TYPE_CHECKING:`` of a module."""
    found: list[ast.ImportFrom] = []
    for node in ast.parse(path.read_text()).body:
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            found.extend(stmt for stmt in node.body if isinstance(stmt, ast.ImportFrom))
    return found


def test_every_model_module_is_listed_once() -> None:
    on_disk = {m.name for m in pkgutil.iter_modules(models.__path__) if not m.name.startswith("_")}
    assert sorted(models._MODULES) == sorted(on_disk)
    assert len(set(models._MODULES)) == len(models._MODULES)


def test_type_checkers_see_the_same_model_modules() -> None:
    starred = [
        node.module
        for node in _type_checking_imports(PACKAGE / "models" / "__init__.py")
        if [alias.name for alias in node.names] == ["*"]
    ]
    assert sorted(starred) == sorted(models._MODULES)


def test_core_names_for_type_checkers_match_the_runtime_table() -> None:
    seen = {
        alias.asname or alias.name: (node.module or "").lstrip(".")
        for node in _type_checking_imports(PACKAGE / "__init__.py")
        for alias in node.names
        if alias.name != "*"
    }
    assert seen == hcloud_models._CORE


@pytest.mark.parametrize("module", models._MODULES)
def test_each_name_of_a_model_module_is_exported(module: str) -> None:
    loaded = importlib.import_module(f"hcloud_models.models.{module}")
    assert loaded.__all__, f"{module} exports nothing"
    for name in loaded.__all__:
        assert getattr(models, name) is getattr(loaded, name), name
        assert getattr(hcloud_models, name) is getattr(loaded, name), name


def test_all_lists_exactly_the_exported_names() -> None:
    expected = {"__version__", "OPERATIONS", *hcloud_models._CORE, *errors.__all__, *models._BASE}
    for module in models._MODULES:
        expected.update(importlib.import_module(f"hcloud_models.models.{module}").__all__)
    assert sorted(hcloud_models.__all__) == sorted(expected)
    assert set(models.__all__) == expected - {
        "__version__",
        "OPERATIONS",
        *hcloud_models._CORE,
        *errors.__all__,
    }
    for name in hcloud_models.__all__:
        assert getattr(hcloud_models, name) is not None
    assert set(hcloud_models.__all__) <= set(dir(hcloud_models))


def test_base_names_are_public_in_base() -> None:
    from hcloud_models.models import _base

    assert set(models._BASE) <= set(_base.__all__)


def test_unknown_and_private_names_are_attribute_errors() -> None:
    for name in ("Sever", "importlib", "_load", "annotations"):
        with pytest.raises(AttributeError):
            getattr(hcloud_models, name)
    with pytest.raises(AttributeError):
        models.Sever  # noqa: B018
    with pytest.raises(ImportError):
        exec("from hcloud_models import Sever", {})


def test_star_import_gives_every_name() -> None:
    namespace: dict[str, object] = {}
    exec("from hcloud_models import *", namespace)
    assert set(hcloud_models.__all__) <= set(namespace)


def test_importing_the_package_loads_no_dependency() -> None:
    code = (
        "import sys, hcloud_models; "
        "print(sorted(m for m in sys.modules if m.split('.')[0] in "
        "('pydantic', 'httpx', 'tenacity', 'hcloud_models')))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], check=True, capture_output=True, text=True
    ).stdout
    assert out.strip() == "['hcloud_models', 'hcloud_models._version']"


def test_submodules_are_reachable_as_attributes() -> None:
    code = (
        "import hcloud_models as h; "
        "print(h.models.servers.Server.__name__, h.errors.APIError.__name__)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], check=True, capture_output=True, text=True
    ).stdout
    assert out.split() == ["Server", "APIError"]
