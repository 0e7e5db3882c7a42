"""Many writers at once (ingest --workers on several machines, or several ingests) must not
found two clusters for one real-world event, nor lose a count."""

from __future__ import annotations

import threading

from sqlalchemy import func, select

from flashpoint.store import schema, write_article
from tests.store.helpers import VERSION, document, event

WRITERS = 6
ROUNDS = 4


def test_concurrent_writers_found_one_cluster_per_event(store):
    # Each round: WRITERS articles, each reporting the same new event (same dyad, code and
    # day), written at the same moment from their own connections.
    barrier = threading.Barrier(WRITERS)
    errors: list[BaseException] = []

    def write(index: int) -> None:
        try:
            for round_ in range(ROUNDS):
                text = f"Round {round_}: report {index} of the strike on the border town."
                doc = document(text, publisher=f"outlet{index}")
                source = ("USAGOV", "RUSGOV", "CHNGOV", "FRAGOV")[round_]
                events = [event(doc.article.doc_id, source=source, target="ISRGOV")]
                barrier.wait(timeout=60)
                write_article(store, doc, events, coder_version=VERSION)
        except BaseException as exc:  # reported below: a thread's failure must fail the test
            errors.append(exc)

    threads = [threading.Thread(target=write, args=(i,)) for i in range(WRITERS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors, errors
    with store.session(readonly=True) as s:
        clusters = s.execute(
            select(schema.Cluster.source_code, schema.Cluster.num_articles,
                   schema.Cluster.num_sources, schema.Cluster.num_mentions)
        ).all()  # fmt: skip
        articles = s.scalar(select(func.count()).select_from(schema.Article))
    assert articles == WRITERS * ROUNDS
    assert sorted(clusters) == sorted(
        (code, WRITERS, WRITERS, WRITERS) for code in ("USAGOV", "RUSGOV", "CHNGOV", "FRAGOV")
    )
