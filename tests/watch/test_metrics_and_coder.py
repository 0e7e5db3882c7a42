"""The watcher's counters on ``/metrics`` (with what the store says of the feeds and alerts),
and one run with the real coder: clusters updated as a second outlet reports an event."""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient

from flashpoint.alerts import parse_rules
from flashpoint.api import create_app
from flashpoint.store import iter_events
from flashpoint.watch import Watcher, WatchOptions
from tests.store.test_ingest import CAIRO_A, CAIRO_B
from tests.watch.helpers import CODER_VERSION, Item, Page, rss, story


def _value(page: str, sample: str) -> float:
    match = re.search(re.escape(sample) + r" ([0-9.e+-]+)", page)
    return float(match.group(1)) if match else 0.0


@pytest.mark.parametrize("store_url", ["sqlite"], indirect=True)
def test_counters_and_feed_state_on_metrics(store, web, stub, clock):
    web.set("/ok.rss", rss("Ok", [Item("o1", story("USAGOV", "190", "IRNGOV"), "http://o.test/1")]))
    web.set("/bad.rss", Page(b"<html>nope</html>", content_type="text/html"))
    rules = parse_rules({"rule": [{"name": "metrics-rule", "kind": "match", "actor": "IRN"}]})
    app = create_app(store=store)
    with TestClient(app) as client:
        before = client.get("/metrics").text
        w = Watcher(store, [web.url("/ok.rss"), web.url("/bad.rss")], stub, clock=clock,
                    coder_version=CODER_VERSION, rules=rules,
                    options=WatchOptions(host_interval=0.0))  # fmt: skip
        w.poll_once()
        page = client.get("/metrics").text

    def grew(sample: str) -> float:
        return _value(page, sample) - _value(before, sample)

    assert grew('flashpoint_watch_polls_total{result="ok"}') == 1
    assert grew('flashpoint_watch_polls_total{result="failed"}') == 1
    assert grew('flashpoint_watch_articles_total{status="new"}') == 1
    assert grew('flashpoint_watch_failures_total{kind="feed"}') == 1
    assert grew('flashpoint_watch_alerts_total{rule="metrics-rule"}') == 1
    # What the store holds, whichever process wrote it:
    assert 'flashpoint_watch_feeds{state="ok"} 1.0' in page
    assert 'flashpoint_watch_feeds{state="failing"} 1.0' in page
    assert 'flashpoint_alerts{delivery="none"} 1.0' in page


@pytest.mark.slow
@pytest.mark.parametrize("store_url", ["sqlite"], indirect=True)
def test_with_the_real_coder_a_second_report_joins_the_cluster(store, web, coder, clock):
    web.set("/a.rss", rss("Alpha News", [Item("a", CAIRO_A, "http://alpha.test/cairo")]))
    web.set("/b.rss", rss("Beta Wire", []))
    w = Watcher(store, [web.url("/a.rss"), web.url("/b.rss")], coder, clock=clock,
                coder_version=CODER_VERSION, options=WatchOptions(host_interval=0.0))  # fmt: skip
    assert w.poll_once().new == 1
    talks = [e for e in iter_events(store) if e.record["cameo"]["code"].startswith("04")]
    assert talks and all(e.cluster.num_sources == 1 for e in talks)

    web.set("/b.rss", rss("Beta Wire", [Item("b", CAIRO_B, "http://beta.test/cairo")]))
    clock.advance(900)
    assert w.poll_once().new == 1
    both = [e for e in iter_events(store) if e.record["cameo"]["code"].startswith("04")]
    assert {e.article_id for e in both} == {talks[0].article_id, both[-1].article_id}
    # Both outlets' reports of the talks are one real-world event, with two sources.
    joined = {e.cluster.id for e in both if e.cluster.num_sources == 2}
    assert joined and all(e.cluster.id in joined for e in talks)
