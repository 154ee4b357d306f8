"""Waiting for actions: one request per poll and API, progress, failure, timeout."""

from __future__ import annotations

import copy
from typing import Any

import httpx
import pytest

from hcloud_models import Action, ActionFailed, ActionTimeout, Client, PollPolicy
from hcloud_models.models.actions import StorageBoxAction
from tests import spec
from tests.conftest import TOKEN, Api, Recorder


def action_json(
    ident: int, status: str = "running", progress: int = 0, **extra: Any
) -> dict[str, Any]:
    body = copy.deepcopy(spec.example_reply("get_action")["action"])
    body.update({"id": ident, "status": status, "progress": progress, "error": None, **extra})
    if status != "running":
        body["finished"] = "2016-01-30T23:56:00Z"
    else:
        body["finished"] = None
    return body


def actions_reply(*actions: dict[str, Any]) -> dict[str, Any]:
    return {"actions": list(actions)}


def fetch_actions(api: Api, *idents: int) -> list[Action[Any]]:
    for ident in idents:
        api.recorder.reply({"action": action_json(ident)})
    return [api.run(lambda c, i=ident: c.actions.get(i)) for ident in idents]


def test_wait_polls_one_action_until_success(api: Api) -> None:
    (action,) = fetch_actions(api, 1)
    api.recorder.reply(actions_reply(action_json(1, progress=40)))
    api.recorder.reply(actions_reply(action_json(1, progress=80)))
    api.recorder.reply(actions_reply(action_json(1, "success", 100)))
    seen: list[tuple[str, int]] = []
    final = api.run(
        lambda c: action.wait(on_progress=lambda a: seen.append((a.status, a.progress)))
    )
    assert final.status == "success"
    assert final.is_bound
    assert seen == [("running", 40), ("running", 80), ("success", 100)]
    polls = api.recorder.requests[1:]
    assert len(polls) == 3
    assert all((r.method, r.url.path) == ("GET", "/v1/actions") for r in polls)
    assert all(list(r.url.params.multi_items()) == [("id", "1")] for r in polls)


def test_wait_all_spends_one_request_per_poll_for_all_actions(api: Api) -> None:
    actions = fetch_actions(api, 1, 2, 3)
    api.recorder.reply(
        actions_reply(action_json(1, "success", 100), action_json(2), action_json(3))
    )
    api.recorder.reply(actions_reply(action_json(2, "success", 100), action_json(3, progress=50)))
    api.recorder.reply(actions_reply(action_json(3, "success", 100)))
    final = api.run(lambda c: c.actions.wait_all(actions))
    assert [a.id for a in final] == [1, 2, 3]
    assert all(a.status == "success" for a in final)
    polls = api.recorder.requests[3:]
    assert len(polls) == 3  # three ticks for three actions, not nine requests
    assert [list(r.url.params.multi_items()) for r in polls] == [
        [("id", "1"), ("id", "2"), ("id", "3")],
        [("id", "2"), ("id", "3")],
        [("id", "3")],
    ]


def test_wait_on_finished_actions_sends_nothing(api: Api) -> None:
    api.recorder.reply({"action": action_json(4, "success", 100)})
    action = api.run(lambda c: c.actions.get(4))
    assert api.run(lambda c: action.wait()).id == 4
    assert len(api.recorder.requests) == 1


def test_wait_raises_action_failed_with_code_and_message(api: Api) -> None:
    (action,) = fetch_actions(api, 5)
    failed = action_json(5, "error", 100, error={"code": "action_failed", "message": "disk broke"})
    api.recorder.reply(actions_reply(failed))
    with pytest.raises(ActionFailed) as caught:
        api.run(lambda c: action.wait())
    assert caught.value.code == "action_failed"
    assert caught.value.message == "disk broke"
    assert caught.value.action.id == 5
    assert caught.value.action.status == "error"
    assert "action 5" in str(caught.value)


def test_wait_all_fails_fast_on_the_first_error(api: Api) -> None:
    actions = fetch_actions(api, 1, 2)
    failed = action_json(2, "error", 100, error={"code": "server_error", "message": "nope"})
    api.recorder.reply(actions_reply(action_json(1), failed))
    with pytest.raises(ActionFailed) as caught:
        api.run(lambda c: c.actions.wait_all(actions))
    assert caught.value.action.id == 2
    assert len(api.recorder.requests) == 3


def test_wait_times_out_on_the_poll_clock() -> None:
    recorder = Recorder()
    now = [0.0]
    slept: list[float] = []

    def sleep(seconds: float) -> None:
        slept.append(seconds)
        now[0] += seconds

    policy = PollPolicy(initial=1.0, factor=2.0, maximum=4.0, sleep=sleep, clock=lambda: now[0])
    recorder.reply({"action": action_json(9)})
    recorder.reply(actions_reply(action_json(9)), times=10)
    with Client(TOKEN, transport=httpx.MockTransport(recorder.handle), poll=policy) as client:
        action = client.actions.get(9)
        with pytest.raises(ActionTimeout) as caught:
            action.wait(timeout=10.0)
    assert slept == [1.0, 2.0, 4.0, 3.0]  # the last sleep is cut to the deadline
    assert len(recorder.requests) == 1 + 4
    assert [a.id for a in caught.value.actions] == [9]
    assert caught.value.timeout == 10.0


