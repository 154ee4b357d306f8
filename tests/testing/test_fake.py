"""The fake cloud's behaviour, through the SDK and through raw requests.

Every reply goes through ``SpecCheckedCloud`` (see ``conftest.py``), so each
test here also checks the bodies against the spec.
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Callable
from typing import Any

import httpx
import pytest

from hcloud_models import Client, RetryPolicy
from hcloud_models.errors import (
    ActionFailed,
    APIError,
    ConnectionLostError,
    InvalidInputError,
    InvalidResponseError,
    LockedError,
    NotFoundError,
    ProtectedError,
    RateLimitExceededError,
    RequestTimeoutError,
    UnauthorizedError,
    UnavailableError,
    UniquenessError,
)
from hcloud_models.testing import FakeCloud, RateLimit
from tests import spec
from tests.testing.conftest import SpecCheckedCloud

KEY = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIK1RD07JloYTZjkdEBCoFcSyLmCR6vhVnUS77n1OvzK/"
OTHER_KEY = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIGa6Dbd0kQlKcV8MsM3PgJ0ENVvqL8dIqU6nmMu2x4Lq"


def raw(fake: FakeCloud, method: str, path: str, **kwargs: Any) -> httpx.Response:
    """One request straight to the fake, bypassing the SDK."""
    headers = kwargs.pop("headers", {"Authorization": "Bearer t"})
    with httpx.Client(transport=fake.transport(), base_url=fake.endpoint) as http:
        return http.request(method, path, headers=headers, **kwargs)


def running_server(client: Client, name: str = "web-1", **kwargs: Any) -> Any:
    result = client.servers.create(name=name, server_type="cpx22", image="ubuntu-24.04", **kwargs)
    result.action.wait()
    client.actions.wait_all(result.next_actions)
    return result.server.reload()


# --- the catalog -----------------------------------------------------------------


def test_catalog_is_seeded_with_prices_per_location(fake: SpecCheckedCloud) -> None:
    with fake.client() as client:
        locations = [loc.name for loc in client.locations.all()]
        cx22 = client.server_types.get_by_name("cx22")
        cpx22 = client.server_types.get_by_name("cpx22")
        pricing = client.pricing.get()
        with pytest.warns(DeprecationWarning, match="datacenters"):
            dc = client.datacenters.get_by_name("fsn1-dc14")
        isos = client.isos.list(architecture="arm")
        ubuntu = client.images.list(name="ubuntu-24.04", architecture="arm")

    assert locations == ["fsn1", "nbg1", "hel1", "ash", "hil", "sin"]
    assert cx22 is not None
    assert [p.location for p in cx22.prices] == ["fsn1", "nbg1", "hel1"]
    assert cpx22 is not None
    assert len(cpx22.prices) == 6
    assert dc is not None
    assert cx22.id in dc.server_types.available
    assert pricing.currency == "EUR"
    assert {t.name for t in pricing.server_types} >= {"cx22", "cpx22", "cax11"}
    assert all(iso.architecture == "arm" for iso in isos)
    assert len(isos) == 2
    assert [image.architecture for image in ubuntu] == ["arm"]


def test_deprecated_images_are_listed_only_on_request(fake: SpecCheckedCloud) -> None:
    with fake.client() as client:
        default = {i.name for i in client.images.all(type="system")}
        everything = {i.name for i in client.images.all(type="system", include_deprecated=True)}
    assert "ubuntu-20.04" not in default
    assert everything - default == {"ubuntu-20.04"}


# --- servers and their actions ------------------------------------------------------


def test_server_status_follows_create_and_start(fake: SpecCheckedCloud) -> None:
    with fake.client() as client:
        result = client.servers.create(name="web-1", server_type="cpx22", image="ubuntu-24.04")
        server = result.server
        assert server.status == "initializing"
        assert server.locked is True
        assert result.root_password  # no SSH key: a password is set
        assert [a.command for a in result.next_actions] == ["start_server"]
        fake.clock.advance(4)
        assert server.reload().status == "starting"
        fake.clock.advance(2)
        now = server.reload()
        assert now.status == "running"
        assert now.locked is False
        assert result.action.reload().progress == 100
        assert result.action.reload().finished is not None


def test_server_without_start_stays_off(fake: SpecCheckedCloud) -> None:
    with fake.client() as client:
        result = client.servers.create(
            name="web-1", server_type="cx22", image="debian-12", start_after_create=False
        )
        result.action.wait()
        assert result.next_actions == []
        assert result.server.reload().status == "off"


@pytest.mark.parametrize(
    ("method", "kwargs", "during", "final", "command"),
    [
        ("power_off", {}, "stopping", "off", "stop_server"),
        ("shutdown", {}, "stopping", "off", "shutdown_server"),
        ("reboot", {}, "starting", "running", "reboot_server"),
        ("reset", {}, "starting", "running", "reset_server"),
        ("rebuild", {"image": "debian-12"}, "rebuilding", "running", "rebuild_server"),
    ],
)
def test_power_actions_move_the_status(
    fake: SpecCheckedCloud,
    method: str,
    kwargs: dict[str, Any],
    during: str,
    final: str,
    command: str,
) -> None:
    with fake.client() as client:
        server = running_server(client)
        reply = getattr(server, method)(**kwargs)
        action = getattr(reply, "action", reply)
        assert action.status == "running"
        assert server.reload().status == during
        action.wait()
        assert server.reload().status == final
        assert action.reload().command == command


def test_rebuild_changes_the_image_and_returns_a_password(fake: SpecCheckedCloud) -> None:
    with fake.client() as client:
        server = running_server(client)
        reply = server.rebuild(image="debian-12")
        reply.action.wait()
        assert reply.root_password
        assert server.reload().image.name == "debian-12"


def test_every_other_server_action(fake: SpecCheckedCloud) -> None:
    with fake.client() as client:
        server = running_server(client)
        server.power_off().wait()
        server.change_type(server_type="cpx32", upgrade_disk=True).wait()
        server = server.reload()
        assert (server.server_type.name, server.primary_disk_size) == ("cpx32", 160.0)
        server.power_on().wait()
        assert server.reload().status == "running"
        rescue = server.enable_rescue(type="linux64")
        rescue.action.wait()
        assert rescue.root_password
        assert server.reload().rescue_enabled is True
        server.disable_rescue().wait()
        assert server.reload().rescue_enabled is False
        server.enable_backup().wait()
        assert server.reload().backup_window == "22-02"
        server.disable_backup().wait()
        assert server.reload().backup_window is None
        server.attach_iso(iso="debian-12.7.0-amd64-netinst.iso").wait()
        assert server.reload().iso.name == "debian-12.7.0-amd64-netinst.iso"
        server.detach_iso().wait()
        assert server.reload().iso is None
        ip = server.public_net.ipv4.ip
        server.change_dns_ptr(ip=ip, dns_ptr="web-1.example.com").wait()
        assert server.reload().public_net.ipv4.dns_ptr == "web-1.example.com"
        password = server.reset_password()
        password.action.wait()
        assert password.root_password
        console = server.request_console()
        assert console.wss_url.startswith("wss://")
        console.action.wait()
        server.change_protection(delete=True, rebuild=True).wait()
        with pytest.raises(ProtectedError):
            server.delete()
        server.change_protection(delete=False, rebuild=False).wait()
        server.update(name="web-2", labels={"env": "test"})
        assert server.reload().name == "web-2"
        commands = [a.command for a in client.servers.actions(server.id)]
        assert "change_server_type" in commands
        assert "enable_rescue" in commands


def test_change_type_needs_a_stopped_server(fake: SpecCheckedCloud) -> None:
    with fake.client() as client:
        server = running_server(client)
        with pytest.raises(InvalidInputError) as error:
            server.change_type(server_type="cax11", upgrade_disk=True)
        assert error.value.code == "invalid_input"
        with pytest.raises(Exception, match="server_not_stopped"):
            server.change_type(server_type="cpx32", upgrade_disk=True)


def test_snapshot_of_a_server_is_an_image(fake: SpecCheckedCloud) -> None:
    with fake.client() as client:
        server = running_server(client)
        made = server.create_image(description="before upgrade", labels={"kind": "snap"})
        assert made.image.status == "creating"
        assert made.image.created_from.id == server.id
        made.action.wait()
        image = made.image.reload()
        assert image.status == "available"
        assert image.type == "snapshot"
        assert image.image_size is not None
        assert [i.id for i in client.images.list(type="snapshot")] == [image.id]
        image.update(description="kept")
        assert client.images.get(image.id).description == "kept"
        image.change_protection(delete=True).wait()
        with pytest.raises(ProtectedError):
            image.delete()
        image.change_protection(delete=False).wait()
        image.delete()
        with pytest.raises(NotFoundError):
            client.images.get(image.id)


def test_system_images_cannot_be_deleted(fake: SpecCheckedCloud) -> None:
    with fake.client() as client:
        image = client.images.get_by_name("ubuntu-24.04", architecture="x86")
        assert image is not None
        with pytest.raises(Exception, match="forbidden"):
            image.delete()


def test_delete_server_runs_an_action_then_it_is_gone(fake: SpecCheckedCloud) -> None:
    with fake.client() as client:
        server = running_server(client)
        action = server.delete()
        assert server.reload().status == "deleting"
        action.wait()
        with pytest.raises(NotFoundError):
            server.reload()


def test_metrics(fake: SpecCheckedCloud) -> None:
    from datetime import datetime, timedelta, timezone

    with fake.client() as client:
        server = running_server(client)
        end = datetime(2026, 1, 1, 1, tzinfo=timezone.utc)
        metrics = server.metrics(type=["cpu"], start=end - timedelta(hours=1), end=end)
    assert "cpu" in metrics.time_series
    assert len(metrics.time_series["cpu"].values) > 10


# --- Floating IPs and SSH keys -------------------------------------------------------


def test_floating_ip_assign_unassign_dns_and_protection(fake: SpecCheckedCloud) -> None:
    with fake.client() as client:
        server = running_server(client)
        made = client.floating_ips.create(type="ipv4", home_location="fsn1", name="front")
        fip = made.floating_ip
        assert made.action is None
        fip.assign(server).wait()
        assert fip.reload().server == server.id
        assert server.reload().public_net.floating_ips == [fip.id]
        fip.change_dns_ptr(ip=fip.ip, dns_ptr="front.example.com").wait()
        assert fip.reload().dns_ptr[0].dns_ptr == "front.example.com"
        fip.unassign().wait()
        assert fip.reload().server is None
        assert server.reload().public_net.floating_ips == []
        assert [a.command for a in fip.actions()] == [
            "assign_floating_ip",
            "change_dns_ptr",
            "unassign_floating_ip",
        ]
        assert len(client.floating_ips.list_actions()) == 3
        fip.update(description="the front door")
        with pytest.raises(UniquenessError):
            client.floating_ips.create(type="ipv6", home_location="fsn1", name="front")
        fip.change_protection(delete=True).wait()
        with pytest.raises(ProtectedError):
            fip.delete()
        fip.change_protection(delete=False).wait()
        fip.delete()
        assert list(client.floating_ips.list()) == []


def test_floating_ip_created_for_a_server_is_assigned(fake: SpecCheckedCloud) -> None:
    with fake.client() as client:
        server = running_server(client)
        made = client.floating_ips.create(type="ipv6", server=server.id)
        assert made.action is not None
        made.action.wait()
        fip = made.floating_ip.reload()
        assert fip.server == server.id
        assert fip.home_location.name == "fsn1"


def test_ssh_keys_are_unique_by_name_and_fingerprint(fake: SpecCheckedCloud) -> None:
    with fake.client() as client:
        key = client.ssh_keys.create(name="laptop", public_key=KEY)
        with pytest.raises(UniquenessError) as by_name:
            client.ssh_keys.create(name="laptop", public_key=OTHER_KEY)
        with pytest.raises(UniquenessError) as by_print:
            client.ssh_keys.create(name="other", public_key=KEY)
        found = client.ssh_keys.list(fingerprint=key.fingerprint)
        key.update(name="desk")
        assert client.ssh_keys.get_by_name("desk") is not None
    assert by_name.value.details["fields"] == [{"name": "name"}]
    assert by_print.value.details["fields"] == [{"name": "public_key"}]
    assert [k.id for k in found] == [key.id]


# --- errors ----------------------------------------------------------------------------


def test_invalid_input_names_every_field(fake: SpecCheckedCloud) -> None:
    reply = raw(fake, "POST", "/servers", json={"name": "bad name!", "image": 5})
    error = reply.json()["error"]
    assert reply.status_code == 422
    assert error["code"] == "invalid_input"
    names = {item["name"] for item in error["details"]["fields"]}
    assert names == {"name", "server_type"}
    assert fake.refused == ["POST /servers: 'server_type' is a required property"]


def test_unknown_references_are_invalid_input(fake: SpecCheckedCloud) -> None:
    with fake.client() as client, pytest.raises(InvalidInputError) as error:
        client.servers.create(name="web", server_type="cx999", image="ubuntu-24.04")
    assert "server_type" in error.value.fields


def test_not_found_method_not_allowed_and_json_error(fake: SpecCheckedCloud) -> None:
    missing = raw(fake, "GET", "/servers/424242")
    unknown = raw(fake, "GET", "/nothing/here")
    wrong_method = raw(fake, "PATCH", "/servers")
    wrong_action_method = raw(fake, "GET", "/servers/1/actions/poweroff")
    broken = raw(fake, "POST", "/ssh_keys", content=b"{not json")
    assert (missing.status_code, missing.json()["error"]["code"]) == (404, "not_found")
    assert (unknown.status_code, unknown.json()["error"]["code"]) == (404, "not_found")
    assert wrong_method.status_code == 405
    assert wrong_method.json()["error"]["code"] == "method_not_allowed"
    assert wrong_action_method.status_code == 405
    assert (broken.status_code, broken.json()["error"]["code"]) == (400, "json_error")


def test_unauthorized_without_a_known_token() -> None:
    fake = SpecCheckedCloud(tokens={"good"})
    with fake.client("bad") as client, pytest.raises(UnauthorizedError):
        client.locations.list()
    none = raw(fake, "GET", "/locations", headers={})
    with fake.client("good") as client:
        assert len(client.locations.list()) == 6
    assert none.status_code == 401
    anything = SpecCheckedCloud()
    assert raw(anything, "GET", "/locations", headers={}).status_code == 401
    assert raw(anything, "GET", "/locations").status_code == 200


def test_locked_while_an_action_runs(fake: SpecCheckedCloud) -> None:
    no_retry = RetryPolicy.disabled()
    with fake.client(retry=no_retry) as client:
        made = client.servers.create(name="web-1", server_type="cpx22", image="ubuntu-24.04")
        with pytest.raises(LockedError):
            made.server.power_off()
    with fake.client() as client:
        # the default policy retries 423 after sleeping on the fake clock
        action = client.servers.power_off(made.server.id)
        action.wait()
        assert client.servers.get(made.server.id).status == "off"


def test_chosen_action_ends_in_error(fake: SpecCheckedCloud) -> None:
    with fake.client() as client:
        server = running_server(client)
        fake.fail_next_actions("stop_server", code="server_error", message="hardware fault")
        with pytest.raises(ActionFailed) as failed:
            server.power_off().wait()
        assert failed.value.code == "server_error"
        assert failed.value.action.status == "error"
        assert server.reload().status == "running"
        action = server.reboot()
        fake.fail_action(action.id, code="timeout", message="too slow")
        with pytest.raises(ActionFailed, match="timeout"):
            action.wait()


# --- lists -------------------------------------------------------------------------------


def test_pagination_meta_and_link_header(fake: SpecCheckedCloud) -> None:
    with fake.client() as client:
        for n in range(60):
            client.ssh_keys.create(name=f"key-{n:02d}", public_key=f"ssh-ed25519 AAAA{n:04d}")
        everything = list(client.ssh_keys.all())
    reply = raw(fake, "GET", "/ssh_keys", params={"page": 2, "per_page": 25, "sort": "name"})
    body = reply.json()
    assert len(everything) == 60
    assert [k["name"] for k in body["ssh_keys"]] == [f"key-{n:02d}" for n in range(25, 50)]
    assert body["meta"]["pagination"] == {
        "page": 2,
        "per_page": 25,
        "previous_page": 1,
        "next_page": 3,
        "last_page": 3,
        "total_entries": 60,
    }
    links = reply.headers["Link"]
    assert 'page=1&per_page=25>; rel="prev"' in links
    assert 'page=3&per_page=25>; rel="next"' in links
    assert 'rel="last"' in links
    assert "sort=name" in links
    too_big = raw(fake, "GET", "/ssh_keys", params={"per_page": 51})
    assert too_big.status_code == 422
    assert too_big.json()["error"]["details"]["fields"][0]["name"] == "per_page"


@pytest.mark.parametrize("param", ["page", "per_page"])
def test_zero_page_or_per_page_is_invalid_input(fake: SpecCheckedCloud, param: str) -> None:
    reply = raw(fake, "GET", "/ssh_keys", params={param: 0})
    assert reply.status_code == 422
    assert reply.json()["error"]["code"] == "invalid_input"
    assert [f["name"] for f in reply.json()["error"]["details"]["fields"]] == [param]


LABELS = {
    "a": {"env": "prod", "tier": "web"},
    "b": {"env": "prod", "tier": "db"},
    "c": {"env": "staging"},
    "d": {},
}


@pytest.mark.parametrize(
    ("selector", "expected"),
    [
        ("env=prod", "ab"),
        ("env==prod", "ab"),
        ("env!=prod", "cd"),
        ("tier", "ab"),
        ("!tier", "cd"),
        ("env in (prod,staging)", "abc"),
        ("env notin (prod)", "cd"),
        ("env=prod,tier!=db", "a"),
        ("env in (prod, staging),!tier", "c"),
    ],
)
def test_label_selectors(fake: SpecCheckedCloud, selector: str, expected: str) -> None:
    with fake.client() as client:
        for n, (name, labels) in enumerate(LABELS.items()):
            client.ssh_keys.create(name=name, public_key=f"ssh-ed25519 AAAA{n:04d}", labels=labels)
        found = client.ssh_keys.list(label_selector=selector)
    assert "".join(k.name for k in found) == expected


def test_bad_selector_and_sort_are_invalid_input(fake: SpecCheckedCloud) -> None:
    with fake.client() as client:
        with pytest.raises(InvalidInputError) as selector:
            client.ssh_keys.list(label_selector="env in (a")
        with pytest.raises(InvalidInputError) as sort:
            client.ssh_keys.list(sort="fingerprint")
    assert "label_selector" in selector.value.fields
    assert "sort" in sort.value.fields


def test_sort_is_repeatable_with_directions(fake: SpecCheckedCloud) -> None:
    with fake.client() as client:
        for name in ("b", "a", "c"):
            fake.clock.advance(1)
            client.ssh_keys.create(name=name, public_key=f"ssh-ed25519 AAAA{name * 4}")
        by_name = [k.name for k in client.ssh_keys.list(sort="name:desc")]
        by_id = [k.name for k in client.ssh_keys.list(sort=["id:desc"])]
        servers = [running_server(client, name) for name in ("x", "y")]
        servers[0].power_off().wait()
        off = client.servers.list(status=["off"])
        both = client.servers.list(sort=["created:desc", "name:asc"])
    assert by_name == ["c", "b", "a"]
    assert by_id == ["c", "a", "b"]
    assert [s.name for s in off] == ["x"]
    assert [s.name for s in both] == ["y", "x"]


def test_actions_by_id_and_status(fake: SpecCheckedCloud) -> None:
    with fake.client() as client:
        made = client.servers.create(name="web-1", server_type="cpx22", image="ubuntu-24.04")
        ids = [made.action.id, made.next_actions[0].id]
        both = client.actions.list_by_ids(ids)
        assert [a.command for a in both] == ["create_server", "start_server"]
        fake.clock.advance(10)
        assert {a.status for a in client.actions.list_by_ids(ids)} == {"success"}
        running = client.servers.list_actions(status=["running"])
        assert list(running) == []
        assert client.actions.get(ids[0]).progress == 100
    assert raw(fake, "GET", "/actions").status_code == 422


# --- rate limit and faults ----------------------------------------------------------------


def test_rate_limit_headers_refill_and_429() -> None:
    fake = SpecCheckedCloud(rate_limit=RateLimit(limit=3, per_second=1.0))
    first = raw(fake, "GET", "/locations")
    assert first.headers["RateLimit-Limit"] == "3"
    assert first.headers["RateLimit-Remaining"] == "2"
    assert int(first.headers["RateLimit-Reset"]) == int(fake.clock.now()) + 1
    raw(fake, "GET", "/locations")
    raw(fake, "GET", "/locations")
    limited = raw(fake, "GET", "/locations")
    assert limited.status_code == 429
    assert limited.json()["error"]["code"] == "rate_limit_exceeded"
    assert limited.headers["RateLimit-Remaining"] == "0"
    fake.clock.advance(1)
    assert raw(fake, "GET", "/locations").status_code == 200
    no_retry = RetryPolicy.disabled()
    with fake.client(retry=no_retry) as client, pytest.raises(RateLimitExceededError):
        client.locations.list()
    with fake.client() as client:  # waits for RateLimit-Reset on the fake clock
        assert len(client.locations.list()) == 6


def test_unauthenticated_requests_spend_no_rate_limit() -> None:
    fake = SpecCheckedCloud(tokens={"good"}, rate_limit=RateLimit(limit=2, per_second=1.0))
    for headers in ({}, {"Authorization": "Bearer bad"}, {}, {"Authorization": "Bearer bad"}):
        assert raw(fake, "GET", "/locations", headers=headers).status_code == 401
    assert fake.rate_limit.remaining(fake.clock.now()) == 2
    good = raw(fake, "GET", "/locations", headers={"Authorization": "Bearer good"})
    assert good.status_code == 200
    assert good.headers["RateLimit-Remaining"] == "1"


def test_default_rate_limit_is_the_apis() -> None:
    fake = FakeCloud()
    reply = raw(fake, "GET", "/pricing")
    assert reply.headers["RateLimit-Limit"] == "3600"
    assert reply.headers["RateLimit-Remaining"] == "3599"


def test_injected_errors_match_method_and_path(fake: SpecCheckedCloud) -> None:
    fake.inject(status=503, code="unavailable", count=2, method="GET", path="/locations")
    assert raw(fake, "GET", "/datacenters").status_code == 200
    assert raw(fake, "GET", "/locations").status_code == 503
    with fake.client(retry=RetryPolicy.disabled()) as client:
        with pytest.raises(UnavailableError):
            client.locations.list()
        assert len(client.locations.list()) == 6
    assert fake.faults == []


def test_injected_faults_reach_the_sdk(fake: SpecCheckedCloud) -> None:
    no_retry = RetryPolicy.disabled()
    with fake.client(retry=no_retry) as client:
        fake.inject("garbage", status=200, path="/locations")
        with pytest.raises(InvalidResponseError):
            client.locations.list()
        fake.inject("drop", path="/servers*")
        with pytest.raises(ConnectionLostError):
            client.servers.list()
        fake.inject("stall", seconds=120)
        before = fake.clock.now()
        with pytest.raises(RequestTimeoutError):
            client.pricing.get()
        assert fake.clock.now() - before == 30
    with fake.client() as client:
        fake.inject("drop", count=2, method="GET")
        assert len(client.locations.list()) == 6  # GET is retried


def test_async_client(fake: SpecCheckedCloud) -> None:
    async def walk() -> str:
        async with fake.async_client() as client:
            made = await client.servers.create(
                name="async-1", server_type="cax11", image="ubuntu-24.04"
            )
            await made.action.wait()
            await client.actions.wait_all(made.next_actions)
            server = await made.server.reload()
            await (await server.power_off()).wait()
            return (await server.reload()).status

    assert asyncio.run(walk()) == "off"


# --- coverage of the spec ------------------------------------------------------------------

FAMILIES = (
    "actions",
    "certificates",
    "datacenters",
    "firewalls",
    "floating_ips",
    "images",
    "isos",
    "load_balancer_types",
    "load_balancers",
    "locations",
    "networks",
    "placement_groups",
    "pricing",
    "primary_ips",
    "server_types",
    "servers",
    "ssh_keys",
    "volumes",
    "zones",
)


def test_every_route_is_an_operation_of_the_spec() -> None:
    known = {(m, p) for name in ("hcloud", "hetzner") for m, p, _ in spec.operations(name).values()}
    routes = set(FakeCloud().operations)
    assert routes - known == set()


def test_families_are_complete() -> None:
    """The families listed are served, and every family served is served whole."""
    routes = set(FakeCloud().operations)
    served = {path.split("/")[1] for _, path in routes}
    wanted = {
        (method, path)
        for name in ("hcloud", "hetzner")
        for method, path, _ in spec.operations(name).values()
        if path.split("/")[1] in served | set(FAMILIES)
    }
    assert set(FAMILIES) <= served
    assert wanted - routes == set()


def test_remaining_reads_and_actions(fake: SpecCheckedCloud) -> None:
    """Single-object reads and action lookups of each family, schema-checked."""
    with fake.client() as client:
        assert client.locations.get(1).name == "fsn1"
        assert client.server_types.get(104).name == "cx22"
        assert client.isos.get(1001).architecture == "x86"
        with pytest.warns(DeprecationWarning, match="datacenters"):
            assert client.datacenters.get(4).name == "fsn1-dc14"
        key = client.ssh_keys.create(name="k", public_key=KEY)
        assert client.ssh_keys.get(key.id).fingerprint == key.fingerprint
        server = running_server(client)
        create = client.servers.actions(server.id, sort="id")[0]
        assert client.servers.get_action(create.id).command == "create_server"
        with pytest.warns(DeprecationWarning, match="deprecated"):
            assert client.servers.get_action_of(server.id, create.id).id == create.id
        made = server.create_image(type="snapshot")
        made.action.wait()
        image = made.image.reload()
        image.change_protection(delete=False).wait()
        (protect,) = client.images.actions(image.id)
        assert client.images.get_action(protect.id).command == "change_protection"
        with pytest.warns(DeprecationWarning, match="deprecated"):
            assert client.images.get_action_of(image.id, protect.id).id == protect.id
        assert [a.id for a in client.images.list_actions()] == [protect.id]
        fip = client.floating_ips.create(type="ipv4", home_location="fsn1").floating_ip
        assign = fip.assign(server)
        assert client.floating_ips.get_action(assign.id).command == "assign_floating_ip"
        with pytest.warns(DeprecationWarning, match="deprecated"):
            assert client.floating_ips.get_action_of(fip.id, assign.id).id == assign.id
        with pytest.raises(NotFoundError):
            client.floating_ips.get_action(create.id)  # a server action


def test_networks_and_placement_groups_seen_from_the_server(fake: SpecCheckedCloud) -> None:
    """The server side of networks and placement groups (their families own the rest)."""
    fake["placement_groups"][9] = {
        "id": 9,
        "name": "spread",
        "labels": {},
        "type": "spread",
        "created": fake.now_iso(),
        "servers": [],
    }
    with fake.client() as client:
        net = client.networks.create(
            name="net",
            ip_range="10.0.0.0/16",
            subnets=[{"type": "cloud", "network_zone": "eu-central"}],
        ).id
        bare = client.networks.create(name="bare", ip_range="10.1.0.0/16").id
        server = running_server(client)
        with pytest.raises(InvalidInputError):
            server.attach_to_network(network=8)
        with pytest.raises(APIError) as caught:
            server.attach_to_network(network=bare)
        assert caught.value.code == "no_subnet_available"
        server.attach_to_network(network=net, ip="10.0.0.5").wait()
        assert [(n.network, n.ip) for n in server.reload().private_net] == [(net, "10.0.0.5")]
        assert fake["networks"][net]["servers"] == [server.id]
        server.change_alias_ips(network=net, alias_ips=["10.0.0.6"]).wait()
        assert server.reload().private_net[0].alias_ips == ["10.0.0.6"]
        other = client.servers.create(name="other", server_type="cpx22", image="ubuntu-24.04")
        with pytest.raises(APIError) as caught:
            other.server.attach_to_network(network=net, ip="10.0.0.6")
        assert caught.value.code == "ip_not_available"
        fake.clock.advance(60)
        other.server.attach_to_network(network=net).wait()  # the next free address
        assert [n.ip for n in other.server.reload().private_net] == ["10.0.0.2"]
        server.detach_from_network(network=net).wait()
        assert server.reload().private_net == []
        server.power_off().wait()
        server.add_to_placement_group(placement_group=9).wait()
        assert server.reload().placement_group.id == 9
        assert fake["placement_groups"][9]["servers"] == [server.id]
        server.remove_from_placement_group().wait()
        assert server.reload().placement_group is None
    assert fake["placement_groups"][9]["servers"] == []


def test_literal_routes_win_over_templates() -> None:
    fake = FakeCloud()

    @fake.route("GET", "/things/{id_or_name}")
    def one(req: Any, id_or_name: str) -> Any:
        return {"thing": id_or_name}

    @fake.route("GET", "/things/actions")
    def actions(req: Any) -> Any:
        return {"actions": []}

    assert raw(fake, "GET", "/things/actions").json() == {"actions": []}
    assert raw(fake, "GET", "/things/web").json() == {"thing": "web"}
    assert raw(fake, "DELETE", "/things/web").status_code == 405


def test_public_mutators_wait_for_the_lock_that_served_requests_hold() -> None:
    fake = FakeCloud()
    action = fake.start_action("stop_server", [("server", 1)], family="servers", duration=5.0)
    calls: dict[str, Callable[[], object]] = {
        "tick": fake.tick,
        "inject": lambda: fake.inject("error", path="/pricing"),
        "fail_next_actions": lambda: fake.fail_next_actions("start_server"),
        "fail_action": lambda: fake.fail_action(action["id"]),
        "on_action_end": lambda: fake.on_action_end(action["id"]),
        "start_action": lambda: fake.start_action("x", [("server", 2)], family="servers"),
        "is_locked": lambda: fake.is_locked("server", 1),
    }
    for name, call in calls.items():
        held, release = threading.Event(), threading.Event()

        def hold(held: threading.Event = held, release: threading.Event = release) -> None:
            with fake.lock:
                held.set()
                release.wait(5)

        holder = threading.Thread(target=hold)
        holder.start()
        held.wait(5)
        caller = threading.Thread(target=call)
        caller.start()
        caller.join(0.1)
        assert caller.is_alive(), f"{name} ran while another thread held the lock"
        release.set()
        caller.join(5)
        holder.join(5)
        assert not caller.is_alive()
    assert fake.faults[0].path == "/pricing"
