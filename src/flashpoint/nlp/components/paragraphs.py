"""``flashpoint_paragraphs``: a blank line, or the end of a dateline, starts a sentence.

The statistical parser happily runs a headline, a byline and the lead paragraph together into
one "sentence", and reads a dateline ("JERUSALEM, Dec 29 (Reuters) -") as the subject of the
lead.  News marks both boundaries typographically, so we set them before parsing (the parser
respects preset ``is_sent_start`` values).
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

# CITY[, Region][, Mon DD[, YYYY]] [(Agency)] - : capitals, optional date and agency, a dash.
DATELINE = re.compile(
    r"[A-Z][A-Z.'’ -]{2,40}(?:,\s*[A-Z][A-Za-z.]*)?"
    r"(?:,?\s+[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,\s*\d{4})?)?"
    r"(?:\s*\([^)\n]{1,40}\))?\s*[-–—]{1,2}\s+"
)


def paragraph_starts(doc: Doc) -> list[int]:
    """Indices of the tokens that open a paragraph or follow a dateline (never 0)."""
    starts = set()
    # The tokenizer keeps whitespace and text in separate tokens: a blank line is a space
    # token holding two or more newlines.
    for token in doc[:-1]:
        if token.is_space and token.text.count("\n") >= 2:
            starts.add(token.i + 1)
    text = doc.text
    for start in [0] + [m.end() for m in re.finditer(r"\n\s*\n", text)]:
        match = DATELINE.match(text, start)
        if match is None:
            continue
        span = doc.char_span(match.end(), match.end() + 1, alignment_mode="expand")
        if span is not None and span.start > 0:
            starts.add(span.start)
    return sorted(starts)


def set_paragraph_starts(doc: Doc) -> Doc:
    for i in paragraph_starts(doc):
        doc[i].is_sent_start = True
    return doc


@Language.component("flashpoint_paragraphs", assigns=["token.is_sent_start"])
def paragraph_boundaries(doc: Doc) -> Doc:
    return set_paragraph_starts(doc)
