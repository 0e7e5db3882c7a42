"""``flashpoint export``: stored events as GDELT (events, mentions), PLOVER JSON, POLECAT TSV,
CSV, Parquet or JSON Lines."""

from __future__ import annotations

from typing import Any

import click

from .main import cli
from .options import db_option, event_filter, filter_options, force_option, raw_csv_option


@cli.command("export")
@db_option
@filter_options()
@click.option(
    "--format",
    "fmt",
    required=True,
    type=click.Choice(["gdelt", "gdelt-mentions", "plover", "polecat", "csv", "parquet", "jsonl"]),
    help="gdelt (GDELT 2.0 event table), gdelt-mentions (its Mentions table), plover "
    "(PLOVER JSON), polecat (POLECAT TSV), csv, parquet, jsonl.",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, allow_dash=True),
    help="Output file (default: standard output; required for parquet); FILE.meta.json "
    "is written beside it. For plover, a .json name gives one JSON array, else JSON Lines.",
)
@click.option(
    "--unit",
    type=click.Choice(["clusters", "events"]),
    help="One row per real-world event (clusters) or per event per article "
    "(events). Default: clusters for gdelt and gdelt-mentions, events otherwise.",
)
@click.option(
    "--all-modalities",
    is_flag=True,
    help="Keep negated and hypothetical events (every format leaves them out by default).",
)
@click.option("--limit", type=click.IntRange(0), help="At most this many events.")
@raw_csv_option
@force_option
def export_command(
    db: str | None,
    fmt: str,
    output: str | None,
    unit: str | None,
    all_modalities: bool,
    limit: int | None,
    raw_csv: bool,
    force: bool,
    **options: Any,
) -> None:
    """Export stored events in a format analysts' tools read."""
    from ..export.stored import export_events
    from ..store import open_store

    flt = event_filter(options, limit=limit)
    with open_store(db, create=False) as store:
        count = export_events(
            store,
            fmt,
            output,
            flt,
            unit=unit,
            all_modalities=all_modalities,
            raw_csv=raw_csv,
            force=force,
        )
    if output and output != "-":
        click.echo(f"flashpoint: wrote {count} rows to {output} (metadata: {output}.meta.json)",
                   err=True)  # fmt: skip
    if not (all_modalities or flt.modalities):
        click.echo(
            "flashpoint: negated and hypothetical events left out (--all-modalities keeps them)",
            err=True,
        )
