"""``flashpoint plot dyad`` and ``flashpoint plot network``: PNG charts, with their data."""

from __future__ import annotations

from typing import Any

import click

from .dyad_cmd import compute_series, dyad_arguments
from .main import cli
from .network_cmd import compute_network, network_arguments
from .options import check_outputs, force_option

_OUTPUT = click.option(
    "-o", "--output", required=True, type=click.Path(dir_okay=False), help="The PNG file to write."
)
_DATA = click.option(
    "--data",
    type=click.Path(dir_okay=False),
    help="Also write the plotted numbers to this CSV file.",
)
_TITLE = click.option("--title", help="Chart title (default: describes the data).")


@cli.group("plot")
def plot_group() -> None:
    """Draw PNG charts: `plot dyad A B -o FILE.png`, `plot network -o FILE.png`."""


@plot_group.command("dyad")
@dyad_arguments
@click.option(
    "--metric",
    type=click.Choice(["net_coop", "goldstein_sum", "goldstein_mean", "events"]),
    default="net_coop",
    show_default=True,
    help="Measure drawn as lines.",
)
@_OUTPUT
@_DATA
@_TITLE
@force_option
def plot_dyad_command(
    metric: str, output: str, data: str | None, title: str | None, force: bool, **options: Any
) -> None:
    """Lines for A→B and B→A, stacked quad-class bars per period for each direction."""
    from ..plots import plot_dyad

    check_outputs(options["db"], force, (output, "png"), (data, "text"))
    freq = options["freq"]
    series = compute_series(options)
    plot_dyad(series, output, metric=metric, title=title, freq=freq)
    if data:
        series.assign(period=series["period"].dt.strftime("%Y-%m-%d")).to_csv(
            data, index=False, lineterminator="\n"
        )
    click.echo(f"flashpoint: wrote {output}" + (f" and {data}" if data else ""), err=True)


@plot_group.command("network")
@network_arguments
@click.option(
    "--top",
    type=click.IntRange(2),
    default=30,
    show_default=True,
    help="Draw only the N actors with the most events.",
)
@_OUTPUT
@_DATA
@_TITLE
@force_option
def plot_network_command(
    top: int, output: str, data: str | None, title: str | None, force: bool, **options: Any
) -> None:
    """The actor network: arrows sized by events and coloured by mean Goldstein score."""
    from ..analysis.network import graph_edges
    from ..plots import plot_network
    from ..plots.network import top_subgraph

    check_outputs(options["db"], force, (output, "png"), (data, "text"))
    graph = compute_network(options)
    plot_network(graph, output, top=top, title=title)
    if data:
        graph_edges(top_subgraph(graph, top)).to_csv(data, index=False, lineterminator="\n")
    click.echo(f"flashpoint: wrote {output}" + (f" and {data}" if data else ""), err=True)
