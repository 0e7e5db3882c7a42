"""The event store: articles, events, mentions and event clusters in SQLite or PostgreSQL.

This is the only package that imports SQLAlchemy.  See docs/store.md.
"""

from __future__ import annotations

from flashpoint.store.database import Store, normalise_url, open_store
from flashpoint.store.dedupe import merge_mentions, same_event
from flashpoint.store.pipeline import IngestSummary, ingest_documents
from flashpoint.store.query import (
    EVENT_ROW_COLUMNS,
    ClusterInfo,
    EventCursor,
    EventFilter,
    StoredEvent,
    StoredMention,
    article_counts,
    article_texts,
    iter_event_rows,
    iter_events,
    iter_mentions,
    store_identity,
    undated_count,
)
from flashpoint.store.recode import RecodeSummary, recode_articles, stale_article_ids
from flashpoint.store.writer import WriteResult, content_hash, write_article

__all__ = [
    "EVENT_ROW_COLUMNS",
    "ClusterInfo",
    "EventCursor",
    "EventFilter",
    "IngestSummary",
    "RecodeSummary",
    "Store",
    "StoredEvent",
    "StoredMention",
    "WriteResult",
    "article_counts",
    "article_texts",
    "content_hash",
    "ingest_documents",
    "iter_event_rows",
    "iter_events",
    "iter_mentions",
    "merge_mentions",
    "normalise_url",
    "open_store",
    "recode_articles",
    "same_event",
    "stale_article_ids",
    "store_identity",
    "undated_count",
    "write_article",
]
