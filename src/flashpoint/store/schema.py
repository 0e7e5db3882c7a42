"""The event store's tables (SQLAlchemy 2.0 typed declarative models).

- ``articles``: one row per stored version of an article (its text, so it can be recoded).
- ``events``: one row per distinct event in an article; repeated mentions are merged.
- ``mentions``: every sentence that reports an event, with its own evidence and record.
- ``clusters``: one real-world event reported by one or more articles (cross-article dedup).
- ``feeds`` and ``feed_items``: what ``flashpoint watch`` knows of each feed it polls (its
  validators, schedule and counts) and of each item it has taken from one.
- ``alerts``: each alert an alert rule fired, once per rule and window, with its delivery.
- ``store_state``: one row whose ``changes`` counter the database itself raises on every
  committed write to articles, events, mentions or clusters (triggers, revision 0004), so a
  reader can tell in one cheap look-up whether the events changed (``flashpoint serve`` keys
  its caches on it).

Events carry flat, indexed columns for what queries filter and aggregate on, next to the
full JSON record the coder produced (``Event.to_dict()``).  This is the only module that
declares tables; the Alembic revisions in ``migrations/versions`` create the same schema.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    CheckConstraint,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

__all__ = [
    "Alert",
    "Article",
    "Base",
    "Cluster",
    "Event",
    "Feed",
    "FeedItem",
    "Mention",
    "StoreState",
]

JSONType = JSON().with_variant(JSONB(), "postgresql")

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


class Article(Base):
    __tablename__ = "articles"
    __table_args__ = (
        # Idempotency: the same text from the same place is stored once, whatever the race.
        UniqueConstraint("content_hash", "url_key", name="uq_articles_content"),
        # Versions of one article (same URL or file) are numbered without gaps or twins.
        UniqueConstraint("locator", "version", name="uq_articles_version"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    content_hash: Mapped[str] = mapped_column(String(64), index=True)  # SHA-256 of the text
    url_key: Mapped[str] = mapped_column(String(2048), default="")  # url, or "" when unknown
    url: Mapped[str | None] = mapped_column(String(2048))
    locator: Mapped[str | None] = mapped_column(String(2048))  # url, else file path
    version: Mapped[int] = mapped_column(Integer, default=1)
    is_current: Mapped[bool] = mapped_column(Boolean, default=True, index=True)
    doc_id: Mapped[str] = mapped_column(String(200), index=True)
    title: Mapped[str | None] = mapped_column(Text)
    publisher: Mapped[str | None] = mapped_column(String(300), index=True)
    story_date: Mapped[dt.date | None] = mapped_column(Date, index=True)
    date_source: Mapped[str | None] = mapped_column(String(20))
    source: Mapped[str | None] = mapped_column(Text)  # the input it was read from
    text: Mapped[str] = mapped_column(Text)
    skip_spans: Mapped[list[Any]] = mapped_column(JSONType, default=list)
    coder_version: Mapped[str] = mapped_column(String(100), index=True)
    num_events: Mapped[int] = mapped_column(Integer, default=0)
    num_mentions: Mapped[int] = mapped_column(Integer, default=0)
    ingested_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=_now)
    coded_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=_now)

    events: Mapped[list[Event]] = relationship(
        back_populates="article", cascade="all, delete-orphan", passive_deletes=True
    )


class Cluster(Base):
    """One real-world event, reported by one or more articles (see dedupe.py for the rule)."""

    __tablename__ = "clusters"
    __table_args__ = (
        Index("ix_clusters_match", "source_key", "target_key", "cameo_base", "first_date"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    # The representative (founding) event's dyad and code, used to match new reports.
    source_key: Mapped[str | None] = mapped_column(String(50))
    target_key: Mapped[str | None] = mapped_column(String(50))
    source_code: Mapped[str | None] = mapped_column(String(50))
    target_code: Mapped[str | None] = mapped_column(String(50))
    cameo_code: Mapped[str] = mapped_column(String(8))
    cameo_base: Mapped[str] = mapped_column(String(3))
    cameo_root: Mapped[str] = mapped_column(String(2), index=True)
    quad_class: Mapped[int] = mapped_column(Integer)
    goldstein: Mapped[float] = mapped_column(Float)
    polarity: Mapped[str] = mapped_column(String(10))  # factual | irrealis | negated
    location_name: Mapped[str | None] = mapped_column(String(300))
    location_country: Mapped[str | None] = mapped_column(String(3))
    location_feature: Mapped[str | None] = mapped_column(String(20))
    # Event dates of the members (periods of the founding event's precision: day, week,
    # month, year), and when (story dates) the event was first/last reported.
    date_precision: Mapped[str | None] = mapped_column(String(10))
    first_date: Mapped[dt.date | None] = mapped_column(Date)
    last_date: Mapped[dt.date | None] = mapped_column(Date)
    first_seen: Mapped[dt.date | None] = mapped_column(Date)
    last_seen: Mapped[dt.date | None] = mapped_column(Date)
    num_mentions: Mapped[int] = mapped_column(Integer, default=0)
    num_articles: Mapped[int] = mapped_column(Integer, default=0)
    num_sources: Mapped[int] = mapped_column(Integer, default=0)  # distinct publishers
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=_now)


class Event(Base):
    """One distinct event in one article (its mentions merged); the flat columns are those of
    its representative mention, ``record`` is that mention's full coder record."""

    __tablename__ = "events"
    __table_args__ = (
        Index("ix_events_dyad", "source_code", "target_code", "event_date"),
        Index("ix_events_countries", "source_country", "target_country", "event_date"),
        # The target side as the two above serve the source side (revision 0005): a filter
        # on the target, alone or with a period, is answered by indexes, never a scan.
        Index("ix_events_target_dates", "target_code", "event_date"),
        Index("ix_events_target_country_dates", "target_country", "event_date"),
        UniqueConstraint("article_id", "event_id", name="uq_events_article_event"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    article_id: Mapped[int] = mapped_column(
        ForeignKey("articles.id", ondelete="CASCADE"), index=True
    )
    cluster_id: Mapped[int | None] = mapped_column(
        ForeignKey("clusters.id", ondelete="SET NULL"), index=True
    )
    event_id: Mapped[str] = mapped_column(String(64))  # the coder's id of the representative
    coder_version: Mapped[str] = mapped_column(String(100), index=True)
    source_code: Mapped[str | None] = mapped_column(String(50))
    source_name: Mapped[str | None] = mapped_column(String(300))
    source_country: Mapped[str | None] = mapped_column(String(3))
    source_sector: Mapped[str | None] = mapped_column(String(20))
    target_code: Mapped[str | None] = mapped_column(String(50))
    target_name: Mapped[str | None] = mapped_column(String(300))
    target_country: Mapped[str | None] = mapped_column(String(3))
    target_sector: Mapped[str | None] = mapped_column(String(20))
    cameo_code: Mapped[str] = mapped_column(String(8), index=True)
    cameo_base: Mapped[str] = mapped_column(String(3), index=True)
    cameo_root: Mapped[str] = mapped_column(String(2), index=True)
    quad_class: Mapped[int] = mapped_column(Integer, index=True)
    goldstein: Mapped[float] = mapped_column(Float)
    plover_type: Mapped[str | None] = mapped_column(String(50), index=True)
    plover_mode: Mapped[str | None] = mapped_column(String(50))
    modality: Mapped[str] = mapped_column(String(20), index=True)
    # The period the text dates the event to: first day, last day, and day | week | month |
    # year.  No date when the text places the event in the past without saying when.
    event_date: Mapped[dt.date | None] = mapped_column(Date, index=True)
    event_date_end: Mapped[dt.date | None] = mapped_column(Date)
    date_precision: Mapped[str | None] = mapped_column(String(10))
    location_name: Mapped[str | None] = mapped_column(String(300))
    location_country: Mapped[str | None] = mapped_column(String(3), index=True)
    lat: Mapped[float | None] = mapped_column(Float)
    lon: Mapped[float | None] = mapped_column(Float)
    geonameid: Mapped[int | None] = mapped_column(Integer)
    publisher: Mapped[str | None] = mapped_column(String(300), index=True)
    confidence: Mapped[float] = mapped_column(Float, index=True)
    num_mentions: Mapped[int] = mapped_column(Integer, default=1)
    record: Mapped[dict[str, Any]] = mapped_column(JSONType)

    article: Mapped[Article] = relationship(back_populates="events")
    mentions: Mapped[list[Mention]] = relationship(
        back_populates="event", cascade="all, delete-orphan", passive_deletes=True
    )


class Mention(Base):
    """One sentence reporting an event, with its own evidence and full coder record."""

    __tablename__ = "mentions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    event_row_id: Mapped[int] = mapped_column(
        ForeignKey("events.id", ondelete="CASCADE"), index=True
    )
    article_id: Mapped[int] = mapped_column(
        ForeignKey("articles.id", ondelete="CASCADE"), index=True
    )
    event_id: Mapped[str] = mapped_column(String(64))
    sentence_index: Mapped[int] = mapped_column(Integer)
    evidence_text: Mapped[str] = mapped_column(Text)
    evidence_start: Mapped[int] = mapped_column(Integer)
    evidence_end: Mapped[int] = mapped_column(Integer)
    trigger_text: Mapped[str] = mapped_column(Text)
    trigger_start: Mapped[int] = mapped_column(Integer)
    trigger_end: Mapped[int] = mapped_column(Integer)
    cameo_code: Mapped[str] = mapped_column(String(8))
    modality: Mapped[str] = mapped_column(String(20))
    confidence: Mapped[float] = mapped_column(Float)
    record: Mapped[dict[str, Any]] = mapped_column(JSONType)

    event: Mapped[Event] = relationship(back_populates="mentions")


class Feed(Base):
    """A feed or sitemap ``flashpoint watch`` polls: what a restart needs to resume."""

    __tablename__ = "feeds"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    url: Mapped[str] = mapped_column(String(2048), unique=True)  # fit.key() of the URL
    # Validators of the last response whose every item was taken (conditional GET).
    etag: Mapped[str | None] = mapped_column(String(1000))
    last_modified: Mapped[str | None] = mapped_column(String(100))
    last_polled_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))
    last_ok_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))
    # No request before this (a Retry-After, or the backoff after failures).
    not_before: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))
    last_status: Mapped[int | None] = mapped_column(Integer)  # HTTP status; None: no answer
    last_error: Mapped[str | None] = mapped_column(Text)
    failures: Mapped[int] = mapped_column(Integer, default=0)  # consecutive failed polls
    polls: Mapped[int] = mapped_column(Integer, default=0)
    failed_polls: Mapped[int] = mapped_column(Integer, default=0)
    articles: Mapped[int] = mapped_column(Integer, default=0)  # new articles and versions
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=_now)


