"""``client.load_balancer_types``: the read-only catalog of Load Balancer sizes."""

from __future__ import annotations

from datetime import datetime, timezone

from hcloud_models.models.load_balancer_types import LoadBalancerType
from hcloud_models.models.page import Page
from tests import spec
from tests.conftest import Api, Recorder
from tests.helpers import assert_bound_matches_resource, assert_sent, reply_to


def test_list(api: Api, recorder: Recorder) -> None:
    reply_to(recorder, "list_load_balancer_types")
    page = api.run(lambda c: c.load_balancer_types.list(name="lb11", page=1, per_page=5))
    assert_sent(
        recorder,
        "list_load_balancer_types",
        "/load_balancer_types",
        [("name", "lb11"), ("page", "1"), ("per_page", "5")],
    )
    assert isinstance(page, Page)
    lbt = page[0]
    assert isinstance(lbt, LoadBalancerType)
    assert lbt.is_bound
    assert lbt.max_targets == 25


def test_get(api: Api, recorder: Recorder) -> None:
    reply_to(recorder, "get_load_balancer_type")
    lbt = api.run(lambda c: c.load_balancer_types.get(1))
    assert_sent(recorder, "get_load_balancer_type", "/load_balancer_types/1")
    assert isinstance(lbt, LoadBalancerType)
    assert lbt.name == "lb11"
    assert lbt.max_connections == 20000
    assert lbt.max_assigned_certificates == 10
    assert lbt.deprecated == datetime(2016, 1, 30, 23, 50, tzinfo=timezone.utc)
    assert lbt.deprecation is not None
    assert lbt.prices[0].location == "fsn1"
    assert lbt.prices[0].price_monthly.gross == "1.1900"


def test_not_deprecated_type(api: Api, recorder: Recorder) -> None:
    body = spec.example_reply("get_load_balancer_type")
    body["load_balancer_type"].update(deprecated=None, deprecation=None)
    spec.validate(body, spec.reply_schema("get_load_balancer_type"))
    recorder.reply(body)
    lbt = api.run(lambda c: c.load_balancer_types.get(1))
    assert lbt.deprecated is None
    assert lbt.deprecation is None


def test_reload(api: Api, recorder: Recorder) -> None:
    assert_bound_matches_resource(
        api,
        recorder,
        "get_load_balancer_type",
        lambda c: c.load_balancer_types.get(1),
        "get_load_balancer_type",
        lambda c, t: c.load_balancer_types.get(t),
        lambda c, t: t.reload(),
    )
