"""``client.certificates`` and bound certificates: uploaded and managed, retry, actions."""

from __future__ import annotations

from typing import Any

import pydantic
import pytest

from hcloud_models.errors import APIError
from hcloud_models.models.actions import Action
from hcloud_models.models.certificates import (
    Certificate,
    CertificateCreate,
    CreateCertificateResult,
)
from hcloud_models.models.page import Page
from hcloud_models.operations import certificates as ops
from tests import spec
from tests.conftest import Api, Recorder
from tests.helpers import assert_sent, bound_methods_test, refused_before_sending_test, reply_to

PEM = "-----BEGIN CERTIFICATE-----\nMIIB...\n-----END CERTIFICATE-----\n"
KEY = "-----BEGIN PRIVATE KEY-----\nMIIE...\n-----END PRIVATE KEY-----\n"


def assert_action(action: Any) -> None:
    assert isinstance(action, Action)
    assert action.id == 42
    assert action.is_bound


def managed_json() -> dict[str, Any]:
    """A managed certificate still being issued: no PEM, fingerprint or validity yet."""
    cert: dict[str, Any] = spec.example_reply("get_certificate")["certificate"]
    cert.update(
        type="managed",
        certificate=None,
        fingerprint=None,
        not_valid_before=None,
        not_valid_after=None,
        status={"issuance": "pending", "renewal": "unavailable", "error": None},
        used_by=[],
    )
    return cert


def test_list(api: Api, recorder: Recorder) -> None:
    reply_to(recorder, "list_certificates")
    page = api.run(
        lambda c: c.certificates.list(
            name="web",
            label_selector="env=prod",
            type=["uploaded", "managed"],
            sort="created:desc",
            page=1,
            per_page=5,
        )
    )
    assert_sent(
        recorder,
        "list_certificates",
        "/certificates",
        [
            ("name", "web"),
            ("label_selector", "env=prod"),
            ("type", "uploaded"),
            ("type", "managed"),
            ("sort", "created:desc"),
            ("page", "1"),
            ("per_page", "5"),
        ],
    )
    assert isinstance(page, Page)
    assert isinstance(page[0], Certificate)
    assert page[0].is_bound


def test_get_uploaded(api: Api, recorder: Recorder) -> None:
    reply_to(recorder, "get_certificate")
    cert = api.run(lambda c: c.certificates.get(42))
    assert_sent(recorder, "get_certificate", "/certificates/42")
    assert isinstance(cert, Certificate)
    assert cert.type == "uploaded"
    assert cert.certificate is not None
    assert cert.certificate.startswith("-----BEGIN CERTIFICATE-----")
    assert cert.not_valid_after is not None
    assert cert.domain_names == ["example.com", "webmail.example.com", "www.example.com"]
    assert cert.used_by[0].type == "load_balancer"
    assert cert.is_bound


def test_get_managed_while_pending(api: Api, recorder: Recorder) -> None:
    body = {"certificate": managed_json()}
    spec.validate(body, spec.reply_schema("get_certificate"))
    recorder.reply(body)
    cert = api.run(lambda c: c.certificates.get(42))
    assert cert.type == "managed"
    assert cert.certificate is None
    assert cert.fingerprint is None
    assert cert.status is not None
    assert cert.status.issuance == "pending"
    assert cert.status.error is None


def test_create_uploaded(api: Api, recorder: Recorder) -> None:
    body = spec.example_reply("create_certificate")
    body["action"] = None
    spec.validate(body, spec.reply_schema("create_certificate"))
    recorder.reply(body, status=201)
    result = api.run(
        lambda c: c.certificates.create(
            name="web", certificate=PEM, private_key=KEY, labels={"env": "prod"}
        )
    )
    assert_sent(
        recorder,
        "create_certificate",
        "/certificates",
        body={"name": "web", "certificate": PEM, "private_key": KEY, "labels": {"env": "prod"}},
    )
    assert isinstance(result, CreateCertificateResult)
    assert isinstance(result.certificate, Certificate)
    assert result.certificate.is_bound
    assert result.action is None


def test_create_managed_returns_the_issuing_action(api: Api, recorder: Recorder) -> None:
    body = spec.example_reply("create_certificate")
    body["certificate"] = managed_json()
    body["action"]["command"] = "create_certificate"
    spec.validate(body, spec.reply_schema("create_certificate"))
    recorder.reply(body, status=201)
    result = api.run(
        lambda c: c.certificates.create(
            {"name": "web", "type": "managed"}, domain_names=("example.com", "www.example.com")
        )
    )
    assert_sent(
        recorder,
        "create_certificate",
        "/certificates",
        body={
            "name": "web",
            "type": "managed",
            "domain_names": ["example.com", "www.example.com"],
        },
    )
    assert result.certificate.type == "managed"
    assert_action(result.action)
    assert result.action.command == "create_certificate"


