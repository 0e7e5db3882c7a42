"""Look-ups for browsing the store one item at a time: an event, an article, a cluster.

``flashpoint serve`` (the HTTP API and the dashboard) answers "show me this one" with these;
listings and aggregates go through :func:`~flashpoint.store.iter_events` and
:mod:`flashpoint.analysis` like the commands do.  Results are plain records, never ORM objects.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace
from typing import Any

from sqlalchemy import func, select

from flashpoint.store import schema
from flashpoint.store.database import Store
from flashpoint.store.query import (
    EventFilter,
    StoredEvent,
    _iso,
    _timestamp,
    _where,
    event_query,
    mention_records,
    stored_event,
)

__all__ = [
    "SORT_KEYS",
    "StoreCounts",
    "StoredArticle",
    "StoredCluster",
    "article_events",
    "event_page",
    "event_with_article",
    "get_article",
    "get_cluster",
    "get_event",
    "iter_clusters",
    "store_counts",
]


@dataclass(frozen=True, slots=True)
class StoredArticle:
    """One stored article version: its text (what every offset refers to) and metadata."""

    id: int
    doc_id: str
    text: str
    title: str | None
    url: str | None
    locator: str | None
    publisher: str | None
    story_date: str | None
    date_source: str | None
    version: int
    is_current: bool
    coder_version: str
    num_events: int
    num_mentions: int
    ingested_at: str | None
    skip_spans: tuple[tuple[int, int], ...]

    def to_dict(self) -> dict[str, Any]:
        record = {name: getattr(self, name) for name in self.__slots__}  # type: ignore[attr-defined]
        record["skip_spans"] = [list(span) for span in self.skip_spans]
        return record


@dataclass(frozen=True, slots=True)
class StoredCluster:
    """One real-world event: its founding report's dyad and code, and its counts."""

    id: int
    source_code: str | None
    target_code: str | None
    cameo_code: str
    cameo_root: str
    quad_class: int
    goldstein: float
    polarity: str
    location_name: str | None
    location_country: str | None
    first_date: str | None
    last_date: str | None
    first_seen: str | None
    last_seen: str | None
    num_mentions: int
    num_articles: int
    num_sources: int

    def to_dict(self) -> dict[str, Any]:
        return {name: getattr(self, name) for name in self.__slots__}  # type: ignore[attr-defined]


@dataclass(frozen=True, slots=True)
class StoreCounts:
    articles: int  # current article versions
    events: int
    mentions: int
    clusters: int


# Columns an event table can be sorted by (the dashboard's sortable table).
SORT_KEYS = {
    "date": schema.Event.event_date, "source": schema.Event.source_code,
    "target": schema.Event.target_code, "code": schema.Event.cameo_code,
    "quad": schema.Event.quad_class, "goldstein": schema.Event.goldstein,
    "confidence": schema.Event.confidence, "publisher": schema.Event.publisher,
    "mentions": schema.Event.num_mentions,
}  # fmt: skip


def event_page(
    store: Store,
    flt: EventFilter | None = None,
    *,
    sort: str = "date",
    descending: bool = False,
    offset: int = 0,
    limit: int = 50,
) -> list[StoredEvent]:
    """One page of the events matching ``flt``, sorted by ``sort`` (a :data:`SORT_KEYS` key;
    unknown values sort by date), ties broken by row id."""
    column = SORT_KEYS.get(sort, schema.Event.event_date)
    order = [column.desc().nulls_last() if descending else column.asc().nulls_last()]
    E = schema.Event
    order.append(E.id.desc() if descending else E.id)
    query = (
        event_query(replace(flt or EventFilter(), limit=None))
        .order_by(None)
        .order_by(*order)
        .limit(limit)
        .offset(offset)
    )
    with store.session(readonly=True) as session:
        return [stored_event(row) for row in session.execute(query)]


def get_event(store: Store, row_id: int) -> StoredEvent | None:
    """The stored event with row id ``row_id`` (superseded versions too), with its mentions."""
    with store.session(readonly=True) as session:
        return _event(session, row_id)


def _event(session: Any, row_id: int) -> StoredEvent | None:
    query = event_query(EventFilter(include_superseded=True)).where(schema.Event.id == row_id)
    row = session.execute(query).first()
    if row is None:
        return None
    return stored_event(row, mention_records(session, [row.id]).get(row.id, ()))


