"""Server, image, Floating IP and SSH key models vs. the spec: replies parse, bodies are checked."""

import copy
import json
from datetime import datetime
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from pydantic import ValidationError

from hcloud_models._modes import Async
from hcloud_models.models._base import BoundModel, Payload, bind
from hcloud_models.models.actions import Action
from hcloud_models.models.common import Protection, ServerProtection
from hcloud_models.models.datacenters import Datacenter
from hcloud_models.models.dns_ptr import ChangeDnsPtr, DnsPtrEntry
from hcloud_models.models.floating_ips import (
    CreateFloatingIPResult,
    FloatingIP,
    FloatingIPAssign,
    FloatingIPChangeProtection,
    FloatingIPCreate,
    FloatingIPUpdate,
)
from hcloud_models.models.images import (
    Image,
    ImageChangeProtection,
    ImageCreatedFrom,
    ImageUpdate,
)
from hcloud_models.models.isos import ISO
from hcloud_models.models.locations import Location
from hcloud_models.models.server_types import ServerType
from hcloud_models.models.servers import (
    USER_DATA_MAX_BYTES,
    CreateImageResult,
    CreateServerResult,
    EnableRescueResult,
    MetricsTimeSeries,
    PlacementGroup,
    PublicNet,
    RebuildServerResult,
    RequestConsoleResult,
    ResetPasswordResult,
    Server,
    ServerAddToPlacementGroup,
    ServerAttachISO,
    ServerAttachToNetwork,
    ServerChangeAliasIPs,
    ServerChangeProtection,
    ServerChangeType,
    ServerCreate,
    ServerCreateFirewall,
    ServerCreateImage,
    ServerCreatePublicNet,
    ServerDetachFromNetwork,
    ServerEnableBackup,
    ServerEnableRescue,
    ServerIPv4,
    ServerIPv6,
    ServerMetrics,
    ServerPrivateNet,
    ServerPublicNetFirewall,
    ServerRebuild,
    ServerUpdate,
)
from hcloud_models.models.ssh_keys import SSHKey, SSHKeyCreate, SSHKeyUpdate

SPEC_PATH = Path(__file__).resolve().parents[2] / "spec" / "hcloud.schema.json"
SPEC_LABELS = {"environment": "prod", "example.com/my": "label", "just-a-key": ""}


@cache
def _spec() -> dict[str, Any]:
    with SPEC_PATH.open(encoding="utf-8") as f:
        data: dict[str, Any] = json.load(f)
    return data


def _operation(path: str, method: str) -> dict[str, Any]:
    op: dict[str, Any] = _spec()["paths"][path][method]
    return op


def _from_field_examples(schema: dict[str, Any]) -> Any:
    """Assemble a value from the per-field ``example`` values of a schema.

    The spec gives these replies no whole-reply example, only examples on
    (most) fields.  An example is taken at the highest level that has one;
    enumerations without one take their first value, and the few leaves with
    neither get a fixed placeholder of their type.
    """
    if "example" in schema:
        return copy.deepcopy(schema["example"])
    if "properties" in schema:
        return {key: _from_field_examples(sub) for key, sub in schema["properties"].items()}
    if "enum" in schema:
        return schema["enum"][0]
    types = schema.get("type")
    kinds = types if isinstance(types, list) else [types]
    if "array" in kinds:
        return [_from_field_examples(schema["items"])]
    placeholders = {"integer": 7, "number": 1.5, "boolean": True, "string": "text"}
    for kind in kinds:
        if kind in placeholders:
            return placeholders[kind]
    raise AssertionError(f"no example for schema {schema}")


def _example(path: str, method: str = "get", status: str = "200") -> dict[str, Any]:
    """The spec's example reply of an operation: a whole-reply example if any, else from fields."""
    content = _operation(path, method)["responses"][status]["content"]["application/json"]
    if "example" in content:
        whole: dict[str, Any] = copy.deepcopy(content["example"])
        return whole
    built: dict[str, Any] = _from_field_examples(content["schema"])
    return built


def _request_schema(path: str, method: str = "post") -> dict[str, Any]:
    schema: dict[str, Any] = _operation(path, method)["requestBody"]["content"]["application/json"][
        "schema"
    ]
    return schema


def _validate(instance: Any, schema: dict[str, Any]) -> None:
    """Raise ``jsonschema.ValidationError`` unless ``instance`` satisfies ``schema``."""
    import jsonschema  # type: ignore[import-untyped,unused-ignore]

    jsonschema.Draft202012Validator(schema).validate(instance)


def _utc(moment: str) -> datetime:
    """An aware UTC datetime from ``"YYYY-MM-DD HH:MM"``."""
    return datetime.fromisoformat(f"{moment}:00+00:00")


def _error_fields(exc: pytest.ExceptionInfo[ValidationError]) -> set[str]:
    """The fields named first in the error locations, in snake_case.

    Pydantic names a missing field by its (kebab-case) alias, so both
    spellings are folded to the wire name.
    """
    return {str(error["loc"][0]).replace("-", "_") for error in exc.value.errors() if error["loc"]}


def _rejects(model: type[Payload], data: dict[str, Any], field: str) -> str:
    """Assert that ``data`` fails validation on ``field``; return the messages."""
    with pytest.raises(ValidationError) as exc:
        model.model_validate(data)
    assert _error_fields(exc) == {field}, exc.value.errors()
    return " ".join(error["msg"] for error in exc.value.errors())


# --- replies: servers ---------------------------------------------------------------


