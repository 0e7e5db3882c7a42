"""``flashpoint events``: list stored events, filtered, as a table, JSON, JSON Lines or CSV."""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Iterable
from typing import Any

import click

from .main import cli
from .options import db_option, event_filter, filter_options, raw_csv_option
from .terminal import printable

CSV_COLUMNS = (
    "event_id", "date", "source_code", "source_country", "source_sector", "cameo_code",
    "cameo_root", "target_code", "target_country", "target_sector", "quad_class", "goldstein",
    "plover_event", "plover_mode", "modality", "location", "location_country", "lat", "lon",
    "confidence", "num_mentions", "cluster_id", "cluster_mentions", "cluster_articles",
    "cluster_sources", "first_seen", "last_seen", "publisher", "url", "trigger", "evidence",
)  # fmt: skip


@cli.command("events")
@db_option
@filter_options()
@click.option("--limit", type=click.IntRange(0), help="At most this many events.")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "json", "jsonl", "csv"]),
    default="table",
    show_default=True,
    help="Output format.",
)
@click.option("--mentions", is_flag=True, help="JSON/JSONL: include every mention's record.")
@raw_csv_option
def events_command(
    db: str | None, limit: int | None, fmt: str, mentions: bool, raw_csv: bool, **options: Any
) -> None:
    """List stored events (one row per event per article) with their cluster counts."""
    from ..export.spreadsheet import neutralise
    from ..store import iter_events, open_store

    flt = event_filter(options, limit=limit)
    with open_store(db, create=False) as store:
        events = iter_events(store, flt, with_mentions=mentions)
        if fmt == "json":
            _write_json(e.to_dict() | _mentions(e, mentions) for e in events)
        elif fmt == "jsonl":
            for e in events:
                sys.stdout.write(json.dumps(e.to_dict() | _mentions(e, mentions)) + "\n")
        elif fmt == "csv":
            writer = csv.writer(sys.stdout, lineterminator="\n")
            writer.writerow(CSV_COLUMNS)
            cell = (lambda v: v) if raw_csv else neutralise
            for e in events:
                row = _flat(e.to_dict())
                writer.writerow([cell(row[c]) for c in CSV_COLUMNS])
        else:
            _write_table(_flat(e.to_dict()) for e in events)


def _mentions(event: Any, wanted: bool) -> dict[str, Any]:
    return {"mentions": list(event.mentions)} if wanted else {}


def _write_json(records: Iterable[dict[str, Any]]) -> None:
    """A JSON array, streamed one record at a time."""
    out = sys.stdout
    out.write("[")
    for i, record in enumerate(records):
        out.write(("," if i else "") + "\n  " + json.dumps(record))
    out.write("\n]\n")


def _flat(record: dict[str, Any]) -> dict[str, Any]:
    source, target = record["source"] or {}, record["target"] or {}
    place, cluster = record["location"] or {}, record["cluster"] or {}
    article = record["article"]
    return {
        "event_id": record["event_id"],
        "date": record["date"] or article["story_date"],
        "source_code": source.get("code"),
        "source_country": source.get("country"),
        "source_sector": source.get("sector"),
        "cameo_code": record["cameo"]["code"],
        "cameo_root": record["cameo"]["root"],
        "target_code": target.get("code"),
        "target_country": target.get("country"),
        "target_sector": target.get("sector"),
        "quad_class": record["quad_class"],
        "goldstein": record["goldstein"],
        "plover_event": record["plover"]["event"],
        "plover_mode": record["plover"]["mode"],
        "modality": record["modality"],
        "location": place.get("name"),
        "location_country": place.get("country"),
        "lat": place.get("lat"),
        "lon": place.get("lon"),
        "confidence": record["confidence"],
        "num_mentions": record["num_mentions"],
        "cluster_id": cluster.get("id"),
        "cluster_mentions": cluster.get("num_mentions"),
        "cluster_articles": cluster.get("num_articles"),
        "cluster_sources": cluster.get("num_sources"),
        "first_seen": cluster.get("first_seen"),
        "last_seen": cluster.get("last_seen"),
        "publisher": article["publisher"],
        "url": article["url"],
        "trigger": record["evidence"]["trigger"]["text"],
        "evidence": record["evidence"]["text"],
    }


_TABLE = (
    ("date", 10), ("source_code", 10), ("cameo_code", 5), ("target_code", 10),
    ("quad_class", 4), ("goldstein", 5), ("modality", 12), ("num_mentions", 4),
    ("cluster_articles", 4), ("cluster_sources", 4), ("publisher", 16), ("trigger", 30),
)  # fmt: skip
_HEADERS = {
    "date": "date", "source_code": "source", "cameo_code": "code", "target_code": "target",
    "quad_class": "quad", "goldstein": "gold", "modality": "modality", "num_mentions": "ment",
    "cluster_articles": "arts", "cluster_sources": "srcs", "publisher": "publisher",
    "trigger": "trigger",
}  # fmt: skip


def _cell(value: Any, width: int) -> str:
    text = "-" if value is None else str(value)
    text = printable(" ".join(text.split()))  # stored text may hold terminal escapes
    return text if len(text) <= width else text[: width - 1] + "…"


def _write_table(rows: Iterable[dict[str, Any]]) -> None:
    out = sys.stdout
    out.write("  ".join(f"{_HEADERS[c]:<{w}}" for c, w in _TABLE).rstrip() + "\n")
    count = 0
    for row in rows:
        count += 1
        out.write("  ".join(f"{_cell(row[c], w):<{w}}" for c, w in _TABLE).rstrip() + "\n")
    click.echo(f"{count} events", err=True)
