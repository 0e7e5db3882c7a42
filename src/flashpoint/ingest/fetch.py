"""Fetch one URL that the user explicitly asked for.

This is the only place flashpoint touches the network, and only for http(s).  Failures become
one-line FetchErrors that say what went wrong (HTTP status, unknown host, refused, timeout),
since "urlopen error [Errno 111]" tells a user nothing they can act on.

The timeout is a *deadline* for the whole fetch (connecting, headers, body, redirects).  A
socket timeout alone restarts with every byte received, so a server trickling one byte a
second would hold a run forever; no client we could use (urllib, urllib3, httpx) offers a
total deadline for a blocking read.  A watchdog thread therefore shuts the connection's
socket down when the deadline passes, which wakes the blocked read at once.
"""

from __future__ import annotations

import contextlib
import http.client
import socket
import ssl
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Mapping
from dataclasses import dataclass
from email.message import Message
from typing import IO, Any

from flashpoint.errors import FetchError
from flashpoint.ingest.limits import read_limited, too_large

__all__ = ["USER_AGENT", "HttpResponse", "fetch_url", "http_request"]

USER_AGENT = "flashpoint/0.1"
_SCHEMES = ("http", "https")
_ADVICE = "check the URL, or save the page and pass the file instead"
# Of an error response (4xx/5xx) only this much body is kept: it is a message, not content.
_ERROR_BODY = 64 * 1024


@dataclass(frozen=True, slots=True)
class HttpResponse:
    """One HTTP response of any status: ``headers`` look up names case-insensitively."""

    status: int
    reason: str
    headers: Message
    body: bytes
    url: str  # after redirects

    @property
    def content_type(self) -> str | None:
        return self.headers.get("Content-Type")


def fetch_url(
    url: str, *, timeout: float, max_bytes: int, allow_private: bool = True
) -> tuple[bytes, str | None]:
    """GET ``url``; return its body and Content-Type, or raise FetchError/InputTooLargeError.

    With ``allow_private=False`` (a server fetching URLs its clients name) every connection,
    redirects included, is refused unless it goes to a public address (see :mod:`.guard`)."""
    response = http_request(url, timeout=timeout, max_bytes=max_bytes, allow_private=allow_private)
    if response.status >= 300:
        raise FetchError(
            f"could not fetch {url}: HTTP {response.status} {response.reason}; {_ADVICE}"
        )
    return response.body, response.content_type


def http_request(
    url: str,
    *,
    timeout: float,
    max_bytes: int,
    allow_private: bool = True,
    headers: Mapping[str, str] | None = None,
    method: str = "GET",
    data: bytes | None = None,
) -> HttpResponse:
    """Send one request (redirects followed, to http(s) only) and return the response,
    whatever its status: 304, 429 and 503 are answers a poller acts on, not failures.

    Raises FetchError when no response arrives (bad URL, DNS, refused, TLS, the deadline)
    and InputTooLargeError for a successful response over ``max_bytes``.  ``headers`` are
    added to (or replace) the defaults, User-Agent included."""
    try:
        parts = urllib.parse.urlsplit(url)
        _ = parts.port  # raises for a port outside 0-65535, which http.client would wrap
        valid = parts.scheme.lower() in _SCHEMES and bool(parts.hostname)
    except ValueError:  # a bad port, an unclosed IPv6 bracket
        valid = False
    if not valid:
        raise FetchError(
            f"cannot fetch {url!r}: not a valid http:// or https:// URL with a host and port"
        )
    request = urllib.request.Request(
        url,
        data=data,
        method=method,
        headers={
            "User-Agent": USER_AGENT,
            "Accept": "text/html, application/xhtml+xml, text/plain;q=0.9, */*;q=0.1",
            **(headers or {}),
        },
    )
    deadline = _Deadline(timeout)
    guarded = not allow_private
    # A proxy would make the connection on the guard's behalf: none when guarded.
    no_proxy = (urllib.request.ProxyHandler({}),) if guarded else ()
    opener = urllib.request.build_opener(
        _HttpOnlyRedirects, _HTTPHandler(deadline, guarded), _HTTPSHandler(deadline, guarded),
        *no_proxy,
    )  # fmt: skip
    try:
        with deadline:
            try:
                response = opener.open(request, timeout=timeout)
            except urllib.error.HTTPError as exc:  # any status but 2xx, the response itself
                if exc.fp is None:  # no response to hand back
                    raise
                with exc:
                    body = _read_error_body(exc)
                    answer = HttpResponse(exc.code, str(exc.reason), exc.headers, body, url)
            else:
                with response:
                    _check_length(response.headers.get("Content-Length"), url, max_bytes)
                    body = read_limited(response, max_bytes, url)
                    answer = HttpResponse(
                        response.status, response.reason, response.headers, body, response.url
                    )
    except (OSError, http.client.HTTPException, ValueError) as exc:  # URLError is an OSError
        # Whatever a read woken by the watchdog raised (a reset, a short body), the cause is
        # the deadline.
        error = TimeoutError() if deadline.expired else exc
        raise _fetch_error(error, url, parts, timeout) from None
    if deadline.expired:  # the watchdog's end-of-file may have cut the body short
        raise _fetch_error(TimeoutError(), url, parts, timeout)
    return answer


def _read_error_body(response: IO[bytes]) -> bytes:
    try:
        return response.read(_ERROR_BODY)
    except (OSError, http.client.HTTPException):
        return b""


