"""The read-only catalog: locations, datacenters, server types, ISOs and pricing.

Seeded with realistic data: six locations, one datacenter each, the shared
(x86 and Arm) and dedicated server types with per-location prices, public
ISOs, and a price list consistent with them.
"""

from __future__ import annotations

from typing import Any

from .._core import ApiError, FakeCloud, Json, Reply, Req, public

ORDER = 10

VAT = 0.19
TB = 2**40

LOCATIONS: list[Json] = [
    {"id": 1, "name": "fsn1", "description": "Falkenstein DC Park 1", "country": "DE",
     "city": "Falkenstein", "latitude": 50.47612, "longitude": 12.370071,
     "network_zone": "eu-central"},
    {"id": 2, "name": "nbg1", "description": "Nuremberg DC Park 1", "country": "DE",
     "city": "Nuremberg", "latitude": 49.452102, "longitude": 11.076665,
     "network_zone": "eu-central"},
    {"id": 3, "name": "hel1", "description": "Helsinki DC Park 1", "country": "FI",
     "city": "Helsinki", "latitude": 60.169855, "longitude": 24.938379,
     "network_zone": "eu-central"},
    {"id": 4, "name": "ash", "description": "Ashburn, VA", "country": "US",
     "city": "Ashburn, VA", "latitude": 39.0437, "longitude": -77.4875,
     "network_zone": "us-east"},
    {"id": 5, "name": "hil", "description": "Hillsboro, OR", "country": "US",
     "city": "Hillsboro, OR", "latitude": 45.54222, "longitude": -122.951924,
     "network_zone": "us-west"},
    {"id": 6, "name": "sin", "description": "Singapore", "country": "SG",
     "city": "Singapore", "latitude": 1.283333, "longitude": 103.833333,
     "network_zone": "ap-southeast"},
]  # fmt: skip

DATACENTERS = {"fsn1": (4, "fsn1-dc14"), "nbg1": (2, "nbg1-dc3"), "hel1": (3, "hel1-dc2"),
               "ash": (5, "ash-dc1"), "hil": (6, "hil-dc1"), "sin": (7, "sin-dc1")}  # fmt: skip
EU = ("fsn1", "nbg1", "hel1")
ALL = ("fsn1", "nbg1", "hel1", "ash", "hil", "sin")

# id, name, cores, memory GB, disk GB, cpu_type, architecture, monthly EUR (EU), locations
SERVER_TYPES: list[tuple[int, str, int, float, int, str, str, float, tuple[str, ...]]] = [
    (104, "cx22", 2, 4.0, 40, "shared", "x86", 3.79, EU),
    (105, "cx32", 4, 8.0, 80, "shared", "x86", 6.80, EU),
    (106, "cx42", 8, 16.0, 160, "shared", "x86", 16.40, EU),
    (107, "cx52", 16, 32.0, 320, "shared", "x86", 32.40, EU),
    (108, "cx23", 2, 4.0, 40, "shared", "x86", 3.49, EU),
    (109, "cx33", 4, 8.0, 80, "shared", "x86", 5.49, EU),
    (110, "cx43", 8, 16.0, 160, "shared", "x86", 9.49, EU),
    (111, "cx53", 16, 32.0, 320, "shared", "x86", 17.49, EU),
    (112, "cpx12", 1, 2.0, 40, "shared", "x86", 6.49, ("ash", "hil", "sin")),
    (113, "cpx22", 2, 4.0, 80, "shared", "x86", 7.99, ALL),
    (114, "cpx32", 4, 8.0, 160, "shared", "x86", 13.99, ALL),
    (115, "cpx42", 8, 16.0, 320, "shared", "x86", 25.49, ALL),
    (116, "cpx52", 12, 24.0, 480, "shared", "x86", 36.49, ALL),
    (117, "cpx62", 16, 32.0, 640, "shared", "x86", 51.49, ALL),
    (22, "cpx11", 2, 2.0, 40, "shared", "x86", 4.35, ALL),
    (23, "cpx21", 3, 4.0, 80, "shared", "x86", 7.55, ALL),
    (24, "cpx31", 4, 8.0, 160, "shared", "x86", 13.60, ALL),
    (25, "cpx41", 8, 16.0, 240, "shared", "x86", 25.20, ALL),
    (26, "cpx51", 16, 32.0, 360, "shared", "x86", 54.90, ALL),
    (45, "cax11", 2, 4.0, 40, "shared", "arm", 3.79, EU),
    (93, "cax21", 4, 8.0, 80, "shared", "arm", 6.49, EU),
    (94, "cax31", 8, 16.0, 160, "shared", "arm", 12.49, EU),
    (95, "cax41", 16, 32.0, 320, "shared", "arm", 24.49, EU),
    (96, "ccx13", 2, 8.0, 80, "dedicated", "x86", 12.49, ALL),
    (97, "ccx23", 4, 16.0, 160, "dedicated", "x86", 24.49, ALL),
    (98, "ccx33", 8, 32.0, 240, "dedicated", "x86", 48.49, ALL),
]
UPLIFT = {"ash": 1.2, "hil": 1.2, "sin": 1.35}
TRAFFIC_TB = {"ash": 1, "hil": 1, "sin": 0.5}

