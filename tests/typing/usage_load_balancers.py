"""What an IDE sees for Load Balancers, their types and certificates (checked, never run)."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from datetime import datetime, timedelta, timezone

from typing_extensions import assert_type

from hcloud_models import (
    Action,
    Async,
    AsyncClient,
    Certificate,
    CertificateStatus,
    Client,
    CreateCertificateResult,
    CreateLoadBalancerResult,
    LoadBalancer,
    LoadBalancerAddService,
    LoadBalancerMetrics,
    LoadBalancerServerTarget,
    LoadBalancerService,
    LoadBalancerServiceHTTPS,
    LoadBalancerServiceTCP,
    LoadBalancerTarget,
    LoadBalancerType,
    Location,
    Page,
)

CHECK = {"protocol": "tcp", "port": 80, "interval": 15, "timeout": 10, "retries": 3}


def sync_usage(client: Client) -> None:
    lb = client.load_balancers.get(42)
    assert_type(lb, LoadBalancer)
    assert_type(lb.location, Location)
    assert_type(lb.load_balancer_type, LoadBalancerType)
    assert_type(lb.services, list[LoadBalancerService])
    assert_type(lb.targets, list[LoadBalancerTarget])
    for service in lb.services:
        if isinstance(service, LoadBalancerServiceHTTPS):
            assert_type(service.http.certificates, list[int])
        elif isinstance(service, LoadBalancerServiceTCP):
            assert_type(service.proxyprotocol, bool)
    for target in lb.targets:
        if isinstance(target, LoadBalancerServerTarget):
            assert_type(target.server.id, int)

    assert_type(client.load_balancers.get_by_name("web"), LoadBalancer | None)
    assert_type(client.load_balancers.list(label_selector="env=prod"), Page[LoadBalancer])
    assert_type(client.load_balancers.all(), Iterator[LoadBalancer])

    created = client.load_balancers.create(
        name="web",
        load_balancer_type="lb11",
        location="fsn1",
        services=[
            LoadBalancerAddService(
                protocol="tcp",
                listen_port=22,
                destination_port=22,
                proxyprotocol=False,
                health_check={
                    "protocol": "tcp",
                    "port": 22,
                    "interval": 15,
                    "timeout": 10,
                    "retries": 3,
                },  # type: ignore[arg-type]
            )
        ],
        targets=[{"server": lb}],
    )
    assert_type(created, CreateLoadBalancerResult)
    assert_type(created.load_balancer, LoadBalancer)

    assert_type(lb.add_target(server=7, use_private_ip=True), Action)
    assert_type(lb.remove_target(label_selector="env=prod"), Action)
    assert_type(
        lb.add_service(
            protocol="tcp",
            listen_port=5432,
            destination_port=5432,
            proxyprotocol=False,
            health_check=CHECK,
        ),
        Action,
    )
    assert_type(lb.update_service(listen_port=5432, proxyprotocol=True), Action)
    assert_type(lb.delete_service(listen_port=5432), Action)
    assert_type(lb.change_algorithm(type="least_connections"), Action)
    assert_type(lb.change_type(load_balancer_type="lb21"), Action)
    assert_type(lb.attach_to_network(network=4), Action)
    assert_type(lb.detach_from_network(network=4), Action)
    assert_type(lb.enable_public_interface(), Action)
    assert_type(lb.disable_public_interface(), Action)
    assert_type(lb.change_dns_ptr(ip="1.2.3.4", dns_ptr="lb.example.com"), Action)
    assert_type(lb.change_protection(delete=True), Action)
    assert_type(lb.actions(), Page[Action])
    assert_type(lb.reload(), LoadBalancer)
    assert_type(lb.update(name="web-2"), LoadBalancer)
    assert_type(lb.delete(), None)

    end = datetime.now(timezone.utc)
    metrics = lb.metrics(
        type=["open_connections", "bandwidth"], start=end - timedelta(hours=1), end=end
    )
    assert_type(metrics, LoadBalancerMetrics)
    lb.metrics(type="cpu", start=end, end=end)  # type: ignore[arg-type]  # a server metric

    lbt = client.load_balancer_types.get_by_name("lb11")
    assert_type(lbt, LoadBalancerType | None)
    assert_type(client.load_balancer_types.get(1).max_targets, int)
    assert_type(client.load_balancers.get_action(1), Action)


async def async_usage(client: AsyncClient) -> None:
    lb = await client.load_balancers.get(42)
    assert_type(lb, LoadBalancer[Async])
    assert_type(lb.location, Location[Async])
    assert_type(lb.load_balancer_type, LoadBalancerType[Async])
    assert_type(await lb.add_target(ip="203.0.113.9"), Action[Async])
    assert_type(await lb.enable_public_interface(), Action[Async])
    assert_type(await lb.reload(), LoadBalancer[Async])
    created = await client.load_balancers.create(
        name="web", load_balancer_type="lb11", network_zone="eu-central"
    )
    assert_type(created, CreateLoadBalancerResult[Async])
    assert_type(client.load_balancers.all(), AsyncIterator[LoadBalancer[Async]])
    assert_type(await client.load_balancer_types.list(), Page[LoadBalancerType[Async]])


def certificate_usage(client: Client) -> None:
    created = client.certificates.create(name="web", type="managed", domain_names=["example.com"])
    assert_type(created, CreateCertificateResult)
    assert_type(created.certificate, Certificate)
    assert_type(created.action, Action | None)
    cert = client.certificates.get(1)
    assert_type(cert.not_valid_after, datetime | None)
    assert_type(cert.status, CertificateStatus | None)
    assert_type(cert.retry(), Action)
    assert_type(cert.reload(), Certificate)
    assert_type(cert.actions(), Page[Action])
    assert_type(client.certificates.list(type=["managed"]), Page[Certificate])
    client.certificates.list(type="acme")  # type: ignore[arg-type]


async def async_certificate_usage(client: AsyncClient) -> None:
    cert = await client.certificates.get(1)
    assert_type(cert, Certificate[Async])
    assert_type(await cert.retry(), Action[Async])
    created = await client.certificates.create(name="web", certificate="...", private_key="...")
    assert_type(created, CreateCertificateResult[Async])