def test_server_parses_spec_example() -> None:
    server = Server.model_validate(_example("/servers/{id}")["server"])
    assert server.id == 42
    assert server.name == "my-resource"
    assert server.status == "running"
    assert server.created == _utc("2016-01-30 23:55")
    assert server.rescue_enabled is False
    assert server.locked is False
    assert server.backup_window == "22-02"
    assert server.outgoing_traffic == 123456
    assert server.ingoing_traffic == 123456
    assert server.included_traffic == 654321
    assert server.labels == SPEC_LABELS
    assert server.volumes == [7]
    assert server.load_balancers == [7]
    assert server.primary_disk_size == 50
    assert server.datacenter is None
    assert not server.is_bound

    assert isinstance(server.protection, ServerProtection)
    assert server.protection == ServerProtection(delete=False, rebuild=False)

    net = server.public_net
    assert isinstance(net, PublicNet)
    assert isinstance(net.ipv4, ServerIPv4)
    assert net.ipv4.id == 42
    assert net.ipv4.ip == "1.2.3.4"
    assert net.ipv4.blocked is False
    assert net.ipv4.dns_ptr == "server01.example.com"
    assert isinstance(net.ipv6, ServerIPv6)
    assert net.ipv6.ip == "2001:db8::/64"
    assert net.ipv6.dns_ptr == [DnsPtrEntry(ip="2001:db8::1", dns_ptr="server.example.com")]
    assert net.floating_ips == [478]
    assert net.firewalls == [ServerPublicNetFirewall(id=42, status="applied")]

    assert server.private_net == [
        ServerPrivateNet(
            network=4711,
            ip="10.0.0.2",
            alias_ips=["10.0.0.3", "10.0.0.4"],
            mac_address="86:00:ff:2a:7d:e1",
        )
    ]

    assert isinstance(server.server_type, ServerType)
    assert server.server_type.name == "cpx22"
    assert server.server_type.cores == 2
    assert server.server_type.prices[0].price_hourly.gross == "1.1900"

    assert isinstance(server.location, Location)
    assert server.location.name == "fsn1"
    assert server.location.network_zone == "eu-central"

    assert isinstance(server.image, Image)
    assert server.image.name == "ubuntu-24.04"
    assert server.image.os_flavor == "ubuntu"

    assert isinstance(server.iso, ISO)
    assert server.iso.name == "FreeBSD-11.0-RELEASE-amd64-dvd1"
    assert server.iso.type == "public"

    group = server.placement_group
    assert isinstance(group, PlacementGroup)
    assert group.id == 42
    assert group.name == "my-resource"
    assert group.type == "spread"
    assert group.created == _utc("2016-01-30 23:55")
    assert group.servers == [42]
    assert group.labels == SPEC_LABELS


def test_server_accepts_the_nulls_the_spec_allows() -> None:
    data = _example("/servers/{id}")["server"]
    data["public_net"]["ipv4"] = None
    data["public_net"]["ipv6"] = None
    for key in ("image", "iso", "backup_window", "placement_group"):
        data[key] = None
    for key in ("outgoing_traffic", "ingoing_traffic", "included_traffic"):
        data[key] = None
    server = Server.model_validate(data)
    assert server.public_net.ipv4 is None
    assert server.public_net.ipv6 is None
    assert server.image is None
    assert server.iso is None
    assert server.backup_window is None
    assert server.placement_group is None
    assert server.outgoing_traffic is None


def test_server_optional_fields_may_be_missing() -> None:
    data = _example("/servers/{id}")["server"]
    for key in ("volumes", "load_balancers", "placement_group"):
        del data[key]
    del data["public_net"]["firewalls"]
    data["public_net"]["ipv6"]["dns_ptr"] = None
    server = Server.model_validate(data)
    assert server.volumes is None
    assert server.load_balancers is None
    assert server.placement_group is None
    assert server.public_net.firewalls is None
    assert server.public_net.ipv6 is not None
    assert server.public_net.ipv6.dns_ptr is None


def test_server_requires_the_fields_the_spec_requires() -> None:
    data = _example("/servers/{id}")["server"]
    del data["location"]
    del data["backup_window"]
    with pytest.raises(ValidationError) as exc:
        Server.model_validate(data)
    assert _error_fields(exc) == {"location", "backup_window"}


def test_server_keeps_a_legacy_datacenter() -> None:
    data = _example("/servers/{id}")["server"]
    data["datacenter"] = _example("/datacenters/{id}")["datacenter"]
    server = Server.model_validate(data)
    assert isinstance(server.datacenter, Datacenter)
    assert server.datacenter.name == "fsn1-dc8"
    assert server.datacenter.location.name == "fsn1"


@pytest.mark.parametrize(
    "status",
    [
        "running",
        "initializing",
        "starting",
        "stopping",
        "off",
        "deleting",
        "migrating",
        "rebuilding",
        "unknown",
    ],
)
def test_server_status_takes_every_spec_value(status: str) -> None:
    data = _example("/servers/{id}")["server"]
    data["status"] = status
    assert Server.model_validate(data).status == status


def test_server_status_added_later_is_kept_but_a_wrong_type_is_rejected() -> None:
    data = _example("/servers/{id}")["server"]
    data["status"] = "hibernating"
    assert Server.model_validate(data).status == "hibernating"
    data["status"] = ["running"]
    with pytest.raises(ValidationError) as exc:
        Server.model_validate(data)
    assert _error_fields(exc) == {"status"}


