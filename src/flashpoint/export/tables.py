"""Flat tables of stored events: CSV with a header, Parquet with a typed schema, and JSON
Lines of the full records.

The flat columns are :data:`flashpoint.columns.COLUMNS`, one row per event (or per cluster):
the same names and types as ``flashpoint events --format csv``, ``events_frame`` and
:func:`flashpoint.read_events`.  In Parquet, codes are strings (leading zeros kept), dates
``date32``, timestamps ``timestamp[us, UTC]``, scores ``float64``, counts ``int32``/``int64``;
the schema is explicit, not inferred, so an empty export has it too.
"""

from __future__ import annotations

import csv
import json
import os
import re
from collections.abc import Iterable, Iterator
from itertools import islice
from pathlib import Path
from typing import IO, Any

from flashpoint.columns import COLUMN_NAMES, COLUMNS, arrow_schema, flatten_record
from flashpoint.export.spreadsheet import neutralise
from flashpoint.store.query import StoredEvent

__all__ = [
    "TABLE_COLUMNS",
    "flat_event",
    "parquet_schema",
    "source_uri",
    "write_csv",
    "write_jsonl",
    "write_parquet",
]

TABLE_COLUMNS = COLUMN_NAMES
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]+:")


def source_uri(url: str | None, locator: str | None) -> str | None:
    """Where an article came from, as a URI: its URL, else ``file://`` for the file it was
    read from (never a bare local path, which no other machine can resolve)."""
    if url:
        return url
    if not locator:
        return None
    if _SCHEME.match(locator):  # a feed entry's link or tag: URI
        return locator
    return Path(os.path.abspath(locator)).as_uri()


def flat_event(event: StoredEvent) -> dict[str, Any]:
    """The :data:`TABLE_COLUMNS` of ``event`` (dates as ISO strings, None when unknown)."""
    cluster = event.cluster
    return {
        **flatten_record(event.record),
        "event_row_id": event.id,
        "cluster_id": cluster.id if cluster else None,
        "article_id": event.article_id,
        "date": event.event_date,
        "date_precision": event.date_precision,
        "story_date": event.story_date,
        "num_mentions": event.num_mentions,
        "cluster_mentions": cluster.num_mentions if cluster else None,
        "cluster_articles": cluster.num_articles if cluster else None,
        "cluster_sources": cluster.num_sources if cluster else None,
        "first_seen": cluster.first_seen if cluster else None,
        "last_seen": cluster.last_seen if cluster else None,
        "publisher": event.publisher,
        "url": source_uri(event.url, event.locator),
        "ingested_at": event.ingested_at,
    }


def write_csv(events: Iterable[StoredEvent], out: IO[str], *, raw: bool = False) -> int:
    """CSV with a header row (RFC 4180 quoting); empty cells for unknown values.  Text cells
    that a spreadsheet would run as a formula get a leading ``'`` unless ``raw`` (see
    spreadsheet.py)."""
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(TABLE_COLUMNS)
    cell = (lambda v: v) if raw else neutralise
    count = 0
    for event in events:
        row = flat_event(event)
        writer.writerow(["" if row[c] is None else cell(row[c]) for c in TABLE_COLUMNS])
        count += 1
    return count


def write_jsonl(events: Iterable[StoredEvent], out: IO[str]) -> int:
    """The full records (``StoredEvent.to_dict()``: the coder's record, article, cluster)."""
    count = 0
    for event in events:
        out.write(json.dumps(event.to_dict(), ensure_ascii=False) + "\n")
        count += 1
    return count


def parquet_schema() -> Any:
    """The explicit pyarrow schema of the Parquet export (from :data:`COLUMNS`)."""
    return arrow_schema(COLUMN_NAMES)


def _batches(rows: Iterator[dict[str, Any]], size: int) -> Iterator[list[dict[str, Any]]]:
    while batch := list(islice(rows, size)):
        yield batch


def write_parquet(
    events: Iterable[StoredEvent],
    path: str | Path | IO[bytes],
    *,
    batch: int = 5000,
    metadata: dict[str, str] | None = None,
) -> int:
    """Parquet, written in row groups of ``batch`` events so memory stays flat, to a path
    or a writable binary stream; ``metadata`` goes into the file's key-value metadata."""
    import datetime as dt

    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = parquet_schema()
    if metadata:
        schema = schema.with_metadata(metadata)
    dates = [c.name for c in COLUMNS if c.type == "date"]
    stamps = [c.name for c in COLUMNS if c.type == "timestamp"]
    count = 0
    sink = path if hasattr(path, "write") else str(path)
    with pq.ParquetWriter(sink, schema) as writer:
        for rows in _batches(map(flat_event, events), batch):
            columns: dict[str, list[Any]] = {c: [r[c] for r in rows] for c in TABLE_COLUMNS}
            for name in dates:
                columns[name] = [dt.date.fromisoformat(v) if v else None for v in columns[name]]
            for name in stamps:
                columns[name] = [dt.datetime.fromisoformat(v) if v else None for v in columns[name]]
            writer.write_table(pa.Table.from_pydict(columns, schema=schema))
            count += len(rows)
        if count == 0:
            writer.write_table(schema.empty_table())
    return count
