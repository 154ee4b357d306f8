"""The retry policy: what is repeated, how long it waits, when it gives up."""

from __future__ import annotations

import logging
import time

import httpx
import pytest

from hcloud_models import Client, RetryPolicy, errors
from tests import spec
from tests.conftest import TOKEN, Api, Recorder, fast_policies

ACTION = spec.example_reply("get_action")


def sleeps_of(api: Api, **policy: object) -> list[float]:
    """Give the client a policy whose sleeps are recorded (no jitter, clock at t=1000)."""
    slept: list[float] = []
    api.client._session.retry = RetryPolicy(
        sleep=slept.append,
        jitter=0.0,
        clock=lambda: 1000.0,
        **policy,  # type: ignore[arg-type]
    )
    return slept


# --- replies that prove nothing was applied: retried for every method ------------------

NOT_APPLIED = [
    (429, "rate_limit_exceeded"),
    (409, "conflict"),
    (423, "locked"),
    (503, "unavailable"),
]


@pytest.mark.parametrize(("status", "code"), NOT_APPLIED)
def test_post_is_retried_when_the_reply_proves_it_was_not_applied(
    api: Api, status: int, code: str
) -> None:
    slept = sleeps_of(api)
    api.recorder.error(status, code)
    api.recorder.reply(ACTION, status=201)
    action = api.run(lambda c: c.servers.power_off(5))
    assert action.id == ACTION["action"]["id"]
    assert [(r.method, r.url.path) for r in api.recorder.requests] == [
        ("POST", "/v1/servers/5/actions/poweroff")
    ] * 2
    assert slept == [0.5]


@pytest.mark.parametrize(("status", "code"), NOT_APPLIED)
def test_get_is_retried_on_the_same_replies(api: Api, status: int, code: str) -> None:
    sleeps_of(api)
    api.recorder.error(status, code)
    api.recorder.reply(ACTION)
    assert api.run(lambda c: c.actions.get(3)).id == ACTION["action"]["id"]
    assert len(api.recorder.requests) == 2


# --- replies after which a POST may have been applied: only idempotent methods -----------

MAYBE_APPLIED = [(502, "bad_gateway"), (504, "timeout")]


@pytest.mark.parametrize(("status", "code"), MAYBE_APPLIED)
def test_post_is_not_retried_when_it_may_have_been_applied(
    api: Api, status: int, code: str
) -> None:
    slept = sleeps_of(api)
    api.recorder.error(status, code)
    with pytest.raises(errors.APIError) as caught:
        api.run(lambda c: c.servers.power_off(5))
    assert caught.value.status == status
    assert len(api.recorder.requests) == 1
    assert slept == []


@pytest.mark.parametrize(("status", "code"), MAYBE_APPLIED)
def test_get_is_retried_after_gateway_errors(api: Api, status: int, code: str) -> None:
    sleeps_of(api)
    api.recorder.error(status, code)
    api.recorder.error(status, code)
    api.recorder.reply(ACTION)
    assert api.run(lambda c: c.actions.get(3)).status == ACTION["action"]["status"]
    assert len(api.recorder.requests) == 3


@pytest.mark.parametrize(
    ("status", "code"),
    [(500, "server_error"), (404, "not_found"), (422, "invalid_input"), (423, "protected")],
)
def test_errors_that_will_not_pass_are_never_retried(api: Api, status: int, code: str) -> None:
    sleeps_of(api)
    api.recorder.error(status, code)
    with pytest.raises(errors.APIError):
        api.run(lambda c: c.actions.get(3))
    assert len(api.recorder.requests) == 1


# --- transport failures -------------------------------------------------------------------


def test_connect_error_is_retried_even_for_post(api: Api) -> None:
    sleeps_of(api)
    api.recorder.fail(httpx.ConnectError("refused"))
    api.recorder.reply(ACTION, status=201)
    assert api.run(lambda c: c.servers.power_on(5)).id == ACTION["action"]["id"]
    assert len(api.recorder.requests) == 2


@pytest.mark.parametrize(
    ("failure", "error_class"),
    [
        (httpx.ReadTimeout("slow"), errors.RequestTimeoutError),
        (httpx.RemoteProtocolError("dropped"), errors.ConnectionLostError),
        (httpx.ReadError("reset"), errors.ConnectionLostError),
    ],
)
def test_post_is_not_repeated_after_a_failure_mid_request(
    api: Api, failure: Exception, error_class: type[errors.TransportError]
) -> None:
    sleeps_of(api)
    api.recorder.fail(failure)
    with pytest.raises(error_class) as caught:
        api.run(lambda c: c.servers.power_on(5))
    assert caught.value.__cause__ is failure
    assert caught.value.sent is True
    assert (caught.value.method, caught.value.path) == ("POST", "/servers/5/actions/poweron")
    assert len(api.recorder.requests) == 1


def test_get_is_retried_after_timeouts_and_drops(api: Api) -> None:
    sleeps_of(api)
    api.recorder.fail(httpx.ReadTimeout("slow"))
    api.recorder.fail(httpx.RemoteProtocolError("dropped"))
    api.recorder.reply(ACTION)
    assert api.run(lambda c: c.actions.get(3)).id == ACTION["action"]["id"]
    assert len(api.recorder.requests) == 3


