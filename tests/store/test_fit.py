"""Issue 12: what SQLite stores, PostgreSQL stores too, and a bad article fails alone (no spaCy)."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Iterator

import pytest
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from flashpoint.errors import StoreError
from flashpoint.ingest.documents import Document, Failure
from flashpoint.records import Article, Event
from flashpoint.store import ingest_documents, schema, write_article
from flashpoint.store.fit import KEY_BYTES, key
from flashpoint.store.writer import dedupe_window
from tests.store.helpers import VERSION, document, event


def stored(store, article_id):
    with store.session() as s:
        return s.get(schema.Article, article_id)


def test_over_long_urls_and_publishers_and_nul_are_stored_on_both_engines(store, caplog):
    url = "https://example.org/story?" + "q=1&" * 800  # 3,226 characters
    doc = document("Text with a \x00 NUL.", url=url, publisher="P" * 400)
    doc = dataclasses.replace(doc, article=dataclasses.replace(doc.article, title="Ti\x00tle"))
    nul_event = dataclasses.replace(event(doc.article.doc_id), pattern="pat\x00tern")
    with caplog.at_level("WARNING", logger="flashpoint"):
        result = write_article(store, doc, [nul_event], coder_version=VERSION)
    assert result.status == "new"
    row = stored(store, result.article_id)
    assert row.text == "Text with a \ufffd NUL." and row.title == "Ti\ufffdtle"  # offsets kept
    assert row.publisher == "P" * 300 and row.url == url[:2048]
    assert len(row.url_key.encode()) <= KEY_BYTES and row.url_key == key(url)
    assert "articles.publisher of 400 characters cut to 300" in caplog.text
    with store.session() as s:
        record = s.scalars(select(schema.Event.record)).one()
    assert record["pattern"] == "pat\ufffdtern"
    # The keyed URL still finds its own article: writing it again is a skip, not a crash.
    again = write_article(store, doc, [nul_event], coder_version=VERSION)
    assert again.status == "skipped"
    other = document("Text with a \x00 NUL.", url=url + "other", publisher="P")
    assert write_article(store, other, [], coder_version=VERSION).status == "new"


def test_a_lone_surrogate_anywhere_is_stored_as_a_replacement(store):
    doc = document("Story with a lone surrogate.", publisher="Pub\udfff")
    text = "Story with a lone \ud800 surrogate."
    doc = dataclasses.replace(doc, article=dataclasses.replace(doc.article, text=text))
    result = write_article(store, doc, [], coder_version=VERSION)
    row = stored(store, result.article_id)
    assert row.text == "Story with a lone \ufffd surrogate." and row.publisher == "Pub\ufffd"


def test_a_failed_statement_never_shows_its_parameters(store):
    secret = "SECRET ARTICLE TEXT"
    with pytest.raises(IntegrityError) as raised, store.session() as s:
        s.add(schema.Article(content_hash=None, text=secret, doc_id="d", coder_version="v"))
        s.flush()
    message = str(raised.value)
    assert "[parameters" not in message
    # PostgreSQL's own DETAIL line may quote the row; the CLI prints only the first line.
    assert secret not in message.splitlines()[0]


def test_the_window_is_bounded_and_dates_at_the_calendars_ends_are_stored(store):
    with pytest.raises(StoreError, match="from 0 to 366"):
        dedupe_window(1_000_000)
    for day in ("0001-01-01", "9999-12-31"):
        doc = document(f"An event dated {day}.", date=None)
        result = write_article(
            store, doc, [event(doc.article.doc_id, date=day)], coder_version=VERSION, window=366
        )
        assert result.status == "new"


class CrashingCoder:
    """Codes a batch at a time like nlp.pipe; raises inside the batch holding "BOOM"."""

    def code_many(self, articles: Iterable[Article], batch_size: int = 16) -> Iterator[list[Event]]:
        pending = list(articles)
        for start in range(0, len(pending), batch_size):
            batch = pending[start : start + batch_size]
            if any("BOOM" in a.text for a in batch):
                raise ValueError("[E999] the coder fell over\nand printed a second line")
            yield from ([event(a.doc_id, sentence=0)] for a in batch)


def test_an_article_the_coder_crashes_on_fails_alone(store):
    texts = [f"Article number {i}." for i in range(7)]
    texts[3] = "Article BOOM."
    items: list[Document | Failure] = [document(t) for t in texts]
    summary = ingest_documents(store, items, CrashingCoder(), coder_version=VERSION, batch_size=4)
    assert (summary.new, summary.failed) == (6, 1)
    (failure,) = summary.failures
    assert "could not be coded (ValueError: [E999] the coder fell over)" in failure.reason
    with store.session() as s:
        texts_stored = set(s.scalars(select(schema.Article.text)))
    assert texts_stored == set(texts) - {"Article BOOM."}
