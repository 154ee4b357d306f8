"""Every Python sample in README.md and docs/ runs, against the fake cloud.

The samples of one page run in order in one namespace, as a reader would type
them, against one fresh ``FakeCloud``: while they run, ``hcloud_models.Client``
and ``hcloud_models.AsyncClient`` build clients wired to that fake (the token
comes from ``HCLOUD_TOKEN`` as documented). A sample that defines ``test_*``
functions has them called with a fresh fake as ``hcloud_fake``, as the pytest
plugin would. A line ``print(...)  # output`` must print that output (``...``
stands for anything; a comment in quotes is a paraphrase and is not checked).
A block right after ``<!-- sample: skip -->`` is not run.
Tracebacks point at the page and the line of the sample.
"""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
import io
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import hcloud_models
from hcloud_models import testing

ROOT = Path(__file__).resolve().parents[1]
PAGES = [ROOT / "README.md", *sorted((ROOT / "docs").rglob("*.md"))]
FENCE = re.compile(r"^```python[^\n]*\n(.*?)^```", re.S | re.M)
SKIP = "<!-- sample: skip -->"
PRINT = re.compile(r"^(\s*)print\((.*)\)  # ([^\"'].*)$", re.M)


def expect_output(show: Callable[[], None], expected: str) -> None:
    """Run ``show`` (a print) and compare what it printed with ``expected``."""
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        show()
    printed = out.getvalue().rstrip("\n")
    pattern = ".*".join(re.escape(part) for part in expected.split("..."))
    assert re.fullmatch(pattern, printed, re.S), f"printed {printed!r}, the page says {expected!r}"


def checked(code: str) -> str:
    """``code`` with each ``print(x)  # output`` line turned into a check of its output."""
    return PRINT.sub(
        lambda m: f"{m[1]}__expect_output__(lambda: print({m[2]}), {m[3].strip()!r})", code
    )


def samples(page: Path) -> list[tuple[int, str]]:
    """(first line, code) of every Python block of a page that is meant to run."""
    text = page.read_text()
    found = []
    for match in FENCE.finditer(text):
        if text[: match.start()].rstrip().endswith(SKIP):
            continue
        found.append((text.count("\n", 0, match.start(1)) + 1, match.group(1)))
    return found


def fake_clients(fake: Any) -> tuple[type[Any], type[Any]]:
    """Client classes whose instances talk to ``fake``, whatever else they are given."""

    def wire(kwargs: dict[str, Any], transport: Any) -> dict[str, Any]:
        poll, retry = fake.poll_policy(), fake.retry_policy()
        # Keep the sample's policies, sleeping on the fake's clock.
        if "poll" in kwargs:
            kwargs["poll"] = dataclasses.replace(kwargs["poll"], sleep=poll.sleep, clock=poll.clock)
        if "retry" in kwargs:
            kwargs["retry"] = dataclasses.replace(
                kwargs["retry"], sleep=retry.sleep, clock=retry.clock
            )
        for name in ("transport", "http_client"):
            kwargs.pop(name, None)
        return {"poll": poll, "retry": retry, **kwargs, "transport": transport}

    class DocsClient(hcloud_models.Client):
        def __init__(self, token: str | None = None, **kwargs: Any) -> None:
            super().__init__(token, **wire(kwargs, fake.transport()))

    class DocsAsyncClient(hcloud_models.AsyncClient):
        def __init__(self, token: str | None = None, **kwargs: Any) -> None:
            super().__init__(token, **wire(kwargs, fake.async_transport()))

    for cls, name in ((DocsClient, "Client"), (DocsAsyncClient, "AsyncClient")):
        cls.__name__ = cls.__qualname__ = name  # as the reader sees it in reprs
    return DocsClient, DocsAsyncClient


def run_page(page: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
    fake = testing.FakeCloud()
    client_class, async_client_class = fake_clients(fake)
    monkeypatch.setenv("HCLOUD_TOKEN", "docs-sample-token")
    monkeypatch.setattr(hcloud_models, "Client", client_class)
    monkeypatch.setattr(hcloud_models, "AsyncClient", async_client_class)
    namespace: dict[str, Any] = {
        "__name__": f"docs_{page.stem}",
        "__expect_output__": expect_output,
    }
    for line, code in samples(page):
        before = set(namespace)
        # Padding keeps line numbers of tracebacks equal to those of the page.
        source = "\n" * (line - 1) + checked(code)
        exec(compile(source, str(page), "exec"), namespace)
        for name in sorted(set(namespace) - before):
            if name.startswith("test_") and callable(namespace[name]):
                result = namespace[name](hcloud_fake=testing.FakeCloud())
                if asyncio.iscoroutine(result):
                    asyncio.run(result)
    return namespace


def test_output_comments_are_checked() -> None:
    code = checked('print(1 + 1)  # 2\nprint("x")  # "a paraphrase"\n')

    assert code.splitlines() == [
        "__expect_output__(lambda: print(1 + 1), '2')",
        'print("x")  # "a paraphrase"',
    ]
    expect_output(lambda: print("success 2026-01-01"), "success 2026-...")
    with pytest.raises(AssertionError, match="the page says"):
        expect_output(lambda: print(3), "2")


def test_every_page_has_samples_to_run() -> None:
    without = [p.name for p in PAGES if not samples(p) and p.name != "performance.md"]
    assert without == []


@pytest.mark.parametrize("page", PAGES, ids=lambda p: str(p.relative_to(ROOT)))
def test_samples_run(page: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    run_page(page, monkeypatch)
