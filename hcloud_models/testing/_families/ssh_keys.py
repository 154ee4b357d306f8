"""SSH keys: create, get, list (name, fingerprint, labels), update, delete."""

from __future__ import annotations

import base64
import binascii
import hashlib

from .._core import (
    ApiError,
    FakeCloud,
    Json,
    Reply,
    Req,
    check_unique_name,
    get_or_404,
    public,
)
from ._shared import apply_update

ORDER = 30

KEY_TYPES = (
    "ssh-ed25519",
    "ssh-rsa",
    "ssh-dss",
    "ecdsa-sha2-nistp256",
    "ecdsa-sha2-nistp384",
    "ecdsa-sha2-nistp521",
    "sk-ssh-ed25519@openssh.com",
    "sk-ecdsa-sha2-nistp256@openssh.com",
)


def fingerprint(public_key: str) -> str | None:
    """The MD5 fingerprint (``aa:bb:..``) of an OpenSSH public key, or ``None`` if invalid."""
    parts = public_key.split()
    if len(parts) < 2 or parts[0] not in KEY_TYPES:
        return None
    try:
        blob = base64.b64decode(parts[1], validate=True)
    except (binascii.Error, ValueError):
        return None
    if not blob:
        return None
    digest = hashlib.md5(blob, usedforsecurity=False).hexdigest()
    return ":".join(digest[i : i + 2] for i in range(0, 32, 2))


def register(cloud: FakeCloud) -> None:
    """Serve the SSH key routes."""
    keys = cloud.collection("ssh_keys")

    @cloud.route("GET", "/ssh_keys")
    def list_keys(req: Req) -> Reply:
        return cloud.list_reply(
            req,
            "ssh_keys",
            keys.values(),
            sort=("id", "name"),
            filters={"fingerprint": lambda key, values: key["fingerprint"] in values},
        )

    @cloud.route("POST", "/ssh_keys")
    def create_key(req: Req) -> Reply:
        body = req.body()
        name = body.text("name", required=True)
        text = body.text("public_key", required=True)
        labels = body.labels() or {}
        printed = fingerprint(text) if text is not None else None
        if text is not None and printed is None:
            body.error("public_key", "is not a valid OpenSSH public key")
        body.done()
        assert name is not None
        assert text is not None
        assert printed is not None
        check_unique_name(cloud, "ssh_keys", name, "SSH key")
        if any(key["fingerprint"] == printed for key in keys.values()):
            raise ApiError.unique("public_key", "SSH key with the same fingerprint already exists")
        key: Json = {
            "id": cloud.new_id(),
            "name": name,
            "fingerprint": printed,
            "public_key": text.strip(),
            "labels": labels,
            "created": cloud.now_iso(),
        }
        keys[key["id"]] = key
        return 201, {"ssh_key": public(key)}

    @cloud.route("GET", "/ssh_keys/{id}")
    def get_key(req: Req, id: int) -> Reply:
        return {"ssh_key": public(get_or_404(cloud, "ssh_keys", id, "SSH key"))}

    @cloud.route("PUT", "/ssh_keys/{id}")
    def update_key(req: Req, id: int) -> Reply:
        key = get_or_404(cloud, "ssh_keys", id, "SSH key")
        apply_update(cloud, req, key, "ssh_keys", "SSH key", {"name": "string", "labels": "object"})
        return {"ssh_key": public(key)}

    @cloud.route("DELETE", "/ssh_keys/{id}")
    def delete_key(req: Req, id: int) -> Reply:
        get_or_404(cloud, "ssh_keys", id, "SSH key")
        del keys[id]
        return 204, None
