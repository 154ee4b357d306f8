"""Operations on SSH keys: list, read, create, change and delete them."""

from __future__ import annotations

from collections.abc import Sequence

from .._modes import Async
from ..models.page import Page
from ..models.ssh_keys import SSHKey, SSHKeyCreate, SSHKeyUpdate
from ._call import (
    Body,
    Call,
    ObjectPath,
    Ref,
    SortIdName,
    first_of,
    list_query,
    no_reply,
    page_of,
    query,
    unwrap,
)

__all__ = [
    "create_ssh_key",
    "delete_ssh_key",
    "get_ssh_key",
    "get_ssh_key_by_name",
    "list_ssh_keys",
    "update_ssh_key",
]

SSH_KEY = unwrap("ssh_key", SSHKey)
SSH_KEYS = page_of("ssh_keys", SSHKey)


_path = ObjectPath("ssh_keys")


def list_ssh_keys(
    *,
    name: str | None = None,
    fingerprint: str | None = None,
    label_selector: str | None = None,
    sort: SortIdName | Sequence[SortIdName] | None = None,
    page: int | None = None,
    per_page: int | None = None,
) -> Call[Page[SSHKey], Page[SSHKey[Async]]]:
    """List SSH keys, one page at a time.

    Args:
        name: Only the key with exactly this name.
        fingerprint: Only the key with this MD5 fingerprint (``"b7:2f:30:..."``).
        label_selector: Only keys whose labels match, e.g. ``"env=prod"``.
        sort: ``id`` or ``name``, optionally with ``:asc``/``:desc``; repeatable.
        page: Page number, from 1.
        per_page: Keys per page, 1 to 50 (the API's default is 25).
    """
    params = list_query(
        name=name,
        fingerprint=fingerprint,
        label_selector=label_selector,
        sort=sort,
        page=page,
        per_page=per_page,
    )
    return Call("GET", "/ssh_keys", SSH_KEYS, params)


def get_ssh_key_by_name(name: str, /) -> Call[SSHKey | None, SSHKey[Async] | None]:
    """Fetch the SSH key with this name, or ``None`` when there is none.

    Args:
        name: The key's name.
    """
    return Call("GET", "/ssh_keys", first_of("ssh_keys", SSHKey), query(name=name))


def get_ssh_key(ssh_key: Ref, /) -> Call[SSHKey, SSHKey[Async]]:
    """Fetch one SSH key.

    Args:
        ssh_key: The key, or its id.
    """
    return Call("GET", _path(ssh_key), SSH_KEY)


def create_ssh_key(
    payload: SSHKeyCreate | Body = None,
    /,
    *,
    name: str | None = None,
    public_key: str | None = None,
    labels: dict[str, str] | None = None,
) -> Call[SSHKey, SSHKey[Async]]:
    """Upload a public SSH key, to be put on servers later.

    Args:
        payload: The body as a model or mapping; keywords win over it.
        name: Name of the key (required).
        public_key: The public key in OpenSSH format, e.g. ``"ssh-ed25519 AAAA..."`` (required).
        labels: Labels of the key.
    """
    body = SSHKeyCreate.build(payload, name=name, public_key=public_key, labels=labels)
    return Call.with_payload("POST", "/ssh_keys", SSH_KEY, body)


def update_ssh_key(
    ssh_key: Ref,
    payload: SSHKeyUpdate | Body = None,
    /,
    *,
    name: str | None = None,
    labels: dict[str, str] | None = None,
) -> Call[SSHKey, SSHKey[Async]]:
    """Rename an SSH key or replace its labels.

    Args:
        ssh_key: The key, or its id.
        payload: The changes as a model or mapping; keywords win over it.
        name: New name.
        labels: New labels; they replace the old ones entirely.
    """
    body = SSHKeyUpdate.build(payload, name=name, labels=labels)
    return Call.with_payload("PUT", _path(ssh_key), SSH_KEY, body)


def delete_ssh_key(ssh_key: Ref, /) -> Call[None, None]:
    """Delete an SSH key (servers that already have it keep it).

    Args:
        ssh_key: The key, or its id.
    """
    return Call("DELETE", _path(ssh_key), no_reply)
