"""Dictionary phrases as word units, and an index that finds them in a run of words.

PETRARCH phrases are upper-case words joined by ``_`` ("AHMED_ZIA_MASSOUD_", "U.N._",
"BAN_KI-MOON").  Text is compared as *units*: lower-cased, accents dropped, and split at every
character that is not a letter or digit, on both sides.  So "Ban Ki-moon" (spaCy: Ban, Ki, -,
moon) and BAN_KI-MOON are both ``ban ki moon``, and "U.N." is ``u n`` whether spaCy keeps it
one token or not; punctuation carries no units and is stepped over.

A trailing ``_`` in PETRARCH means "this exact word".  Without it TABARI matched the last word
as a stem; PETRARCH2 dropped stems, and flashpoint narrows them to the regular plural
(S, ES, IES), so "+HOSTAGE" also finds "hostages" but "UN" never finds "unite".
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import Generic, TypeVar

__all__ = ["PhraseIndex", "phrase_units", "plurals", "units"]

T = TypeVar("T")

_SPLIT = re.compile(r"[\W_]+")


@lru_cache(maxsize=200_000)
def units(text: str) -> tuple[str, ...]:
    """The word units of a text: lower case, no accents, split at non-alphanumerics."""
    folded = text.lower()
    if not folded.isascii():
        folded = unicodedata.normalize("NFKD", folded)
        folded = "".join(c for c in folded if not unicodedata.combining(c))
    return tuple(u for u in _SPLIT.split(folded) if u)


def phrase_units(phrase: str) -> tuple[tuple[str, ...], bool]:
    """A dictionary phrase's units and whether it is exact (ends with ``_``)."""
    stripped = phrase.strip()
    return units(stripped.replace("_", " ")), stripped.endswith("_")


def plurals(word: str) -> tuple[str, ...]:
    """PETRARCH's regular plurals of a (lower-case) word: -y -> -ies, -s -> -es, else -s."""
    if not word or not word[-1].isalpha():
        return ()
    if word.endswith("y") and len(word) > 1 and word[-2] not in "aeiou":
        return (word[:-1] + "ies", word + "s")
    if word.endswith(("s", "x", "z", "ch", "sh")):
        return (word + "es",)
    return (word + "s",)


def singular(word: str) -> str:
    """The regular singular of a (lower-case) noun, for lemma-based matching of patterns."""
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 4 and word.endswith(("sses", "shes", "ches", "xes", "zes")):
        return word[:-2]
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is", "ous")):
        return word[:-1]
    return word


class PhraseIndex(Generic[T]):
    """Unit sequences -> values, searched longest first from each starting word."""

    def __init__(self) -> None:
        self._phrases: dict[tuple[str, ...], T] = {}
        self._longest: dict[str, int] = {}

    def __len__(self) -> int:
        return len(self._phrases)

    def __contains__(self, key: object) -> bool:
        return key in self._phrases

    def get(self, key: tuple[str, ...]) -> T | None:
        return self._phrases.get(key)

    def add(self, key: tuple[str, ...], value: T) -> T | None:
        """Store ``value`` under ``key``; returns the value it replaces, if any."""
        if not key:
            return None
        previous = self._phrases.get(key)
        self._phrases[key] = value
        if len(key) > self._longest.get(key[0], 0):
            self._longest[key[0]] = len(key)
        return previous

    def add_forms(self, key: tuple[str, ...], exact: bool, value: T) -> list[T]:
        """Store a phrase and, unless exact, its last word's plural forms; returns what it
        replaced (so a later file can say which entries it overrides)."""
        replaced = [self.add(key, value)]
        if not exact and key:
            for form in plurals(key[-1]):
                replaced.append(self.add((*key[:-1], form), value))
        return [r for r in replaced if r is not None]

    def items(self) -> Iterable[tuple[tuple[str, ...], T]]:
        return self._phrases.items()

    def find(
        self, words: list[str], starts: Iterable[int], ends: set[int] | None = None
    ) -> Iterator[tuple[int, int, T]]:
        """(start, end, value) of the longest phrase at each start offered, left to right,
        ending where ``ends`` allows (word boundaries); a match is not searched for again
        inside an earlier one."""
        after = 0
        for i in starts:
            if i < after:
                continue
            limit = self._longest.get(words[i])
            if limit is None:
                continue
            for length in range(min(limit, len(words) - i), 0, -1):
                if ends is not None and i + length not in ends:
                    continue
                value = self._phrases.get(tuple(words[i : i + length]))
                if value is not None:
                    yield i, i + length, value
                    after = i + length
                    break
