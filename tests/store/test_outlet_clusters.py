"""One act reported by many outlets in different words falls into one cluster (issue: a
meeting told by nineteen outlets was split over codes 020, 0242, 010 and 013)."""

from __future__ import annotations

from sqlalchemy import select

from flashpoint.store import schema, write_article
from flashpoint.store.dedupe import same_family
from tests.store.helpers import VERSION, document, event

# Six outlets, one meeting of Egypt's and Qatar's foreign ministers on the same day: the coder
# follows each outlet's wording, so each report carries a different code of the verbal
# cooperation family.
REPORTS = [
    ("Egypt hosted talks with Qatar's foreign minister.", "040"),
    ("Egypt urged Qatar to reopen the Rafah crossing.", "0242"),
    ("Cairo said it discussed the crossing with Doha.", "010"),
    ("Egypt's minister said relations with Qatar were improving.", "013"),
    ("Egypt welcomed Qatar's mediation.", "051"),
    ("Egypt pledged to keep working with Qatar on aid.", "033"),
]


def test_one_meeting_reported_in_six_wordings_is_one_cluster(store):
    for n, (text, code) in enumerate(REPORTS):
        doc = document(text, url=f"https://outlet{n}.example/story", publisher=f"Outlet {n}")
        ev = event(doc.article.doc_id, source="EGYGOV", target="QATGOV", code=code,
                   quad_class=1, goldstein=1.0)  # fmt: skip
        write_article(store, doc, [ev], coder_version=VERSION)
    with store.session() as session:
        clusters = session.scalars(select(schema.Cluster)).all()
        assert len(clusters) == 1
        assert clusters[0].num_articles == len(REPORTS)


def test_a_different_family_stays_apart(store):
    talks = document("Egypt hosted talks with Qatar.", url="https://a.example/1", publisher="A")
    strike = document("Egypt struck a Qatari convoy.", url="https://b.example/2", publisher="B")
    write_article(store, talks, [event(talks.article.doc_id, source="EGYGOV", target="QATGOV",
                  code="040", quad_class=1, goldstein=1.0)], coder_version=VERSION)  # fmt: skip
    write_article(store, strike, [event(strike.article.doc_id, source="EGYGOV", target="QATGOV",
                  code="190", quad_class=4)], coder_version=VERSION)  # fmt: skip
    with store.session() as session:
        assert len(session.scalars(select(schema.Cluster)).all()) == 2


def test_family_is_the_quad_class():
    assert same_family(1, 1) and not same_family(1, 4) and not same_family(None, None)
