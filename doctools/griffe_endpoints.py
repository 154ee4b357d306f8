"""Griffe extension: show resource-manager and bound-object methods as methods.

Resource managers declare their methods as ``Endpoint``/``Paged`` descriptors
and models declare bound methods with ``delegate(...)``; read statically they
look like attributes. This extension imports the classes and replaces each such
attribute by a function carrying the build function's parameters, docstring and
the result the sync client returns.
"""

from __future__ import annotations

import importlib
import re
from typing import Any

import griffe


def _sync_result(returns: Any, walks_pages: bool) -> str | None:
    """``Call[Page[Server], Page[Server[Async]]]`` -> ``Page[Server]`` (or ``Iterator[Server]``)."""
    if not isinstance(returns, griffe.ExprSubscript):
        return None
    elements = getattr(returns.slice, "elements", None)
    first = elements[0] if elements else returns.slice
    if walks_pages and isinstance(first, griffe.ExprSubscript):
        return f"Iterator[{first.slice}]"
    return str(first)


def _without_arg(docstring: str, name: str) -> str:
    """Remove the entry of argument ``name`` (and its continuation lines) from a docstring."""
    lines = docstring.split("\n")
    kept: list[str] = []
    skip_deeper_than: int | None = None
    for line in lines:
        indent = len(line) - len(line.lstrip())
        if skip_deeper_than is not None:
            if line.strip() and indent > skip_deeper_than:
                continue
            skip_deeper_than = None
        if re.match(rf"\s+{re.escape(name)}( \(.*\))?: ", line):
            skip_deeper_than = indent
            continue
        kept.append(line)
    return "\n".join(kept)


def _method(
    source: griffe.Function, name: str, parent: griffe.Class, *, drop: int, walks_pages: bool
) -> griffe.Function:
    params = [p for p in source.parameters if p.name != "self"]
    docstring = source.docstring.value if source.docstring else ""
    for dropped in params[:drop]:
        docstring = _without_arg(docstring, dropped.name)
    params = params[drop:]
    where = parent.members.get(name)
    if walks_pages:
        docstring = _without_arg(docstring, "page")
        docstring = (
            "Iterate over every object, fetching 50 per request and the next page only "
            "when needed.\n\nTakes the filters of `list` (without `page`).\n\n"
            + docstring.split("\n\n", 1)[-1]
        )
    fn = griffe.Function(
        name,
        parameters=griffe.Parameters(
            *[
                griffe.Parameter(p.name, annotation=p.annotation, kind=p.kind, default=p.default)
                for p in params
                if not (walks_pages and p.name == "page")
            ]
        ),
        returns=_sync_result(source.returns, walks_pages),
        lineno=where.lineno if where is not None else source.lineno,
        endlineno=where.endlineno if where is not None else source.endlineno,
    )
    fn.docstring = griffe.Docstring(docstring, parent=fn, parser="google")
    fn.parent = parent
    return fn


def _type_text(annotation: Any) -> str:
    """A field's annotation as a reader wants it: ``Annotated[X, OPEN]`` is ``X``, no ``[M]``."""
    text = str(annotation)
    text = re.sub(r"Annotated\[(.*), OPEN\]", r"\1", text)
    return re.sub(r"\[M\]", "", text)


def _document_fields(model: type, target: griffe.Class) -> None:
    """Append an ``Attributes:`` section listing the fields of a pydantic model."""
    docstring = target.docstring.value if target.docstring else ""
    if "Attributes:" in docstring or not getattr(model, "model_fields", None):
        return
    lines = []
    for name in model.model_fields:
        member = target.all_members.get(name)
        annotation = getattr(member, "annotation", None)
        kind = f" ({_type_text(annotation)})" if annotation is not None else ""
        lines.append(f"    {name}{kind}: ")
    target.docstring = griffe.Docstring(
        docstring.rstrip() + "\n\nAttributes:\n" + "\n".join(lines),
        parent=target,
        parser="google",
    )


class EndpointMethods(griffe.Extension):
    """Turn ``Endpoint``, ``Paged`` and ``delegate`` attributes into documented methods."""

    def on_package(self, *, pkg: griffe.Module, **kwargs: Any) -> None:
        """Rewrite every resource manager and bound model of the package."""
        if pkg.name != "hcloud_models":
            return
        from hcloud_models.models._base import BoundModel, Delegate, HcloudModel, PagesDelegate
        from hcloud_models.operations._call import Endpoint, Paged
        from hcloud_models.resources import RESOURCES, resource_class

        builds: dict[tuple[str, str], tuple[Any, bool]] = {}
        for name in RESOURCES:
            cls = resource_class(name)
            target = self._find(pkg, f"{cls.__module__}.{cls.__qualname__}")
            if not isinstance(target, griffe.Class):
                continue
            for attr, value in vars(cls).items():
                if isinstance(value, Endpoint | Paged):
                    walks = isinstance(value, Paged)
                    source = self._source(pkg, value.build)
                    builds[name, attr] = (value.build, walks)
                    if source is not None:
                        target.set_member(
                            attr, _method(source, attr, target, drop=0, walks_pages=walks)
                        )

        models = importlib.import_module("hcloud_models.models")
        # Every family module, whether or not a name of it was used yet (they load lazily).
        for module_name in (f"{models.__name__}.{name}" for name in models._MODULES):
            module = importlib.import_module(module_name)
            for obj in vars(module).values():
                if not (isinstance(obj, type) and issubclass(obj, HcloudModel)):
                    continue
                target = self._find(pkg, f"{obj.__module__}.{obj.__qualname__}")
                if not isinstance(target, griffe.Class) or obj.__module__ != module_name:
                    continue
                _document_fields(obj, target)
                if not issubclass(obj, BoundModel):
                    continue
                for attr, value in vars(obj).items():
                    if not isinstance(value, Delegate | PagesDelegate):
                        continue
                    build, walks = builds.get((obj._resource, value.name), (None, False))
                    source = self._source(pkg, build) if build is not None else None
                    if source is not None:
                        target.set_member(
                            attr, _method(source, attr, target, drop=1, walks_pages=walks)
                        )

    @staticmethod
    def _find(pkg: griffe.Module, path: str) -> griffe.Object | griffe.Alias | None:
        try:
            return pkg.modules_collection[path]
        except (KeyError, griffe.AliasResolutionError):
            return None

    def _source(self, pkg: griffe.Module, build: Any) -> griffe.Function | None:
        func = getattr(build, "__func__", build)
        found = self._find(pkg, f"{func.__module__}.{func.__qualname__}")
        if isinstance(found, griffe.Alias):
            found = found.final_target
        return found if isinstance(found, griffe.Function) else None
