"""The two clients: :class:`Client` (blocking) and :class:`AsyncClient`."""

from __future__ import annotations

import os
from collections.abc import Callable
from types import TracebackType
from typing import TYPE_CHECKING, Any, Generic

import httpx
from typing_extensions import Self, TypeVar

from ._modes import Async, M, Sync
from ._polling import PollPolicy
from ._retry import RetryPolicy
from ._session import AsyncSession, SyncSession
from ._version import __version__
from .errors import HcloudError
from .resources import RESOURCES, resource_class

if TYPE_CHECKING:
    from .resources.actions import ActionsResource
    from .resources.certificates import CertificatesResource
    from .resources.datacenters import DatacentersResource
    from .resources.firewalls import FirewallsResource
    from .resources.floating_ips import FloatingIPsResource
    from .resources.images import ImagesResource
    from .resources.isos import ISOsResource
    from .resources.load_balancer_types import LoadBalancerTypesResource
    from .resources.load_balancers import LoadBalancersResource
    from .resources.locations import LocationsResource
    from .resources.networks import NetworksResource
    from .resources.placement_groups import PlacementGroupsResource
    from .resources.pricing import PricingResource
    from .resources.primary_ips import PrimaryIPsResource
    from .resources.server_types import ServerTypesResource
    from .resources.servers import ServersResource
    from .resources.ssh_keys import SSHKeysResource
    from .resources.storage_box_types import StorageBoxTypesResource
    from .resources.storage_boxes import (
        StorageBoxesResource,
        StorageBoxSnapshotsResource,
        StorageBoxSubaccountsResource,
    )
    from .resources.volumes import VolumesResource
    from .resources.zones import ZoneRRSetsResource, ZonesResource

__all__ = [
    "DEFAULT_ENDPOINT",
    "DEFAULT_HETZNER_ENDPOINT",
    "DEFAULT_TIMEOUT",
    "AsyncClient",
    "Client",
    "ConfigurationError",
]

DEFAULT_ENDPOINT = "https://api.hetzner.cloud/v1"
"""Base URL of the Hetzner Cloud API."""

DEFAULT_HETZNER_ENDPOINT = "https://api.hetzner.com/v1"
"""Base URL of the Hetzner API, which serves Storage Boxes with the same token."""

DEFAULT_TIMEOUT = httpx.Timeout(30.0, connect=10.0)
"""Per-request timeout: 10 s to connect, 30 s for each other phase."""

H = TypeVar("H", httpx.Client, httpx.AsyncClient)
T = TypeVar("T", httpx.BaseTransport, httpx.AsyncBaseTransport)
S = TypeVar("S", SyncSession, AsyncSession)


class ConfigurationError(HcloudError, ValueError):
    """The client was constructed with missing or unusable settings."""


def _resolve_token(token: str | None) -> str:
    token = token if token is not None else os.environ.get("HCLOUD_TOKEN")
    if not token:
        raise ConfigurationError(
            "no API token: pass Client(token=...) or set the HCLOUD_TOKEN environment variable"
        )
    if token != token.strip() or any(ch in token for ch in "\r\n\0"):
        raise ConfigurationError("the API token contains whitespace or control characters")
    return token


def _user_agent(application: str | None) -> str:
    own = f"hcloud_models/{__version__}"
    return f"{application} {own}" if application else own


