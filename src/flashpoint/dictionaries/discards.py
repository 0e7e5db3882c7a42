"""PETRARCH discard lists: phrases whose sentence (or, with a leading ``+``, story) is not coded.

From ``dictionaries.rst``, "Discard List": a phrase is found when it starts a word of the
sentence, case-insensitively; without a trailing ``_`` its last word is a stem ("BASEBALL"
also finds "baseballers"), with one it must end at a blank or punctuation.  Sports results,
entertainment and historical chronologies are the usual entries::

    +ACADEMY AWARD      # the whole story is not coded
    WORLD CUP           # the sentence is not coded
    ANDRE AGASSI
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from .phrases import units
from .reading import Problem, content_lines

__all__ = ["DiscardEntry", "Discards", "parse_discards"]

_WORD = re.compile(r"[^\W_]+")


@dataclass(frozen=True, slots=True)
class DiscardEntry:
    source: str
    line: int
    phrase: str
    words: tuple[str, ...]
    exact: bool  # the last word must end there (trailing _); else it is a stem
    story: bool  # + prefix: discard the whole story

    @property
    def origin(self) -> str:
        return f"{Path(self.source).name}:{self.line}"


def parse_discards(text: str, source: str) -> tuple[list[DiscardEntry], list[Problem]]:
    entries: list[DiscardEntry] = []
    problems: list[Problem] = []
    for line in content_lines(text):
        phrase = line.text.strip()
        story = phrase.startswith("+")
        body = phrase[1:].strip() if story else phrase
        words = units(body.replace("_", " "))
        if not words:
            problems.append(Problem(source, line.number, f"no words in discard phrase {phrase!r}"))
            continue
        entries.append(DiscardEntry(source, line.number, phrase, words, body.endswith("_"), story))
    return entries, problems


class Discards:
    """Finds discard phrases in a text: ``matches(text)`` gives each hit's character range
    and entry."""

    def __init__(self, entries: list[DiscardEntry]):
        self.entries = entries
        self._by_first: dict[str, list[DiscardEntry]] = defaultdict(list)
        self._stems: dict[str, list[DiscardEntry]] = defaultdict(list)  # one-word stems
        for entry in entries:
            if len(entry.words) == 1 and not entry.exact:
                self._stems[entry.words[0]].append(entry)
            else:
                self._by_first[entry.words[0]].append(entry)
        self._stem_lengths = sorted({len(s) for s in self._stems})

    def __len__(self) -> int:
        return len(self.entries)

    def matches(self, text: str) -> list[tuple[int, int, DiscardEntry]]:
        spans = [(m.start(), m.end()) for m in _WORD.finditer(text)]
        words = [units(text[s:e]) for s, e in spans]
        flat: list[tuple[str, int, int]] = [
            (u, s, e) for (s, e), us in zip(spans, words, strict=True) for u in us
        ]
        found: list[tuple[int, int, DiscardEntry]] = []
        for i, (word, start, end) in enumerate(flat):
            for length in self._stem_lengths:
                if length > len(word):
                    break
                for entry in self._stems.get(word[:length], ()):
                    found.append((start, end, entry))
            for entry in self._by_first.get(word, ()):
                n = len(entry.words)
                tail = flat[i : i + n]
                if len(tail) < n:
                    continue
                if any(t[0] != w for t, w in zip(tail[1:-1], entry.words[1:-1], strict=True)):
                    continue
                last = tail[-1][0]
                if n > 1 and not (
                    last == entry.words[-1]
                    or (not entry.exact and last.startswith(entry.words[-1]))
                ):
                    continue
                found.append((start, tail[-1][2], entry))
        return found
