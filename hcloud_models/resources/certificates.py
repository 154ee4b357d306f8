"""``client.certificates``: TLS certificates for Load Balancers and their actions."""

from __future__ import annotations

from .._modes import M
from ..operations import certificates as ops
from ..operations._call import Endpoint, Paged
from ._base import Resource

__all__ = ["CertificatesResource"]


class CertificatesResource(Resource[M]):
    """Certificates: upload them or have them issued, list, rename, retry and delete them."""

    list = Endpoint(ops.list_certificates, "list_certificates")
    all = Paged(ops.list_certificates)
    get = Endpoint(ops.get_certificate, "get_certificate")
    get_by_name = Endpoint(ops.get_certificate_by_name)
    create = Endpoint(ops.create_certificate, "create_certificate")
    update = Endpoint(ops.update_certificate, "update_certificate")
    delete = Endpoint(ops.delete_certificate, "delete_certificate")

    retry = Endpoint(ops.retry_certificate, "retry_certificate")

    actions = Endpoint(ops.ACTIONS.of)
    get_action_of = Endpoint(ops.ACTIONS.get_of)
    list_actions = Endpoint(ops.ACTIONS.list)
    get_action = Endpoint(ops.ACTIONS.get)