def test_poll_intervals_back_off_to_the_maximum() -> None:
    intervals = PollPolicy(initial=0.5, factor=2.0, maximum=3.0).intervals()
    assert [next(intervals) for _ in range(6)] == [0.5, 1.0, 2.0, 3.0, 3.0, 3.0]


def test_wait_uses_the_policy_timeout_by_default() -> None:
    recorder = Recorder()
    now = [0.0]

    def sleep(seconds: float) -> None:
        now[0] += seconds

    policy = PollPolicy(initial=5.0, factor=1.0, timeout=12.0, sleep=sleep, clock=lambda: now[0])
    recorder.reply({"action": action_json(3)})
    recorder.reply(actions_reply(action_json(3)), times=5)
    client = Client(TOKEN, transport=httpx.MockTransport(recorder.handle), poll=policy)
    action = client.actions.get(3)
    with pytest.raises(ActionTimeout):
        action.wait()
    assert now[0] == 12.0
    assert len(recorder.requests) == 1 + 3


def test_actions_missing_from_a_poll_reply_are_polled_again(api: Api) -> None:
    actions = fetch_actions(api, 1, 2)
    api.recorder.reply(actions_reply(action_json(1, "success", 100)))
    api.recorder.reply(actions_reply(action_json(2, "success", 100)))
    final = api.run(lambda c: c.actions.wait_all(actions))
    assert [a.status for a in final] == ["success", "success"]
    assert list(api.recorder.requests[-1].url.params.multi_items()) == [("id", "2")]


def test_reload_fetches_the_action_again(api: Api) -> None:
    (action,) = fetch_actions(api, 6)
    api.recorder.reply({"action": action_json(6, "success", 100)})
    fresh = api.run(lambda c: action.reload())
    assert (fresh.status, action.status) == ("success", "running")
    assert api.recorder.path() == "/actions/6"


def test_list_by_ids_sends_repeated_ids(api: Api) -> None:
    api.recorder.reply(actions_reply(action_json(1), action_json(2)))
    page = api.run(lambda c: c.actions.list_by_ids([1, 2]))
    assert [a.id for a in page] == [1, 2]
    assert api.recorder.query() == [("id", "1"), ("id", "2")]
    assert all(a.is_bound for a in page)


def test_list_by_ids_reads_storage_box_actions_from_the_hetzner_api(api: Api) -> None:
    boxed = [StorageBoxAction.model_validate(action_json(n)) for n in (1, 2)]
    api.recorder.reply(actions_reply(action_json(1), action_json(2)))
    page = api.run(lambda c: c.actions.list_by_ids(boxed))
    assert all(isinstance(a, StorageBoxAction) for a in page)
    assert str(api.recorder.last.url).startswith(
        "https://api.hetzner.com/v1/storage_boxes/actions?"
    )
    assert api.recorder.query() == [("id", "1"), ("id", "2")]


def test_list_by_ids_refuses_a_mix_of_kinds(api: Api) -> None:
    boxed = StorageBoxAction.model_validate(action_json(1))
    with pytest.raises(TypeError, match="one kind of action"):
        api.run(lambda c: c.actions.list_by_ids([boxed, 2]))
    assert api.recorder.requests == []


def test_waiting_on_more_actions_than_a_page_holds_still_costs_one_request_per_tick() -> None:
    """100 running actions: each tick asks for 50 of them in turn, in one request."""
    ticks: list[list[int]] = []
    finished: set[int] = set()

    def handle(request: httpx.Request) -> httpx.Response:
        ids = [int(v) for v in request.url.params.get_list("id")]
        # more ids than the API's default page of 25 need a bigger page
        assert request.url.params.get("per_page") == ("50" if len(ids) > 25 else None)
        ticks.append(ids)
        tick = len(ticks)
        # Action i finishes on tick i // 20 + 1; the API lists only the ids asked for.
        finished.update(i for i in ids if i // 20 + 1 <= tick)
        return httpx.Response(
            200,
            json=actions_reply(
                *(action_json(i, "success", 100) if i in finished else action_json(i) for i in ids)
            ),
        )

    transport = httpx.MockTransport(handle)
    client = Client(TOKEN, transport=transport, poll=PollPolicy(sleep=lambda s: None))
    actions = [Action.model_validate(action_json(i)) for i in range(1, 101)]
    for action in actions:
        object.__setattr__(action, "__pydantic_private__", {"client": client})
    final = client.actions.wait_all(actions)
    assert [a.id for a in final] == list(range(1, 101))
    assert all(a.status == "success" for a in final)
    assert all(len(ids) <= 50 and ids == sorted(ids) for ids in ticks)
    assert ticks[0] == list(range(1, 51))
    assert ticks[1] == list(range(51, 101))  # the other half, not the first 50 again
    seen_by_tick: dict[int, int] = {}
    for tick, ids in enumerate(ticks):
        for ident in ids:
            if ident in seen_by_tick:
                assert tick - seen_by_tick[ident] <= 2  # every running action every 2 ticks
            seen_by_tick[ident] = tick
    assert len(ticks) <= 8
