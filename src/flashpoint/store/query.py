"""Read events back: one filter type shared by ``flashpoint events`` and later analyses.

Results are plain records (:class:`StoredEvent`), never ORM objects, so callers need no
session and no SQLAlchemy.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace
from typing import Any, ClassVar

from sqlalchemy import ColumnElement, Select, func, or_, select
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.visitors import InternalTraversal

from flashpoint.store import schema
from flashpoint.store.database import Store

__all__ = [
    "EVENT_ROW_COLUMNS",
    "ClusterInfo",
    "EventCursor",
    "EventFilter",
    "StoredEvent",
    "StoredMention",
    "article_counts",
    "article_texts",
    "event_query",
    "iter_event_rows",
    "iter_events",
    "iter_mentions",
    "mention_records",
    "store_identity",
    "stored_event",
    "undated_count",
]


# (event date, row id) of the last event of a page: where the next page starts.
EventCursor = tuple[dt.date | None, int]


@dataclass(frozen=True, slots=True)
class EventFilter:
    """Which stored events to return; every field left at its default matches everything.

    ``source``/``target`` match an actor code prefix or a country: ``USA`` matches USA,
    USAGOV and USAMIL, and any actor whose country is USA; ``actor`` does the same for either
    side.  ``sectors`` match the sector of either actor, ``source_sectors``/``target_sectors``
    one side.  ``roots`` are two-digit CAMEO roots, ``codes`` CAMEO code prefixes,
    ``plover_types`` PLOVER event types (``ASSAULT``).  A value that can match no event
    raises :class:`~flashpoint.errors.FilterError` (a ``ValueError``; see
    :mod:`flashpoint.filters`).  ``modalities`` keeps only those
    modalities, ``exclude_modalities`` drops those.  ``since``/``until`` bound the event date
    (inclusive): an event dated to a week, month or year matches only when its whole period
    lies inside, and an event without a date never does.  Superseded article versions are
    left out unless ``include_superseded``.
    """

    source: str | None = None
    target: str | None = None
    since: dt.date | None = None
    until: dt.date | None = None
    roots: Sequence[str] = ()
    codes: Sequence[str] = ()
    quad_classes: Sequence[int] = ()
    modalities: Sequence[str] = ()
    publisher: str | None = None
    min_confidence: float = 0.0
    actor: str | None = None
    sectors: Sequence[str] = ()
    source_sectors: Sequence[str] = ()
    target_sectors: Sequence[str] = ()
    plover_types: Sequence[str] = ()
    exclude_modalities: Sequence[str] = ()
    cluster_id: int | None = None
    include_superseded: bool = False
    limit: int | None = None

    def __post_init__(self) -> None:
        # A value that can match nothing is a FilterError (a ValueError) here, when the
        # filter is made, rather than a silent "0 events" later; values are stored in the
        # spelling the database holds ("negated", "GOV", "02").
        from flashpoint.filters import check_filter

        for name, value in check_filter(self).items():
            object.__setattr__(self, name, value)


@dataclass(frozen=True, slots=True)
class ClusterInfo:
    id: int
    num_mentions: int
    num_articles: int
    num_sources: int
    first_seen: str | None
    last_seen: str | None

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "num_mentions": self.num_mentions,
            "num_articles": self.num_articles,
            "num_sources": self.num_sources,
            "first_seen": self.first_seen,
            "last_seen": self.last_seen,
        }


@dataclass(frozen=True, slots=True)
class StoredEvent:
    """A stored event: the coder's record plus where it came from and its cluster."""

    id: int
    article_id: int
    record: dict[str, Any]
    num_mentions: int
    publisher: str | None
    url: str | None
    title: str | None
    story_date: str | None
    cluster: ClusterInfo | None
    mentions: tuple[dict[str, Any], ...] = field(default=())
    # The period the text dates the event to (first day, last day, day | week | month |
    # year), taken from the first mention that states a date; all None when it has none.
    event_date: str | None = None
    event_date_end: str | None = None
    date_precision: str | None = None
    ingested_at: str | None = None  # when the article was stored (UTC, ISO 8601)
    locator: str | None = None  # the article's URL, else the file it was read from

    @property
    def cursor(self) -> EventCursor:
        """Where this event sits in the listing order, for keyset pagination (``after=``)."""
        day = dt.date.fromisoformat(self.event_date) if self.event_date else None
        return (day, self.id)

    def to_dict(self) -> dict[str, Any]:
        """The documented event record (dated as the stored event), plus ``article``,
        ``num_mentions`` and ``cluster``."""
        return {
            **self.record,
            "date": self.event_date,
            "date_precision": self.date_precision,
            "num_mentions": self.num_mentions,
            "article": {
                "id": self.article_id,
                "url": self.url,
                "title": self.title,
                "publisher": self.publisher,
                "story_date": self.story_date,
            },
            "cluster": self.cluster.to_dict() if self.cluster else None,
        }


