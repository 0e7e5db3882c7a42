"""Re-run the coder over stored articles after an upgrade.

Each article whose events were coded by another coder version (or stored before event dates
had a precision) is coded again from its stored text (with its stored story date and
boilerplate spans, so offsets stay valid), and its old events and mentions are replaced by the
new ones in **one transaction**: a reader sees the old events or the new ones, never a mix,
and a crash leaves the old ones in place.
Clusters the article left or joined are recounted in the same transaction.  An article the
coder crashes on keeps its old events and is counted as failed (see isolation.py).
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from sqlalchemy import delete, or_, select

from flashpoint.records import Article
from flashpoint.store import schema
from flashpoint.store.database import Store
from flashpoint.store.isolation import CoderLike, CodingFailure, code_isolated
from flashpoint.store.writer import _clusters_of, add_events, dedupe_window, refresh_clusters

__all__ = ["RecodeSummary", "recode_articles", "stale_article_ids"]


@dataclass
class RecodeSummary:
    articles: int = 0
    events_before: int = 0
    events_after: int = 0
    undated: int = 0  # of events_after, those without an event date
    seconds: float = 0.0
    failed: int = 0  # articles the coder raised on; their old events are kept

    def line(self) -> str:
        failed = f", {self.failed} failed (old events kept)" if self.failed else ""
        return (
            f"recoded {self.articles} articles: {self.events_before} events replaced by "
            f"{self.events_after} ({self.undated} without a date){failed}; "
            f"{self.seconds:.1f} s"
        )


def stale_article_ids(store: Store, coder_version: str, *, everything: bool = False) -> list[int]:
    """Ids of articles coded by another coder version, or stored before event dates had a
    precision (migration 0002), or all with ``everything``."""
    A, E = schema.Article, schema.Event
    query = select(A.id).order_by(A.id)
    if not everything:
        undated_precision = select(E.article_id).where(
            E.event_date.is_not(None), E.date_precision.is_(None)
        )
        query = query.where(or_(A.coder_version != coder_version, A.id.in_(undated_precision)))
    with store.session(readonly=True) as session:
        return list(session.scalars(query))


def recode_articles(
    store: Store,
    coder: CoderLike,
    *,
    coder_version: str,
    everything: bool = False,
    window: int | None = None,
    batch_size: int = 16,
    on_article: Callable[[int], None] | None = None,
) -> RecodeSummary:
    window = dedupe_window(window)
    started = time.perf_counter()
    summary = RecodeSummary()
    ids = stale_article_ids(store, coder_version, everything=everything)

    def articles() -> Iterator[Article]:
        for article_id in ids:
            with store.session(readonly=True) as session:
                row = session.get(schema.Article, article_id)
                assert row is not None
                yield Article(
                    text=row.text,
                    doc_id=row.doc_id,
                    date=row.story_date.isoformat() if row.story_date else None,
                    title=row.title,
                    url=row.url,
                    source=row.source,
                    skip_spans=tuple((int(a), int(b)) for a, b in row.skip_spans),
                )

    for article_id, events in zip(
        ids, code_isolated(coder, articles(), batch_size=batch_size), strict=True
    ):
        if isinstance(events, CodingFailure):
            summary.failed += 1
            if on_article is not None:
                on_article(article_id)
            continue
        with store.session() as session:
            row = session.get(schema.Article, article_id, with_for_update=True)
            if row is None:  # deleted meanwhile
                continue
            touched = _clusters_of(session, article_id)
            summary.events_before += row.num_events
            session.execute(delete(schema.Mention).where(schema.Mention.article_id == article_id))
            session.execute(delete(schema.Event).where(schema.Event.article_id == article_id))
            session.expire(row, ["events"])
            n_events, _, undated = add_events(session, row, events, window, touched)
            row.coder_version = coder_version
            refresh_clusters(session, touched)
            summary.events_after += n_events
            summary.undated += undated
            summary.articles += 1
        if on_article is not None:
            on_article(article_id)
    summary.seconds = time.perf_counter() - started
    return summary
