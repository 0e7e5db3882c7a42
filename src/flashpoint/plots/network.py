"""Network chart: actors as nodes sized by their events, directed edges as arrows whose width
grows with the event count and whose colour is the mean Goldstein score (red hostile, green
cooperative)."""

from __future__ import annotations

import math
import textwrap
from pathlib import Path
from typing import TYPE_CHECKING

from flashpoint.errors import AnalysisError
from flashpoint.plots.base import new_figure, save

if TYPE_CHECKING:
    import networkx as nx

__all__ = ["plot_network", "top_subgraph"]

SIZE = (10.0, 10.0)  # inches; 1000 × 1000 pixels


def top_subgraph(graph: nx.DiGraph, top: int) -> nx.DiGraph:
    """The ``top`` nodes with the most events (in + out) and the edges among them."""
    ranked = sorted(
        graph.nodes,
        key=lambda n: (-(graph.nodes[n]["events_out"] + graph.nodes[n]["events_in"]), str(n)),
    )
    return graph.subgraph(ranked[:top]).copy()


def plot_network(
    graph: nx.DiGraph, path: str | Path, *, top: int = 30, title: str | None = None
) -> Path:
    """Draw ``graph`` (from :func:`flashpoint.analysis.event_network`) to a PNG at ``path``;
    only its ``top`` busiest nodes are drawn so the chart stays readable."""
    import matplotlib as mpl
    import networkx as nx

    if graph.number_of_nodes() == 0:
        raise AnalysisError("nothing to plot: the network is empty")
    shown = top_subgraph(graph, top)
    figure = new_figure(*SIZE)
    ax = figure.subplots()
    positions = nx.spring_layout(shown, seed=7, weight=None, k=1.5 / math.sqrt(len(shown)))
    size = {n: shown.nodes[n]["events_out"] + shown.nodes[n]["events_in"] for n in shown}
    biggest = max(size.values()) or 1
    cmap, norm = mpl.colormaps["RdYlGn"], mpl.colors.Normalize(vmin=-10, vmax=10)
    edges = [(s, t) for s, t in shown.edges if s != t]
    counts = [shown.edges[e]["events"] for e in edges]
    most = max(counts, default=1)
    nx.draw_networkx_nodes(
        shown,
        positions,
        ax=ax,
        node_color="#d9e6f2",
        edgecolors="#335",
        node_size=[300 + 2200 * size[n] / biggest for n in shown],
    )
    nx.draw_networkx_labels(
        shown,
        positions,
        ax=ax,
        font_size=9,
        labels={n: textwrap.fill(str(shown.nodes[n].get("label") or n), 18) for n in shown},
    )
    if edges:
        nx.draw_networkx_edges(
            shown,
            positions,
            ax=ax,
            edgelist=edges,
            arrows=True,
            arrowsize=14,
            connectionstyle="arc3,rad=0.12",
            node_size=1200,
            width=[1 + 5 * c / most for c in counts],
            edge_color=[cmap(norm(shown.edges[e]["goldstein_mean"])) for e in edges],
        )
    colourbar = figure.colorbar(mpl.cm.ScalarMappable(norm=norm, cmap=cmap), ax=ax, shrink=0.6)
    colourbar.set_label("Mean Goldstein score of its events (−10 conflict … +10 cooperation)")
    unit = graph.graph.get("unit", "clusters")
    hidden = graph.number_of_nodes() - shown.number_of_nodes()
    ax.set_title(title or "Actor network: who acted on whom")
    ax.set_xlabel(
        f"Arrow width: {unit} from source to target (max {most}); node size: events in + out"
        + (f"; {hidden} smaller actors not shown" if hidden else "")
    )
    ax.margins(0.12)
    ax.set_xticks([])
    ax.set_yticks([])
    return save(figure, path)
