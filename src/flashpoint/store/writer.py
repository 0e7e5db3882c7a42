"""Write one coded article (the article, its events, their mentions, their clusters) in one
transaction.

Idempotency: an article is identified by the SHA-256 of its text, together with its URL when
it has one.  The same text from the same URL (or, without a URL, the same text at all) is
"skipped": a unique constraint on (content_hash, url_key) guarantees it even when two
processes race or a killed run is replayed, and the writer turns that violation into a skip.
A different text at a known URL or file path is stored as a new *version*; the previous
version stays in the database with ``is_current = false`` and no longer counts in clusters.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import delete, func, select, text, update
from sqlalchemy.exc import DataError, IntegrityError
from sqlalchemy.orm import Session

from flashpoint.errors import InputError, StoreError
from flashpoint.ingest.documents import Document
from flashpoint.records import Event
from flashpoint.settings import MAX_DEDUPE_WINDOW, get_setting
from flashpoint.store import schema
from flashpoint.store.database import Store
from flashpoint.store.dedupe import (
    MergedEvent,
    actor_key,
    codes_match,
    codes_match_actor,
    dated_by,
    merge_mentions,
    places_match,
    polarity,
    same_family,
)
from flashpoint.store.fit import key

__all__ = [
    "MAX_WINDOW",
    "WriteResult",
    "content_hash",
    "dedupe_window",
    "find_stored",
    "write_article",
]


@dataclass(frozen=True, slots=True)
class WriteResult:
    status: str  # "new" | "version" | "skipped"
    article_id: int | None
    events: int = 0
    mentions: int = 0
    undated: int = 0  # events without an event date (see dedupe.dated_by)


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


MAX_WINDOW = MAX_DEDUPE_WINDOW


def dedupe_window(days: int | None = None) -> int:
    """The clustering window in days: ``days`` if given, else FLASHPOINT_DEDUPE_WINDOW."""
    raw = str(days) if days is not None else get_setting("dedupe_window")
    try:
        value = int(raw)
    except ValueError:
        value = -1
    if not 0 <= value <= MAX_WINDOW:
        raise StoreError(
            f"the dedupe window must be a whole number of days from 0 to {MAX_WINDOW}, "
            f"got {raw!r}; fix --window or FLASHPOINT_DEDUPE_WINDOW"
        )
    return value


def find_stored(session: Session, document: Document) -> int | None:
    """The id of the stored article this document duplicates, or None."""
    article = document.article
    query = select(schema.Article.id).where(
        schema.Article.content_hash == content_hash(article.text)
    )
    if article.url:
        query = query.where(schema.Article.url_key == key(article.url))
    return session.scalars(query.limit(1)).first()


def write_article(
    store: Store,
    document: Document,
    events: Sequence[Event],
    *,
    coder_version: str,
    window: int | None = None,
) -> WriteResult:
    """Store ``document`` and its coded ``events`` atomically; see the module docstring.

    Raises InputError when the database refuses this article's values (the rows are fitted
    to their columns first, see fit.py, so this is a last resort that keeps a run going)."""
    window = dedupe_window(window)
    for attempt in range(3):
        try:
            with store.session() as session:
                stored = find_stored(session, document)
                if stored is not None:
                    return WriteResult("skipped", stored)
                return _insert(session, document, events, coder_version, window)
        except DataError as exc:
            reason = str(exc.orig).strip().splitlines()[0] if exc.orig else type(exc).__name__
            raise InputError(
                f"{document.name}: the database refused the article ({reason}); not stored"
            ) from None
        except IntegrityError:
            # Another process (or a replay of a killed run) stored the same article first:
            # a skip.  Otherwise it stored another version of it at the same moment: try
            # again, now as the next version.
            with store.session(readonly=True) as session:
                stored = find_stored(session, document)
            if stored is not None:
                return WriteResult("skipped", stored)
            if attempt == 2:
                raise
    raise AssertionError("unreachable")


def _insert(
    session: Session,
    document: Document,
    events: Sequence[Event],
    coder_version: str,
    window: int,
) -> WriteResult:
    article = document.article
    previous: list[schema.Article] = []
    version = 1
    locator = key(document.locator)
    if locator:
        previous = list(
            session.scalars(
                select(schema.Article).where(
                    schema.Article.locator == locator, schema.Article.is_current
                )
            )
        )
        top = session.scalar(
            select(func.max(schema.Article.version)).where(schema.Article.locator == locator)
        )
        version = (top or 0) + 1
    row = schema.Article(
        content_hash=content_hash(article.text),
        url_key=key(article.url) or "",
        url=article.url,
        locator=locator,
        version=version,
        is_current=True,
        doc_id=article.doc_id,
        title=article.title,
        publisher=document.publisher,
        story_date=_day(article.date),
        date_source=document.date_source,
        source=article.source,
        text=article.text,
        skip_spans=[list(span) for span in article.skip_spans],
        coder_version=coder_version,
    )
    session.add(row)
    session.flush()
    touched: set[int] = set()
    for old in previous:
        old.is_current = False
        touched |= _clusters_of(session, old.id)
    session.flush()
    n_events, n_mentions, undated = add_events(session, row, events, window, touched)
    refresh_clusters(session, touched)
    return WriteResult("version" if previous else "new", row.id, n_events, n_mentions, undated)


def add_events(
    session: Session,
    article: schema.Article,
    events: Sequence[Event],
    window: int,
    touched: set[int],
) -> tuple[int, int, int]:
    """Merge, store and cluster an article's events; the caller refreshes ``touched``.
    Returns the events, mentions and events without a date stored.

    Statements are batched per article (events, then mentions, then clusters), since the
    per-row round trips of the ORM otherwise cost more than the coding."""
    merged = merge_mentions(events)
    records = {id(e): e.to_dict() for e in events}  # each record serialised once
    rows = [_event_row(article, item, records[id(item.representative)]) for item in merged]
    session.add_all(rows)
    session.flush()
    session.add_all(
        _mention_row(article, row, mention, records[id(mention)])
        for row, item in zip(rows, merged, strict=True)
        for mention in item.mentions
    )
    touched |= _assign_clusters(session, article, rows, merged, window, touched)
    article.num_events = len(merged)
    article.num_mentions = sum(len(item.mentions) for item in merged)
    session.flush()
    undated = sum(1 for row in rows if row.event_date is None)
    return article.num_events, article.num_mentions, undated


def _day(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def _event_row(article: schema.Article, item: MergedEvent, record: dict[str, Any]) -> schema.Event:
    e, when = item.representative, dated_by(item)
    source, target, place = e.source, e.target, e.location
    return schema.Event(
        article_id=article.id,
        event_id=e.event_id,
        coder_version=e.coder_version,
        source_code=source.code,
        source_name=source.name,
        source_country=source.country,
        source_sector=source.sector,
        target_code=target.code if target else None,
        target_name=target.name if target else None,
        target_country=target.country if target else None,
        target_sector=target.sector if target else None,
        cameo_code=e.cameo.code,
        cameo_base=e.cameo.code[:3],
        cameo_root=e.cameo.root,
        quad_class=e.quad_class,
        goldstein=e.goldstein,
        plover_type=e.plover.event,
        plover_mode=e.plover.mode,
        modality=e.modality,
        # Never the story date in place of the text's: an event "in June" is dated June,
        # one placed in the past without a date has none (and stays out of dated counts).
        event_date=when.date,
        event_date_end=when.date_end,
        date_precision=when.date_precision,
        location_name=place.name if place else None,
        location_country=place.country if place else None,
        lat=place.lat if place else None,
        lon=place.lon if place else None,
        geonameid=place.geonameid if place else None,
        publisher=article.publisher,
        confidence=e.confidence,
        num_mentions=len(item.mentions),
        record=record,
    )


def _mention_row(
    article: schema.Article, event_row: schema.Event, m: Event, record: dict[str, Any]
) -> schema.Mention:
    return schema.Mention(
        event_row_id=event_row.id,
        article_id=article.id,
        event_id=m.event_id,
        sentence_index=m.sentence_index,
        evidence_text=m.evidence.text,
        evidence_start=m.evidence.start,
        evidence_end=m.evidence.end,
        trigger_text=m.evidence.trigger.text,
        trigger_start=m.evidence.trigger.start,
        trigger_end=m.evidence.trigger.end,
        cameo_code=m.cameo.code,
        modality=m.modality,
        confidence=m.confidence,
        record=record,
    )


# ---- clusters ------------------------------------------------------------------------------


def _assign_clusters(
    session: Session,
    article: schema.Article,
    rows: Sequence[schema.Event],
    merged: Sequence[MergedEvent],
    window: int,
    touched: set[int],
) -> set[int]:
    """Put each event in the closest compatible cluster, or found one; return the clusters.
    ``touched``: clusters the transaction already changed (a previous version's), locked
    with the new events' keys.

    One query fetches every cluster any of the article's events could join; matching is done
    here, so the rule lives in one place (dedupe.py) rather than half in SQL."""
    span = dt.timedelta(days=window)
    C = schema.Cluster
    keyed = [
        (row, item, actor_key(item.representative.source), actor_key(item.representative.target))
        for row, item in zip(rows, merged, strict=True)
    ]
    matchable = [k for k in keyed if k[2] is not None and k[0].event_date is not None]
    lock_cluster_keys(session, {(k[2], k[0].cameo_base) for k in matchable}, touched)
    candidates: list[schema.Cluster] = []
    if matchable:
        days = [k[0].event_date for k in matchable]
        candidates = list(
            session.scalars(
                select(C).where(
                    C.source_key.in_({k[2] for k in matchable}),
                    C.quad_class.in_({k[1].representative.quad_class for k in matchable}),
                    C.first_date <= _shift(max(days), span),
                    C.last_date >= _shift(min(days), -span),
                )
            )
        )
    taken: set[int] = set()  # a cluster holds at most one event of each article
    chosen: list[schema.Cluster] = []
    for row, item, source_key, target_key in keyed:
        e = item.representative
        day = row.event_date
        best = None
        if source_key is not None and day is not None:
            fits = [
                c
                for c in candidates
                if id(c) not in taken and _fits(c, e, row, source_key, target_key, day, span)
            ]
            if fits:
                best = min(fits, key=lambda c: (_distance(c, day), c.id))
        if best is None:
            best = schema.Cluster(
                source_key=source_key,
                target_key=target_key,
                source_code=e.source.code,
                target_code=e.target.code if e.target else None,
                cameo_code=e.cameo.code,
                cameo_base=row.cameo_base,
                cameo_root=e.cameo.root,
                quad_class=e.quad_class,
                goldstein=e.goldstein,
                polarity=polarity(e.modality),
                date_precision=row.date_precision,
                first_date=day,
                last_date=day,
            )
            session.add(best)
        taken.add(id(best))
        if best.location_name is None and e.location is not None:
            best.location_name, best.location_country = e.location.name, e.location.country
            best.location_feature = e.location.feature
        if day is not None:
            best.first_date = min(best.first_date or day, day)
            best.last_date = max(best.last_date or day, day)
        chosen.append(best)
    session.flush()
    for row, cluster in zip(rows, chosen, strict=True):
        row.cluster_id = cluster.id
    return {cluster.id for cluster in chosen}


def lock_cluster_keys(
    session: Session,
    keys: set[tuple[str, str]],
    touched: set[int] = frozenset(),  # type: ignore[assignment]
) -> None:
    """On PostgreSQL, take the transaction's lock on every (source key, CAMEO base) whose
    clusters it may found, join or recount (``keys``, and those of the clusters ``touched``),
    in one sorted pass so that writers never deadlock.

    Why: two writers at once would each look for a matching cluster, see none (neither has
    committed), and each found one, splitting one real-world event in two; or each recount
    a cluster without the other's event.  A cluster only ever matches events of its own
    source key and base code, so writers of *other* events never wait.  The locks are held
    until the transaction ends; under READ COMMITTED the waiting writer's next query sees
    what the first one committed.  SQLite needs none: a write transaction there holds the
    whole database (BEGIN IMMEDIATE).
    """
    if session.get_bind().dialect.name != "postgresql":
        return
    keys = set(keys)
    if touched:
        C = schema.Cluster
        keys |= {
            (source, base)
            for source, base in session.execute(
                select(C.source_key, C.cameo_base).where(C.id.in_(sorted(touched)))
            )
            if source is not None
        }
    for lock_id in sorted({_lock_id(source, base) for source, base in keys}):
        session.execute(text("SELECT pg_advisory_xact_lock(:id)"), {"id": lock_id})


def _lock_id(source_key: str, cameo_base: str) -> int:
    """A signed 64-bit advisory lock id for a cluster key (a collision only makes two
    unrelated writers take turns)."""
    digest = hashlib.blake2b(f"cluster|{source_key}|{cameo_base}".encode(), digest_size=8)
    return int.from_bytes(digest.digest(), "big", signed=True)


def _fits(
    c: schema.Cluster,
    e: Event,
    row: schema.Event,
    source_key: str,
    target_key: str | None,
    day: dt.date,
    span: dt.timedelta,
) -> bool:
    place = e.location
    if c.first_date is None or c.last_date is None:
        return False
    # The same code within the window, or the same event family on the cluster's own days:
    # outlets word one act differently, but a differently worded act on another day is
    # another act (dedupe.py).
    same_code = c.cameo_base == row.cameo_base and codes_match(c.cameo_code, e.cameo.code)
    within = _shift(c.first_date, -span) <= day <= _shift(c.last_date, span)
    same_days = c.first_date <= day <= c.last_date
    return (
        c.source_key == source_key
        and c.target_key == target_key
        and ((same_code and within) or (same_family(c.quad_class, e.quad_class) and same_days))
        and c.polarity == polarity(e.modality)
        and c.date_precision == row.date_precision
        and codes_match_actor(c.source_code, e.source.code)
        and (target_key is None or codes_match_actor(c.target_code, e.target and e.target.code))
        and places_match(
            c.location_name,
            c.location_country,
            c.location_feature,
            place.name if place else None,
            place.country if place else None,
            place.feature if place else None,
        )
    )


def _shift(day: dt.date, span: dt.timedelta) -> dt.date:
    """``day + span``, stopping at the calendar's ends (an event dated in year 1 or 9999)."""
    try:
        return day + span
    except OverflowError:
        return dt.date.max if span > dt.timedelta(0) else dt.date.min


def _distance(cluster: schema.Cluster, day: dt.date) -> int:
    if cluster.first_date and day < cluster.first_date:
        return (cluster.first_date - day).days
    if cluster.last_date and day > cluster.last_date:
        return (day - cluster.last_date).days
    return 0


def _clusters_of(session: Session, article_id: int) -> set[int]:
    return set(
        session.scalars(
            select(schema.Event.cluster_id).where(
                schema.Event.article_id == article_id, schema.Event.cluster_id.is_not(None)
            )
        )
    )


def refresh_clusters(session: Session, cluster_ids: set[int]) -> None:
    """Recount clusters over the events of current articles; drop clusters left empty."""
    if not cluster_ids:
        return
    session.flush()
    E, A, C = schema.Event, schema.Article, schema.Cluster
    ids = sorted(cluster_ids)
    stats = session.execute(
        select(
            E.cluster_id,
            func.count(func.distinct(E.article_id)),
            func.coalesce(func.sum(E.num_mentions), 0),
            # Articles of unknown publisher count together as one source: every event has
            # at least one, and corroboration is never overstated.
            func.count(func.distinct(func.coalesce(A.publisher, ""))),
            func.min(E.event_date),
            func.max(E.event_date),
            func.min(A.story_date),
            func.max(A.story_date),
        )
        .join(A, A.id == E.article_id)
        .where(E.cluster_id.in_(ids), A.is_current)
        .group_by(E.cluster_id)
    ).all()
    now = dt.datetime.now(dt.UTC)
    values = [
        {
            "id": cluster_id,
            "num_articles": articles,
            "num_mentions": mentions,
            "num_sources": sources,
            "first_date": first,
            "last_date": last,
            "first_seen": first_seen,
            "last_seen": last_seen,
            "updated_at": now,
        }
        for cluster_id, articles, mentions, sources, first, last, first_seen, last_seen in stats
    ]
    if values:
        session.execute(update(C), values)
    empty = set(ids) - {v["id"] for v in values}
    if empty:
        session.execute(update(E).where(E.cluster_id.in_(empty)).values(cluster_id=None))
        session.execute(delete(C).where(C.id.in_(empty)))
