"""Small parts of watching: the host limiter, Retry-After, durations, the watch list, feed
and sitemap items."""

from __future__ import annotations

import datetime as dt
import itertools
import threading
import time

import pytest

from flashpoint.durations import format_duration, parse_duration
from flashpoint.errors import InputError
from flashpoint.watch import read_feed_list
from flashpoint.watch.polite import HostLimiter, Stopped, retry_after_seconds
from flashpoint.watch.sources import FeedFormatError, parse_feed
from tests.watch.helpers import Item, rss, sitemap, sitemap_index


def test_host_limiter_caps_and_spaces_requests():
    stop = threading.Event()
    limiter = HostLimiter(interval=0.05, connections=2, stop=stop)
    active, peak, starts = [0], [0], []
    lock = threading.Lock()

    def request() -> None:
        limiter.acquire("h")
        with lock:
            active[0] += 1
            peak[0] = max(peak[0], active[0])
            starts.append(time.monotonic())
        time.sleep(0.12)
        with lock:
            active[0] -= 1
        limiter.release("h")

    threads = [threading.Thread(target=request) for _ in range(5)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    starts.sort()
    assert peak[0] == 2
    gaps = [b - a for a, b in itertools.pairwise(starts)]
    assert starts[-1] - starts[0] >= 0.05 * len(gaps) - 0.01 and min(gaps) >= 0.02, gaps
    stop.set()
    with pytest.raises(Stopped):
        limiter.acquire("h")


def test_retry_after_in_seconds_or_as_a_date():
    now = dt.datetime(2025, 12, 30, 9, 0, tzinfo=dt.UTC)
    assert retry_after_seconds("120", now) == 120
    assert retry_after_seconds("Tue, 30 Dec 2025 09:05:00 GMT", now) == 300
    assert retry_after_seconds("Tue, 30 Dec 2025 08:00:00 GMT", now) == 0
    assert retry_after_seconds("soon", now) is None and retry_after_seconds(None, now) is None
    assert retry_after_seconds("99999999", now) == 86400  # a week is asked again tomorrow


@pytest.mark.parametrize(
    ("text", "seconds"),
    [("15m", 900), ("30s", 30), ("24h", 86400), ("1h30m", 5400), ("0.25s", 0.25),
     ("90", 90), ("2d", 172800), (" 1 w ", 604800), ("500ms", 0.5)],
)  # fmt: skip
def test_durations(text, seconds):
    assert parse_duration(text) == seconds


@pytest.mark.parametrize("text", ["", "15", "m", "15x", "-5s", "0s", "1h 30", "nan", "inf", "15m5"])
def test_bad_durations_are_refused(text):
    if text == "15":
        assert parse_duration(text) == 15
        return
    with pytest.raises(ValueError, match="duration"):
        parse_duration(text)


def test_format_duration():
    assert [format_duration(s) for s in (900, 86400, 0.25, 90)] == ["15m", "1d", "0.25s", "90s"]


def test_the_watch_list(tmp_path):
    listing = tmp_path / "feeds.txt"
    listing.write_text("# my feeds\nhttps://a.test/rss\n\n  https://b.test/feed#x  \n"
                       "https://a.test/rss\n")  # fmt: skip
    assert read_feed_list([str(listing), "http://c.test/atom"]) == [
        "https://a.test/rss", "https://b.test/feed#x", "http://c.test/atom"]  # fmt: skip
    listing.write_text("https://a.test/rss\nftp://b.test/x\n")
    with pytest.raises(InputError, match=r"feeds.txt:2: 'ftp://b.test/x' is not an http\(s\) URL"):
        read_feed_list([str(listing)])
    with pytest.raises(InputError, match="no such file"):
        read_feed_list([str(tmp_path / "missing.txt")])
    (tmp_path / "empty.txt").write_text("# nothing\n")
    with pytest.raises(InputError, match="no feed URLs"):
        read_feed_list([str(tmp_path / "empty.txt")])


def test_items_have_stable_keys_and_hashes_that_follow_their_content():
    first = parse_feed(rss("T", [Item("g1", "Text one.", "http://x.test/1")]), "u")
    same = parse_feed(rss("T", [Item("g1", "Text one.", "http://x.test/1")]), "u")
    edited = parse_feed(rss("T", [Item("g1", "Text two.", "http://x.test/1")]), "u")
    assert first.title == "T" and first.kind == "feed"
    assert first.items[0].key == same.items[0].key == edited.items[0].key
    assert first.items[0].content_hash == same.items[0].content_hash
    assert first.items[0].content_hash != edited.items[0].content_hash
    listed = [("http://x.test/a", "2025-12-01"), ("http://x.test/b", "2025-12-30")]
    pages = parse_feed(sitemap(listed), "s")
    assert pages.kind == "sitemap"
    assert [p.link for p in pages.items] == ["http://x.test/b", "http://x.test/a"]  # newest first
    index = parse_feed(sitemap_index([("http://x.test/s.xml", "2025-12-30")]), "i")
    assert index.kind == "sitemapindex" and index.items[0].kind == "sitemap"
    assert parse_feed(rss("Empty", []), "e").items == ()


@pytest.mark.parametrize(
    "body",
    [b"<html><body>hello</body></html>", b"{\"json\": true}",
     b"<?xml version='1.0'?><rss><channel>\x01 <<<>>>",
     b"<?xml version='1.0'?><urlset><url><loc>http://x</loc></urlset",
     b'<?xml version="1.0"?><!DOCTYPE urlset [<!ENTITY e SYSTEM "file:///etc/passwd">]>'
     b"<urlset><url><loc>&e;</loc></url></urlset>"],
)  # fmt: skip
def test_what_is_not_a_feed_is_a_clear_error(body):
    try:
        parsed = parse_feed(body, "http://x.test/feed")
    except FeedFormatError as exc:
        assert "http://x.test/feed" in str(exc)
    else:  # the entity is never resolved: the sitemap lists nothing
        assert parsed.items == ()
