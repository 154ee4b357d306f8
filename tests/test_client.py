"""Client construction: token, endpoint, headers, timeouts, lifecycle, and token secrecy."""

from __future__ import annotations

import asyncio
import logging
import pickle
import warnings

import httpx
import pytest

from hcloud_models import (
    DEFAULT_ENDPOINT,
    AsyncClient,
    Client,
    ConfigurationError,
    PollPolicy,
    RetryPolicy,
    __version__,
    errors,
)
from hcloud_models.operations._call import Call
from tests import spec
from tests.conftest import Recorder

CANARY = "canary-TOKEN-5f1c9e2b7a"
ACTION = spec.example_reply("get_action")


def test_token_falls_back_to_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HCLOUD_TOKEN", "from-env")
    recorder = Recorder()
    recorder.reply(ACTION)
    with Client(transport=httpx.MockTransport(recorder.handle)) as client:
        client.actions.get(1)
    assert recorder.last.headers["Authorization"] == "Bearer from-env"


def test_explicit_token_wins_over_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HCLOUD_TOKEN", "from-env")
    recorder = Recorder()
    recorder.reply(ACTION)
    with Client("explicit", transport=httpx.MockTransport(recorder.handle)) as client:
        client.actions.get(1)
    assert recorder.last.headers["Authorization"] == "Bearer explicit"


@pytest.mark.parametrize("client_class", [Client, AsyncClient])
def test_missing_token_is_an_error_at_construction(
    monkeypatch: pytest.MonkeyPatch, client_class: type[Client] | type[AsyncClient]
) -> None:
    monkeypatch.delenv("HCLOUD_TOKEN", raising=False)
    with pytest.raises(ConfigurationError, match="HCLOUD_TOKEN"):
        client_class()
    with pytest.raises(ConfigurationError):
        client_class("")


def test_token_with_a_newline_is_refused() -> None:
    with pytest.raises(ConfigurationError, match="whitespace"):
        Client("abc\nX-Evil: 1")


def test_request_headers_and_url() -> None:
    recorder = Recorder()
    recorder.reply(ACTION)
    with Client(
        "tok", transport=httpx.MockTransport(recorder.handle), application="my-app/2.1"
    ) as client:
        client.actions.get(1)
    request = recorder.last
    assert str(request.url) == f"{DEFAULT_ENDPOINT}/actions/1"
    assert request.headers["User-Agent"] == f"my-app/2.1 hcloud_models/{__version__}"
    assert request.headers["Accept"] == "application/json"
    assert "Content-Type" not in request.headers


def test_custom_endpoint() -> None:
    recorder = Recorder()
    recorder.reply(ACTION)
    with Client(
        "tok", endpoint="http://127.0.0.1:4000/v1/", transport=httpx.MockTransport(recorder.handle)
    ) as client:
        client.actions.get(1)
    assert str(recorder.last.url) == "http://127.0.0.1:4000/v1/actions/1"


def test_calls_to_the_hetzner_api_go_to_its_own_endpoint() -> None:
    recorder = Recorder()
    recorder.reply(content=b"", status=204, times=2)
    transport = httpx.MockTransport(recorder.handle)
    with Client("tok", transport=transport) as client:
        client._session.execute(Call("DELETE", "/storage_boxes/7", api="hetzner"))
    assert str(recorder.last.url) == "https://api.hetzner.com/v1/storage_boxes/7"
    with Client("tok", hetzner_endpoint="http://127.0.0.1:4000/v1/", transport=transport) as client:
        client._session.execute(Call("DELETE", "/storage_boxes/7", api="hetzner"))
    assert str(recorder.last.url) == "http://127.0.0.1:4000/v1/storage_boxes/7"
    assert recorder.last.headers["Authorization"] == "Bearer tok"


def test_default_timeout_is_finite() -> None:
    client = Client("tok")
    timeout = client._session._http.timeout
    assert timeout.connect == 10.0
    assert timeout.read == 30.0
    client.close()
    custom = Client("tok", timeout=5)
    assert custom._session._http.timeout.read == 5.0
    custom.close()


def test_given_http_client_is_used_and_closed() -> None:
    recorder = Recorder()
    recorder.reply(ACTION)
    http = httpx.Client(transport=httpx.MockTransport(recorder.handle))
    with Client("tok", http_client=http) as client:
        client.actions.get(1)
    assert len(recorder.requests) == 1
    assert http.is_closed


def test_async_client_closes_its_pool() -> None:
    recorder = Recorder()
    recorder.reply(ACTION)

    async def main() -> AsyncClient:
        async with AsyncClient("tok", transport=httpx.MockTransport(recorder.handle_async)) as c:
            await c.actions.get(1)
        return c

    client = asyncio.run(main())
    assert client._session._http.is_closed


def test_policies_are_exposed() -> None:
    retry = RetryPolicy(max_attempts=2)
    poll = PollPolicy(initial=3.0)
    client = Client("tok", retry=retry, poll=poll)
    assert client.retry is retry
    assert client.poll is poll
    client.close()


def test_resource_managers_are_made_once() -> None:
    client = Client("tok")
    assert client.servers is client.servers
    assert type(client.servers).__name__ == "ServersResource"
    with pytest.raises(AttributeError, match="no attribute 'servres'"):
        client.servres  # noqa: B018 - the attribute access is the test
    client.close()


# --- the token never leaks --------------------------------------------------------------


def test_token_never_appears_in_reprs_errors_logs_or_warnings(
    caplog: pytest.LogCaptureFixture,
) -> None:
    recorder = Recorder()
    recorder.reply(ACTION)
    recorder.error(404, "not_found", "no such action")
    recorder.fail(httpx.ConnectError("refused"), times=3)
    recorder.reply(content=b"garbage", times=3)
    recorder.reply(ACTION)
    client = Client(
        CANARY,
        transport=httpx.MockTransport(recorder.handle),
        retry=RetryPolicy(max_attempts=3, sleep=lambda s: None),
    )
    seen: list[str] = [repr(client), str(client), repr(client._session), repr(client.servers)]
    with (
        caplog.at_level(logging.DEBUG, logger="hcloud_models"),
        warnings.catch_warnings(record=True) as caught,
    ):
        warnings.simplefilter("always")
        action = client.actions.get(1)
        seen += [repr(action), str(action), action.model_dump_json(), str(pickle.dumps(action))]
        for _ in range(3):
            try:
                client.actions.get(2)
            except errors.HcloudError as exc:
                seen += [str(exc), repr(exc), repr(exc.__cause__), str(exc.args)]
        client.servers.get_action_of(1, 2)  # deprecated: warns
    seen += [record.getMessage() for record in caplog.records]
    seen += [str(w.message) for w in caught]
    seen += [repr(r) for r in recorder.requests]
    assert caplog.records, "the test should have produced log records"
    assert [w.category for w in caught] == [DeprecationWarning]
    for text in seen:
        assert CANARY not in text
    client.close()
