"""What every model shares: aliases, dumps, equality, pickling, binding."""

from __future__ import annotations

import copy
import pickle
from typing import Any

import pytest

from hcloud_models import Action, Location
from hcloud_models.errors import UnboundObjectError
from hcloud_models.models._base import HcloudModel, Payload, bind
from tests import spec
from tests.conftest import Api

ACTION = spec.example_reply("get_action")["action"]


def bound_action(api: Api) -> Action[Any]:
    api.recorder.reply({"action": ACTION})
    action: Action[Any] = api.run(lambda c: c.actions.get(ACTION["id"]))
    return action


def test_kebab_case_keys_are_accepted_and_dumps_use_wire_names() -> None:
    location = Location.model_validate(
        {
            "id": 1,
            "name": "fsn1",
            "description": "Falkenstein DC Park 1",
            "country": "DE",
            "city": "Falkenstein",
            "latitude": 50.47612,
            "longitude": 12.370071,
            "network-zone": "eu-central",
        }
    )
    assert location.network_zone == "eu-central"
    assert location.to_dict()["network_zone"] == "eu-central"
    assert location.to_kebab_dict()["network-zone"] == "eu-central"
    assert '"network_zone":"eu-central"' in location.to_json()


def test_unknown_fields_are_kept() -> None:
    action = Action.model_validate({**ACTION, "brand_new_field": {"x": 1}})
    assert action.model_extra == {"brand_new_field": {"x": 1}}
    assert action.to_dict()["brand_new_field"] == {"x": 1}


def test_repr_shows_data_and_never_the_client(api: Api) -> None:
    action = bound_action(api)
    text = repr(action)
    assert text.startswith(f"Action(id={ACTION['id']}, command='{ACTION['command']}'")
    assert "Client" not in text
    assert "client" not in text
    assert len(api.recorder.requests) == 1  # repr made no request


def test_equality_compares_data_only(api: Api) -> None:
    bound = bound_action(api)
    unbound = Action.model_validate(ACTION)
    assert bound == unbound
    assert bound.is_bound
    assert not unbound.is_bound
    assert bound != Action.model_validate({**ACTION, "progress": 1})


def test_pickle_drops_the_client(api: Api) -> None:
    action = bound_action(api)
    clone = pickle.loads(pickle.dumps(action))
    assert clone == action
    assert not clone.is_bound


def test_deepcopy_keeps_the_binding_without_copying_the_client(api: Api) -> None:
    action = bound_action(api)
    clone = copy.deepcopy(action)
    assert clone == action
    assert clone.is_bound
    assert clone._client() is action._client()
    assert action.model_copy(deep=True).is_bound


def test_unbound_objects_explain_how_to_get_a_bound_one() -> None:
    action = Action.model_validate(ACTION)
    with pytest.raises(UnboundObjectError, match=r"client\.actions\.get"):
        action.reload()


def test_model_dump_round_trips() -> None:
    action = Action.model_validate(ACTION)
    assert Action.model_validate(action.model_dump()) == action
    assert Action.model_validate_json(action.model_dump_json()) == action


def test_bind_walks_results_and_lists() -> None:
    marker = object()
    actions = [Action.model_validate(ACTION), Action.model_validate(ACTION)]
    assert bind(actions, marker) is actions
    assert all(a._client() is marker for a in actions)


class _Body(Payload):
    name: str
    start_after_create: bool | None = None


def test_payload_build_merges_mapping_and_keywords() -> None:
    body = _Body.build({"name": "a", "start-after-create": False}, name="b")
    assert body.to_dict() == {"name": "b", "start_after_create": False}
    assert _Body.build(None, name="c").to_dict() == {"name": "c"}
    model = _Body(name="d")
    assert _Body.build(model) is model


def test_payload_rejects_unknown_keys_and_wrong_types() -> None:
    from pydantic import ValidationError

    with pytest.raises(ValidationError, match="nmae"):
        _Body.build({"nmae": "x", "name": "y"})
    with pytest.raises(TypeError, match="expected _Body"):
        _Body.build(42)  # type: ignore[arg-type]


def _object_replies() -> dict[str, tuple[str, Any]]:
    """operationId -> (key, model) of every ``get_*`` operation whose reply is one object."""
    from hcloud_models import OPERATIONS
    from hcloud_models.operations._call import Endpoint, reply_shape
    from hcloud_models.resources import resource_class

    found: dict[str, tuple[str, Any]] = {}
    for operation_id, method in OPERATIONS.items():
        resource, _, name = method.partition(".")
        endpoint = vars(resource_class(resource)).get(name)
        if not operation_id.startswith("get_") or not isinstance(endpoint, Endpoint):
            continue
        try:
            call = endpoint.build(1)
        except TypeError:
            continue  # addressed by more than an id (RRSets, subaccounts...)
        shape = reply_shape(call.reply)
        model = shape[2] if shape is not None and shape[0] == "unwrap" else None
        if isinstance(model, type) and issubclass(model, HcloudModel):
            found[operation_id] = (shape[1], model)
    return found


_OBJECT_REPLIES = _object_replies()


def test_object_replies_are_found() -> None:
    assert {"get_server", "get_load_balancer", "get_storage_box", "get_zone"} <= set(
        _OBJECT_REPLIES
    )


@pytest.mark.parametrize("operation_id", sorted(_OBJECT_REPLIES))
def test_every_reply_object_survives_a_kebab_case_round_trip(operation_id: str) -> None:
    """Nested models used more than once in a reply are renamed at every use."""
    key, model = _OBJECT_REPLIES[operation_id]
    spec_name = "hetzner" if operation_id in spec.operations("hetzner") else "hcloud"
    parsed = model.model_validate(spec.example_reply(operation_id, spec_name)[key])
    assert model.model_validate(parsed.to_kebab_dict()) == parsed
