"""The fake cloud's Load Balancers, their types and certificates, driven through the SDK."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from typing import Any

import pytest

from hcloud_models import Client
from hcloud_models.errors import ActionFailed, APIError
from hcloud_models.models.load_balancers import (
    LoadBalancerIPTarget,
    LoadBalancerLabelSelectorTarget,
    LoadBalancerServerTarget,
    LoadBalancerServiceHTTPS,
    LoadBalancerServiceTCP,
)
from tests import spec
from tests.testing.conftest import SpecCheckedCloud

PEM = "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n"
KEY = "-----BEGIN PRIVATE KEY-----\nMIIE\n-----END PRIVATE KEY-----\n"
CHECK = {"protocol": "tcp", "port": 80, "interval": 15, "timeout": 10, "retries": 3}


def tcp(port: int) -> dict[str, Any]:
    return {
        "protocol": "tcp",
        "listen_port": port,
        "destination_port": port,
        "proxyprotocol": False,
        "health_check": {**CHECK, "port": port},
    }


def server(client: Client, name: str, labels: dict[str, str] | None = None) -> Any:
    result = client.servers.create(
        name=name, server_type="cpx22", image="ubuntu-24.04", labels=labels
    )
    result.action.wait()
    client.actions.wait_all(result.next_actions)
    return result.server.reload()


def family_operations(*prefixes: str) -> set[str]:
    """Operations of the family that reply with a JSON body (the fake's replies are checked)."""
    found = set()
    for op, (_, path, operation) in spec.operations().items():
        statuses = [s for s in operation["responses"] if s.startswith("2")]
        if any(path.startswith(p) for p in prefixes) and statuses != ["204"]:
            found.add(op)
    return found


def test_load_balancer_types_match_the_price_list(fake: SpecCheckedCloud) -> None:
    with fake.client() as client:
        types = client.load_balancer_types.list()
        assert [t.name for t in types] == ["lb11", "lb21", "lb31"]
        lb11 = client.load_balancer_types.get_by_name("lb11")
        assert lb11 is not None
        assert lb11.reload() == lb11
        assert lb11.max_services == 5
        priced = {p.name: p.prices for p in client.pricing.get().load_balancer_types}
        assert priced["lb11"] == lb11.prices
        with pytest.raises(APIError) as caught:
            client.load_balancer_types.get(99)
        assert caught.value.code == "not_found"
    assert family_operations("/load_balancer_types") <= fake.checked


def test_certificates_uploaded_managed_and_retried(fake: SpecCheckedCloud) -> None:
    with fake.client() as client:
        uploaded = client.certificates.create(name="up", certificate=PEM, private_key=KEY)
        assert uploaded.action is None
        assert uploaded.certificate.type == "uploaded"
        assert uploaded.certificate.fingerprint is not None

        fake.fail_next_actions("create_certificate")
        managed = client.certificates.create(
            name="managed", type="managed", domain_names=["example.com"]
        )
        cert = managed.certificate
        assert cert.status is not None
        assert cert.status.issuance == "pending"
        assert cert.certificate is None
        assert managed.action is not None
        with pytest.raises(ActionFailed):
            managed.action.wait()
        failed = cert.reload()
        assert failed.status is not None
        assert failed.status.issuance == "failed"
        assert failed.status.error is not None

        failed.retry().wait()
        issued = cert.reload()
        assert issued.status is not None
        assert issued.status.issuance == "completed"
        assert issued.certificate is not None
        assert issued.not_valid_after is not None

        with pytest.raises(APIError) as caught:
            issued.retry()
        assert caught.value.code == "unsupported_error"

        commands = [a.command for a in cert.actions()]
        assert commands == ["create_certificate", "issue_certificate"]
        listed = client.certificates.list_actions(status="error")
        assert [a.command for a in listed] == ["create_certificate"]
        assert client.certificates.get_action(listed[0]).id == listed[0].id
        with pytest.warns(DeprecationWarning, match="get_action"):
            client.certificates.get_action_of(cert, listed[0])

        assert [c.name for c in client.certificates.list(type="managed")] == ["managed"]
        assert client.certificates.get_by_name("up") is not None
        renamed = uploaded.certificate.update(name="up-2", labels={"env": "prod"})
        assert renamed.name == "up-2"
        with pytest.raises(APIError) as caught:
            client.certificates.update(cert, name="up-2")
        assert caught.value.code == "uniqueness_error"
        renamed.delete()
        assert [c.id for c in client.certificates.all()] == [cert.id]
    assert family_operations("/certificates") <= fake.checked


def test_load_balancer_services_targets_and_actions(fake: SpecCheckedCloud) -> None:
    with fake.client() as client:
        web = server(client, "web-1", {"role": "web"})
        web2 = server(client, "web-2", {"role": "web"})
        cert = client.certificates.create(name="c", certificate=PEM, private_key=KEY).certificate

        created = client.load_balancers.create(
            name="front",
            load_balancer_type="lb11",
            location="fsn1",
            services=[tcp(22)],
            targets=[{"server": web}],
            labels={"env": "prod"},
        )
        lb = created.load_balancer
        assert lb.load_balancer_type.name == "lb11"
        # Until it is set up, the Load Balancer is locked (the client retries ``locked``).
        assert fake.is_locked("load_balancer", lb.id)
        created.action.wait()
        assert not fake.is_locked("load_balancer", lb.id)

        assert web.reload().load_balancers == [lb.id]
        lb.add_service(
            protocol="https",
            listen_port=443,
            destination_port=80,
            proxyprotocol=False,
            health_check={**CHECK, "protocol": "http", "http": {"path": "/up"}},
            http={"certificates": [cert.id]},
        ).wait()
        assert [u.id for u in cert.reload().used_by] == [lb.id]
        with pytest.raises(APIError) as caught:
            cert.delete()
        assert caught.value.code == "resource_in_use"
        with pytest.raises(APIError) as caught:
            lb.add_service(tcp(443))
        assert caught.value.code == "source_port_already_used"

        lb.update_service(listen_port=22, destination_port=2222, proxyprotocol=True).wait()
        lb.add_target(label_selector="role=web").wait()
        lb.add_target(ip="203.0.113.9").wait()
        with pytest.raises(APIError) as caught:
            lb.add_target(server=web)
        assert caught.value.code == "target_already_defined"
        with pytest.raises(APIError) as caught:
            lb.add_target(server=web2, use_private_ip=True)
        assert caught.value.code == "load_balancer_not_attached_to_network"

        current = lb.reload()
        ssh, https = current.services
        assert isinstance(ssh, LoadBalancerServiceTCP)
        assert (ssh.destination_port, ssh.proxyprotocol) == (2222, True)
        assert isinstance(https, LoadBalancerServiceHTTPS)
        assert https.http.certificates == [cert.id]
        assert https.health_check.http is not None
        assert https.health_check.http.path == "/up"
        one, selected, ip = current.targets
        assert isinstance(one, LoadBalancerServerTarget)
        assert [h.listen_port for h in one.health_status] == [22, 443]
        assert isinstance(selected, LoadBalancerLabelSelectorTarget)
        assert len(selected.targets) == 2
        assert isinstance(ip, LoadBalancerIPTarget)

        fake.fail_next_actions("remove_target")
        with pytest.raises(ActionFailed):
            lb.remove_target(server=web).wait()
        assert len(lb.reload().targets) == 3
        lb.remove_target(server=web).wait()
        assert web.reload().load_balancers == []
        with pytest.raises(APIError) as caught:
            lb.remove_target(server=web)
        assert caught.value.code == "not_found"

        lb.delete_service(listen_port=443).wait()
        assert cert.reload().used_by == []
        lb.change_algorithm(type="least_connections").wait()
        lb.change_type(load_balancer_type="lb21").wait()
        lb.change_dns_ptr(ip=lb.public_net.ipv4.ip, dns_ptr="lb.example.com").wait()
        assert lb.public_net.ipv6.ip is not None
        lb.change_dns_ptr(ip=lb.public_net.ipv6.ip, dns_ptr="v6.example.com").wait()
        lb.change_dns_ptr({"ip": lb.public_net.ipv6.ip, "dns_ptr": None}).wait()
        current = lb.reload()
        assert current.algorithm.type == "least_connections"
        assert current.load_balancer_type.name == "lb21"
        assert current.public_net.ipv4.dns_ptr == "lb.example.com"
        assert current.public_net.ipv6.dns_ptr is None
        with pytest.raises(APIError) as caught:
            lb.change_dns_ptr(ip="192.0.2.1", dns_ptr="x.example.com")
        assert caught.value.code == "invalid_input"

        with pytest.raises(APIError) as caught:
            lb.disable_public_interface()
        assert caught.value.code == "load_balancer_not_attached_to_network"
        with pytest.raises(APIError) as caught:
            lb.attach_to_network(network=77)
        assert caught.value.code == "invalid_input"
        network = client.networks.create(
            name="n",
            ip_range="10.0.0.0/16",
            subnets=[{"type": "cloud", "network_zone": "eu-central"}],
        )
        lb.attach_to_network(network=network.id).wait()
        assert [(n.network, n.ip) for n in lb.reload().private_net] == [(network.id, "10.0.0.2")]
        lb.disable_public_interface().wait()
        assert lb.reload().public_net.enabled is False
        lb.enable_public_interface().wait()
        lb.detach_from_network(network=network.id).wait()
        assert lb.reload().private_net == []

        end = datetime.now(timezone.utc)
        metrics = lb.metrics(
            type=["open_connections", "bandwidth"],
            start=end - timedelta(minutes=10),
            end=end,
            step=60,
        )
        assert set(metrics.time_series) == {"open_connections", "bandwidth.in", "bandwidth.out"}
        assert len(metrics.time_series["bandwidth.in"].values) == 11

        commands = [a.command for a in lb.actions(sort="id")]
        assert commands[0] == "create_load_balancer"
        assert "change_load_balancer_type" in commands
        running = client.load_balancers.list_actions(status="error")
        assert [a.command for a in running] == ["remove_target"]
        assert client.load_balancers.get_action(running[0]).command == "remove_target"
        with pytest.warns(DeprecationWarning, match="get_action"):
            client.load_balancers.get_action_of(lb, running[0])

        assert [x.name for x in client.load_balancers.list(label_selector="env=prod")] == ["front"]
        assert client.load_balancers.get_by_name("front") is not None
        assert lb.update(name="front-2").name == "front-2"
        lb.change_protection(delete=True).wait()
        with pytest.raises(APIError) as caught:
            lb.delete()
        assert caught.value.code == "protected"
        lb.change_protection(delete=False).wait()
        lb.delete()
        assert list(client.load_balancers.all()) == []
    assert family_operations("/load_balancers") <= fake.checked


def test_create_checks_its_body(fake: SpecCheckedCloud) -> None:
    with fake.client() as client:
        with pytest.raises(APIError) as caught:
            client.load_balancers.create(
                name="x", load_balancer_type="lb99", network_zone="eu-central"
            )
        assert caught.value.code == "invalid_input"
        with pytest.raises(APIError) as caught:
            client.load_balancers.create(
                name="x", load_balancer_type="lb11", location="fsn1", targets=[{"server": 4242}]
            )
        assert caught.value.code == "invalid_input"
        with pytest.raises(APIError) as caught:
            client.load_balancers.create(
                name="x",
                load_balancer_type="lb11",
                location="fsn1",
                services=[tcp(p) for p in range(1, 7)],
            )
        assert caught.value.code == "resource_limit_exceeded"
        lb = client.load_balancers.create(
            name="x", load_balancer_type="lb11", network_zone="us-east"
        ).load_balancer
        assert lb.location.network_zone == "us-east"
        with pytest.raises(APIError) as caught:
            client.load_balancers.create(name="x", load_balancer_type="lb11", location="fsn1")
        assert caught.value.code == "uniqueness_error"
        assert fake["load_balancers"][lb.id]["name"] == "x"


def test_networks_and_load_balancers_see_each_other(fake: SpecCheckedCloud) -> None:
    with fake.client() as client:
        subnet = {"type": "cloud", "network_zone": "eu-central", "ip_range": "10.0.1.0/24"}
        network = client.networks.create(name="n", ip_range="10.0.0.0/16", subnets=[subnet])
        subnet = {"type": "cloud", "network_zone": "eu-central", "ip_range": "10.1.5.0/24"}
        other = client.networks.create(name="m", ip_range="10.1.0.0/16", subnets=[subnet])
        a = client.load_balancers.create(
            name="a", load_balancer_type="lb11", location="fsn1", network=network.id
        ).load_balancer
        assert [(n.network, n.ip) for n in a.private_net] == [(network.id, "10.0.1.1")]
        assert network.reload().load_balancers == [a.id]
        assert client.networks.list()[0].load_balancers == [a.id]
        b = client.load_balancers.create(
            name="b", load_balancer_type="lb11", location="fsn1"
        ).load_balancer
        b.attach_to_network(network=other.id).wait()
        assert [(n.network, n.ip) for n in b.reload().private_net] == [(other.id, "10.1.5.1")]
        assert other.reload().load_balancers == [b.id]

        refused = [
            ({"ip": "10.0.1.1"}, "ip_not_available"),  # a's address
            ({"ip": "10.0.2.7"}, "ip_not_available"),  # in the network, outside the subnet
            ({"ip": "10.0.1.0"}, "ip_not_available"),  # the subnet's own address
            ({"ip": "10.0.1.9", "ip_range": "10.0.1.0/28"}, "no_subnet_available"),
            ({"ip_range": "10.0.9.0/24"}, "no_subnet_available"),
        ]
        for extra, code in refused:
            with pytest.raises(APIError) as caught:
                b.attach_to_network(network=network.id, **extra)
            assert caught.value.code == code, extra
        b.attach_to_network(network=network.id, ip="10.0.1.77", ip_range="10.0.1.0/24").wait()
        assert network.reload().load_balancers == sorted([a.id, b.id])
        assert (network.id, "10.0.1.77") in [(n.network, n.ip) for n in b.reload().private_net]

        network.delete()
        assert a.reload().private_net == []
        assert [n.network for n in b.reload().private_net] == [other.id]
        assert other.reload().load_balancers == [b.id]


def test_a_network_without_a_subnet_in_the_zone_gives_no_address(
    fake: SpecCheckedCloud,
) -> None:
    with fake.client() as client:
        bare = client.networks.create(name="n", ip_range="10.0.0.0/16")
        subnet = {"type": "cloud", "network_zone": "us-east", "ip_range": "10.1.0.0/24"}
        elsewhere = client.networks.create(name="m", ip_range="10.1.0.0/16", subnets=[subnet])
        for network in (bare, elsewhere):
            with pytest.raises(APIError) as caught:
                client.load_balancers.create(
                    name="a", load_balancer_type="lb11", location="fsn1", network=network.id
                )
            assert caught.value.code == "no_subnet_available"
        assert list(client.load_balancers.list()) == []


def test_a_deleted_server_stops_being_a_target(fake: SpecCheckedCloud) -> None:
    with fake.client() as client:
        web = server(client, "web-1")
        created = client.load_balancers.create(
            name="x", load_balancer_type="lb11", location="fsn1", targets=[{"server": web}]
        )
        created.action.wait()
        assert len(created.load_balancer.reload().targets) == 1
        web.delete().wait()
        assert created.load_balancer.reload().targets == []
