"""Which parts of an article are not coded: caller-given skip spans and a headline."""

from __future__ import annotations

import re

from spacy.tokens import Span

__all__ = ["headline_spans", "is_skipped"]


def is_skipped(sent: Span, skip: list[tuple[int, int]]) -> bool:
    return any(start < sent.end_char and sent.start_char < end for start, end in skip)


_HEADLINE = re.compile(r"\A\s*([^\n]{3,200})\n\s*\n")


def headline_spans(text: str) -> list[tuple[int, int]]:
    """A first line standing alone without final punctuation is a headline, not reporting.

    Headlines restate the lead in telegraphic grammar; coding both double-counts the event.
    """
    match = _HEADLINE.match(text)
    if match and not match.group(1).rstrip().endswith((".", "!", "?", '"', "”")):
        return [(match.start(1), match.end(1))]
    return []
