"""``client.actions``: read actions and wait for them."""

from __future__ import annotations

from .._modes import M
from ..operations import actions as ops
from ..operations._call import Endpoint
from ._base import Resource

__all__ = ["ActionsResource"]


class ActionsResource(Resource[M]):
    """Actions: the API's asynchronous tasks, and waiting for them to finish."""

    get = Endpoint(ops.get, "get_action")
    list_by_ids = Endpoint(ops.list_by_ids, "get_actions")
    wait = Endpoint(ops.wait)
    wait_all = Endpoint(ops.wait_all)
