"""Ingest throughput into the event store: SQLite versus PostgreSQL on the same corpus.

    python benchmarks/ingest.py [--articles 60] [--postgres postgresql://user:pass@host/db]

The corpus is the bundled example articles (examples/*.txt) and variants of them (paragraphs
rotated, a distinct closing line), so every article is new to the store while most of their
events are reports of the same events: the clustering path is exercised as in real news.

For each database it prints

- end to end: ``flashpoint ingest`` on the folder (read, code with spaCy, write), articles/s;
- store only: the same documents and their already-coded events written again into a fresh
  database, articles/s (what the database costs on top of the coder).

PostgreSQL uses ``--postgres`` or FLASHPOINT_TEST_POSTGRES_URL and a fresh schema that is
dropped afterwards; without either, only SQLite is measured.  Figures on a shared 2-core
machine are noisy: rerun before trusting a difference under 10%.
"""

from __future__ import annotations

import argparse
import os
import platform
import sys
import tempfile
import time
import uuid
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))
EXAMPLES = REPO / "examples"


def write_corpus(folder: Path, count: int) -> None:
    bases = [p.read_text("utf-8") for p in sorted(EXAMPLES.glob("*.txt"))]
    for i in range(count):
        paragraphs = bases[i % len(bases)].split("\n\n")
        head, body = paragraphs[:3], paragraphs[3:]  # keep headline, byline and dateline first
        shift = (i // len(bases)) % max(len(body), 1)
        body = body[shift:] + body[:shift]
        text = "\n\n".join([*head, *body, f"This report is variant number {i} of the story."])
        (folder / f"article{i:04d}.txt").write_text(text, "utf-8")


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    return (
        f"{platform.system()} {platform.machine()}, {os.cpu_count()} cores ({cpu}), "
        f"Python {platform.python_version()}, load average {load:.1f}"
    )


class CachedCoder:
    """Replays events coded once, so the store-only figure excludes spaCy."""

    def __init__(self, events_by_text: dict[str, list]):
        self.events_by_text = events_by_text

    def code_many(self, articles, batch_size=16):
        for article in articles:
            yield self.events_by_text[article.text]


def postgres_url(base: str, schema: str) -> str:
    separator = "&" if "?" in base else "?"
    return f"{base}{separator}options=-csearch_path%3D{schema}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=60)
    parser.add_argument("--postgres", default=os.environ.get("FLASHPOINT_TEST_POSTGRES_URL"))
    args = parser.parse_args()

    from sqlalchemy import create_engine, text

    import flashpoint
    from flashpoint.ingest.documents import Document, iter_documents
    from flashpoint.store import ingest_documents, open_store
    from flashpoint.store.database import normalise_url

    print(machine())
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "news"
        corpus.mkdir()
        write_corpus(corpus, args.articles)
        words = sum(len(p.read_text().split()) for p in corpus.iterdir())
        print(f"corpus: {args.articles} articles, {words // args.articles} words on average")
        started = time.perf_counter()
        coder = flashpoint.get_coder()
        print(f"model load: {time.perf_counter() - started:.1f} s (not counted below)")
        documents = [d for d in iter_documents([str(corpus)]) if isinstance(d, Document)]

        targets = [("SQLite", f"sqlite:///{Path(tmp) / 'bench.db'}", None)]
        admin = None
        if args.postgres:
            schema = f"fp_bench_{uuid.uuid4().hex[:8]}"
            admin = create_engine(normalise_url(args.postgres))
            with admin.begin() as conn:
                conn.execute(text(f'CREATE SCHEMA "{schema}"'))
            targets.append(("PostgreSQL", postgres_url(args.postgres, schema), schema))
        else:
            print("PostgreSQL: skipped (pass --postgres or set FLASHPOINT_TEST_POSTGRES_URL)")

        cache: dict[str, list] = {}
        try:
            for name, url, _ in targets:
                with open_store(url) as store:
                    summary = ingest_documents(
                        store,
                        iter_documents([str(corpus)]),
                        coder,
                        coder_version=flashpoint.CODER_VERSION,
                    )
                    with store.session() as session:
                        clusters = session.execute(
                            text("SELECT count(*), sum(num_articles) FROM clusters")
                        ).one()
                print(
                    f"{name:<10} end to end: {summary.rate:6.2f} articles/s "
                    f"({summary.new} articles, {summary.events} events, {clusters[0]} clusters, "
                    f"{summary.seconds:.1f} s)"
                )
                if not cache:
                    for document, events in zip(
                        documents,
                        coder.code_many(d.article for d in documents),
                        strict=True,
                    ):
                        cache[document.article.text] = events
            for name, url, _ in targets:
                fresh = url if name != "SQLite" else url.replace("bench.db", "bench2.db")
                if name == "PostgreSQL":
                    with admin.begin() as conn:
                        conn.execute(text(f'DROP SCHEMA "{targets[1][2]}" CASCADE'))
                        conn.execute(text(f'CREATE SCHEMA "{targets[1][2]}"'))
                with open_store(fresh) as store:
                    summary = ingest_documents(
                        store, documents, CachedCoder(cache), coder_version=flashpoint.CODER_VERSION
                    )
                print(
                    f"{name:<10} store only: {summary.rate:6.1f} articles/s "
                    f"({summary.seconds:.2f} s, {summary.events / summary.seconds:.0f} events/s)"
                )
        finally:
            if admin is not None:
                with admin.begin() as conn:
                    conn.execute(text(f'DROP SCHEMA IF EXISTS "{targets[1][2]}" CASCADE'))
                admin.dispose()


if __name__ == "__main__":
    main()
