"""Every bound-object method delegates to the resource method that runs the same operation."""

from __future__ import annotations

import importlib
import inspect
import types
from typing import Any

import pytest

import hcloud_models.models as models
from hcloud_models.models._base import BoundModel, Delegate
from hcloud_models.operations._call import Endpoint
from hcloud_models.resources import RESOURCES, resource_class

BOUND_MODELS = sorted(
    (
        cls
        for cls in vars(models).values()
        if isinstance(cls, type) and issubclass(cls, BoundModel) and cls is not BoundModel
    ),
    key=lambda cls: cls.__name__,
)

# Resource methods that take an id first but have no method of that name on objects:
# get is reload(), and get_action takes the id of an action, not of the object.
NOT_ON_OBJECTS = {"get", "get_action_of", "get_action"}


def delegates(model: type[BoundModel[Any]]) -> dict[str, Delegate[Any, Any, Any]]:
    return {
        name: value
        for klass in model.__mro__
        for name, value in vars(klass).items()
        if isinstance(value, Delegate)
    }


def target_of(model: type[BoundModel[Any]], method: Delegate[Any, Any, Any]) -> Any:
    """Evaluate the delegate's lambda with the operations module it names only for typing."""
    lam = method.target
    ops = importlib.import_module(model.__module__.replace(".models.", ".operations."))
    namespace = {**lam.__globals__, **{name: ops for name in lam.__code__.co_names[:1]}}
    return types.FunctionType(lam.__code__, namespace)()


def test_every_resource_family_has_bound_models() -> None:
    assert {cls._resource for cls in BOUND_MODELS} <= set(RESOURCES)
    assert len(BOUND_MODELS) >= 9


@pytest.mark.parametrize("model", BOUND_MODELS, ids=lambda cls: cls.__name__)
def test_delegates_point_at_the_endpoint_running_the_same_build_function(
    model: type[BoundModel[Any]],
) -> None:
    resource = resource_class(model._resource)
    for name, method in delegates(model).items():
        endpoint = getattr(resource, method.name, None)
        assert isinstance(endpoint, Endpoint), f"{model.__name__}.{name} -> {method.name}"
        assert endpoint.build == target_of(model, method), f"{model.__name__}.{name}"


@pytest.mark.parametrize("model", BOUND_MODELS, ids=lambda cls: cls.__name__)
def test_every_method_taking_the_object_first_is_on_the_object(
    model: type[BoundModel[Any]],
) -> None:
    resource = resource_class(model._resource)
    on_object = {method.name for method in delegates(model).values()}
    for name, value in vars(resource).items():
        if not isinstance(value, Endpoint) or name in NOT_ON_OBJECTS:
            continue
        params = list(inspect.signature(value.build).parameters.values())
        takes_object = bool(params) and params[0].kind is inspect.Parameter.POSITIONAL_ONLY
        first = params[0].annotation if params else None
        if takes_object and first in ("Ref", "Action[Any]") and name != "wait_all":
            assert name in on_object, f"{model.__name__} lacks {name}()"
    assert "get" in on_object  # reload
