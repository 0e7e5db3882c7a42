"""``flashpoint batch``: code inputs into a Parquet dataset of events, locally or on Ray."""

from __future__ import annotations

import sys

import click

from .main import cli
from .options import (
    article_bar,
    batch_size_option,
    check_engine,
    coder_options,
    engine_options,
    progress_option,
    reading_options,
)


@cli.command("batch")
@click.argument("sources", nargs=-1, required=True)
@click.option(
    "-o",
    "--output",
    required=True,
    metavar="FOLDER|URI",
    help="The Parquet dataset to create or append to: a folder, or a pyarrow filesystem "
    "URI (s3://bucket/events/, gs://..., hdfs://...).",
)
@engine_options
@reading_options
@batch_size_option
@click.option(
    "--commit-every",
    type=click.IntRange(1),
    default=10_000,
    show_default=True,
    help="Articles per commit: an interrupted run keeps every commit it made.",
)
@coder_options
@progress_option
def batch_command(
    sources: tuple[str, ...],
    output: str,
    engine: str,
    workers: int | None,
    address: str | None,
    story_date: str | None,
    fetch_links: bool,
    batch_size: int,
    commit_every: int,
    model: str | None,
    lexicons: tuple[str, ...],
    progress: bool | None,
) -> None:
    """Code SOURCES (folders, files, s3://... or other pyarrow URIs of .txt, .html, .jsonl,
    .parquet and RSS/Atom shards) into the Parquet dataset OUTPUT, partitioned by event date
    (year=/month=), with a manifest of its inputs; no database is needed.

    Inputs already in the dataset (same text, and same URL when known) are skipped, so a
    run can be repeated or resumed and new inputs appended. An input that cannot be read or
    coded is listed in OUTPUT/_failures/RUN.jsonl and the run goes on; the exit status is 1
    if any failed.
    """
    from ..scale.batch import run_batch

    check_engine(engine, address)
    # On Ray, Ray Data draws its own progress.
    bar = article_bar(sources, progress) if engine == "local" else None
    try:
        summary = run_batch(
            sources,
            output,
            engine=engine,
            workers=workers or (1 if engine == "local" else 0),
            address=address,
            date=story_date,
            fetch_links=fetch_links,
            model=model,
            lexicons=lexicons,
            batch_size=batch_size,
            commit_every=commit_every,
            on_progress=bar.update if bar is not None else None,
            progress=progress,
        )
    finally:
        if bar is not None:
            bar.close()
    click.echo(f"flashpoint: batch {summary.line()}", err=True)
    click.echo(f"flashpoint: dataset {summary.output} (run {summary.run_id})", err=True)
    if summary.failed:
        click.echo(f"flashpoint: {summary.failed} failed: see {summary.failures_file}", err=True)
        sys.exit(1)
