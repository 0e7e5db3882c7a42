"""Politeness: robots.txt for fetched links, the per-host rate limit and concurrency cap, the
User-Agent, Retry-After on links; sitemaps and sitemap indexes."""

from __future__ import annotations

import itertools

import pytest

from flashpoint.store import iter_events
from flashpoint.watch import Watcher, WatchOptions
from tests.watch.helpers import (
    CODER_VERSION,
    Item,
    Page,
    html_page,
    rss,
    sitemap,
    sitemap_index,
    story,
)

pytestmark = pytest.mark.parametrize("store_url", ["sqlite"], indirect=True)


def _watcher(store, web, stub, clock, paths, **options):
    settings = {"host_interval": 0.0, "workers": 4, "every": 60.0, **options}
    return Watcher(store, [web.url(p) for p in paths], stub, coder_version=CODER_VERSION,
                   options=WatchOptions(**settings), clock=clock)  # fmt: skip


def test_links_are_fetched_politely(store, web, stub, clock):
    links = [web.url(f"/news/{n}") for n in range(4)] + [web.url("/private/secret")]
    for n in range(4):
        web.set(f"/news/{n}", html_page(f"Story {n}", story("USAGOV", "042", "ISRGOV",
                                                             extra=f"Number {n}.")))  # fmt: skip
    web.set("/private/secret", html_page("Secret", story("USAGOV", "190", "IRNGOV")))
    web.set("/robots.txt", Page(b"User-agent: *\nDisallow: /private/\n",
                                content_type="text/plain", validators=False))  # fmt: skip
    web.set("/links.rss", rss("Links", [Item(f"l{n}", "", link) for n, link in enumerate(links)]))
    agent = "fp-test/1.0 (+ops@x.test)"
    w = _watcher(store, web, stub, clock, ["/links.rss"], fetch_links=True,
                 host_interval=0.2, host_connections=1, user_agent=agent)  # fmt: skip

    report = w.poll_once()
    assert (report.new, report.failed_items) == (4, 1)
    assert web.hits("/private/secret") == []  # robots.txt said no: never asked
    assert len(web.hits("/robots.txt")) == 1  # read once per site
    pages = [r for r in web.requests if r.path.startswith("/news/")]
    assert len(pages) == 4 and web.max_in_flight == 1
    assert all(r.headers["User-Agent"] == agent for r in web.requests)
    starts = sorted(r.at for r in web.requests)
    gaps = [b - a for a, b in itertools.pairwise(starts)]
    # At least host_interval between two requests' starts (seen from the server, which adds
    # the jitter of a busy machine to each arrival).
    assert starts[-1] - starts[0] >= 0.2 * len(gaps) - 0.05 and min(gaps) >= 0.1, gaps
    urls = sorted(e.url for e in iter_events(store))
    assert urls == sorted(links[:4])
    # The disallowed item is not asked again while it stays as it is.
    clock.advance(60)
    web.set("/links.rss", rss("Links", [Item(f"l{n}", "", link) for n, link in enumerate(links)])
            + b" ")  # a changed body (new ETag), the same items  # fmt: skip
    assert w.poll_once().failed_items == 0


def test_a_busy_page_is_taken_again_after_its_retry_after(store, web, stub, clock):
    web.set("/robots.txt", Page(b"", status=404, content_type="text/plain"))
    web.set("/p/1", html_page("One", story("USAGOV", "042", "ISRGOV")))
    web.once("/p/1", Page(b"busy", status=503, headers={"Retry-After": "30"},
                          content_type="text/plain"))  # fmt: skip
    web.set("/l.rss", rss("L", [Item("x", "", web.url("/p/1"))]))
    w = _watcher(store, web, stub, clock, ["/l.rss"], fetch_links=True)

    first = w.poll_once()
    assert (first.new, first.retry_items) == (0, 1)
    assert w.states[web.url("/l.rss")].etag is None  # read in full next time
    clock.advance(60)
    second = w.poll_once()
    assert (second.new, second.retry_items) == (1, 0)
    assert len(web.hits("/p/1")) == 2


