"""The offline demo, its stand-in API, and the names the docs promise.

The demo and its stand-in live in ``examples/`` (not a package); they are
loaded from their files the way ``python examples/demo.py`` would run them.
"""

from __future__ import annotations

import asyncio
import importlib.util
import re
from pathlib import Path
from types import ModuleType
from typing import Any

import httpx
import pytest

from hcloud_models import Action, AsyncClient, Client, FloatingIP, Image, Server, SSHKey
from hcloud_models.errors import NotFoundError

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
EXPECTED_REQUESTS = [
    "POST /ssh_keys",
    "POST /servers",
    *[POLL] * 4,  # create_server, then start_server: two polls each
    "POST /servers/1002/actions/poweroff",
    *[POLL] * 2,
    "GET /servers/1002",
    "POST /servers/1002/actions/create_image",
    *[POLL] * 2,
    "POST /floating_ips",
    "POST /floating_ips/1008/actions/assign",
    *[POLL] * 2,
    "POST /floating_ips/1008/actions/unassign",
    *[POLL] * 2,
    "DELETE /floating_ips/1008",
    "DELETE /images/1006",
    "DELETE /servers/1002",
    *[POLL] * 2,
    "DELETE /ssh_keys/1001",
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


@pytest.fixture
def offline(monkeypatch: pytest.MonkeyPatch) -> ModuleType:
    return load_example("offline", monkeypatch)


def test_demo_runs_offline(
    demo: ModuleType, offline: ModuleType, monkeypatch: pytest.MonkeyPatch, capsys: Any
) -> None:
    clouds: list[Any] = []

    def recording_cloud() -> Any:
        cloud = offline.OfflineCloud()
        clouds.append(cloud)
        return cloud

    monkeypatch.setattr(demo, "OfflineCloud", recording_cloud)
    monkeypatch.delenv("HCLOUD_TOKEN", raising=False)

    assert demo.main() == 0

    out = capsys.readouterr().out
    positions = [out.index(title) for title in STEPS]
    assert positions == sorted(positions)
    assert re.findall(r"-> (\d+) requests?", out) == ["1", "5", "4", "3", "7", "6"]
    assert "Done: 26 requests in all." in out
    # progress is reported as it changes: 0 % at creation, then 50 % and 100 %
    assert "create_server #1003:   0% running" in out
    assert "create_server #1003:  50% running" in out
    assert "create_server #1003: 100% success" in out
    assert "server #1002 is off" in out

    (cloud,) = clouds
    assert cloud.requests == 26
    assert cloud.log == EXPECTED_REQUESTS
    # Everything the demo made is gone again; only the system image is left.
    assert (cloud.ssh_keys, cloud.servers, cloud.floating_ips) == ({}, {}, {})
    assert [image["name"] for image in cloud.images.values()] == ["ubuntu-24.04"]


def test_demo_refuses_the_real_api_without_a_token(
    demo: ModuleType, monkeypatch: pytest.MonkeyPatch, capsys: Any
) -> None:
    monkeypatch.delenv("HCLOUD_TOKEN", raising=False)

    def no_client(*args: Any, **kwargs: Any) -> Any:
        raise AssertionError("no client may be built without a token")

    monkeypatch.setattr(demo, "Client", no_client)

    assert demo.main(real=True) == 2
    assert "HCLOUD_TOKEN is not set" in capsys.readouterr().out


def test_offline_cloud_answers_unknown_requests_with_not_found(offline: ModuleType) -> None:
    cloud = offline.OfflineCloud()
    with Client("token", transport=httpx.MockTransport(cloud.handle)) as client:
        with pytest.raises(NotFoundError) as missing_server:
            client.servers.get(999)
        with pytest.raises(NotFoundError):
            client.isos.list()

    assert missing_server.value.status == 404
    assert cloud.log == ["GET /servers/999", "GET /isos"]


def test_offline_cloud_serves_the_async_client(offline: ModuleType) -> None:
    cloud = offline.OfflineCloud()
    key_text = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIK1RD07JloYTZjkdEBCoFcSyLmCR6vhVnUS77n1OvzK/"

    async def upload() -> SSHKey[Any]:
        transport = httpx.MockTransport(cloud.handle_async)
        async with AsyncClient("token", transport=transport) as client:
            key = await client.ssh_keys.create({"name": "laptop", "public-key": key_text})
            await key.delete()
            return key

    key = asyncio.run(upload())

    assert key.name == "laptop"
    assert key.fingerprint.count(":") == 15
    assert cloud.log == ["POST /ssh_keys", f"DELETE /ssh_keys/{key.id}"]
    assert cloud.ssh_keys == {}


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
