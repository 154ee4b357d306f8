"""The exceptions the SDK raises.

Everything derives from :class:`HcloudError`.  Replies with an error status
become an :class:`APIError` subclass chosen by the API's error code (falling
back to the status, then to :class:`APIError` itself); failures of the
connection become :class:`TransportError` subclasses with the httpx exception
chained as ``__cause__``.  No exception ever carries the API token.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .models.actions import Action

__all__ = [
    "APIError",
    "ActionFailed",
    "ActionTimeout",
    "BadGatewayError",
    "ConflictError",
    "ConnectError",
    "ConnectionLostError",
    "DeprecatedAPIEndpointError",
    "ForbiddenError",
    "GatewayTimeoutError",
    "HcloudError",
    "InvalidInputError",
    "InvalidResponseError",
    "JSONError",
    "LockedError",
    "MaintenanceError",
    "MethodNotAllowedError",
    "NotFoundError",
    "ProtectedError",
    "RateLimitExceededError",
    "RequestTimeoutError",
    "ResourceLimitExceededError",
    "ResourceUnavailableError",
    "ServerError",
    "ServiceError",
    "TokenReadonlyError",
    "TransportError",
    "UnauthorizedError",
    "UnavailableError",
    "UnboundObjectError",
    "UniquenessError",
    "UnsupportedError",
    "error_class_for",
]


class HcloudError(Exception):
    """Root of every exception raised by hcloud_models."""


class UnboundObjectError(HcloudError):
    """A method that needs the API was called on an object that no client returned.

    Objects built by hand (``Server.model_validate(data)``) or unpickled carry
    data only; fetch them through a client to call their methods.
    """


class APIError(HcloudError):
    """The API answered with an error.

    Attributes:
        status: HTTP status code of the reply.
        code: The API's machine-readable error code (``"not_found"``...), or
            ``"unknown"`` when the body carried none (a proxy's HTML page, say).
        message: The API's human-readable message.
        details: The code-specific details object, ``{}`` when absent.
        correlation_id: The ``X-Correlation-Id`` header, useful to Hetzner support.
        method: Method of the request that failed.
        path: Path of the request that failed (no host, no query).
    """

    default_code: str = "unknown"

    def __init__(
        self,
        message: str,
        *,
        status: int,
        code: str | None = None,
        details: Mapping[str, Any] | None = None,
        correlation_id: str | None = None,
        method: str = "",
        path: str = "",
    ) -> None:
        self.status = status
        self.code = code or self.default_code
        self.message = message
        self.details: dict[str, Any] = dict(details or {})
        self.correlation_id = correlation_id
        self.method = method
        self.path = path
        where = f" ({method} {path})" if method else ""
        super().__init__(f"{status} {self.code}: {message}{where}")


class JSONError(APIError):
    """400 ``json_error``: the request body was not valid JSON."""

    default_code = "json_error"


class UnauthorizedError(APIError):
    """401 ``unauthorized``: the token is missing, invalid or unknown."""

    default_code = "unauthorized"


class TokenReadonlyError(APIError):
    """401 ``token_readonly``: the token may only make GET requests."""

    default_code = "token_readonly"


class ForbiddenError(APIError):
    """403 ``forbidden``: the token lacks the permission for this request."""

    default_code = "forbidden"


class MaintenanceError(APIError):
    """403 ``maintenance``: the operation is impossible during maintenance."""

    default_code = "maintenance"


class ResourceLimitExceededError(APIError):
    """403 ``resource_limit_exceeded``: a quota of the project is exhausted."""

    default_code = "resource_limit_exceeded"

    @property
    def limits(self) -> list[str]:
        """Names of the limits that were hit (from ``details.limits``)."""
        return [str(item.get("name")) for item in self.details.get("limits", [])]


class NotFoundError(APIError):
    """404 ``not_found``: no such object."""

    default_code = "not_found"


class MethodNotAllowedError(APIError):
    """405 ``method_not_allowed``: the path does not take this method."""

    default_code = "method_not_allowed"


class UniquenessError(APIError):
    """409 ``uniqueness_error``: a field that must be unique is already taken."""

    default_code = "uniqueness_error"

    @property
    def fields(self) -> list[str]:
        """Names of the fields that clash (from ``details.fields``)."""
        return [str(item.get("name")) for item in self.details.get("fields", [])]


class ConflictError(APIError):
    """409 ``conflict``: the object changed while the request ran; retrying is safe."""

    default_code = "conflict"


class DeprecatedAPIEndpointError(APIError):
    """410 ``deprecated_api_endpoint``: the endpoint's function was removed."""

    default_code = "deprecated_api_endpoint"


class ResourceUnavailableError(APIError):
    """412 ``resource_unavailable``: the resource cannot be had right now (not orderable)."""

    default_code = "resource_unavailable"


class InvalidInputError(APIError):
    """422 ``invalid_input``: the API rejected the request's input."""

    default_code = "invalid_input"

    @property
    def fields(self) -> dict[str, list[str]]:
        """Each rejected field with its messages (from ``details.fields``)."""
        return {
            str(item.get("name")): [str(m) for m in item.get("messages", [])]
            for item in self.details.get("fields", [])
        }


class ServiceError(APIError):
    """422 ``service_error``: a service behind the API failed."""

    default_code = "service_error"


class UnsupportedError(APIError):
    """422 ``unsupported_error``: the resource does not support this action."""

    default_code = "unsupported_error"


class LockedError(APIError):
    """423 ``locked``: another action is running on the object; retrying later is safe."""

    default_code = "locked"


class ProtectedError(APIError):
    """423 ``protected``: the object's protection forbids the action."""

    default_code = "protected"


class RateLimitExceededError(APIError):
    """429 ``rate_limit_exceeded``: the project's request budget is spent.

    Attributes:
        reset: The ``RateLimit-Reset`` header, a UNIX time at which the budget
            is whole again, when the reply carried it.
    """

    default_code = "rate_limit_exceeded"
    reset: float | None = None


class ServerError(APIError):
    """500 ``server_error``: the API backend failed."""

    default_code = "server_error"


class BadGatewayError(APIError):
    """502 ``bad_gateway``: the backend could not be reached; retrying is safe."""

    default_code = "bad_gateway"


class UnavailableError(APIError):
    """503 ``unavailable``: a service or product is not available at the moment."""

    default_code = "unavailable"


class GatewayTimeoutError(APIError):
    """504 ``timeout``: the backend did not answer in time."""

    default_code = "timeout"


_BY_CODE: dict[str, type[APIError]] = {
    cls.default_code: cls
    for cls in (
        JSONError,
        UnauthorizedError,
        TokenReadonlyError,
        ForbiddenError,
        MaintenanceError,
        ResourceLimitExceededError,
        NotFoundError,
        MethodNotAllowedError,
        UniquenessError,
        ConflictError,
        DeprecatedAPIEndpointError,
        ResourceUnavailableError,
        InvalidInputError,
        ServiceError,
        UnsupportedError,
        LockedError,
        ProtectedError,
        RateLimitExceededError,
        ServerError,
        BadGatewayError,
        UnavailableError,
        GatewayTimeoutError,
    )
}

_BY_STATUS: dict[int, type[APIError]] = {
    400: JSONError,
    401: UnauthorizedError,
    403: ForbiddenError,
    404: NotFoundError,
    405: MethodNotAllowedError,
    410: DeprecatedAPIEndpointError,
    412: ResourceUnavailableError,
    422: InvalidInputError,
    429: RateLimitExceededError,
    500: ServerError,
    502: BadGatewayError,
    503: UnavailableError,
    504: GatewayTimeoutError,
}


def error_class_for(status: int, code: str | None) -> type[APIError]:
    """Pick the exception class for an error reply.

    A documented code wins; a reply without a known code falls back to the
    class of its status when that status has a single meaning, else to
    :class:`APIError`.
    """
    if code is not None and code in _BY_CODE:
        return _BY_CODE[code]
    if code is None:
        return _BY_STATUS.get(status, APIError)
    return APIError


class InvalidResponseError(HcloudError):
    """A successful reply whose body could not be read as the expected JSON.

    Attributes:
        status: HTTP status code of the reply.
        method: Method of the request.
        path: Path of the request.
    """

    def __init__(self, message: str, *, status: int, method: str, path: str) -> None:
        self.status = status
        self.method = method
        self.path = path
        super().__init__(f"{message} ({method} {path}, status {status})")


class TransportError(HcloudError):
    """The request did not get a complete reply.

    Attributes:
        method: Method of the request.
        path: Path of the request.
        sent: ``False`` when the request certainly never reached the API (so
            repeating it cannot apply it twice), ``True`` when it may have.
    """

    sent: bool = True

    def __init__(self, message: str, *, method: str, path: str) -> None:
        self.method = method
        self.path = path
        super().__init__(f"{message} ({method} {path})")


class ConnectError(TransportError):
    """No connection could be opened; the request was not sent."""

    sent = False


class RequestTimeoutError(TransportError):
    """The request ran out of time (see ``Client(timeout=...)``)."""


class ConnectionLostError(TransportError):
    """The connection broke or the peer spoke broken HTTP while the request was under way."""


class ActionFailed(HcloudError):  # noqa: N818 - the name says what happened to the action
    """An action ended with status ``error``.

    Attributes:
        action: The action in its final state.
        code: The action's error code.
        message: The action's error message.
    """

    def __init__(self, action: Action[Any]) -> None:
        self.action = action
        error = action.error
        self.code = error.code if error is not None else "unknown"
        self.message = error.message if error is not None else "the action failed"
        super().__init__(
            f"action {action.id} ({action.command}) failed: {self.code}: {self.message}"
        )


class ActionTimeout(HcloudError):  # noqa: N818 - mirrors ActionFailed
    """Waiting for actions took longer than the timeout; the actions may still finish.

    Attributes:
        actions: The actions still running, in their last known state.
        timeout: The timeout in seconds.
    """

    def __init__(self, actions: list[Action[Any]], timeout: float) -> None:
        self.actions = actions
        self.timeout = timeout
        ids = ", ".join(str(a.id) for a in actions)
        super().__init__(f"actions still running after {timeout:g}s: {ids}")
