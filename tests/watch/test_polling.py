"""Feeds that change between polls: new items, an updated item, 304s, a 429 with Retry-After,
a malformed feed, a slow server and a vanished one; state kept across a restart.  Every test
runs on SQLite and on PostgreSQL."""

from __future__ import annotations

import time

import pytest
from sqlalchemy import func, select

from flashpoint.store import iter_events, open_store, schema
from flashpoint.watch import Watcher, WatchOptions
from tests.watch.helpers import CODER_VERSION, Item, Page, rss, story

FAST = dict(host_interval=0.0, workers=4, every=60.0)


def watcher(store, web, stub, clock, paths, **options):
    return Watcher(
        store,
        [web.url(p) for p in paths],
        stub,
        coder_version=CODER_VERSION,
        options=WatchOptions(**{**FAST, **options}),
        clock=clock,
    )


def articles(store):
    """(locator, version, is_current) of every stored article version."""
    A = schema.Article
    with store.session(readonly=True) as session:
        rows = session.execute(select(A.locator, A.version, A.is_current).order_by(A.id))
        return [tuple(row) for row in rows]


def test_new_and_changed_items_are_stored_once_and_304s_cost_nothing(store, web, stub, clock):
    a = [Item("a1", story("USAGOV", "042", "ISRGOV"), "http://news.test/a1"),
         Item("a2", story("ISRGOV", "112", "USAGOV"), "http://news.test/a2")]  # fmt: skip
    b = [Item("b1", story("USAGOV", "190", "IRNGOV"), "http://news.test/b1")]
    web.set("/a.rss", rss("Alpha", a))
    web.set("/b.rss", rss("Beta", b))
    w = watcher(store, web, stub, clock, ["/a.rss", "/b.rss"])

    first = w.poll_once()
    assert (first.polled, first.new, first.versions, first.failed_items) == (2, 3, 0, 0)
    assert len(stub.coded) == 3

    # Not due yet: nothing is asked for.
    clock.advance(30)
    asked = len(web.requests)
    assert w.poll_once().polled == 0 and len(web.requests) == asked

    # Beta gains an item and rewrites b1; Alpha is unchanged and answers 304.
    b = [Item("b1", story("USAGOV", "183", "IRNGOV"), "http://news.test/b1"),
         Item("b2", story("IRNGOV", "173", "USAGOV"), "http://news.test/b2")]  # fmt: skip
    web.set("/b.rss", rss("Beta", b))
    clock.advance(30)
    second = w.poll_once()
    assert (second.polled, second.not_modified, second.new, second.versions) == (2, 1, 1, 1)
    (alpha_again,) = web.hits("/a.rss")[1:]
    assert alpha_again.headers.get("If-None-Match") and alpha_again.status == 304
    assert len(stub.coded) == 5  # b1 changed, b2 new; nothing of Alpha coded again

    # Both unchanged now: two 304s, nothing coded.
    clock.advance(60)
    third = w.poll_once()
    assert (third.not_modified, third.new, third.versions) == (2, 0, 0)
    assert len(stub.coded) == 5

    stored = articles(store)
    assert sorted(stored) == sorted([
        ("http://news.test/a1", 1, True), ("http://news.test/a2", 1, True),
        ("http://news.test/b1", 1, False), ("http://news.test/b1", 2, True),
        ("http://news.test/b2", 1, True),
    ])  # fmt: skip
    # The changed item's events are the current ones; its old event left its cluster.
    codes = sorted(e.record["cameo"]["code"] for e in iter_events(store))
    assert codes == ["042", "112", "173", "183"]
    with store.session(readonly=True) as session:
        clusters = session.scalar(select(func.count()).select_from(schema.Cluster))
    assert clusters == 4


def test_failures_are_reported_retried_later_and_never_block_the_rest(store, web, stub, clock):
    from tests.watch.helpers import Web

    web.set(
        "/ok.rss", rss("Ok", [Item("o1", story("USAGOV", "042", "ISRGOV"), "http://n.test/o1")])
    )
    web.set("/broken.rss", Page(b"<?xml version='1.0'?><rss><channel>\x01 <<<>>> &; </chan"))
    web.set("/html.rss", Page(b"<html><body>Not a feed</body></html>", content_type="text/html"))
    web.set("/slow.rss", Page(rss("Slow", []), delay=8.0))
    # Another host (a 429 pauses every request to its host, so it gets its own server).
    busy = Web()
    busy.set("/busy.rss", rss("Busy", [Item("u1", story("EGYGOV", "042", "QATGOV"),
                                            "http://n.test/u1")]))  # fmt: skip
    busy.once("/busy.rss", Page(b"slow down", status=429, headers={"Retry-After": "150"},
                                content_type="text/plain"))  # fmt: skip
    urls = [web.url(p) for p in ("/ok.rss", "/broken.rss", "/html.rss", "/slow.rss", "/gone.rss")]
    urls.append(busy.url("/busy.rss"))
    w = Watcher(store, urls, stub, coder_version=CODER_VERSION, clock=clock,
                options=WatchOptions(**{**FAST, "timeout": 1.5}))  # fmt: skip
    try:
        started = time.monotonic()
        first = w.poll_once()
        took = time.monotonic() - started
        assert (first.polled, first.new, first.failed_feeds) == (6, 1, 5)
        assert took < 4.5, took  # the slow feed cost its deadline, once, beside the others
        states = {url.rsplit("/", 1)[1]: state for url, state in w.states.items()}
        assert states["busy.rss"].last_status == 429
        assert "not a valid RSS/Atom feed" in states["broken.rss"].last_error
        assert "not an RSS/Atom feed or a sitemap" in states["html.rss"].last_error
        assert "no complete response within 1.5 s" in states["slow.rss"].last_error
        assert "HTTP 404" in states["gone.rss"].last_error
        assert all(state.failures == 1 for name, state in states.items() if name != "ok.rss")

        # 90 s on: the others are due again (a failure backs off one interval, then two),
        # but Busy asked for 150 s.
        clock.advance(90)
        second = w.poll_once()
        assert len(busy.hits("/busy.rss")) == 1
        assert len(web.hits("/ok.rss")) == 2, (second, w.states)
        assert len(web.hits("/broken.rss")) == 2
        assert w.states[web.url("/broken.rss")].failures == 2
        assert second.failed_feeds == 4, [(s.url, s.last_error) for s in w.states.values()]

        clock.advance(61)  # 151 s after the 429
        third = w.poll_once()
        assert len(busy.hits("/busy.rss")) == 2 and third.new == 1
        assert w.states[busy.url("/busy.rss")].failures == 0
        assert w.states[web.url("/broken.rss")].failures == 2  # backing off: 2 intervals
        assert len(web.hits("/broken.rss")) == 2
        stored = sorted(loc for loc, _v, _c in articles(store))
        assert stored == ["http://n.test/o1", "http://n.test/u1"]
    finally:
        busy.close()


