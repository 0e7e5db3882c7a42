"""A read sees the store as it was at its first statement, on both engines: what one of its
statements learnt (no article superseded, so no join with the articles; a page's ids) holds
for the next, whatever other programs commit meanwhile."""

from __future__ import annotations

from sqlalchemy import func, select

from flashpoint.store import EventFilter, iter_events, schema, write_article
from flashpoint.store.query import _needs_current_check
from tests.store.helpers import VERSION, document, event

URL = "https://a.example/story"


def _events(store) -> int:
    with store.session(readonly=True) as session:
        return int(session.scalar(select(func.count()).select_from(schema.Event)) or 0)


def test_a_read_does_not_see_a_write_committed_after_its_first_statement(store):
    write_article(
        store, document("First draft.", url=URL), [event(code="040")], coder_version=VERSION
    )
    with store.session(readonly=True) as session:
        before = session.scalar(select(func.count()).select_from(schema.Event))
        doc = document("Another story.", url="https://a.example/other")
        write_article(store, doc, [event(code="190")], coder_version=VERSION)  # another program
        during = session.scalar(select(func.count()).select_from(schema.Event))
    assert (before, during) == (1, 1)
    assert _events(store) == 2


def test_the_join_with_the_articles_is_left_out_only_while_no_version_is_superseded(store):
    write_article(
        store, document("First draft.", url=URL), [event(code="040")], coder_version=VERSION
    )
    with store.session(readonly=True) as session:
        assert not _needs_current_check(session, EventFilter())
    with store.session() as session:  # a writing session
        writing = _needs_current_check(session, EventFilter())
    # SQLite's writing transaction holds the lock, so its look-up holds; PostgreSQL's
    # writes run in READ COMMITTED, where only the join is safe.
    assert writing is (store.dialect == "postgresql")
    write_article(
        store, document("Updated story.", url=URL), [event(code="190")], coder_version=VERSION
    )
    with store.session(readonly=True) as session:
        assert _needs_current_check(session, EventFilter())
    listed = list(iter_events(store, EventFilter(limit=10)))
    assert [e.record["cameo"]["code"] for e in listed] == ["190"]
    everything = list(iter_events(store, EventFilter(limit=10, include_superseded=True)))
    assert sorted(e.record["cameo"]["code"] for e in everything) == ["040", "190"]