def test_server_round_trips_and_dumps_snake_case() -> None:
    server = Server.model_validate(_example("/servers/{id}")["server"])
    dumped = server.to_dict()
    assert "public_net" in dumped
    assert "primary_disk_size" in dumped
    assert dumped["created"] == "2016-01-30T23:55:00Z"
    assert dumped["labels"] == SPEC_LABELS
    assert Server.model_validate(dumped) == server
    assert Server.model_validate_json(server.to_json()) == server
    kebab = server.to_kebab_dict()
    assert "primary-disk-size" in kebab
    assert kebab["labels"] == SPEC_LABELS  # label keys are data, never renamed


def test_server_accepts_kebab_case_keys() -> None:
    data = _example("/servers/{id}")["server"]
    kebab = {key.replace("_", "-"): value for key, value in data.items()}
    assert Server.model_validate(kebab) == Server.model_validate(data)


def test_server_keeps_fields_the_api_adds_later() -> None:
    data = _example("/servers/{id}")["server"]
    data["brand_new_field"] = {"x": 1}
    server = Server.model_validate(data)
    assert server.model_extra == {"brand_new_field": {"x": 1}}


def test_async_server_parses_the_same_data() -> None:
    data = _example("/servers/{id}")["server"]
    server = Server[Async].model_validate(data)
    assert server.id == 42
    assert server == Server[Async].model_validate(data)


def test_server_list_example() -> None:
    reply = _example("/servers")
    servers = [Server.model_validate(item) for item in reply["servers"]]
    assert [server.name for server in servers] == ["my-resource"]


def test_create_server_result_parses_spec_example() -> None:
    result = CreateServerResult.model_validate(_example("/servers", "post", "201"))
    assert isinstance(result.server, Server)
    assert result.server.id == 42
    assert isinstance(result.action, Action)
    assert result.action.id == 42
    assert result.action.command == "start_resource"
    assert result.action.started == _utc("2016-01-30 23:55")
    assert [type(a) for a in result.next_actions] == [Action]
    assert result.next_actions[0].command == "start_resource"
    assert result.next_actions[0].resources[0].type == "server"
    assert result.root_password == "YItygq1v3GYjjMomLaKc"


def test_create_server_result_binds_everything_it_holds() -> None:
    client = object()
    result = bind(CreateServerResult.model_validate(_example("/servers", "post", "201")), client)
    assert isinstance(result, CreateServerResult)
    assert result.server.is_bound
    assert result.action.is_bound
    assert all(action.is_bound for action in result.next_actions)
    assert result.server.image is not None
    assert result.server.image.is_bound
    assert result.server.location.is_bound


def test_rebuild_result_parses_spec_example() -> None:
    result = RebuildServerResult.model_validate(
        _example("/servers/{id}/actions/rebuild", "post", "201")
    )
    assert isinstance(result.action, Action)
    assert result.action.resources[0].type == "server"
    assert result.root_password == "text"  # the field has no example in the spec
    with_null = {**_example("/servers/{id}/actions/rebuild", "post", "201"), "root_password": None}
    assert RebuildServerResult.model_validate(with_null).root_password is None


def test_reset_password_result_parses_spec_example() -> None:
    result = ResetPasswordResult.model_validate(
        _example("/servers/{id}/actions/reset_password", "post", "201")
    )
    assert result.root_password == "zCWbFhnu950dUTko5f40"
    assert isinstance(result.action, Action)
    assert result.action.status == "running"


def test_enable_rescue_result_parses_spec_example() -> None:
    result = EnableRescueResult.model_validate(
        _example("/servers/{id}/actions/enable_rescue", "post", "201")
    )
    assert result.root_password == "zCWbFhnu950dUTko5f40"
    assert isinstance(result.action, Action)
    assert result.action.id == 42


def test_request_console_result_parses_spec_example() -> None:
    result = RequestConsoleResult.model_validate(
        _example("/servers/{id}/actions/request_console", "post", "201")
    )
    assert result.wss_url == (
        "wss://console.hetzner.cloud/?server_id=1&token=3db32d15-af2f-459c-8bf8-dee1fd05f49c"
    )
    assert result.password == "9MQaTg2VAGI0FIpc10k3UpRXcHj2wQ6x"
    assert isinstance(result.action, Action)


def test_create_image_result_parses_spec_example() -> None:
    result = CreateImageResult.model_validate(
        _example("/servers/{id}/actions/create_image", "post", "201")
    )
    assert isinstance(result.image, Image)
    assert result.image.type == "snapshot"
    assert result.image.description == "Ubuntu 24.04 Standard 64 bit"
    assert isinstance(result.action, Action)


def test_server_metrics_parse_spec_example() -> None:
    metrics = ServerMetrics.model_validate(_example("/servers/{id}/metrics")["metrics"])
    assert metrics.start == _utc("2017-01-01 00:00")
    assert metrics.end == _utc("2017-01-01 23:00")
    assert metrics.step == 60
    series = metrics.time_series["name_of_timeseries"]
    assert isinstance(series, MetricsTimeSeries)
    assert series.values == [(1435781470.622, "42"), (1435781471.622, "43")]
    # series names are data: the kebab-case dump leaves them alone
    assert "name_of_timeseries" in metrics.to_kebab_dict()["time-series"]


def test_server_metrics_sample_must_be_a_pair() -> None:
    data = _example("/servers/{id}/metrics")["metrics"]
    data["time_series"]["cpu"] = {"values": [[1435781470.622]]}
    with pytest.raises(ValidationError) as exc:
        ServerMetrics.model_validate(data)
    assert _error_fields(exc) == {"time_series"}


