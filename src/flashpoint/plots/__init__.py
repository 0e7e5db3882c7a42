"""PNG charts of the analyses, drawn with matplotlib's Agg renderer (no display needed).

Importing this package imports nothing heavy; each function imports matplotlib when called.
"""

from __future__ import annotations

from flashpoint.plots.dyad import plot_dyad
from flashpoint.plots.network import plot_network

__all__ = ["plot_dyad", "plot_network"]
