"""What an IDE sees: user code checked by ``mypy --strict``, never run.

Each ``assert_type`` states the type a user's editor shows for an expression.
If a change to the SDK alters what users see, this file stops type-checking.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable, Coroutine, Iterator
from datetime import datetime, timedelta, timezone
from typing import Any

from typing_extensions import assert_type

from hcloud_models import (
    Action,
    Async,
    AsyncClient,
    Client,
    CreateFloatingIPResult,
    FloatingIP,
    Location,
    Page,
    Pricing,
    Server,
    ServerCreate,
    ServerType,
    Sync,
)
from hcloud_models.models.servers import CreateServerResult, ServerMetrics


def sync_usage(client: Client) -> None:
    server = client.servers.get(42)
    assert_type(server, Server)
    assert_type(server, Server[Sync])  # a bare Server means Server[Sync]
    assert_type(server.name, str)
    assert_type(server.labels, dict[str, str])
    assert_type(server.server_type, ServerType)

    maybe = client.servers.get_by_name("web-1")
    assert_type(maybe, Server | None)

    page = client.servers.list(status=["running", "off"], sort="name:asc", per_page=50)
    assert_type(page, Page[Server])
    assert_type(page[0], Server)
    assert_type(client.servers.all(label_selector="env=prod"), Iterator[Server])

    action = server.power_off()
    assert_type(action, Action)
    assert_type(action.wait(timeout=60), Action)
    assert_type(client.actions.wait_all([action, server.power_on()]), list[Action])
    assert_type(server.reload(), Server)

    created = client.servers.create(name="web-1", server_type="cx22", image="ubuntu-24.04")
    assert_type(created, CreateServerResult)
    created_from_model = client.servers.create(
        ServerCreate(name="web-2", server_type="cx22", image="ubuntu-24.04")
    )
    assert_type(created_from_model.root_password, str | None)

    assert_type(client.locations.get(1), Location)
    assert_type(client.pricing.get(), Pricing)


async def async_usage(client: AsyncClient) -> None:
    server = await client.servers.get(42)
    assert_type(server, Server[Async])
    assert_type(server.name, str)

    assert_type(server.power_off, Callable[[], Coroutine[Any, Any, Action[Async]]])
    action = await server.power_off()
    assert_type(await action.wait(), Action[Async])
    assert_type(await client.actions.wait_all([action]), list[Action[Async]])
    assert_type(await server.reload(), Server[Async])

    assert_type(client.servers.all(), AsyncIterator[Server[Async]])
    async for item in client.servers.all(status="running"):
        assert_type(item, Server[Async])

    now = datetime.now(timezone.utc)
    metrics = await client.servers.metrics(42, type="cpu", start=now - timedelta(hours=1), end=now)
    assert_type(metrics, ServerMetrics)

    created = await client.floating_ips.create(type="ipv4", home_location="fsn1")
    assert_type(created, CreateFloatingIPResult[Async])
    assert_type(created.floating_ip, FloatingIP[Async])
    assert_type(await created.floating_ip.assign(server), Action[Async])