# --- replies: images, Floating IPs, SSH keys ------------------------------------------


def test_image_parses_spec_example() -> None:
    image = Image.model_validate(_example("/images/{id}")["image"])
    assert image.id == 42
    assert image.type == "snapshot"
    assert image.status == "available"
    assert image.name == "ubuntu-24.04"
    assert image.description == "Ubuntu 24.04 Standard 64 bit"
    assert image.image_size == pytest.approx(2.3)
    assert image.disk_size == 10
    assert image.created == _utc("2016-01-30 23:55")
    assert image.created_from == ImageCreatedFrom(id=1, name="Server")
    assert image.bound_to is None
    assert image.os_flavor == "ubuntu"
    assert image.os_version == "24.04"
    assert image.rapid_deploy is False
    assert isinstance(image.protection, Protection)
    assert image.protection.delete is False
    assert image.deprecated == _utc("2018-02-28 00:00")
    assert image.deleted is None
    assert image.labels == SPEC_LABELS
    assert image.architecture == "x86"


def test_image_backup_with_nulls_and_without_rapid_deploy() -> None:
    data = _example("/images/{id}")["image"]
    data.update(
        type="backup",
        name=None,
        image_size=None,
        created_from=None,
        bound_to=1,
        os_version=None,
        deprecated=None,
        deleted="2024-05-01T12:00:00Z",
    )
    del data["rapid_deploy"]
    image = Image.model_validate(data)
    assert image.type == "backup"
    assert image.name is None
    assert image.image_size is None
    assert image.created_from is None
    assert image.bound_to == 1
    assert image.rapid_deploy is None
    assert image.deleted == _utc("2024-05-01 12:00")


@pytest.mark.parametrize(
    ("field", "value"),
    [("type", "iso"), ("status", "deleted"), ("os_flavor", "windows"), ("architecture", "mips")],
)
def test_image_enums_keep_values_added_later(field: str, value: str) -> None:
    data = _example("/images/{id}")["image"]
    data[field] = value
    assert getattr(Image.model_validate(data), field) == value
    data[field] = 7
    with pytest.raises(ValidationError) as exc:
        Image.model_validate(data)
    assert _error_fields(exc) == {field}


def test_image_list_example() -> None:
    reply = _example("/images")
    images = [Image.model_validate(item) for item in reply["images"]]
    assert [image.id for image in images] == [42]


def test_floating_ip_parses_spec_example() -> None:
    fip = FloatingIP.model_validate(_example("/floating_ips/{id}")["floating_ip"])
    assert fip.id == 42
    assert fip.name == "my-resource"
    assert fip.description == "This describes my resource"
    assert fip.ip == "2001:db8::/64"
    assert fip.type == "ipv6"
    assert fip.server == 42
    assert fip.dns_ptr == [DnsPtrEntry(ip="2001:db8::1", dns_ptr="server.example.com")]
    assert isinstance(fip.home_location, Location)
    assert fip.home_location.name == "fsn1"
    assert fip.blocked is False
    assert fip.protection == Protection(delete=False)
    assert fip.labels == SPEC_LABELS
    assert fip.created == _utc("2016-01-30 23:55")


def test_unassigned_floating_ip() -> None:
    data = _example("/floating_ips/{id}")["floating_ip"]
    data.update(server=None, description=None, dns_ptr=[], type="ipv4", ip="1.2.3.4")
    fip = FloatingIP.model_validate(data)
    assert fip.server is None
    assert fip.description is None
    assert fip.dns_ptr == []


def test_create_floating_ip_result_parses_spec_example() -> None:
    result = CreateFloatingIPResult.model_validate(_example("/floating_ips", "post", "201"))
    assert isinstance(result.floating_ip, FloatingIP)
    assert result.floating_ip.id == 42
    assert isinstance(result.action, Action)
    assert result.action.resources[0].id == 42


def test_create_floating_ip_result_without_action() -> None:
    reply = _example("/floating_ips", "post", "201")
    reply["action"] = None
    assert CreateFloatingIPResult.model_validate(reply).action is None
    del reply["action"]
    assert CreateFloatingIPResult.model_validate(reply).action is None


def test_ssh_key_parses_spec_example() -> None:
    key = SSHKey.model_validate(_example("/ssh_keys/{id}")["ssh_key"])
    assert key.id == 42
    assert key.name == "my-resource"
    assert key.fingerprint == "b7:2f:30:a0:2f:6c:58:6c:21:04:58:61:ba:06:3b:2f"
    assert key.public_key == "ssh-rsa AAAjjk76kgf...Xt"
    assert key.labels == SPEC_LABELS
    assert key.created == _utc("2016-01-30 23:55")
    assert SSHKey[Async].model_validate(key.to_dict()) == SSHKey[Async].model_validate(
        _example("/ssh_keys/{id}")["ssh_key"]
    )


@pytest.mark.parametrize(
    ("model", "resource"),
    [(Server, "servers"), (Image, "images"), (FloatingIP, "floating_ips"), (SSHKey, "ssh_keys")],
)
def test_bound_models_name_their_resource_manager(
    model: type[BoundModel[Any]], resource: str
) -> None:
    assert model._resource == resource


# --- request bodies: server creation ------------------------------------------------


def test_server_create_accepts_kebab_case_keys_and_dumps_snake_case() -> None:
    body = ServerCreate.build(
        {
            "name": "web-1",
            "server-type": "cx22",
            "image": "ubuntu-24.04",
            "start-after-create": False,
        }
    )
    assert body.to_dict() == {
        "name": "web-1",
        "server_type": "cx22",
        "image": "ubuntu-24.04",
        "start_after_create": False,
    }
    assert body.to_json() == (
        '{"name":"web-1","server_type":"cx22","start_after_create":false,"image":"ubuntu-24.04"}'
    )


