"""Ingest a stream of documents: skip what is stored, code the rest, write each atomically.

Articles already in the store are skipped *before* coding (a re-run costs a hash lookup per
article, not a parse), so a killed run resumes quickly.  Each article is written in its own
transaction, so a crash loses at most the article being written, never half of one.  An
article the coder or the database cannot take is a failure of that article only (see
isolation.py); the run goes on.
"""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Protocol

from flashpoint.errors import InputError
from flashpoint.ingest.documents import Document, Failure
from flashpoint.records import Article, Event
from flashpoint.store.database import Store
from flashpoint.store.isolation import CoderLike, CodingFailure, code_isolated
from flashpoint.store.writer import WriteResult, dedupe_window, find_stored, write_article

__all__ = ["CoderLike", "CodingEngine", "IngestSummary", "ingest_documents"]


class CodingEngine(Protocol):
    """Codes articles elsewhere (worker processes, a Ray cluster): one result per article,
    in order (flashpoint.scale)."""

    def code_articles(
        self, articles: Iterable[Article]
    ) -> Iterator[list[Event] | CodingFailure]: ...


@dataclass
class IngestSummary:
    new: int = 0
    versions: int = 0
    skipped: int = 0
    failed: int = 0
    events: int = 0
    mentions: int = 0
    undated: int = 0  # of ``events``, those without an event date (left out of dated counts)
    seconds: float = 0.0
    failures: list[Failure] = field(default_factory=list)

    @property
    def articles(self) -> int:
        return self.new + self.versions + self.skipped + self.failed

    @property
    def rate(self) -> float:
        return self.articles / self.seconds if self.seconds > 0 else 0.0

    def line(self) -> str:
        return (
            f"{self.articles} articles: {self.new} new, {self.versions} new versions, "
            f"{self.skipped} skipped (already stored), {self.failed} failed; "
            f"{self.events} events ({self.undated} without a date) from {self.mentions} "
            "mentions; "
            f"{self.seconds:.1f} s ({self.rate:.1f} articles/s)"
        )


Callback = Callable[[Document | Failure, WriteResult | None], None]


def ingest_documents(
    store: Store,
    items: Iterable[Document | Failure],
    coder: CoderLike | CodingEngine,
    *,
    coder_version: str,
    window: int | None = None,
    batch_size: int = 16,
    on_item: Callback | None = None,
) -> IngestSummary:
    """Code and store every Document of ``items``; count Failures.  ``on_item`` is called once
    per item (with the write result, or None for a failure) for progress reporting.

    ``coder`` is a Coder, coding here, or an engine (flashpoint.scale) coding in worker
    processes; either way this process is the one writer, in input order, so the store
    ends up the same."""
    window = dedupe_window(window)
    summary = IngestSummary()
    started = time.perf_counter()
    pending: deque[Document] = deque()

    def report(item: Document | Failure, result: WriteResult | None) -> None:
        summary.seconds = time.perf_counter() - started
        if on_item is not None:
            on_item(item, result)

    def fail(item: Failure) -> None:
        summary.failed += 1
        summary.failures.append(item)
        report(item, None)

    def to_code() -> Iterator[Article]:
        for item in items:
            if isinstance(item, Failure):
                fail(item)
                continue
            with store.session(readonly=True) as session:
                stored = find_stored(session, item)
            if stored is not None:
                summary.skipped += 1
                report(item, WriteResult("skipped", stored))
                continue
            pending.append(item)
            yield item.article

    if hasattr(coder, "code_articles"):
        results = coder.code_articles(to_code())
    else:
        results = code_isolated(coder, to_code(), batch_size=batch_size)  # type: ignore[arg-type]
    for events in results:
        document = pending.popleft()
        if isinstance(events, CodingFailure):
            fail(Failure(document.name, f"{document.name} {events.reason}"))
            continue
        try:
            result = write_article(
                store, document, events, coder_version=coder_version, window=window
            )
        except InputError as exc:
            fail(Failure(document.name, str(exc)))
            continue
        if result.status == "skipped":
            summary.skipped += 1
        else:
            summary.new += result.status == "new"
            summary.versions += result.status == "version"
            summary.events += result.events
            summary.mentions += result.mentions
            summary.undated += result.undated
        report(document, result)
    summary.seconds = time.perf_counter() - started
    return summary
