"""What one ``flashpoint serve`` process serves and how: one frozen record, built once."""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["DEFAULT_CACHE_BYTES", "DEFAULT_MAX_BODY", "ServeConfig"]

# Request bodies above this are refused with 413: a JSON Lines batch of articles, each of
# which must still fit FLASHPOINT_MAX_BYTES.
DEFAULT_MAX_BODY = 32 * 1024 * 1024
# Bodies of the answers kept for repeated reads (api/cache.py), per server process.
DEFAULT_CACHE_BYTES = 64 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class ServeConfig:
    """``db``: the event store (a SQLite path or database URL; None: FLASHPOINT_DB).
    ``api_key_digests``: SHA-256 digests of the accepted API keys (the keys themselves are
    not kept); when empty, writes need no key.  ``trusted_hosts``: Host header values
    accepted (None: any), so a page on another site cannot reach a loopback server through
    DNS rebinding.  ``cache_bytes``: the answers kept for repeated reads until the store
    changes (0: none kept; ETag revalidation works either way)."""

    db: str | None = None
    api_key_digests: tuple[bytes, ...] = ()
    allow_private_urls: bool = False
    max_body: int = DEFAULT_MAX_BODY
    model: str | None = None
    lexicons: tuple[str, ...] = ()
    trusted_hosts: tuple[str, ...] | None = None
    cache_bytes: int = DEFAULT_CACHE_BYTES

    @property
    def writes_need_key(self) -> bool:
        return bool(self.api_key_digests)
