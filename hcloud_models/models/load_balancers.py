"""Load Balancers: their services, targets and algorithm, the replies of their actions, and bodies.

Services and targets come in several shapes, told apart by ``protocol`` and
``type``.  Replies read each into its own class (``LoadBalancerServiceHTTPS``,
``LoadBalancerServerTarget``...), and a shape the API adds later is kept as a
``...Other`` object instead of failing the reply.  Request bodies check the
rules of each shape before anything is sent.
"""

import ipaddress
import re
from datetime import datetime
from typing import TYPE_CHECKING, Annotated, Any, ClassVar, Generic, Literal

from pydantic import (
    BeforeValidator,
    Discriminator,
    Field,
    StrictStr,
    Tag,
    field_validator,
    model_validator,
)
from typing_extensions import Self

from .._modes import M
from ._base import OPEN, BoundModel, HcloudModel, Labels, Payload, delegate
from .actions import Action
from .common import DeleteProtectionChange, DetachFromNetwork, Protection
from .dns_ptr import _check_ip
from .load_balancer_types import LoadBalancerType
from .locations import Location
from .servers import Metrics

if TYPE_CHECKING:
    from ..operations import load_balancers as ops

__all__ = [
    "CreateLoadBalancerResult",
    "HealthCheckProtocol",
    "LoadBalancer",
    "LoadBalancerAddService",
    "LoadBalancerAddServiceHTTP",
    "LoadBalancerAddServiceHealthCheck",
    "LoadBalancerAddServiceHealthCheckHTTP",
    "LoadBalancerAddTarget",
    "LoadBalancerAlgorithm",
    "LoadBalancerAlgorithmType",
    "LoadBalancerAttachToNetwork",
    "LoadBalancerChangeAlgorithm",
    "LoadBalancerChangeProtection",
    "LoadBalancerChangeType",
    "LoadBalancerCreate",
    "LoadBalancerDeleteService",
    "LoadBalancerDetachFromNetwork",
    "LoadBalancerHTTPConfig",
    "LoadBalancerHTTPSConfig",
    "LoadBalancerHealthCheck",
    "LoadBalancerHealthCheckHTTP",
    "LoadBalancerIPTarget",
    "LoadBalancerLabelSelectorTarget",
    "LoadBalancerMetrics",
    "LoadBalancerOtherTarget",
    "LoadBalancerPrivateNet",
    "LoadBalancerPublicIP",
    "LoadBalancerPublicNet",
    "LoadBalancerRemoveTarget",
    "LoadBalancerResolvedTarget",
    "LoadBalancerServerTarget",
    "LoadBalancerService",
    "LoadBalancerServiceHTTP",
    "LoadBalancerServiceHTTPS",
    "LoadBalancerServiceOther",
    "LoadBalancerServiceTCP",
    "LoadBalancerTarget",
    "LoadBalancerTargetHealthStatus",
    "LoadBalancerTargetIP",
    "LoadBalancerTargetLabelSelector",
    "LoadBalancerTargetServer",
    "LoadBalancerTargetType",
    "LoadBalancerUpdate",
    "LoadBalancerUpdateService",
    "LoadBalancerUpdateServiceHTTP",
    "LoadBalancerUpdateServiceHealthCheck",
    "LoadBalancerUpdateServiceHealthCheckHTTP",
    "ServiceProtocol",
]

LoadBalancerAlgorithmType = Literal["round_robin", "least_connections"]
"""How a Load Balancer spreads requests over its targets."""

ServiceProtocol = Literal["tcp", "http", "https"]
"""The protocols a Load Balancer service speaks."""

HealthCheckProtocol = Literal["tcp", "http"]
"""The protocols of a service's health check."""

LoadBalancerTargetType = Literal["server", "label_selector", "ip"]
"""The kinds of Load Balancer target."""

_KNOWN_PROTOCOLS = frozenset(("tcp", "http", "https"))
_KNOWN_TARGET_TYPES = frozenset(("server", "label_selector", "ip"))


def _tag(key: str, known: frozenset[str]) -> Any:
    def tag(value: Any) -> str:
        found = value.get(key) if isinstance(value, dict) else getattr(value, key, None)
        return found if found in known else "other"

    return tag