def test_server_create_full_body_is_exactly_what_the_api_expects() -> None:
    body = ServerCreate.build(
        name="web-1.example.com",
        location="nbg1",
        server_type="cpx22",
        start_after_create=True,
        image="ubuntu-24.04",
        placement_group=1,
        ssh_keys=["my-ssh-key"],
        volumes=[123],
        networks=[456],
        firewalls=[{"firewall": 38}],
        user_data="#cloud-config\n",
        labels={"env": "prod", "example.com/my": "label", "just-a-key": ""},
        automount=False,
        public_net={"enable_ipv4": False, "enable-ipv6": True, "ipv4": None},
    )
    assert isinstance(body.firewalls, list)
    assert body.firewalls == [ServerCreateFirewall(firewall=38)]
    assert isinstance(body.public_net, ServerCreatePublicNet)
    expected = {
        "name": "web-1.example.com",
        "location": "nbg1",
        "server_type": "cpx22",
        "start_after_create": True,
        "image": "ubuntu-24.04",
        "placement_group": 1,
        "ssh_keys": ["my-ssh-key"],
        "volumes": [123],
        "networks": [456],
        "firewalls": [{"firewall": 38}],
        "user_data": "#cloud-config\n",
        "labels": {"env": "prod", "example.com/my": "label", "just-a-key": ""},
        "automount": False,
        "public_net": {"enable_ipv4": False, "enable_ipv6": True, "ipv4": None},
    }
    assert body.to_json() == json.dumps(expected, separators=(",", ":"))
    _validate(body.to_dict(), _request_schema("/servers"))


def test_server_create_takes_ids_as_well_as_names() -> None:
    body = ServerCreate.build(name="db", server_type=22, image=114690387, location=3, ssh_keys=[7])
    assert body.to_dict() == {
        "name": "db",
        "server_type": 22,
        "image": 114690387,
        "location": 3,
        "ssh_keys": [7],
    }
    assert ServerCreate.build(name="db", server_type="22", image="x").server_type == "22"


def test_server_create_rejects_a_boolean_as_id_or_name() -> None:
    _rejects(ServerCreate, {"name": "db", "server_type": True, "image": "x"}, "server_type")


@pytest.mark.parametrize("missing", ["name", "server_type", "image"])
def test_server_create_requires_name_type_and_image(missing: str) -> None:
    data = {"name": "web-1", "server_type": "cx22", "image": "ubuntu-24.04"}
    del data[missing]
    _rejects(ServerCreate, data, missing)


def test_server_create_rejects_unknown_keys() -> None:
    with pytest.raises(ValidationError) as exc:
        ServerCreate.build(name="web-1", server_type="cx22", image="x", flavour="large")
    assert _error_fields(exc) == {"flavour"}


@pytest.mark.parametrize(
    "name",
    [
        "web-1",
        "a",
        "A1",
        "1",
        "db01.example.com",
        "x" * 63,
        ".".join(["a" * 63] * 3) + "." + "b" * 61,  # 253 characters
    ],
)
def test_valid_hostnames_are_accepted(name: str) -> None:
    assert ServerCreate.build(name=name, server_type="cx22", image="x").name == name
    assert ServerUpdate.build(name=name).name == name


@pytest.mark.parametrize(
    "name",
    [
        "",
        "-web",
        "web-",
        "web_1",
        "web 1",
        "web.",
        ".web",
        "a..b",
        "sub.-web",
        "wéb",
        "x" * 64,
        ".".join(["a" * 63] * 3) + "." + "b" * 62,  # 254 characters
    ],
)
def test_invalid_hostnames_are_rejected(name: str) -> None:
    message = _rejects(ServerCreate, {"name": name, "server_type": "cx22", "image": "x"}, "name")
    assert "RFC 1123" in message
    _rejects(ServerUpdate, {"name": name}, "name")


def test_location_and_datacenter_exclude_each_other() -> None:
    message = _rejects(
        ServerCreate,
        {
            "name": "web-1",
            "server_type": "cx22",
            "image": "x",
            "location": "fsn1",
            "datacenter": "fsn1-dc14",
        },
        "datacenter",
    )
    assert "exclude each other" in message
    alone = ServerCreate.build(name="web-1", server_type="cx22", image="x", datacenter="fsn1-dc14")
    assert alone.to_dict()["datacenter"] == "fsn1-dc14"
    assert ServerCreate.build(name="web-1", server_type="cx22", image="x", location=1).location == 1


@pytest.mark.parametrize("model", [ServerCreate, ServerRebuild])
def test_user_data_may_be_exactly_32_kib(model: type[Payload]) -> None:
    user_data = "#" * USER_DATA_MAX_BYTES
    data: dict[str, Any] = {"image": "x", "user_data": user_data}
    if model is ServerCreate:
        data |= {"name": "web-1", "server_type": "cx22"}
    assert model.model_validate(data).to_dict()["user_data"] == user_data


