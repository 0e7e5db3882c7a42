"""The lead paragraph of an article: GDELT's IsRootEvent marks events reported in it.

Paragraphs are blocks between blank lines; text with no blank line at all (what HTML
extraction gives, one paragraph a line) has one paragraph a line.  The lead is the first
paragraph that reads as prose: not boilerplate the ingest step marked (bylines, credits), not
a headline (a paragraph without final punctuation).  So the .txt copy of a story (headline,
blank line, byline, blank line, lead) and its .html copy (title in the metadata, the lead
first) have the same lead.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

__all__ = ["lead_paragraph"]

_BLANK_LINE = re.compile(r"\n[ \t\r\f\v]*\n\s*")
_LINE = re.compile(r"\n\s*")
_FINAL = re.compile(r"[.!?…][\"'”’)\]]*\s*$")


def _paragraphs(text: str) -> list[tuple[int, int]]:
    splitter = _BLANK_LINE if _BLANK_LINE.search(text.strip()) else _LINE
    spans, start = [], 0
    for match in splitter.finditer(text):
        spans.append((start, match.start()))
        start = match.end()
    spans.append((start, len(text)))
    return [(a, b) for a, b in spans if text[a:b].strip()]


def _skipped(start: int, end: int, skip_spans: Sequence[Sequence[int]]) -> bool:
    return any(a <= start and end <= b for a, b in skip_spans)


def lead_paragraph(text: str, skip_spans: Sequence[Sequence[int]] = ()) -> tuple[int, int] | None:
    """The (start, end) character offsets of the lead paragraph of ``text``, or None."""
    for start, end in _paragraphs(text):
        block = text[start:end].strip()
        if _skipped(start, end, skip_spans) or not _FINAL.search(block):
            continue
        return start, end
    return None
