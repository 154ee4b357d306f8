"""A tiny in-process stand-in for the Hetzner Cloud API, enough for the demo.

:class:`OfflineCloud` keeps SSH keys, servers, images, Floating IPs and
actions in dictionaries and answers the handful of requests that
``examples/demo.py`` makes, with bodies shaped like the real API's.  Hand its
:meth:`~OfflineCloud.handle` to ``httpx.MockTransport`` (or
:meth:`~OfflineCloud.handle_async` for the async client).

Every action starts ``running`` at 0 %, reads 50 % the first time it is polled
and ``success`` at 100 % the second time; its effect (a server powering off, a
snapshot becoming available...) is applied when it succeeds.  Anything the
stand-in does not know gets the API's 404 ``not_found`` error.
"""

from __future__ import annotations

import base64
import hashlib
import itertools
import json
import re
from collections.abc import Callable
from typing import Any

import httpx

__all__ = ["OfflineCloud"]

Json = dict[str, Any]
Route = Callable[..., Json | httpx.Response]
CREATED = "2024-05-01T12:00:00Z"
TRAFFIC = 20 * 2**40  # bytes included per month
FSN1: Json = {"id": 1, "name": "fsn1", "description": "Falkenstein DC Park 1", "country": "DE"}
FSN1 |= {"city": "Falkenstein", "latitude": 50.47612, "longitude": 12.370071}
FSN1 |= {"network_zone": "eu-central"}


def _price(net: str) -> Json:
    return {"net": net, "gross": f"{float(net) * 1.19:.4f}"}


def _server_type(name: str) -> Json:
    price = {"location": "fsn1", "price_hourly": _price("0.0100"), "included_traffic": TRAFFIC}
    price |= {"price_monthly": _price("6.4900"), "price_per_tb_traffic": _price("1.0000")}
    here = {"id": 1, "name": "fsn1", "deprecation": None, "recommended": True, "available": True}
    kind = {"id": 22, "name": name, "description": name.upper(), "cores": 2, "memory": 4.0}
    kind |= {"disk": 80, "deprecated": False, "deprecation": None, "prices": [price]}
    kind |= {"storage_type": "local", "cpu_type": "shared", "category": "Shared vCPU"}
    return kind | {"architecture": "x86", "locations": [here]}


def _image(ident: int, **fields: Any) -> Json:
    image = {"id": ident, "type": "system", "status": "available", "name": None}
    image |= {"description": "", "image_size": None, "disk_size": 5.0, "created": CREATED}
    image |= {"created_from": None, "bound_to": None, "os_flavor": "ubuntu", "os_version": "24.04"}
    image |= {"rapid_deploy": True, "protection": {"delete": False}, "deprecated": None}
    return image | {"deleted": None, "labels": {}, "architecture": "x86"} | fields


def _server(ident: int, name: str, server_type: str, image: Json, labels: Json) -> Json:
    ipv4 = {"id": None, "ip": "203.0.113.10", "blocked": False, "dns_ptr": "static.example.com"}
    ipv6: Json = {"id": None, "ip": "2001:db8:1::/64", "blocked": False, "dns_ptr": []}
    net = {"ipv4": ipv4, "ipv6": ipv6, "floating_ips": [], "firewalls": []}
    server = {"id": ident, "name": name, "status": "initializing", "created": CREATED}
    server |= {"public_net": net, "private_net": [], "server_type": _server_type(server_type)}
    server |= {"location": FSN1, "image": image, "iso": None, "rescue_enabled": False}
    server |= {"locked": False, "backup_window": None, "outgoing_traffic": 0, "ingoing_traffic": 0}
    server |= {"included_traffic": TRAFFIC, "protection": {"delete": False, "rebuild": False}}
    server |= {"labels": labels, "volumes": [], "load_balancers": [], "primary_disk_size": 80.0}
    return server | {"placement_group": None}


def _not_found(message: str) -> httpx.Response:
    error = {"code": "not_found", "message": message, "details": {}}
    return httpx.Response(404, json={"error": error})


