"""Build a validated Article from text: the one gate every input passes through.

Nothing here rewrites the text beyond newline normalisation, because every offset the coder
emits (evidence, actors, locations) points into ``Article.text``.  Boilerplate is marked with
``skip_spans`` instead of being cut out.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
import re
from itertools import islice

from flashpoint.errors import EmptyInputError, InputError
from flashpoint.ingest import limits
from flashpoint.ingest.boilerplate import find_boilerplate
from flashpoint.ingest.clean import bad_characters, storable
from flashpoint.ingest.language import check_english
from flashpoint.records import Article

__all__ = ["article_from_text", "check_date", "display_name", "make_doc_id", "metadata_date"]

_log = logging.getLogger(__name__)

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
    if isinstance(date, dt.date):
        day = date.date() if isinstance(date, dt.datetime) else date
    elif not isinstance(date, str) or not _ISO_DATE.fullmatch(date):
        raise InputError(f"bad date {date!r}: use an ISO date YYYY-MM-DD, e.g. 2024-03-12")
    else:
        try:
            day = dt.date.fromisoformat(date)
        except ValueError:
            raise InputError(
                f"bad date {date!r}: no such day in the calendar; use an ISO date YYYY-MM-DD"
            ) from None
    if not limits.date_in_range(day):
        raise InputError(
            f"date {day} is outside the supported range {limits.MIN_DATE} to "
            f"{limits.MAX_DATE}; pass the story's real date"
        )
    return day.isoformat()


def metadata_date(day: dt.date, name: str) -> str | None:
    """An article's own date (a feed's pubDate, a JSONL ``date``) as an ISO day, or None when
    it lies outside the supported range: feeds write year 1 (Go's zero time) or 9999 for "no
    date", and such a placeholder must not become a story date, nor fail the article."""
    if limits.date_in_range(day):
        return day.isoformat()
    _log.warning("%s: ignored the date %s (outside %s to %s)", name, day.isoformat(),
                 limits.MIN_DATE, limits.MAX_DATE)  # fmt: skip
    return None


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
    name = display_name(source)
    text = _clean(text.replace("\r\n", "\n").replace("\r", "\n"), name)
    limits.check_length(text, name)
    check_text(text, name)
    return Article(
        text=text,
        doc_id=doc_id if doc_id is not None else make_doc_id(text),
        date=date,
        title=storable(title) if title is not None else None,
        url=url,
        source=source,
        skip_spans=find_boilerplate(text),
    )


def _clean(text: str, name: str) -> str:
    """Drop NUL characters and replace lone surrogates (JSON's "\\ud800") by U+FFFD, with a
    note: neither can be tokenized or stored (see clean.py)."""
    nul, surrogates = bad_characters(text)
    if nul:
        text = text.replace("\x00", "")
        _log.warning("%s: dropped %d NUL character%s from the text", name, nul, "s"[: nul > 1])
    if surrogates:
        text = storable(text)
        _log.warning("%s: replaced %d unpaired surrogate%s (\\ud800-\\udfff) by U+FFFD", name,
                     surrogates, "s"[: surrogates > 1])  # fmt: skip
    return text
