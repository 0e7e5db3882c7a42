"""Every error the API returns is JSON naming the problem; none is a traceback.

    {"error": {"status": 400, "type": "bad_parameter", "message": "...", "param": "source"}}

Library errors keep their meaning: bad input or an impossible request is 4xx (413 for input
over the size limit), a store that cannot be reached is 503.  A bug is a 500 whose body says
only that, while the traceback goes to the server's log.
"""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from starlette.exceptions import HTTPException

from flashpoint.api.responses import JSONResponse
from flashpoint.api.security import BodyTooLarge, too_large_message
from flashpoint.errors import (
    AnalysisError,
    FetchError,
    FlashpointError,
    InputTooLargeError,
    StoreError,
)

__all__ = ["ApiError", "error_response", "install_error_handlers"]

log = logging.getLogger("flashpoint.api")


class ApiError(Exception):
    """An error a route raises on purpose: an HTTP status, a type, a message, the parameter."""

    def __init__(self, status: int, kind: str, message: str, param: str | None = None):
        super().__init__(message)
        self.status, self.kind, self.message, self.param = status, kind, message, param


def error_response(
    status: int, kind: str, message: str, param: str | None = None, **extra: Any
) -> JSONResponse:
    body: dict[str, Any] = {"status": status, "type": kind, "message": message}
    if param is not None:
        body["param"] = param
    body.update(extra)
    return JSONResponse({"error": body}, status_code=status)


def _status_of(exc: FlashpointError) -> tuple[int, str]:
    if isinstance(exc, InputTooLargeError):
        return 413, "payload_too_large"
    if isinstance(exc, FetchError):
        return 422, "fetch_failed"
    if isinstance(exc, StoreError):
        return 503, "store_unavailable"
    if isinstance(exc, AnalysisError):
        return 404, "no_match" if "match" in str(exc) else "bad_request"
    return 400, "bad_input"


def _describe_validation(exc: RequestValidationError) -> tuple[str, str | None]:
    errors = exc.errors()
    if not errors:
        return "the request is malformed", None
    first = errors[0]
    loc = [str(part) for part in first.get("loc", ()) if part not in ("query", "path", "body")]
    where = first.get("loc", ("body",))[0]
    param = ".".join(loc) or None
    what = f"{where} parameter {param!r}" if param and where != "body" else "request body"
    if param and where == "body":
        what = f"body field {param!r}"
    return f"{what}: {first.get('msg', 'invalid')}", param


def install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(ApiError)
    async def api_error(_request: Request, exc: ApiError) -> JSONResponse:
        return error_response(exc.status, exc.kind, exc.message, exc.param)

    @app.exception_handler(FlashpointError)
    async def library_error(_request: Request, exc: FlashpointError) -> JSONResponse:
        status, kind = _status_of(exc)
        return error_response(status, kind, str(exc))

    @app.exception_handler(RequestValidationError)
    async def validation_error(_request: Request, exc: RequestValidationError) -> JSONResponse:
        message, param = _describe_validation(exc)
        return error_response(422, "invalid_request", message, param)

    @app.exception_handler(HTTPException)
    async def http_error(_request: Request, exc: HTTPException) -> JSONResponse:
        kind = {404: "not_found", 405: "method_not_allowed"}.get(exc.status_code, "http_error")
        message = exc.detail if isinstance(exc.detail, str) else "request refused"
        if exc.status_code == 404 and message == "Not Found":
            message = "no such page or endpoint; see /docs for the API"
        response = error_response(exc.status_code, kind, message)
        for key, value in (exc.headers or {}).items():
            response.headers[key] = value
        return response

    @app.exception_handler(BodyTooLarge)
    async def body_too_large(_request: Request, exc: BodyTooLarge) -> JSONResponse:
        return error_response(413, "payload_too_large", too_large_message(exc.limit))

    @app.exception_handler(Exception)
    async def internal_error(request: Request, exc: Exception) -> JSONResponse:
        log.exception("internal error on %s %s", request.method, request.url.path)
        return error_response(
            500, "internal_error", "internal error; the server log has the details"
        )
