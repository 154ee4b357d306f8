"""``client.ssh_keys``: the public SSH keys of the project."""

from __future__ import annotations

from .._modes import M
from ..operations import ssh_keys as ops
from ..operations._call import Endpoint, Paged
from ._base import Resource

__all__ = ["SSHKeysResource"]


class SSHKeysResource(Resource[M]):
    """SSH keys: upload, list, rename and delete them."""

    list = Endpoint(ops.list_ssh_keys, "list_ssh_keys")
    all = Paged(ops.list_ssh_keys)
    get = Endpoint(ops.get_ssh_key, "get_ssh_key")
    get_by_name = Endpoint(ops.get_ssh_key_by_name)
    create = Endpoint(ops.create_ssh_key, "create_ssh_key")
    update = Endpoint(ops.update_ssh_key, "update_ssh_key")
    delete = Endpoint(ops.delete_ssh_key, "delete_ssh_key")
