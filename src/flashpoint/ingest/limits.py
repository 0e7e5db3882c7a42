"""Size and time limits on input, read from the settings table.

Oversized input is refused, never truncated: a silently cut article would yield events with
no hint that part of the story was ignored.
"""

from __future__ import annotations

import math
from typing import BinaryIO

from flashpoint.errors import InputError, InputTooLargeError
from flashpoint.settings import SETTINGS, get_setting

__all__ = ["fetch_timeout", "max_bytes", "read_limited", "too_large"]

_CHUNK = 64 * 1024


def max_bytes(override: int | None = None) -> int:
    """The input size limit: ``override`` if given, else FLASHPOINT_MAX_BYTES or the default."""
    if override is None:
        return int(_positive_setting("max_bytes", integer=True))
    if isinstance(override, bool) or not isinstance(override, int) or override < 1:
        raise InputError(f"max_bytes must be a positive whole number, got {override!r}")
    return override


def fetch_timeout() -> float:
    """Seconds to wait for a URL: FLASHPOINT_FETCH_TIMEOUT or the default."""
    return _positive_setting("fetch_timeout", integer=False)


def too_large(name: str, limit: int, size: int | None = None) -> InputTooLargeError:
    """The error for an input over ``limit`` bytes; ``size`` when it is known up front."""
    what = f"is {size:,} bytes, over" if size is not None else "is larger than"
    return InputTooLargeError(
        f"{name} {what} the {limit:,}-byte limit; pass a smaller document "
        "or raise the limit with FLASHPOINT_MAX_BYTES"
    )


def read_limited(stream: BinaryIO, limit: int, name: str) -> bytes:
    """Read all of ``stream``, but stop and refuse as soon as it exceeds ``limit`` bytes."""
    chunks: list[bytes] = []
    size = 0
    while True:
        chunk = stream.read(min(_CHUNK, limit + 1 - size))
        if not chunk:
            return b"".join(chunks)
        chunks.append(chunk)
        size += len(chunk)
        if size > limit:
            raise too_large(name, limit)


def _positive_setting(name: str, *, integer: bool) -> float:
    """A positive number from the settings table, with a clear error for a bad env value."""
    raw = get_setting(name)
    try:
        value = int(raw) if integer else float(raw)
    except ValueError:
        value = 0
    if value > 0 and math.isfinite(value):
        return value
    env = next(s.env for s in SETTINGS if s.name == name)
    kind = "a positive whole number" if integer else "a positive number"
    raise InputError(f"{env} must be {kind}, got {raw!r}; fix or unset it")
