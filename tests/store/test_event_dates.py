"""Events are stored on the date their text gives them, never moved to the story date."""

from __future__ import annotations

import datetime as dt

from flashpoint.records import DateInfo
from flashpoint.store import EventFilter, iter_events, undated_count, write_article
from tests.store.helpers import VERSION, document, event

STORY = "2025-12-29"
IN_JUNE = DateInfo("in June", "month", "2025-06-01", "2025-06-30", "explicit")
PREVIOUSLY = DateInfo("previously", "unknown", None, STORY, "vague-past")
BY_DEFAULT = DateInfo(None, "day", STORY, STORY, "story-date")


def strike_in_june(doc_id: str, sentence: int = 1):
    return event(doc_id, code="190", date="2025-06-01", date_info=IN_JUNE,
                 modality="historical", sentence=sentence)  # fmt: skip


def undated_attack(doc_id: str, sentence: int = 2):
    return event(doc_id, code="190", date=None, date_info=PREVIOUSLY,
                 modality="historical", sentence=sentence)  # fmt: skip


def story(text: str, events, *, date: str = STORY, url: str | None = None, store):
    doc = document(text, date=date, url=url)
    events = [e(doc.article.doc_id) if callable(e) else e for e in events]
    return write_article(store, doc, events, coder_version=VERSION)


def dates(store, flt=None):
    return sorted(
        ((e.event_date or "", e.event_date_end, e.date_precision, e.record["modality"])
         for e in iter_events(store, flt)),
    )  # fmt: skip


def test_each_event_keeps_the_date_its_text_gives(store):
    doc = document("Israel struck Gaza. Israel struck Iran in June. It previously attacked.")
    today = event(doc.article.doc_id, code="195", date=STORY, date_info=BY_DEFAULT)
    result = write_article(
        store,
        doc,
        [today, strike_in_june(doc.article.doc_id), undated_attack(doc.article.doc_id)],
        coder_version=VERSION,
    )
    assert (result.events, result.undated) == (3, 1)
    assert dates(store) == [
        ("", None, None, "historical"),  # placed in the past without a date: no date at all
        ("2025-06-01", "2025-06-30", "month", "historical"),
        (STORY, STORY, "day", "asserted"),
    ]
    records = {e.record["cameo"]["code"]: e.to_dict() for e in iter_events(store)}
    assert (records["195"]["date"], records["195"]["date_precision"]) == (STORY, "day")


def test_a_story_dated_mention_never_absorbs_an_undated_past_one(store):
    # "Israel struck Iran.  Israel had previously struck Iran." are two events, not one.
    doc = document("Israel struck Iran. Israel had previously struck Iran.")
    now = event(doc.article.doc_id, date=STORY, date_info=BY_DEFAULT, sentence=0)
    result = write_article(
        store, doc, [now, undated_attack(doc.article.doc_id)], coder_version=VERSION
    )
    assert result.events == 2


def test_a_past_event_in_two_articles_weeks_apart_is_one_cluster(store):
    story("Background: Israel struck Iran in June.", [strike_in_june], date="2025-12-01",
          url="https://a.example/1", store=store)  # fmt: skip
    story("Recap: Israel struck Iran in June.", [strike_in_june], date="2025-12-29",
          url="https://b.example/1", store=store)  # fmt: skip
    clusters = {e.cluster.id for e in iter_events(store)}
    assert len(clusters) == 1
    assert next(iter_events(store)).cluster.num_articles == 2


def test_date_bounds_hold_whole_periods_and_never_undated_events(store):
    story("Israel struck Iran in June. It previously attacked.",
          [strike_in_june, undated_attack], store=store)  # fmt: skip
    june = EventFilter(since=dt.date(2025, 6, 1), until=dt.date(2025, 6, 30))
    assert [d[0] for d in dates(store, june)] == ["2025-06-01"]
    assert dates(store, EventFilter(since=dt.date(2025, 6, 1), until=dt.date(2025, 6, 15))) == []
    assert undated_count(store, june) == 1
    assert undated_count(store, EventFilter(modalities=["asserted"])) == 0