@pytest.mark.parametrize(
    "user_data",
    [
        "#" * (USER_DATA_MAX_BYTES + 1),
        "é" * (USER_DATA_MAX_BYTES // 2 + 1),  # few characters, but over 32 KiB in UTF-8
    ],
)
@pytest.mark.parametrize("model", [ServerCreate, ServerRebuild])
def test_user_data_over_32_kib_is_rejected(model: type[Payload], user_data: str) -> None:
    data: dict[str, Any] = {"image": "x", "user_data": user_data}
    if model is ServerCreate:
        data |= {"name": "web-1", "server_type": "cx22"}
    assert len(user_data) <= USER_DATA_MAX_BYTES + 1
    message = _rejects(model, data, "user_data")
    assert "32768 bytes" in message


def test_user_data_measured_in_utf8_bytes() -> None:
    under = "é" * (USER_DATA_MAX_BYTES // 2)  # exactly 32768 bytes
    assert ServerRebuild.build(image="x", user_data=under).user_data == under


# --- request bodies: labels (every payload that carries them) -------------------------

LABELED: list[tuple[type[Payload], dict[str, Any]]] = [
    (ServerCreate, {"name": "web-1", "server_type": "cx22", "image": "x"}),
    (ServerUpdate, {}),
    (ServerCreateImage, {}),
    (ImageUpdate, {}),
    (FloatingIPCreate, {"type": "ipv4", "home_location": "fsn1"}),
    (FloatingIPUpdate, {}),
    (SSHKeyCreate, {"name": "k", "public_key": "ssh-ed25519 AAAA"}),
    (SSHKeyUpdate, {}),
]


@pytest.mark.parametrize(("model", "base"), LABELED)
def test_valid_labels_are_accepted(model: type[Payload], base: dict[str, Any]) -> None:
    body = model.model_validate(base | {"labels": SPEC_LABELS})
    assert body.to_dict()["labels"] == SPEC_LABELS


@pytest.mark.parametrize(
    "labels",
    [
        {"-bad": "x"},
        {"bad key": "x"},
        {"k" * 64: "x"},
        {"Example.com/x": "x"},
        {"env": "bad value"},
        {"env": "-x"},
        {"env": "v" * 64},
        {"hetzner.cloud/managed": "yes"},
    ],
)
@pytest.mark.parametrize(("model", "base"), LABELED)
def test_invalid_labels_are_rejected(
    model: type[Payload], base: dict[str, Any], labels: dict[str, str]
) -> None:
    _rejects(model, base | {"labels": labels}, "labels")


def test_reserved_label_prefix_is_named_in_the_message() -> None:
    message = _rejects(ServerUpdate, {"labels": {"hetzner.cloud/x": "y"}}, "labels")
    assert "reserved" in message


# --- request bodies: server actions ---------------------------------------------------


def test_server_update_body() -> None:
    assert ServerUpdate.build(name="web-2").to_json() == '{"name":"web-2"}'
    assert ServerUpdate.build(labels={}).to_json() == '{"labels":{}}'
    assert ServerUpdate.build().to_json() == "{}"


def test_server_rebuild_body() -> None:
    assert ServerRebuild.build(image="ubuntu-24.04").to_json() == '{"image":"ubuntu-24.04"}'
    assert ServerRebuild.build(image=42, user_data="x").to_json() == '{"image":42,"user_data":"x"}'
    _rejects(ServerRebuild, {}, "image")


def test_server_change_type_requires_both_fields() -> None:
    body = ServerChangeType.build(server_type="cpx32", upgrade_disk=False)
    assert body.to_json() == '{"server_type":"cpx32","upgrade_disk":false}'
    _rejects(ServerChangeType, {"server_type": "cpx32"}, "upgrade_disk")
    _rejects(ServerChangeType, {"upgrade-disk": True}, "server_type")


def test_enable_rescue_takes_the_spec_rescue_type() -> None:
    body = ServerEnableRescue.build(type="linux64", ssh_keys=[2323])
    assert body.to_json() == '{"type":"linux64","ssh_keys":[2323]}'
    assert ServerEnableRescue.build().to_json() == "{}"


@pytest.mark.parametrize("rescue", ["linux32", "freebsd64", "LINUX64", ""])
def test_enable_rescue_rejects_types_outside_the_enum(rescue: str) -> None:
    _rejects(ServerEnableRescue, {"type": rescue}, "type")


@pytest.mark.parametrize("window", ["22-02", "02-06", "06-10", "10-14", "14-18", "18-22"])
def test_enable_backup_takes_the_six_windows(window: str) -> None:
    assert ServerEnableBackup.build(backup_window=window).to_dict() == {"backup_window": window}


@pytest.mark.parametrize("window", ["00-04", "22-2", "2-6", "22:00-02:00", "06-02", ""])
def test_enable_backup_rejects_other_windows(window: str) -> None:
    _rejects(ServerEnableBackup, {"backup_window": window}, "backup_window")


def test_enable_backup_body_may_be_empty() -> None:
    body = ServerEnableBackup.build()
    assert body.to_json() == "{}"
    assert not body.model_fields_set


def test_attach_iso_body() -> None:
    assert ServerAttachISO.build(iso="FreeBSD-11.0").to_json() == '{"iso":"FreeBSD-11.0"}'
    assert ServerAttachISO.build(iso=7).to_json() == '{"iso":7}'
    _rejects(ServerAttachISO, {}, "iso")


def test_create_image_body() -> None:
    body = ServerCreateImage.build(description="my image", type="snapshot", labels={"a": "b"})
    assert body.to_json() == '{"description":"my image","type":"snapshot","labels":{"a":"b"}}'
    assert ServerCreateImage.build(type="backup").to_json() == '{"type":"backup"}'
    _rejects(ServerCreateImage, {"type": "system"}, "type")


def test_server_change_protection_needs_equal_flags() -> None:
    body = ServerChangeProtection.build(delete=True, rebuild=True)
    assert body.to_json() == '{"delete":true,"rebuild":true}'
    assert ServerChangeProtection.build(delete=False).to_json() == '{"delete":false}'
    message = _rejects(ServerChangeProtection, {"delete": True, "rebuild": False}, "rebuild")
    assert "same value" in message


def test_change_dns_ptr_body() -> None:
    body = ChangeDnsPtr.build(ip="1.2.3.4", dns_ptr="server01.example.com")
    assert body.to_json() == '{"ip":"1.2.3.4","dns_ptr":"server01.example.com"}'
    reset = ChangeDnsPtr.build({"ip": "2001:db8::1", "dns_ptr": None})
    assert reset.to_json() == '{"ip":"2001:db8::1","dns_ptr":null}'
    schema = _request_schema("/servers/{id}/actions/change_dns_ptr")
    _validate(reset.to_dict(), schema)


def test_change_dns_ptr_needs_ip_and_sends_a_reset_as_explicit_null() -> None:
    _rejects(ChangeDnsPtr, {"dns_ptr": "x.example.com"}, "ip")
    assert ChangeDnsPtr.build({"ip": "1.2.3.4"}).to_json() == '{"ip":"1.2.3.4","dns_ptr":null}'
    assert ChangeDnsPtr.build(ip="1.2.3.4").to_dict() == {"ip": "1.2.3.4", "dns_ptr": None}


@pytest.mark.parametrize("ip", ["1.2.3", "2001:db8::/64", "server.example.com", ""])
def test_change_dns_ptr_ip_must_be_one_address(ip: str) -> None:
    _rejects(ChangeDnsPtr, {"ip": ip, "dns_ptr": None}, "ip")


def test_add_to_placement_group_body() -> None:
    body = ServerAddToPlacementGroup.build(placement_group=5)
    assert body.to_json() == '{"placement_group":5}'
    _rejects(ServerAddToPlacementGroup, {}, "placement_group")


def test_attach_to_network_body() -> None:
    body = ServerAttachToNetwork.build(
        network=4711, ip="10.0.1.1", alias_ips=["10.0.1.2"], ip_range="10.0.1.0/24"
    )
    assert body.to_json() == (
        '{"network":4711,"ip":"10.0.1.1","alias_ips":["10.0.1.2"],"ip_range":"10.0.1.0/24"}'
    )
    assert ServerAttachToNetwork.build(network=1).to_json() == '{"network":1}'
    _rejects(ServerAttachToNetwork, {}, "network")


def test_attach_to_network_ip_must_lie_in_ip_range() -> None:
    data = {"network": 1, "ip": "10.0.2.1", "ip_range": "10.0.1.0/24"}
    message = _rejects(ServerAttachToNetwork, data, "ip_range")
    assert "inside ip_range" in message


@pytest.mark.parametrize(
    ("field", "value"),
    [("ip", "10.0.1"), ("ip_range", "10.0.1.0/33"), ("ip_range", "net"), ("alias_ips", ["x"])],
)
def test_attach_to_network_addresses_must_be_addresses(field: str, value: Any) -> None:
    _rejects(ServerAttachToNetwork, {"network": 1, field: value}, field)


def test_detach_from_network_body() -> None:
    assert ServerDetachFromNetwork.build(network=9).to_json() == '{"network":9}'
    _rejects(ServerDetachFromNetwork, {}, "network")


def test_change_alias_ips_body() -> None:
    body = ServerChangeAliasIPs.build(network=4711, alias_ips=["10.0.1.2", "10.0.1.3"])
    assert body.to_json() == '{"network":4711,"alias_ips":["10.0.1.2","10.0.1.3"]}'
    clear = ServerChangeAliasIPs.model_validate({"network": 4711, "alias-ips": []})
    assert clear.to_json() == '{"network":4711,"alias_ips":[]}'
    _rejects(ServerChangeAliasIPs, {"network": 4711}, "alias_ips")
    _rejects(ServerChangeAliasIPs, {"network": 4711, "alias_ips": ["10.0.1"]}, "alias_ips")


def test_payload_build_merges_a_model_with_keywords() -> None:
    base = ServerCreate.build(name="web-1", server_type="cx22", image="x")
    assert ServerCreate.build(base) is base
    moved = ServerCreate.build(base, location="hel1")
    assert moved.to_dict() == {
        "name": "web-1",
        "server_type": "cx22",
        "image": "x",
        "location": "hel1",
    }
    with pytest.raises(ValidationError):
        ServerCreate.build(base, datacenter="hel1-dc2", location="hel1")


# --- request bodies: images, Floating IPs, SSH keys -----------------------------------


def test_image_update_only_converts_to_snapshot() -> None:
    body = ImageUpdate.build(description="My new Image description", type="snapshot")
    assert body.to_json() == '{"description":"My new Image description","type":"snapshot"}'
    _rejects(ImageUpdate, {"type": "backup"}, "type")
    _rejects(ImageUpdate, {"type": "system"}, "type")


def test_image_change_protection_body() -> None:
    assert ImageChangeProtection.build(delete=True).to_json() == '{"delete":true}'
    assert ImageChangeProtection.build().to_json() == "{}"


def test_floating_ip_create_bodies() -> None:
    located = FloatingIPCreate.build(type="ipv4", home_location="fsn1", name="web-ip")
    assert located.to_json() == '{"type":"ipv4","home_location":"fsn1","name":"web-ip"}'
    assigned = FloatingIPCreate.build(type="ipv6", server=42, description=None)
    assert assigned.to_json() == '{"type":"ipv6","server":42}'
    both = FloatingIPCreate.build({"type": "ipv4", "server": 42, "home-location": 3})
    assert both.to_dict() == {"type": "ipv4", "server": 42, "home_location": 3}
    schema = _request_schema("/floating_ips")
    for body in (located, assigned, both):
        _validate(body.to_dict(), schema)


def test_floating_ip_create_needs_server_or_home_location() -> None:
    message = _rejects(FloatingIPCreate, {"type": "ipv4"}, "home_location")
    assert "either server or home_location" in message
    _rejects(FloatingIPCreate, {"type": "ipv4", "server": None}, "home_location")


def test_floating_ip_create_reports_only_the_bad_server() -> None:
    _rejects(FloatingIPCreate, {"type": "ipv4", "server": "web"}, "server")


@pytest.mark.parametrize("kind", ["ipv5", "IPv4", "v4", ""])
def test_floating_ip_type_outside_the_enum_is_rejected(kind: str) -> None:
    _rejects(FloatingIPCreate, {"type": kind, "home_location": "fsn1"}, "type")


def test_floating_ip_create_requires_type() -> None:
    _rejects(FloatingIPCreate, {"home_location": "fsn1"}, "type")


def test_floating_ip_update_body() -> None:
    body = FloatingIPUpdate.model_validate({"description": None, "name": "ip-2"})
    assert body.to_json() == '{"description":null,"name":"ip-2"}'


def test_floating_ip_assign_and_protection_bodies() -> None:
    assert FloatingIPAssign.build(server=42).to_json() == '{"server":42}'
    _rejects(FloatingIPAssign, {}, "server")
    _rejects(FloatingIPAssign, {"server": None}, "server")
    assert FloatingIPChangeProtection.build(delete=False).to_json() == '{"delete":false}'
    _rejects(FloatingIPChangeProtection, {}, "delete")


def test_ssh_key_bodies() -> None:
    body = SSHKeyCreate.build(name="My ssh key", public_key="ssh-ed25519 AAAA")
    assert body.to_json() == '{"name":"My ssh key","public_key":"ssh-ed25519 AAAA"}'
    kebab = SSHKeyCreate.build({"name": "k", "public-key": "ssh-rsa AAAA"})
    assert kebab.to_dict() == {"name": "k", "public_key": "ssh-rsa AAAA"}
    _rejects(SSHKeyCreate, {"name": "k"}, "public_key")
    _rejects(SSHKeyCreate, {"public_key": "ssh-rsa AAAA"}, "name")
    assert SSHKeyUpdate.build(name="renamed").to_json() == '{"name":"renamed"}'


# --- every valid body satisfies the spec's request schema -----------------------------


@pytest.mark.parametrize(
    ("path", "method", "body"),
    [
        ("/servers/{id}", "put", ServerUpdate.build(name="web-2", labels={"a": "b"})),
        ("/servers/{id}/actions/rebuild", "post", ServerRebuild.build(image="ubuntu-24.04")),
        (
            "/servers/{id}/actions/change_type",
            "post",
            ServerChangeType.build(server_type="cpx32", upgrade_disk=True),
        ),
        ("/servers/{id}/actions/enable_rescue", "post", ServerEnableRescue.build(type="linux64")),
        ("/servers/{id}/actions/attach_iso", "post", ServerAttachISO.build(iso="x.iso")),
        ("/servers/{id}/actions/create_image", "post", ServerCreateImage.build(type="backup")),
        (
            "/servers/{id}/actions/change_protection",
            "post",
            ServerChangeProtection.build(delete=True, rebuild=True),
        ),
        (
            "/servers/{id}/actions/add_to_placement_group",
            "post",
            ServerAddToPlacementGroup.build(placement_group=1),
        ),
        (
            "/servers/{id}/actions/attach_to_network",
            "post",
            ServerAttachToNetwork.build(network=1, ip="10.0.0.2", alias_ips=["10.0.0.3"]),
        ),
        (
            "/servers/{id}/actions/detach_from_network",
            "post",
            ServerDetachFromNetwork.build(network=1),
        ),
        (
            "/servers/{id}/actions/change_alias_ips",
            "post",
            ServerChangeAliasIPs.build(network=1, alias_ips=["10.0.0.3"]),
        ),
        ("/images/{id}", "put", ImageUpdate.build(type="snapshot", description="d")),
        (
            "/images/{id}/actions/change_protection",
            "post",
            ImageChangeProtection.build(delete=True),
        ),
        ("/floating_ips/{id}", "put", FloatingIPUpdate.build(name="n", description="d")),
        ("/floating_ips/{id}/actions/assign", "post", FloatingIPAssign.build(server=1)),
        (
            "/floating_ips/{id}/actions/change_dns_ptr",
            "post",
            ChangeDnsPtr.build(ip="1.2.3.4", dns_ptr="a.example.com"),
        ),
        (
            "/floating_ips/{id}/actions/change_protection",
            "post",
            FloatingIPChangeProtection.build(delete=True),
        ),
        ("/ssh_keys", "post", SSHKeyCreate.build(name="k", public_key="ssh-rsa AAAA")),
        ("/ssh_keys/{id}", "put", SSHKeyUpdate.build(labels={"a": ""})),
    ],
)
def test_valid_bodies_satisfy_the_spec_schema(path: str, method: str, body: Payload) -> None:
    _validate(body.to_dict(), _request_schema(path, method))
