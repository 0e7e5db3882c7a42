"""The store's change counter (revision 0004): every committed write raises it, whichever
program writes and through whichever table; reads and rolled-back writes leave it alone."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from flashpoint.store import open_store, write_article
from tests.store.helpers import VERSION, document, event


def _write(store, n: int) -> None:
    doc = document(f"Article {n}.", url=f"https://x.example/{n}")
    events = [event(doc.article.doc_id, code="042", sentence=0)]
    assert write_article(store, doc, events, coder_version=VERSION).status == "new"


def test_an_ingest_raises_the_counter_and_a_read_does_not(store):
    from flashpoint.store import iter_events

    start = store.changes()
    _write(store, 1)
    after_write = store.changes()
    assert after_write > start
    list(iter_events(store))
    assert store.changes() == after_write


@pytest.mark.parametrize("statement", [
    "UPDATE clusters SET num_sources = num_sources + 1",
    "UPDATE articles SET title = 'retitled'",
    "DELETE FROM mentions",
    "DELETE FROM events",
])  # fmt: skip
def test_any_write_by_another_program_raises_it(store, statement):
    _write(store, 1)
    before = store.changes()
    with open_store(store.url) as other, other.engine.begin() as conn:
        conn.execute(text(statement))
    assert store.changes() > before


def test_a_rolled_back_write_leaves_it_alone(store):
    _write(store, 1)
    before = store.changes()
    with store.engine.connect() as conn:
        conn.execute(text("DELETE FROM events"))
        conn.rollback()
    assert store.changes() == before


def test_two_stores_see_each_others_writes(store):
    with open_store(store.url) as other:
        seen = other.changes()
        _write(store, 1)
        assert other.changes() > seen
