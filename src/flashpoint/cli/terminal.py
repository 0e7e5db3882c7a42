"""Make text safe to print on a terminal.

Stored text (publishers, titles, evidence) and input names come from documents anyone can
write.  An ESC sequence printed raw can recolour, retitle or clear the user's terminal, and
bidirectional overrides can make a line read differently from what it holds, so every C0/C1
control character, DEL and bidi control is shown as a visible escape (``\\x1b``, ``\\u202e``).
"""

from __future__ import annotations

import re

__all__ = ["printable"]

_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def printable(text: str) -> str:
    """``text`` with control characters (newlines and tabs too) as visible escapes."""
    return _UNSAFE.sub(_escape, text)
