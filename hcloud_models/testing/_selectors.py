"""The label selector language of the API, parsed into a predicate."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping

__all__ = ["SelectorError", "parse_selector"]

Predicate = Callable[[Mapping[str, str]], bool]

_KEY = r"[A-Za-z0-9](?:[A-Za-z0-9._/-]*[A-Za-z0-9])?"
_VALUE = r"(?:[A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?)?"
_SET = re.compile(rf"^\s*(?P<key>{_KEY})\s+(?P<op>in|notin)\s*\((?P<values>[^()]*)\)\s*$")
_COMPARE = re.compile(rf"^\s*(?P<key>{_KEY})\s*(?P<op>==|!=|=)\s*(?P<value>{_VALUE})\s*$")
_EXISTS = re.compile(rf"^\s*(?P<neg>!?)\s*(?P<key>{_KEY})\s*$")


class SelectorError(ValueError):
    """A label selector that does not parse."""


def _split(selector: str) -> list[str]:
    """Split on the commas that are not inside parentheses."""
    parts: list[str] = []
    depth = 0
    current = ""
    for char in selector:
        if char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
            if depth < 0:
                raise SelectorError("unbalanced parenthesis")
        if char == "," and depth == 0:
            parts.append(current)
            current = ""
        else:
            current += char
    if depth:
        raise SelectorError("unbalanced parenthesis")
    parts.append(current)
    return parts


def _term(text: str) -> Predicate:
    match = _SET.match(text)
    if match:
        key = match["key"]
        values = {value.strip() for value in match["values"].split(",")}
        if "" in values or not re.fullmatch(r"[A-Za-z0-9._,\s-]*", match["values"]):
            raise SelectorError(f"bad value list in {text.strip()!r}")
        if match["op"] == "in":
            return lambda labels: labels.get(key) in values
        return lambda labels: key not in labels or labels[key] not in values
    match = _COMPARE.match(text)
    if match:
        key, value = match["key"], match["value"]
        if match["op"] == "!=":
            return lambda labels: labels.get(key) != value
        return lambda labels: labels.get(key) == value
    match = _EXISTS.match(text)
    if match:
        key = match["key"]
        if match["neg"]:
            return lambda labels: key not in labels
        return lambda labels: key in labels
    raise SelectorError(f"cannot parse {text.strip()!r}")


def parse_selector(selector: str) -> Predicate:
    """A predicate on a label mapping for ``selector``; raises :class:`SelectorError`."""
    terms = [_term(part) for part in _split(selector)]
    return lambda labels: all(term(labels) for term in terms)
