"""A few hundred varied articles on disk, for comparing engines with a single process.

Long wire stories (the bundled examples, as text and HTML, and variants with their
paragraphs rotated and their countries swapped), short articles made of sentences from the
public development sets in ../shared/eval/dev (else from templates, when that folder is
absent), a JSON Lines shard with its own dates and URLs, a duplicate, and inputs that must
fail (French, empty, binary, a bad JSON line).  Story dates spread over two years and some
articles have none, so events land in many partitions, the null one included.
"""

from __future__ import annotations

import json
from pathlib import Path

from tests.conftest import EXAMPLES, SHARED_DEV

EXAMPLE_DATES = {"diplomacy": "2025-12-29", "conflict": "2025-11-14", "protest": "2025-10-03"}
SWAPS = [("Egypt", "Kenya"), ("Qatar", "Norway"), ("Israel", "Turkey"), ("Iran", "Pakistan"),
         ("Syria", "Ethiopia"), ("Sudan", "Peru")]  # fmt: skip
PAIRS = [("Egypt", "Qatar"), ("France", "Germany"), ("Japan", "India"), ("Brazil", "Argentina"),
         ("Kenya", "Ethiopia"), ("Turkey", "Greece"), ("Canada", "Mexico")]  # fmt: skip
VERBS = ["hosted talks with", "condemned", "signed a trade agreement with", "accused",
         "sent aid to", "threatened", "expelled diplomats from", "praised"]  # fmt: skip


def _dev_sentences(limit: int) -> list[str]:
    if not SHARED_DEV.is_dir():
        return [
            f"{a} {VERBS[i % len(VERBS)]} {b} on Monday, officials said."
            for i, (a, b) in enumerate(PAIRS * (limit // len(PAIRS) + 1))
        ][:limit]
    from flashpoint.evaluation import read_gold

    sentences: list[str] = []
    for name in ("news_quad_train.tsv", "cameo_codebook_examples.tsv", "plover_gsr_cameo.json"):
        _, gold = read_gold(SHARED_DEV / name)
        sentences.extend(g.text for g in gold[: limit // 3 + 1])
    return sentences[:limit]


def _date(index: int) -> str:
    return f"{2024 + index % 2}-{index % 12 + 1:02d}-{index % 27 + 1:02d}"


def build_corpus(root: Path, *, short: int = 240) -> Path:
    """Write the corpus under ``root``; returns the folder to pass as the one source."""
    corpus = root / "corpus"
    (corpus / "long").mkdir(parents=True)
    (corpus / "short").mkdir()
    (corpus / "bad").mkdir()
    for stem in EXAMPLE_DATES:
        text = (EXAMPLES / f"{stem}.txt").read_text("utf-8")
        # Dated by their datelines; the JSON Lines shard below gives copies their own dates.
        (corpus / "long" / f"{stem}.txt").write_text(text)
        paragraphs = text.split("\n\n")
        for shift in range(1, 4):
            rotated = "\n\n".join(paragraphs[shift:] + paragraphs[:shift])
            old, new = SWAPS[(shift + len(stem)) % len(SWAPS)]
            variant = rotated.replace(old, new)
            (corpus / "long" / f"{stem}-{shift}.txt").write_text(variant)
    (corpus / "long" / "diplomacy.html").write_text((EXAMPLES / "diplomacy.html").read_text())
    sentences = _dev_sentences(short * 3)
    for index in range(short):
        chunk = sentences[index * 3 : index * 3 + 3]
        if not chunk:
            break
        # No story date (the tests pass no --date): their events are undated unless the
        # sentence dates them, and land in the null partition.
        body = " ".join(chunk)
        (corpus / "short" / f"{index:04d}.txt").write_text(f"Report {index}\n\n{body}\n")
    with open(corpus / "wire.jsonl", "w", encoding="utf-8") as handle:
        for stem, day in EXAMPLE_DATES.items():
            text = (EXAMPLES / f"{stem}.txt").read_text("utf-8").replace("Monday", "Tuesday")
            handle.write(json.dumps({"text": text, "date": day, "publisher": "Wire",
                                     "url": f"https://wire.example/{stem}"}) + "\n")  # fmt: skip
        for index in range(24):
            a, b = PAIRS[index % len(PAIRS)]
            text = f"{a} {VERBS[index % len(VERBS)]} {b} on Friday, a spokesman said. " * 2
            record = {"text": text, "title": f"Item {index}"}
            if index % 4:
                record["date"] = _date(index)
            handle.write(json.dumps(record) + "\n")
        handle.write("{not json\n")
    # The same text twice (a copied file): one article, coded once.
    (corpus / "short" / "copy.txt").write_text((corpus / "short" / "0003.txt").read_text())
    (corpus / "bad" / "french.txt").write_text(
        "Le gouvernement français a annoncé lundi de nouvelles mesures pour soutenir les "
        "agriculteurs touchés par la sécheresse, selon un communiqué officiel."
    )
    (corpus / "bad" / "empty.txt").write_text("")
    (corpus / "bad" / "binary.txt").write_bytes(bytes(range(256)) * 8)
    return corpus


def expected_records(corpus: Path) -> list[str]:
    """The event records one process codes from the corpus (each distinct article once),
    as the JSON lines ``flashpoint code`` prints, sorted."""
    from flashpoint import get_coder
    from flashpoint.ingest.documents import Failure
    from flashpoint.scale import InProcess, code_documents
    from flashpoint.scale.rows import article_key
    from flashpoint.scale.sources import list_inputs, read_inputs

    records: list[str] = []
    seen: set[tuple[str, str]] = set()
    items = read_inputs(list_inputs([str(corpus)]))
    for outcome in code_documents(items, InProcess(get_coder())):
        if isinstance(outcome, Failure):
            continue
        document, events = outcome
        if article_key(document) in seen:
            continue
        seen.add(article_key(document))
        records.extend(json.dumps(e.to_dict(), ensure_ascii=False) for e in events)
    return sorted(records)


FAILING = 4  # french.txt, empty.txt, binary.txt and the bad JSON line


def store_dump(db: str) -> dict[str, list[tuple]]:
    """Everything an ingest stored that does not depend on the clock: articles, events with
    their records and cluster ids, clusters with their counts."""
    from sqlalchemy import select

    from flashpoint.store import open_store, schema

    A, E, C = schema.Article, schema.Event, schema.Cluster
    with open_store(db) as store, store.session(readonly=True) as s:
        return {
            "articles": s.execute(
                select(A.id, A.content_hash, A.url_key, A.locator, A.version, A.is_current,
                       A.story_date, A.publisher, A.num_events, A.num_mentions).order_by(A.id)
            ).all(),
            "events": [
                (*row[:-1], json.dumps(row[-1], sort_keys=True))
                for row in s.execute(
                    select(E.id, E.article_id, E.cluster_id, E.event_id, E.event_date,
                           E.num_mentions, E.record).order_by(E.id)
                ).all()
            ],
            "clusters": s.execute(
                select(C.id, C.source_key, C.target_key, C.cameo_code, C.first_date,
                       C.last_date, C.num_mentions, C.num_articles, C.num_sources).order_by(C.id)
            ).all(),
        }  # fmt: skip
