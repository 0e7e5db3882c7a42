"""Export stored events to a file in one of the analysts' formats, streaming.

``gdelt`` (GDELT 2.0 event TSV), ``gdelt-mentions`` (its Mentions table), ``plover`` (PLOVER
JSON), ``polecat`` (POLECAT TSV), ``csv``, ``parquet`` and ``jsonl`` (full records).  Rows
are one per event per article (``unit="events"``) or one per real-world event
(``unit="clusters"``: each cluster's earliest matching report).  The GDELT tables default to
clusters, as GDELT's own rows are events, not reports.

Every format leaves out negated and hypothetical events unless ``all_modalities`` (or the
filter names its modalities): the same default as the aggregates.  Each file written gets a
metadata file beside it, ``FILE.meta.json`` (and Parquet files the same in their own
key-value metadata), that states the layout, the unit, the filters, which modalities were
left out and what else was (events without a PLOVER type in the PLOVER formats).
"""

from __future__ import annotations

import datetime as dt
import itertools
import json
import sys
from collections.abc import Iterable, Iterator
from dataclasses import fields
from pathlib import Path
from typing import IO, Any

from flashpoint.errors import AnalysisError
from flashpoint.export.destination import check_destination
from flashpoint.filters import AGGREGATE_EXCLUDED, default_modalities
from flashpoint.store import EventCursor, EventFilter, Store, StoredEvent, iter_events
from flashpoint.store.database import database_file

__all__ = [
    "EXPORT_FORMATS",
    "EXPORT_UNITS",
    "LAYOUTS",
    "default_unit",
    "export_events",
    "export_metadata",
    "export_rows",
    "representatives",
    "write_export",
]

# format -> the published layout it follows (also written in each file's metadata).
LAYOUTS = {
    "gdelt": "GDELT 2.0 Event table, 61 columns, no header (GDELT Event Codebook V2.0)",
    "gdelt-mentions": "GDELT 2.0 Mentions table, 16 columns, no header (GDELT Event Codebook V2.0)",
    "plover": "PLOVER JSON Lines (PLOVER manual, JSON Data Fields, Draft 0.8, 2021)",
    "polecat": "POLECAT TSV, 40 columns with header (Dataverse doi:10.7910/DVN/AJGVIT)",
    "csv": "flashpoint flat columns (docs/event-record.md), CSV with header",
    "parquet": "flashpoint flat columns (docs/event-record.md), typed Parquet",
    "jsonl": "flashpoint event records (docs/event-record.md), JSON Lines",
}
EXPORT_FORMATS = tuple(LAYOUTS)
EXPORT_UNITS = ("clusters", "events")
_NOTES = {
    "gdelt": ["AvgTone is blank: flashpoint does not score tone",
              "Actor*Geo is the actor's country (type 1); Actor*Geo_ADM2Code and "
              "ActionGeo_ADM2Code are blank",
              "GLOBALEVENTID is derived from the store and cluster/event id, in [2^62, 2^63)"],
    "gdelt-mentions": ["MentionDocTone is blank: flashpoint does not score tone",
                       "MentionType is 1 (WEB) for http(s) URLs, 2 (CITATIONONLY) for files"],
    "plover": ["events whose CAMEO code has no PLOVER type (roots 01, 02) are left out"],
    "polecat": ["events whose CAMEO code has no PLOVER type (roots 01, 02) are left out",
                "Actor/Recipient Title, Wikipedia IDs, District and Story People/"
                "Organizations/Locations are blank"],
}  # fmt: skip


def default_unit(fmt: str) -> str:
    return "clusters" if fmt.startswith("gdelt") else "events"


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


def _filter_dict(flt: EventFilter) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for f in fields(flt):
        value = getattr(flt, f.name)
        if value is None or value == () or value is False or (value == 0 and f.name != "limit"):
            continue
        out[f.name] = value.isoformat() if isinstance(value, dt.date) else value
    return out


def export_metadata(
    fmt: str, unit: str, flt: EventFilter, *, rows: int | None = None, left_out: int = 0
) -> dict[str, Any]:
    """What a file of ``fmt`` holds: its layout, unit, filters and what was left out."""
    from flashpoint import __version__

    excluded = list(flt.exclude_modalities)
    meta: dict[str, Any] = {
        "format": fmt,
        "layout": LAYOUTS[fmt],
        "flashpoint": __version__,
        "created": dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "unit": unit,
        "filters": _filter_dict(flt),
        "modalities": {
            "included": list(flt.modalities) or "all but excluded",
            "excluded": excluded,
            "note": (
                "negated and hypothetical events are left out (flashpoint export "
                "--all-modalities keeps them)"
                if set(excluded) == set(AGGREGATE_EXCLUDED)
                else "every modality the filters allow is included"
            ),
        },
        "notes": _NOTES.get(fmt, []),
    }
    if rows is not None:
        meta["rows"] = rows
    if left_out:
        meta["left_out_without_plover_type"] = left_out
    return meta


class _Counter:
    def __init__(self, events: Iterable[StoredEvent]) -> None:
        self.events, self.count = iter(events), 0

    def __iter__(self) -> Iterator[StoredEvent]:
        for event in self.events:
            self.count += 1
            yield event


