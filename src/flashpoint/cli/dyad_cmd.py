"""``flashpoint dyad A B``: the directed dyad time series A→B and B→A."""

from __future__ import annotations

import sys
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
    """Open the store and compute the series described by the command's ``options``."""
    from ..analysis import dyad_series
    from ..store import open_store

    a, b, db = options.pop("a"), options.pop("b"), options.pop("db")
    freq, normalise = options.pop("freq"), options.pop("normalise")
    all_modalities, unit = options.pop("all_modalities"), unit_of(options)
    flt = event_filter(options)
    with open_store(db, create=False) as store:
        return dyad_series(
            store,
            a,
            b,
            freq=freq,
            unit=unit,
            normalise=normalise,
            flt=flt,
            all_modalities=all_modalities,
        )


@cli.command("dyad")
@dyad_arguments
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "csv", "jsonl"]),
    default="table",
    show_default=True,
    help="Output format.",
)
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Write to FILE.")
@force_option
def dyad_command(fmt: str, output: str | None, force: bool, **options: Any) -> None:
    """Directed dyad series A→B and B→A per period: counts per quad class, Goldstein sum and
    mean, net cooperation.  A and B are countries (USA) or actor-code prefixes (USAGOV)."""
    check_outputs(options["db"], force, (output, "text"))
    series = compute_series(options)
    series = series.assign(period=series["period"].dt.strftime("%Y-%m-%d"))
    if fmt == "csv":
        text = series.to_csv(index=False, lineterminator="\n")
    elif fmt == "jsonl":
        text = series.to_json(orient="records", lines=True)
        text = text if text.endswith("\n") else text + "\n"
    else:
        text = series.to_string(index=False, na_rep="-") + "\n"
    if output:
        with open(output, "w", encoding="utf-8", newline="") as out:
            out.write(text)
    else:
        sys.stdout.write(text)
