"""``recode``: events of an older coder version are replaced atomically, article by article."""

from __future__ import annotations

import pytest
from sqlalchemy import select, update

from flashpoint import CODER_VERSION
from flashpoint.store import recode_articles, schema, stale_article_ids
from tests.store.test_ingest import CAIRO_A, DRONES, run

pytestmark = pytest.mark.slow
OLD = "flashpoint-coder/0.0.1"


def snapshot(store):
    with store.session() as s:
        return {
            a.id: (a.coder_version, sorted((e.id, e.coder_version) for e in a.events))
            for a in s.scalars(select(schema.Article))
        }


def age(store, article_id):
    """Pretend an article was coded by an older coder."""
    with store.session() as s:
        s.execute(
            update(schema.Article).where(schema.Article.id == article_id).values(coder_version=OLD)
        )
        s.execute(
            update(schema.Event)
            .where(schema.Event.article_id == article_id)
            .values(coder_version=OLD)
        )


@pytest.fixture
def two_articles(store, coder, tmp_path):
    (tmp_path / "a.txt").write_text(CAIRO_A)
    (tmp_path / "b.txt").write_text(DRONES)
    run(store, coder, [tmp_path])
    ids = sorted(snapshot(store))
    age(store, ids[0])
    return ids


def test_recode_replaces_only_old_version_events(store, coder, two_articles):
    old, current = two_articles
    before = snapshot(store)
    assert stale_article_ids(store, CODER_VERSION) == [old]
    summary = recode_articles(store, coder, coder_version=CODER_VERSION)
    assert summary.articles == 1
    after = snapshot(store)
    assert after[current] == before[current]  # untouched
    version, events = after[old]
    assert version == CODER_VERSION
    assert events and all(v == CODER_VERSION for _, v in events)
    assert {i for i, _ in events}.isdisjoint({i for i, _ in before[old][1]})
    with store.session() as s:
        cluster_ids = s.scalars(select(schema.Event.cluster_id)).all()
        assert all(cluster_ids)
        for cluster in s.scalars(select(schema.Cluster)):
            assert cluster.num_articles == 1
    assert stale_article_ids(store, CODER_VERSION) == []


def test_a_failed_recode_leaves_the_old_events(store, coder, two_articles, monkeypatch):
    import flashpoint.store.recode as recode

    real = recode.add_events

    def half_then_fail(*args, **kwargs):
        real(*args, **kwargs)
        raise RuntimeError("killed halfway")

    before = snapshot(store)
    monkeypatch.setattr(recode, "add_events", half_then_fail)
    with pytest.raises(RuntimeError):
        recode_articles(store, coder, coder_version=CODER_VERSION)
    assert snapshot(store) == before
