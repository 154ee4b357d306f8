"""SSH keys: public keys stored in a project, to be put on new servers."""

from datetime import datetime
from typing import TYPE_CHECKING, ClassVar

from .._modes import M
from ._base import BoundModel, Labels, Payload, delegate
from .common import NameAndLabelsUpdate

if TYPE_CHECKING:
    from ..operations import ssh_keys as ops

__all__ = ["SSHKey", "SSHKeyCreate", "SSHKeyUpdate"]


class SSHKey(BoundModel[M]):
    """A public SSH key kept in the project, identified by its MD5 fingerprint."""

    _resource: ClassVar[str] = "ssh_keys"

    id: int
    name: str
    fingerprint: str
    public_key: str
    labels: dict[str, str]
    created: datetime

    update = delegate(lambda: ops.update_ssh_key)
    delete = delegate(lambda: ops.delete_ssh_key)
    reload = delegate(lambda: ops.get_ssh_key, "get")
    """Fetch the key again and return its current state (the object itself is unchanged)."""


class SSHKeyCreate(Payload):
    """Body that uploads a public key under a name, with optional labels."""

    name: str
    public_key: str
    labels: Labels | None = None


class SSHKeyUpdate(NameAndLabelsUpdate):
    """Body that renames a key or replaces all of its labels."""
