"""``client.networks`` and bound networks: requests sent, replies read, payloads checked."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from hcloud_models.models.actions import Action
from hcloud_models.models.networks import (
    Network,
    NetworkAddRoute,
    NetworkAddSubnet,
    NetworkRoute,
    NetworkSubnet,
)
from hcloud_models.models.page import Page
from tests import spec
from tests.conftest import Api, Recorder
from tests.helpers import (
    assert_sent,
    bound_methods_test,
    refused_before_sending_test,
    reply_to,
)

NET = 4711  # the id in the spec's example network


def assert_action(action: Any) -> None:
    assert isinstance(action, Action)
    assert action.id == 42
    assert action.is_bound


# --- the network itself -------------------------------------------------------


def test_list(api: Api, recorder: Recorder) -> None:
    reply_to(recorder, "list_networks")
    page = api.run(
        lambda c: c.networks.list(
            name="mynet", label_selector="env!=dev", sort=["name:asc"], page=1, per_page=25
        )
    )
    assert_sent(
        recorder,
        "list_networks",
        "/networks",
        [
            ("name", "mynet"),
            ("label_selector", "env!=dev"),
            ("sort", "name:asc"),
            ("page", "1"),
            ("per_page", "25"),
        ],
    )
    assert isinstance(page, Page)
    network = page[0]
    assert isinstance(network, Network)
    assert network.id == NET
    assert network.is_bound


def test_get(api: Api, recorder: Recorder) -> None:
    reply_to(recorder, "get_network")
    network = api.run(lambda c: c.networks.get(NET))
    assert_sent(recorder, "get_network", f"/networks/{NET}")
    assert isinstance(network, Network)
    assert network.name == "mynet"
    assert network.ip_range == "10.0.0.0/16"
    assert network.subnets == [
        NetworkSubnet(
            type="cloud",
            ip_range="10.0.1.0/24",
            network_zone="eu-central",
            gateway="10.0.0.1",
            vswitch_id=1000,
        )
    ]
    assert network.routes == [NetworkRoute(destination="10.100.1.0/24", gateway="10.0.1.1")]
    assert network.servers == [42]
    assert network.load_balancers == [42]
    assert network.protection.delete is False
    assert network.expose_routes_to_vswitch is False
    assert network.is_bound


def test_get_reads_subnets_without_range_or_vswitch(api: Api, recorder: Recorder) -> None:
    reply = spec.example_reply("get_network")
    subnet = reply["network"]["subnets"][0]
    del subnet["ip_range"]
    subnet["vswitch_id"] = None
    subnet["type"] = "vpc"  # a kind added later is kept
    del reply["network"]["load_balancers"]
    recorder.reply(reply)
    network = api.run(lambda c: c.networks.get(NET))
    assert network.subnets[0].ip_range is None
    assert network.subnets[0].vswitch_id is None
    assert network.subnets[0].type == "vpc"
    assert network.load_balancers is None


def test_create_with_subnets_and_routes(api: Api, recorder: Recorder) -> None:
    reply_to(recorder, "create_network")
    network = api.run(
        lambda c: c.networks.create(
            name="mynet",
            ip_range="10.0.0.0/16",
            subnets=[
                {"type": "cloud", "network-zone": "eu-central", "ip_range": "10.0.1.0/24"},
                NetworkAddSubnet(type="vswitch", network_zone="eu-central", vswitch_id=1000),
            ],
            routes=[NetworkAddRoute(destination="10.100.1.0/24", gateway="10.0.1.1")],
            expose_routes_to_vswitch=True,
            labels={"env": "prod"},
        )
    )
    assert_sent(
        recorder,
        "create_network",
        "/networks",
        body={
            "name": "mynet",
            "ip_range": "10.0.0.0/16",
            "subnets": [
                {"type": "cloud", "network_zone": "eu-central", "ip_range": "10.0.1.0/24"},
                {"type": "vswitch", "network_zone": "eu-central", "vswitch_id": 1000},
            ],
            "routes": [{"destination": "10.100.1.0/24", "gateway": "10.0.1.1"}],
            "expose_routes_to_vswitch": True,
            "labels": {"env": "prod"},
        },
    )
    assert isinstance(network, Network)
    assert network.is_bound


def test_create_with_the_least(api: Api, recorder: Recorder) -> None:
    reply_to(recorder, "create_network")
    api.run(lambda c: c.networks.create({"name": "n", "ip-range": "192.168.0.0/24"}))
    assert_sent(
        recorder, "create_network", "/networks", body={"name": "n", "ip_range": "192.168.0.0/24"}
    )


def test_update(api: Api, recorder: Recorder) -> None:
    reply_to(recorder, "update_network")
    network = api.run(
        lambda c: c.networks.update(NET, name="new", expose_routes_to_vswitch=False, labels={})
    )
    assert_sent(
        recorder,
        "update_network",
        f"/networks/{NET}",
        body={"name": "new", "expose_routes_to_vswitch": False, "labels": {}},
    )
    assert isinstance(network, Network)
    assert network.is_bound


# --- network actions ----------------------------------------------------------


@pytest.mark.parametrize(
    ("operation_id", "call", "action", "body"),
    [
        pytest.param(
            "add_network_subnet",
            lambda c: c.networks.add_subnet(
                NET, type="cloud", network_zone="eu-central", ip_range="10.0.2.0/24"
            ),
            "add_subnet",
            {"type": "cloud", "network_zone": "eu-central", "ip_range": "10.0.2.0/24"},
            id="add_subnet",
        ),
        pytest.param(
            "add_network_subnet",
            lambda c: c.networks.add_subnet(
                NET, {"type": "vswitch", "network_zone": "eu-central", "vswitch_id": 9}
            ),
            "add_subnet",
            {"type": "vswitch", "network_zone": "eu-central", "vswitch_id": 9},
            id="add_subnet-vswitch",
        ),
        pytest.param(
            "delete_network_subnet",
            lambda c: c.networks.delete_subnet(NET, ip_range="10.0.2.0/24"),
            "delete_subnet",
            {"ip_range": "10.0.2.0/24"},
            id="delete_subnet",
        ),
        pytest.param(
            "add_network_route",
            lambda c: c.networks.add_route(NET, destination="0.0.0.0/0", gateway="10.0.1.2"),
            "add_route",
            {"destination": "0.0.0.0/0", "gateway": "10.0.1.2"},
            id="add_route",
        ),
        pytest.param(
            "delete_network_route",
            lambda c: c.networks.delete_route(
                NET, {"destination": "10.100.1.0/24", "gateway": "10.0.1.1"}
            ),
            "delete_route",
            {"destination": "10.100.1.0/24", "gateway": "10.0.1.1"},
            id="delete_route",
        ),
        pytest.param(
            "change_network_ip_range",
            lambda c: c.networks.change_ip_range(NET, ip_range="10.0.0.0/15"),
            "change_ip_range",
            {"ip_range": "10.0.0.0/15"},
            id="change_ip_range",
        ),
    ],
)
def test_actions_send_their_body(
    api: Api,
    recorder: Recorder,
    operation_id: str,
    call: Callable[[Any], Any],
    action: str,
    body: dict[str, Any],
) -> None:
    reply_to(recorder, operation_id)
    result = api.run(call)
    assert_sent(recorder, operation_id, f"/networks/{NET}/actions/{action}", body=body)
    assert_action(result)


# --- payload rules are checked before sending ---------------------------------


test_invalid_payload_is_refused_before_sending = refused_before_sending_test(
    [
        pytest.param(lambda c: c.networks.create(name="n"), "ip_range", id="no-range"),
        pytest.param(lambda c: c.networks.create(ip_range="10.0.0.0/16"), "name", id="no-name"),
        pytest.param(
            lambda c: c.networks.create(name="", ip_range="10.0.0.0/16"), "name", id="empty-name"
        ),
        pytest.param(
            lambda c: c.networks.create(name="n" * 129, ip_range="10.0.0.0/16"),
            "name",
            id="long-name",
        ),
        pytest.param(
            lambda c: c.networks.create(name="n", ip_range="8.8.0.0/16"),
            "ip_range",
            id="public-range",
        ),
        pytest.param(
            lambda c: c.networks.create(name="n", ip_range="10.0.0.0/25"),
            "ip_range",
            id="range-too-small",
        ),
        pytest.param(
            lambda c: c.networks.create(name="n", ip_range="10.0.0.1/16"),
            "ip_range",
            id="host-bits",
        ),
        pytest.param(
            lambda c: c.networks.create(name="n", ip_range="fd00::/64"), "ip_range", id="ipv6"
        ),
        pytest.param(
            lambda c: c.networks.create(
                name="n",
                ip_range="10.0.0.0/16",
                subnets=[
                    {"type": "cloud", "network_zone": "eu-central", "ip_range": "10.1.0.0/24"}
                ],
            ),
            "subnets",
            id="subnet-outside",
        ),
        pytest.param(
            lambda c: c.networks.create(
                name="n", ip_range="10.0.0.0/16", routes=[{"destination": "10.1.0.0/16"}]
            ),
            "gateway",
            id="route-no-gateway",
        ),
        pytest.param(
            lambda c: c.networks.add_subnet(NET, type="cloud"), "network_zone", id="no-zone"
        ),
        pytest.param(
            lambda c: c.networks.add_subnet(NET, type="lan", network_zone="eu-central"),
            "type",
            id="bad-type",
        ),
        pytest.param(
            lambda c: c.networks.add_subnet(NET, type="vswitch", network_zone="eu-central"),
            "vswitch_id",
            id="vswitch-without-id",
        ),
        pytest.param(
            lambda c: c.networks.add_subnet(
                NET, type="cloud", network_zone="eu-central", vswitch_id=3
            ),
            "vswitch_id",
            id="id-without-vswitch",
        ),
        pytest.param(
            lambda c: c.networks.add_subnet(
                NET, type="cloud", network_zone="eu-central", ip_range="10.0.0.0/31"
            ),
            "ip_range",
            id="subnet-too-small",
        ),
        pytest.param(
            lambda c: c.networks.delete_subnet(NET, ip_range="10.0.0"), "ip_range", id="not-cidr"
        ),
        pytest.param(
            lambda c: c.networks.add_route(NET, destination="8.8.8.0/24", gateway="10.0.0.2"),
            "destination",
            id="public-destination",
        ),
        pytest.param(
            lambda c: c.networks.add_route(NET, destination="172.31.0.0/16", gateway="10.0.0.2"),
            "destination",
            id="destination-holds-public-gateway",
        ),
        pytest.param(
            lambda c: c.networks.add_route(NET, destination="10.1.0.0/16", gateway="172.31.1.1"),
            "gateway",
            id="public-gateway",
        ),
        pytest.param(
            lambda c: c.networks.delete_route(NET, destination="10.1.0.0/16", gateway="10.0.0"),
            "gateway",
            id="gateway-not-an-address",
        ),
        pytest.param(
            lambda c: c.networks.change_ip_range(NET, ip_range="192.169.0.0/16"),
            "ip_range",
            id="change-to-public",
        ),
        pytest.param(lambda c: c.networks.change_ip_range(NET), "ip_range", id="change-nothing"),
        pytest.param(
            lambda c: c.networks.update(NET, labels={"hetzner.cloud/x": "y"}),
            "labels",
            id="reserved-label",
        ),
    ]
)


# --- bound networks -----------------------------------------------------------


test_bound_methods_send_what_the_resource_sends = bound_methods_test(
    "get_network",
    lambda c: c.networks.get(NET),
    [
        pytest.param(
            "add_network_subnet",
            lambda c, n: c.networks.add_subnet(NET, type="cloud", network_zone="eu-central"),
            lambda c, n: n.add_subnet(type="cloud", network_zone="eu-central"),
            id="add_subnet",
        ),
        pytest.param(
            "delete_network_subnet",
            lambda c, n: c.networks.delete_subnet(NET, ip_range="10.0.1.0/24"),
            lambda c, n: n.delete_subnet(ip_range="10.0.1.0/24"),
            id="delete_subnet",
        ),
        pytest.param(
            "add_network_route",
            lambda c, n: c.networks.add_route(NET, destination="10.9.0.0/16", gateway="10.0.1.9"),
            lambda c, n: n.add_route(destination="10.9.0.0/16", gateway="10.0.1.9"),
            id="add_route",
        ),
        pytest.param(
            "delete_network_route",
            lambda c, n: c.networks.delete_route(
                NET, destination="10.9.0.0/16", gateway="10.0.1.9"
            ),
            lambda c, n: n.delete_route(destination="10.9.0.0/16", gateway="10.0.1.9"),
            id="delete_route",
        ),
        pytest.param(
            "change_network_ip_range",
            lambda c, n: c.networks.change_ip_range(NET, ip_range="10.0.0.0/8"),
            lambda c, n: n.change_ip_range(ip_range="10.0.0.0/8"),
            id="change_ip_range",
        ),
    ],
)


def test_a_servers_private_net_leads_to_its_network(api: Api, recorder: Recorder) -> None:
    reply = spec.example_reply("get_server")
    reply["server"]["private_net"][0]["network"] = NET
    recorder.reply(reply)
    server = api.run(lambda c: c.servers.get(42))
    attachment = server.private_net[0]
    assert attachment.network == NET
    reply_to(recorder, "get_network")
    network = api.run(lambda c: c.networks.get(attachment.network))
    assert_sent(recorder, "get_network", f"/networks/{NET}", index=1, only=False)
    assert network.id == attachment.network