# --- response parts -----------------------------------------------------------


class LoadBalancerPublicIP(HcloudModel):
    """One public address of a Load Balancer and its reverse DNS name (``None`` while unset)."""

    ip: str | None
    dns_ptr: str | None


class LoadBalancerPublicNet(HcloudModel):
    """A Load Balancer's public interface: whether it is enabled, and its two addresses."""

    enabled: bool
    ipv4: LoadBalancerPublicIP
    ipv6: LoadBalancerPublicIP


class LoadBalancerPrivateNet(HcloudModel):
    """A Load Balancer's address in one private network (``network`` is the network's id)."""

    network: int
    ip: str


class LoadBalancerAlgorithm(HcloudModel):
    """How a Load Balancer picks the target for a new connection."""

    type: Annotated[LoadBalancerAlgorithmType, OPEN]


class LoadBalancerHealthCheckHTTP(HcloudModel):
    """What an HTTP health check asks for and which answers count as healthy.

    ``status_codes`` are patterns such as ``"2??"``; ``response`` is text the
    body must contain; ``tls`` makes the check use HTTPS.
    """

    domain: str | None
    path: str
    response: str | None = None
    status_codes: list[str] | None = None
    tls: bool | None = None


class LoadBalancerHealthCheck(HcloudModel):
    """How a service checks that its targets are alive.

    ``interval`` and ``timeout`` are seconds; a target is marked unhealthy after
    ``retries`` failed checks in a row.  ``http`` is set for HTTP checks.
    """

    protocol: Annotated[HealthCheckProtocol, OPEN]
    port: int
    interval: int
    timeout: int
    retries: int
    http: LoadBalancerHealthCheckHTTP | None = None


class LoadBalancerHTTPConfig(HcloudModel):
    """HTTP settings of a service: sticky sessions and their cookie, and the idle timeout.

    ``cookie_lifetime`` and ``timeout_idle`` are seconds.
    """

    cookie_name: str
    cookie_lifetime: int
    timeout_idle: int
    sticky_sessions: bool


class LoadBalancerHTTPSConfig(LoadBalancerHTTPConfig):
    """HTTPS settings of a service: those of HTTP, its certificates (ids) and port-80 redirect."""

    certificates: list[int]
    redirect_http: bool


class _ServiceFields(HcloudModel):
    listen_port: int
    destination_port: int
    proxyprotocol: bool
    health_check: LoadBalancerHealthCheck


class LoadBalancerServiceTCP(_ServiceFields):
    """A service passing TCP connections from ``listen_port`` to ``destination_port`` of targets.

    ``proxyprotocol`` prepends the PROXY protocol header so that targets see the client's address.
    """

    protocol: Literal["tcp"]


class LoadBalancerServiceHTTP(_ServiceFields):
    """A service speaking plain HTTP to clients and targets."""

    protocol: Literal["http"]
    http: LoadBalancerHTTPConfig


class LoadBalancerServiceHTTPS(_ServiceFields):
    """A service ending TLS with its certificates and speaking HTTP to the targets."""

    protocol: Literal["https"]
    http: LoadBalancerHTTPSConfig


class LoadBalancerServiceOther(_ServiceFields):
    """A service of a protocol this release does not know; its settings are kept as they came."""

    protocol: str
    http: dict[str, Any] | None = None


LoadBalancerService = Annotated[
    Annotated[LoadBalancerServiceTCP, Tag("tcp")]
    | Annotated[LoadBalancerServiceHTTP, Tag("http")]
    | Annotated[LoadBalancerServiceHTTPS, Tag("https")]
    | Annotated[LoadBalancerServiceOther, Tag("other")],
    Discriminator(_tag("protocol", _KNOWN_PROTOCOLS)),
]
"""One service of a Load Balancer, read into the class of its ``protocol``."""


class LoadBalancerTargetServer(HcloudModel):
    """The server behind a target, by id (``ip`` is the address used, where the API gives it)."""

    id: int
    ip: str | None = None