ISOS: list[tuple[int, str, str, str | None]] = [
    (1001, "ubuntu-24.04.1-live-server-amd64.iso", "Ubuntu 24.04.1 (amd64)", "x86"),
    (1002, "ubuntu-24.04.1-live-server-arm64.iso", "Ubuntu 24.04.1 (arm64)", "arm"),
    (1003, "debian-12.7.0-amd64-netinst.iso", "Debian 12.7 (amd64)", "x86"),
    (1004, "debian-12.7.0-arm64-netinst.iso", "Debian 12.7 (arm64)", "arm"),
    (1005, "virtio-win-0.1.262.iso", "virtio-win-0.1.262", None),
    (1006, "Win2022-EN-DE.iso", "Windows Server 2022 (English, German)", "x86"),
    (1007, "FreeBSD-14.1-RELEASE-amd64-disc1.iso", "FreeBSD 14.1 (amd64)", "x86"),
]


def price(net: float, decimals: int = 4) -> Json:
    """A price object (net and gross, VAT included)."""
    return {"net": f"{net:.{decimals}f}", "gross": f"{net * (1 + VAT):.{decimals}f}"}


def _server_type_prices(monthly: float, locations: tuple[str, ...]) -> list[Json]:
    prices = []
    for name in locations:
        month = monthly * UPLIFT.get(name, 1.0)
        prices.append(
            {
                "location": name,
                "price_hourly": price(month / 640),
                "price_monthly": price(month),
                "included_traffic": int(TRAFFIC_TB.get(name, 20) * TB),
                "price_per_tb_traffic": price(7.4 if name == "sin" else 1.0),
            }
        )
    return prices


def server_type_json(row: tuple[Any, ...]) -> Json:
    """The API form of one server type row."""
    ident, name, cores, memory, disk, cpu, arch, monthly, locations = row
    category = {"dedicated": "Dedicated vCPU", "shared": "Shared vCPU"}[cpu]
    description = f"{name.upper()}" if cpu == "shared" else f"{name.upper()} Dedicated CPU"
    return {
        "id": ident,
        "name": name,
        "description": description,
        "cores": cores,
        "memory": memory,
        "disk": disk,
        "deprecated": False,
        "deprecation": None,
        "prices": _server_type_prices(monthly, locations),
        "storage_type": "local",
        "cpu_type": cpu,
        "category": category,
        "architecture": arch,
        "locations": [
            {
                "id": loc["id"],
                "name": loc["name"],
                "deprecation": None,
                "recommended": True,
                "available": True,
            }
            for loc in LOCATIONS
            if loc["name"] in locations
        ],
    }