def _actor(column_code: Any, column_country: Any, value: str) -> Any:
    value = value.strip().upper()
    if value.isascii() and value.isalpha():
        # An actor code prefix as a range (USA <= code < USB), which the events' indexes
        # can answer; LIKE 'USA%' makes every listing filtered by actor scan the table.
        following = value[:-1] + chr(ord(value[-1]) + 1)
        prefix = (column_code >= value) & (column_code < following)
    else:
        prefix = column_code.startswith(value, autoescape=True)
    return or_(prefix, column_country == value)


class _Broad(ColumnElement[Any]):
    """A column whose index must not choose the query plan: ``+column`` on SQLite (the
    unary plus keeps the value and hides the index), the column itself elsewhere.

    SQLite has no statistics to tell a selective index from a useless one, so it answers
    ``quad=1`` or ``root=19,02`` through the quad or root index (a quarter of the store),
    then sorts every match by date, where walking the date index stops after one page
    (a page of 100 events of 105,000 filtered by root: 50 ms against 2).  Columns with a
    handful of values (quad class, root, modality, PLOVER type, sector) and confidence
    bounds are never selective enough to be worth it; PostgreSQL, which keeps statistics,
    decides for itself."""

    inherit_cache = True
    _traverse_internals: ClassVar[Any] = [("column", InternalTraversal.dp_clauseelement)]

    def __init__(self, column: Any):
        self.column = column
        self.type = column.type


@compiles(_Broad)
def _broad_column(element: _Broad, compiler: Any, **kw: Any) -> str:
    return str(compiler.process(element.column, **kw))


@compiles(_Broad, "sqlite")
def _broad_column_sqlite(element: _Broad, compiler: Any, **kw: Any) -> str:
    return "+" + str(compiler.process(element.column, **kw))


def _upper(values: Sequence[str]) -> list[str]:
    return [v.strip().upper() for v in values]


def _needs_current_check(session: Any, flt: EventFilter) -> bool:
    """Whether a read must leave out superseded article versions by joining each event with
    its article: not when the filter keeps them, nor when the store holds none (one look-up
    in the is_current index).  The join is most of the cost of a page found through an
    index: it reads every candidate's article (source RUS: 4 ms on SQLite against 0.6 from
    the indexes alone; on PostgreSQL a hash of every article, 1.2 ms of a 1.7 ms page).
    The look-up must share the listing's snapshot, or a version superseded between the two
    statements would be shown: SQLite's read transactions and the store's PostgreSQL reads
    (REPEATABLE READ) do; a PostgreSQL session in READ COMMITTED, whose statements each see
    the latest commits, always joins."""
    if flt.include_superseded:
        return False
    if session.get_bind().dialect.name != "sqlite" and not _one_snapshot(session):
        return True
    A = schema.Article
    return session.scalar(select(A.id).where(A.is_current.is_(False)).limit(1)) is not None


def _one_snapshot(session: Any) -> bool:
    level = session.connection().get_execution_options().get("isolation_level")
    return level in ("REPEATABLE READ", "SERIALIZABLE")


def _indexed_terms(flt: EventFilter) -> list[Any]:
    """The conditions of ``flt`` an index can answer and that may match few events: the
    actors, the publisher, the cluster."""
    E = schema.Event
    terms = []
    if flt.source:
        terms.append(_actor(E.source_code, E.source_country, flt.source))
    if flt.target:
        terms.append(_actor(E.target_code, E.target_country, flt.target))
    if flt.actor:
        terms.append(
            or_(
                _actor(E.source_code, E.source_country, flt.actor),
                _actor(E.target_code, E.target_country, flt.actor),
            )
        )
    if flt.publisher:
        terms.append(E.publisher == flt.publisher)
    if flt.cluster_id is not None:
        terms.append(E.cluster_id == flt.cluster_id)
    return terms


