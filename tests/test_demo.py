"""The offline demo on the fake cloud, and the names the docs promise.

The demo lives in ``examples/`` (not a package); it is loaded from its file
the way ``python examples/demo.py`` would run it.
"""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path
from types import ModuleType
from typing import Any

import httpx
import pytest

from hcloud_models import Action, Client, FloatingIP, Image, Server, SSHKey
from tests.testing.conftest import SpecCheckedCloud

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
MIGRATION = ROOT / "docs" / "clojure-migration.md"
README = ROOT / "README.md"

STEPS = [
    "1. Upload an SSH key",
    "2. Create a server and wait until it runs",
    "3. Power the server off",
    "4. Take a snapshot of its disk",
    "5. Create a Floating IP, assign it to the server, unassign it",
    "6. Delete everything",
]
POLL = "GET /actions"
SERVER = "/servers/1000002"
FIP = "/floating_ips/1000010"
EXPECTED_REQUESTS = [
    "POST /ssh_keys",
    "POST /servers",
    *[POLL] * 3,  # create_server: 4 s on the fake clock, polled after 1, 2.5 and 4.75 s
    *[POLL] * 2,  # start_server follows it
    f"POST {SERVER}/actions/poweroff",
    *[POLL] * 2,
    f"GET {SERVER}",
    f"POST {SERVER}/actions/create_image",
    *[POLL] * 4,
    "POST /floating_ips",
    f"POST {FIP}/actions/assign",
    *[POLL] * 2,
    f"POST {FIP}/actions/unassign",
    *[POLL] * 2,
    f"DELETE {FIP}",
    "DELETE /images/1000008",
    f"DELETE {SERVER}",
    *[POLL] * 2,
    "DELETE /ssh_keys/1000001",
]


def load_example(name: str, monkeypatch: pytest.MonkeyPatch) -> ModuleType:
    """Import ``examples/<name>.py`` with ``examples/`` on the path, as running it would."""
    monkeypatch.syspath_prepend(str(EXAMPLES))
    spec = importlib.util.spec_from_file_location(f"example_{name}", EXAMPLES / f"{name}.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def demo(monkeypatch: pytest.MonkeyPatch) -> ModuleType:
    return load_example("demo", monkeypatch)


def test_demo_runs_offline_on_the_fake_cloud(
    demo: ModuleType, monkeypatch: pytest.MonkeyPatch, capsys: Any
) -> None:
    clouds: list[SpecCheckedCloud] = []

    def recording_cloud() -> SpecCheckedCloud:
        # The same fake, checking every reply it gives the demo against the spec.
        cloud = SpecCheckedCloud()
        clouds.append(cloud)
        return cloud

    monkeypatch.setattr(demo, "FakeCloud", recording_cloud)
    monkeypatch.delenv("HCLOUD_TOKEN", raising=False)

    assert demo.main() == 0

    out = capsys.readouterr().out
    positions = [out.index(title) for title in STEPS]
    assert positions == sorted(positions)
    assert re.findall(r"-> (\d+) requests?", out) == ["1", "6", "4", "5", "7", "6"]
    assert "Done: 29 requests in all." in out
    # progress is reported as it changes, on the fake clock
    assert "create_server #1000005:   0% running" in out
    assert "create_server #1000005:  25% running" in out
    assert "create_server #1000005: 100% success" in out
    assert "start_server #1000006: 100% success" in out
    assert "server #1000002 is off (was initializing)" in out

    (cloud,) = clouds
    assert cloud.log == EXPECTED_REQUESTS
    assert {"create_server", "poweroff_server", "create_server_image"} <= cloud.checked
    # Everything the demo made is gone again; only the seeded system images are left.
    assert (cloud["ssh_keys"], cloud["servers"], cloud["floating_ips"]) == ({}, {}, {})
    assert {image["type"] for image in cloud["images"].values()} == {"system"}
    assert all(action["status"] == "success" for action in cloud["actions"].values())


def test_demo_cleans_up_when_a_step_fails(
    demo: ModuleType, monkeypatch: pytest.MonkeyPatch, capsys: Any
) -> None:
    clouds: list[SpecCheckedCloud] = []

    def failing_cloud() -> SpecCheckedCloud:
        cloud = SpecCheckedCloud()
        cloud.fail_next_actions("create_image", code="image_failed", message="disk busy")
        clouds.append(cloud)
        return cloud

    monkeypatch.setattr(demo, "FakeCloud", failing_cloud)

    assert demo.main() == 1

    out = capsys.readouterr().out
    assert "FAILED: action 1000009 (create_image) failed: image_failed: disk busy" in out
    (cloud,) = clouds
    cloud.clock.advance(60)
    cloud.tick()
    assert cloud["ssh_keys"] == {}
    assert cloud["servers"] == {}


def test_demo_refuses_the_real_api_without_a_token(
    demo: ModuleType, monkeypatch: pytest.MonkeyPatch, capsys: Any
) -> None:
    monkeypatch.delenv("HCLOUD_TOKEN", raising=False)

    def no_client(*args: Any, **kwargs: Any) -> Any:
        raise AssertionError("no client may be built without a token")

    monkeypatch.setattr(demo, "Client", no_client)

    assert demo.main(real=True) == 2
    assert "HCLOUD_TOKEN is not set" in capsys.readouterr().out


# --- the documentation names real methods ---------------------------------------

BOUND = {"server": Server, "fip": FloatingIP, "image": Image, "key": SSHKey, "action": Action}
CLIENT_CALL = re.compile(r"\bclient\.(\w+)\.(\w+)\(")
BOUND_CALL = re.compile(r"(?<![\w.])(server|fip|image|key|action)\.(\w+)\(")


def resource_classes(names: set[str]) -> dict[str, type[Any]]:
    """The resource manager class behind each ``client.<name>``."""
    offline = httpx.MockTransport(lambda request: httpx.Response(500))
    with Client("token", transport=offline) as client:
        return {name: type(getattr(client, name)) for name in names}


def function_rows() -> list[list[str]]:
    text = MIGRATION.read_text().split("## Function by function", 1)[1]
    rows = [
        [cell.strip() for cell in line.strip().strip("|").split(" | ")]
        for line in text.splitlines()
    ]
    return [cells for cells in rows if cells[0].startswith("`(")]


def test_clojure_mapping_covers_every_function_once() -> None:
    functions = [cells[0].removeprefix("`(").split()[0] for cells in function_rows()]

    assert len(functions) == 60
    assert len(set(functions)) == 60
    assert functions == sorted(functions)
    assert all("client." in cells[1] for cells in function_rows())


@pytest.mark.parametrize("doc", [MIGRATION, README], ids=lambda path: path.name)
def test_clojure_mapping_names_exist(doc: Path) -> None:
    text = doc.read_text()
    resources = resource_classes({resource for resource, _ in CLIENT_CALL.findall(text)})
    missing = [
        f"client.{resource}.{method}"
        for resource, method in CLIENT_CALL.findall(text)
        if not hasattr(resources[resource], method)
    ]
    missing += [
        f"{variable}.{method}"
        for variable, method in BOUND_CALL.findall(text)
        if not hasattr(BOUND[variable], method)
    ]

    assert CLIENT_CALL.search(text) is not None
    assert missing == []