def test_state_survives_a_restart(store_url, web, clock):
    from tests.watch.helpers import StubCoder

    items = [Item("r1", story("USAGOV", "042", "ISRGOV"), "http://n.test/r1")]
    web.set("/r.rss", rss("Restart", items))
    web.set("/plain.rss", Page(rss("Plain", [Item("p1", story("ISRGOV", "112", "USAGOV"))]),
                               validators=False))  # fmt: skip
    first_coder = StubCoder()
    with open_store(store_url) as store:
        assert (
            watcher(store, web, first_coder, clock, ["/r.rss", "/plain.rss"]).poll_once().new == 2
        )

    # A new process: the schedule, the validators and the items seen come from the store.
    second_coder = StubCoder()
    with open_store(store_url) as store:
        w = watcher(store, web, second_coder, clock, ["/r.rss", "/plain.rss"])
        clock.advance(10)
        assert w.poll_once().polled == 0  # polled 10 s ago: not due
        clock.advance(50)
        report = w.poll_once()
        assert (report.polled, report.not_modified, report.new, report.skipped) == (2, 1, 0, 0)
        assert web.hits("/r.rss")[-1].headers.get("If-None-Match")
        assert second_coder.coded == []  # the plain feed's item was known: not coded again
        items.append(Item("r2", story("USAGOV", "036", "EGYGOV"), "http://n.test/r2"))
        web.set("/r.rss", rss("Restart", items))
        clock.advance(60)
        assert w.poll_once().new == 1
        assert len(second_coder.coded) == 1
        assert len(articles(store)) == 3


@pytest.mark.parametrize("store_url", ["sqlite"], indirect=True)
def test_a_stop_during_ingest_keeps_the_rest_for_the_next_poll(store, web, stub, clock):
    items = [Item(f"s{n}", story("USAGOV", "042", "ISRGOV", extra=f"Part {n}."),
                  f"http://n.test/s{n}") for n in range(4)]  # fmt: skip
    web.set("/s.rss", rss("Stop", items))
    w = watcher(store, web, stub, clock, ["/s.rss"])

    class StopAfterTwo:
        def code_many(self, articles, batch_size=16):
            for events in stub.code_many(articles, batch_size):
                yield events
                if len(stub.coded) == 2:
                    w.stop.set()

    w.coder = StopAfterTwo()
    report = w.poll_once()
    assert report.new == 2 and report.stopped
    # The feed's validators were not kept: the next run reads it in full and takes the rest.
    assert w.states[web.url("/s.rss")].etag is None
    w.stop.clear()
    clock.advance(60)
    assert w.poll_once().new == 2
    assert len(articles(store)) == 4


@pytest.mark.parametrize("store_url", ["sqlite"], indirect=True)
def test_a_bug_reading_one_feed_or_item_fails_that_one_alone(store, web, stub, clock, monkeypatch):
    from flashpoint.watch import runner

    web.set("/a.rss", rss("A", [Item("a1", story("USAGOV", "042", "ISRGOV"), "http://n.test/a1"),
                                Item("a2", "Crash here.", "http://n.test/a2")]))  # fmt: skip
    web.set("/b.rss", rss("B", [Item("b1", story("ISRGOV", "112", "USAGOV"), "http://n.test/b1")]))
    web.set("/c.rss", rss("C", [Item("c1", story("EGYGOV", "036", "QATGOV"), "http://n.test/c1")]))
    real_parse, real_entry = runner.parse_feed, runner.entry_document

    def parse(data, url, content_type=None):
        if url.endswith("/c.rss"):
            raise ZeroDivisionError("a bug")
        return real_parse(data, url, content_type)

    def entry(entry, name, *args, **kwargs):
        if "Crash" in entry.get("summary", ""):
            raise KeyError("another bug")
        return real_entry(entry, name, *args, **kwargs)

    monkeypatch.setattr(runner, "parse_feed", parse)
    monkeypatch.setattr(runner, "entry_document", entry)
    w = watcher(store, web, stub, clock, ["/a.rss", "/b.rss", "/c.rss"])
    report = w.poll_once()
    assert (report.new, report.failed_items, report.failed_feeds) == (2, 1, 1)
    assert "could not be read (ZeroDivisionError: a bug)" in w.states[web.url("/c.rss")].last_error