class LoadBalancerTargetLabelSelector(HcloudModel):
    """The label selector that picks the servers of a target, e.g. ``"env=prod"``."""

    selector: str


class LoadBalancerTargetIP(HcloudModel):
    """The address of an IP target."""

    ip: str


class LoadBalancerTargetHealthStatus(HcloudModel):
    """Whether a target passes the health check of the service on ``listen_port``."""

    listen_port: int
    status: Annotated[Literal["healthy", "unhealthy", "unknown"], OPEN]


class LoadBalancerResolvedTarget(HcloudModel):
    """One server a label-selector target currently picks, with its health."""

    type: str
    server: LoadBalancerTargetServer
    health_status: list[LoadBalancerTargetHealthStatus]
    use_private_ip: bool


class LoadBalancerServerTarget(HcloudModel):
    """A single server as target; ``use_private_ip`` sends traffic over a private network."""

    type: Literal["server"]
    server: LoadBalancerTargetServer
    health_status: list[LoadBalancerTargetHealthStatus]
    use_private_ip: bool


class LoadBalancerLabelSelectorTarget(HcloudModel):
    """Every server whose labels match, as target; ``targets`` are the servers it picks now."""

    type: Literal["label_selector"]
    label_selector: LoadBalancerTargetLabelSelector
    targets: list[LoadBalancerResolvedTarget]
    use_private_ip: bool


class LoadBalancerIPTarget(HcloudModel):
    """An IP address (of a dedicated server, say) as target."""

    type: Literal["ip"]
    ip: LoadBalancerTargetIP
    health_status: list[LoadBalancerTargetHealthStatus]


class LoadBalancerOtherTarget(HcloudModel):
    """A target of a kind this release does not know; its fields are kept as they came."""

    type: str


LoadBalancerTarget = Annotated[
    Annotated[LoadBalancerServerTarget, Tag("server")]
    | Annotated[LoadBalancerLabelSelectorTarget, Tag("label_selector")]
    | Annotated[LoadBalancerIPTarget, Tag("ip")]
    | Annotated[LoadBalancerOtherTarget, Tag("other")],
    Discriminator(_tag("type", _KNOWN_TARGET_TYPES)),
]
"""One target of a Load Balancer, read into the class of its ``type``."""


class LoadBalancer(BoundModel[M]):
    """A managed Load Balancer: its services (ports and protocols), targets and algorithm.

    Traffic figures are bytes in the current billing period; the first two may
    be ``None`` while unknown.
    """

    _resource: ClassVar[str] = "load_balancers"

    id: int
    name: str
    public_net: LoadBalancerPublicNet
    private_net: list[LoadBalancerPrivateNet]
    location: Location[M]
    load_balancer_type: LoadBalancerType[M]
    protection: Protection
    labels: dict[str, str]
    created: datetime
    services: list[LoadBalancerService]
    targets: list[LoadBalancerTarget]
    algorithm: LoadBalancerAlgorithm
    outgoing_traffic: int | None
    ingoing_traffic: int | None
    included_traffic: int

    reload = delegate(lambda: ops.get_load_balancer, "get")
    """Fetch the Load Balancer again; returns a fresh object (this one is left as it was)."""
    update = delegate(lambda: ops.update_load_balancer)
    delete = delegate(lambda: ops.delete_load_balancer)
    metrics = delegate(lambda: ops.get_load_balancer_metrics)
    actions = delegate(lambda: ops.ACTIONS.of)
    add_service = delegate(lambda: ops.add_service)
    update_service = delegate(lambda: ops.update_service)
    delete_service = delegate(lambda: ops.delete_service)
    add_target = delegate(lambda: ops.add_target)
    remove_target = delegate(lambda: ops.remove_target)
    change_algorithm = delegate(lambda: ops.change_algorithm)
    change_type = delegate(lambda: ops.change_type)
    attach_to_network = delegate(lambda: ops.attach_to_network)
    detach_from_network = delegate(lambda: ops.detach_from_network)
    enable_public_interface = delegate(lambda: ops.enable_public_interface)
    disable_public_interface = delegate(lambda: ops.disable_public_interface)
    change_dns_ptr = delegate(lambda: ops.change_dns_ptr)
    change_protection = delegate(lambda: ops.change_protection)


