"""Reverse DNS: the PTR entries of public addresses and the request body that changes one."""

import ipaddress

from pydantic import field_validator, model_validator
from typing_extensions import Self

from ._base import HcloudModel, Payload

__all__ = ["ChangeDnsPtr", "DnsPtrEntry"]


def _check_ip(value: str, field: str) -> str:
    """Return ``value`` if it is a single IPv4 or IPv6 address, else raise ``ValueError``."""
    try:
        ipaddress.ip_address(value)
    except ValueError:
        raise ValueError(
            f"{field} must be a single IPv4 or IPv6 address (no prefix length), got {value!r}"
        ) from None
    return value


class DnsPtrEntry(HcloudModel):
    """One reverse DNS record: an address and the hostname it resolves to."""

    ip: str
    dns_ptr: str


class ChangeDnsPtr(Payload):
    """Body that sets or resets the reverse DNS entry of one public address.

    Used for servers, Floating IPs, Primary IPs and Load Balancers alike.
    A hostname in ``dns_ptr`` sets the entry; ``None`` (or leaving it out)
    resets it to the default (IPv4) or removes it (IPv6), and is sent as an
    explicit ``null``.  ``ip`` is checked to be a
    single IPv4 or IPv6 address.
    """

    ip: str
    dns_ptr: str | None = None

    @model_validator(mode="after")
    def _always_send_dns_ptr(self) -> Self:
        # Leaving dns_ptr out means "reset"; say so explicitly on the wire.
        self.model_fields_set.add("dns_ptr")
        return self

    @field_validator("ip")
    @classmethod
    def _ip_is_an_address(cls, value: str) -> str:
        return _check_ip(value, "ip")
