"""Write events as JSON Lines (default), a JSON array or flat TSV, streaming.

Exporters follow scrapy's start/export/finish shape so memory stays flat on big corpora.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import IO, Any

from ..columns import CODED_COLUMNS, flatten_record
from ..records import Event

__all__ = ["EXPORTERS", "TSV_COLUMNS", "write_events"]

# The flat columns of a coded event (flashpoint.columns): the names every flat output uses.
TSV_COLUMNS = CODED_COLUMNS


def _clean(value: Any) -> str:
    if value is None:
        return ""
    # TSV has no quoting: tabs and newlines inside a sentence would break the row.
    return str(value).replace("\t", " ").replace("\r", " ").replace("\n", " ")


def tsv_row(event: Event) -> list[str]:
    row = flatten_record(event.to_dict())
    return [_clean(row[c]) for c in TSV_COLUMNS]


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
