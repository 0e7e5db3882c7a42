"""``flashpoint ingest``: read articles from folders, files, feeds or URLs into the store."""

from __future__ import annotations

import sys

import click

from .main import cli
from .options import (
    BAR_FORMAT,
    coder_options,
    db_option,
    dictionary_arguments,
    dictionary_options,
    progress_option,
    window_option,
)
from .terminal import printable


@cli.command("ingest")
@click.argument("sources", nargs=-1, required=True)
@db_option
@click.option(
    "--date",
    "story_date",
    metavar="YYYY-MM-DD",
    help="Story date for articles that give none (no metadata date, no dateline).",
)
@click.option(
    "--fetch-links",
    is_flag=True,
    help="For feeds: fetch each entry's linked page instead of coding its summary (network).",
)
@window_option
@click.option("--batch-size", type=click.IntRange(1), default=16, show_default=True,
              help="Articles parsed together by spaCy.")  # fmt: skip
@coder_options
@dictionary_options
@progress_option
def ingest_command(
    sources: tuple[str, ...],
    db: str | None,
    story_date: str | None,
    fetch_links: bool,
    window: int | None,
    batch_size: int,
    model: str | None,
    lexicons: tuple[str, ...],
    progress: bool | None,
    **dictionary: object,
) -> None:
    """Code and store SOURCES: folders (.txt, .html, .jsonl, RSS/Atom files, recursively),
    files, http(s) URLs of pages or feeds, or - for one article on stdin.

    Articles already stored are skipped, so a run can be repeated or resumed after a crash.
    A source that cannot be read is reported by name and skipped; the exit status is 1 if
    any failed.
    """
    from tqdm import tqdm

    from .. import CODER_VERSION, get_coder
    from ..ingest.article import check_date
    from ..ingest.check import check_sources
    from ..ingest.documents import Failure, iter_documents
    from ..store import ingest_documents, open_store
    from ..store.writer import dedupe_window

    check_sources(sources)
    check_date(story_date)
    window = dedupe_window(window)
    items = iter_documents(sources, date=story_date, fetch_links=fetch_links)
    with open_store(db) as store:
        coder = get_coder(model, lexicons, **dictionary_arguments(dictionary))
        bar = tqdm(
            unit=" articles",
            bar_format=BAR_FORMAT,
            file=sys.stderr,
            disable=None if progress is None else not progress,
            dynamic_ncols=True,
        )

        def on_item(item: object, result: object) -> None:
            if isinstance(item, Failure):
                message = printable(f"skipped {item.name}: {item.reason}")
                tqdm.write(f"flashpoint: {message}", file=sys.stderr)
            bar.update(1)

        with bar:
            summary = ingest_documents(
                store,
                items,
                coder,
                coder_version=CODER_VERSION,
                window=window,
                batch_size=batch_size,
                on_item=on_item,
            )
    click.echo(f"flashpoint: ingested {summary.line()}", err=True)
    if summary.failed:
        sys.exit(1)