def export_events(
    store: Store,
    fmt: str,
    output: str | Path | None = None,
    flt: EventFilter | None = None,
    *,
    unit: str | None = None,
    all_modalities: bool = False,
    raw_csv: bool = False,
    force: bool = False,
) -> int:
    """Write the events matching ``flt`` to ``output`` (a path; None or "-" is standard
    output, except for Parquet) in ``fmt``; returns the rows written.  Negated and
    hypothetical events are left out unless ``all_modalities`` or ``flt`` names modalities.
    A file gets ``FILE.meta.json`` beside it.  Raises :class:`AnalysisError` when nothing
    matches (and then writes no file), OutputError when ``output`` is the store itself or
    (unless ``force``) an existing file of another kind.  CSV cells that would run as
    spreadsheet formulas are neutralised unless ``raw_csv``."""
    if fmt not in EXPORT_FORMATS:
        raise AnalysisError(f"unknown format {fmt!r}; choose one of {', '.join(EXPORT_FORMATS)}")
    unit = unit or default_unit(fmt)
    if unit not in EXPORT_UNITS:
        raise AnalysisError(f"unknown unit {unit!r}; choose one of {', '.join(EXPORT_UNITS)}")
    to_stdout = output is None or str(output) == "-"
    if fmt == "parquet" and to_stdout:
        raise AnalysisError("Parquet is a binary file: give one with -o FILE.parquet")
    if not to_stdout:
        database = database_file(store.url)
        kind = "parquet" if fmt == "parquet" else "text"
        check_destination(str(output), kind, database=database, force=force)
        meta = str(output) + ".meta.json"
        check_destination(meta, "text", database=database, force=force)
    flt = default_modalities(flt or EventFilter(), all_modalities=all_modalities)
    counted = _Counter(export_rows(store, fmt, flt, unit=unit, all_modalities=all_modalities))
    if fmt == "parquet":
        from flashpoint.export.tables import write_parquet

        path = Path(str(output))
        meta = {"flashpoint": json.dumps(export_metadata(fmt, unit, flt))}
        rows = write_parquet(counted, path, metadata=meta)
    elif to_stdout:
        out = sys.stdout
        return write_export(store, fmt, counted, out, array=False, unit=unit, raw_csv=raw_csv)
    else:
        path = Path(str(output))
        newline = "" if fmt == "csv" else None
        with path.open("w", encoding="utf-8", newline=newline) as out:
            array = path.suffix.lower() == ".json"
            rows = write_export(store, fmt, counted, out, array=array, unit=unit, raw_csv=raw_csv)
    left_out = counted.count - rows if fmt in ("plover", "polecat") else 0
    meta_path = path.with_name(path.name + ".meta.json")
    metadata = export_metadata(fmt, unit, flt, rows=rows, left_out=left_out)
    meta_path.write_text(json.dumps(metadata, indent=2) + "\n", encoding="utf-8")
    return rows


def export_rows(
    store: Store,
    fmt: str,
    flt: EventFilter | None = None,
    *,
    unit: str | None = None,
    all_modalities: bool = False,
    after: EventCursor | None = None,
) -> Iterator[StoredEvent]:
    """The events an export in ``fmt`` writes, streamed, checked to be non-empty first
    (:class:`AnalysisError` when nothing matches, so no empty file is begun); ``after``
    starts after an event's cursor, as pages of ``iter_events`` do."""
    if fmt not in EXPORT_FORMATS:
        raise AnalysisError(f"unknown format {fmt!r}; choose one of {', '.join(EXPORT_FORMATS)}")
    unit = unit or default_unit(fmt)
    if unit not in EXPORT_UNITS:
        raise AnalysisError(f"unknown unit {unit!r}; choose one of {', '.join(EXPORT_UNITS)}")
    flt = default_modalities(flt or EventFilter(), all_modalities=all_modalities)
    events: Iterator[StoredEvent] = iter_events(store, flt, after=after)
    if unit == "clusters":
        events = representatives(events)
    first = next(events, None)
    if first is None:
        raise AnalysisError("no stored events match the filters; nothing was written")
    return itertools.chain([first], events)


def _gdelt_context(store: Store, unit: str) -> Any:
    from functools import partial

    from flashpoint.export.gdelt import GdeltContext
    from flashpoint.store import article_texts, store_identity

    def text_of(article_id: int) -> Any:
        return article_texts(store, [article_id]).get(article_id)

    return GdeltContext(store_identity(store) or "empty", partial(text_of), unit=unit)


def write_export(
    store: Store,
    fmt: str,
    events: Iterable[StoredEvent],
    out: IO[str],
    *,
    array: bool,
    unit: str,
    raw_csv: bool = False,
) -> int:
    """Write ``events`` (from :func:`export_rows`) to a text stream in ``fmt`` (any format
    but Parquet); returns the rows written."""
    if fmt == "gdelt":
        from flashpoint.export.gdelt import write_gdelt

        return write_gdelt(events, out, _gdelt_context(store, unit))
    if fmt == "gdelt-mentions":
        from flashpoint.export.gdelt import write_mentions
        from flashpoint.store import iter_mentions

        def mentions_of(batch: list[StoredEvent]) -> Iterator[Any]:
            clusters = [e.cluster.id for e in batch if unit == "clusters" and e.cluster]
            rows = [e.id for e in batch if not (unit == "clusters" and e.cluster)]
            return iter_mentions(store, cluster_ids=clusters, event_row_ids=rows)

        return write_mentions(events, out, _gdelt_context(store, unit), mentions_of)
    if fmt == "plover":
        from flashpoint.export.plover import write_plover

        return write_plover(events, out, array=array)
    if fmt == "polecat":
        from flashpoint.export.polecat import write_polecat

        return write_polecat(events, out)
    from flashpoint.export.tables import write_csv, write_jsonl

    return write_csv(events, out, raw=raw_csv) if fmt == "csv" else write_jsonl(events, out)
