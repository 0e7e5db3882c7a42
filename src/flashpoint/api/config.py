"""What one ``flashpoint serve`` process serves and how: one frozen record, built once."""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["DEFAULT_MAX_BODY", "ServeConfig"]

# Request bodies above this are refused with 413: a JSON Lines batch of articles, each of
# which must still fit FLASHPOINT_MAX_BYTES.
DEFAULT_MAX_BODY = 32 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class ServeConfig:
    """``db``: the event store (a SQLite path or database URL; None: FLASHPOINT_DB).
    ``api_key_digests``: SHA-256 digests of the accepted API keys (the keys themselves are
    not kept); when empty, writes need no key.  ``trusted_hosts``: Host header values
    accepted (None: any), so a page on another site cannot reach a loopback server through
    DNS rebinding."""

    db: str | None = None
    api_key_digests: tuple[bytes, ...] = ()
    allow_private_urls: bool = False
    max_body: int = DEFAULT_MAX_BODY
    model: str | None = None
    lexicons: tuple[str, ...] = ()
    trusted_hosts: tuple[str, ...] | None = None

    @property
    def writes_need_key(self) -> bool:
        return bool(self.api_key_digests)
