"""Certificates: TLS certificates for Load Balancers, uploaded or issued and renewed by the API."""

from datetime import datetime
from typing import TYPE_CHECKING, Annotated, ClassVar, Generic, Literal

from pydantic import Field, field_validator, model_validator
from typing_extensions import Self

from .._modes import M
from ._base import OPEN, BoundModel, HcloudModel, Labels, Payload, SecretPayload, delegate
from .actions import Action

if TYPE_CHECKING:
    from ..operations import certificates as ops

__all__ = [
    "Certificate",
    "CertificateCreate",
    "CertificateStatus",
    "CertificateStatusError",
    "CertificateType",
    "CertificateUpdate",
    "CertificateUsedBy",
    "CreateCertificateResult",
]

CertificateType = Literal["uploaded", "managed"]
"""Uploaded (the PEM is given) or managed (issued and renewed through Let's Encrypt)."""


class CertificateStatusError(HcloudModel):
    """Why the issuance or renewal of a managed certificate failed."""

    code: str | None = None
    message: str | None = None


class CertificateStatus(HcloudModel):
    """Where a managed certificate stands in being issued and renewed.

    ``error`` is set when ``issuance`` or ``renewal`` has failed.
    """

    issuance: Annotated[Literal["pending", "completed", "failed"], OPEN] | None = None
    renewal: Annotated[Literal["scheduled", "pending", "failed", "unavailable"], OPEN] | None = None
    error: CertificateStatusError | None = None


class CertificateUsedBy(HcloudModel):
    """A resource using a certificate, such as a Load Balancer (``type`` ``"load_balancer"``)."""

    id: int
    type: str


class Certificate(BoundModel[M]):
    """A TLS certificate with its chain, validity, domain names and the resources using it.

    ``certificate`` (the PEM), ``fingerprint`` and the validity dates are
    ``None`` while a managed certificate is still being issued.  ``status`` is
    set for managed certificates only.
    """

    _resource: ClassVar[str] = "certificates"

    id: int
    name: str
    labels: dict[str, str]
    type: Annotated[CertificateType, OPEN] | None = None
    certificate: str | None
    created: datetime
    not_valid_before: datetime | None
    not_valid_after: datetime | None
    domain_names: list[str]
    fingerprint: str | None
    status: CertificateStatus | None = None
    used_by: list[CertificateUsedBy]

    reload = delegate(lambda: ops.get_certificate, "get")
    """Fetch the certificate again and return its current state (the object itself is unchanged)."""
    update = delegate(lambda: ops.update_certificate)
    delete = delegate(lambda: ops.delete_certificate)
    retry = delegate(lambda: ops.retry_certificate)
    actions = delegate(lambda: ops.ACTIONS.of)


class CreateCertificateResult(HcloudModel, Generic[M]):
    """Reply to creating a certificate.

    ``action`` follows the issuance of a managed certificate; it is ``None``
    for an uploaded one.
    """

    certificate: Certificate[M]
    action: Action[M] | None = None


_PEM_CERTIFICATE = "-----BEGIN CERTIFICATE-----"


class CertificateCreate(SecretPayload):
    """Body that uploads a certificate or asks for a managed one.

    ``name`` is required.  An ``"uploaded"`` certificate (the default type)
    needs ``certificate`` (the PEM chain, leaf first) and ``private_key`` (PEM)
    and takes no ``domain_names``; a ``"managed"`` one needs ``domain_names``
    (at least one, in zones hosted by Hetzner DNS) and takes neither PEM.
    """

    name: Annotated[str, Field(min_length=1)]
    labels: Labels | None = None
    type: CertificateType | None = None
    certificate: str | None = None
    private_key: str | None = Field(default=None, repr=False)
    domain_names: list[Annotated[str, Field(min_length=1)]] | None = None

    @field_validator("certificate")
    @classmethod
    def _certificate_is_pem(cls, value: str | None) -> str | None:
        if value is not None and _PEM_CERTIFICATE not in value:
            raise ValueError(
                f"certificate must be in PEM format, starting with {_PEM_CERTIFICATE!r}"
            )
        return value

    @field_validator("private_key")
    @classmethod
    def _private_key_is_pem(cls, value: str | None) -> str | None:
        if value is not None and not ("-----BEGIN " in value and "PRIVATE KEY-----" in value):
            raise ValueError(
                "private_key must be in PEM format, e.g. '-----BEGIN PRIVATE KEY-----...'"
            )
        return value

    @model_validator(mode="after")
    def _fields_match_type(self) -> Self:
        if self.type == "managed":
            if not self.domain_names:
                raise ValueError("a managed certificate needs domain_names (at least one)")
            given = [f for f in ("certificate", "private_key") if getattr(self, f) is not None]
            if given:
                raise ValueError(
                    f"{' and '.join(given)} cannot be given for a managed certificate: "
                    "it is issued by Let's Encrypt"
                )
        else:
            missing = [f for f in ("certificate", "private_key") if getattr(self, f) is None]
            if missing:
                raise ValueError(
                    f"an uploaded certificate needs {' and '.join(missing)} (PEM); "
                    "for one issued by the API, use type='managed' with domain_names"
                )
            if self.domain_names is not None:
                raise ValueError(
                    "domain_names are only for managed certificates; an uploaded one "
                    "takes its names from the PEM"
                )
        return self


class CertificateUpdate(Payload):
    """Body that renames a certificate or replaces its labels."""

    name: Annotated[str, Field(min_length=1)] | None = None
    labels: Labels | None = None
