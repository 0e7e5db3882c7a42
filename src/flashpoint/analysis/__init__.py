"""Aggregates over the event store: event frames, directed dyad series, actor networks.

Importing this package imports pandas (and :mod:`.network` networkx, when called), so the
commands that code articles never import it.  See docs/analysis.md.
"""

from __future__ import annotations

from flashpoint.analysis.actors import check_actor
from flashpoint.analysis.dyads import FREQS, SERIES_COLUMNS, dyad_series
from flashpoint.analysis.frames import (
    AGGREGATE_EXCLUDED,
    FRAME_COLUMNS,
    UNITS,
    aggregate_filter,
    events_frame,
)
from flashpoint.analysis.network import EDGE_COLUMNS, edge_table, event_network, write_graph

__all__ = [
    "AGGREGATE_EXCLUDED",
    "EDGE_COLUMNS",
    "FRAME_COLUMNS",
    "FREQS",
    "SERIES_COLUMNS",
    "UNITS",
    "aggregate_filter",
    "check_actor",
    "dyad_series",
    "edge_table",
    "event_network",
    "events_frame",
    "write_graph",
]
