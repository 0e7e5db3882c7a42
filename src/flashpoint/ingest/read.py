"""Read one document from a file, stdin or a URL and turn it into an Article.

Size is checked before the whole input is read (``os.stat`` for files, a bounded read for
streams), so a mistaken multi-gigabyte file fails at once instead of exhausting memory.
"""

from __future__ import annotations

import datetime as dt
import email.message
import io
import os
import re
import stat
import sys
from dataclasses import dataclass

from flashpoint.errors import InputError
from flashpoint.ingest import limits
from flashpoint.ingest.article import article_from_text, check_date
from flashpoint.ingest.dateline import date_from_dateline
from flashpoint.ingest.decode import decode_bytes
from flashpoint.ingest.fetch import fetch_url
from flashpoint.ingest.formats import choose_format, normalise_format
from flashpoint.ingest.html import article_from_html
from flashpoint.ingest.limits import read_limited, too_large
from flashpoint.records import Article

__all__ = ["read_source", "read_text"]

STDIN = "-"
_URL_SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.-]*)://")


@dataclass(frozen=True, slots=True)
class _Raw:
    data: bytes
    name: str  # for messages
    content_type: str | None = None
    url: str | None = None


def read_source(
    source: str,
    *,
    date: str | dt.date | None = None,
    doc_id: str | None = None,
    fmt: str | None = None,
    max_bytes: int | None = None,
    reference_date: str | dt.date | None = None,
    allow_private_urls: bool = True,
) -> Article:
    """Read ``source`` (a path, an http(s) URL, or "-" for stdin) into a checked Article.

    ``fmt`` is "text", "html" or None to decide from the URL's Content-Type, the extension,
    or the content.  ``max_bytes`` defaults to the ``max_bytes`` setting (FLASHPOINT_MAX_BYTES).
    The story date is ``date``, else the page's metadata date, else the dateline's, its year
    taken from ``reference_date`` when the dateline gives none; else unknown.
    ``allow_private_urls=False`` refuses URLs that lead to private or loopback addresses.
    """
    # Cheap argument checks first, so a typo fails before any download.
    fmt = normalise_format(fmt)
    date = check_date(date)
    reference = check_date(reference_date)
    limit = limits.max_bytes(max_bytes)
    raw = _read_raw(source, limit, allow_private=allow_private_urls)
    return _article(raw, source, date=date, doc_id=doc_id, fmt=fmt, reference=reference)


def read_text(
    text: str,
    *,
    date: str | None = None,
    doc_id: str | None = None,
    fmt: str | None = None,
    max_bytes: int | None = None,
    reference_date: str | dt.date | None = None,
) -> Article:
    """An Article from text given as a string (plain text or HTML), read exactly as
    ``read_source`` reads the same characters from stdin."""
    fmt = normalise_format(fmt)
    date = check_date(date)
    reference = check_date(reference_date)
    limit = limits.max_bytes(max_bytes)
    data = text.encode("utf-8", "surrogatepass")
    if len(data) > limit:
        raise too_large("the text", limit, len(data))
    return _article(
        _Raw(data, STDIN), STDIN, date=date, doc_id=doc_id, fmt=fmt, reference=reference
    )


def _article(
    raw: _Raw,
    source: str,
    *,
    date: str | None,
    doc_id: str | None,
    fmt: str | None,
    reference: str | None,
) -> Article:
    text = decode_bytes(raw.data, raw.name, encoding=_charset(raw.content_type))
    path = raw.url or (None if source == STDIN else source)
    kind = choose_format(fmt, text, path=path, content_type=raw.content_type)
    if kind == "html":
        article = article_from_html(text, date=date, doc_id=doc_id, url=raw.url, source=source)
    else:
        article = article_from_text(text, date=date, doc_id=doc_id, url=raw.url, source=source)
    return date_from_dateline(article, reference)


def _read_raw(source: str, limit: int, *, allow_private: bool = True) -> _Raw:
    if not isinstance(source, str) or not source.strip():
        raise InputError("no input given; pass a file path, an http(s) URL, or - for stdin")
    if source == STDIN:
        return _Raw(_read_stdin(limit), "stdin")
    scheme = _URL_SCHEME.match(source)
    if scheme:
        if scheme.group(1).lower() not in ("http", "https"):
            raise InputError(
                f"cannot read {source}: only http:// and https:// URLs can be fetched; "
                "save the document and pass the file instead"
            )
        data, content_type = fetch_url(
            source, timeout=limits.fetch_timeout(), max_bytes=limit, allow_private=allow_private
        )
        return _Raw(data, source, content_type, url=source)
    return _Raw(_read_file(source, limit), source)


def _read_file(path: str, limit: int) -> bytes:
    try:
        info = os.stat(path)
        if stat.S_ISDIR(info.st_mode):
            raise InputError(f"{path} is a directory, not a file; pass one news article file")
        if stat.S_ISREG(info.st_mode) and info.st_size > limit:
            raise too_large(path, limit, info.st_size)
        with open(path, "rb") as handle:
            # Bounded even after the stat: pipes and growing files report no useful size.
            return read_limited(handle, limit, path)
    except FileNotFoundError:
        raise InputError(f"no such file: {path}; check the path") from None
    except PermissionError:
        raise InputError(f"cannot read {path}: permission denied; check its permissions") from None
    except IsADirectoryError:
        raise InputError(f"{path} is a directory, not a file; pass one news article file") from None
    except OSError as exc:
        reason = exc.strerror or type(exc).__name__
        raise InputError(f"cannot read {path}: {reason}; check the path") from None


def _read_stdin(limit: int) -> bytes:
    stream = sys.stdin
    if stream is None:
        raise InputError("no stdin to read from; pass a file path or URL instead of -")
    buffer = getattr(stream, "buffer", None)
    if buffer is not None:
        return read_limited(buffer, limit, "stdin")
    # A text-only replacement for sys.stdin (an embedding app, a test): encode what it gives.
    text = stream.read(limit + 1) or ""
    return read_limited(io.BytesIO(text.encode("utf-8", "surrogatepass")), limit, "stdin")


def _charset(content_type: str | None) -> str | None:
    if not content_type:
        return None
    message = email.message.Message()
    message["Content-Type"] = content_type
    charset = message.get_content_charset()
    return str(charset) if charset else None