def _fetch_error(
    exc: BaseException, url: str, parts: urllib.parse.SplitResult, timeout: float
) -> FetchError:
    if isinstance(exc, urllib.error.HTTPError):
        exc.close()  # it holds the open error response
        return FetchError(f"could not fetch {url}: HTTP {exc.code} {exc.reason}; {_ADVICE}")
    reason = exc.reason if isinstance(exc, urllib.error.URLError) else exc
    return FetchError(f"could not fetch {url}: {_describe(reason, parts, timeout)}")


def _check_length(header: str | None, url: str, max_bytes: int) -> None:
    """Refuse before downloading when the server announces an oversized body."""
    if header and header.strip().isdigit() and int(header) > max_bytes:
        raise too_large(url, max_bytes, int(header))


def _describe(reason: object, parts: urllib.parse.SplitResult, timeout: float) -> str:
    """One line saying why a connection failed and what the user can do."""
    host = parts.hostname or "?"
    if isinstance(reason, socket.gaierror):
        return f"host {host!r} not found (DNS lookup failed); check the URL and your connection"
    if isinstance(reason, ConnectionRefusedError):
        return f"connection refused by {_netloc(parts)}; check the URL or that the server is up"
    if isinstance(reason, TimeoutError):
        return (
            f"no complete response within {timeout:g} s; try again later or raise "
            "FLASHPOINT_FETCH_TIMEOUT"
        )
    if isinstance(reason, ssl.SSLError):
        return f"TLS/SSL error ({_one_line(reason)}); check the URL uses the right scheme"
    if isinstance(reason, http.client.HTTPException):
        return f"bad HTTP response ({type(reason).__name__}); try again later"
    return f"{_one_line(reason)}; {_ADVICE}"


def _netloc(parts: urllib.parse.SplitResult) -> str:
    default = 443 if parts.scheme.lower() == "https" else 80
    return f"{parts.hostname}:{parts.port or default}"  # the port was validated up front


def _one_line(reason: object) -> str:
    if isinstance(reason, OSError) and reason.strerror:
        return reason.strerror
    return " ".join(str(reason).split()) or type(reason).__name__


class _HttpOnlyRedirects(urllib.request.HTTPRedirectHandler):
    """Follow redirects only to http(s): urllib would also follow one to ftp://."""

    def redirect_request(
        self,
        req: urllib.request.Request,
        fp: IO[bytes],
        code: int,
        msg: str,
        headers: Message,
        newurl: str,
    ) -> urllib.request.Request | None:
        scheme = urllib.parse.urlsplit(newurl).scheme.lower()
        if scheme not in _SCHEMES:
            raise urllib.error.HTTPError(
                req.full_url, code, f"redirect to a {scheme}: URL refused", headers, fp
            )
        return super().redirect_request(req, fp, code, msg, headers, newurl)


class _Deadline:
    """A watchdog: at the deadline, shut down every socket the fetch opened (see the module
    docstring).  Used as a context manager around the fetch."""

    def __init__(self, seconds: float):
        self._end = time.monotonic() + seconds
        self._lock = threading.Lock()
        self._sockets: list[socket.socket] = []
        self.expired = False
        self._timer = threading.Timer(seconds, self._expire)
        self._timer.daemon = True

    def __enter__(self) -> _Deadline:
        self._timer.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._timer.cancel()

    def remaining(self) -> float:
        return max(0.001, self._end - time.monotonic())

    def track(self, sock: socket.socket) -> None:
        with self._lock:
            self._sockets.append(sock)
            if self.expired:
                _shut(sock)

    def _expire(self) -> None:
        with self._lock:
            self.expired = True
            for sock in self._sockets:
                _shut(sock)


def _shut(sock: socket.socket) -> None:
    # socket.socket's own shutdown, not SSLSocket's (which also drops its TLS state under
    # the reading thread): the blocked read sees end-of-file.
    with contextlib.suppress(OSError):
        socket.socket.shutdown(sock, socket.SHUT_RDWR)


def _watched(
    base: type[http.client.HTTPConnection], deadline: _Deadline, guarded: bool = False
) -> Any:
    """``base`` whose socket is handed to ``deadline`` once connected (and which, when
    ``guarded``, connects to public addresses only: see :mod:`.guard`)."""
    if guarded:
        from flashpoint.ingest.guard import public_only

        base = public_only(base)

    class Watched(base):  # type: ignore[valid-type, misc]
        def connect(self) -> None:
            self.timeout = min(self.timeout, deadline.remaining())  # connecting counts too
            super().connect()
            deadline.track(self.sock)

    return Watched


class _HTTPHandler(urllib.request.HTTPHandler):
    def __init__(self, deadline: _Deadline, guarded: bool = False):
        super().__init__()
        self._connection = _watched(http.client.HTTPConnection, deadline, guarded)

    def http_open(self, req: urllib.request.Request) -> http.client.HTTPResponse:
        return self.do_open(self._connection, req)


class _HTTPSHandler(urllib.request.HTTPSHandler):
    def __init__(self, deadline: _Deadline, guarded: bool = False):
        super().__init__()
        self._connection = _watched(http.client.HTTPSConnection, deadline, guarded)

    def https_open(self, req: urllib.request.Request) -> http.client.HTTPResponse:
        return self.do_open(self._connection, req, context=self._context)
