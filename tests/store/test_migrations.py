"""The Alembic revisions build exactly the schema the models declare."""

from __future__ import annotations

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
    import pytest

    from flashpoint.errors import StoreError

    with pytest.raises(StoreError, match="cannot open database"):
        open_store("postgresql://nobody:secret@127.0.0.1:9/none?connect_timeout=2")
