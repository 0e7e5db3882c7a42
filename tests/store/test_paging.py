"""Pages of ``iter_events`` (``limit`` + ``after``) walk the listing in its order, undated
events last, on SQLite and PostgreSQL."""

from __future__ import annotations

from dataclasses import replace

from flashpoint.store import EventFilter, iter_events, write_article
from tests.store.helpers import VERSION, document, event


def test_pages_follow_the_listing_order_with_undated_events_last(store):
    for n, (day, count) in enumerate([("2025-12-03", 3), ("2025-12-01", 2), (None, 3)]):
        doc = document(f"Article {n}.", date=day, url=f"https://x.example/{n}")
        events = [
            event(doc.article.doc_id, code=f"04{k}", date=day, sentence=k) for k in range(count)
        ]
        write_article(store, doc, events, coder_version=VERSION)
    listing = list(iter_events(store))
    dates = [e.event_date for e in listing]
    assert dates == ["2025-12-01"] * 2 + ["2025-12-03"] * 3 + [None] * 3
    for size in (1, 2, 3, 5):
        seen, after = [], None
        while True:
            page = list(iter_events(store, EventFilter(limit=size), after=after))
            seen += [e.id for e in page]
            if len(page) < size:
                break
            after = page[-1].cursor
        assert seen == [e.id for e in listing], size
    assert [e.id for e in iter_events(store, replace(EventFilter(), limit=4))] == [
        e.id for e in listing[:4]
    ]
