"""Flat tables of stored events: CSV with a header, Parquet with a typed schema, and JSON
Lines of the full records.

The flat columns (:data:`TABLE_COLUMNS`) are one row per event (or per cluster).  In
Parquet, codes are strings (leading zeros kept), dates ``date32``, scores ``float64``, counts
``int32``/``int64``; the schema is explicit, not inferred, so an empty export has it too.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Iterator
from itertools import islice
from pathlib import Path
from typing import IO, Any

from flashpoint.store.query import StoredEvent

__all__ = [
    "TABLE_COLUMNS",
    "flat_event",
    "parquet_schema",
    "write_csv",
    "write_jsonl",
    "write_parquet",
]

# (column, parquet type name); the order is the CSV's and the Parquet file's.
_TYPED = (
    ("event_row_id", "int64"), ("event_id", "string"), ("cluster_id", "int64"),
    ("date", "date32"), ("source_code", "string"), ("source_name", "string"),
    ("source_country", "string"), ("source_sector", "string"), ("target_code", "string"),
    ("target_name", "string"), ("target_country", "string"), ("target_sector", "string"),
    ("cameo_code", "string"), ("cameo_base", "string"), ("cameo_root", "string"),
    ("cameo_name", "string"), ("quad_class", "int8"), ("goldstein", "float64"),
    ("plover_event", "string"), ("plover_mode", "string"), ("plover_context", "string"),
    ("modality", "string"), ("location", "string"), ("location_country", "string"),
    ("location_feature", "string"), ("lat", "float64"), ("lon", "float64"),
    ("geonameid", "int64"), ("confidence", "float64"), ("num_mentions", "int32"),
    ("cluster_mentions", "int32"), ("cluster_articles", "int32"), ("cluster_sources", "int32"),
    ("first_seen", "date32"), ("last_seen", "date32"), ("article_id", "int64"),
    ("publisher", "string"), ("url", "string"), ("story_date", "date32"),
    ("sentence_index", "int32"), ("evidence_start", "int64"), ("evidence_end", "int64"),
    ("trigger", "string"), ("evidence", "string"), ("coder_version", "string"),
)  # fmt: skip
TABLE_COLUMNS = tuple(name for name, _ in _TYPED)


def flat_event(event: StoredEvent) -> dict[str, Any]:
    """The :data:`TABLE_COLUMNS` of ``event`` (dates as ISO strings, None when unknown)."""
    r = event.record
    source, target, place = r.get("source") or {}, r.get("target") or {}, r.get("location") or {}
    plover, cluster, evidence = r.get("plover") or {}, event.cluster, r["evidence"]
    code = str(r["cameo"]["code"])
    return {
        "event_row_id": event.id,
        "event_id": r["event_id"],
        "cluster_id": cluster.id if cluster else None,
        "date": event.event_date or r.get("date") or event.story_date,
        "source_code": source.get("code"),
        "source_name": source.get("name"),
        "source_country": source.get("country"),
        "source_sector": source.get("sector"),
        "target_code": target.get("code"),
        "target_name": target.get("name"),
        "target_country": target.get("country"),
        "target_sector": target.get("sector"),
        "cameo_code": code,
        "cameo_base": code[:3],
        "cameo_root": r["cameo"]["root"],
        "cameo_name": r["cameo"].get("name"),
        "quad_class": r["quad_class"],
        "goldstein": r["goldstein"],
        "plover_event": plover.get("event"),
        "plover_mode": plover.get("mode"),
        "plover_context": plover.get("context"),
        "modality": r["modality"],
        "location": place.get("name"),
        "location_country": place.get("country"),
        "location_feature": place.get("feature"),
        "lat": place.get("lat"),
        "lon": place.get("lon"),
        "geonameid": place.get("geonameid"),
        "confidence": r.get("confidence"),
        "num_mentions": event.num_mentions,
        "cluster_mentions": cluster.num_mentions if cluster else None,
        "cluster_articles": cluster.num_articles if cluster else None,
        "cluster_sources": cluster.num_sources if cluster else None,
        "first_seen": cluster.first_seen if cluster else None,
        "last_seen": cluster.last_seen if cluster else None,
        "article_id": event.article_id,
        "publisher": event.publisher,
        "url": event.url or event.locator,
        "story_date": event.story_date,
        "sentence_index": r.get("sentence_index"),
        "evidence_start": evidence["start"],
        "evidence_end": evidence["end"],
        "trigger": evidence["trigger"]["text"],
        "evidence": evidence["text"],
        "coder_version": r.get("coder_version"),
    }


def write_csv(events: Iterable[StoredEvent], out: IO[str]) -> int:
    """CSV with a header row (RFC 4180 quoting); empty cells for unknown values."""
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(TABLE_COLUMNS)
    count = 0
    for event in events:
        row = flat_event(event)
        writer.writerow(["" if row[c] is None else row[c] for c in TABLE_COLUMNS])
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
    """The explicit pyarrow schema of the Parquet export."""
    import pyarrow as pa

    types = {
        "int64": pa.int64(), "int32": pa.int32(), "int8": pa.int8(), "float64": pa.float64(),
        "string": pa.string(), "date32": pa.date32(),
    }  # fmt: skip
    return pa.schema([pa.field(name, types[kind]) for name, kind in _TYPED])


def _batches(rows: Iterator[dict[str, Any]], size: int) -> Iterator[list[dict[str, Any]]]:
    while batch := list(islice(rows, size)):
        yield batch


def write_parquet(
    events: Iterable[StoredEvent], path: str | Path | IO[bytes], *, batch: int = 5000
) -> int:
    """Parquet, written in row groups of ``batch`` events so memory stays flat, to a file
    path or a writable binary stream."""
    import datetime as dt

    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = parquet_schema()
    dates = [name for name, kind in _TYPED if kind == "date32"]
    count = 0
    sink = path if hasattr(path, "write") else str(path)
    with pq.ParquetWriter(sink, schema) as writer:
        for rows in _batches(map(flat_event, events), batch):
            columns: dict[str, list[Any]] = {c: [r[c] for r in rows] for c in TABLE_COLUMNS}
            for name in dates:
                columns[name] = [dt.date.fromisoformat(v) if v else None for v in columns[name]]
            writer.write_table(pa.Table.from_pydict(columns, schema=schema))
            count += len(rows)
        if count == 0:
            writer.write_table(schema.empty_table())
    return count
