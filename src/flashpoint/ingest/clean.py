"""Characters no article may carry into the coder or the store: NUL and lone surrogates.

Both are valid in a Python string (JSON's ``"\\u0000"`` and ``"\\ud800"`` decode to them), but
spaCy's tokenizer cannot encode a lone surrogate, and PostgreSQL stores neither in a text or
JSONB column (SQLite would take them, so the two engines would disagree).  Each is replaced
by U+FFFD, one character for one, so offsets into the text stay valid; NUL in article text is
dropped at the ingest gate instead (before any offset exists), since it carries nothing.
"""

from __future__ import annotations

import re
from typing import Any

__all__ = ["REPLACEMENT", "bad_characters", "storable", "storable_json"]

REPLACEMENT = "\ufffd"
# A surrogate code point in a str is always unpaired text: decoders join valid pairs.
_BAD = re.compile("[\x00\ud800-\udfff]")


def bad_characters(text: str) -> tuple[int, int]:
    """How many NUL characters and lone surrogates ``text`` holds."""
    found = _BAD.findall(text)
    nul = found.count("\x00")
    return nul, len(found) - nul


def storable(text: str) -> str:
    """``text`` with NUL and lone surrogates replaced by U+FFFD (same length, same offsets)."""
    return _BAD.sub(REPLACEMENT, text) if _BAD.search(text) else text


def storable_json(value: Any) -> Any:
    """A JSON value (dicts, lists, strings) with :func:`storable` applied to every string;
    ``value`` itself when it needs nothing (the usual case, so records are not copied)."""
    return _replaced(value) if _holds_bad(value) else value


def _holds_bad(value: Any) -> bool:
    if isinstance(value, str):
        return _BAD.search(value) is not None
    if isinstance(value, dict):
        return any(_holds_bad(k) or _holds_bad(v) for k, v in value.items())
    if isinstance(value, list | tuple):
        return any(_holds_bad(v) for v in value)
    return False


def _replaced(value: Any) -> Any:
    if isinstance(value, str):
        return storable(value)
    if isinstance(value, dict):
        return {_replaced(k): _replaced(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_replaced(v) for v in value]
    return value