class CreateLoadBalancerResult(HcloudModel, Generic[M]):
    """Reply to creating a Load Balancer: the new Load Balancer and the action that sets it up."""

    load_balancer: LoadBalancer[M]
    action: Action[M]


class LoadBalancerMetrics(Metrics):
    """Samples of a Load Balancer's connections, requests or bandwidth over a time span.

    ``step`` is the spacing of the samples in seconds; ``time_series`` maps a
    series name such as ``"open_connections"`` or ``"bandwidth.in"`` to its samples.
    """


# --- request bodies ------------------------------------------------------------------

_NAME = re.compile(r"^\S(.*\S)?$")


def _name_or_id(value: Any) -> Any:
    """Send an id given as a number as the string the API documents for "ID or name"."""
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    return value


_NameOrId = Annotated[StrictStr, BeforeValidator(_name_or_id)]
_Port = Annotated[int, Field(ge=1, le=65535)]


def _check_name(value: str) -> str:
    if not 1 <= len(value) <= 128 or not _NAME.match(value):
        raise ValueError(
            "a Load Balancer name must be 1 to 128 characters that neither start nor end "
            f"with whitespace, got {value!r}"
        )
    return value


def _mark_set(model: HcloudModel, *names: str) -> None:
    """Send these fields even when they kept their defaults."""
    model.model_fields_set.update(names)


class LoadBalancerAddServiceHealthCheckHTTP(Payload):
    """HTTP settings of a health check: what to request and which answers count as healthy.

    ``path`` (1 to 256 characters) is required; ``domain`` (the Host header, at
    most 128 characters) may be ``None`` and is always sent.  ``status_codes``
    are at most 20 patterns such as ``"2??"``; ``response`` (at most 256
    characters) is text the body must contain; ``tls`` checks over HTTPS.
    """

    domain: Annotated[str, Field(max_length=128)] | None = None
    path: Annotated[str, Field(min_length=1, max_length=256)]
    response: Annotated[str, Field(max_length=256)] | None = None
    status_codes: Annotated[list[str], Field(max_length=20)] | None = None
    tls: bool | None = None

    @model_validator(mode="after")
    def _always_send_domain(self) -> Self:
        _mark_set(self, "domain")
        return self


class LoadBalancerAddServiceHealthCheck(Payload):
    """How a new service checks its targets.

    All but ``http`` are required: ``interval`` is 3 to 60 seconds,
    ``timeout`` 1 to 60 seconds and ``retries`` 1 to 5.  ``http`` is only
    allowed (and then required) for ``protocol="http"``.
    """

    protocol: HealthCheckProtocol
    port: _Port
    interval: Annotated[int, Field(ge=3, le=60)]
    timeout: Annotated[int, Field(ge=1, le=60)]
    retries: Annotated[int, Field(ge=1, le=5)]
    http: LoadBalancerAddServiceHealthCheckHTTP | None = None

    @model_validator(mode="after")
    def _http_matches_protocol(self) -> Self:
        if self.protocol == "tcp" and self.http is not None:
            raise ValueError("http settings are only allowed for a health check of protocol 'http'")
        if self.protocol == "http" and self.http is None:
            raise ValueError(
                "an http health check needs http settings, at least a path: http={'path': '/'}"
            )
        return self


class LoadBalancerAddServiceHTTP(Payload):
    """HTTP settings of a new ``http`` or ``https`` service.

    Defaults (sent explicitly): ``cookie_name`` ``"HCLBSTICKY"`` (1 to 100
    characters), ``cookie_lifetime`` 300 seconds (30 to 86400),
    ``timeout_idle`` 50 seconds (30 to 300), no sticky sessions.
    ``certificates`` (ids, at least one) and ``redirect_http`` (send port 80 to
    HTTPS, off by default) belong to ``https`` services only.
    """

    cookie_name: Annotated[str, Field(min_length=1, max_length=100)] = "HCLBSTICKY"
    cookie_lifetime: Annotated[int, Field(ge=30, le=86400)] = 300
    timeout_idle: Annotated[int, Field(ge=30, le=300)] = 50
    certificates: list[int] | None = None
    redirect_http: bool | None = None
    sticky_sessions: bool = False