def _where(
    query: Select[Any], flt: EventFilter, *, check_current: bool = True, by_date: bool = True
) -> Select[Any]:
    """``query`` (over events joined with their article) restricted to ``flt``.  With
    ``check_current`` false, superseded articles are not looked for (see
    :func:`_needs_current_check`; the query then needs no join with the articles).  With
    ``by_date`` false, the date bounds do not choose the plan either (see
    :func:`_walk_dates`)."""
    E, A = schema.Event, schema.Article
    if not flt.include_superseded and check_current:
        # Wrapped so SQLite cannot use the is_current index: nearly every article is
        # current, yet with the index it walks all articles and their events instead of
        # using the events' own indexes for the other filters (50 ms -> 4 ms on 100,000).
        query = query.where(func.coalesce(A.is_current, False))
    query = query.where(*_indexed_terms(flt))
    day = E.event_date if by_date else _Broad(E.event_date)
    if flt.since:
        query = query.where(day >= flt.since)
    if flt.until:
        # The first condition is implied by the second (an event ends on or after the day
        # it starts), but unlike it lets a walk of the date index stop at ``until``.
        query = query.where(
            day <= flt.until, func.coalesce(E.event_date_end, E.event_date) <= flt.until
        )
    if flt.roots:
        query = query.where(_Broad(E.cameo_root).in_([r.zfill(2) for r in flt.roots]))
    if flt.codes:
        query = query.where(or_(*(E.cameo_code.startswith(c, autoescape=True) for c in flt.codes)))
    if flt.quad_classes:
        query = query.where(_Broad(E.quad_class).in_(list(flt.quad_classes)))
    if flt.modalities:
        query = query.where(_Broad(E.modality).in_(list(flt.modalities)))
    if flt.exclude_modalities:
        query = query.where(_Broad(E.modality).not_in(list(flt.exclude_modalities)))
    if flt.sectors:
        sectors = _upper(flt.sectors)
        query = query.where(or_(E.source_sector.in_(sectors), E.target_sector.in_(sectors)))
    if flt.source_sectors:
        query = query.where(E.source_sector.in_(_upper(flt.source_sectors)))
    if flt.target_sectors:
        query = query.where(E.target_sector.in_(_upper(flt.target_sectors)))
    if flt.plover_types:
        query = query.where(_Broad(E.plover_type).in_(_upper(flt.plover_types)))
    if flt.min_confidence:
        query = query.where(_Broad(E.confidence) >= flt.min_confidence)
    query = query.order_by(E.event_date.is_(None), E.event_date, E.id)
    if flt.limit is not None:
        query = query.limit(flt.limit)
    return query


def _listing_columns() -> list[Any]:
    """What a :class:`StoredEvent` is made of, as plain labelled columns: rows come back as
    tuples, never ORM objects, which a page of events would spend most of its time building."""
    E, A, C = schema.Event, schema.Article, schema.Cluster
    return [
        E.id, E.article_id, E.record, E.num_mentions, E.publisher, E.event_date,
        E.event_date_end, E.date_precision, A.url, A.title, A.story_date, A.ingested_at,
        A.locator, C.id.label("cluster_id"), C.num_mentions.label("cluster_mentions"),
        C.num_articles.label("cluster_articles"), C.num_sources.label("cluster_sources"),
        C.first_seen.label("cluster_first_seen"), C.last_seen.label("cluster_last_seen"),
    ]  # fmt: skip


def event_query(flt: EventFilter) -> Select[Any]:
    """The SELECT for ``flt`` over events joined with their article and cluster; each row
    makes one :class:`StoredEvent` through :func:`stored_event`."""
    return _where(_event_select(), flt)


def _event_select() -> Select[Any]:
    E, A, C = schema.Event, schema.Article, schema.Cluster
    return (
        select(*_listing_columns()).join(A, A.id == E.article_id).outerjoin(C, C.id == E.cluster_id)
    )


# The flat columns of :func:`iter_event_rows`: no JSON record, so aggregates stay cheap.
EVENT_ROW_COLUMNS = (
    "id", "article_id", "cluster_id", "event_id", "event_date", "event_date_end",
    "date_precision", "source_code", "source_name",
    "source_country", "source_sector", "target_code", "target_name", "target_country",
    "target_sector", "cameo_code", "cameo_base", "cameo_root", "quad_class", "goldstein",
    "plover_type", "plover_mode", "modality", "location_name", "location_country", "lat", "lon",
    "geonameid", "publisher", "confidence", "num_mentions", "url", "story_date",
    "cluster_mentions", "cluster_articles", "cluster_sources", "locator",
)  # fmt: skip


