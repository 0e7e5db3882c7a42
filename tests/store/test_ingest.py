"""Ingesting real inputs through the coder into the store (SQLite and PostgreSQL)."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import func, select

from flashpoint import CODER_VERSION
from flashpoint.ingest.documents import iter_documents
from flashpoint.store import EventFilter, ingest_documents, iter_events, schema

pytestmark = pytest.mark.slow

CAIRO_A = (
    "Egypt hosted talks with Qatar in Cairo on Monday about the Gaza ceasefire, officials "
    "said in a statement issued after the meeting."
)
CAIRO_B = (
    "Egypt hosted talks with Qatar in Cairo on Monday about the Gaza ceasefire, two diplomats "
    "told reporters late in the evening."
)
DRONES = (
    "KYIV, Dec 30 (Example News) - Russia attacked Ukraine with drones overnight on Monday, "
    "Ukrainian officials said. The Ukrainian air force said Russia attacked Ukraine with 80 "
    "drones."
)


def run(store, coder, sources, **kw):
    items = iter_documents([str(s) for s in sources], date=kw.pop("date", "2025-12-30"))
    return ingest_documents(store, items, coder, coder_version=CODER_VERSION, **kw)


def counts(store):
    with store.session() as s:
        return tuple(
            s.scalar(select(func.count()).select_from(m))
            for m in (schema.Article, schema.Event, schema.Mention)
        )


def test_ingest_is_idempotent_and_a_changed_file_is_a_new_version(store, coder, tmp_path):
    (tmp_path / "a.txt").write_text(CAIRO_A)
    (tmp_path / "b.txt").write_text(DRONES)
    first = run(store, coder, [tmp_path])
    assert (first.new, first.skipped, first.failed) == (2, 0, 0)
    stored = counts(store)
    again = run(store, coder, [tmp_path])
    assert (again.new, again.skipped, again.events) == (0, 2, 0)
    assert counts(store) == stored
    (tmp_path / "a.txt").write_text(CAIRO_A + " Qatar thanked Egypt for hosting the talks.")
    third = run(store, coder, [tmp_path])
    assert (third.new, third.versions, third.skipped) == (0, 1, 1)
    with store.session() as s:
        versions = s.execute(
            select(schema.Article.version, schema.Article.is_current)
            .where(schema.Article.locator == str(tmp_path / "a.txt"))
            .order_by(schema.Article.version)
        ).all()
    assert versions == [(1, False), (2, True)]


def test_repeated_mentions_in_an_article_are_one_event(store, coder, tmp_path):
    (tmp_path / "drones.txt").write_text(DRONES)
    summary = run(store, coder, [tmp_path])
    attacks = [e for e in iter_events(store, EventFilter(source="RUS", codes=["19"]))]
    assert len(attacks) == 1, [e.record["evidence"]["text"] for e in attacks]
    assert attacks[0].num_mentions == 2
    assert attacks[0].record["date"] == "2025-12-29"  # "on Monday" before the Dec 30 dateline
    assert summary.mentions > summary.events


def test_five_outlets_reporting_one_event_make_one_cluster(store, coder, tmp_path):
    lines = [
        {"text": CAIRO_A, "url": "https://a.example/1", "publisher": "Alpha"},
        {"text": CAIRO_B, "url": "https://b.example/1", "publisher": "Beta"},
        {"text": CAIRO_A, "url": "https://c.example/9", "publisher": "Gamma"},  # syndicated
        {"text": CAIRO_B, "url": "https://d.example/2", "publisher": "Beta"},  # same outlet
        {"text": CAIRO_A + " Talks resume next week.", "url": "https://e.example/3"},
    ]
    (tmp_path / "cairo.jsonl").write_text("\n".join(json.dumps(x) for x in lines))
    summary = run(store, coder, [tmp_path / "cairo.jsonl"])
    assert summary.new == 5
    talks = list(iter_events(store, EventFilter(source="EGY", target="QAT", codes=["04"])))
    assert len(talks) == 5
    assert len({e.cluster.id for e in talks}) == 1
    cluster = talks[0].cluster
    # The fifth article has no publisher field: its host (e.example) stands in.
    assert (cluster.num_articles, cluster.num_sources) == (5, 4)
    assert cluster.num_mentions == sum(e.num_mentions for e in talks)
    assert {e.record["evidence"]["text"] for e in talks} >= {CAIRO_A, CAIRO_B}


def test_a_failing_file_is_reported_and_the_rest_is_stored(store, coder, tmp_path):
    (tmp_path / "good.txt").write_text(CAIRO_A)
    (tmp_path / "empty.txt").write_text("   \n")
    (tmp_path / "french.txt").write_text(
        "Le président a rencontré le premier ministre à Paris lundi pour discuter de la "
        "situation au Moyen-Orient et des négociations en cours."
    )
    summary = run(store, coder, [tmp_path])
    assert (summary.new, summary.failed) == (1, 2)
    assert sorted(f.name.rsplit("/", 1)[-1] for f in summary.failures) == [
        "empty.txt",
        "french.txt",
    ]
