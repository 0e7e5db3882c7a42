"""Reading PETRARCH/TABARI dictionary files: comments, line numbers and problems.

All dictionary kinds share PETRARCH's lexical rules (``dictionaries.rst``, "General Rules"):
``#`` starts a comment that runs to the end of the line (TABARI's ``;`` too), XML comments
``<!-- ... -->`` may span lines, and blank lines are skipped.  Every parser reports what it
cannot read as a :class:`Problem` naming the file and line; nothing is dropped silently.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from ..errors import DictionaryError

__all__ = ["DictionaryError", "Line", "Problem", "content_lines", "read_dictionary_text"]


@dataclass(frozen=True, slots=True)
class Problem:
    """Something in a dictionary file, at a line: an error (the file is refused) or a note
    (read, but not as written: an approximated verb pattern, an entry without a code)."""

    source: str
    line: int
    message: str
    error: bool = True

    def __str__(self) -> str:
        return f"{self.source}:{self.line}: {self.message}"


@dataclass(frozen=True, slots=True)
class Line:
    number: int
    text: str  # without comments or trailing blanks; leading blanks kept (a tab means a date)


def read_dictionary_text(path: str | Path) -> str:
    """A dictionary file's text; a missing, unreadable or non-UTF-8 file is a
    :class:`DictionaryError` naming it."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise DictionaryError([Problem(str(path), 0, f"cannot read: {exc.strerror}")]) from exc
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise DictionaryError(
            [Problem(str(path), line, "not UTF-8 text (save the file as UTF-8)")]
        ) from exc


def content_lines(text: str) -> Iterator[Line]:
    """The lines of a dictionary that carry content, comments removed, numbered from 1."""
    in_comment = False
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw
        if in_comment:
            end = line.find("-->")
            if end < 0:
                continue
            line = line[end + 3 :]
            in_comment = False
        while "<!--" in line:
            start = line.find("<!--")
            end = line.find("-->", start + 4)
            if end < 0:
                line = line[:start]
                in_comment = True
                break
            line = line[:start] + line[end + 3 :]
        for mark in ("#", ";"):
            cut = line.find(mark)
            if cut >= 0:
                line = line[:cut]
        line = line.rstrip()
        if line.strip():
            yield Line(number, line)
