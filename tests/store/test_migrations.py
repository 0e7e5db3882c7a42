"""The Alembic revisions build exactly the schema the models declare."""

from __future__ import annotations

import datetime as dt

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from flashpoint.store import open_store, schema


def test_migrations_match_the_models(store):
    with store.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), schema.Base.metadata)
    assert diff == []


def test_opening_twice_is_harmless(store_url):
    with open_store(store_url) as first:
        pass
    with open_store(store_url) as second:
        assert second.url == first.url


def test_a_plain_path_is_sqlite_and_postgresql_uses_psycopg():
    from flashpoint.store import normalise_url

    assert normalise_url("/tmp/x.db") == "sqlite:////tmp/x.db"
    assert normalise_url("postgresql://u@h/db") == "postgresql+psycopg://u@h/db"
    assert normalise_url("postgres://u@h/db") == "postgresql+psycopg://u@h/db"


def test_an_unreachable_server_is_a_one_line_store_error():
    from flashpoint.errors import StoreError

    with pytest.raises(StoreError, match="cannot open database"):
        open_store("postgresql://nobody:secret@127.0.0.1:9/none?connect_timeout=2")


def _legacy_store(url: str, text: str, story: dt.date) -> None:
    """A store at revision 0001 holding one article whose event was put on the story date,
    as every event not dated to a day by its sentence was before revision 0002."""
    from alembic import command
    from alembic.config import Config
    from sqlalchemy import MetaData, create_engine

    from flashpoint import CODER_VERSION
    from flashpoint.store.database import MIGRATIONS, normalise_url

    engine = create_engine(normalise_url(url))
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    now = dt.datetime(2025, 12, 29, 12, tzinfo=dt.UTC)
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, "0001")
        tables = MetaData()
        tables.reflect(conn)
        conn.execute(tables.tables["articles"].insert().values(
            id=1, content_hash="x" * 64, url_key="", version=1, is_current=True, doc_id="doc-1",
            text=text, skip_spans=[], coder_version=CODER_VERSION, num_events=1,
            num_mentions=1, ingested_at=now, coded_at=now, story_date=story,
        ))  # fmt: skip
        conn.execute(tables.tables["events"].insert().values(
            id=1, article_id=1, event_id="fp-1", coder_version=CODER_VERSION, cameo_code="190",
            cameo_base="190", cameo_root="19", quad_class=4, goldstein=-10.0,
            modality="historical", confidence=0.8, num_mentions=1, event_date=story,
            record={"event_id": "fp-1", "date": None, "cameo": {"code": "190", "root": "19"}},
        ))  # fmt: skip
    engine.dispose()


@pytest.mark.slow
def test_0002_keeps_old_rows_and_recode_dates_them(store_url, coder):
    from flashpoint import CODER_VERSION
    from flashpoint.store import iter_events, recode_articles, stale_article_ids

    _legacy_store(store_url, "Israel struck Iranian nuclear sites in June.", dt.date(2025, 12, 29))
    with open_store(store_url) as store:
        (old,) = iter_events(store)
        # Until recoded, an old row reads as what it was stored as: one day.
        before = (old.event_date, old.event_date_end, old.date_precision)
        assert before == ("2025-12-29", "2025-12-29", "day")
        # Same coder version, but stored before dates had a precision: recode takes it.
        assert stale_article_ids(store, CODER_VERSION) == [1]
        summary = recode_articles(store, coder, coder_version=CODER_VERSION)
        assert summary.articles == 1
        (new,) = iter_events(store)
        after = (new.event_date, new.event_date_end, new.date_precision)
        assert after == ("2025-06-01", "2025-06-30", "month")
        assert stale_article_ids(store, CODER_VERSION) == []
