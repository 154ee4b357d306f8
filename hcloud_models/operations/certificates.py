"""Operations on certificates: CRUD, retrying an issuance, actions."""

from __future__ import annotations

from collections.abc import Sequence

from .._modes import Async
from ..models.actions import Action
from ..models.certificates import (
    Certificate,
    CertificateCreate,
    CertificateType,
    CertificateUpdate,
    CreateCertificateResult,
)
from ..models.page import Page
from ._call import (
    Body,
    Call,
    ObjectPath,
    Ref,
    SortIdNameCreated,
    first_of,
    list_query,
    no_reply,
    page_of,
    query,
    unwrap,
    whole,
)
from .actions import ACTION, FamilyActions

__all__ = [
    "ACTIONS",
    "create_certificate",
    "delete_certificate",
    "get_certificate",
    "get_certificate_by_name",
    "list_certificates",
    "retry_certificate",
    "update_certificate",
]

CERTIFICATE = unwrap("certificate", Certificate)
CERTIFICATES = page_of("certificates", Certificate)
ACTIONS: FamilyActions = FamilyActions("certificates", "certificate")

_path = ObjectPath("certificates")


def list_certificates(
    *,
    name: str | None = None,
    label_selector: str | None = None,
    type: CertificateType | Sequence[CertificateType] | None = None,  # noqa: A002 - API name
    sort: SortIdNameCreated | Sequence[SortIdNameCreated] | None = None,
    page: int | None = None,
    per_page: int | None = None,
) -> Call[Page[Certificate], Page[Certificate[Async]]]:
    """List certificates, one page at a time.

    Args:
        name: Only the certificate with exactly this name.
        label_selector: Only certificates whose labels match, e.g. ``"env=prod"``.
        type: Only ``"uploaded"`` or ``"managed"`` certificates (or both).
        sort: ``id``, ``name`` or ``created``, optionally with ``:asc``/``:desc``; repeatable.
        page: Page number, from 1.
        per_page: Certificates per page, 1 to 50 (the API's default is 25).
    """
    params = list_query(
        name=name,
        label_selector=label_selector,
        type=type,
        sort=sort,
        page=page,
        per_page=per_page,
    )
    return Call("GET", "/certificates", CERTIFICATES, params)


def get_certificate_by_name(name: str, /) -> Call[Certificate | None, Certificate[Async] | None]:
    """Fetch the certificate with this name, or ``None`` when there is none.

    Args:
        name: The certificate's name.
    """
    return Call("GET", "/certificates", first_of("certificates", Certificate), query(name=name))


def get_certificate(certificate: Ref, /) -> Call[Certificate, Certificate[Async]]:
    """Fetch one certificate.

    Args:
        certificate: The certificate, or its id.
    """
    return Call("GET", _path(certificate), CERTIFICATE)


def create_certificate(
    payload: CertificateCreate | Body = None,
    /,
    *,
    name: str | None = None,
    type: CertificateType | None = None,  # noqa: A002 - the API's field name
    certificate: str | None = None,
    private_key: str | None = None,
    domain_names: Sequence[str] | None = None,
    labels: dict[str, str] | None = None,
) -> Call[CreateCertificateResult, CreateCertificateResult[Async]]:
    """Upload a certificate, or have a managed one issued by Let's Encrypt.

    Upload: ``create(name=..., certificate=pem_chain, private_key=pem_key)``.
    Managed: ``create(name=..., type="managed", domain_names=["example.com"])``;
    the reply's action follows the issuance.

    Args:
        payload: The body as a model or mapping; keywords win over it.
        name: Name of the certificate (required).
        type: ``"uploaded"`` (the default) or ``"managed"``.
        certificate: The certificate chain in PEM, leaf first (uploaded only).
        private_key: The private key in PEM (uploaded only).
        domain_names: Names the certificate is issued for (managed only).
        labels: Labels of the certificate.

    Returns:
        The new certificate and, for a managed one, the issuing action.
    """
    body = CertificateCreate.build(
        payload,
        name=name,
        type=type,
        certificate=certificate,
        private_key=private_key,
        domain_names=None if domain_names is None else list(domain_names),
        labels=labels,
    )
    return Call.with_payload("POST", "/certificates", whole(CreateCertificateResult), body)


def update_certificate(
    certificate: Ref,
    payload: CertificateUpdate | Body = None,
    /,
    *,
    name: str | None = None,
    labels: dict[str, str] | None = None,
) -> Call[Certificate, Certificate[Async]]:
    """Rename a certificate or replace its labels.

    Args:
        certificate: The certificate, or its id.
        payload: The changes as a model or mapping; keywords win over it.
        name: New name.
        labels: New labels; they replace the old ones entirely.
    """
    body = CertificateUpdate.build(payload, name=name, labels=labels)
    return Call.with_payload("PUT", _path(certificate), CERTIFICATE, body)


def delete_certificate(certificate: Ref, /) -> Call[None, None]:
    """Delete a certificate (it must not be in use by a Load Balancer service).

    Args:
        certificate: The certificate, or its id.
    """
    return Call("DELETE", _path(certificate), no_reply)


def retry_certificate(certificate: Ref, /) -> Call[Action, Action[Async]]:
    """Try again to issue or renew a managed certificate whose last attempt failed.

    Args:
        certificate: The certificate, or its id.
    """
    return Call("POST", _path(certificate, "retry"), ACTION)