def test_garbage_body_is_retried_for_get_only(api: Api) -> None:
    sleeps_of(api)
    api.recorder.reply(content=b"<html>oops</html>")
    api.recorder.reply(ACTION)
    assert api.run(lambda c: c.actions.get(3)).id == ACTION["action"]["id"]
    assert len(api.recorder.requests) == 2

    api.recorder.reply(content=b"<html>oops</html>", status=201)
    with pytest.raises(errors.InvalidResponseError):
        api.run(lambda c: c.servers.power_on(5))
    assert len(api.recorder.requests) == 3


# --- waiting ------------------------------------------------------------------------------


def test_rate_limit_waits_until_the_reset_time(api: Api) -> None:
    slept = sleeps_of(api)
    api.recorder.reply(
        {"error": {"code": "rate_limit_exceeded", "message": "slow down", "details": {}}},
        status=429,
        headers={"RateLimit-Limit": "3600", "RateLimit-Remaining": "0", "RateLimit-Reset": "1007"},
    )
    api.recorder.reply(ACTION)
    api.run(lambda c: c.actions.get(1))
    assert slept == [7.0]


def test_rate_limit_wait_is_capped(api: Api) -> None:
    slept = sleeps_of(api, rate_limit_wait=30.0)
    api.recorder.reply(
        {"error": {"code": "rate_limit_exceeded", "message": "slow down", "details": {}}},
        status=429,
        headers={"RateLimit-Reset": "999999"},
    )
    api.recorder.reply(ACTION)
    api.run(lambda c: c.actions.get(1))
    assert slept == [30.0]


def test_backoff_grows_exponentially_up_to_max_wait(api: Api) -> None:
    slept = sleeps_of(api, max_attempts=6, initial_wait=1.0, max_wait=5.0)
    for _ in range(5):
        api.recorder.error(503, "unavailable")
    api.recorder.reply(ACTION)
    api.run(lambda c: c.actions.get(1))
    assert slept == [1.0, 2.0, 4.0, 5.0, 5.0]


# --- giving up ----------------------------------------------------------------------------


def test_gives_up_after_max_attempts_with_the_last_error(api: Api) -> None:
    slept = sleeps_of(api, max_attempts=3)
    api.recorder.error(503, "unavailable", "first")
    api.recorder.error(503, "unavailable", "second")
    api.recorder.error(503, "unavailable", "third")
    with pytest.raises(errors.UnavailableError, match="third"):
        api.run(lambda c: c.actions.get(1))
    assert len(api.recorder.requests) == 3
    assert len(slept) == 2


def test_gives_up_after_max_delay() -> None:
    recorder = Recorder()
    policy = RetryPolicy(
        max_attempts=100,
        max_delay=10.0,
        initial_wait=4.0,
        max_wait=4.0,
        jitter=0.0,
        sleep=lambda seconds: None,
    )
    for _ in range(100):
        recorder.error(409, "conflict")
    client = Client(TOKEN, transport=httpx.MockTransport(recorder.handle), retry=policy)
    with pytest.raises(errors.ConflictError):
        client.actions.get(1)
    assert len(recorder.requests) == 4  # after waits of 0, 4, 8 and 12 s: past 10 s, stop


def test_a_slow_first_attempt_counts_towards_max_delay(api: Api) -> None:
    """A request whose first attempt alone outlasts max_delay is not tried again."""

    def slow_then_unavailable(request: httpx.Request) -> httpx.Response:
        time.sleep(0.3)  # longer than the whole budget below
        return httpx.Response(503, json={"error": {"code": "unavailable", "message": "later"}})

    for _ in range(5):
        api.recorder.replies.append(slow_then_unavailable)
    api.client._session.retry = RetryPolicy(
        max_attempts=5, max_delay=0.2, initial_wait=0.0, max_wait=0.0, jitter=0.0
    )
    with pytest.raises(errors.UnavailableError):
        api.run(lambda c: c.actions.get(1))
    assert len(api.recorder.requests) == 1


def test_disabled_policy_sends_once(api: Api) -> None:
    api.client._session.retry = RetryPolicy.disabled()
    api.recorder.error(503, "unavailable")
    with pytest.raises(errors.UnavailableError):
        api.run(lambda c: c.actions.get(1))
    assert len(api.recorder.requests) == 1


def test_retry_decisions_are_logged(api: Api, caplog: pytest.LogCaptureFixture) -> None:
    sleeps_of(api)
    api.recorder.error(423, "locked", "busy")
    api.recorder.reply(ACTION)
    with caplog.at_level(logging.DEBUG, logger="hcloud_models"):
        api.run(lambda c: c.actions.get(9))
    messages = [r.getMessage() for r in caplog.records]
    assert any("retrying after 423 locked: busy (GET /actions/9)" in m for m in messages)
    assert any(m.startswith("GET /actions/9 -> 200") for m in messages)


def test_async_client_accepts_an_async_sleep() -> None:
    import asyncio

    from hcloud_models import AsyncClient

    recorder = Recorder()
    slept: list[float] = []

    async def sleep(seconds: float) -> None:
        slept.append(seconds)

    recorder.error(409, "conflict")
    recorder.reply(ACTION)
    client = AsyncClient(
        TOKEN,
        transport=httpx.MockTransport(recorder.handle_async),
        retry=RetryPolicy(sleep=sleep, jitter=0.0),
    )
    asyncio.run(client.actions.get(1))
    assert slept == [0.5]
    assert len(recorder.requests) == 2


def test_default_policy_values() -> None:
    policy = RetryPolicy()
    assert (policy.max_attempts, policy.max_delay) == (5, 120.0)
    assert RetryPolicy.disabled().max_attempts == 1
    assert fast_policies()["retry"].jitter == 0.0