class FeedItem(Base):
    """An item (entry, sitemap URL) taken from a feed: a new or changed item is one whose key
    is unknown or whose content hash differs."""

    __tablename__ = "feed_items"
    __table_args__ = (UniqueConstraint("feed_id", "item_key", name="uq_feed_items_key"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    feed_id: Mapped[int] = mapped_column(ForeignKey("feeds.id", ondelete="CASCADE"), index=True)
    item_key: Mapped[str] = mapped_column(String(64))  # SHA-256 of its id, else its link
    content_hash: Mapped[str] = mapped_column(String(64))  # SHA-256 of what the feed says
    link: Mapped[str | None] = mapped_column(String(2048))
    # stored | skipped: done; failed: given up; retry: a transient failure, taken again
    status: Mapped[str] = mapped_column(String(20))
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    error: Mapped[str | None] = mapped_column(Text)
    article_id: Mapped[int | None] = mapped_column(
        ForeignKey("articles.id", ondelete="SET NULL"), index=True
    )
    first_seen: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=_now)
    last_seen: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=_now)


class Alert(Base):
    """One alert: a rule that fired for one window (a day, a cluster, a dyad's day)."""

    __tablename__ = "alerts"
    __table_args__ = (
        # One alert per rule and window, whatever the number of polls, restarts or watchers.
        UniqueConstraint("rule", "window_key", name="uq_alerts_window"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    rule: Mapped[str] = mapped_column(String(200), index=True)
    kind: Mapped[str] = mapped_column(String(30))
    window_key: Mapped[str] = mapped_column(String(300))
    window_start: Mapped[dt.date | None] = mapped_column(Date)
    window_end: Mapped[dt.date | None] = mapped_column(Date)
    fired_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), index=True)
    summary: Mapped[str] = mapped_column(Text)
    payload: Mapped[dict[str, Any]] = mapped_column(JSONType)  # what the webhook receives
    # none (no webhook) | pending | delivered | failed (gave up)
    delivery: Mapped[str] = mapped_column(String(20), index=True)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    next_attempt_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))
    delivered_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))
    last_error: Mapped[str | None] = mapped_column(Text)


class StoreState(Base):
    """The store's change counter: a single row (id 1).  Triggers on articles, events,
    mentions and clusters raise ``changes`` in every transaction that writes them (on
    PostgreSQL once per transaction, at commit), whatever program writes."""

    __tablename__ = "store_state"
    __table_args__ = (CheckConstraint("id = 1", name="single_row"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    changes: Mapped[int] = mapped_column(BigInteger, default=0)
