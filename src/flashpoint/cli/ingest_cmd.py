"""``flashpoint ingest``: read articles from folders, files, feeds or URLs into the store."""

from __future__ import annotations

import sys

import click

from .main import cli
from .options import (
    article_bar,
    batch_size_option,
    check_engine,
    coder_options,
    db_option,
    dictionary_options,
    engine_options,
    progress_option,
    reading_options,
    window_option,
)
from .terminal import printable


@cli.command("ingest")
@click.argument("sources", nargs=-1, required=True)
@db_option
@reading_options
@window_option
@batch_size_option
@engine_options
@coder_options
@progress_option
@dictionary_options
def ingest_command(
    sources: tuple[str, ...],
    db: str | None,
    story_date: str | None,
    fetch_links: bool,
    window: int | None,
    batch_size: int,
    engine: str,
    workers: int | None,
    address: str | None,
    model: str | None,
    lexicons: tuple[str, ...],
    progress: bool | None,
) -> None:
    """Code and store SOURCES: folders (.txt, .html, .jsonl, RSS/Atom files, recursively),
    files, http(s) URLs of pages or feeds, or - for one article on stdin.

    Articles already stored are skipped, so a run can be repeated or resumed after a crash.
    A source that cannot be read is reported by name and skipped; the exit status is 1 if
    any failed.  With --workers N (or --engine ray) the articles are coded in parallel and
    this process writes them in input order: the store ends up the same as with one worker.
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
    check_engine(engine, address)
    window = dedupe_window(window)
    items = iter_documents(sources, date=story_date, fetch_links=fetch_links)
    with open_store(db) as store:
        if engine == "ray":
            from ..scale.ray_data import RayPool

            coder: object = RayPool(
                workers or 0, model=model, lexicons=lexicons, batch_size=batch_size,
                address=address,
            )  # fmt: skip
        elif workers and workers > 1:
            from ..scale import ProcessPool

            coder = ProcessPool(workers, model=model, lexicons=lexicons, batch_size=batch_size)
        else:
            coder = get_coder(model, lexicons)
        bar = article_bar(sources, progress)

        def on_item(item: object, result: object) -> None:
            if isinstance(item, Failure):
                message = printable(f"skipped {item.name}: {item.reason}")
                tqdm.write(f"flashpoint: {message}", file=sys.stderr)
            bar.update(1)

        try:
            with bar:
                summary = ingest_documents(
                    store,
                    items,
                    coder,  # type: ignore[arg-type]
                    coder_version=CODER_VERSION,
                    window=window,
                    batch_size=batch_size,
                    on_item=on_item,
                )
        finally:
            close = getattr(coder, "close", None)
            if close is not None and not hasattr(coder, "code_many"):
                close()
    click.echo(f"flashpoint: ingested {summary.line()}", err=True)
    if summary.failed:
        sys.exit(1)