class OfflineCloud:
    """An in-memory project that answers the demo's requests.

    Attributes:
        requests: How many requests were handled, unknown ones included.
        log: ``"METHOD /path"`` of each request, in order.
    """

    def __init__(self) -> None:
        self.ssh_keys: dict[int, Json] = {}
        self.servers: dict[int, Json] = {}
        self.images: dict[int, Json] = {161547269: _image(161547269, name="ubuntu-24.04")}
        self.floating_ips: dict[int, Json] = {}
        self.actions: dict[int, Json] = {}
        self.requests = 0
        self.log: list[str] = []
        self._ids = itertools.count(1001)
        self._effects: dict[int, Callable[[], object]] = {}
        routes: list[tuple[str, str, Route]] = [
            ("GET", r"/actions", self._poll),
            ("POST", r"/ssh_keys", self._create_ssh_key),
            ("DELETE", r"/ssh_keys/(\d+)", self._deleter(self.ssh_keys)),
            ("POST", r"/servers", self._create_server),
            ("GET", r"/servers/(\d+)", lambda _, i: {"server": self.servers[i]}),
            ("DELETE", r"/servers/(\d+)", self._delete_server),
            ("POST", r"/servers/(\d+)/actions/poweroff", self._power_off),
            ("POST", r"/servers/(\d+)/actions/create_image", self._create_image),
            ("DELETE", r"/images/(\d+)", self._deleter(self.images)),
            ("POST", r"/floating_ips", self._create_floating_ip),
            ("DELETE", r"/floating_ips/(\d+)", self._deleter(self.floating_ips)),
            ("POST", r"/floating_ips/(\d+)/actions/assign", self._assign),
            ("POST", r"/floating_ips/(\d+)/actions/unassign", self._unassign),
        ]
        self._routes = [(method, re.compile(pattern), route) for method, pattern, route in routes]

    def handle(self, request: httpx.Request) -> httpx.Response:
        """Answer one request (for ``httpx.MockTransport``)."""
        self.requests += 1
        path = request.url.path.removeprefix("/v1")
        self.log.append(f"{request.method} {path}")
        content = request.read()
        body: Json = json.loads(content) if content else {}
        for method, pattern, route in self._routes:
            match = pattern.fullmatch(path)
            if method != request.method or match is None:
                continue
            args = [int(group) for group in match.groups()]
            try:
                # polling reads the query string; every other route reads the body
                reply = route(request if path == "/actions" else body, *args)
            except KeyError:
                break  # an id (or a name) that the project does not have
            if isinstance(reply, httpx.Response):
                return reply
            return httpx.Response(201 if method == "POST" else 200, json=reply)
        return _not_found("the resource does not exist")

    async def handle_async(self, request: httpx.Request) -> httpx.Response:
        """The same as :meth:`handle`, for ``httpx.AsyncClient``."""
        return self.handle(request)

    # -- actions -------------------------------------------------------------------

    def _action(self, command: str, resources: Json, effect: Callable[[], object]) -> Json:
        ident = next(self._ids)
        action = {"id": ident, "command": command, "status": "running", "progress": 0}
        action |= {"started": CREATED, "finished": None, "error": None}
        action["resources"] = [{"id": i, "type": k} for k, i in resources.items() if i is not None]
        self.actions[ident] = action
        self._effects[ident] = effect
        return action

    def _poll(self, request: httpx.Request) -> Json:
        found = [self.actions[int(i)] for i in request.url.params.get_list("id")]
        for action in found:
            if action["status"] == "running":
                action["progress"] += 50
            if action["progress"] == 100 and action["status"] == "running":
                action.update(status="success", finished=CREATED)
                self._effects.pop(action["id"])()
        pages = {"page": 1, "per_page": 25, "previous_page": None, "next_page": None}
        pages |= {"last_page": 1, "total_entries": len(found)}
        return {"actions": found, "meta": {"pagination": pages}}

    # -- resources -----------------------------------------------------------------

    def _deleter(self, table: dict[int, Json]) -> Route:
        def delete(_body: Json, ident: int) -> httpx.Response:
            del table[ident]
            return httpx.Response(204)

        return delete

    def _create_ssh_key(self, body: Json) -> Json:
        digest = hashlib.md5(base64.b64decode(body["public_key"].split()[1])).hexdigest()
        key = {"id": next(self._ids), "name": body["name"], "public_key": body["public_key"]}
        key["fingerprint"] = ":".join(digest[i : i + 2] for i in range(0, 32, 2))
        key |= {"labels": body.get("labels") or {}, "created": CREATED}
        self.ssh_keys[key["id"]] = key
        return {"ssh_key": key}

    def _create_server(self, body: Json) -> Json:
        image = self._image_named(body["image"])
        ident = next(self._ids)
        labels = body.get("labels") or {}
        server = _server(ident, body["name"], str(body["server_type"]), image, labels)
        self.servers[ident] = server
        action = self._action("create_server", {"server": ident}, lambda: None)
        start = self._action(
            "start_server", {"server": ident}, lambda: server.update(status="running")
        )
        return {"server": server, "action": action, "next_actions": [start], "root_password": None}

    def _image_named(self, ref: int | str) -> Json:
        found = [i for i in self.images.values() if ref in (i["id"], i["name"])]
        if not found:
            raise KeyError(ref)
        return found[0]

    def _power_off(self, _body: Json, ident: int) -> Json:
        server = self.servers[ident]
        action = self._action("stop_server", {"server": ident}, lambda: server.update(status="off"))
        return {"action": action}

    def _create_image(self, body: Json, ident: int) -> Json:
        source = {"id": ident, "name": self.servers[ident]["name"]}
        image = _image(next(self._ids), type=body.get("type", "snapshot"), status="creating")
        image |= {"description": body.get("description") or "", "created_from": source}
        image |= {"labels": body.get("labels") or {}}
        self.images[image["id"]] = image
        ready = {"status": "available", "image_size": 1.2}
        action = self._action(
            "create_image", {"server": ident, "image": image["id"]}, lambda: image.update(ready)
        )
        return {"image": image, "action": action}

    def _delete_server(self, _body: Json, ident: int) -> httpx.Response:
        self.servers[ident]["status"] = "deleting"
        action = self._action("delete_server", {"server": ident}, lambda: self.servers.pop(ident))
        return httpx.Response(200, json={"action": action})

    def _create_floating_ip(self, body: Json) -> Json:
        ident = next(self._ids)
        address = "198.51.100.7" if body["type"] == "ipv4" else "2001:db8:2::/64"
        ip = {"id": ident, "name": body.get("name") or f"floating-ip-{ident}", "ip": address}
        ip |= {"description": body.get("description"), "type": body["type"], "server": None}
        ip |= {"dns_ptr": [], "home_location": FSN1, "blocked": False, "created": CREATED}
        ip |= {"protection": {"delete": False}, "labels": body.get("labels") or {}}
        self.floating_ips[ident] = ip
        return {"floating_ip": ip, "action": None}

    def _route_ip(self, ident: int, server: int | None) -> None:
        for other in self.servers.values():
            if ident in other["public_net"]["floating_ips"]:
                other["public_net"]["floating_ips"].remove(ident)
        if server is not None:
            self.servers[server]["public_net"]["floating_ips"].append(ident)
        self.floating_ips[ident]["server"] = server

    def _assign(self, body: Json, ident: int) -> Json:
        target = self.servers[body["server"]]["id"]
        resources = {"floating_ip": self.floating_ips[ident]["id"], "server": target}
        action = self._action(
            "assign_floating_ip", resources, lambda: self._route_ip(ident, target)
        )
        return {"action": action}

    def _unassign(self, _body: Json, ident: int) -> Json:
        resources = {"floating_ip": ident, "server": self.floating_ips[ident]["server"]}
        action = self._action(
            "unassign_floating_ip", resources, lambda: self._route_ip(ident, None)
        )
        return {"action": action}
