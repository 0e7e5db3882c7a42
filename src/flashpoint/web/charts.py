"""Chart geometry for the dashboard's SVG: bars, lines, a network and a map.

Each function turns numbers into shapes (coordinates in a fixed view box, a colour, a
tooltip) and leaves the markup to the templates, which escape every label.  No chart needs
a script: tooltips are SVG ``<title>`` elements and clicks are plain links.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

__all__ = ["QUAD_COLOURS", "QUAD_NAMES", "bar_chart", "line_chart", "map_points", "network"]

QUAD_NAMES = {
    1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict",
    4: "material conflict",
}  # fmt: skip
QUAD_COLOURS = {1: "#7fb8da", 2: "#1f6fa8", 3: "#f2a65a", 4: "#c0392b"}
WIDTH, HEIGHT, PAD_LEFT, PAD_BOTTOM, PAD_TOP = 900, 240, 44, 28, 10


@dataclass
class Chart:
    width: int = WIDTH
    height: int = HEIGHT
    rects: list[dict[str, Any]] = field(default_factory=list)
    lines: list[dict[str, Any]] = field(default_factory=list)
    points: list[dict[str, Any]] = field(default_factory=list)
    ticks_y: list[dict[str, Any]] = field(default_factory=list)
    ticks_x: list[dict[str, Any]] = field(default_factory=list)
    legend: list[dict[str, Any]] = field(default_factory=list)
    empty: bool = False


def _nice_max(value: float) -> float:
    if value <= 0:
        return 1.0
    exponent = 10 ** math.floor(math.log10(value))
    for step in (1, 2, 2.5, 5, 10):
        if value <= step * exponent:
            return step * exponent
    return 10 * exponent


def _x_ticks(labels: Sequence[str], x_of: Any, count: int = 8) -> list[dict[str, Any]]:
    if not labels:
        return []
    every = max(1, math.ceil(len(labels) / count))
    return [{"x": x_of(i), "label": labels[i]} for i in range(0, len(labels), every)]


def bar_chart(labels: Sequence[str], stacks: Sequence[Sequence[float]], *, unit: str) -> Chart:
    """Stacked bars, one per label, stacks in quad-class order (q1 at the bottom)."""
    chart = Chart()
    if not labels:
        chart.empty = True
        return chart
    top = _nice_max(max((sum(s) for s in stacks), default=0))
    plot_w = WIDTH - PAD_LEFT - 8
    plot_h = HEIGHT - PAD_BOTTOM - PAD_TOP
    slot = plot_w / len(labels)
    bar_w = min(max(slot * 0.8, 0.5), 40.0)
    for i, (label, stack) in enumerate(zip(labels, stacks, strict=True)):
        y = HEIGHT - PAD_BOTTOM
        for quad, value in enumerate(stack, start=1):
            if value <= 0:
                continue
            h = value / top * plot_h
            y -= h
            chart.rects.append(
                {
                    "x": round(PAD_LEFT + i * slot + (slot - bar_w) / 2, 2),
                    "y": round(y, 2),
                    "w": round(bar_w, 2),
                    "h": round(h, 2),
                    "fill": QUAD_COLOURS[quad],
                    "title": f"{label}: {value:g} {unit}, {QUAD_NAMES[quad]}",
                }
            )
    chart.ticks_y = [
        {"y": round(HEIGHT - PAD_BOTTOM - f * plot_h, 2), "label": f"{top * f:g}"}
        for f in (0, 0.5, 1)
    ]
    chart.ticks_x = _x_ticks(labels, lambda i: round(PAD_LEFT + (i + 0.5) * slot, 2))
    chart.legend = [{"colour": QUAD_COLOURS[q], "label": QUAD_NAMES[q]} for q in (1, 2, 3, 4)]
    return chart


def line_chart(
    labels: Sequence[str], series: dict[str, Sequence[float | None]], colours: Sequence[str]
) -> Chart:
    """One line per named series over the labels; None values leave a gap."""
    chart = Chart()
    values = [v for s in series.values() for v in s if v is not None]
    if not labels or not values:
        chart.empty = True
        return chart
    high, low = max(max(values), 0.0), min(min(values), 0.0)
    span = _nice_max(max(abs(high), abs(low)))
    top, bottom = (span if high > 0 else 0.0), (-span if low < 0 else 0.0)
    plot_w = WIDTH - PAD_LEFT - 8
    plot_h = HEIGHT - PAD_BOTTOM - PAD_TOP
    slot = plot_w / len(labels)

    def x_of(i: int) -> float:
        return round(PAD_LEFT + (i + 0.5) * slot, 2)

    def y_of(v: float) -> float:
        return round(PAD_TOP + (top - v) / ((top - bottom) or 1) * plot_h, 2)

    for (name, values_), colour in zip(series.items(), colours, strict=False):
        runs: list[list[str]] = [[]]
        for i, value in enumerate(values_):
            if value is None:
                runs.append([])
                continue
            runs[-1].append(f"{x_of(i)},{y_of(value)}")
            chart.points.append(
                {"x": x_of(i), "y": y_of(value), "colour": colour,
                 "title": f"{name} {labels[i]}: {value:g}"}
            )  # fmt: skip
        for run in runs:
            if len(run) > 1:
                chart.lines.append({"points": " ".join(run), "colour": colour})
        chart.legend.append({"colour": colour, "label": name})
    chart.ticks_y = [
        {"y": y_of(v), "label": f"{v:g}"} for v in sorted({top, 0.0, bottom}, reverse=True)
    ]
    chart.ticks_x = _x_ticks(labels, x_of)
    return chart


def _goldstein_colour(mean: float) -> str:
    """Red for conflict (-10) through grey to blue for cooperation (+10)."""
    t = max(-1.0, min(1.0, mean / 10))
    if t < 0:
        r, g, b = 150 + int(-t * 42), 150 - int(-t * 93), 150 - int(-t * 107)
    else:
        r, g, b = 150 - int(t * 119), 150 - int(t * 39), 150 + int(t * 18)
    return f"#{r:02x}{g:02x}{b:02x}"


def network(graph: Any, *, size: int = 640) -> dict[str, Any]:
    """Node circles and edge lines for a (small) networkx DiGraph, laid out by a seeded
    spring layout so the same data gives the same picture."""
    import networkx as nx

    if graph.number_of_nodes() == 0:
        return {"size": size, "nodes": [], "edges": []}
    # Unweighted, with more room between nodes than the default: a few heavy edges would
    # otherwise pull the busiest actors into one knot.
    spread = 2.5 / math.sqrt(graph.number_of_nodes())
    layout = nx.spring_layout(graph, seed=7, weight=None, k=spread, iterations=200)
    xs, ys = [x for x, _ in layout.values()], [y for _, y in layout.values()]
    low_x, high_x, low_y, high_y = min(xs), max(xs), min(ys), max(ys)
    margin = 60

    def place(key: Any) -> tuple[float, float]:
        x, y = layout[key]
        fx = (x - low_x) / ((high_x - low_x) or 1)
        fy = (y - low_y) / ((high_y - low_y) or 1)
        return (
            round(margin + fx * (size - 2 * margin), 1),
            round(margin + fy * (size - 2 * margin), 1),
        )

    most = max((d["events"] for _, _, d in graph.edges(data=True)), default=1)
    edges = []
    for s, t, d in graph.edges(data=True):
        (x1, y1), (x2, y2) = place(s), place(t)
        # Shorten the line so its arrow stops at the target circle's edge.
        length = math.hypot(x2 - x1, y2 - y1) or 1
        radius = 6 + 10 * math.sqrt(
            (graph.nodes[t]["events_in"] + graph.nodes[t]["events_out"]) / (2 * most)
        )
        x2b, y2b = x2 - (x2 - x1) * radius / length, y2 - (y2 - y1) * radius / length
        edges.append(
            {
                "x1": x1, "y1": y1, "x2": round(x2b, 1), "y2": round(y2b, 1),
                "width": round(0.8 + 4 * d["events"] / most, 2),
                "colour": _goldstein_colour(d["goldstein_mean"]),
                "title": f"{s} → {t}: {d['events']} events, mean Goldstein "
                f"{d['goldstein_mean']:+.1f}, net cooperation {d['net_coop']:+d}",
            }
        )  # fmt: skip
    nodes = []
    for key, data in graph.nodes(data=True):
        x, y = place(key)
        total = data["events_in"] + data["events_out"]
        nodes.append(
            {
                "x": x, "y": y, "key": str(key), "label": str(data.get("label", key)),
                "r": round(6 + 10 * math.sqrt(total / (2 * most)), 1),
                "title": f"{data.get('label', key)} ({key}): {data['events_out']} events as "
                f"source, {data['events_in']} as target",
            }
        )  # fmt: skip
    return {"size": size, "nodes": nodes, "edges": edges}


def map_points(table: Any, limit: int = 500) -> list[dict[str, Any]]:
    """Circles on the 360 x 180 equirectangular base map, area by event count."""
    rows = table.head(limit)
    most = int(rows["events"].max()) if len(rows) else 1
    points = []
    for row in rows.itertuples(index=False):
        points.append(
            {
                "x": round(float(row.lon) + 180, 2),
                "y": round(90 - float(row.lat), 2),
                "r": round(0.6 + 3.4 * math.sqrt(int(row.events) / most), 2),
                "colour": QUAD_COLOURS[int(row.quad)],
                "title": f"{row.name}{' (' + row.country + ')' if row.country else ''}: "
                f"{int(row.events)} events, mostly {QUAD_NAMES[int(row.quad)]}",
            }
        )
    return points
