"""Throughput: flashpoint end to end versus bare spaCy parsing of the same articles.

    python benchmarks/throughput.py [--articles 60]

Prints articles/second on one core, articles/second with both cores busy (one worker process
per core, each loading the model once), the ratio of flashpoint's end-to-end time to bare
``nlp.pipe`` with the same model and all its components, and peak memory per worker.
The articles are the bundled ~700-word examples, cycled.  Figures on shared 2-core machines
are noisy: compare the ratio, and rerun before trusting a difference under 10%.
"""

from __future__ import annotations

import argparse
import os
import platform
import resource
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
DATES = {"diplomacy": "2025-12-29", "conflict": "2025-11-14", "protest": "2025-10-03"}

_coder = None


def _texts(count: int) -> list[tuple[str, str]]:
    base = [((EXAMPLES / f"{stem}.txt").read_text("utf-8"), day) for stem, day in DATES.items()]
    return [base[i % len(base)] for i in range(count)]


def _init_worker() -> None:
    global _coder
    import flashpoint

    _coder = flashpoint.get_coder()


def _code_chunk(chunk: list[tuple[str, str]]) -> tuple[int, int]:
    from flashpoint.ingest import article_from_text

    assert _coder is not None
    articles = (article_from_text(text, date=day) for text, day in chunk)
    events = sum(len(e) for e in _coder.code_many(articles))
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return events, peak_kb


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--articles", type=int, default=60)
    args = parser.parse_args()
    texts = _texts(args.articles)
    words = sum(len(t.split()) for t, _ in texts) / len(texts)
    print(
        f"machine: {platform.machine()}, {os.cpu_count()} cores, Python "
        f"{platform.python_version()}; {len(texts)} articles of ~{words:.0f} words"
    )

    import spacy

    from flashpoint.nlp import resolve_model_name

    model = resolve_model_name()
    nlp = spacy.load(model)
    list(nlp.pipe([t for t, _ in texts[:3]]))  # warm up
    start = time.perf_counter()
    list(nlp.pipe([t for t, _ in texts], batch_size=16))
    bare = time.perf_counter() - start
    print(f"bare nlp.pipe ({model}, all components): {len(texts) / bare:5.2f} articles/s/core")

    _init_worker()
    _code_chunk(texts[:3])  # warm up
    start = time.perf_counter()
    events, peak_kb = _code_chunk(texts)
    ours = time.perf_counter() - start
    print(
        f"flashpoint end to end, one core:          {len(texts) / ours:5.2f} articles/s "
        f"({events} events, peak memory {peak_kb / 1024:.0f} MB)"
    )
    print(
        f"ratio flashpoint time / bare parse time:  {ours / bare:5.2f}  "
        f"(below 1 means faster than bare parsing)"
    )

    workers = os.cpu_count() or 1
    chunks = [texts[i::workers] for i in range(workers)]
    with ProcessPoolExecutor(workers, initializer=_init_worker) as pool:
        list(pool.map(_code_chunk, [c[:2] for c in chunks]))  # load and warm every worker
        start = time.perf_counter()
        results = list(pool.map(_code_chunk, chunks))
        wall = time.perf_counter() - start
    peak = max(p for _, p in results) / 1024
    print(
        f"flashpoint, {workers} worker processes:          {len(texts) / wall:5.2f} articles/s "
        f"(peak memory per worker {peak:.0f} MB)"
    )


if __name__ == "__main__":
    main()
