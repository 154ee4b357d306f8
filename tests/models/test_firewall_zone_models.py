"""Zone models against the spec beyond what ``tests/test_coverage.py`` checks for every operation.

Reply fields, body fields, their required-ness and enum values of Firewalls, Zones and RRSets
are compared with the spec there, like those of every other family.
"""

from __future__ import annotations

from hcloud_models.models.zones import RRSET_TYPES
from tests import spec


def test_rrset_types_are_the_spec_enum() -> None:
    schema = spec.request_schema("create_zone_rrset")
    assert schema is not None
    assert list(RRSET_TYPES) == schema["properties"]["type"]["enum"]
