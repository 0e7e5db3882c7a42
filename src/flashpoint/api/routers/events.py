"""``/v1/events``: the listing of ``flashpoint events`` and the files of ``flashpoint export``."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import replace
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Query
from fastapi.responses import StreamingResponse

from flashpoint.api.deps import get_store
from flashpoint.api.errors import ApiError
from flashpoint.api.filters import decode_cursor, encode_cursor, event_filter
from flashpoint.api.responses import JSONResponse
from flashpoint.api.streaming import stream_writer
from flashpoint.store import EventFilter, Store, StoredEvent, iter_events

router = APIRouter(tags=["events"])

PAGE_DEFAULT, PAGE_MAX = 100, 1000
Format = Literal["json", "jsonl", "csv", "gdelt", "gdelt-mentions", "plover", "polecat", "parquet"]
# The export formats (flashpoint export --format) as files: media type and file name.
_MEDIA = {
    "csv": ("text/csv; charset=utf-8", "events.csv"),
    "gdelt": ("text/tab-separated-values; charset=utf-8", "events.gdelt.tsv"),
    "gdelt-mentions": ("text/tab-separated-values; charset=utf-8", "mentions.gdelt.tsv"),
    "plover": ("application/x-ndjson", "events.plover.jsonl"),
    "polecat": ("text/tab-separated-values; charset=utf-8", "events.polecat.tsv"),
    "parquet": ("application/vnd.apache.parquet", "events.parquet"),
}


def event_json(event: StoredEvent, mentions: bool = False) -> dict[str, Any]:
    """The record ``flashpoint events --format json`` prints (with ``--mentions``: its
    mentions' records)."""
    record = event.to_dict()
    if mentions:
        record["mentions"] = list(event.mentions)
    return record


def _jsonl(events: Iterator[StoredEvent], mentions: bool) -> Iterator[bytes]:
    lines: list[str] = []
    for event in events:
        lines.append(json.dumps(event_json(event, mentions)) + "\n")
        if len(lines) >= 200:
            yield "".join(lines).encode()
            lines = []
    if lines:
        yield "".join(lines).encode()


@router.get("/events", summary="List or export stored events")
def list_events(
    flt: Annotated[EventFilter, Depends(event_filter)],
    store: Annotated[Store, Depends(get_store)],
    format: Format = "json",
    limit: Annotated[int | None, Query(ge=1)] = None,
    cursor: str | None = None,
    mentions: bool = False,
    unit: Literal["clusters", "events"] | None = None,
    all_modalities: bool = False,
    raw_csv: bool = False,
) -> Any:
    """Events matching the filters of ``flashpoint events``, in event-date order.

    ``format=json`` (default) answers one page: ``{"events": [...], "next_cursor": ...}``, at
    most ``limit`` events (default 100, at most 1000); pass ``next_cursor`` back as ``cursor``
    for the next page.  Each event is the record ``flashpoint events --format json`` prints,
    plus ``id``, the id for ``/v1/events/{id}``.  ``jsonl`` streams those records (without
    ``id``, exactly as the command prints them) and ``csv``, ``gdelt``, ``gdelt-mentions``,
    ``plover``, ``polecat`` and ``parquet`` stream the files of ``flashpoint export``
    (``unit``, ``all_modalities`` and ``raw_csv`` as there); these take ``limit`` and
    ``cursor`` too but have no page size.
    """
    after = decode_cursor(cursor)
    if format == "json":
        size = limit or PAGE_DEFAULT
        if size > PAGE_MAX:
            raise ApiError(
                400, "bad_parameter", f"limit: at most {PAGE_MAX} events a page", "limit"
            )
        page = list(
            iter_events(store, replace(flt, limit=size + 1), with_mentions=mentions, after=after)
        )
        more = len(page) > size
        page = page[:size]
        return JSONResponse(
            {
                "events": [{"id": e.id, **event_json(e, mentions)} for e in page],
                "count": len(page),
                "next_cursor": encode_cursor(page[-1].cursor) if more else None,
            }
        )
    flt = replace(flt, limit=limit)
    if format == "jsonl":
        events = iter_events(store, flt, with_mentions=mentions, after=after)
        return StreamingResponse(_jsonl(events, mentions), media_type="application/x-ndjson")
    return _export(store, format, flt, after, unit, all_modalities, raw_csv)


def _export(
    store: Store,
    fmt: str,
    flt: EventFilter,
    after: Any,
    unit: str | None,
    all_modalities: bool,
    raw_csv: bool,
) -> StreamingResponse:
    import json as _json

    from flashpoint.export.stored import default_unit, export_metadata, export_rows, write_export
    from flashpoint.filters import default_modalities

    unit = unit or default_unit(fmt)
    flt = default_modalities(flt, all_modalities=all_modalities)
    events = export_rows(store, fmt, flt, unit=unit, after=after)
    media, filename = _MEDIA[fmt]

    def write(out: Any) -> None:
        if fmt == "parquet":
            from flashpoint.export.tables import write_parquet

            meta = {"flashpoint": _json.dumps(export_metadata(fmt, unit, flt))}
            write_parquet(events, out, metadata=meta)
        else:
            write_export(store, fmt, events, out, array=False, unit=unit, raw_csv=raw_csv)

    return StreamingResponse(
        stream_writer(write),
        media_type=media,
        headers={"content-disposition": f'attachment; filename="{filename}"'},
    )


@router.get("/events/{event_id}", summary="One event, its mentions and its article")
def get_event(event_id: int, store: Annotated[Store, Depends(get_store)]) -> Any:
    """The event's record (as ``flashpoint events --mentions`` gives it), every mention
    (sentence) reporting it, its cluster, and the article it came from, text included."""
    from flashpoint.store.browse import event_with_article

    found = event_with_article(store, event_id)
    if found is None:
        raise ApiError(404, "not_found", f"no event with id {event_id}", "event_id")
    event, article = found
    record = {"id": event.id, **event_json(event, mentions=True)}
    record["article"] = article.to_dict()
    return JSONResponse(record)
