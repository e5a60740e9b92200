"""ASGI middleware: a request size limit and security headers on every response.

Both are plain ASGI so they cost one function call per request and see the
body before FastAPI parses it (a huge body is refused without being read).
"""
from __future__ import annotations

import json

from ..errors import Errors

__all__ = ["BodySizeLimit", "SecurityHeaders", "CSP", "DOCS_CSP"]

# No inline scripts or styles anywhere: hostile article text that slipped
# through escaping still could not run.
CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
       "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'")
# Swagger UI sets style attributes from its own bundle; scripts stay 'self' only.
DOCS_CSP = CSP.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'")


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
        payload = json.dumps({"error": {"status": 413, "code": "E400", "message": message}}).encode()
        await send({"type": "http.response.start", "status": 413,
                    "headers": [(b"content-type", b"application/json"),
                                (b"content-length", str(len(payload)).encode()),
                                (b"connection", b"close")]})
        await send({"type": "http.response.body", "body": payload})


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
