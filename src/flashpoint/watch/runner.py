"""The watch loop: poll the feeds that are due, ingest what is new, evaluate the alert rules.

One cycle (:meth:`Watcher.poll_once`):

1. **Poll** every feed that is due, several at once (``workers``, and per host the limits
   of :mod:`.polite`), with a conditional GET: a 304 means nothing changed.  A feed that
   fails (no answer, a 4xx/5xx, not a feed) is reported and asked again later, with
   exponential backoff and at least its ``Retry-After``; the others go on.
2. **Ingest** the new and changed items of every feed through the store's idempotent ingest
   (:func:`flashpoint.store.ingest_documents`): new articles stored, changed ones versioned,
   clusters updated.  Linked pages (``fetch_links``, sitemaps) are fetched a few at a time
   ahead of the coder, each after robots.txt allows it.  What became of each item is
   remembered (``feed_items``), so an unchanged item is never fetched or coded again.
3. **Remember** each feed's state.  A response's validators (ETag, Last-Modified) are kept
   only once every item it listed was taken: otherwise a restart would get a 304 and never
   see the rest.
4. **Alerts**: the rules are evaluated and new alerts stored, then due webhook deliveries
   are attempted.

A stop request (SIGTERM/SIGINT through ``stop``) ends waits at once; the articles being
coded are finished and stored, nothing else is started.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import logging
import threading
import time
import urllib.parse
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from flashpoint.errors import FetchError, InputError
from flashpoint.ingest import limits
from flashpoint.ingest.documents import Document, Failure
from flashpoint.ingest.feeds import entry_document, page_document
from flashpoint.ingest.fetch import USER_AGENT
from flashpoint.ingest.guard import PrivateAddressError
from flashpoint.store import Store, ingest_documents
from flashpoint.store.feeds import (
    FeedState,
    PollRecord,
    feed_states,
    known_items,
    prune_items,
    record_item,
    record_poll,
    touch_items,
)
from flashpoint.store.isolation import CoderLike
from flashpoint.store.writer import WriteResult
from flashpoint.watch import metrics
from flashpoint.watch.logs import log_event
from flashpoint.watch.polite import (
    TRANSIENT_STATUSES,
    Deferred,
    HostLimiter,
    PoliteClient,
    Stopped,
    Transient,
    retry_after_seconds,
)
from flashpoint.watch.sources import FeedFormatError, ParsedFeed, WatchItem, parse_feed

if TYPE_CHECKING:
    from flashpoint.alerts import RuleSet

__all__ = ["DEFAULT_USER_AGENT", "CycleReport", "WatchOptions", "Watcher"]

DEFAULT_USER_AGENT = f"{USER_AGENT} (feed watcher)"
# Child sitemaps of a sitemap index read in one poll (the rest in later polls).
MAX_CHILD_SITEMAPS = 10
# Cycles that may fail in a row (the store unreachable) before the run gives up.
MAX_FAILED_CYCLES = 5
_PRUNE_EVERY = dt.timedelta(days=1)


@dataclass(frozen=True, slots=True)
class WatchOptions:
    """How ``flashpoint watch`` polls (the CLI's options; times in seconds)."""

    every: float = 900.0
    fetch_links: bool = False
    user_agent: str = DEFAULT_USER_AGENT
    host_interval: float = 1.0  # least time between two requests to one host
    host_connections: int = 2  # requests to one host at once
    workers: int = 4  # requests at once overall
    timeout: float | None = None  # deadline per request (default FLASHPOINT_FETCH_TIMEOUT)
    max_bytes: int | None = None  # size limit per response (default FLASHPOINT_MAX_BYTES)
    max_items: int = 100  # new or changed items taken per feed per poll
    # Pages a feed links to may be on private addresses only on the feed's own host, unless
    # this is set: a feed must not be a way to make the watcher read the machines near it.
    allow_private_links: bool = False
    max_backoff: float = 6 * 3600.0  # longest wait after repeated failures
    window: int | None = None  # the dedupe window of the ingest
    batch_size: int = 1  # articles coded together (a stop waits for at most these)
    item_retention: float = 30 * 86400.0  # forget items no feed has listed for this long


@dataclass
class CycleReport:
    """What one cycle did (for logs, tests and the benchmark)."""

    started: dt.datetime
    polled: int = 0
    not_modified: int = 0
    failed_feeds: int = 0
    new: int = 0
    versions: int = 0
    skipped: int = 0
    failed_items: int = 0
    retry_items: int = 0
    alerts: int = 0
    delivered: int = 0
    seconds: float = 0.0
    alert_seconds: float = 0.0  # of ``seconds``, evaluating the rules and delivering
    stopped: bool = False

    def line(self) -> str:
        return (
            f"{self.polled} feeds polled ({self.not_modified} not modified, "
            f"{self.failed_feeds} failed); {self.new} new articles, {self.versions} new "
            f"versions, {self.skipped} already stored, {self.failed_items} failed, "
            f"{self.retry_items} to retry; {self.alerts} alerts; {self.seconds:.1f} s"
        )


@dataclass
class _Poll:
    """One feed's poll in a cycle."""

    url: str
    state: FeedState
    outcome: str = "failed"  # ok | not_modified | failed
    status: int | None = None
    error: str | None = None
    retry_after: float | None = None
    etag: str | None = None
    last_modified: str | None = None
    title: str | None = None
    take: list[tuple[WatchItem, WatchItem | None]] = field(default_factory=list)
    held_back: int = 0  # items left for a later poll (over max_items)
    children: list[WatchItem] = field(default_factory=list)  # sitemaps read from an index
    incomplete: bool = False  # something listed was not read (a child sitemap failed)
    done: dict[str, bool] = field(default_factory=dict)  # item key -> finished for good
    articles: int = 0


@dataclass
class _Pending:
    poll: _Poll
    item: WatchItem
    parent: WatchItem | None
    retry: bool = False  # a Failure that is transient


def _utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


class Watcher:
    """Polls ``feeds`` into ``store`` with ``coder``; see the module docstring.

    ``clock`` gives the current UTC time (tests pass a fake one and call :meth:`poll_once`
    themselves); ``stop`` ends :meth:`run` and every wait; ``on_cycle`` is called with the
    report of each cycle."""

    def __init__(
        self,
        store: Store,
        feeds: Sequence[str],
        coder: CoderLike,
        *,
        coder_version: str,
        options: WatchOptions | None = None,
        rules: RuleSet | None = None,
        clock: Callable[[], dt.datetime] = _utcnow,
        stop: threading.Event | None = None,
        on_cycle: Callable[[CycleReport], None] | None = None,
    ):
        self.store = store
        self.feeds = list(feeds)
        self.coder = coder
        self.coder_version = coder_version
        self.options = options or WatchOptions()
        self.rules = rules
        self.clock = clock
        self.stop = stop or threading.Event()
        self.on_cycle = on_cycle
        self.timeout = self.options.timeout or limits.fetch_timeout()
        self.max_bytes = limits.max_bytes(self.options.max_bytes)
        self.limiter = HostLimiter(
            interval=self.options.host_interval,
            connections=self.options.host_connections,
            stop=self.stop,
            clock=clock,
        )
        self.client = PoliteClient(
            user_agent=self.options.user_agent,
            timeout=self.timeout,
            max_bytes=self.max_bytes,
            limiter=self.limiter,
        )
        self.states = feed_states(store, self.feeds)
        self._pruned: dt.datetime | None = None
        self._names = 0
        self._first_cycle = True

    # ---- scheduling ---------------------------------------------------------------------

    def due_at(self, state: FeedState) -> dt.datetime | None:
        """When ``state``'s feed may next be polled (None: now)."""
        times = []
        if state.last_polled_at is not None:
            times.append(state.last_polled_at + dt.timedelta(seconds=self.options.every))
        if state.not_before is not None:
            times.append(state.not_before)
        return max(times) if times else None

    def _due(self, state: FeedState, now: dt.datetime, every_feed: bool) -> bool:
        if every_feed:
            return state.not_before is None or state.not_before <= now
        return (self.due_at(state) or now) <= now

    def next_wake(self) -> dt.datetime:
        """The earliest time a feed is due or an alert delivery is to be retried."""
        now = self.clock()
        times = [self.due_at(self.states[url]) or now for url in self.feeds]
        if self.rules is not None and self.rules.webhook is not None:
            from flashpoint.store.alerts import next_delivery_at

            retry = next_delivery_at(self.store)
            if retry is not None:
                times.append(retry)
        return min(times) if times else now + dt.timedelta(seconds=self.options.every)

    def run(self) -> None:
        """Poll until :attr:`stop` is set."""
        log_event(
            logging.INFO,
            "start",
            f"watching {len(self.feeds)} feeds every {self.options.every:g} s",
            feeds=len(self.feeds),
            every=self.options.every,
        )
        failed_cycles = 0
        while not self.stop.is_set():
            try:
                self.poll_once()
                wait = (self.next_wake() - self.clock()).total_seconds()
                failed_cycles = 0
            except Exception as exc:
                # The store unreachable for a while (a database restart, a full disk): wait
                # and try again, but let a fault that persists end the run with its error.
                failed_cycles += 1
                if failed_cycles >= MAX_FAILED_CYCLES:
                    raise
                wait = min(self.options.every, 60.0) * failed_cycles
                log_event(
                    logging.ERROR,
                    "cycle_failed",
                    f"the cycle failed ({_describe(exc)}); trying again in {wait:.0f} s",
                    error=_describe(exc),
                    failures=failed_cycles,
                )
            if self.stop.is_set():
                break
            if wait > 0:
                self.stop.wait(wait)
        log_event(logging.INFO, "stop", "stopped: the current articles were stored")

    # ---- one cycle ----------------------------------------------------------------------

    def poll_once(self, *, every_feed: bool = False) -> CycleReport:
        """Poll the feeds that are due now (``every_feed``: whether due or not, unless a
        Retry-After or a backoff holds them), ingest, evaluate the rules, deliver alerts."""
        started = time.perf_counter()
        now = self.clock()
        report = CycleReport(started=now)
        due = [url for url in self.feeds if self._due(self.states[url], now, every_feed)]
        polls = self._poll_feeds(due, now) if due else []
        report.polled = len(polls)
        if not self.stop.is_set():
            self._ingest(polls, now, report)
        for poll in polls:
            self._finish(poll, now, report)
        if self.rules is not None and not self.stop.is_set():
            from flashpoint.alerts import deliver_due, evaluate_rules

            rules_started = time.perf_counter()
            if due or self._first_cycle:  # nothing new otherwise: only deliveries are due
                report.alerts = len(evaluate_rules(self.store, self.rules, now=self.clock()))
            if self.rules.webhook is not None:
                report.delivered = deliver_due(
                    self.store, self.rules.webhook, now=self.clock(), stop=self.stop
                )
            report.alert_seconds = time.perf_counter() - rules_started
        self._first_cycle = False
        self._prune(now)
        report.seconds = time.perf_counter() - started
        report.stopped = self.stop.is_set()
        metrics.CYCLE.set(time.time())
        if due:
            log_event(
                logging.INFO,
                "cycle",
                report.line(),
                **{k: v for k, v in dataclasses.asdict(report).items() if k != "started"},
            )
        if self.on_cycle is not None:
            self.on_cycle(report)
        return report

    # ---- 1. polling ---------------------------------------------------------------------

    def _poll_feeds(self, urls: list[str], now: dt.datetime) -> list[_Poll]:
        workers = max(1, min(self.options.workers, len(urls)))
        with ThreadPoolExecutor(workers, thread_name_prefix="flashpoint-poll") as pool:
            futures = [pool.submit(self._poll_feed, url, now) for url in urls]
            return [future.result() for future in futures]

    def _poll_feed(self, url: str, now: dt.datetime) -> _Poll:
        state = self.states[url]
        poll = _Poll(url, state)
        headers = {
            "Accept": "application/rss+xml, application/atom+xml, application/xml;q=0.9, "
            "text/xml;q=0.9, */*;q=0.1"
        }
        if state.etag:
            headers["If-None-Match"] = state.etag
        if state.last_modified:
            headers["If-Modified-Since"] = state.last_modified
        try:
            response = self.client.get(url, headers)
        except Stopped:
            poll.error = "stopped"
            return poll
        except Deferred as exc:
            poll.error, poll.retry_after = str(exc), exc.seconds
            return poll
        except InputError as exc:  # no answer (FetchError), or over the size limit
            poll.error = str(exc)
            return poll
        poll.status = response.status
        if response.status == 304:
            poll.outcome = "not_modified"
            return poll
        if response.status != 200:
            poll.error = f"{url}: HTTP {response.status} {response.reason}".rstrip()
            poll.retry_after = retry_after_seconds(response.headers.get("Retry-After"), now)
            return poll
        try:
            parsed = parse_feed(response.body, url, response.content_type)
        except FeedFormatError as exc:
            poll.error = str(exc)
            return poll
        except Exception as exc:  # a bug reading this feed: it fails alone
            poll.error = f"{url} could not be read ({_describe(exc)}); please report it"
            return poll
        poll.outcome = "ok"
        poll.etag = response.headers.get("ETag")
        poll.last_modified = response.headers.get("Last-Modified")
        poll.title = parsed.title
        self._select(poll, parsed, now)
        return poll

    def _select(self, poll: _Poll, parsed: ParsedFeed, now: dt.datetime) -> None:
        """Choose the feed's items to take: new or changed ones, up to ``max_items``."""
        state = poll.state
        listed = [item.key for item in parsed.items]
        known = known_items(self.store, state.id, listed)
        touch_items(self.store, state.id, listed, now)
        fresh = [
            item
            for item in parsed.items
            if item.key not in known or not known[item.key].done_with(item.content_hash)
        ]
        if parsed.kind != "sitemapindex":
            cap = self.options.max_items
            poll.take = [(item, None) for item in fresh[:cap]]
            poll.held_back = max(0, len(fresh) - cap)
            return
        # A sitemap index: read its new or changed sitemaps, take their new or changed pages.
        poll.held_back = max(0, len(fresh) - MAX_CHILD_SITEMAPS)
        budget = self.options.max_items
        for child in fresh[:MAX_CHILD_SITEMAPS]:
            if self.stop.is_set() or budget <= 0:
                poll.held_back += 1
                continue
            pages = self._child_sitemap(poll, child, now)
            if pages is None:
                poll.incomplete = True
                continue
            known_pages = known_items(self.store, state.id, [p.key for p in pages])
            touch_items(self.store, state.id, [p.key for p in pages], now)
            new_pages = [
                p
                for p in pages
                if p.key not in known_pages or not known_pages[p.key].done_with(p.content_hash)
            ]
            poll.children.append(child)
            poll.take.extend((page, child) for page in new_pages[:budget])
            if len(new_pages) > budget:
                poll.held_back += len(new_pages) - budget
            budget -= len(new_pages)

    def _child_sitemap(
        self, poll: _Poll, child: WatchItem, now: dt.datetime
    ) -> list[WatchItem] | None:
        link = child.link or ""
        try:
            response = self.client.get(link, allow_private=self._private_ok(link, poll.url))
            if response.status != 200:
                raise FetchError(f"{link}: HTTP {response.status} {response.reason}")
            parsed = parse_feed(response.body, link, response.content_type)
            if parsed.kind != "sitemap":
                raise FeedFormatError(f"{link}: a sitemap index may only list sitemaps of pages")
        except (Stopped, InputError) as exc:  # FetchError and FeedFormatError are InputErrors
            if not isinstance(exc, Stopped):
                log_event(logging.WARNING, "sitemap_failed", f"sitemap {link} failed: {exc}",
                          feed=poll.url, sitemap=link, error=str(exc))  # fmt: skip
                metrics.FAILURES.labels("feed").inc()
            return None
        return list(parsed.items)

    # ---- 2. ingesting -------------------------------------------------------------------

    def _ingest(self, polls: list[_Poll], now: dt.datetime, report: CycleReport) -> None:
        queue = _interleave(
            [[(poll, item, parent) for item, parent in poll.take] for poll in polls]
        )
        if not queue:
            return
        pending: dict[str, _Pending] = {}
        fallback = now.date().isoformat()
        fetches = self.options.fetch_links

        def build(name: str, poll: _Poll, item: WatchItem) -> Document | Failure:
            def read(link: str, _limit: int) -> tuple[bytes, str | None]:
                return self._read_page(link, poll.url)

            try:
                if item.kind == "entry":
                    return entry_document(
                        item.entry, name, poll.title, fallback, fetches, self.max_bytes,
                        read=read,
                    )  # fmt: skip
                return page_document(
                    item.link or "", name, poll.title, fallback, item.published,
                    self.max_bytes, read=read,
                )  # fmt: skip
            except Transient as exc:
                pending[name].retry = True
                return Failure(name, str(exc))
            except InputError as exc:
                return Failure(name, str(exc))
            except (Stopped, KeyboardInterrupt):
                raise
            except Exception as exc:  # a bug reading this item: it fails alone
                return Failure(
                    name, f"{name} could not be read ({_describe(exc)}); please report it"
                )

        def needs_network(item: WatchItem) -> bool:
            return item.kind != "entry" or (fetches and bool(item.link))

        def documents() -> Iterator[Document | Failure]:
            # Pages are fetched by the pool a few items ahead of the coder, in order.
            ahead: deque[tuple[str, Future[Document | Failure] | None, _Poll, WatchItem]] = deque()
            source = iter(queue)
            limit = max(1, self.options.workers) * 2
            with ThreadPoolExecutor(
                max(1, self.options.workers), thread_name_prefix="flashpoint-page"
            ) as pool:
                try:
                    while True:
                        while len(ahead) < limit and not self.stop.is_set():
                            nxt = next(source, None)
                            if nxt is None:
                                break
                            poll, item, parent = nxt
                            name = self._name(poll, item, pending)
                            pending[name] = _Pending(poll, item, parent)
                            future = (
                                pool.submit(build, name, poll, item)
                                if needs_network(item)
                                else None
                            )
                            ahead.append((name, future, poll, item))
                        if not ahead or self.stop.is_set():
                            return
                        name, future, poll, item = ahead.popleft()
                        try:
                            yield future.result() if future else build(name, poll, item)
                        except Stopped:
                            return
                finally:
                    for _name, future, _poll, _item in ahead:
                        if future is not None:
                            future.cancel()

        def on_item(done: Document | Failure, result: WriteResult | None) -> None:
            self._took(pending[done.name], done, result, now, report)

        summary = ingest_documents(
            self.store,
            documents(),
            self.coder,
            coder_version=self.coder_version,
            window=self.options.window,
            batch_size=self.options.batch_size,
            on_item=on_item,
        )
        del summary  # counted item by item in on_item

    def _name(self, poll: _Poll, item: WatchItem, taken: dict[str, _Pending]) -> str:
        """``FEED#LINK`` (as ``ingest`` names a feed entry), unique within the cycle."""
        name = f"{poll.url}#{item.link or item.key[:12]}"
        if name in taken:
            self._names += 1
            name = f"{name}@{self._names}"
        return name

    def _private_ok(self, link: str, feed: str) -> bool:
        """Whether ``link`` (named by the feed ``feed``) may lead to a private address."""
        return self.options.allow_private_links or _netloc(link) == _netloc(feed)

    def _read_page(self, link: str, feed: str) -> tuple[bytes, str | None]:
        """A page the feed ``feed`` links to: robots.txt first, then a polite GET."""
        private = self._private_ok(link, feed)
        try:
            if not self.client.allowed(link, allow_private=private):
                raise InputError(
                    f"{link}: its site's robots.txt does not allow "
                    f"{self.options.user_agent!r} to fetch it; not fetched"
                )
            response = self.client.get(link, allow_private=private)
        except (Stopped, Transient):
            raise
        except PrivateAddressError as exc:
            raise InputError(
                f"{exc}".split("; only public")[0] + "; a feed's links to other hosts are "
                "fetched from public addresses only (--allow-private-links to allow them)"
            ) from None
        except FetchError as exc:  # no answer: a timeout, a refused connection
            raise Transient(str(exc)) from None
        if response.status == 200:
            return response.body, response.content_type
        message = f"could not fetch {link}: HTTP {response.status} {response.reason}".rstrip()
        if response.status in TRANSIENT_STATUSES:
            raise Transient(message + "; will try again")
        raise FetchError(message)

    def _took(
        self,
        pending: _Pending,
        done: Document | Failure,
        result: WriteResult | None,
        now: dt.datetime,
        report: CycleReport,
    ) -> None:
        poll, item = pending.poll, pending.item
        if result is None:
            assert isinstance(done, Failure)
            status = "retry" if pending.retry else "failed"
            error: str | None = done.reason
            article_id = None
            if pending.retry:
                report.retry_items += 1
            else:
                report.failed_items += 1
            metrics.FAILURES.labels("item").inc()
            metrics.ITEMS.labels(status).inc()
            log_event(
                logging.WARNING,
                "item_failed",
                f"item failed: {done.reason}",
                feed=poll.url,
                link=item.link,
                retry=pending.retry,
                error=done.reason,
            )
        else:
            status = "stored" if result.status in ("new", "version") else "skipped"
            error, article_id = None, result.article_id
            if result.status == "new":
                report.new += 1
            elif result.status == "version":
                report.versions += 1
            else:
                report.skipped += 1
            poll.articles += result.status in ("new", "version")
            metrics.ITEMS.labels(result.status).inc()
            log_event(logging.INFO, "item", f"{result.status}: {item.link or done.name}",
                      feed=poll.url, link=item.link, status=result.status,
                      article_id=result.article_id, events=result.events)  # fmt: skip
        record_item(
            self.store, poll.state.id, item.key, content_hash=item.content_hash,
            link=item.link, status=status, now=now, error=error, article_id=article_id,
        )  # fmt: skip
        poll.done[item.key] = status != "retry"

    # ---- 3. remembering -----------------------------------------------------------------

    def _finish(self, poll: _Poll, now: dt.datetime, report: CycleReport) -> None:
        if poll.error == "stopped":
            return  # never asked: nothing to remember
        state = poll.state
        if poll.outcome == "failed":
            failures = state.failures + 1
            backoff = min(
                self.options.every * 2 ** (failures - 1),
                max(self.options.max_backoff, self.options.every),
            )
            wait = max(backoff, poll.retry_after or 0.0)
            record = PollRecord(
                polled_at=now, ok=False, status=poll.status, error=poll.error,
                not_before=now + dt.timedelta(seconds=wait),
            )  # fmt: skip
            report.failed_feeds += 1
            metrics.POLLS.labels("failed").inc()
            metrics.FAILURES.labels("feed").inc()
            log_event(logging.WARNING, "poll_failed",
                      f"{poll.url} failed ({poll.error}); next attempt in {wait:.0f} s",
                      feed=poll.url, status=poll.status, error=poll.error, failures=failures,
                      retry_in=round(wait, 3))  # fmt: skip
        elif poll.outcome == "not_modified":
            touch_items(self.store, state.id, None, now)  # still listed: not to be pruned
            record = PollRecord(polled_at=now, ok=True, status=304, keep_validators=True)
            report.not_modified += 1
            metrics.POLLS.labels("not_modified").inc()
            log_event(logging.INFO, "poll", f"{poll.url}: not modified", feed=poll.url, status=304)
        else:
            # Child sitemaps whose pages were all taken are done; the others are read again.
            for child in poll.children:
                pages = [item for item, parent in poll.take if parent is child]
                if all(poll.done.get(page.key) for page in pages):
                    record_item(self.store, state.id, child.key, content_hash=child.content_hash,
                                link=child.link, status="stored", now=now)  # fmt: skip
            complete = (
                not poll.held_back
                and not poll.incomplete
                and all(poll.done.get(item.key) for item, _parent in poll.take)
            )
            record = PollRecord(
                polled_at=now, ok=True, status=poll.status,
                etag=poll.etag if complete else None,
                last_modified=poll.last_modified if complete else None,
                articles=poll.articles,
            )  # fmt: skip
            metrics.POLLS.labels("ok").inc()
            log_event(logging.INFO, "poll",
                      f"{poll.url}: {len(poll.take)} new or changed items"
                      + (f" ({poll.held_back} left for the next polls)" if poll.held_back else ""),
                      feed=poll.url, status=poll.status, items=len(poll.take),
                      held_back=poll.held_back, articles=poll.articles)  # fmt: skip
        self.states[poll.url] = record_poll(self.store, state.id, record)

    def _prune(self, now: dt.datetime) -> None:
        if self._pruned is not None and now - self._pruned < _PRUNE_EVERY:
            return
        self._pruned = now
        prune_items(self.store, now - dt.timedelta(seconds=self.options.item_retention))


def _interleave(groups: list[list[Any]]) -> list[Any]:
    """Round-robin over ``groups``, so one long feed does not keep the others waiting."""
    out: list[Any] = []
    iterators = [iter(group) for group in groups if group]
    while iterators:
        alive = []
        for iterator in iterators:
            value = next(iterator, None)
            if value is not None:
                out.append(value)
                alive.append(iterator)
        iterators = alive
    return out


def _netloc(url: str) -> str:
    return urllib.parse.urlsplit(url).netloc.lower()


def _describe(exc: BaseException) -> str:
    """``Type: first line of the message`` (a database error's text can hold a statement)."""
    lines = str(exc).strip().splitlines()
    return f"{type(exc).__name__}: {lines[0][:300] if lines else ''}"
