"""JSON Lines: one article per line, ``{"text": ..., "url", "title", "date", "publisher"}``.

The file is streamed line by line, so a corpus of any size can be ingested; a bad line is
reported as ``path:LINE`` and skipped.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import Any

from flashpoint.errors import InputError
from flashpoint.ingest.article import article_from_text, metadata_date
from flashpoint.ingest.documents import Document, Failure, finish_article, publisher_from_url

__all__ = ["jsonl_documents", "jsonl_lines", "parse_date", "record_document"]

FIELDS = ("text", "url", "title", "date", "publisher")


def jsonl_documents(path: str, *, date: str | None, limit: int) -> Iterator[Document | Failure]:
    try:
        handle = open(path, "rb")  # noqa: SIM115  (closed below; errors become Failures)
    except OSError as exc:
        yield Failure(path, f"cannot read {path}: {exc.strerror or exc}; check the path")
        return
    with handle:
        yield from jsonl_lines(handle, path, date=date, limit=limit)


def jsonl_lines(
    lines: Iterable[bytes], path: str, *, date: str | None, limit: int
) -> Iterator[Document | Failure]:
    """The articles of a JSON Lines file's ``lines`` (bytes); ``path`` names them."""
    seen = False
    for number, raw in enumerate(lines, start=1):
        if not raw.strip():
            continue
        seen = True
        name = f"{path}:{number}"
        try:
            yield _document(raw, name, date, limit)
        except InputError as exc:
            yield Failure(name, str(exc))
    if not seen:
        yield Failure(path, f"{path} is empty; a .jsonl file needs one JSON article a line")


def _document(raw: bytes, name: str, date: str | None, limit: int) -> Document:
    if len(raw) > limit:
        raise InputError(f"{name}: line longer than the {limit}-byte limit; split the article")
    try:
        record = json.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise InputError(f"{name}: not UTF-8; JSON Lines files must be UTF-8") from None
    except json.JSONDecodeError as exc:
        raise InputError(f"{name}: not valid JSON ({exc.msg}); one JSON object a line") from None
    if not isinstance(record, dict):
        raise InputError(f'{name}: not a JSON object; expected {{"text": ...}}')
    return record_document(record, name, date)


def record_document(record: dict[str, Any], name: str, date: str | None) -> Document:
    """A Document from one article record (a JSON line, a Parquet row): ``text`` required,
    ``url``, ``title``, ``date`` and ``publisher`` optional; raises InputError."""
    text = record.get("text")
    if not isinstance(text, str):
        raise InputError(f'{name}: no "text" string; every line needs the article text')
    fields = {key: _optional_str(record, key, name) for key in FIELDS[1:]}
    meta_date = parse_date(fields["date"], name) if fields["date"] else None
    article = article_from_text(
        text, date=meta_date, title=fields["title"], url=fields["url"], source=name
    )
    article, date_source = finish_article(article, date)
    return Document(
        article=article,
        name=name,
        publisher=fields["publisher"] or publisher_from_url(fields["url"]),
        date_source=date_source,
        locator=fields["url"],
    )


def _optional_str(record: dict[str, Any], key: str, name: str) -> str | None:
    value = record.get(key)
    if value is None:
        return None
    if not isinstance(value, str):
        raise InputError(f'{name}: "{key}" must be a string, got {type(value).__name__}')
    return value.strip() or None


def parse_date(value: str, name: str) -> str | None:
    """An ISO day from an ISO date, timestamp or a written date ("Dec 29, 2025"); None for a
    placeholder outside the supported range ("0001-01-01", Go's zero time)."""
    import datetime as dt

    from dateutil import parser

    try:
        day = dt.date.fromisoformat(value[:10])
    except ValueError:
        try:
            day = parser.parse(value).date()
        except (ValueError, OverflowError):
            raise InputError(
                f"{name}: cannot read the date {value!r}; use an ISO date YYYY-MM-DD"
            ) from None
    return metadata_date(day, name)
