"""Reverse DNS: the PTR entries of public addresses and the request body that changes one."""

import ipaddress

from pydantic import field_validator

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
    ``dns_ptr`` must always be given: a hostname sets the entry, ``None`` resets
    it to the default (IPv4) or removes it (IPv6).  ``ip`` is checked to be a
    single IPv4 or IPv6 address.
    """

    ip: str
    dns_ptr: str | None

    @field_validator("ip")
    @classmethod
    def _ip_is_an_address(cls, value: str) -> str:
        return _check_ip(value, "ip")
