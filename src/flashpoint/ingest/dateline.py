"""The story date from a wire-style dateline: "JERUSALEM, Dec 29 (Reuters) -".

Datelines usually omit the year, so the year is the one that puts the day closest to, and not
after, a reference date (the article's own metadata date, else the ``--date`` or
``--reference-date`` the user gave).  Without one, a yearless dateline dates nothing: the
story date stays unknown rather than borrowing the year of the machine's clock.  Only the first
few lines are read: a date deep in the body is an event date, not the story's.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re

from flashpoint.ingest.limits import date_in_range
from flashpoint.records import Article

__all__ = ["date_from_dateline", "dateline_date"]

_MONTHS = {
    "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4, "april": 4,
    "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8, "sep": 9,
    "sept": 9, "september": 9, "oct": 10, "october": 10, "nov": 11, "november": 11,
    "dec": 12, "december": 12,
}  # fmt: skip
_MONTH = "|".join(sorted(_MONTHS, key=len, reverse=True))
# PLACE[, REGION], Month Day[, Year] followed by "(Agency)" or a dash.
_DATELINE = re.compile(
    rf"^\s*[A-Z][A-Z .'’-]{{1,40}}(?:,\s*[A-Za-z .'’-]{{2,30}})?,\s+"
    rf"(?P<month>{_MONTH})\.?\s+(?P<day>\d{{1,2}})(?:,?\s+(?P<year>\d{{4}}))?"
    r"\s*(?:\(|[-–—])",
    re.IGNORECASE,
)
_HEAD_LINES = 6
_SLACK = dt.timedelta(days=2)  # a dateline may be a day ahead of the reference (time zones)


def dateline_date(text: str, reference: str | None = None) -> str | None:
    """ISO date of the dateline in the first lines of ``text``, or None when there is none."""
    lines = [line for line in text.split("\n")[: _HEAD_LINES * 2] if line.strip()][:_HEAD_LINES]
    for line in lines:
        match = _DATELINE.match(line)
        if match is None or not match.group(0).split(",")[0].strip().isupper():
            continue
        month = _MONTHS[match.group("month").lower()]
        day = int(match.group("day"))
        if match.group("year"):
            return _make(int(match.group("year")), month, day)
        if not reference:
            return None
        ref = dt.date.fromisoformat(reference)
        for year in (ref.year + 1, ref.year, ref.year - 1):
            found = _make(year, month, day)
            if found and dt.date.fromisoformat(found) <= ref + _SLACK:
                return found
    return None


def date_from_dateline(article: Article, reference: str | None = None) -> Article:
    """``article`` with its dateline's date as story date, if it has no story date yet."""
    if article.date:
        return article
    found = dateline_date(article.text, reference)
    return dataclasses.replace(article, date=found) if found else article


def _make(year: int, month: int, day: int) -> str | None:
    try:
        found = dt.date(year, month, day)
    except ValueError:
        return None
    # "CAIRO, Dec 29, 0001 -" is a template's placeholder, not a story date.
    return found.isoformat() if date_in_range(found) else None
