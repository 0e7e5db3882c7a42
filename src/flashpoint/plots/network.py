"""Network chart: actors as nodes sized by their events, directed edges as arrows whose width
grows with the event count and whose colour is the mean Goldstein score (red hostile, green
cooperative)."""

from __future__ import annotations

import math
import textwrap
from pathlib import Path
from typing import TYPE_CHECKING, Any

from flashpoint.errors import AnalysisError
from flashpoint.plots.base import new_figure, save

if TYPE_CHECKING:
    import networkx as nx

__all__ = ["network_figure", "network_title", "plot_network", "top_subgraph"]

SIZE = (10.0, 10.0)  # inches; 1000 × 1000 pixels


def top_subgraph(graph: nx.DiGraph, top: int) -> nx.DiGraph:
    """The ``top`` nodes with the most events (in + out) and the edges among them."""
    ranked = sorted(
        graph.nodes,
        key=lambda n: (-(graph.nodes[n]["events_out"] + graph.nodes[n]["events_in"]), str(n)),
    )
    return graph.subgraph(ranked[:top]).copy()


def network_title(graph: nx.DiGraph) -> str:
    """The default title: the period, what is counted and which modalities."""
    attrs = graph.graph
    period = ""
    if attrs.get("first_day"):
        period = f", {attrs['first_day']} to {attrs['last_day']}"
    unit = attrs.get("unit", "clusters")
    counted = {"clusters": "events (clusters of reports)", "events": "events per article",
               "mentions": "mentions"}.get(unit, unit)  # fmt: skip
    return (
        f"Actor network: who acted on whom{period}\n"
        f"counting {counted}; {attrs.get('modalities', 'all modalities')}"
    )


def plot_network(
    graph: nx.DiGraph, path: str | Path, *, top: int = 30, title: str | None = None
) -> Path:
    """Draw ``graph`` (from :func:`flashpoint.analysis.event_network`) to a PNG at ``path``;
    only its ``top`` busiest nodes are drawn so the chart stays readable."""
    return save(network_figure(graph, top=top, title=title), path)


def _separate_labels(figure: Any, ax: Any, texts: list[Any], *, rounds: int = 200) -> None:
    """Move labels apart until no two overlap: each round, every overlapping pair is pushed
    apart vertically (in display pixels) by half their overlap plus a margin."""
    renderer = figure.canvas.get_renderer()
    to_data = ax.transData.inverted()
    for _ in range(rounds):
        boxes = [t.get_window_extent(renderer).expanded(1.02, 1.08) for t in texts]
        moved = False
        for i in range(len(texts)):
            for j in range(i + 1, len(texts)):
                a, b = boxes[i], boxes[j]
                if not a.overlaps(b):
                    continue
                overlap = min(a.y1, b.y1) - max(a.y0, b.y0)
                shift = overlap / 2 + 2
                lower, upper = (i, j) if a.y0 + a.y1 <= b.y0 + b.y1 else (j, i)
                for index, sign in ((lower, -1), (upper, 1)):
                    x, y = ax.transData.transform(texts[index].get_position())
                    texts[index].set_position(to_data.transform((x, y + sign * shift)))
                boxes[i] = texts[i].get_window_extent(renderer).expanded(1.02, 1.08)
                boxes[j] = texts[j].get_window_extent(renderer).expanded(1.02, 1.08)
                moved = True
        if not moved:
            return


def network_figure(graph: nx.DiGraph, *, top: int = 30, title: str | None = None) -> Any:
    """The network chart as a matplotlib Figure (see :func:`plot_network`)."""
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
    # Domestic events (USA -> USA) are self-loops: drawn as loops on their node.
    edges = list(shown.edges)
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
    ax.margins(0.12)
    ax.set_xticks([])
    ax.set_yticks([])
    texts = [
        ax.text(
            *positions[n],
            textwrap.fill(str(shown.nodes[n].get("label") or n), 18),
            fontsize=9,
            ha="center",
            va="center",
            zorder=5,
            bbox={"boxstyle": "round,pad=0.15", "fc": "white", "ec": "none", "alpha": 0.7},
            gid=f"label:{n}",
        )
        for n in shown
    ]
    colourbar = figure.colorbar(mpl.cm.ScalarMappable(norm=norm, cmap=cmap), ax=ax, shrink=0.6)
    colourbar.set_label("Mean Goldstein score of its events (−10 conflict … +10 cooperation)")
    unit = graph.graph.get("unit", "clusters")
    hidden = graph.number_of_nodes() - shown.number_of_nodes()
    loops = sum(1 for s, t in edges if s == t)
    ax.set_title(title or network_title(graph))
    ax.set_xlabel(
        f"Arrow width: {unit} from source to target (max {most}); node size: events in + out"
        + (f"; {loops} domestic (self-loop)" if loops else "")
        + (f"; {hidden} smaller actors not shown" if hidden else "")
    )
    figure.canvas.draw()  # lay out, so label extents are final before they are separated
    _separate_labels(figure, ax, texts)
    return figure
