"""A matplotlib Figure on the Agg canvas: no pyplot, no global backend, no display."""

from __future__ import annotations

from pathlib import Path
from typing import Any

__all__ = ["DPI", "new_figure", "save"]

DPI = 100


def new_figure(width: float, height: float) -> Any:
    """A figure of ``width`` × ``height`` inches (× DPI pixels) with constrained layout."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    figure = Figure(figsize=(width, height), dpi=DPI, layout="constrained")
    FigureCanvasAgg(figure)
    return figure


def save(figure: Any, path: str | Path) -> Path:
    """Write ``figure`` as a PNG of exactly its size in pixels."""
    path = Path(path)
    figure.savefig(path, format="png", dpi=DPI)
    return path
