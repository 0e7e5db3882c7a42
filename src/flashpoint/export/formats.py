"""Write events as JSON Lines (default), a JSON array or flat TSV, streaming.

Exporters follow scrapy's start/export/finish shape so memory stays flat on big corpora.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import IO, Any

from ..records import Event

__all__ = ["EXPORTERS", "TSV_COLUMNS", "write_events"]

TSV_COLUMNS = (
    "event_id",
    "doc_id",
    "sentence_index",
    "date",
    "date_precision",
    "source_text",
    "source_name",
    "source_code",
    "source_country",
    "source_sector",
    "cameo_code",
    "cameo_name",
    "target_text",
    "target_name",
    "target_code",
    "target_country",
    "target_sector",
    "plover_event",
    "plover_mode",
    "goldstein",
    "quad_class",
    "modality",
    "attribution",
    "location_name",
    "location_country",
    "lat",
    "lon",
    "confidence",
    "trigger",
    "evidence",
)


def _clean(value: Any) -> str:
    if value is None:
        return ""
    # TSV has no quoting: tabs and newlines inside a sentence would break the row.
    return str(value).replace("\t", " ").replace("\r", " ").replace("\n", " ")


def tsv_row(event: Event) -> list[str]:
    s, t, loc = event.source, event.target, event.location
    values = [
        event.event_id,
        event.doc_id,
        event.sentence_index,
        event.date.isoformat() if event.date else None,
        event.date_precision,
        s.text,
        s.name,
        s.code,
        s.country,
        s.sector,
        event.cameo.code,
        event.cameo.name,
        t.text if t else None,
        t.name if t else None,
        t.code if t else None,
        t.country if t else None,
        t.sector if t else None,
        event.plover.event,
        event.plover.mode,
        event.goldstein,
        event.quad_class,
        event.modality,
        event.attribution.text if event.attribution else None,
        loc.name if loc else None,
        loc.country if loc else None,
        loc.lat if loc else None,
        loc.lon if loc else None,
        event.confidence,
        event.evidence.trigger.text,
        event.evidence.text,
    ]
    return [_clean(v) for v in values]


def _jsonl(events: Iterable[Event], out: IO[str]) -> int:
    count = 0
    for event in events:
        out.write(json.dumps(event.to_dict(), ensure_ascii=False) + "\n")
        count += 1
    return count


def _json(events: Iterable[Event], out: IO[str]) -> int:
    count = 0
    out.write("[")
    for event in events:
        out.write(",\n" if count else "\n")
        out.write(json.dumps(event.to_dict(), ensure_ascii=False, indent=2))
        count += 1
    out.write("\n]\n" if count else "]\n")
    return count


def _tsv(events: Iterable[Event], out: IO[str]) -> int:
    out.write("\t".join(TSV_COLUMNS) + "\n")
    count = 0
    for event in events:
        out.write("\t".join(tsv_row(event)) + "\n")
        count += 1
    return count


EXPORTERS = {"jsonl": _jsonl, "json": _json, "tsv": _tsv}


def write_events(events: Iterable[Event], out: IO[str], fmt: str = "jsonl") -> int:
    """Write events in ``fmt``; returns how many were written."""
    try:
        exporter = EXPORTERS[fmt]
    except KeyError:
        raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(EXPORTERS)}") from None
    return exporter(events, out)
