"""HTTP errors with dispacci codes: every error body is ``{"error": {...}}`` JSON.

A client sees the same ``[E###] input: reason`` line as a CLI user, plus the
HTTP status, so scripts can branch on ``error.code`` and people read ``message``.
"""
from __future__ import annotations

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from ..errors import ConfigError, DispacciError, Errors, InputError, ResourceError, StoreError

__all__ = ["ApiError", "error_body", "install_error_handlers"]


class ApiError(DispacciError):
    """A request the API refuses, with the HTTP status to answer."""

    def __init__(self, status: int, code: str, message: str, *, source: str | None = None):
        self.status = status
        super().__init__(code, message, source=source)


def error_body(status: int, code: str, message: str, **extra) -> dict:
    return {"error": {"status": status, "code": code, "message": message, **extra}}


def _status_of(error: DispacciError) -> int:
    if isinstance(error, ApiError):
        return error.status
    if isinstance(error, (InputError, ConfigError)):
        return 400
    if isinstance(error, StoreError):
        return 503
    if isinstance(error, ResourceError):  # the operator's data files, not the client's request
        return 500
    return 400


def _describe_validation(errors: list[dict]) -> tuple[str, list[dict]]:
    details = []
    for item in errors:
        where = ".".join(str(part) for part in item.get("loc", ()) if part != "body") or "body"
        details.append({"field": where, "problem": item.get("msg", "invalid")})
    summary = "; ".join(f"{d['field']}: {d['problem']}" for d in details[:5])
    return summary, details


def install_error_handlers(app: FastAPI) -> None:
    """JSON errors for dispacci errors, validation failures and unknown routes."""

    @app.exception_handler(DispacciError)
    async def _dispacci_error(request: Request, error: DispacciError):
        status = _status_of(error)
        return JSONResponse(error_body(status, error.code, error.one_line()), status_code=status)

    @app.exception_handler(RequestValidationError)
    async def _validation_error(request: Request, error: RequestValidationError):
        summary, details = _describe_validation(list(error.errors()))
        message = f"[E407] {Errors.E407.format(details=summary)}"
        return JSONResponse(error_body(422, "E407", message, details=details), status_code=422)

    @app.exception_handler(StarletteHTTPException)
    async def _http_error(request: Request, error: StarletteHTTPException):
        if error.status_code == 404:
            message = f"[E409] {Errors.E409.format(path=request.url.path)}"
            body = error_body(404, "E409", message)
        elif error.status_code == 400 and "parsing the body" in str(error.detail):
            # FastAPI's answer to JSON it cannot read (a number of thousands of digits, nesting past the stack)
            message = f"[E407] {Errors.E407.format(details='body: not JSON that can be read')}"
            body = error_body(400, "E407", message)
        else:
            body = error_body(error.status_code, f"HTTP{error.status_code}", str(error.detail))
        html_not_found = getattr(request.app.state, "html_not_found", None)  # set by the explorer
        if html_not_found is not None and not request.url.path.startswith("/api") and error.status_code == 404:
            return html_not_found(request, message)
        return JSONResponse(body, status_code=error.status_code, headers=getattr(error, "headers", None))
