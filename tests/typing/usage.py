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
    ISO,
    Action,
    Async,
    AsyncClient,
    Client,
    CreateFloatingIPResult,
    Datacenter,
    EnableRescueResult,
    FloatingIP,
    Image,
    Location,
    Page,
    Pricing,
    Server,
    ServerCreate,
    ServerType,
    SSHKey,
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
    client.servres.list()  # type: ignore[attr-defined]  # a typo is an error, not Any
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


def every_family_sync(client: Client) -> None:
    assert_type(client.images.get(1), Image)
    assert_type(client.images.all(type="snapshot"), Iterator[Image])
    assert_type(client.images.get(1).change_protection(delete=True), Action)
    assert_type(client.images.delete(1), None)
    assert_type(client.floating_ips.get(1).assign(7), Action)
    assert_type(client.floating_ips.get_by_name("ip"), FloatingIP | None)
    assert_type(client.ssh_keys.create(name="k", public_key="ssh-ed25519 AAAA"), SSHKey)
    assert_type(client.ssh_keys.get(1).update(name="k2"), SSHKey)
    assert_type(client.isos.get(1), ISO)
    assert_type(client.server_types.get_by_name("cx22"), ServerType | None)
    assert_type(client.datacenters.list(), Page[Datacenter])
    assert_type(client.locations.all(), Iterator[Location])
    assert_type(client.actions.list_by_ids([1, 2]), Page[Action])
    assert_type(client.servers.actions(1, status="running"), Page[Action])
    assert_type(client.servers.get(1).enable_rescue(), EnableRescueResult)
    assert_type(client.servers.get(1).create_image(type="snapshot").image, Image)


async def every_family_async(client: AsyncClient) -> None:
    assert_type(await client.images.get(1), Image[Async])
    assert_type(await client.images.delete(1), None)
    image = await client.images.get(1)
    assert_type(await image.update(description="x"), Image[Async])
    assert_type(await client.floating_ips.get_by_name("ip"), FloatingIP[Async] | None)
    key = await client.ssh_keys.get(1)
    assert_type(await key.reload(), SSHKey[Async])
    assert_type(await client.isos.get(1), ISO[Async])
    assert_type(await client.server_types.get(1), ServerType[Async])
    assert_type(await client.datacenters.get(1), Datacenter[Async])
    assert_type(await client.locations.get_by_name("fsn1"), Location[Async] | None)
    assert_type(await client.pricing.get(), Pricing)
    rescue = await (await client.servers.get(1)).enable_rescue()
    assert_type(rescue, EnableRescueResult[Async])
    assert_type(rescue.action, Action[Async])


def fake_cloud() -> None:
    """The fake cloud hands out the SDK's own clients."""
    from hcloud_models.testing import FakeClock, FakeCloud, ServedCloud, serve

    fake = FakeCloud()
    assert_type(fake.client(), Client)
    assert_type(fake.async_client(), AsyncClient)
    assert_type(fake.clock, FakeClock)
    fake.clock.advance(30)
    assert_type(fake["servers"], dict[int, dict[str, Any]])
    with serve(fake) as served:
        assert_type(served, ServedCloud)
        assert_type(served.endpoint, str)
