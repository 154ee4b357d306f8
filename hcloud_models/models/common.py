"""Small parts shared by many API objects: prices, deprecation notes, protection, paging."""

from datetime import datetime

from ._base import HcloudModel, Labels, Payload

__all__ = [
    "ActionError",
    "ActionResource",
    "DeleteProtectionChange",
    "DeprecationInfo",
    "DetachFromNetwork",
    "Meta",
    "NameAndLabelsUpdate",
    "Pagination",
    "Price",
    "Protection",
    "RequiredDeleteProtectionChange",
    "ServerProtection",
]


class Price(HcloudModel):
    """An amount of money with and without VAT.

    Both amounts are decimal strings (``"1.0000"``), kept as text so that no
    precision is lost; convert them with :class:`decimal.Decimal` when needed.
    """

    net: str
    gross: str


class DeprecationInfo(HcloudModel):
    """When a deprecation was made public and the date after which the thing can't be used."""

    announced: datetime
    unavailable_after: datetime


class Protection(HcloudModel):
    """Flags that guard a resource against accidental deletion."""

    delete: bool


class ServerProtection(Protection):
    """Protection flags of a server, which can also be guarded against rebuilds."""

    rebuild: bool


class DeleteProtectionChange(Payload):
    """Body that turns a resource's protection against deletion on or off.

    ``delete`` may be left out, which changes nothing.  Images, Load Balancers,
    networks, Storage Boxes, Volumes and Zones take this body.
    """

    delete: bool | None = None


class RequiredDeleteProtectionChange(Payload):
    """Body that turns a resource's protection against deletion on or off (``delete`` required).

    Floating IPs and Primary IPs take this body.
    """

    delete: bool


class DetachFromNetwork(Payload):
    """Body that disconnects a server or a Load Balancer from the private network with this id."""

    network: int


class NameAndLabelsUpdate(Payload):
    """Body that renames an object or replaces all of its labels (placement groups, SSH keys)."""

    name: str | None = None
    labels: Labels | None = None


class ActionResource(HcloudModel):
    """A reference to a resource that an action works on."""

    id: int
    type: str


class ActionError(HcloudModel):
    """The reason an action failed, as a machine-readable code and a message."""

    code: str
    message: str


class Pagination(HcloudModel):
    """Where a page of a list reply sits among all pages.

    The neighbouring page numbers are ``None`` at either end of the list; the
    last page and the total count may be ``None`` when the API does not know them.
    """

    page: int
    per_page: int
    previous_page: int | None
    next_page: int | None
    last_page: int | None
    total_entries: int | None


class Meta(HcloudModel):
    """Extra information that comes with a list reply."""

    pagination: Pagination
