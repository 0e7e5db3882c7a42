"""Code a fixed corpus and write every event record, to show a change leaves output unchanged.

Run it before and after a change that is not meant to alter behaviour (a refactoring, a
reorganisation of modules) and compare the two files byte for byte:

    python scripts/check_output_identical.py before.jsonl
    ... change the code ...
    python scripts/check_output_identical.py after.jsonl --against before.jsonl

The corpus is every sentence of the development gold files (each coded on its own, as
``flashpoint eval`` codes it), the articles in examples/ and the test articles in
../shared/eval/articles.  Each line of the output is one input: its id and the complete JSON
records of its events (``Event.to_dict``).  Only the public API is used, so the script runs
unchanged on either side of a reorganisation.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from pathlib import Path

from flashpoint import Article, get_coder
from flashpoint.evaluation import read_gold
from flashpoint.ingest import article_from_text, read_source

REPO = Path(__file__).resolve().parents[1]
GOLD_FILES = (
    "plover_gsr_cameo.json",
    "cameo_codebook_examples.tsv",
    "news_quad_train.tsv",
    "news_actor_spans_train.conll",
)
# The README's example date: examples/ carry none of their own.
EXAMPLE_DATE = "2025-12-29"


def _gold_articles(dev: Path) -> Iterator[Article]:
    for name in GOLD_FILES:
        _, sentences = read_gold(dev / name)
        for index, gold in enumerate(sentences):
            doc_id = f"{name}:{index}"
            try:
                yield article_from_text(gold.text, doc_id=doc_id)
            except Exception:  # a sentence the language check rejects is coded as it stands
                yield Article(text=gold.text, doc_id=doc_id)


def _example_articles() -> Iterator[Article]:
    for path in sorted((REPO / "examples").iterdir()):
        if path.suffix in (".txt", ".html"):
            yield read_source(str(path), date=EXAMPLE_DATE, doc_id=f"examples/{path.name}")


def _test_articles(folder: Path) -> Iterator[Article]:
    with open(folder / "index.jsonl", encoding="utf-8") as handle:
        index = [json.loads(line) for line in handle if line.strip()]
    for entry in sorted(index, key=lambda e: e["file"]):
        text = (folder / entry["file"]).read_text("utf-8")
        yield article_from_text(text, date=entry["date"], doc_id=f"articles/{entry['file']}")


def corpus(shared: Path) -> Iterator[Article]:
    yield from _gold_articles(shared / "eval" / "dev")
    yield from _example_articles()
    yield from _test_articles(shared / "eval" / "articles")


def write_records(shared: Path, out: Path) -> int:
    coder = get_coder()
    articles = list(corpus(shared))
    with open(out, "w", encoding="utf-8") as handle:
        for article, events in zip(articles, coder.code_many(articles), strict=True):
            record = {"id": article.doc_id, "events": [e.to_dict() for e in events]}
            handle.write(json.dumps(record, ensure_ascii=False, sort_keys=True) + "\n")
    return len(articles)


def first_difference(a: Path, b: Path) -> str | None:
    """None when the files are byte-identical, else where they first differ."""
    left, right = a.read_bytes(), b.read_bytes()
    if left == right:
        return None
    left_lines, right_lines = left.splitlines(), right.splitlines()
    for number, (x, y) in enumerate(zip(left_lines, right_lines, strict=False), 1):
        if x != y:
            return f"line {number} differs: {json.loads(x)['id']}"
    return f"{a} has {len(left_lines)} lines, {b} has {len(right_lines)}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("out", type=Path, help="where to write the records (JSON lines)")
    parser.add_argument("--against", type=Path, help="an earlier output to compare with")
    parser.add_argument("--shared", type=Path, default=REPO.parent / "shared",
                        help="the shared data folder (default: ../shared)")  # fmt: skip
    args = parser.parse_args()
    count = write_records(args.shared, args.out)
    print(f"{count} inputs coded -> {args.out}")
    if args.against is None:
        return 0
    difference = first_difference(args.against, args.out)
    if difference is None:
        print(f"identical to {args.against}")
        return 0
    print(f"NOT identical to {args.against}: {difference}", file=sys.stderr)
    return 1


if __name__ == "__main__":
    sys.exit(main())
