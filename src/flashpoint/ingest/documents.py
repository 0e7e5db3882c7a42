"""Many articles from many inputs: folders, files, JSON Lines, RSS/Atom feeds and URLs.

``iter_documents`` yields a :class:`Document` for every article it can read and a
:class:`Failure` (name + one-line reason) for every input it cannot, and carries on: one bad
file never stops a run of thousands.

The story date of each article comes from the article itself (page metadata, the JSONL
``date`` field, the feed entry's date, else a dateline such as "CAIRO, Dec 29 (Reuters) -"),
and only when it gives none from the ``date`` the caller passes (``--date``).
"""

from __future__ import annotations

import dataclasses
import os
import stat
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from flashpoint.errors import InputError
from flashpoint.ingest import limits
from flashpoint.ingest.article import article_from_text, check_date
from flashpoint.ingest.dateline import dateline_date
from flashpoint.ingest.decode import decode_bytes
from flashpoint.ingest.formats import choose_format
from flashpoint.ingest.html import read_html_page
from flashpoint.ingest.read import _charset, _read_raw
from flashpoint.records import Article

__all__ = [
    "ARTICLE_EXTENSIONS",
    "Document",
    "Failure",
    "finish_article",
    "iter_documents",
    "publisher_from_url",
]

TEXT_EXTENSIONS = (".txt", ".text")
HTML_EXTENSIONS = (".html", ".htm", ".xhtml")
JSONL_EXTENSIONS = (".jsonl", ".ndjson")
FEED_EXTENSIONS = (".rss", ".atom", ".xml")
PARQUET_EXTENSIONS = (".parquet",)
ARTICLE_EXTENSIONS = (
    TEXT_EXTENSIONS + HTML_EXTENSIONS + JSONL_EXTENSIONS + FEED_EXTENSIONS + PARQUET_EXTENSIONS
)


@dataclass(frozen=True, slots=True)
class Document:
    """An article ready to code, with what the store needs beyond the Article itself."""

    article: Article
    name: str  # for messages: a path, "path:line", "feed#entry" or a URL
    publisher: str | None = None
    date_source: str | None = None  # metadata | dateline | option | None (no date)
    # Where later versions of this article would come from (its URL, else its file path);
    # None when there is no such place (a JSONL line or feed entry without a link).
    locator: str | None = None


@dataclass(frozen=True, slots=True)
class Failure:
    """An input that could not be read as an article; the run goes on without it."""

    name: str
    reason: str


Item = Document | Failure


def iter_documents(
    sources: Iterable[str],
    *,
    date: str | None = None,
    fetch_links: bool = False,
    max_bytes: int | None = None,
) -> Iterator[Item]:
    """Documents and failures from files, folders (recursively) and URLs, in a stable order."""
    date = check_date(date)
    limit = limits.max_bytes(max_bytes)
    for source in sources:
        if os.path.isdir(source):
            for path in _walk(source):
                if _special(path):
                    # Opening a FIFO blocks until someone writes to it: a folder walk must
                    # never wait on one.  (Named explicitly, a pipe is read: `<(cmd)`.)
                    yield Failure(path, f"{path} is not a regular file (a FIFO, socket or "
                                  "device); pass article files only")  # fmt: skip
                    continue
                yield from _from_path(path, date, fetch_links, limit)
        else:
            yield from _from_path(source, date, fetch_links, limit)


def _walk(folder: str) -> Iterator[str]:
    """Article files under ``folder`` in sorted order; hidden files and other types ignored."""
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if not name.startswith(".") and name.lower().endswith(ARTICLE_EXTENSIONS):
                yield os.path.join(root, name)


def _special(path: str) -> bool:
    try:
        return not stat.S_ISREG(os.stat(path).st_mode)
    except OSError:
        return False  # gone or unreadable: reading it reports why


def _from_path(source: str, date: str | None, fetch_links: bool, limit: int) -> Iterator[Item]:
    from flashpoint.ingest.feeds import feed_documents, looks_like_feed
    from flashpoint.ingest.jsonl import jsonl_documents
    from flashpoint.ingest.parquet import parquet_documents

    lower = source.lower()
    is_url = "://" in source
    if not is_url and lower.endswith(JSONL_EXTENSIONS):
        yield from jsonl_documents(source, date=date, limit=limit)
        return
    if not is_url and lower.endswith(PARQUET_EXTENSIONS):
        yield from parquet_documents(source, date=date)
        return
    try:
        raw = _read_raw(source, limit)
        text = decode_bytes(raw.data, raw.name, encoding=_charset(raw.content_type))
    except InputError as exc:
        yield Failure(source, str(exc))
        return
    if (not is_url and lower.endswith(FEED_EXTENSIONS)) or looks_like_feed(text, raw.content_type):
        yield from feed_documents(raw.data, source, date=date, fetch_links=fetch_links, limit=limit)
        return
    try:
        yield document_from_text(
            text, source, url=raw.url, content_type=raw.content_type, date=date
        )
    except InputError as exc:
        yield Failure(source, str(exc))


def document_from_text(
    text: str,
    source: str,
    *,
    url: str | None = None,
    content_type: str | None = None,
    date: str | None = None,
    publisher: str | None = None,
    meta_date: str | None = None,
    locator: str | None = None,
) -> Document:
    """One decoded file or page (text or HTML) as a Document; raises InputError."""
    kind = choose_format(None, text, path=url or source, content_type=content_type)
    page_publisher = None
    if kind == "html":
        article, page_publisher = read_html_page(text, date=meta_date, url=url, source=source)
    else:
        article = article_from_text(text, date=meta_date, url=url, source=source)
    article, date_source = finish_article(article, date)
    return Document(
        article=article,
        name=source,
        publisher=publisher or page_publisher or publisher_from_url(url),
        date_source=date_source,
        locator=locator or url or (None if source == "-" else os.path.abspath(source)),
    )


def finish_article(article: Article, fallback: str | None) -> tuple[Article, str | None]:
    """Fill in the story date: the article's own (metadata), else its dateline, else
    ``fallback``; return the article and where its date came from."""
    if article.date:
        return article, "metadata"
    found = dateline_date(article.text, fallback)
    if found:
        return dataclasses.replace(article, date=found), "dateline"
    if fallback:
        return dataclasses.replace(article, date=fallback), "option"
    return article, None


def publisher_from_url(url: str | None) -> str | None:
    """The host of ``url`` without "www.", as a stand-in publisher name."""
    if not url:
        return None
    import urllib.parse

    host = (urllib.parse.urlsplit(url).hostname or "").lower()
    return host.removeprefix("www.") or None