def _pricing(types: list[Json]) -> Json:
    lb_types = [(1, "lb11", 5.39), (2, "lb21", 16.40), (3, "lb31", 32.90)]
    ip_prices = [
        {"location": loc["name"], "price_monthly": price(3.0 if loc["name"] in EU else 3.6)}
        for loc in LOCATIONS
    ]
    primary = [
        {
            "location": loc["name"],
            "price_hourly": price(0.0008),
            "price_monthly": price(0.5 if loc["name"] in EU else 0.6),
        }
        for loc in LOCATIONS
    ]
    return {
        "currency": "EUR",
        "vat_rate": "19.00",
        "image": {"price_per_gb_month": price(0.0119)},
        "floating_ip": {"price_monthly": price(3.0)},
        "floating_ips": [
            {"type": "ipv4", "prices": ip_prices},
            {"type": "ipv6", "prices": [p | {"price_monthly": price(1.0)} for p in ip_prices]},
        ],
        "primary_ips": [
            {"type": "ipv4", "prices": primary},
            {"type": "ipv6", "prices": [p | {"price_monthly": price(0.0)} for p in primary]},
        ],
        "volume": {"price_per_gb_month": price(0.044)},
        "server_backup": {"percentage": "20.00"},
        "server_types": [{"id": t["id"], "name": t["name"], "prices": t["prices"]} for t in types],
        "load_balancer_types": [
            {"id": ident, "name": name, "prices": _server_type_prices(monthly, ALL)}
            for ident, name, monthly in lb_types
        ],
    }


def register(cloud: FakeCloud) -> None:
    """Seed the catalog and serve its read-only routes."""
    locations = cloud.collection("locations")
    for loc in LOCATIONS:
        locations[loc["id"]] = dict(loc)
    types = cloud.collection("server_types")
    for row in SERVER_TYPES:
        types[row[0]] = server_type_json(row)
    datacenters = cloud.collection("datacenters")
    for loc in LOCATIONS:
        ident, name = DATACENTERS[loc["name"]]
        here = [
            t["id"]
            for t in types.values()
            if any(p["location"] == loc["name"] for p in t["prices"])
        ]
        datacenters[ident] = {
            "id": ident,
            "name": name,
            "description": f"{loc['city']} virtual DC {name.rsplit('-dc', 1)[1]}",
            "location": dict(loc),
            "server_types": {
                "supported": list(here),
                "available": list(here),
                "available_for_migration": list(here),
            },
        }
    isos = cloud.collection("isos")
    for ident, name, description, arch in ISOS:
        isos[ident] = {
            "id": ident,
            "name": name,
            "description": description,
            "type": "public",
            "deprecation": None,
            "architecture": arch,
        }
    cloud.db["_pricing"] = {0: _pricing(list(types.values()))}

    def simple(family: str, key: str, sort: tuple[str, ...]) -> None:
        if family != "datacenters":

            @cloud.route("GET", f"/{family}")
            def list_all(req: Req) -> Reply:
                return cloud.list_reply(req, family, cloud.collection(family).values(), sort=sort)

        @cloud.route("GET", f"/{family}/{{id}}")
        def get_one(req: Req, id: int) -> Reply:
            item = cloud.collection(family).get(id)
            if item is None:
                raise ApiError.not_found(key.replace("_", " "))
            return {key: public(item)}

    simple("locations", "location", ("id", "name"))
    simple("datacenters", "datacenter", ("id", "name"))

    @cloud.route("GET", "/datacenters")
    def list_datacenters(req: Req) -> Reply:
        status, body = cloud.list_reply(
            req, "datacenters", cloud.collection("datacenters").values(), sort=("id", "name")
        )
        assert body is not None
        body["recommendation"] = DATACENTERS["fsn1"][0]
        return status, body

    simple("server_types", "server_type", ())

    @cloud.route("GET", "/isos")
    def list_isos(req: Req) -> Reply:
        items = list(cloud.collection("isos").values())
        name = req.arg("name")
        if name is not None:
            items = [iso for iso in items if iso["name"] == name]
        arch = req.args("architecture")
        if arch:
            wildcard = req.flag_arg("include_architecture_wildcard") or False
            items = [
                iso
                for iso in items
                if iso["architecture"] in arch or (wildcard and iso["architecture"] is None)
            ]
        return cloud.paginate(req, "isos", items)

    @cloud.route("GET", "/isos/{id}")
    def get_iso(req: Req, id: int) -> Reply:
        item = cloud.collection("isos").get(id)
        if item is None:
            raise ApiError.not_found("iso")
        return {"iso": public(item)}

    @cloud.route("GET", "/pricing")
    def get_pricing(req: Req) -> Reply:
        return {"pricing": cloud.db["_pricing"][0]}
