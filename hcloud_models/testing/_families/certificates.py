"""Certificates: uploaded and managed, issuance as an action, retry, no deletion while in use.

An uploaded certificate is stored as given; the fake does not parse the PEM,
so its validity is a year from upload and its fingerprint a digest of the
text.  A managed certificate starts with ``status.issuance == "pending"`` and
no PEM; the ``create_certificate`` action issues it (or, when made to fail,
leaves ``issuance`` ``"failed"`` with an error, after which ``retry`` starts
``issue_certificate``).  A certificate used by a Load Balancer service
cannot be deleted.
"""

from __future__ import annotations

import hashlib
from datetime import datetime, timedelta

from .._core import ApiError, FakeCloud, Json, Reply, Req, check_unique_name, get_or_404, public
from ._shared import apply_update, register_action_routes

ORDER = 55

ISSUE_SECONDS = 5.0


def _fingerprint(text: str) -> str:
    digest = hashlib.sha256(text.encode()).hexdigest()[:40]
    return ":".join(digest[i : i + 2] for i in range(0, len(digest), 2))


def _later(stamp: str, days: int) -> str:
    moment = datetime.fromisoformat(stamp.replace("Z", "+00:00")) + timedelta(days=days)
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


def register(cloud: FakeCloud) -> None:
    """Serve the certificate routes."""
    certs = cloud.collection("certificates")

    def show(cert: Json) -> Json:
        # Other families (Load Balancers) add themselves to ``used_by``.
        return cloud.view("certificates", cert)

    def get(ident: int) -> Json:
        return get_or_404(cloud, "certificates", ident, "certificate")

    def issue(cert: Json, command: str) -> Json:
        cert["status"] = {"issuance": "pending", "renewal": "unavailable", "error": None}

        def issued() -> None:
            now = cloud.now_iso()
            pem = (
                "-----BEGIN CERTIFICATE-----\n"
                f"{hashlib.sha256(str(cert['id']).encode()).hexdigest()}\n"
                "-----END CERTIFICATE-----\n"
            )
            cert.update(
                certificate=pem,
                fingerprint=_fingerprint(pem),
                not_valid_before=now,
                not_valid_after=_later(now, 90),
                status={"issuance": "completed", "renewal": "scheduled", "error": None},
            )

        def failed() -> None:
            cert["status"] = {
                "issuance": "failed",
                "renewal": "unavailable",
                "error": {"code": "dns_zone_not_found", "message": "no DNS zone for the domain"},
            }

        return cloud.start_action(
            command,
            [("certificate", cert["id"])],
            family="certificates",
            duration=ISSUE_SECONDS,
            on_success=issued,
            on_error=failed,
        )

    @cloud.route("GET", "/certificates")
    def list_certs(req: Req) -> Reply:
        return cloud.list_reply(
            req,
            "certificates",
            certs.values(),
            filters={"type": lambda cert, values: cert["type"] in values},
            render=show,
        )

    @cloud.route("POST", "/certificates")
    def create_cert(req: Req) -> Reply:
        body = req.body()
        name = body.text("name", required=True)
        kind = body.choice("type", ("uploaded", "managed")) or "uploaded"
        labels = body.labels() or {}
        pem = body.text("certificate")
        key = body.text("private_key")
        domains = body.get("domain_names", "array")
        if kind == "uploaded":
            for field_name, value in (("certificate", pem), ("private_key", key)):
                if value is None and field_name not in body.errors:
                    body.error(field_name, "is required for uploaded certificates")
            if pem is not None and "-----BEGIN CERTIFICATE-----" not in pem:
                body.error("certificate", "is not a PEM certificate")
            if key is not None and "PRIVATE KEY-----" not in key:
                body.error("private_key", "is not a PEM private key")
        elif not domains or not all(isinstance(d, str) and d for d in domains):
            body.error("domain_names", "is required for managed certificates")
        body.done()
        assert name is not None
        check_unique_name(cloud, "certificates", name, "certificate")
        ident = cloud.new_id()
        now = cloud.now_iso()
        cert: Json = {
            "id": ident,
            "name": name,
            "labels": labels,
            "type": kind,
            "certificate": None,
            "created": now,
            "not_valid_before": None,
            "not_valid_after": None,
            "domain_names": list(domains or []),
            "fingerprint": None,
            "status": None,
            "used_by": [],
        }
        certs[ident] = cert
        if kind == "uploaded":
            assert pem is not None
            cert.update(
                certificate=pem,
                fingerprint=_fingerprint(pem),
                not_valid_before=now,
                not_valid_after=_later(now, 365),
            )
            return 201, {"certificate": show(cert), "action": None}
        action = issue(cert, "create_certificate")
        return 201, {"certificate": show(cert), "action": public(action)}

    @cloud.route("GET", "/certificates/{id}")
    def get_cert(req: Req, id: int) -> Reply:
        return {"certificate": show(get(id))}

    @cloud.route("PUT", "/certificates/{id}")
    def update_cert(req: Req, id: int) -> Reply:
        cert = get(id)
        apply_update(cloud, req, cert, "certificates", "certificate", {
            "name": "string", "labels": "object"
        })  # fmt: skip
        return {"certificate": show(cert)}

    @cloud.route("DELETE", "/certificates/{id}")
    def delete_cert(req: Req, id: int) -> Reply:
        cert = get(id)
        if show(cert)["used_by"]:
            raise ApiError(422, "resource_in_use", f"certificate {id} is used by a Load Balancer")
        cloud.check_unlocked("certificate", id)
        del certs[id]
        return 204, None

    @cloud.route("POST", "/certificates/{id}/actions/retry")
    def retry(req: Req, id: int) -> Reply:
        cert = get(id)
        req.json()
        status = cert.get("status") or {}
        if cert["type"] != "managed" or status.get("issuance") != "failed":
            raise ApiError(
                422, "unsupported_error", "only a managed certificate whose issuance failed"
            )
        cloud.check_unlocked("certificate", id)
        return 201, {"action": public(issue(cert, "issue_certificate"))}

    register_action_routes(cloud, "certificates", "certificate", "certificate")