def test_update(api: Api, recorder: Recorder) -> None:
    reply_to(recorder, "update_certificate")
    cert = api.run(lambda c: c.certificates.update(42, name="web-2", labels={}))
    assert_sent(
        recorder, "update_certificate", "/certificates/42", body={"name": "web-2", "labels": {}}
    )
    assert isinstance(cert, Certificate)
    assert cert.is_bound


def test_delete_in_use_raises(api: Api, recorder: Recorder) -> None:
    recorder.error(422, "resource_in_use", "certificate is used by a Load Balancer")
    with pytest.raises(APIError) as caught:
        api.run(lambda c: c.certificates.delete(42))
    assert caught.value.code == "resource_in_use"
    assert len(recorder.requests) == 1


def test_retry(api: Api, recorder: Recorder) -> None:
    reply_to(recorder, "retry_certificate")
    action = api.run(lambda c: c.certificates.retry(42))
    assert_sent(recorder, "retry_certificate", "/certificates/42/actions/retry")
    assert_action(action)


test_invalid_payload_is_refused_before_sending = refused_before_sending_test(
    [
        pytest.param(
            lambda c: c.certificates.create(certificate=PEM, private_key=KEY), "name", id="no-name"
        ),
        pytest.param(
            lambda c: c.certificates.create(name="web", certificate=PEM),
            "private_key",
            id="uploaded-without-key",
        ),
        pytest.param(
            lambda c: c.certificates.create(name="web", type="uploaded"),
            "certificate",
            id="uploaded-without-pem",
        ),
        pytest.param(
            lambda c: c.certificates.create(name="web", certificate="MIIB", private_key=KEY),
            "certificate",
            id="certificate-not-pem",
        ),
        pytest.param(
            lambda c: c.certificates.create(name="web", certificate=PEM, private_key="secret"),
            "private_key",
            id="key-not-pem",
        ),
        pytest.param(
            lambda c: c.certificates.create(
                name="web", certificate=PEM, private_key=KEY, domain_names=["example.com"]
            ),
            "domain_names",
            id="uploaded-with-domain-names",
        ),
        pytest.param(
            lambda c: c.certificates.create(name="web", type="managed"),
            "domain_names",
            id="managed-without-domains",
        ),
        pytest.param(
            lambda c: c.certificates.create(name="web", type="managed", domain_names=[]),
            "domain_names",
            id="managed-empty-domains",
        ),
        pytest.param(
            lambda c: c.certificates.create(
                name="web", type="managed", domain_names=["example.com"], private_key=KEY
            ),
            "private_key",
            id="managed-with-key",
        ),
        pytest.param(
            lambda c: c.certificates.create(
                name="web", type="letsencrypt", domain_names=["example.com"]
            ),
            "type",
            id="unknown-type",
        ),
        pytest.param(
            lambda c: c.certificates.update(42, labels={"hetzner.cloud/x": "y"}),
            "labels",
            id="update-reserved-label",
        ),
        pytest.param(
            lambda c: c.certificates.update(42, {"domain_names": ["example.com"]}),
            "domain_names",
            id="update-unknown-key",
        ),
    ],
    in_message=True,
)


test_bound_methods_send_what_the_resource_sends = bound_methods_test(
    "get_certificate",
    lambda c: c.certificates.get(42),
    [
        pytest.param(
            "retry_certificate",
            lambda c, x: c.certificates.retry(42),
            lambda c, x: x.retry(),
            id="retry",
        ),
    ],
)


def test_private_keys_never_show_in_reprs_or_errors(recorder: Recorder) -> None:
    secret = "-----BEGIN PRIVATE KEY-----\nS3CRETKEYMATERIAL\n-----END PRIVATE KEY-----\n"
    body = CertificateCreate(name="web", certificate=PEM, private_key=secret)
    assert "S3CRETKEYMATERIAL" not in repr(body)
    assert "S3CRETKEYMATERIAL" not in repr(ops.create_certificate(body))
    with pytest.raises(pydantic.ValidationError) as caught:  # a rule across fields
        CertificateCreate(name="web", certificate=PEM, private_key=secret, domain_names=["a.b"])
    assert "S3CRETKEYMATERIAL" not in str(caught.value)
    with pytest.raises(pydantic.ValidationError) as caught:  # the key itself is malformed
        CertificateCreate(name="web", certificate=PEM, private_key="S3CRETKEYMATERIAL")
    assert "S3CRETKEYMATERIAL" not in str(caught.value)
    assert recorder.requests == []
