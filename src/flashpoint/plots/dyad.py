"""Dyad chart: a line per direction (A→B, B→A) of one measure over time, and stacked bars of
the quad-class counts per period for each direction."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from flashpoint.errors import AnalysisError
from flashpoint.plots.base import new_figure, save

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["METRICS", "dyad_figure", "dyad_title", "plot_dyad"]

METRICS = {
    "net_coop": "Net cooperation (Q1+Q2) − (Q3+Q4)",
    "goldstein_sum": "Goldstein sum",
    "goldstein_mean": "Goldstein mean",
    "events": "Events",
}
QUADS = (
    ("q1", "Verbal cooperation", "#74c476"),
    ("q2", "Material cooperation", "#238b45"),
    ("q3", "Verbal conflict", "#fd8d3c"),
    ("q4", "Material conflict", "#cb181d"),
)
LINE_COLOURS = ("#1f77b4", "#9467bd")
SIZE = (11.0, 8.0)  # inches; 1100 × 800 pixels
WIDTHS = {"day": 0.8, "week": 5.5, "month": 24.0}  # bar widths, in days
TICK_FORMATS = {"day": "%Y-%m-%d", "week": "%Y-%m-%d", "month": "%Y-%m"}


def dyad_title(series: pd.DataFrame, metric: str, freq: str) -> str:
    """The default title: the dyads, the measure and period, what is counted and which
    modalities (from the series' ``attrs``)."""
    dyads = " and ".join(d.replace("->", " → ") for d in dict.fromkeys(series["dyad"]))
    attrs = series.attrs
    period = f"{attrs['first_day']} to {attrs['last_day']}" if attrs.get("first_day") else ""
    unit = attrs.get("unit", "clusters")
    counted = {"clusters": "events (clusters of reports)", "events": "events per article",
               "mentions": "mentions"}.get(unit, unit)  # fmt: skip
    per = " per article" if attrs.get("normalised") else ""
    lines = [f"{dyads}: {METRICS[metric].split(' (')[0].lower()} per {freq}, {period}".rstrip(", ")]
    lines.append(f"counting {counted}{per}; {attrs.get('modalities', 'all modalities')}")
    return "\n".join(lines)


def plot_dyad(
    series: pd.DataFrame,
    path: str | Path,
    *,
    metric: str = "net_coop",
    title: str | None = None,
    freq: str = "week",
) -> Path:
    """Draw ``series`` (from :func:`flashpoint.analysis.dyad_series`) to a PNG at ``path``."""
    return save(dyad_figure(series, metric=metric, title=title, freq=freq), path)


def dyad_figure(
    series: pd.DataFrame, *, metric: str = "net_coop", title: str | None = None, freq: str = "week"
) -> Any:
    """The dyad chart as a matplotlib Figure (see :func:`plot_dyad`)."""
    import matplotlib.dates as mdates
    from matplotlib.ticker import MaxNLocator

    if metric not in METRICS:
        raise AnalysisError(f"unknown measure {metric!r}; choose one of {', '.join(METRICS)}")
    dyads = list(dict.fromkeys(series["dyad"]))
    if not dyads:
        raise AnalysisError("nothing to plot: the dyad series is empty")
    normalised = bool(series.attrs.get("normalised"))
    per = " per article" if normalised else ""
    figure = new_figure(*SIZE)
    axes = figure.subplots(1 + len(dyads), 1, sharex=True, height_ratios=[2] + [1] * len(dyads))
    top = axes[0]
    for colour, dyad in zip(LINE_COLOURS, dyads, strict=False):
        part = series[series["dyad"] == dyad]
        top.plot(
            part["period"],
            part[metric],
            marker="o",
            markersize=3,
            color=colour,
            label=dyad.replace("->", " → "),
        )
    top.axhline(0, color="grey", linewidth=0.8)
    top.set_ylabel(METRICS[metric] + (per if metric != "goldstein_mean" else ""))
    top.legend(loc="upper left")
    top.grid(True, alpha=0.3)
    top.set_title(title or dyad_title(series, metric, freq))
    periods = list(dict.fromkeys(series["period"]))
    for ax, dyad in zip(axes[1:], dyads, strict=True):
        part = series[series["dyad"] == dyad]
        bottom = None
        for column, label, colour in QUADS:
            values = part[column].fillna(0).to_numpy()
            ax.bar(
                part["period"],
                values,
                width=WIDTHS.get(freq, 5.5),
                bottom=bottom,
                color=colour,
                label=label,
            )
            bottom = values if bottom is None else bottom + values
        ax.set_ylabel(f"{dyad.replace('->', ' → ')}\nevents{per}")
        ax.grid(True, axis="y", alpha=0.3)
        if not (part["events"].fillna(0) > 0).any():
            # Nothing in this direction: say so, rather than a bare axis around ±0.05.
            ax.set_ylim(0, 1)
            ax.set_yticks([])
            ax.text(0.5, 0.5, "no events", transform=ax.transAxes, ha="center",
                    va="center", color="#555", fontsize=12)  # fmt: skip
        elif not normalised:
            ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    handles, labels = axes[1].get_legend_handles_labels()
    figure.legend(handles, labels, loc="outside lower center", ncols=4, title="Quad class")
    bottom_axis = axes[-1]
    bottom_axis.set_xlabel(f"{freq.capitalize()} starting")
    if len(periods) <= 16:
        bottom_axis.set_xticks(periods)
        bottom_axis.xaxis.set_major_formatter(mdates.DateFormatter(TICK_FORMATS[freq]))
    else:
        locator = mdates.AutoDateLocator()
        bottom_axis.xaxis.set_major_locator(locator)
        bottom_axis.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))
    return figure
