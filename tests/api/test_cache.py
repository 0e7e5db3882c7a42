"""Repeated reads are answered from the response cache until the store changes, whoever
changes it, and every cacheable answer can be revalidated with its ETag (SQLite and
PostgreSQL; the hand-built corpus, no spaCy)."""

from __future__ import annotations

import pytest

from flashpoint.store import open_store, write_article
from tests.api.helpers import client
from tests.store.helpers import VERSION, document, event

READS = [
    ("/v1/events", {"source": "USA"}),
    ("/v1/events/1", {}),
    ("/v1/dyads/USA/ISR", {"freq": "week"}),
    ("/v1/network", {}),
    ("/v1/clusters", {}),
]


def _add_article(db: str) -> None:
    """A write by another program: its own store, not the server's."""
    doc = document("A later article.", url="https://delta.example/7", date="2025-12-03")
    events = [event(doc.article.doc_id, source="USAGOV", target="ISRGOV", code="042",
                    date="2025-12-03", quad_class=1, goldstein=1.9)]  # fmt: skip
    with open_store(db) as store:
        assert write_article(store, doc, events, coder_version=VERSION).status == "new"


@pytest.mark.parametrize(("path", "params"), READS)
def test_a_repeated_read_is_served_from_the_cache_with_the_same_body(corpus_db, path, params):
    with client(corpus_db) as api:
        cache = api.app.state.response_cache
        first = api.get(path, params=params)
        assert first.status_code == 200
        hits = cache.hits
        second = api.get(path, params=params)
        assert cache.hits == hits + 1
        assert second.content == first.content
        assert second.headers["etag"] == first.headers["etag"]
        assert second.headers["content-type"] == first.headers["content-type"]
        assert second.headers["cache-control"] == "no-cache"
        # The security headers are put on cached answers as on computed ones.
        assert second.headers["content-security-policy"].startswith("default-src 'none'")


def test_a_write_by_another_program_ends_the_cached_answers(corpus_db):
    with client(corpus_db) as api:
        before = api.get("/v1/events", params={"source": "USA"})
        series = api.get("/v1/dyads/USA/ISR", params={"freq": "week"}).json()["series"]
        _add_article(corpus_db)
        after = api.get("/v1/events", params={"source": "USA"})
        assert after.json()["count"] == before.json()["count"] + 1
        assert after.headers["etag"] != before.headers["etag"]
        assert api.get("/v1/dyads/USA/ISR", params={"freq": "week"}).json()["series"] != series
        # A client revalidating the old answer gets the new one, not a 304.
        again = api.get("/v1/events", params={"source": "USA"},
                        headers={"if-none-match": before.headers["etag"]})  # fmt: skip
        assert again.status_code == 200 and again.content == after.content


def test_if_none_match_gets_304_while_the_answer_is_unchanged(corpus_db):
    with client(corpus_db, cache_bytes=0) as api:  # revalidation needs no cache
        assert api.app.state.response_cache is None
        first = api.get("/v1/events/1")
        etag = first.headers["etag"]
        same = api.get("/v1/events/1", headers={"if-none-match": f'"x", {etag}'})
        assert same.status_code == 304 and same.content == b""
        assert same.headers["etag"] == etag
        weak = api.get("/v1/events/1", headers={"if-none-match": f"W/{etag}"})
        assert weak.status_code == 304
        other = api.get("/v1/events/1", headers={"if-none-match": '"something-else"'})
        assert other.status_code == 200 and other.content == first.content


def test_streams_errors_health_and_writes_are_never_cached(corpus_db):
    with client(corpus_db) as api:
        cache = api.app.state.response_cache
        for _ in range(2):
            export = api.get("/v1/events", params={"format": "csv"})
            assert export.status_code == 200 and "etag" not in export.headers
            missing = api.get("/v1/events/999999")
            assert missing.status_code == 404 and "etag" not in missing.headers
            health = api.get("/v1/health")
            assert "etag" not in health.headers
        assert cache.hits == 0
        # The health check reads the store each time: a write shows at once.
        events = health.json()["store"]["events"]
        _add_article(corpus_db)
        assert api.get("/v1/health").json()["store"]["events"] == events + 1


def test_cached_answers_are_counted_under_their_route(corpus_db):
    import re

    def counted(api, pattern: str) -> float:  # the metrics live in one registry per process
        found = re.search(pattern + r" (\S+)", api.get("/metrics").text)
        return float(found.group(1)) if found else 0.0

    answered = (
        r'flashpoint_http_requests_total\{method="GET",route="/v1/events/\{event_id\}",'
        r'status="200"\}'
    )
    hits = r'flashpoint_http_cache_total\{result="hit"\}'
    with client(corpus_db) as api:
        before = counted(api, answered), counted(api, hits)
        for _ in range(3):
            api.get("/v1/events/2")
        assert api.app.state.response_cache.hits == 2
        assert counted(api, answered) == before[0] + 3
        assert counted(api, hits) == before[1] + 2


def test_the_cache_keeps_to_its_size():
    from flashpoint.api.cache import ResponseCache, _Answer

    cache = ResponseCache(max_bytes=1000)
    for n in range(20):
        cache.put((n,), _Answer(200, (), b"x" * 100, b'"e"'))
    assert cache.get((0,)) is None and cache.get((19,)) is not None
    assert sum(cache.get((n,)) is not None for n in range(20)) == 10
    cache.put(("huge",), _Answer(200, (), b"x" * 900, b'"e"'))  # over 1/8 of the cache
    assert cache.get(("huge",)) is None


def test_change_reads_are_shared_but_never_older_than_the_request():
    import asyncio
    import threading

    from flashpoint.api.cache import ChangeReader

    calls, release = [], threading.Event()

    def read() -> int:  # a slow look-up: its value is the number of the read
        calls.append(1)
        release.wait(5)
        return len(calls)

    async def scenario() -> tuple[list[int], list[int]]:
        reader = ChangeReader(read)
        early = [asyncio.create_task(reader.read()) for _ in range(3)]
        await asyncio.sleep(0.05)  # the first read is running now
        late = [asyncio.create_task(reader.read()) for _ in range(5)]
        await asyncio.sleep(0.05)
        release.set()
        return list(await asyncio.gather(*early)), list(await asyncio.gather(*late))

    early, late = asyncio.run(scenario())
    assert early == [1, 1, 1]  # one read for the three that came together
    assert late == [2] * 5  # those that came during it wait for the next one
    assert len(calls) == 2
