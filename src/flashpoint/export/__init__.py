"""Streaming exporters: events -> jsonl, json, tsv."""

from .formats import EXPORTERS, TSV_COLUMNS, write_events

__all__ = ["EXPORTERS", "TSV_COLUMNS", "write_events"]
