"""``flashpoint events``: list stored events, filtered, as a table, JSON, JSON Lines or CSV."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable
from typing import Any

import click

from .main import cli
from .options import db_option, event_filter, filter_options, raw_csv_option
from .terminal import printable


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
            from ..export.tables import write_csv

            write_csv(events, sys.stdout, raw=raw_csv)  # the flat columns of flashpoint.columns
        else:
            from ..export.tables import flat_event

            _write_table(flat_event(e) for e in events)


def _mentions(event: Any, wanted: bool) -> dict[str, Any]:
    return {"mentions": list(event.mentions)} if wanted else {}


def _write_json(records: Iterable[dict[str, Any]]) -> None:
    """A JSON array, streamed one record at a time."""
    out = sys.stdout
    out.write("[")
    for i, record in enumerate(records):
        out.write(("," if i else "") + "\n  " + json.dumps(record))
    out.write("\n]\n")


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
