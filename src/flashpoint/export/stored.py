"""Export stored events to a file in one of the analysts' formats, streaming.

``gdelt`` (GDELT 2.0 event TSV), ``polecat`` (POLECAT/PLOVER JSON), ``csv``, ``parquet`` and
``jsonl`` (full records).  Rows are one per event per article (``unit="events"``) or one per
real-world event (``unit="clusters"``: each cluster's earliest matching report).  GDELT
defaults to clusters, as GDELT's own rows are events, not reports, and leaves out negated and
hypothetical events, which its format cannot mark; the other formats carry ``modality``.
"""

from __future__ import annotations

import itertools
import sys
from collections.abc import Iterable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import IO

from flashpoint.errors import AnalysisError
from flashpoint.store import EventCursor, EventFilter, Store, StoredEvent, iter_events

__all__ = [
    "EXPORT_FORMATS",
    "EXPORT_UNITS",
    "default_unit",
    "export_events",
    "export_rows",
    "representatives",
    "write_export",
]

EXPORT_FORMATS = ("gdelt", "polecat", "csv", "parquet", "jsonl")
EXPORT_UNITS = ("clusters", "events")
_EXCLUDED_IN_GDELT = ("negated", "hypothetical")


def default_unit(fmt: str) -> str:
    return "clusters" if fmt == "gdelt" else "events"


def representatives(events: Iterable[StoredEvent]) -> Iterator[StoredEvent]:
    """The first event of each cluster (in event-date order, the earliest report); events
    without a cluster pass through."""
    seen: set[int] = set()
    for event in events:
        if event.cluster is not None:
            if event.cluster.id in seen:
                continue
            seen.add(event.cluster.id)
        yield event


def export_events(
    store: Store,
    fmt: str,
    output: str | Path | None = None,
    flt: EventFilter | None = None,
    *,
    unit: str | None = None,
    all_modalities: bool = False,
) -> int:
    """Write the events matching ``flt`` to ``output`` (a path; None or "-" is standard
    output, except for Parquet) in ``fmt``; returns the rows written.  Raises
    :class:`AnalysisError` when nothing matches (and then writes no file)."""
    to_stdout = output is None or str(output) == "-"
    if fmt == "parquet" and to_stdout:
        raise AnalysisError("Parquet is a binary file: give one with -o FILE.parquet")
    unit = unit or default_unit(fmt)
    events = export_rows(store, fmt, flt, unit=unit, all_modalities=all_modalities)
    if fmt == "parquet":
        from flashpoint.export.tables import write_parquet

        return write_parquet(events, Path(str(output)))
    if to_stdout:
        return write_export(fmt, events, sys.stdout, array=False, unit=unit)
    path = Path(str(output))
    newline = "" if fmt == "csv" else None
    with path.open("w", encoding="utf-8", newline=newline) as out:
        return write_export(fmt, events, out, array=path.suffix.lower() == ".json", unit=unit)


def export_rows(
    store: Store,
    fmt: str,
    flt: EventFilter | None = None,
    *,
    unit: str | None = None,
    all_modalities: bool = False,
    after: EventCursor | None = None,
) -> Iterator[StoredEvent]:
    """The events an export in ``fmt`` writes, streamed (checked for being non-empty
    first: :class:`AnalysisError` when nothing matches, so no empty file is started);
    ``after`` starts after an event's cursor, as pages of ``iter_events`` do."""
    if fmt not in EXPORT_FORMATS:
        raise AnalysisError(f"unknown format {fmt!r}; choose one of {', '.join(EXPORT_FORMATS)}")
    unit = unit or default_unit(fmt)
    if unit not in EXPORT_UNITS:
        raise AnalysisError(f"unknown unit {unit!r}; choose one of {', '.join(EXPORT_UNITS)}")
    flt = flt or EventFilter()
    if fmt == "gdelt" and not (all_modalities or flt.modalities or flt.exclude_modalities):
        flt = replace(flt, exclude_modalities=_EXCLUDED_IN_GDELT)
    events: Iterator[StoredEvent] = iter_events(store, flt, after=after)
    if unit == "clusters":
        events = representatives(events)
    first = next(events, None)
    if first is None:
        raise AnalysisError("no stored events match the filters; nothing was written")
    return itertools.chain([first], events)


def write_export(
    fmt: str, events: Iterable[StoredEvent], out: IO[str], *, array: bool, unit: str
) -> int:
    """Write ``events`` to a text stream in ``fmt`` (every format but Parquet)."""
    if fmt == "gdelt":
        from flashpoint.export.gdelt import write_gdelt

        return write_gdelt(events, out, unit=unit)
    if fmt == "polecat":
        from flashpoint.export.polecat import write_polecat

        return write_polecat(events, out, array=array)
    from flashpoint.export.tables import write_csv, write_jsonl

    return write_csv(events, out) if fmt == "csv" else write_jsonl(events, out)