def article_events(store: Store, article_id: int) -> list[StoredEvent]:
    """Every event coded in article ``article_id``, with its mentions, in text order."""
    E = schema.Event
    query = event_query(EventFilter(include_superseded=True)).where(E.article_id == article_id)
    with store.session(readonly=True) as session:
        rows = session.execute(query).all()
        mentions = mention_records(session, [row.id for row in rows])
        events = [stored_event(row, mentions.get(row.id, ())) for row in rows]
    return sorted(events, key=lambda e: (e.record["evidence"]["start"], e.id))


def get_article(store: Store, article_id: int) -> StoredArticle | None:
    with store.session(readonly=True) as session:
        return _article(session, article_id)


def event_with_article(store: Store, row_id: int) -> tuple[StoredEvent, StoredArticle] | None:
    """:func:`get_event` and the article it came from, read together (one transaction: one
    snapshot, and half the round trips of two look-ups); None when there is no such event."""
    with store.session(readonly=True) as session:
        event = _event(session, row_id)
        if event is None:
            return None
        article = _article(session, event.article_id)
    assert article is not None  # events.article_id is a foreign key
    return event, article


def _article(session: Any, article_id: int) -> StoredArticle | None:
    a = session.get(schema.Article, article_id)
    if a is None:
        return None
    return StoredArticle(
        id=a.id,
        doc_id=a.doc_id,
        text=a.text,
        title=a.title,
        url=a.url,
        locator=a.locator,
        publisher=a.publisher,
        story_date=_iso(a.story_date),
        date_source=a.date_source,
        version=a.version,
        is_current=a.is_current,
        coder_version=a.coder_version,
        num_events=a.num_events,
        num_mentions=a.num_mentions,
        ingested_at=_timestamp(a.ingested_at),
        skip_spans=tuple((int(s), int(e)) for s, e in a.skip_spans or ()),
    )


def _cluster(c: schema.Cluster) -> StoredCluster:
    return StoredCluster(
        id=c.id,
        source_code=c.source_code,
        target_code=c.target_code,
        cameo_code=c.cameo_code,
        cameo_root=c.cameo_root,
        quad_class=c.quad_class,
        goldstein=c.goldstein,
        polarity=c.polarity,
        location_name=c.location_name,
        location_country=c.location_country,
        first_date=_iso(c.first_date),
        last_date=_iso(c.last_date),
        first_seen=_iso(c.first_seen),
        last_seen=_iso(c.last_seen),
        num_mentions=c.num_mentions,
        num_articles=c.num_articles,
        num_sources=c.num_sources,
    )


def get_cluster(store: Store, cluster_id: int) -> StoredCluster | None:
    with store.session(readonly=True) as session:
        c = session.get(schema.Cluster, cluster_id)
        return _cluster(c) if c is not None else None


def iter_clusters(
    store: Store, flt: EventFilter | None = None, *, limit: int = 50, offset: int = 0
) -> Iterator[StoredCluster]:
    """Clusters with at least one event matching ``flt``, the most recently reported first."""
    E, A, C = schema.Event, schema.Article, schema.Cluster
    members = _where(
        select(E.cluster_id).join(A, A.id == E.article_id).where(E.cluster_id.is_not(None)),
        flt or EventFilter(),
    ).order_by(None)
    if (flt or EventFilter()).limit is not None:
        members = members.limit(None)
    query = (
        select(C)
        .where(C.id.in_(members))
        .order_by(C.last_seen.desc().nulls_last(), C.id.desc())
        .limit(limit)
        .offset(offset)
    )
    with store.session(readonly=True) as session:
        for (c,) in session.execute(query):
            yield _cluster(c)


def store_counts(store: Store) -> StoreCounts:
    """How much the store holds (for the health check and the metrics)."""
    with store.session(readonly=True) as session:

        def count(query: Any) -> int:
            return int(session.execute(query).scalar_one())

        return StoreCounts(
            articles=count(
                select(func.count()).select_from(schema.Article).where(schema.Article.is_current)
            ),
            events=count(select(func.count()).select_from(schema.Event)),
            mentions=count(select(func.count()).select_from(schema.Mention)),
            clusters=count(select(func.count()).select_from(schema.Cluster)),
        )
