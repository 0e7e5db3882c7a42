"""Fetch one URL that the user explicitly asked for.

This is the only place flashpoint touches the network, and only for http(s).  Failures become
one-line FetchErrors that say what went wrong (HTTP status, unknown host, refused, timeout),
since "urlopen error [Errno 111]" tells a user nothing they can act on.
"""

from __future__ import annotations

import http.client
import socket
import ssl
import urllib.error
import urllib.parse
import urllib.request
from email.message import Message
from typing import IO, Any

from flashpoint.errors import FetchError
from flashpoint.ingest.limits import read_limited, too_large

__all__ = ["USER_AGENT", "fetch_url"]

USER_AGENT = "flashpoint/0.1"
_SCHEMES = ("http", "https")
_ADVICE = "check the URL, or save the page and pass the file instead"


def fetch_url(
    url: str, *, timeout: float, max_bytes: int, allow_private: bool = True
) -> tuple[bytes, str | None]:
    """GET ``url``; return its body and Content-Type, or raise FetchError/InputTooLargeError.

    With ``allow_private=False`` (a server fetching URLs its clients name) every connection,
    redirects included, is refused unless it goes to a public address (see :mod:`.guard`)."""
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
        headers={
            "User-Agent": USER_AGENT,
            "Accept": "text/html, application/xhtml+xml, text/plain;q=0.9, */*;q=0.1",
        },
    )
    guards: tuple[Any, ...] = ()
    if not allow_private:
        from flashpoint.ingest.guard import GUARDED_HANDLERS

        guards = GUARDED_HANDLERS
    opener = urllib.request.build_opener(_HttpOnlyRedirects, *guards)
    try:
        with opener.open(request, timeout=timeout) as response:
            _check_length(response.headers.get("Content-Length"), url, max_bytes)
            body = read_limited(response, max_bytes, url)
            return body, response.headers.get("Content-Type")
    except urllib.error.HTTPError as exc:
        exc.close()  # it holds the open error response
        raise FetchError(
            f"could not fetch {url}: HTTP {exc.code} {exc.reason}; {_ADVICE}"
        ) from None
    except urllib.error.URLError as exc:
        raise FetchError(
            f"could not fetch {url}: {_describe(exc.reason, parts, timeout)}"
        ) from None
    except (TimeoutError, OSError, http.client.HTTPException, ValueError) as exc:
        raise FetchError(f"could not fetch {url}: {_describe(exc, parts, timeout)}") from None


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
            f"no response within {timeout:g} s; try again later or raise FLASHPOINT_FETCH_TIMEOUT"
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