class LoadBalancerAddService(Payload):
    """A new service: a port the Load Balancer listens on, where it sends traffic, how it checks.

    ``protocol``, ``listen_port``, ``destination_port``, ``proxyprotocol`` and
    ``health_check`` are required (ports 1 to 65535).  ``tcp`` services take
    no ``http`` settings; ``http`` services get the default settings when none
    are given; ``https`` services need ``http`` with at least one certificate.
    Used alone (``add_service``) and in the ``services`` of a new Load Balancer.
    """

    protocol: ServiceProtocol
    listen_port: _Port
    destination_port: _Port
    proxyprotocol: bool
    health_check: LoadBalancerAddServiceHealthCheck
    http: LoadBalancerAddServiceHTTP | None = None

    @model_validator(mode="after")
    def _http_matches_protocol(self) -> Self:
        http = self.http
        if self.protocol == "tcp":
            if http is not None:
                raise ValueError("http settings are only allowed for 'http' and 'https' services")
            return self
        if http is None:
            if self.protocol == "https":
                raise ValueError(
                    "an https service needs http settings with at least one certificate: "
                    "http={'certificates': [certificate_id]}"
                )
            http = self.http = LoadBalancerAddServiceHTTP()
        if self.protocol == "http":
            given = [f for f in ("certificates", "redirect_http") if f in http.model_fields_set]
            if given:
                raise ValueError(f"{' and '.join(given)} only apply to 'https' services")
            _mark_set(http, "cookie_name", "cookie_lifetime", "timeout_idle", "sticky_sessions")
        else:
            if not http.certificates:
                raise ValueError("an https service needs at least one certificate (by id)")
            if http.redirect_http is None:
                http.redirect_http = False
            _mark_set(http, *type(http).model_fields)
        return self


class LoadBalancerUpdateServiceHealthCheckHTTP(Payload):
    """Changes to the HTTP settings of a health check; fields left out stay as they are."""

    domain: Annotated[str, Field(max_length=128)] | None = None
    path: Annotated[str, Field(min_length=1, max_length=256)] | None = None
    response: Annotated[str, Field(max_length=256)] | None = None
    status_codes: Annotated[list[str], Field(max_length=20)] | None = None
    tls: bool | None = None


class LoadBalancerUpdateServiceHealthCheck(Payload):
    """A service's new health check.

    The API describes it whole: ``protocol``, ``port``, ``interval`` (3 to 60
    seconds), ``timeout`` (1 to 60 seconds) and ``retries`` (1 to 5) are
    required; in ``http`` only what changes.  ``http`` settings do not go with
    ``protocol="tcp"``.
    """

    protocol: HealthCheckProtocol
    port: _Port
    interval: Annotated[int, Field(ge=3, le=60)]
    timeout: Annotated[int, Field(ge=1, le=60)]
    retries: Annotated[int, Field(ge=1, le=5)]
    http: LoadBalancerUpdateServiceHealthCheckHTTP | None = None

    @model_validator(mode="after")
    def _http_matches_protocol(self) -> Self:
        if self.protocol == "tcp" and self.http is not None:
            raise ValueError("http settings are only allowed for a health check of protocol 'http'")
        return self


class LoadBalancerUpdateServiceHTTP(Payload):
    """Changes to a service's HTTP settings; fields left out stay as they are.

    Bounds as for a new service: ``cookie_name`` 1 to 100 characters,
    ``cookie_lifetime`` 30 to 86400 seconds, ``timeout_idle`` 30 to 300 seconds.
    """

    cookie_name: Annotated[str, Field(min_length=1, max_length=100)] | None = None
    cookie_lifetime: Annotated[int, Field(ge=30, le=86400)] | None = None
    timeout_idle: Annotated[int, Field(ge=30, le=300)] | None = None
    certificates: list[int] | None = None
    redirect_http: bool | None = None
    sticky_sessions: bool | None = None