def _row_column(name: str) -> Any:
    """The SELECT expression of one of :data:`EVENT_ROW_COLUMNS`."""
    E, A, C = schema.Event, schema.Article, schema.Cluster
    joined = {
        "url": A.url,
        "story_date": A.story_date,
        "locator": A.locator,
        "cluster_mentions": C.num_mentions,
        "cluster_articles": C.num_articles,
        "cluster_sources": C.num_sources,
    }
    column = joined[name] if name in joined else getattr(E, name)
    return column.label(name)


def iter_event_rows(
    store: Store,
    flt: EventFilter | None = None,
    *,
    columns: Sequence[str] = EVENT_ROW_COLUMNS,
) -> Iterator[dict[str, Any]]:
    """Stream the flat columns (:data:`EVENT_ROW_COLUMNS`, or those of them in ``columns``)
    of the events matching ``flt``, in event-date order, with their article's URL, story
    date and locator (the URL, else the file it was read from) and their cluster's counts.
    An aggregate that needs a few columns asks for those: fetching and typing the others
    costs more than the aggregate itself."""
    E, A, C = schema.Event, schema.Article, schema.Cluster
    names = tuple(columns)
    unknown = set(names) - set(EVENT_ROW_COLUMNS)
    if unknown:
        raise ValueError(f"not event row columns: {', '.join(sorted(unknown))}")
    flt = flt or EventFilter()
    query = select(*map(_row_column, names))
    with store.session(readonly=True) as session:
        check = _needs_current_check(session, flt)
        if check or {"url", "story_date", "locator"} & set(names):
            query = query.join(A, A.id == E.article_id)
        if any(name.startswith("cluster_") and name != "cluster_id" for name in names):
            query = query.outerjoin(C, C.id == E.cluster_id)
        query = _where(query, flt, check_current=check)
        for row in session.execute(query.execution_options(yield_per=2000)):
            yield dict(zip(names, row, strict=True))


def article_counts(
    store: Store,
    since: dt.date | None = None,
    until: dt.date | None = None,
    publisher: str | None = None,
) -> dict[dt.date, int]:
    """Current articles stored per story date (the coverage that event counts depend on)."""
    A = schema.Article
    query = (
        select(A.story_date, func.count())
        .where(A.is_current, A.story_date.is_not(None))
        .group_by(A.story_date)
    )
    if since:
        query = query.where(A.story_date >= since)
    if until:
        query = query.where(A.story_date <= until)
    if publisher:
        query = query.where(A.publisher == publisher)
    with store.session(readonly=True) as session:
        return {day: count for day, count in session.execute(query)}


def undated_count(store: Store, flt: EventFilter | None = None) -> int:
    """How many events matching ``flt`` (its date bounds aside) have no event date: the
    text places them in the past without saying when, or nothing dates their story.  Dated
    aggregates leave them out and report this count instead."""
    flt = replace(flt or EventFilter(), since=None, until=None, limit=None)
    E, A = schema.Event, schema.Article
    query = select(func.count()).select_from(E).join(A, A.id == E.article_id)
    query = _where(query, flt).where(E.event_date.is_(None)).order_by(None)
    with store.session(readonly=True) as session:
        return int(session.scalar(query) or 0)


