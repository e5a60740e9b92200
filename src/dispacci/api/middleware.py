"""ASGI middleware: allowed Host names, a request size limit and security headers on every response.

Both are plain ASGI so they cost one function call per request and see the
body before FastAPI parses it (a huge body is refused without being read).
"""
from __future__ import annotations

import json

from ..errors import Errors

__all__ = ["AllowedHosts", "BodySizeLimit", "SecurityHeaders", "CSP", "DOCS_CSP", "LOOPBACK_HOSTS", "host_name"]

LOOPBACK_HOSTS = ("localhost", "127.0.0.1", "::1")

# No inline scripts or styles anywhere: hostile article text that slipped
# through escaping still could not run.
CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
       "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'")
# Swagger UI sets style attributes from its own bundle; scripts stay 'self' only.
DOCS_CSP = CSP.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'")


def host_name(header: str) -> str:
    """The name of a ``Host`` header without its port: ``[::1]:8000`` → ``::1``."""
    header = header.strip().lower()
    if header.startswith("["):
        return header[1:].split("]", 1)[0]
    if header.count(":") == 1:
        header = header.split(":", 1)[0]
    return header.rstrip(".")


class AllowedHosts:
    """Answer 400 (E411) to a request whose ``Host`` is not one of ``hosts``.

    A page on another site can make a browser send requests to a loopback
    server (DNS rebinding): the browser then names the attacker's domain in
    ``Host``, which this refuses. ``"*"`` among ``hosts`` allows every name.
    """

    def __init__(self, app, hosts):
        self.app = app
        self.hosts = {host_name(h) for h in hosts}
        self.any = "*" in hosts

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http" or self.any:
            return await self.app(scope, receive, send)
        header = dict(scope.get("headers") or ()).get(b"host", b"").decode("latin-1")
        if host_name(header) in self.hosts:
            return await self.app(scope, receive, send)
        message = f"[E411] {Errors.E411.format(host=header, allowed=', '.join(sorted(self.hosts)))}"
        await _send_json(send, 400, {"error": {"status": 400, "code": "E411", "message": message}})


async def _send_json(send, status: int, body: dict) -> None:
    payload = json.dumps(body).encode()
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(payload)).encode()),
                            (b"connection", b"close")]})
    await send({"type": "http.response.body", "body": payload})


class BodySizeLimit:
    """Answer 413 when a request body is over ``max_bytes``."""

    def __init__(self, app, max_bytes: int):
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http" or scope["method"] in ("GET", "HEAD", "OPTIONS"):
            return await self.app(scope, receive, send)
        declared = dict(scope.get("headers") or ()).get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > self.max_bytes:
            return await self._refuse(send)
        # Read the (possibly chunked) body up to the limit, then replay it.
        chunks, size = [], 0
        while True:
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > self.max_bytes:
                return await self._refuse(send)
            chunks.append(chunk)
            if not message.get("more_body", False):
                break
        body = b"".join(chunks)
        sent = False

        async def replay():
            nonlocal sent
            if sent:
                return await receive()
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}

        return await self.app(scope, replay, send)

    async def _refuse(self, send):
        message = f"[E400] {Errors.E400.format(limit=self.max_bytes)}"
        await _send_json(send, 413, {"error": {"status": 413, "code": "E400", "message": message}})


class SecurityHeaders:
    """Content-Security-Policy and friends on every HTTP response."""

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        policy = (DOCS_CSP if scope["path"].startswith("/api/docs") else CSP).encode()

        async def with_headers(message):
            if message["type"] == "http.response.start":
                headers = list(message.get("headers") or ())
                headers += [(b"content-security-policy", policy),
                            (b"x-content-type-options", b"nosniff"),
                            (b"referrer-policy", b"no-referrer"),
                            (b"x-frame-options", b"DENY")]
                message = {**message, "headers": headers}
            await send(message)

        return await self.app(scope, receive, with_headers)