class LoadBalancerUpdateService(Payload):
    """Body that changes the service on ``listen_port`` (required); fields left out stay.

    ``http`` settings do not go with ``protocol="tcp"``, and certificates or
    the HTTP redirect only with ``protocol="https"`` (when the protocol is given).
    """

    listen_port: _Port
    protocol: ServiceProtocol | None = None
    destination_port: _Port | None = None
    proxyprotocol: bool | None = None
    health_check: LoadBalancerUpdateServiceHealthCheck | None = None
    http: LoadBalancerUpdateServiceHTTP | None = None

    @model_validator(mode="after")
    def _http_matches_protocol(self) -> Self:
        http = self.http
        if http is None or self.protocol is None or self.protocol == "https":
            return self
        if self.protocol == "tcp":
            raise ValueError("http settings are only allowed for 'http' and 'https' services")
        given = [f for f in ("certificates", "redirect_http") if getattr(http, f) is not None]
        if given:
            raise ValueError(f"{' and '.join(given)} only apply to 'https' services")
        return self


class LoadBalancerDeleteService(Payload):
    """Body that removes the service listening on this port."""

    listen_port: _Port


class LoadBalancerAddTargetServer(Payload):
    """The server of a target, by id, optionally with the address to send its traffic to."""

    id: int
    ip: str | None = None


class LoadBalancerAddTargetLabelSelector(Payload):
    """The label selector of a target (1 to 1000 characters), e.g. ``"env=prod"``."""

    selector: Annotated[str, Field(min_length=1, max_length=1000)]


class LoadBalancerAddTargetIP(Payload):
    """The address of an IP target: a single IPv4 or IPv6 address."""

    ip: str

    @field_validator("ip")
    @classmethod
    def _ip_is_an_address(cls, value: str) -> str:
        return _check_ip(value, "ip")


def _target_shorthand(data: Any) -> Any:
    """Let targets be given as ``server=42``, ``label_selector="env=prod"``, ``ip="203.0.113.1"``.

    The ``type`` is filled in when exactly one kind of target is given.
    """
    if not isinstance(data, dict):
        return data
    data = dict(data)
    server = data.get("server")
    if server is not None and not isinstance(server, (dict, Payload)):
        ident = getattr(server, "id", server)
        data["server"] = {"id": ident}
    if isinstance(data.get("label_selector"), str):
        data["label_selector"] = {"selector": data["label_selector"]}
    if isinstance(data.get("ip"), str):
        data["ip"] = {"ip": data["ip"]}
    if data.get("type") is None:
        kinds = [k for k in ("server", "label_selector", "ip") if data.get(k) is not None]
        if len(kinds) == 1:
            data["type"] = kinds[0]
    return data


class LoadBalancerRemoveTarget(Payload):
    """Body that names a target: a server, a label selector or an IP address.

    ``type`` says which, and exactly the matching field must be given; it is
    filled in when only one of ``server`` (id or object), ``label_selector``
    (a string) and ``ip`` (an address) is given.
    """

    type: LoadBalancerTargetType
    server: LoadBalancerAddTargetServer | None = None
    label_selector: LoadBalancerAddTargetLabelSelector | None = None
    ip: LoadBalancerAddTargetIP | None = None

    @model_validator(mode="before")
    @classmethod
    def _shorthand(cls, data: Any) -> Any:
        return _target_shorthand(data)

    @model_validator(mode="after")
    def _fields_match_type(self) -> Self:
        for kind in ("server", "label_selector", "ip"):
            given = getattr(self, kind) is not None
            if kind == self.type and not given:
                raise ValueError(f"a target of type {self.type!r} needs {kind}")
            if kind != self.type and given:
                raise ValueError(f"{kind} does not go with a target of type {self.type!r}")
        return self


class LoadBalancerAddTarget(LoadBalancerRemoveTarget):
    """Body that adds a target: a server, every server matching a label selector, or an IP.

    ``type`` and the matching field are required (see
    :class:`LoadBalancerRemoveTarget`).  ``use_private_ip`` (off by default)
    sends traffic over a private network the Load Balancer is attached to; it
    does not apply to IP targets.
    """

    use_private_ip: bool | None = None

    @model_validator(mode="after")
    def _private_ip_not_for_ip_targets(self) -> Self:
        if self.type == "ip" and self.use_private_ip is not None:
            raise ValueError("use_private_ip does not apply to targets of type 'ip'")
        return self


