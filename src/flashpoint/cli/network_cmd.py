"""``flashpoint network``: the actor network as GraphML, GEXF, JSON or an edge table."""

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
from .terminal import printable


def network_arguments(func: Any) -> Any:
    """Options shared by ``network`` and ``plot network``."""
    func = click.option(
        "--min-events",
        type=click.IntRange(1),
        default=1,
        show_default=True,
        help="Drop edges with fewer events.",
    )(func)
    func = click.option(
        "--node",
        type=click.Choice(["country", "code"]),
        default="country",
        show_default=True,
        help="Nodes are countries (else actor codes) or full actor codes.",
    )(func)
    func = aggregate_options(func)
    func = filter_options()(func)
    return db_option(func)


def compute_network(options: dict[str, Any]) -> Any:
    from ..analysis import event_network
    from ..store import open_store

    db, node, min_events = options.pop("db"), options.pop("node"), options.pop("min_events")
    all_modalities, unit = options.pop("all_modalities"), unit_of(options)
    flt = event_filter(options)
    with open_store(db, create=False) as store:
        graph = event_network(
            store, flt, unit=unit, node=node, min_events=min_events, all_modalities=all_modalities
        )
    if graph.graph.get("undated"):
        click.echo(
            f"flashpoint: events left out: {graph.graph['undated']} without a date", err=True
        )
    return graph


@cli.command("network")
@network_arguments
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False),
    help="Write the graph: .graphml, .gexf, .json (node-link) or .csv (edges).",
)
@force_option
def network_command(output: str | None, force: bool, **options: Any) -> None:
    """Actor network: directed edges weighted by event counts, with quad-class counts,
    Goldstein sum and mean, net cooperation.  Without -o, print the edge table."""
    from ..analysis.network import graph_edges, write_graph

    check_outputs(options["db"], force, (output, "text"))
    graph = compute_network(options)
    if output:
        write_graph(graph, output)
        click.echo(
            f"flashpoint: wrote {graph.number_of_nodes()} nodes and "
            f"{graph.number_of_edges()} edges to {output}",
            err=True,
        )
    else:
        sys.stdout.write(printable(graph_edges(graph).to_string(index=False)) + "\n")
