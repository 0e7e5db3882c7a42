"""Durations as people write them: ``15m``, ``24h``, ``30d``, ``1h30m``, ``0.5s``, ``90``.

Used by ``flashpoint watch --every`` and the alert rules' windows.  A bare number is seconds.
"""

from __future__ import annotations

import math
import re

__all__ = ["format_duration", "parse_duration"]

_UNITS = {"ms": 0.001, "s": 1.0, "m": 60.0, "h": 3600.0, "d": 86400.0, "w": 604800.0}
_PART = re.compile(r"(\d+(?:\.\d+)?|\.\d+)\s*(ms|s|m|h|d|w)", re.IGNORECASE)


def parse_duration(text: str | int | float) -> float:
    """``text`` in seconds; raises ValueError (saying what is accepted) for anything else,
    zero and negative durations included."""
    if isinstance(text, bool):
        raise ValueError(f"{text!r} is not a duration")
    if isinstance(text, int | float):
        seconds = float(text)
    else:
        value = text.strip().lower().replace(" ", "")
        try:
            seconds = float(value)
        except ValueError:
            position, seconds = 0, 0.0
            for match in _PART.finditer(value):
                if match.start() != position:
                    break
                seconds += float(match.group(1)) * _UNITS[match.group(2).lower()]
                position = match.end()
            if position != len(value) or not value:
                raise ValueError(
                    f"{text!r} is not a duration; write e.g. 30s, 15m, 24h, 7d or 1h30m"
                ) from None
    if not math.isfinite(seconds) or seconds <= 0:
        raise ValueError(f"{text!r} is not a positive duration")
    return seconds


def format_duration(seconds: float) -> str:
    """The shortest exact spelling of ``seconds`` in one unit (``900`` -> ``15m``)."""
    for unit in ("w", "d", "h", "m", "s"):
        count = seconds / _UNITS[unit]
        if count >= 1 and abs(count - round(count)) < 1e-9:
            return f"{round(count)}{unit}"
    return f"{seconds:g}s"
