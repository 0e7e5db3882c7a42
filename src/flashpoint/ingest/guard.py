"""Refuse to fetch from private, loopback and other non-public addresses (no SSRF).

A server that fetches URLs its clients name (``POST /v1/code`` with a URL) must not become a
way to reach the machines behind it: the loopback interface, the private network, the cloud
metadata address.  Checking the URL's host name up front is not enough (a public name can
resolve to 127.0.0.1, resolve differently a moment later, or redirect to a private address),
so the check sits where the connection is made: every connection, the first and each
redirect's, resolves the host itself, refuses any address that is not globally routable, and
connects to the address it checked.
"""

from __future__ import annotations

import http.client
import ipaddress
import socket
from typing import Any

from flashpoint.errors import FetchError

__all__ = ["PrivateAddressError", "check_public_address", "public_only"]


class PrivateAddressError(FetchError):
    """A guarded fetch was refused: the host is (or resolves to) a non-public address."""


def check_public_address(address: str, host: str) -> None:
    """Raise :class:`PrivateAddressError` unless ``address`` (an IP) is globally routable."""
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    if ip.is_global and not ip.is_multicast:
        return
    kind = (
        "a loopback"
        if ip.is_loopback
        else "a link-local"
        if ip.is_link_local
        else "a private"
        if ip.is_private
        else "a non-public"
    )
    raise PrivateAddressError(
        f"refused to fetch from {host} ({ip}): {kind} address; only public http(s) URLs can "
        "be fetched here (start `flashpoint serve` with --allow-private-urls to allow this)"
    )


def _create_connection(
    address: tuple[str, int], timeout: Any = None, source_address: Any = None
) -> socket.socket:
    """socket.create_connection, but only to checked, public addresses."""
    host, port = address
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except socket.gaierror as exc:
        raise OSError(f"host {host!r} not found") from exc
    error: OSError | None = None
    for family, kind, proto, _name, sockaddr in infos:
        check_public_address(str(sockaddr[0]), host)
        sock = socket.socket(family, kind, proto)
        try:
            if timeout is not None and timeout is not socket._GLOBAL_DEFAULT_TIMEOUT:  # type: ignore[attr-defined]
                sock.settimeout(timeout)
            if source_address:
                sock.bind(source_address)
            sock.connect(sockaddr)
            return sock
        except OSError as exc:
            sock.close()
            error = exc
    raise error or OSError(f"cannot connect to {host}")


def public_only(base: type[http.client.HTTPConnection]) -> Any:
    """``base`` (HTTPConnection or HTTPSConnection) connecting to public addresses only."""

    class PublicOnly(base):  # type: ignore[valid-type, misc]
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._create_connection = _create_connection

    return PublicOnly
