"""Turn a place mention or a gazetteer name into the key both sides are matched on.

Matching ignores case, accents, dots, commas, apostrophes, the hyphen/space difference and a
leading "the", so "the West Bank", "São Paulo"/"Sao Paulo", "Sana'a"/"Sanaa" and
"Washington, D.C."/"Washington DC" meet on one key.
"""

from __future__ import annotations

import unicodedata

__all__ = ["ascii_key", "has_capital", "place_key"]

# Letters NFKD cannot split into base letter + accent; English copy writes them plain.
_UNSPLITTABLE = str.maketrans(
    {"ł": "l", "ø": "o", "đ": "d", "ı": "i", "ħ": "h", "ð": "d", "þ": "th", "æ": "ae", "œ": "oe"}
)
# Marks that vanish ("Sana'a" = "Sanaa") and marks that separate words ("Guinea-Bissau").
_DROPPED = ("'", "’", "‘", "ʼ", "ʻ", "`", "´", ".", ",", "(", ")", '"', "“", "”")
_SPACED = ("-", "–", "—", "/")


def _strip_accents(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _finish(text: str) -> str:
    words = text.split()
    if words and words[0] == "the":
        words = words[1:]
    return " ".join(words)


def place_key(text: str) -> str:
    """The lookup key for any name or mention; "" when nothing is left."""
    if not text.isascii():
        text = _strip_accents(text).casefold().translate(_UNSPLITTABLE)
    else:
        text = text.lower()
    for mark in _DROPPED:
        if mark in text:
            text = text.replace(mark, "")
    for mark in _SPACED:
        if mark in text:
            text = text.replace(mark, " ")
    if "&" in text:
        text = text.replace("&", " and ")
    return _finish(text)


def ascii_key(name: str) -> str:
    """``place_key`` for names already known to hold only ASCII letters, spaces, - and '.

    The city index calls this ~120k times for alternate names, so it skips the general path.
    """
    key = name.lower().replace("-", " ").replace("'", "")
    # Most names need nothing more; the full clean-up costs a split and a join per name.
    if "  " in key or key.endswith(" ") or key.startswith(("the", " ")):
        return _finish(key)
    return key


def has_capital(text: str) -> bool:
    """Whether the mention was written with any capital letter (proper-noun evidence)."""
    return any(ch.isupper() for ch in text)
