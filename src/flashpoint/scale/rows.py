"""Coded articles as plain Arrow rows: the event table of a batch dataset, and one status row
per input.

Event rows carry the flat columns of a coded event (flashpoint.columns, typed as the Parquet
export: codes as strings, dates as ``date32``), what is known of the reporting article
(``story_date``, ``publisher``, ``url``), and three columns of their own: ``input`` (the file,
``file:LINE`` or URI the article came from), ``content_hash`` (SHA-256 of the article text,
its identity as in the event store) and ``record`` (the complete JSON event record, byte for
byte what ``flashpoint code`` prints).  ``date`` is the event date, else the story date.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Container, Iterable, Iterator
from typing import Any

from flashpoint.columns import COLUMNS, arrow_schema, flatten_record
from flashpoint.ingest.documents import Document, Failure
from flashpoint.records import Event

__all__ = [
    "EVENT_COLUMNS",
    "STATUS_COLUMNS",
    "article_key",
    "event_schema",
    "event_table",
    "status_schema",
    "status_table",
    "unseen",
]

_ARTICLE = ("story_date", "publisher", "url")
_FLAT = tuple(c.name for c in COLUMNS if not c.stored or c.name in _ARTICLE)
EVENT_COLUMNS: tuple[str, ...] = (*_FLAT, "input", "content_hash", "record")
# One row per input of a run: what happened to it, for the manifest and the failures file.
STATUS_COLUMNS = ("input", "content_hash", "url_key", "doc_id", "status", "events", "reason")


def event_schema() -> Any:
    import pyarrow as pa

    flat = arrow_schema(_FLAT)
    return pa.schema(
        [*flat, pa.field("input", pa.string()), pa.field("content_hash", pa.string(),
         nullable=False), pa.field("record", pa.string(), nullable=False)]
    )  # fmt: skip


def status_schema() -> Any:
    import pyarrow as pa

    return pa.schema(
        [pa.field("input", pa.string()), pa.field("content_hash", pa.string()),
         pa.field("url_key", pa.string()), pa.field("doc_id", pa.string()),
         pa.field("status", pa.string(), nullable=False), pa.field("events", pa.int32()),
         pa.field("reason", pa.string())]
    )  # fmt: skip


def article_key(document: Document) -> tuple[str, str]:
    """(content hash, URL key) as the event store identifies an article (store/writer.py):
    the same text is the same article, unless both have URLs and they differ."""
    from flashpoint.store.fit import key

    text = document.article.text
    digest = hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()
    return digest, key(document.article.url) or ""


def unseen(
    items: Iterable[Document | Failure],
    seen: Container[tuple[str, str]],
    skipped: list[tuple[Document, None]],
) -> Iterator[Document | Failure]:
    """``items`` less the Documents already in ``seen`` (appended to ``skipped`` as
    ``(document, None)``, the status_table form of "coded by an earlier run")."""
    for item in items:
        if isinstance(item, Document) and article_key(item) in seen:
            skipped.append((item, None))
        else:
            yield item


def _day(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def _event_row(document: Document, event: Event, content_hash: str) -> dict[str, Any]:
    from flashpoint.export.tables import source_uri

    record = event.to_dict()
    article = document.article
    row = flatten_record(record)
    row["date"] = _day(row["date"] or article.date)
    row["story_date"] = _day(article.date)
    row["publisher"] = document.publisher
    row["url"] = source_uri(article.url, document.locator)
    row["input"] = document.name
    row["content_hash"] = content_hash
    row["record"] = json.dumps(record, ensure_ascii=False)
    return row


def event_table(coded: Iterable[tuple[Document, list[Event]]]) -> Any:
    """The event rows of coded articles, as a pyarrow Table."""
    import pyarrow as pa

    rows = [
        _event_row(document, event, article_key(document)[0])
        for document, events in coded
        for event in events
    ]
    return pa.Table.from_pylist(rows, schema=event_schema())


def status_table(
    outcomes: Iterable[tuple[Document, list[Event]] | Failure | tuple[Document, None]],
) -> Any:
    """One row per input: ``coded`` (with its event count), ``failed`` (with the reason) or
    ``skipped`` (coded by an earlier run: a Document with None for events)."""
    import pyarrow as pa

    rows = []
    for outcome in outcomes:
        if isinstance(outcome, Failure):
            rows.append({"input": outcome.name, "status": "failed", "reason": outcome.reason})
            continue
        document, events = outcome
        content_hash, url_key = article_key(document)
        rows.append(
            {
                "input": document.name,
                "content_hash": content_hash,
                "url_key": url_key,
                "doc_id": document.article.doc_id,
                "status": "skipped" if events is None else "coded",
                "events": None if events is None else len(events),
            }
        )
    return pa.Table.from_pylist(rows, schema=status_schema())
