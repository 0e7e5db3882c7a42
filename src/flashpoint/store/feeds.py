"""What ``flashpoint watch`` remembers of its feeds, so a restart resumes where it stopped.

- ``feeds``: per feed, the validators of its last fully taken response (ETag,
  Last-Modified), when it was last polled and answered, the earliest time it may be asked
  again (a Retry-After or the backoff after failures) and running counts.
- ``feed_items``: per item taken from a feed, a hash of what the feed said of it, so an
  unchanged item is passed over without being fetched or coded again, and a changed one is
  taken again (the ingest then stores it as a new version of its article).

Results are plain records, never ORM objects.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from sqlalchemy import delete, func, select, update
from sqlalchemy.exc import IntegrityError

from flashpoint.store import schema
from flashpoint.store.database import Store
from flashpoint.store.fit import key

__all__ = [
    "FeedState",
    "ItemState",
    "PollRecord",
    "WatchStatus",
    "feed_states",
    "known_items",
    "prune_items",
    "record_item",
    "record_poll",
    "touch_items",
    "watch_status",
]

# An item given up on after this many transient failures (a page that keeps timing out).
MAX_ITEM_ATTEMPTS = 5
DONE = ("stored", "skipped", "failed")
DELIVERIES = ("none", "pending", "delivered", "failed")


@dataclass(frozen=True, slots=True)
class FeedState:
    id: int
    url: str
    etag: str | None
    last_modified: str | None
    last_polled_at: dt.datetime | None
    last_ok_at: dt.datetime | None
    not_before: dt.datetime | None
    last_status: int | None
    last_error: str | None
    failures: int
    polls: int
    failed_polls: int
    articles: int


@dataclass(frozen=True, slots=True)
class ItemState:
    content_hash: str
    status: str  # stored | skipped | failed | retry
    attempts: int

    def done_with(self, content_hash: str) -> bool:
        """True when the item needs nothing more: taken (or given up on) as it is now."""
        if self.content_hash != content_hash:
            return False
        return self.status in DONE or self.attempts >= MAX_ITEM_ATTEMPTS


@dataclass(frozen=True, slots=True)
class PollRecord:
    """The outcome of one poll of a feed, as :func:`record_poll` stores it."""

    polled_at: dt.datetime
    ok: bool  # an answer the feed's items could be read from (200) or 304
    status: int | None = None
    error: str | None = None
    not_before: dt.datetime | None = None
    # Validators to keep for the next conditional GET; ``keep_validators`` leaves them as
    # they are (a 304), otherwise these replace them (None clears: fetch in full next time).
    etag: str | None = None
    last_modified: str | None = None
    keep_validators: bool = False
    articles: int = 0


def _utc(value: dt.datetime | None) -> dt.datetime | None:
    """SQLite hands back naive datetimes, which were stored as UTC."""
    if value is not None and value.tzinfo is None:
        return value.replace(tzinfo=dt.UTC)
    return value


def _state(row: schema.Feed, url: str) -> FeedState:
    return FeedState(
        id=row.id,
        url=url,
        etag=row.etag,
        last_modified=row.last_modified,
        last_polled_at=_utc(row.last_polled_at),
        last_ok_at=_utc(row.last_ok_at),
        not_before=_utc(row.not_before),
        last_status=row.last_status,
        last_error=row.last_error,
        failures=row.failures,
        polls=row.polls,
        failed_polls=row.failed_polls,
        articles=row.articles,
    )


def feed_states(store: Store, urls: Sequence[str]) -> dict[str, FeedState]:
    """The state of each feed of ``urls`` (by URL), adding the ones never polled."""
    F = schema.Feed
    keys = {url: key(url) or url for url in urls}
    with store.session() as session:
        rows = {
            row.url: row for row in session.scalars(select(F).where(F.url.in_(set(keys.values()))))
        }
        for feed_key in keys.values():
            if feed_key not in rows:
                row = F(url=feed_key, failures=0, polls=0, failed_polls=0, articles=0)
                session.add(row)
                rows[feed_key] = row
        session.flush()
        return {url: _state(rows[feed_key], url) for url, feed_key in keys.items()}


def record_poll(store: Store, feed_id: int, poll: PollRecord) -> FeedState:
    """Store the outcome of one poll; returns the feed's new state."""
    with store.session() as session:
        row = session.get(schema.Feed, feed_id, with_for_update=store.dialect == "postgresql")
        if row is None:
            raise KeyError(feed_id)
        row.last_polled_at = poll.polled_at
        row.polls += 1
        row.last_status = poll.status
        row.not_before = poll.not_before
        row.articles += poll.articles
        if poll.ok:
            row.last_ok_at = poll.polled_at
            row.failures = 0
            row.last_error = None
            if not poll.keep_validators:
                row.etag, row.last_modified = poll.etag, poll.last_modified
        else:
            row.failures += 1
            row.failed_polls += 1
            row.last_error = poll.error
        session.flush()
        return _state(row, row.url)


