"""Shared fixtures. The spaCy model loads once per session; tests that need it are 'slow'."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED_DEV = REPO.parent / "shared" / "eval" / "dev"
EXAMPLES = REPO / "examples"


@pytest.fixture(scope="session")
def coder():
    from flashpoint import get_coder

    return get_coder()


@pytest.fixture(scope="session")
def code(coder):
    """code(text, date) -> list of events, through the public API."""
    import flashpoint

    def run(text: str, date: str | None = "2025-12-29"):
        return flashpoint.code(text, date=date)

    return run


@pytest.fixture(scope="session")
def scale_corpus(tmp_path_factory, coder):
    """(folder, sorted event records one process codes from it): tests/scale/corpus.py."""
    from tests.scale.corpus import build_corpus, expected_records

    corpus = build_corpus(tmp_path_factory.mktemp("scale"))
    return corpus, expected_records(corpus)


def primary(events):
    """The sentence's main event, as ``flashpoint eval`` scores it (fails when there is none)."""
    from flashpoint.evaluation.run import primary_event

    assert events
    return primary_event(events)


def mention(text: str, actor) -> str:
    """The words an actor's mention points at."""
    assert actor is not None and actor.start is not None
    return text[actor.start : actor.end]


def only(events, root: str | None = None):
    """The single event (optionally of a CAMEO root) — fails loudly when there are others."""
    chosen = [e for e in events if root is None or e.cameo.root == root]
    assert len(chosen) == 1, [
        (e.cameo.code, e.source.code, e.target and e.target.code) for e in events
    ]
    return chosen[0]


# ---- the event store: every store test runs on SQLite and on PostgreSQL -------------------

POSTGRES_ENV = "FLASHPOINT_TEST_POSTGRES_URL"


def _postgres_schema_url(base: str, schema: str) -> str:
    """``base`` with a search_path option, so everything lands in one fresh schema."""
    separator = "&" if "?" in base else "?"
    return f"{base}{separator}options=-csearch_path%3D{schema}"


@pytest.fixture(params=["sqlite", "postgresql"])
def store_url(request, tmp_path):
    """A database URL for an empty store: a temporary SQLite file, or a fresh schema on the
    PostgreSQL server named by FLASHPOINT_TEST_POSTGRES_URL (dropped afterwards)."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'store.db'}"
        return
    import os
    import uuid

    base = os.environ.get(POSTGRES_ENV)
    if not base:
        pytest.skip(f"PostgreSQL tests need {POSTGRES_ENV}=postgresql://... (.ci/run sets it)")
    from sqlalchemy import create_engine, text

    from flashpoint.store.database import normalise_url

    schema = f"fp_test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(normalise_url(base))
    try:
        with admin.begin() as conn:
            conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    except Exception as exc:  # set but unreachable: a broken CI setup must fail, not skip
        admin.dispose()
        pytest.fail(f"{POSTGRES_ENV} is set but the server is unusable: {exc}")
    try:
        yield _postgres_schema_url(base, schema)
    finally:
        with admin.begin() as conn:
            conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


@pytest.fixture
def store(store_url):
    from flashpoint.store import open_store

    with open_store(store_url) as opened:
        yield opened


@pytest.fixture
def corpus_db(store_url):
    """A store holding the hand-built corpus of tests/analysis/corpus.py (no spaCy)."""
    from flashpoint.store import open_store
    from tests.analysis.corpus import build

    with open_store(store_url) as opened:
        build(opened)
    return store_url


@pytest.fixture
def corpus_api(corpus_db):
    """FastAPI's test client over ``corpus_db``."""
    from tests.api.helpers import client

    with client(corpus_db) as test_client:
        yield test_client
