"""RSS and Atom feeds (feedparser): each entry becomes an article.

An entry is coded from the text the feed itself carries (its full content if present, else
its summary).  Its link is **not** fetched unless the caller passes ``fetch_links=True``
(``flashpoint ingest --fetch-links``): flashpoint only touches the network for what the user
names, and a feed of 50 entries would otherwise mean 50 requests to sites the user never
mentioned.  With ``fetch_links`` the linked page is read instead and its text coded.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterator
from typing import Any

import feedparser

from flashpoint.errors import InputError
from flashpoint.ingest.article import article_from_text, metadata_date
from flashpoint.ingest.decode import decode_bytes
from flashpoint.ingest.documents import (
    Document,
    Failure,
    document_from_text,
    finish_article,
    publisher_from_url,
)
from flashpoint.ingest.read import _charset, _read_raw

__all__ = ["PageReader", "entry_document", "feed_documents", "looks_like_feed", "page_document"]

# How a linked page is read: (URL, byte limit) -> (body, Content-Type).  ``flashpoint watch``
# passes its polite client (robots.txt, per-host limits) in place of a plain fetch.
PageReader = Callable[[str, int], tuple[bytes, str | None]]

_FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/rdf+xml")
_FEED_START = re.compile(r"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:rss|feed|rdf:RDF)\b", re.S)
_BLOCK = re.compile(r"</?(?:p|div|br|li|h[1-6]|blockquote)\b[^>]*>", re.IGNORECASE)


def looks_like_feed(text: str, content_type: str | None = None) -> bool:
    media = (content_type or "").split(";", 1)[0].strip().lower()
    return media in _FEED_TYPES or bool(_FEED_START.match(text[:2000].lstrip("\ufeff")))


def feed_documents(
    data: bytes, name: str, *, date: str | None, fetch_links: bool, limit: int
) -> Iterator[Document | Failure]:
    parsed = feedparser.parse(data)
    entries = parsed.get("entries") or []
    if not entries:
        reason = "has no entries" if not parsed.get("bozo") else "is not a valid RSS/Atom feed"
        yield Failure(name, f"{name} {reason}; pass an RSS/Atom file or a news article")
        return
    publisher = (parsed.get("feed") or {}).get("title") or None
    for index, entry in enumerate(entries, start=1):
        entry_name = f"{name}#{index}"
        try:
            yield entry_document(entry, entry_name, publisher, date, fetch_links, limit)
        except InputError as exc:
            yield Failure(entry_name, str(exc))


def entry_document(
    entry: Any,
    name: str,
    publisher: str | None,
    date: str | None,
    fetch_links: bool,
    limit: int,
    read: PageReader | None = None,
) -> Document:
    """One feedparser entry as a Document: its linked page (read by ``read``) when
    ``fetch_links``, else the text the entry carries.  Raises InputError."""
    link = entry.get("link") or None
    meta_date = _entry_date(entry, name)
    if fetch_links and link:
        return page_document(link, name, publisher, date, meta_date, limit, read)
    body = _entry_text(entry)
    if not body.strip():
        hint = " (pass --fetch-links to fetch its page)" if link else ""
        raise InputError(f"{name}: feed entry has no text to code{hint}")
    article = article_from_text(
        body, date=meta_date, title=entry.get("title") or None, url=link, source=name
    )
    article, date_source = finish_article(article, date)
    return Document(
        article=article,
        name=name,
        publisher=publisher or publisher_from_url(link),
        date_source=date_source,
        locator=link or entry.get("id") or None,
    )


def page_document(
    link: str,
    name: str,
    publisher: str | None,
    date: str | None,
    meta_date: str | None,
    limit: int,
    read: PageReader | None = None,
) -> Document:
    """The page at ``link`` (which a feed or sitemap points to) as a Document named
    ``name``; the page's own publisher, else ``publisher``.  Raises InputError."""
    if read is None:
        raw = _read_raw(link, limit)
        data, content_type = raw.data, raw.content_type
    else:
        data, content_type = read(link, limit)
    text = decode_bytes(data, link, encoding=_charset(content_type))
    document = document_from_text(
        text,
        link,
        url=link,
        content_type=content_type,
        date=date,
        meta_date=meta_date,
        locator=link,
    )
    return Document(
        article=document.article,
        name=name,
        publisher=document.publisher or publisher,
        date_source=document.date_source,
        locator=link,
    )


def _entry_text(entry: Any) -> str:
    """The entry's full content if the feed carries it, else its summary, as plain text."""
    contents = entry.get("content") or []
    for content in contents:
        if content.get("value", "").strip():
            return _plain(content["value"])
    return _plain(entry.get("summary") or "")


def _plain(fragment: str) -> str:
    if "<" not in fragment:
        return fragment.strip()
    import lxml.html

    marked = _BLOCK.sub("\n\n", fragment)
    try:
        text = lxml.html.fromstring(f"<div>{marked}</div>").text_content()
    except Exception:  # an unparsable fragment: drop the tags crudely rather than fail
        text = re.sub(r"<[^>]+>", " ", marked)
    paragraphs = [" ".join(p.split()) for p in re.split(r"\n\s*\n", text)]
    return "\n\n".join(p for p in paragraphs if p)


def _entry_date(entry: Any, name: str) -> str | None:
    for key in ("published_parsed", "updated_parsed"):
        value = entry.get(key)
        if value:
            try:
                day = dt.date(value.tm_year, value.tm_mon, value.tm_mday)
            except (ValueError, AttributeError):
                continue
            return metadata_date(day, name)
    return None
