"""HTML pages to Articles: keep the story, drop the page around it.

trafilatura does the extraction offline (no requests, even when given a URL: the URL only
helps it resolve metadata).  Its body text becomes ``Article.text``, so offsets refer to the
extracted story, not to the markup.
"""

from __future__ import annotations

import json
from typing import Any

import trafilatura

from flashpoint.errors import EmptyInputError, InputError
from flashpoint.ingest.article import (
    article_from_text,
    check_date,
    check_text,
    display_name,
)
from flashpoint.records import Article

__all__ = ["article_from_html", "read_html_page"]

# Only dates the page states in its markup (meta tags, <time>, JSON-LD).  trafilatura's
# default "extensive" search also mines free text and footers, turning "© 2024" into a story
# date of 2024-01-01.  A wrong date is worse than none: None at least says "unknown".
_DATE_PARAMS = {"extensive_search": False, "original_date": True}


def article_from_html(
    html: str,
    *,
    date: str | None = None,
    doc_id: str | None = None,
    url: str | None = None,
    source: str | None = None,
) -> Article:
    """An Article from a news page's HTML: body text, title, and the page's date if none given."""
    return read_html_page(html, date=date, doc_id=doc_id, url=url, source=source)[0]


def read_html_page(
    html: str,
    *,
    date: str | None = None,
    doc_id: str | None = None,
    url: str | None = None,
    source: str | None = None,
) -> tuple[Article, str | None]:
    """Like :func:`article_from_html`, plus the publisher the page names (site name or host)."""
    name = display_name(source)
    date = check_date(date)
    if not html.strip():
        check_text(html, name)  # an empty file is "empty", not "a page without an article"
    extracted = _extract(html, url=url, name=name)
    text = extracted.get("text") or ""
    if not text.strip():
        raise _no_article(name)
    if date is None:
        date = _page_date(extracted.get("date"))
    article = article_from_text(
        text,
        date=date,
        doc_id=doc_id,
        title=extracted.get("title") or None,
        url=url,
        source=source,
    )
    return article, _publisher(extracted)


def _publisher(extracted: dict[str, Any]) -> str | None:
    for key in ("source-hostname", "sitename", "hostname"):
        value = extracted.get(key)
        if isinstance(value, str) and value.strip():
            return " ".join(value.split())
    return None


def _no_article(name: str) -> EmptyInputError:
    return EmptyInputError(
        f"no article text found in the HTML of {name}; "
        "check it is a news story page, or pass the story as plain text"
    )


def _extract(html: str, *, url: str | None, name: str) -> dict[str, Any]:
    try:
        result = trafilatura.extract(
            html,
            url=url,
            output_format="json",
            with_metadata=True,
            include_comments=False,
            include_tables=False,
            date_extraction_params=_DATE_PARAMS,
        )
    except Exception as exc:  # a third-party parser on untrusted markup: never a traceback
        detail = " ".join(str(exc).split()) or type(exc).__name__
        raise InputError(
            f"could not parse the HTML of {name} ({detail}); pass the story as plain text instead"
        ) from exc
    if not result:
        raise _no_article(name)
    data = json.loads(result)
    return data if isinstance(data, dict) else {}


def _page_date(value: object) -> str | None:
    """The page's own date if it is a clean ISO day; a malformed site date is just ignored."""
    if not isinstance(value, str):
        return None
    try:
        return check_date(value[:10])
    except InputError:
        return None
