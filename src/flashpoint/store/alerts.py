"""The alerts table: each alert a rule fired, once per rule and window, and its delivery.

A unique constraint on (rule, window_key) makes "one alert per rule and window" hold in the
database itself: a second evaluation, a restart or a second watcher adding the same alert
finds it there and adds nothing.  Results are plain :class:`StoredAlert` records.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, or_, select
from sqlalchemy.exc import IntegrityError

from flashpoint.store import schema
from flashpoint.store.database import Store
from flashpoint.store.feeds import _utc
from flashpoint.store.query import EventFilter, _where

__all__ = [
    "NewAlert",
    "StoredAlert",
    "add_alert",
    "alert_keys",
    "clusters_seen_since",
    "due_deliveries",
    "list_alerts",
    "next_delivery_at",
    "set_delivery",
]


@dataclass(frozen=True, slots=True)
class NewAlert:
    rule: str
    kind: str
    window_key: str
    window_start: dt.date | None
    window_end: dt.date | None
    fired_at: dt.datetime
    summary: str
    payload: dict[str, Any]
    delivery: str  # "pending" when a webhook will receive it, else "none"


@dataclass(frozen=True, slots=True)
class StoredAlert:
    id: int
    rule: str
    kind: str
    window_key: str
    window_start: str | None
    window_end: str | None
    fired_at: str
    summary: str
    payload: dict[str, Any]
    delivery: str
    attempts: int
    next_attempt_at: str | None
    delivered_at: str | None
    last_error: str | None

    def to_dict(self) -> dict[str, Any]:
        return {name: getattr(self, name) for name in self.__slots__}  # type: ignore[attr-defined]


def _iso(value: dt.date | dt.datetime | None) -> str | None:
    if isinstance(value, dt.datetime):
        return _utc(value).astimezone(dt.UTC).isoformat()  # type: ignore[union-attr]
    return value.isoformat() if value else None


def _stored(row: schema.Alert) -> StoredAlert:
    return StoredAlert(
        id=row.id,
        rule=row.rule,
        kind=row.kind,
        window_key=row.window_key,
        window_start=_iso(row.window_start),
        window_end=_iso(row.window_end),
        fired_at=_iso(row.fired_at) or "",
        summary=row.summary,
        payload=row.payload,
        delivery=row.delivery,
        attempts=row.attempts,
        next_attempt_at=_iso(row.next_attempt_at),
        delivered_at=_iso(row.delivered_at),
        last_error=row.last_error,
    )


def alert_keys(store: Store, rule: str, *, fired_since: dt.datetime | None = None) -> set[str]:
    """The windows ``rule`` has fired for already (since ``fired_since``)."""
    A = schema.Alert
    query = select(A.window_key).where(A.rule == rule)
    if fired_since is not None:
        query = query.where(A.fired_at >= fired_since)
    with store.session(readonly=True) as session:
        return set(session.scalars(query))


def add_alert(store: Store, alert: NewAlert) -> StoredAlert | None:
    """Store ``alert``; None when its rule already fired for its window."""
    A = schema.Alert
    try:
        with store.session() as session:
            exists = session.scalar(
                select(A.id).where(A.rule == alert.rule, A.window_key == alert.window_key)
            )
            if exists is not None:
                return None
            row = A(
                rule=alert.rule,
                kind=alert.kind,
                window_key=alert.window_key,
                window_start=alert.window_start,
                window_end=alert.window_end,
                fired_at=alert.fired_at,
                summary=alert.summary,
                payload=alert.payload,
                delivery=alert.delivery,
                attempts=0,
                next_attempt_at=alert.fired_at if alert.delivery == "pending" else None,
            )
            session.add(row)
            session.flush()
            return _stored(row)
    except IntegrityError:  # another watcher stored it at the same moment
        return None


def due_deliveries(store: Store, now: dt.datetime) -> list[StoredAlert]:
    """Alerts waiting for their webhook whose next attempt is due, oldest first."""
    A = schema.Alert
    query = (
        select(A)
        .where(A.delivery == "pending")
        .where(or_(A.next_attempt_at.is_(None), A.next_attempt_at <= now))
        .order_by(A.id)
    )
    with store.session(readonly=True) as session:
        return [_stored(row) for row in session.scalars(query)]


def set_delivery(
    store: Store,
    alert_id: int,
    *,
    delivery: str,
    attempts: int,
    next_attempt_at: dt.datetime | None = None,
    delivered_at: dt.datetime | None = None,
    error: str | None = None,
) -> None:
    with store.session() as session:
        row = session.get(schema.Alert, alert_id)
        if row is None:
            return
        row.delivery = delivery
        row.attempts = attempts
        row.next_attempt_at = next_attempt_at
        row.delivered_at = delivered_at
        row.last_error = error


def list_alerts(
    store: Store,
    *,
    since: dt.date | None = None,
    until: dt.date | None = None,
    rules: Sequence[str] = (),
    limit: int | None = None,
) -> list[StoredAlert]:
    """Alerts fired from ``since`` to ``until`` (days, UTC, inclusive), newest first."""
    A = schema.Alert
    query = select(A).order_by(A.fired_at.desc(), A.id.desc())
    if since is not None:
        query = query.where(A.fired_at >= dt.datetime.combine(since, dt.time(), dt.UTC))
    if until is not None:
        end = dt.datetime.combine(until + dt.timedelta(days=1), dt.time(), dt.UTC)
        query = query.where(A.fired_at < end)
    if rules:
        query = query.where(A.rule.in_(list(rules)))
    if limit is not None:
        query = query.limit(limit)
    with store.session(readonly=True) as session:
        return [_stored(row) for row in session.scalars(query)]


def clusters_seen_since(
    store: Store, flt: EventFilter, *, seen_since: dt.date, min_sources: int
) -> list[int]:
    """Clusters first reported on or after ``seen_since`` (story dates), by at least
    ``min_sources`` publishers, holding an event that matches ``flt``; oldest first."""
    E, A, C = schema.Event, schema.Article, schema.Cluster
    query = (
        select(E.cluster_id)
        .join(A, A.id == E.article_id)
        .join(C, C.id == E.cluster_id)
        .where(C.first_seen >= seen_since, C.num_sources >= min_sources)
    )
    query = _where(query, flt).order_by(None).group_by(E.cluster_id).order_by(E.cluster_id)
    with store.session(readonly=True) as session:
        return [int(cluster_id) for cluster_id in session.scalars(query)]


def next_delivery_at(store: Store) -> dt.datetime | None:
    """When the next pending webhook delivery is due (None: none is pending)."""
    A = schema.Alert
    query = select(func.min(A.next_attempt_at)).where(A.delivery == "pending")
    with store.session(readonly=True) as session:
        return _utc(session.scalar(query))
