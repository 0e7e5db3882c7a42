"""``flashpoint dyad A B``: the directed dyad time series A→B and B→A."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import click

from .main import cli
from .options import (
    aggregate_options,
    check_outputs,
    db_option,
    event_filter,
    filter_options,
    force_option,
    unit_of,
    usage_errors,
)


def dyad_arguments(func: Any) -> Any:
    """Options shared by ``dyad`` and ``plot dyad``."""
    func = click.option(
        "--normalise",
        "--normalize",
        "normalise",
        is_flag=True,
        help="Divide counts, Goldstein sums and net cooperation by the articles stored "
        "for each period.",
    )(func)
    func = click.option(
        "--freq",
        type=click.Choice(["day", "week", "month"]),
        default="week",
        show_default=True,
        help="Period of the series (weeks run Monday to Sunday).",
    )(func)
    func = aggregate_options(func)
    func = filter_options(sides=False)(func)
    func = db_option(func)
    func = click.argument("b", metavar="B")(func)
    return click.argument("a", metavar="A")(func)


def compute_series(options: dict[str, Any]) -> Any:
    """Open the store and compute the series described by the command's ``options``; say
    on stderr how many events it left out for want of a date."""
    from ..analysis import dyad_series
    from ..analysis.dyads import left_out_note
    from ..filters import check_actor
    from ..store import open_store

    a, b, db = options.pop("a"), options.pop("b"), options.pop("db")
    with usage_errors():
        a, b = check_actor(a), check_actor(b)
    freq, normalise = options.pop("freq"), options.pop("normalise")
    all_modalities, unit = options.pop("all_modalities"), unit_of(options)
    flt = event_filter(options)
    with open_store(db, create=False) as store:
        series = dyad_series(
            store,
            a,
            b,
            freq=freq,
            unit=unit,
            normalise=normalise,
            flt=flt,
            all_modalities=all_modalities,
        )
    note = left_out_note(series.attrs["undated"], series.attrs["too_coarse"], freq)
    if note:
        click.echo(f"flashpoint: {note}", err=True)
    return series


@cli.command("dyad")
@dyad_arguments
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "csv", "json", "jsonl", "parquet"]),
    help="Output format (default: table, or the format -o FILE's name ends in).",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False),
    help="Write to FILE: .csv, .json, .jsonl, .parquet or .txt (a table).",
)
@force_option
def dyad_command(fmt: str | None, output: str | None, force: bool, **options: Any) -> None:
    """Directed dyad series A→B and B→A per period: counts per quad class, Goldstein sum and
    mean, net cooperation.  A and B are countries (USA) or actor-code prefixes (USAGOV)."""
    from ..analysis.dyads import SERIES_FORMATS, series_text, write_series

    if output and fmt is None and Path(output).suffix.lower() not in SERIES_FORMATS:
        raise click.BadParameter(
            f"cannot tell the format of {Path(output).name!r}: use a name ending in "
            + ", ".join(SERIES_FORMATS)
            + " or give --format",
            param_hint="'-o'",
        )
    if fmt == "parquet" and not output:
        raise click.BadParameter("Parquet is a binary file: give one with -o FILE.parquet",
                                 param_hint="'--format'")  # fmt: skip
    is_parquet = fmt == "parquet" or Path(output or "").suffix.lower() == ".parquet"
    check_outputs(options["db"], force, (output, "parquet" if is_parquet else "text"))
    series = compute_series(options)
    if output:
        written = write_series(series, output, fmt)
        click.echo(f"flashpoint: wrote {len(series)} rows ({written}) to {output}", err=True)
    else:
        sys.stdout.write(series_text(series, fmt or "table"))
