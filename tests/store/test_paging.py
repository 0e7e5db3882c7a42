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


def test_a_page_is_the_head_of_the_listing_whichever_plan_finds_it(store, monkeypatch):
    """Pages find their ids first; on SQLite either by walking the date index or through
    the filter's own index and a sort (query._walk_dates chooses).  Both give the listing."""
    import datetime as dt

    from flashpoint.store import query

    for n in range(6):
        day = (dt.date(2025, 12, 1) + dt.timedelta(days=n % 3)).isoformat()
        doc = document(f"Article {n}.", date=day, url=f"https://x.example/{n}",
                       publisher="Alpha" if n % 2 else "Beta")  # fmt: skip
        events = [
            event(doc.article.doc_id, source=s, target=t, code=c, date=d, sentence=k)
            for k, (s, t, c, d) in enumerate([
                ("USAGOV", "ISRGOV", "042", day), ("ISRMIL", "USAGOV", "190", day),
                ("FRAGOV", "ISR", "112", None), ("IRNGOV", "USAMIL", "138", "2025-11-30"),
            ])
        ]  # fmt: skip
        write_article(store, doc, events, coder_version=VERSION)
    filters = [
        EventFilter(),
        EventFilter(source="USA"),
        EventFilter(target="ISR", quad_classes=(4,)),
        EventFilter(actor="IRN", since=dt.date(2025, 11, 30), until=dt.date(2025, 12, 1)),
        EventFilter(publisher="Alpha", roots=("04", "19")),
    ]
    for flt in filters:
        listing = [e.id for e in iter_events(store, flt)]
        assert listing, flt
        for walk in (True, False):
            monkeypatch.setattr(query, "_walk_dates", lambda _session, _flt, w=walk: w)
            for size in (1, 2, len(listing), len(listing) + 3):
                seen, after = [], None
                while True:
                    page = list(iter_events(store, replace(flt, limit=size), after=after))
                    seen += [e.id for e in page]
                    if len(page) < size:
                        break
                    after = page[-1].cursor
                assert seen == listing, (flt, walk, size)
