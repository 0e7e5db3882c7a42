"""Write events as JSON Lines (default), a JSON array or flat TSV, streaming.

Exporters follow scrapy's start/export/finish shape so memory stays flat on big corpora.
Events coded from several inputs in one run (``flashpoint code a.txt b.txt``) are written as
``(input, event)`` pairs: each record then starts with ``"input"`` (the TSV with an ``input``
column), so every event names the input it came from.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import IO, Any

from ..columns import CODED_COLUMNS, flatten_record
from ..records import Event

__all__ = ["EXPORTERS", "TSV_COLUMNS", "write_events"]

# The flat columns of a coded event (flashpoint.columns): the names every flat output uses.
TSV_COLUMNS = CODED_COLUMNS
INPUT_COLUMN = "input"

Labelled = tuple[str | None, Event]


def _clean(value: Any) -> str:
    if value is None:
        return ""
    # TSV has no quoting: tabs and newlines inside a sentence would break the row.
    return str(value).replace("\t", " ").replace("\r", " ").replace("\n", " ")


def tsv_row(event: Event) -> list[str]:
    row = flatten_record(event.to_dict())
    return [_clean(row[c]) for c in TSV_COLUMNS]


def _record(name: str | None, event: Event) -> dict[str, Any]:
    record = event.to_dict()
    return record if name is None else {INPUT_COLUMN: name, **record}


def _jsonl(events: Iterable[Labelled], out: IO[str], labelled: bool) -> int:
    count = 0
    for name, event in events:
        out.write(json.dumps(_record(name, event), ensure_ascii=False) + "\n")
        count += 1
    return count


def _json(events: Iterable[Labelled], out: IO[str], labelled: bool) -> int:
    count = 0
    out.write("[")
    for name, event in events:
        out.write(",\n" if count else "\n")
        out.write(json.dumps(_record(name, event), ensure_ascii=False, indent=2))
        count += 1
    out.write("\n]\n" if count else "]\n")
    return count


def _tsv(events: Iterable[Labelled], out: IO[str], labelled: bool) -> int:
    out.write("\t".join(((INPUT_COLUMN,) if labelled else ()) + TSV_COLUMNS) + "\n")
    count = 0
    for name, event in events:
        first = [_clean(name)] if labelled else []
        out.write("\t".join(first + tsv_row(event)) + "\n")
        count += 1
    return count


EXPORTERS = {"jsonl": _jsonl, "json": _json, "tsv": _tsv}


def write_events(
    events: Iterable[Event] | Iterable[tuple[str, Event]],
    out: IO[str],
    fmt: str = "jsonl",
    *,
    labelled: bool = False,
) -> int:
    """Write events in ``fmt``; returns how many were written.  With ``labelled``, ``events``
    are ``(input name, event)`` pairs and each record names its input."""
    try:
        exporter = EXPORTERS[fmt]
    except KeyError:
        raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(EXPORTERS)}") from None
    pairs: Iterator[Labelled] = (
        iter(events) if labelled else ((None, e) for e in events)  # type: ignore[misc]
    )
    return exporter(pairs, out, labelled)