class LoadBalancerChangeAlgorithm(Payload):
    """Body that sets how a Load Balancer spreads connections (``type`` is required)."""

    type: LoadBalancerAlgorithmType

    @model_validator(mode="before")
    @classmethod
    def _from_name(cls, data: Any) -> Any:
        return {"type": data} if isinstance(data, str) else data


class LoadBalancerCreate(Payload):
    """Body that creates a Load Balancer.

    ``name`` (1 to 128 characters, no whitespace at either end) and
    ``load_balancer_type`` (name or id) are required, and at least one of
    ``location`` (name or id) and ``network_zone`` to say where it runs; the
    spec does not rule out giving both, and both are then sent as given.
    ``network`` attaches it to
    a private network right away; ``public_interface=False`` creates it without
    one.  Services must listen on distinct ports.  ``algorithm`` takes
    ``{"type": ...}`` or the type's name.
    """

    name: str
    load_balancer_type: _NameOrId
    algorithm: LoadBalancerChangeAlgorithm | None = None
    services: list[LoadBalancerAddService] | None = None
    targets: list[LoadBalancerAddTarget] | None = None
    labels: Labels | None = None
    public_interface: bool | None = None
    network: int | None = None
    network_zone: str | None = None
    location: _NameOrId | None = None

    @field_validator("name")
    @classmethod
    def _name_is_valid(cls, value: str) -> str:
        return _check_name(value)

    @field_validator("services")
    @classmethod
    def _distinct_ports(
        cls, value: list[LoadBalancerAddService] | None
    ) -> list[LoadBalancerAddService] | None:
        ports = [s.listen_port for s in value or ()]
        doubled = sorted({p for p in ports if ports.count(p) > 1})
        if doubled:
            raise ValueError(f"two services cannot listen on the same port: {doubled}")
        return value

    @model_validator(mode="after")
    def _location_or_network_zone(self) -> Self:
        if self.location is None and self.network_zone is None:
            raise ValueError(
                "give location or network_zone (or both): a Load Balancer lives in "
                "one location, or anywhere in one network zone"
            )
        return self


class LoadBalancerUpdate(Payload):
    """Body that renames a Load Balancer (1 to 128 characters) or replaces its labels."""

    name: str | None = None
    labels: Labels | None = None

    @field_validator("name")
    @classmethod
    def _name_is_valid(cls, value: str | None) -> str | None:
        return None if value is None else _check_name(value)


class LoadBalancerChangeType(Payload):
    """Body that moves a Load Balancer to another type (name or id, required)."""

    load_balancer_type: _NameOrId


class LoadBalancerAttachToNetwork(Payload):
    """Body that connects a Load Balancer to a private network (by id).

    ``ip`` asks for a particular address, ``ip_range`` (CIDR) for an address
    from that subnet; when both are given the address must lie in the range.
    """

    network: int
    ip: str | None = None
    ip_range: str | None = None

    @field_validator("ip")
    @classmethod
    def _ip_is_an_address(cls, value: str | None) -> str | None:
        return None if value is None else _check_ip(value, "ip")

    @model_validator(mode="after")
    def _ip_inside_range(self) -> Self:
        if self.ip_range is None:
            return self
        try:
            network = ipaddress.ip_network(self.ip_range, strict=False)
        except ValueError:
            raise ValueError(
                "ip_range must be an IP range in CIDR notation such as '10.0.1.0/24', "
                f"got {self.ip_range!r}"
            ) from None
        if self.ip is not None and ipaddress.ip_address(self.ip) not in network:
            raise ValueError(f"ip {self.ip!r} must lie inside ip_range {self.ip_range!r}")
        return self


class LoadBalancerDetachFromNetwork(DetachFromNetwork):
    """Body that disconnects a Load Balancer from the private network with this id."""


class LoadBalancerChangeProtection(DeleteProtectionChange):
    """Body that turns a Load Balancer's protection against deletion on or off."""
