"""Many-article inputs: folders, JSON Lines, feeds, datelines (no spaCy needed)."""

from __future__ import annotations

import json

from flashpoint.ingest.dateline import dateline_date
from flashpoint.ingest.documents import Document, Failure, iter_documents

STORY = (
    "CAIRO, Dec 29 (Flashpoint Wire) - Egypt hosted talks with Qatar in Cairo on Monday "
    "about the Gaza ceasefire, two Egyptian officials said after the meeting ended."
)
PLAIN = (
    "Egypt hosted talks with Qatar in Cairo on Monday about the Gaza ceasefire, two Egyptian "
    "officials said after the meeting ended."
)

RSS = """<?xml version="1.0"?>
<rss version="2.0"><channel><title>Example Wire</title><link>https://wire.example</link>
<item><title>Talks in Cairo</title><link>https://wire.example/talks</link>
<pubDate>Tue, 30 Dec 2025 08:00:00 GMT</pubDate>
<description>&lt;p&gt;Egypt hosted talks with Qatar in Cairo on Monday about the Gaza
ceasefire, two Egyptian officials said after the meeting.&lt;/p&gt;</description></item>
<item><title>Headline only</title><link>https://wire.example/empty</link></item>
</channel></rss>"""


def split(items):
    docs = [i for i in items if isinstance(i, Document)]
    fails = [i for i in items if isinstance(i, Failure)]
    return docs, fails


def test_dateline_year_is_inferred_from_the_reference():
    assert dateline_date(STORY, "2025-12-30") == "2025-12-29"
    assert dateline_date(STORY, "2026-01-03") == "2025-12-29"
    assert dateline_date("WASHINGTON, March 3, 2024 - The talks") == "2024-03-03"
    assert dateline_date("Hello, Dec 3 - not a dateline") is None
    assert dateline_date(PLAIN, "2025-12-30") is None


def test_a_yearless_dateline_never_takes_the_clock_s_year(tmp_path):
    # "CAIRO, Dec 29" with no metadata date and no --date: the year is unknown, so is the date.
    assert dateline_date(STORY) is None
    (tmp_path / "a.txt").write_text(STORY)
    lines = [{"text": STORY, "date": "2024-12-29"}]
    (tmp_path / "b.jsonl").write_text("".join(json.dumps(x) + "\n" for x in lines))
    docs, _ = split(list(iter_documents([str(tmp_path)])))
    assert [(d.article.date, d.date_source) for d in docs] == [
        (None, None),
        ("2024-12-29", "metadata"),
    ]


def test_story_date_comes_from_metadata_then_dateline_then_option(tmp_path):
    (tmp_path / "a_dateline.txt").write_text(STORY)
    (tmp_path / "b_plain.txt").write_text(PLAIN)
    lines = [{"text": PLAIN + " Again.", "date": "2025-11-02T10:00:00Z", "publisher": "P"}]
    (tmp_path / "c.jsonl").write_text("\n".join(json.dumps(x) for x in lines))
    docs, fails = split(list(iter_documents([str(tmp_path)], date="2025-12-30")))
    assert not fails
    got = [(d.article.date, d.date_source) for d in docs]
    assert got == [
        ("2025-12-29", "dateline"),
        ("2025-12-30", "option"),
        ("2025-11-02", "metadata"),
    ]
    assert docs[2].publisher == "P"
    assert docs[0].locator == str(tmp_path / "a_dateline.txt")


def test_bad_files_and_lines_are_failures_by_name_and_the_rest_goes_on(tmp_path):
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "latin1.txt").write_bytes(b"\xff\xfe\x00\x00garbage\x00\x01\x02" * 20)
    (tmp_path / "good.txt").write_text(PLAIN)
    (tmp_path / "notes.md").write_text("ignored: not an article type")
    bad_lines = [
        json.dumps({"text": PLAIN, "url": "https://x.example/1"}),
        "{not json",
        json.dumps({"title": "no text"}),
        json.dumps({"text": PLAIN + " More.", "date": "someday"}),
    ]
    (tmp_path / "mixed.jsonl").write_text("\n".join(bad_lines))
    docs, fails = split(list(iter_documents([str(tmp_path)])))
    names = sorted(f.name.removeprefix(str(tmp_path) + "/") for f in fails)
    assert names == ["empty.txt", "latin1.txt", "mixed.jsonl:2", "mixed.jsonl:3", "mixed.jsonl:4"]
    assert len(docs) == 2
    by_name = {f.name.rsplit("/", 1)[-1]: f.reason for f in fails}
    assert "empty" in by_name["empty.txt"]
    assert "text" in by_name["mixed.jsonl:3"]


def test_feed_entries_are_coded_from_their_summary_without_fetching(tmp_path):
    (tmp_path / "wire.rss").write_text(RSS)
    docs, fails = split(list(iter_documents([str(tmp_path / "wire.rss")])))
    assert len(docs) == 1 and len(fails) == 1
    doc = docs[0]
    assert doc.article.text.startswith("Egypt hosted talks")
    assert "<p>" not in doc.article.text
    assert (doc.article.date, doc.date_source) == ("2025-12-30", "metadata")
    assert (doc.publisher, doc.article.url) == ("Example Wire", "https://wire.example/talks")
    assert "--fetch-links" in fails[0].reason


def test_feed_links_are_fetched_only_when_asked(tmp_path, local_server):
    from tests.ingest.ingest_http import Route

    page = (
        "<html><head><title>Talks</title></head><body><article><p>"
        + PLAIN * 3
        + "</p></article></body></html>"
    )
    local_server.routes["/talks"] = Route(body=page.encode(), content_type="text/html")
    feed = RSS.replace("https://wire.example/talks", local_server.url("/talks"))
    (tmp_path / "wire.xml").write_text(feed)
    split(list(iter_documents([str(tmp_path / "wire.xml")])))
    assert not local_server.requests
    docs, _ = split(list(iter_documents([str(tmp_path / "wire.xml")], fetch_links=True)))
    assert [s["path"] for s in local_server.requests] == ["/talks"]
    assert docs[0].article.url == local_server.url("/talks")


def test_a_named_url_is_read_as_a_feed_or_a_page(local_server):
    from tests.ingest.ingest_http import Route

    local_server.routes["/feed"] = Route(body=RSS.encode(), content_type="application/rss+xml")
    page = "<html><body><article><p>" + PLAIN * 3 + "</p></article></body></html>"
    local_server.routes["/story"] = Route(body=page.encode())
    docs, fails = split(list(iter_documents([local_server.url("/feed")])))
    assert [d.publisher for d in docs] == ["Example Wire"] and len(fails) == 1
    assert [r["path"] for r in local_server.requests] == ["/feed"]  # entry links not fetched
    docs, fails = split(list(iter_documents([local_server.url("/story")])))
    assert not fails and docs[0].article.url == local_server.url("/story")
    assert docs[0].locator == local_server.url("/story")
    assert docs[0].publisher.startswith("127.0.0.1")  # no site name: the host stands in
