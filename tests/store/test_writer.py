"""Writing articles: idempotency, versions, atomicity, merging and clustering (no spaCy)."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from flashpoint.store import schema, write_article
from flashpoint.store.writer import content_hash
from tests.store.helpers import VERSION, document, event, place


def count(store, model) -> int:
    with store.session() as session:
        return session.scalar(select(func.count()).select_from(model))


def write(store, doc, events, **kw):
    return write_article(store, doc, events, coder_version=VERSION, **kw)


def test_the_same_article_twice_is_stored_once(store):
    doc = document("Story one.", url="https://a.example/1", publisher="A")
    first = write(store, doc, [event(doc.article.doc_id)])
    again = write(store, doc, [event(doc.article.doc_id)])
    assert (first.status, again.status) == ("new", "skipped")
    assert again.article_id == first.article_id
    assert count(store, schema.Article) == 1
    assert count(store, schema.Event) == 1
    assert count(store, schema.Mention) == 1


def test_same_text_without_url_is_a_duplicate_wherever_it_comes_from(store):
    write(store, document("Same text.", locator="/news/a.txt"), [])
    result = write(store, document("Same text.", locator="/other/copy.txt"), [])
    assert result.status == "skipped"
    assert count(store, schema.Article) == 1


def test_syndicated_copy_at_another_url_is_another_article(store):
    write(store, document("Wire copy.", url="https://a.example/x", publisher="A"), [])
    result = write(store, document("Wire copy.", url="https://b.example/y", publisher="B"), [])
    assert result.status == "new"
    assert count(store, schema.Article) == 2


def test_a_changed_article_becomes_a_new_version(store):
    url = "https://a.example/story"
    v1 = write(store, document("First draft.", url=url), [event("d1")])
    v2 = write(store, document("Updated story.", url=url), [event("d2")])
    assert (v1.status, v2.status) == ("new", "version")
    with store.session() as session:
        rows = session.execute(
            select(schema.Article.version, schema.Article.is_current).order_by(schema.Article.id)
        ).all()
        cluster = session.scalars(select(schema.Cluster)).one()
    assert rows == [(1, False), (2, True)]
    # Only the current version counts in the cluster.
    assert (cluster.num_articles, cluster.num_mentions) == (1, 1)
    # Re-ingesting the old text again adds nothing: that version is already stored.
    assert write(store, document("First draft.", url=url), []).status == "skipped"


def test_a_replayed_insert_that_hits_the_unique_constraint_is_skipped(store, monkeypatch):
    """A concurrent writer (or a killed run replayed) inserting the same article is a skip."""
    import flashpoint.store.writer as writer

    doc = document("Raced story.", url="https://a.example/race")
    write(store, doc, [event()])
    real = writer.find_stored
    calls = []

    def blind_then_real(session, document):  # the first look misses, as in a race
        calls.append(1)
        return None if len(calls) == 1 else real(session, document)

    monkeypatch.setattr(writer, "find_stored", blind_then_real)
    result = write(store, doc, [event()])
    assert result.status == "skipped"
    assert count(store, schema.Article) == 1


def test_article_and_events_are_written_atomically(store, monkeypatch):
    import flashpoint.store.writer as writer

    def fail(*args, **kwargs):
        raise RuntimeError("disk full, say")

    monkeypatch.setattr(writer, "_mention_row", fail)
    with pytest.raises(RuntimeError):
        write(store, document("Doomed."), [event(), event(code="040", sentence=2)])
    for model in (schema.Article, schema.Event, schema.Mention, schema.Cluster):
        assert count(store, model) == 0, model
    monkeypatch.undo()
    assert write(store, document("Doomed."), [event()]).status == "new"


def test_repeated_mentions_in_one_article_are_one_event(store):
    doc = document("Repeated.")
    mentions = [
        event(source="USA", code="183", sentence=0, confidence=0.6),
        event(source="USAGOV", code="1831", sentence=3, confidence=0.7),  # more specific
        event(source="USAGOV", code="183", sentence=5, modality="reported"),
        event(source="USAGOV", code="183", sentence=6, modality="negated"),  # another event
        event(source="USAMIL", code="1831", sentence=7),  # USAGOV vs USAMIL: another event
        event(source="USAGOV", code="1832", sentence=8),  # 1831 vs 1832: another event
        event(source="USAGOV", code="190", sentence=9),  # another base code
    ]
    result = write(store, doc, mentions)
    assert (result.events, result.mentions) == (5, 7)
    with store.session() as session:
        first = session.scalars(select(schema.Event).order_by(schema.Event.id)).first()
        assert first.num_mentions == 3
        assert first.cameo_code == "1831"  # the most specific mention represents the event
        assert first.record["coder_version"] == VERSION
        assert sorted(m.sentence_index for m in first.mentions) == [0, 3, 5]


def test_reports_from_several_outlets_form_one_cluster(store):
    reports = [
        ("https://a.example/1", "Outlet A", "2025-12-29", 2),
        ("https://b.example/1", "Outlet B", "2025-12-30", 1),  # a day later: in the window
        ("https://c.example/1", "Outlet A", "2025-12-31", 1),  # same publisher as the first
    ]
    for i, (url, publisher, day, n) in enumerate(reports):
        doc = document(f"Report {i}.", url=url, publisher=publisher, date=day)
        events = [event(doc.article.doc_id, date=day, sentence=s) for s in range(n)]
        events.append(event(doc.article.doc_id, code="040", date=day, sentence=9))
        write(store, doc, events)
    # Outside the window (five days after the last), a reversed dyad, another code: new ones.
    write(store, document("Late.", date="2026-01-06"), [event("late", date="2026-01-06")])
    write(store, document("Reverse."), [event("rev", source="ISRGOV", target="USAGOV")])
    with store.session() as session:
        clusters = session.scalars(select(schema.Cluster).order_by(schema.Cluster.id)).all()
    strike = clusters[0]
    assert (strike.num_articles, strike.num_mentions, strike.num_sources) == (3, 4, 2)
    assert (str(strike.first_seen), str(strike.last_seen)) == ("2025-12-29", "2025-12-31")
    assert (str(strike.first_date), str(strike.last_date)) == ("2025-12-29", "2025-12-31")
    meeting = clusters[1]
    assert (meeting.cameo_base, meeting.num_articles, meeting.num_sources) == ("040", 3, 2)
    assert len(clusters) == 4


def test_articles_of_unknown_publisher_count_as_one_source(store):
    # Local files with no publisher and no URL: at least one source, never one per file.
    write(store, document("One.", date="2025-12-29"), [event("a", date="2025-12-29")])
    write(store, document("Two.", date="2025-12-29"), [event("b", date="2025-12-29")])
    write(
        store,
        document("Three.", url="https://c.example/1", publisher="Outlet C", date="2025-12-29"),
        [event("c", date="2025-12-29")],
    )
    with store.session() as session:
        cluster = session.scalars(select(schema.Cluster)).one()
    assert (cluster.num_articles, cluster.num_sources) == (3, 2)


def test_the_window_is_configurable(store, monkeypatch):
    monkeypatch.setenv("FLASHPOINT_DEDUPE_WINDOW", "0")
    write(store, document("One.", date="2025-12-29"), [event("a", date="2025-12-29")])
    write(store, document("Two.", date="2025-12-30"), [event("b", date="2025-12-30")])
    write(store, document("Three.", date="2025-12-30"), [event("c", date="2025-12-30")])
    with store.session() as session:
        sizes = session.scalars(select(schema.Cluster.num_articles).order_by(schema.Cluster.id))
        assert list(sizes) == [1, 2]


def test_incompatible_places_are_different_events(store):
    write(store, document("Gaza.", url="u1"), [event("a", location=place("Gaza", "PSE"))])
    write(store, document("Khan.", url="u2"), [event("b", location=place("Khan Younis", "PSE"))])
    write(store, document("Region.", url="u3"),
          [event("c", location=place("Gaza Strip", "PSE", "region"))])  # fmt: skip
    with store.session() as session:
        sizes = session.scalars(select(schema.Cluster.num_articles).order_by(schema.Cluster.id))
        assert list(sizes) == [2, 1]


def test_content_hash_is_sha256_of_the_text():
    assert content_hash("abc") == (
        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
    )


def test_reading_never_waits_for_a_writer(store_url):
    """`flashpoint events` during an ingest: readers take no write lock (SQLite WAL)."""
    import time

    from flashpoint.store import iter_events, open_store

    with open_store(store_url) as writer_store, open_store(store_url) as reader_store:
        write(writer_store, document("Before."), [event("a")])
        with writer_store.session() as session:  # a writer holding its transaction open
            cluster = schema.Cluster(cameo_code="010", cameo_base="010", cameo_root="01",
                                     quad_class=1, goldstein=0.0, polarity="factual")  # fmt: skip
            session.add(cluster)
            session.flush()
            started = time.monotonic()
            assert len(list(iter_events(reader_store))) == 1
            assert time.monotonic() - started < 5
