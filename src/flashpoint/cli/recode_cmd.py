"""``flashpoint recode``: re-run the coder over stored articles after an upgrade."""

from __future__ import annotations

import sys

import click

from .main import cli
from .options import (
    BAR_FORMAT_TOTAL,
    coder_options,
    db_option,
    dictionary_options,
    progress_option,
    window_option,
)


@cli.command("recode")
@db_option
@click.option(
    "--all",
    "everything",
    is_flag=True,
    help="Recode every article, not only those coded by another coder version.",
)
@window_option
@coder_options
@dictionary_options
@progress_option
def recode_command(
    db: str | None,
    everything: bool,
    window: int | None,
    model: str | None,
    lexicons: tuple[str, ...],
    progress: bool | None,
) -> None:
    """Code stored articles again and replace their events, one article per transaction.

    By default only articles whose events were coded by another coder version are recoded.
    """
    from tqdm import tqdm

    from .. import CODER_VERSION, get_coder
    from ..store import open_store, recode_articles, stale_article_ids
    from ..store.writer import dedupe_window

    window = dedupe_window(window)
    with open_store(db, create=False) as store:
        total = len(stale_article_ids(store, CODER_VERSION, everything=everything))
        if not total:
            click.echo(f"flashpoint: nothing to recode (all coded by {CODER_VERSION})", err=True)
            return
        coder = get_coder(model, lexicons)
        bar = tqdm(
            total=total,
            unit=" articles",
            bar_format=BAR_FORMAT_TOTAL,
            file=sys.stderr,
            disable=None if progress is None else not progress,
        )
        with bar:
            summary = recode_articles(
                store,
                coder,
                coder_version=CODER_VERSION,
                everything=everything,
                window=window,
                on_article=lambda _id: bar.update(1),
            )
    click.echo(f"flashpoint: {summary.line()} ({CODER_VERSION})", err=True)
    if summary.failed:
        sys.exit(1)
