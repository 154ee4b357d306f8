"""Error replies become typed exceptions, chosen by code, then by status."""

from __future__ import annotations

import pytest

from hcloud_models import RetryPolicy, errors
from tests.conftest import Api, Recorder

# The 22 documented error codes with their statuses and exception classes.
DOCUMENTED = [
    (400, "json_error", errors.JSONError),
    (401, "unauthorized", errors.UnauthorizedError),
    (401, "token_readonly", errors.TokenReadonlyError),
    (403, "forbidden", errors.ForbiddenError),
    (403, "maintenance", errors.MaintenanceError),
    (403, "resource_limit_exceeded", errors.ResourceLimitExceededError),
    (404, "not_found", errors.NotFoundError),
    (405, "method_not_allowed", errors.MethodNotAllowedError),
    (409, "uniqueness_error", errors.UniquenessError),
    (409, "conflict", errors.ConflictError),
    (410, "deprecated_api_endpoint", errors.DeprecatedAPIEndpointError),
    (412, "resource_unavailable", errors.ResourceUnavailableError),
    (422, "invalid_input", errors.InvalidInputError),
    (422, "service_error", errors.ServiceError),
    (422, "unsupported_error", errors.UnsupportedError),
    (423, "locked", errors.LockedError),
    (423, "protected", errors.ProtectedError),
    (429, "rate_limit_exceeded", errors.RateLimitExceededError),
    (500, "server_error", errors.ServerError),
    (502, "bad_gateway", errors.BadGatewayError),
    (503, "unavailable", errors.UnavailableError),
    (504, "timeout", errors.GatewayTimeoutError),
]


def test_all_22_codes_are_covered() -> None:
    assert len(DOCUMENTED) == 22
    assert len({code for _, code, _ in DOCUMENTED}) == 22


@pytest.mark.parametrize(("status", "code", "cls"), DOCUMENTED)
def test_each_documented_code_maps_to_its_class(
    api: Api, status: int, code: str, cls: type[errors.APIError]
) -> None:
    api.client._session.retry = RetryPolicy.disabled()
    api.recorder.reply(
        {"error": {"code": code, "message": f"{code} happened", "details": {}}},
        status=status,
        headers={"X-Correlation-Id": "corr-123"},
    )
    with pytest.raises(cls) as caught:
        api.run(lambda c: c.actions.get(7))
    error = caught.value
    assert type(error) is cls
    assert isinstance(error, errors.APIError)
    assert isinstance(error, errors.HcloudError)
    assert (error.status, error.code, error.message) == (status, code, f"{code} happened")
    assert error.correlation_id == "corr-123"
    assert (error.method, error.path) == ("GET", "/actions/7")
    assert str(error) == f"{status} {code}: {code} happened (GET /actions/7)"
    assert len(api.recorder.requests) == 1


def test_invalid_input_exposes_fields(api: Api) -> None:
    api.recorder.error(
        422,
        "invalid_input",
        "invalid input in field 'name'",
        fields=[{"name": "name", "messages": ["is too long", "is invalid"]}],
    )
    with pytest.raises(errors.InvalidInputError) as caught:
        api.run(lambda c: c.actions.get(1))
    assert caught.value.fields == {"name": ["is too long", "is invalid"]}


def test_uniqueness_and_limit_details(recorder: Recorder, client: object) -> None:
    from hcloud_models import Client

    assert isinstance(client, Client)
    recorder.error(409, "uniqueness_error", "taken", fields=[{"name": "public_key"}])
    with pytest.raises(errors.UniquenessError) as unique:
        client.actions.get(1)
    assert unique.value.fields == ["public_key"]
    recorder.error(403, "resource_limit_exceeded", "limit", limits=[{"name": "project_limit"}])
    with pytest.raises(errors.ResourceLimitExceededError) as limit:
        client.actions.get(1)
    assert limit.value.limits == ["project_limit"]


def test_unknown_code_is_a_plain_api_error(api: Api) -> None:
    api.recorder.error(418, "teapot", "short and stout")
    with pytest.raises(errors.APIError) as caught:
        api.run(lambda c: c.actions.get(1))
    assert type(caught.value) is errors.APIError
    assert (caught.value.status, caught.value.code) == (418, "teapot")


def test_unknown_code_on_a_known_status_stays_generic(api: Api) -> None:
    api.recorder.error(404, "no_such_thing", "gone")
    with pytest.raises(errors.APIError) as caught:
        api.run(lambda c: c.actions.get(1))
    assert type(caught.value) is errors.APIError
    assert caught.value.code == "no_such_thing"


def test_html_error_page_falls_back_to_the_status(api: Api) -> None:
    api.client._session.retry = RetryPolicy.disabled()
    api.recorder.reply(
        content=b"<html><body><h1>502 Bad Gateway</h1></body></html>",
        status=502,
        headers={"Content-Type": "text/html"},
    )
    with pytest.raises(errors.BadGatewayError) as caught:
        api.run(lambda c: c.actions.get(1))
    assert caught.value.code == "bad_gateway"
    assert caught.value.message == "Bad Gateway"
    assert caught.value.details == {}


def test_empty_error_body_with_unmapped_status(api: Api) -> None:
    api.recorder.reply(status=418)
    with pytest.raises(errors.APIError) as caught:
        api.run(lambda c: c.actions.get(1))
    assert (caught.value.status, caught.value.code) == (418, "unknown")


def test_error_class_for_prefers_the_code() -> None:
    assert errors.error_class_for(409, "conflict") is errors.ConflictError
    assert errors.error_class_for(409, None) is errors.APIError
    assert errors.error_class_for(423, None) is errors.APIError
    assert errors.error_class_for(404, None) is errors.NotFoundError
    assert errors.error_class_for(500, "locked") is errors.LockedError


def test_success_with_garbage_body_is_invalid_response(api: Api) -> None:
    api.client._session.retry = RetryPolicy.disabled()
    api.recorder.reply(content=b"{not json", status=200)
    with pytest.raises(errors.InvalidResponseError) as caught:
        api.run(lambda c: c.actions.get(1))
    assert (caught.value.status, caught.value.method, caught.value.path) == (
        200,
        "GET",
        "/actions/1",
    )


def test_success_with_wrong_shape_is_invalid_response(api: Api) -> None:
    api.recorder.reply({"action": {"id": "not-a-number"}})
    api.client._session.retry = RetryPolicy.disabled()
    with pytest.raises(errors.InvalidResponseError, match=r"action\.id"):
        api.run(lambda c: c.actions.get(1))


def test_success_with_empty_body_where_one_is_expected(api: Api) -> None:
    api.client._session.retry = RetryPolicy.disabled()
    api.recorder.reply(status=200)
    with pytest.raises(errors.InvalidResponseError, match="empty body"):
        api.run(lambda c: c.actions.get(1))
