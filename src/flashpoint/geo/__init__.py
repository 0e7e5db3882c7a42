"""Geo stage: resolve place mentions to ``flashpoint.records.Location`` without the network."""

from __future__ import annotations

from flashpoint.geo.gazetteer import Gazetteer, get_gazetteer

__all__ = ["Gazetteer", "get_gazetteer"]