def test_sitemaps_and_sitemap_indexes(store, web, stub, clock):
    web.set("/robots.txt", Page(b"User-agent: *\nAllow: /\n", content_type="text/plain"))
    for n in range(3):
        web.set(f"/s/{n}", html_page(f"Page {n}", story("EGYGOV", "036", "QATGOV",
                                                        extra=f"Page {n}.")))  # fmt: skip
    web.set("/one.xml", Page(sitemap([(web.url("/s/0"), "2025-12-30")]),
                             content_type="application/xml"))  # fmt: skip
    web.set("/two.xml", Page(sitemap([(web.url("/s/1"), "2025-12-30"),
                                      (web.url("/s/2"), "2025-12-29")]),
                             content_type="application/xml"))  # fmt: skip
    web.set("/index.xml", Page(sitemap_index([(web.url("/two.xml"), "2025-12-30")]),
                               content_type="application/xml"))  # fmt: skip
    w = _watcher(store, web, stub, clock, ["/one.xml", "/index.xml"])

    assert w.poll_once().new == 3  # a sitemap's pages are fetched: it carries no text
    clock.advance(60)
    web.set("/index.xml", Page(sitemap_index([(web.url("/two.xml"), "2025-12-30")]) + b"\n",
                               content_type="application/xml"))  # fmt: skip
    again = w.poll_once()
    assert again.new == 0 and len(web.hits("/two.xml")) == 1  # unchanged: not read again
    assert len(web.hits("/s/1")) == 1


def test_an_unreadable_robots_txt_holds_the_page_back_for_now(store, web, stub, clock):
    web.set("/robots.txt", Page(b"User-agent: *\nAllow: /\n", content_type="text/plain"))
    web.once("/robots.txt", Page(b"down", status=503, content_type="text/plain"))
    web.set("/p/1", html_page("One", story("USAGOV", "042", "ISRGOV")))
    web.set("/l.rss", rss("L", [Item("x", "", web.url("/p/1"))]))
    w = _watcher(store, web, stub, clock, ["/l.rss"], fetch_links=True)

    first = w.poll_once()
    assert (first.new, first.retry_items, first.failed_items) == (0, 1, 0)
    assert web.hits("/p/1") == []  # not fetched while robots.txt could not be read
    clock.advance(60)
    assert w.poll_once().new == 1
    assert len(web.hits("/robots.txt")) == 2 and len(web.hits("/p/1")) == 1


def test_a_failing_cycle_is_retried_and_a_persistent_fault_ends_the_run(store, stub, caplog):
    from flashpoint.watch import runner

    w = Watcher(store, ["http://x.test/rss"], stub, coder_version=CODER_VERSION,
                options=WatchOptions(every=0.01))  # fmt: skip
    calls = []

    def flaky():
        calls.append(1)
        if len(calls) <= 2:
            raise OSError("database is gone for a moment")
        w.stop.set()

    w.poll_once = flaky
    w.run()
    assert len(calls) == 3
    assert sum(r.getMessage().startswith("the cycle failed (OSError") for r in caplog.records) == 2

    def broken():
        raise RuntimeError("for good")

    w.stop.clear()
    w.poll_once = broken
    with pytest.raises(RuntimeError, match="for good"):
        w.run()
    assert runner.MAX_FAILED_CYCLES == 5


def test_links_to_private_addresses_on_other_hosts_are_refused(store, web, stub, clock):
    # The feed is on 127.0.0.1:PORT; "localhost:PORT" is another host name, on loopback.
    web.set("/robots.txt", Page(b"", status=404, content_type="text/plain"))
    web.set("/inner", html_page("Inner", story("USAGOV", "042", "ISRGOV")))
    other = web.url("/inner").replace("127.0.0.1", "localhost")
    web.set("/l.rss", rss("L", [Item("x", "", other)]))
    w = _watcher(store, web, stub, clock, ["/l.rss"], fetch_links=True)
    assert w.poll_once().failed_items == 1
    assert web.hits("/inner") == [] and web.hits("/robots.txt") == []
    with store.session(readonly=True) as session:
        from flashpoint.store import schema

        item = session.query(schema.FeedItem).one()
    assert item.status == "failed" and "a loopback address" in item.error
    assert "--allow-private-links" in item.error

    allowing = _watcher(store, web, stub, clock, ["/l.rss"], fetch_links=True,
                        allow_private_links=True)  # fmt: skip
    web.set("/l.rss", rss("L", [Item("x", "Now with a summary.", other)]))  # changed: taken again
    clock.advance(60)
    assert allowing.poll_once().new == 1
    assert len(web.hits("/inner")) == 1


def test_a_feed_over_the_size_limit_is_refused(store, web, stub, clock):
    items = [Item(f"i{n}", story("USAGOV", "042", "ISRGOV", extra="x" * 500)) for n in range(10)]
    web.set("/big.rss", rss("Big", items))
    w = _watcher(store, web, stub, clock, ["/big.rss"], max_bytes=2000)
    assert w.poll_once().failed_feeds == 1
    assert "over the 2,000-byte limit" in w.states[web.url("/big.rss")].last_error