class _ClientBase(Generic[H, T, S, M]):
    """Construction and resource managers shared by both clients (see :class:`Client`)."""

    actions: ActionsResource[M]
    """Actions of every kind; waiting for them."""
    servers: ServersResource[M]
    """Servers and their actions and metrics."""
    server_types: ServerTypesResource[M]
    """Server types (read-only catalog)."""
    images: ImagesResource[M]
    """Images: system images, snapshots, backups, apps."""
    isos: ISOsResource[M]
    """ISO images that can be attached to servers."""
    floating_ips: FloatingIPsResource[M]
    """Floating IPs and their actions."""
    ssh_keys: SSHKeysResource[M]
    """SSH keys."""
    locations: LocationsResource[M]
    """Locations (read-only catalog)."""
    datacenters: DatacentersResource[M]
    """Datacenters (read-only catalog)."""
    pricing: PricingResource[M]
    """Prices of every product."""
    storage_boxes: StorageBoxesResource[M]
    """Storage Boxes and their actions (Hetzner API)."""
    storage_box_subaccounts: StorageBoxSubaccountsResource[M]
    """Subaccounts of Storage Boxes and their actions (Hetzner API)."""
    storage_box_snapshots: StorageBoxSnapshotsResource[M]
    """Snapshots of Storage Boxes (Hetzner API)."""
    storage_box_types: StorageBoxTypesResource[M]
    """Storage Box types with their prices (Hetzner API, read-only catalog)."""
    load_balancers: LoadBalancersResource[M]
    """Load Balancers, their services, targets, actions and metrics."""
    load_balancer_types: LoadBalancerTypesResource[M]
    """Load Balancer types (read-only catalog)."""
    certificates: CertificatesResource[M]
    """TLS certificates, uploaded or managed, and their actions."""
    networks: NetworksResource[M]
    """Private networks, their subnets and routes, and their actions."""
    volumes: VolumesResource[M]
    """Volumes and their actions."""
    placement_groups: PlacementGroupsResource[M]
    """Placement groups."""
    primary_ips: PrimaryIPsResource[M]
    """Primary IPs and their actions."""
    firewalls: FirewallsResource[M]
    """Firewalls, their rules, where they are applied, and their actions."""
    zones: ZonesResource[M]
    """DNS Zones, zone files, and their actions."""
    zone_rrsets: ZoneRRSetsResource[M]
    """RRSets of DNS Zones and their actions."""

    _http_class: type[H]
    _session_class: type[S]
    _session: S

    def __init__(
        self,
        token: str | None = None,
        *,
        endpoint: str = DEFAULT_ENDPOINT,
        hetzner_endpoint: str = DEFAULT_HETZNER_ENDPOINT,
        timeout: float | httpx.Timeout = DEFAULT_TIMEOUT,
        retry: RetryPolicy | None = None,
        poll: PollPolicy | None = None,
        transport: T | None = None,
        http_client: H | None = None,
        application: str | None = None,
        page_concurrency: int = 4,
    ) -> None:
        if page_concurrency < 1:
            raise ConfigurationError(f"page_concurrency must be 1 or more, got {page_concurrency}")
        headers = {
            "Authorization": f"Bearer {_resolve_token(token)}",
            "User-Agent": _user_agent(application),
            "Accept": "application/json",
        }
        # The pairing of client, transport and session classes is fixed by each subclass.
        make_http: Callable[..., H] = self._http_class
        make_session: Callable[..., S] = self._session_class
        http = http_client or make_http(timeout=timeout, transport=transport)
        self.endpoint = endpoint.rstrip("/")
        self.hetzner_endpoint = hetzner_endpoint.rstrip("/")
        self._session = make_session(
            owner=self,
            http=http,
            endpoint=self.endpoint,
            hetzner_endpoint=self.hetzner_endpoint,
            headers=headers,
            retry=retry if retry is not None else RetryPolicy(),
            poll=poll if poll is not None else PollPolicy(),
            page_concurrency=page_concurrency,
        )

    if not TYPE_CHECKING:  # type checkers see only the annotated managers, so typos are errors

        def __getattr__(self, name: str) -> Any:
            # Resource managers are made on first use; later lookups find the attribute.
            if name not in RESOURCES:
                raise AttributeError(f"{type(self).__name__!r} object has no attribute {name!r}")
            manager = resource_class(name)(self._session)
            setattr(self, name, manager)
            return manager

    @property
    def retry(self) -> RetryPolicy:
        """The retry policy in force."""
        return self._session.retry

    @property
    def poll(self) -> PollPolicy:
        """The poll policy in force."""
        return self._session.poll

    def __repr__(self) -> str:
        return f"{type(self).__name__}(endpoint={self.endpoint!r})"


class Client(_ClientBase[httpx.Client, httpx.BaseTransport, SyncSession, Sync]):
    """A blocking client of the Hetzner Cloud API.

    Args:
        token: The API token; ``None`` reads ``HCLOUD_TOKEN``.  A missing token
            is a :class:`ConfigurationError` here, before any request.  The token
            never appears in a repr, an exception or a log record.
        endpoint: Base URL of the Cloud API.
        hetzner_endpoint: Base URL of the Hetzner API, where Storage Boxes live.
        timeout: Per-request timeout in seconds, or an ``httpx.Timeout``.  It
            is never infinite unless you pass ``httpx.Timeout(None)``.
        retry: The retry policy (see :class:`~hcloud_models.RetryPolicy`):
            429 ``rate_limit_exceeded`` waits for ``RateLimit-Reset`` (capped);
            409 ``conflict``, 423 ``locked``, 503 and connections that never
            reached the API are retried for every method; 502, 504, timeouts,
            dropped connections and unreadable bodies are retried only for GET,
            PUT and DELETE, never for a POST that may already have been applied.
            5 attempts and 120 s at most by default; ``RetryPolicy.disabled()``
            turns retries off.
        poll: How actions are polled while waiting (see :class:`~hcloud_models.PollPolicy`).
        transport: An httpx transport, e.g. ``httpx.MockTransport`` in tests.
        http_client: A ready httpx client to use instead of a new one; its own
            settings (timeout, transport) then apply.  It is closed with this client.
        application: ``"name/version"`` of your application, sent in the User-Agent.
        page_concurrency: How many pages the async client's ``all()`` fetches at
            once after the first page has told how many there are (results stay
            in order).  The sync client walks pages one at a time.

    Use it as a context manager, or call :meth:`close`, to release connections::

        with Client() as client:
            server = client.servers.get_by_name("web-1")
    """

    _http_class = httpx.Client
    _session_class = SyncSession

    def close(self) -> None:
        """Close the connection pool."""
        self._session.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()


class AsyncClient(_ClientBase[httpx.AsyncClient, httpx.AsyncBaseTransport, AsyncSession, Async]):
    """An asyncio client of the Hetzner Cloud API.

    Takes the same arguments as :class:`Client` (``transport`` is an
    ``httpx.AsyncBaseTransport``, ``http_client`` an ``httpx.AsyncClient``) and
    has the same resource managers; their methods, and those of the objects they
    return, are awaitable::

        async with AsyncClient() as client:
            server = await client.servers.get_by_name("web-1")
            await (await server.power_off()).wait()
    """

    _http_class = httpx.AsyncClient
    _session_class = AsyncSession

    async def close(self) -> None:
        """Close the connection pool."""
        await self._session.close()

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.close()
