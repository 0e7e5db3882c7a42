"""Build a validated Article from text: the one gate every input passes through.

Nothing here rewrites the text beyond newline normalisation, because every offset the coder
emits (evidence, actors, locations) points into ``Article.text``.  Boilerplate is marked with
``skip_spans`` instead of being cut out.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from itertools import islice

from flashpoint.errors import EmptyInputError, InputError
from flashpoint.ingest.boilerplate import find_boilerplate
from flashpoint.ingest.language import check_english
from flashpoint.records import Article

__all__ = ["article_from_text", "check_date", "display_name", "make_doc_id"]

MIN_WORD_CHARS = 3  # fewer letters/digits than this cannot hold an event
_WORD_CHAR = re.compile(r"[^\W_]")
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")

_ADVICE = "pass a news article with some text"


def display_name(source: str | None) -> str:
    """How an input is called in messages: its path or URL, "stdin", or just "input"."""
    if source is None:
        return "input"
    return "stdin" if source == "-" else source


def check_date(date: str | dt.date | None) -> str | None:
    """``date`` as an ISO string if it is a real ISO calendar date (YYYY-MM-DD), a
    ``datetime.date`` or a ``datetime.datetime`` (its day), else raise."""
    if date is None:
        return None
    if isinstance(date, dt.datetime):
        return date.date().isoformat()
    if isinstance(date, dt.date):
        return date.isoformat()
    if not isinstance(date, str) or not _ISO_DATE.fullmatch(date):
        raise InputError(f"bad date {date!r}: use an ISO date YYYY-MM-DD, e.g. 2024-03-12")
    try:
        dt.date.fromisoformat(date)
    except ValueError:
        raise InputError(
            f"bad date {date!r}: no such day in the calendar; use an ISO date YYYY-MM-DD"
        ) from None
    return date


def make_doc_id(text: str) -> str:
    """A stable id for a text, so re-running on the same article yields the same doc_id."""
    digest = hashlib.sha1(text.encode("utf-8", "surrogatepass"), usedforsecurity=False)
    return "doc-" + digest.hexdigest()[:16]


def check_text(text: str, name: str) -> None:
    """Raise EmptyInputError or NotEnglishError when ``text`` cannot be coded."""
    if not text.strip():
        what = "is empty" if not text else "is empty (only whitespace)"
        raise EmptyInputError(f"{name} {what}; {_ADVICE}")
    # islice stops at the third match, so a huge document is not scanned to the end.
    if len(list(islice(_WORD_CHAR.finditer(text), MIN_WORD_CHARS))) < MIN_WORD_CHARS:
        raise EmptyInputError(f"{name} holds no words, only punctuation or symbols; {_ADVICE}")
    check_english(text, name)


def article_from_text(
    text: str,
    *,
    date: str | dt.date | None = None,
    doc_id: str | None = None,
    title: str | None = None,
    url: str | None = None,
    source: str | None = None,
) -> Article:
    """An Article for plain ``text``, checked (non-empty, English, valid date) and annotated."""
    date = check_date(date)
    if doc_id is not None and not doc_id.strip():
        raise InputError("doc_id is empty; pass a non-empty id or omit it to derive one")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    check_text(text, display_name(source))
    return Article(
        text=text,
        doc_id=doc_id if doc_id is not None else make_doc_id(text),
        date=date,
        title=title,
        url=url,
        source=source,
        skip_spans=find_boilerplate(text),
    )
