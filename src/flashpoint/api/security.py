"""API keys, the listening-address rule, security headers and the request body limit.

- Keys live in a file, one a line; only their SHA-256 digests are kept in memory, and a
  presented key is hashed and compared with *every* digest by ``hmac.compare_digest``, so
  the time taken says nothing about how much of a key was right, nor which key matched.
  Keys are read from a header only (never the URL), so they never reach an access log.
- ``serve`` refuses a non-loopback address without keys: an open write endpoint on a network.
- Every response carries a strict Content-Security-Policy: the dashboard runs no script at
  all (``default-src 'none'``), so even a bug in escaping could not run an article's script.
- Bodies over the limit are refused with 413 whether or not they announce their length.
"""

from __future__ import annotations

import hashlib
import hmac
import ipaddress
import json
from pathlib import Path
from typing import Any

from flashpoint.errors import ServeError

__all__ = [
    "MIN_KEY_LENGTH",
    "BodyLimitMiddleware",
    "BodyTooLarge",
    "SecurityHeadersMiddleware",
    "check_bind",
    "is_loopback",
    "key_digest",
    "key_matches",
    "load_api_keys",
]

MIN_KEY_LENGTH = 16

# The dashboard: no script, styles and images from this server only, forms post here only.
DASHBOARD_CSP = (
    "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; "
    "frame-ancestors 'none'; base-uri 'none'"
)
# The interactive API docs (Swagger UI, shipped in the package): its own script file and
# the styles it sets on elements, nothing from elsewhere.
DOCS_CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; "
    "base-uri 'none'"
)
_COMMON_HEADERS = [
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
    (b"cross-origin-opener-policy", b"same-origin"),
    (b"cross-origin-resource-policy", b"same-origin"),
]


def key_digest(key: str) -> bytes:
    return hashlib.sha256(key.encode("utf-8")).digest()


def load_api_keys(path: str | Path) -> tuple[bytes, ...]:
    """The digests of the keys in ``path``: one key a line; blank lines and lines starting
    with # are skipped.  Raises :class:`ServeError` naming the problem (never the key)."""
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        reason = getattr(exc, "strerror", None) or type(exc).__name__
        raise ServeError(f"cannot read the API key file {path}: {reason}") from None
    digests = []
    for number, line in enumerate(lines, start=1):
        key = line.strip()
        if not key or key.startswith("#"):
            continue
        if len(key) < MIN_KEY_LENGTH or any(c.isspace() for c in key):
            raise ServeError(
                f"{path}:{number}: an API key must be at least {MIN_KEY_LENGTH} characters "
                "with no spaces (e.g. `python -c 'import secrets; print(secrets.token_urlsafe())'`)"
            )
        digests.append(key_digest(key))
    if not digests:
        raise ServeError(f"{path} holds no API key; write one key a line")
    return tuple(digests)


def key_matches(presented: str | None, digests: tuple[bytes, ...]) -> bool:
    """Whether ``presented`` is one of the keys, in time that does not depend on the keys."""
    if not presented or not digests:
        return False
    given = key_digest(presented)
    found = False
    for digest in digests:  # no early exit: every digest is compared
        found |= hmac.compare_digest(given, digest)
    return found


def is_loopback(host: str) -> bool:
    host = host.strip().strip("[]")
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def check_bind(host: str, has_keys: bool) -> None:
    """Refuse to listen beyond this machine while writes are open to anyone."""
    if not is_loopback(host) and not has_keys:
        raise ServeError(
            f"refusing to listen on {host} without an API key: anyone who can reach it could "
            "write to the store; pass --api-key-file FILE, or listen on 127.0.0.1"
        )


class BodyTooLarge(Exception):
    def __init__(self, limit: int):
        super().__init__(limit)
        self.limit = limit


def _error_body(status: int, kind: str, message: str) -> bytes:
    return json.dumps({"error": {"status": status, "type": kind, "message": message}}).encode()


class BodyLimitMiddleware:
    """413 for a body over ``limit`` bytes: at once when Content-Length says so, else as
    soon as the streamed body passes the limit (the app's handler turns BodyTooLarge into
    the same 413)."""

    def __init__(self, app: Any, limit: int):
        self.app = app
        self.limit = limit

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = dict(scope.get("headers") or [])
        declared = headers.get(b"content-length")
        if declared is not None and declared.strip().isdigit() and int(declared) > self.limit:
            body = _error_body(413, "payload_too_large", too_large_message(self.limit))
            await send(
                {
                    "type": "http.response.start",
                    "status": 413,
                    "headers": [
                        (b"content-type", b"application/json"),
                        (b"content-length", str(len(body)).encode()),
                        (b"connection", b"close"),
                    ],
                }
            )
            await send({"type": "http.response.body", "body": body})
            return
        seen = 0
        limit = self.limit

        async def limited_receive() -> dict[str, Any]:
            nonlocal seen
            message: dict[str, Any] = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > limit:
                    raise BodyTooLarge(limit)
            return message

        await self.app(scope, limited_receive, send)


def too_large_message(limit: int) -> str:
    return (
        f"request body over the {limit:,}-byte limit; send fewer articles per request "
        "or start serve with a larger --max-body"
    )


class SecurityHeadersMiddleware:
    """The same defensive headers on every response; the docs page gets its own CSP."""

    def __init__(self, app: Any):
        self.app = app

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        path = scope.get("path", "")
        csp = DOCS_CSP if path == "/docs" or path.startswith("/docs/") else DASHBOARD_CSP

        async def with_headers(message: dict[str, Any]) -> None:
            if message["type"] == "http.response.start":
                headers = [
                    (k, v)
                    for k, v in message.get("headers", [])
                    if k.lower() != b"content-security-policy"
                ]
                headers += [(b"content-security-policy", csp.encode()), *_COMMON_HEADERS]
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, with_headers)
