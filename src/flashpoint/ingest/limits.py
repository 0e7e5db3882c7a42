"""Size, length, date and time limits on input, read from the settings table.

Oversized input is refused, never truncated: a silently cut article would yield events with
no hint that part of the story was ignored.  Two sizes are limited, because they protect
different things: ``max_bytes`` bounds what is *read* (a file, a page with its markup, a JSON
line), ``max_chars`` bounds the text that is *coded*, whose parse costs time and memory in
proportion to its length.  docs/reliability.md lists every limit.
"""

from __future__ import annotations

import datetime as dt
import math
from typing import BinaryIO

from flashpoint.errors import InputError, InputTooLargeError
from flashpoint.settings import SETTINGS, get_setting

__all__ = [
    "MAX_DATE",
    "MIN_DATE",
    "check_length",
    "date_in_range",
    "fetch_timeout",
    "max_bytes",
    "max_chars",
    "read_limited",
    "too_large",
]

_CHUNK = 64 * 1024
# spaCy refuses longer texts (nlp.max_length, error E088); the setting may not exceed it.
SPACY_MAX_LENGTH = 1_000_000
# Story dates flashpoint accepts.  Outside them date arithmetic ("last year", a dedupe window)
# would leave the calendar (year 1 - 31 days), and real feeds use year 1 (Go's zero time) or
# 9999 as "no date": such a metadata date is treated as absent, a --date is refused.
MIN_DATE = dt.date(1800, 1, 1)
MAX_DATE = dt.date(2199, 12, 31)


def max_bytes(override: int | None = None) -> int:
    """The input size limit: ``override`` if given, else FLASHPOINT_MAX_BYTES or the default."""
    if override is None:
        return int(_positive_setting("max_bytes", integer=True))
    if isinstance(override, bool) or not isinstance(override, int) or override < 1:
        raise InputError(f"max_bytes must be a positive whole number, got {override!r}")
    return override


def max_chars() -> int:
    """The longest text coded, in characters: FLASHPOINT_MAX_CHARS or the default."""
    value = int(_positive_setting("max_chars", integer=True))
    if value > SPACY_MAX_LENGTH:
        raise InputError(
            f"FLASHPOINT_MAX_CHARS must be at most {SPACY_MAX_LENGTH:,} (spaCy's own limit), "
            f"got {value:,}; lower it or unset it"
        )
    return value


def check_length(text: str, name: str) -> None:
    """Refuse a text longer than ``max_chars``, naming the input and both numbers."""
    limit = max_chars()
    if len(text) > limit:
        raise InputTooLargeError(
            f"{name} has {len(text):,} characters of text, over the {limit:,}-character limit; "
            "split the article or raise the limit with FLASHPOINT_MAX_CHARS"
        )


def date_in_range(day: dt.date) -> bool:
    """True for a story date flashpoint can compute with (MIN_DATE to MAX_DATE)."""
    return MIN_DATE <= day <= MAX_DATE


def fetch_timeout() -> float:
    """The deadline for fetching one URL, in seconds: FLASHPOINT_FETCH_TIMEOUT or the default."""
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
