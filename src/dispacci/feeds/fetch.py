"""A polite, guarded HTTP client for feeds and article pages.

Timeouts on every connection, a size cap read as the body streams, redirects
followed one by one and each re-checked by the SSRF guard, robots.txt honoured,
a minimum delay between two requests to one host, and conditional GET
(ETag / Last-Modified) so a feed polled every ten minutes costs a 304.
"""
from __future__ import annotations

import http.client
import socket
import ssl
import time
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit
from urllib.robotparser import RobotFileParser

from ..errors import Errors, InputError
from .guard import Resolver, checked_addresses

__all__ = ["FetchPolicy", "Response", "Fetcher", "USER_AGENT"]

USER_AGENT = "dispacci/0.1 (news analysis; honours robots.txt)"


@dataclass(frozen=True)
class FetchPolicy:
    timeout: float = 10.0
    max_bytes: int = 5_000_000
    max_redirects: int = 5
    per_host_delay: float = 1.0
    allow_private: bool = False
    respect_robots: bool = True
    user_agent: str = USER_AGENT


@dataclass
class Response:
    url: str  # after redirects
    status: int
    headers: dict[str, str]
    body: bytes = b""

    @property
    def not_modified(self) -> bool:
        return self.status == 304

    @property
    def content_type(self) -> str:
        return self.headers.get("content-type", "").split(";")[0].strip().lower()


class _PinnedHTTP(http.client.HTTPConnection):
    """Connects to the address the guard checked, whatever DNS says now."""

    def __init__(self, host: str, address: str, **kwargs):
        super().__init__(host, **kwargs)
        self._address = address

    def connect(self):
        self.sock = socket.create_connection((self._address, self.port), self.timeout)


class _PinnedHTTPS(http.client.HTTPSConnection):
    def __init__(self, host: str, address: str, **kwargs):
        super().__init__(host, context=ssl.create_default_context(), **kwargs)
        self._address = address

    def connect(self):
        sock = socket.create_connection((self._address, self.port), self.timeout)
        self.sock = self._context.wrap_socket(sock, server_hostname=self.host)


@dataclass
class Fetcher:
    policy: FetchPolicy = field(default_factory=FetchPolicy)
    resolve: Resolver = socket.getaddrinfo
    clock: object = time.monotonic
    sleep: object = time.sleep
    validators: dict[str, tuple[str | None, str | None]] = field(default_factory=dict)  # url -> (etag, modified)
    _last_hit: dict[str, float] = field(default_factory=dict)
    _robots: dict[str, RobotFileParser | None] = field(default_factory=dict)

    def get(self, url: str, *, conditional: bool = True) -> Response:
        """GET ``url``, following guarded redirects; a 304 comes back as ``not_modified``."""
        if self.policy.respect_robots and not self._allowed(url):
            raise InputError("E513", Errors.E513.format(host=urlsplit(url).hostname), source=url)
        headers = {}
        etag, modified = self.validators.get(url, (None, None)) if conditional else (None, None)
        if etag:
            headers["If-None-Match"] = etag
        if modified:
            headers["If-Modified-Since"] = modified
        response = self._follow(url, headers)
        if response.status == 200 and conditional:
            self.validators[url] = (response.headers.get("etag"), response.headers.get("last-modified"))
        return response

    def _follow(self, url: str, headers: dict[str, str]) -> Response:
        current = url
        for _ in range(self.policy.max_redirects + 1):
            response = self._one(current, headers)
            location = response.headers.get("location")
            if response.status in (301, 302, 303, 307, 308) and location:
                current = urljoin(current, location)  # checked again by the guard on the next turn
                continue
            if response.status not in (200, 304):
                raise InputError("E511", Errors.E511.format(reason=f"HTTP {response.status}"), source=current)
            return response
        raise InputError("E515", Errors.E515.format(limit=self.policy.max_redirects), source=url)

    def _one(self, url: str, headers: dict[str, str]) -> Response:
        addresses = checked_addresses(url, allow_private=self.policy.allow_private, resolve=self.resolve)
        parts = urlsplit(url)
        self._wait_for(parts.hostname)
        kind = _PinnedHTTPS if parts.scheme == "https" else _PinnedHTTP
        connection = kind(parts.hostname, addresses[0], port=parts.port, timeout=self.policy.timeout)
        path = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
        try:
            connection.request("GET", path, headers={"User-Agent": self.policy.user_agent,
                                                     "Accept-Encoding": "identity", **headers})
            answer = connection.getresponse()
            found = {k.lower(): v for k, v in answer.getheaders()}
            body = b"" if answer.status in (301, 302, 303, 304, 307, 308) else self._read(answer, found, url)
            return Response(url, answer.status, found, body)
        except (OSError, http.client.HTTPException) as error:
            raise InputError("E511", Errors.E511.format(reason=f"{type(error).__name__}: {error}"), source=url) from None
        finally:
            connection.close()

    def _read(self, answer, headers: dict[str, str], url: str) -> bytes:
        limit = self.policy.max_bytes
        declared = headers.get("content-length", "")
        if declared.isdigit() and int(declared) > limit:
            raise InputError("E512", Errors.E512.format(limit=limit), source=url)
        body = answer.read(limit + 1)
        if len(body) > limit:
            raise InputError("E512", Errors.E512.format(limit=limit), source=url)
        return body

    def _wait_for(self, host: str | None) -> None:
        """At most one request per ``per_host_delay`` seconds to one host."""
        last = self._last_hit.get(host)
        now = self.clock()
        if last is not None and now - last < self.policy.per_host_delay:
            self.sleep(self.policy.per_host_delay - (now - last))
        self._last_hit[host] = self.clock()

    def _allowed(self, url: str) -> bool:
        parts = urlsplit(url)
        root = f"{parts.scheme}://{parts.netloc}"
        if root not in self._robots:
            self._robots[root] = self._load_robots(root)
        robots = self._robots[root]
        return robots is None or robots.can_fetch(self.policy.user_agent, url)

    def _load_robots(self, root: str) -> RobotFileParser | None:
        try:
            response = self._follow(f"{root}/robots.txt", {})
        except InputError as error:
            if error.code in ("E510", "E514"):
                raise
            return None  # no robots.txt (404) or none readable: everything is allowed
        parser = RobotFileParser()
        parser.parse(response.body.decode("utf-8", "replace").splitlines())
        return parser