def known_items(store: Store, feed_id: int, keys: Iterable[str]) -> dict[str, ItemState]:
    """What is known of the items ``keys`` of a feed (unknown ones are left out)."""
    FI = schema.FeedItem
    wanted = list(set(keys))
    found: dict[str, ItemState] = {}
    with store.session(readonly=True) as session:
        for start in range(0, len(wanted), 500):  # bounded IN lists
            query = select(FI.item_key, FI.content_hash, FI.status, FI.attempts).where(
                FI.feed_id == feed_id, FI.item_key.in_(wanted[start : start + 500])
            )
            for item_key, content_hash, status, attempts in session.execute(query):
                found[item_key] = ItemState(content_hash, status, attempts)
    return found


def record_item(
    store: Store,
    feed_id: int,
    item_key: str,
    *,
    content_hash: str,
    link: str | None,
    status: str,
    now: dt.datetime,
    error: str | None = None,
    article_id: int | None = None,
) -> None:
    """Remember what became of an item (``retry`` counts an attempt; a changed item starts
    its count again)."""
    FI = schema.FeedItem
    for _ in range(2):
        try:
            with store.session() as session:
                row = session.scalars(
                    select(FI).where(FI.feed_id == feed_id, FI.item_key == item_key)
                ).first()
                if row is None:
                    row = FI(feed_id=feed_id, item_key=item_key, attempts=0, first_seen=now)
                    session.add(row)
                elif row.content_hash != content_hash:
                    row.attempts = 0
                row.content_hash = content_hash
                row.link = link
                row.status = status
                row.attempts = (row.attempts or 0) + 1
                row.error = error
                if article_id is not None:
                    row.article_id = article_id
                row.last_seen = now
            return
        except IntegrityError:  # inserted meanwhile by another watcher: update it instead
            continue


def touch_items(store: Store, feed_id: int, keys: Iterable[str] | None, now: dt.datetime) -> None:
    """Mark the items still listed by the feed as seen now (see :func:`prune_items`);
    ``keys=None``: all of them (the feed answered 304, so it lists what it listed)."""
    FI = schema.FeedItem
    if keys is None:
        with store.session() as session:
            session.execute(update(FI).where(FI.feed_id == feed_id).values(last_seen=now))
        return
    wanted = list(set(keys))
    with store.session() as session:
        for start in range(0, len(wanted), 500):
            session.execute(
                update(FI)
                .where(FI.feed_id == feed_id, FI.item_key.in_(wanted[start : start + 500]))
                .values(last_seen=now)
            )


def prune_items(store: Store, older_than: dt.datetime) -> int:
    """Forget items no feed has listed since ``older_than``; returns how many.  Should one
    come back, it is taken again, and the ingest finds its article already stored."""
    FI = schema.FeedItem
    with store.session() as session:
        result = session.execute(delete(FI).where(FI.last_seen < older_than))
        return int(result.rowcount or 0)  # type: ignore[attr-defined]


@dataclass(frozen=True, slots=True)
class WatchStatus:
    """What the store says of the watched feeds and the alerts, for ``/metrics``."""

    feeds_ok: int
    feeds_failing: int  # whose last poll failed
    alerts: dict[str, int]  # by delivery: none, pending, delivered, failed


def watch_status(store: Store) -> WatchStatus:
    F, A = schema.Feed, schema.Alert
    with store.session(readonly=True) as session:
        failing = session.scalar(select(func.count()).select_from(F).where(F.failures > 0))
        total = session.scalar(select(func.count()).select_from(F))
        alerts = dict(
            session.execute(select(A.delivery, func.count()).group_by(A.delivery)).tuples().all()
        )
    return WatchStatus(
        feeds_ok=int(total or 0) - int(failing or 0),
        feeds_failing=int(failing or 0),
        alerts={kind: int(alerts.get(kind, 0)) for kind in DELIVERIES},
    )