def _iso(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None


def _timestamp(value: dt.datetime | None) -> str | None:
    """UTC ISO 8601; SQLite hands back naive datetimes, which were stored as UTC."""
    if value is None:
        return None
    if value.tzinfo is None:
        value = value.replace(tzinfo=dt.UTC)
    return value.astimezone(dt.UTC).isoformat()


# Up to this many events, a listing finds their ids first and then reads their rows.
_PAGE_ROWS = 1000


def iter_events(
    store: Store,
    flt: EventFilter | None = None,
    *,
    with_mentions: bool = False,
    after: EventCursor | None = None,
) -> Iterator[StoredEvent]:
    """Stream the stored events matching ``flt`` in event-date order (undated events last);
    with ``after`` (the :attr:`StoredEvent.cursor` of the last event of a page), only the
    events after it."""
    flt = flt or EventFilter()
    with store.session(readonly=True) as session:
        if flt.limit is not None and flt.limit <= _PAGE_ROWS:
            rows: Iterator[Sequence[Any]] = iter([_page_rows(session, flt, after)])
        else:
            rows = _streamed_rows(session, flt, after)
        for chunk in rows:
            mentions = mention_records(session, [r.id for r in chunk]) if with_mentions else {}
            for row in chunk:
                yield stored_event(row, mentions.get(row.id, ()))


def _streamed_rows(session: Any, flt: EventFilter, after: EventCursor | None) -> Iterator[Any]:
    """The rows of the listing, in chunks of 500, as the database walks them."""
    remaining = flt.limit
    for query in _listing(flt, after, _event_select()):
        if remaining is not None:
            if remaining <= 0:
                return
            query = query.limit(remaining)
        for chunk in session.execute(query.execution_options(yield_per=500)).partitions():
            yield chunk
            if remaining is not None:
                remaining -= len(chunk)


def _page_rows(session: Any, flt: EventFilter, after: EventCursor | None) -> list[Any]:
    """One page of the listing: the ids in order first, then the rows of just those.  When
    the database does sort the matches (a selective filter, answered through its index),
    it sorts (date, id) pairs rather than whole rows with their JSON records."""
    E, A = schema.Event, schema.Article
    assert flt.limit is not None
    walk = _walk_dates(session, flt)
    check = _needs_current_check(session, flt)
    narrow = select(E.id).join(A, A.id == E.article_id) if check else select(E.id)
    ids: list[int] = []
    for query in _listing(flt, after, narrow, walk=walk, check_current=check):
        if len(ids) >= flt.limit:
            break
        ids += session.scalars(query.limit(flt.limit - len(ids))).all()
    if not ids:
        return []
    found = {row.id: row for row in session.execute(_event_select().where(E.id.in_(ids)))}
    # An event replaced between the two reads (a recode) is left out of this page.
    return [found[i] for i in ids if i in found]


def _walk_dates(session: Any, flt: EventFilter) -> bool:
    """Whether a page should walk the date index, or let an index of the filter find the
    matches and sort them.  PostgreSQL decides from its statistics; SQLite, which has none,
    walks whenever it can, which costs a page's worth of rows when matches are common but
    the whole table (or date range) when they are rare (quad 2 and target FRA: 65 ms for a
    page of 105,000 events against 9).  So on SQLite, when the filter has an actor,
    publisher or cluster, counts stopped at 1/20 of the store (index entries, about a
    millisecond each) estimate both: the index visits its matches; the walk visits rows
    until it has found a page of them (at their density), at most those of the date range."""
    if session.get_bind().dialect.name != "sqlite":
        return True
    terms = _indexed_terms(flt)
    if not terms:
        return True
    E = schema.Event
    size = int(session.scalar(select(func.max(E.id))) or 0)
    cap = max(2000, size // 20)

    def count(*where: Any) -> int:
        capped = select(E.id).where(*where).limit(cap).subquery()
        return int(session.scalar(select(func.count()).select_from(capped)) or 0)

    matches = count(*terms)
    walked = (flt.limit or 1) * size / max(matches, 1)
    if flt.since or flt.until:
        low, high = flt.since or dt.date.min, flt.until or dt.date.max
        walked = min(walked, count(E.event_date >= low, E.event_date <= high))
    return walked < matches


def _listing(
    flt: EventFilter,
    after: EventCursor | None,
    query: Select[Any],
    *,
    walk: bool = True,
    check_current: bool = True,
) -> list[Select[Any]]:
    """``query`` (over events joined with their article) for the listing, as two queries,
    dated events by (date, id) then undated ones by id: the same order as
    :func:`event_query`'s, but each can walk an index instead of sorting every match (a
    page of a 100,000-event store: well under a millisecond instead of ~100 ms).  With
    ``walk`` false, the date index is not used for the order (see :func:`_walk_dates`)."""
    E = schema.Event
    base = _where(
        query, replace(flt, limit=None), check_current=check_current, by_date=walk
    ).order_by(None)
    day_order = E.event_date if walk else _Broad(E.event_date)
    # IS NOT NULL is answered by the date index too: off it as well when not walking it.
    dated = base.where(day_order.is_not(None)).order_by(day_order, E.id)
    undated = base.where(E.event_date.is_(None)).order_by(E.id)
    if after is None:
        return [dated, undated]
    day, row_id = after
    if day is None:
        return [undated.where(E.id > row_id)]
    return [dated.where(or_(E.event_date > day, (E.event_date == day) & (E.id > row_id))), undated]


def mention_records(session: Any, event_row_ids: Sequence[int]) -> dict[int, tuple[Any, ...]]:
    """The records of the mentions of each event in ``event_row_ids``, in the order they
    were stored (one query for a whole page of events)."""
    M = schema.Mention
    if not event_row_ids:
        return {}
    found: dict[int, list[Any]] = {}
    query = (
        select(M.event_row_id, M.record)
        .where(M.event_row_id.in_(list(event_row_ids)))
        .order_by(M.event_row_id, M.id)
    )
    for row_id, record in session.execute(query):
        found.setdefault(row_id, []).append(record)
    return {row_id: tuple(records) for row_id, records in found.items()}


def stored_event(row: Any, mentions: Sequence[dict[str, Any]] = ()) -> StoredEvent:
    """A :class:`StoredEvent` from one row of :func:`event_query` and its mentions' records."""
    cluster = None
    if row.cluster_id is not None:
        cluster = ClusterInfo(
            id=row.cluster_id,
            num_mentions=row.cluster_mentions,
            num_articles=row.cluster_articles,
            num_sources=row.cluster_sources,
            first_seen=_iso(row.cluster_first_seen),
            last_seen=_iso(row.cluster_last_seen),
        )
    return StoredEvent(
        id=row.id,
        article_id=row.article_id,
        record=row.record,
        num_mentions=row.num_mentions,
        publisher=row.publisher,
        url=row.url,
        title=row.title,
        story_date=_iso(row.story_date),
        cluster=cluster,
        mentions=tuple(mentions),
        event_date=_iso(row.event_date),
        event_date_end=_iso(row.event_date_end or row.event_date),
        # Rows stored before dates had a precision were single days (until recoded).
        date_precision=(row.date_precision or "day") if row.event_date is not None else None,
        ingested_at=_timestamp(row.ingested_at),
        locator=row.locator,
    )


@dataclass(frozen=True, slots=True)
class StoredMention:
    """One sentence reporting a stored event, with the article it is in (for the GDELT
    Mentions table)."""

    event_row_id: int
    cluster_id: int | None
    article_id: int
    sentence_index: int
    record: dict[str, Any]  # the coder's record for this sentence
    confidence: float
    url: str | None
    locator: str | None
    publisher: str | None
    ingested_at: str | None
    doc_length: int  # characters of the article text


def iter_mentions(
    store: Store,
    *,
    cluster_ids: Sequence[int] = (),
    event_row_ids: Sequence[int] = (),
) -> Iterator[StoredMention]:
    """The mentions of the events in ``cluster_ids`` (every member, in every current
    article) and of the events ``event_row_ids``, by article and sentence."""
    E, A, M = schema.Event, schema.Article, schema.Mention
    if not cluster_ids and not event_row_ids:
        return
    query = (
        select(
            M.event_row_id, E.cluster_id, M.article_id, M.sentence_index, M.record,
            M.confidence, A.url, A.locator, A.publisher, A.ingested_at, func.length(A.text),
        )
        .join(E, E.id == M.event_row_id)
        .join(A, A.id == M.article_id)
        .where(A.is_current)
        .where(or_(E.cluster_id.in_(list(cluster_ids)), E.id.in_(list(event_row_ids))))
        .order_by(E.cluster_id, M.article_id, M.sentence_index, M.id)
    )  # fmt: skip
    with store.session(readonly=True) as session:
        for row in session.execute(query):
            yield StoredMention(
                event_row_id=row[0],
                cluster_id=row[1],
                article_id=row[2],
                sentence_index=row[3],
                record=row[4],
                confidence=row[5],
                url=row[6],
                locator=row[7],
                publisher=row[8],
                ingested_at=_timestamp(row[9]),
                doc_length=int(row[10] or 0),
            )


def article_texts(store: Store, article_ids: Sequence[int]) -> dict[int, tuple[str, list[Any]]]:
    """The text and boilerplate spans (``skip_spans``) of each article in ``article_ids``."""
    A = schema.Article
    if not article_ids:
        return {}
    query = select(A.id, A.text, A.skip_spans).where(A.id.in_(list(article_ids)))
    with store.session(readonly=True) as session:
        return {id_: (text, list(spans or ())) for id_, text, spans in session.execute(query)}


def store_identity(store: Store) -> str | None:
    """A stable identity for the store's content, for ids that must not collide across
    stores: a hash of its first article's content hash, document id and storage time (the
    first article is never deleted, so the identity lasts as long as the store; a copy of
    the store keeps it, as it holds the same events).  None for an empty store."""
    import hashlib

    A = schema.Article
    query = select(A.content_hash, A.doc_id, A.ingested_at).order_by(A.id).limit(1)
    with store.session(readonly=True) as session:
        row = session.execute(query).first()
    if row is None:
        return None
    key = f"{row[0]}|{row[1]}|{_timestamp(row[2])}"
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:32]
