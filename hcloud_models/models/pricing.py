"""Pricing: the price list of every billable kind of resource in the project's currency."""

from typing import Annotated, Literal

from ._base import OPEN, HcloudModel
from .common import Price
from .server_types import ServerTypePrice

__all__ = [
    "FloatingIPLocationPrice",
    "FloatingIPPricing",
    "FloatingIPTypePricing",
    "ImagePricing",
    "LoadBalancerTypePrice",
    "LoadBalancerTypePricing",
    "Pricing",
    "PrimaryIPLocationPrice",
    "PrimaryIPTypePricing",
    "ServerBackupPricing",
    "ServerTypePricing",
    "VolumePricing",
]


class ImagePricing(HcloudModel):
    """What storing snapshots and backups costs per GB and month."""

    price_per_gb_month: Price


class VolumePricing(HcloudModel):
    """What volume storage costs per GB and month."""

    price_per_gb_month: Price


class ServerBackupPricing(HcloudModel):
    """The surcharge for server backups, as a percentage of the server's price."""

    percentage: str


class FloatingIPPricing(HcloudModel):
    """The single monthly Floating IP price of older API versions.

    The API keeps this only for compatibility; use the per-type, per-location
    prices in ``Pricing.floating_ips`` instead.
    """

    price_monthly: Price


class FloatingIPLocationPrice(HcloudModel):
    """The monthly price of a Floating IP in one location (named by ``location``)."""

    location: str
    price_monthly: Price


class FloatingIPTypePricing(HcloudModel):
    """Prices of one kind of Floating IP (IPv4 or IPv6) in every location."""

    type: Annotated[Literal["ipv4", "ipv6"], OPEN]
    prices: list[FloatingIPLocationPrice]


class PrimaryIPLocationPrice(HcloudModel):
    """The hourly and monthly price of a Primary IP in one location (named by ``location``)."""

    location: str
    price_hourly: Price
    price_monthly: Price


class PrimaryIPTypePricing(HcloudModel):
    """Prices of one kind of Primary IP (IPv4 or IPv6) in every location."""

    type: Annotated[Literal["ipv4", "ipv6"], OPEN]
    prices: list[PrimaryIPLocationPrice]


class ServerTypePricing(HcloudModel):
    """Prices of one server type in every location where it is offered."""

    id: int
    name: str
    prices: list[ServerTypePrice]


LoadBalancerTypePrice = ServerTypePrice
"""What a load balancer type costs in one location: the same shape as a server type's price."""


class LoadBalancerTypePricing(HcloudModel):
    """Prices of one load balancer type in every location where it is offered."""

    id: int
    name: str
    prices: list[LoadBalancerTypePrice]


class Pricing(HcloudModel):
    """The complete price list, with the currency and VAT rate the prices are given in.

    ``vat_rate`` and every amount are decimal strings.  ``floating_ip`` is kept
    for older callers; ``floating_ips`` holds the current per-location prices.
    """

    currency: str
    vat_rate: str
    primary_ips: list[PrimaryIPTypePricing]
    floating_ips: list[FloatingIPTypePricing]
    image: ImagePricing
    volume: VolumePricing
    server_backup: ServerBackupPricing
    server_types: list[ServerTypePricing]
    load_balancer_types: list[LoadBalancerTypePricing]
    floating_ip: FloatingIPPricing
