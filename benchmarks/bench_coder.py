"""Coder throughput on the bundled example articles.

    python benchmarks/bench_coder.py [--repeat 20]

Prints per-article latency (model already loaded), words per second on one core, and the
share of time spent in spaCy versus flashpoint's own coding, with the machine described.
Figures on shared 2-core machines are noisy: compare ratios, not absolutes.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import time
from pathlib import Path

import flashpoint
from flashpoint.ingest import read_source

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
DATES = {"diplomacy": "2025-12-29", "conflict": "2025-11-14", "protest": "2025-10-03"}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args()

    started = time.perf_counter()
    coder = flashpoint.get_coder()
    load_seconds = time.perf_counter() - started
    print(
        f"machine: {platform.machine()}, {os.cpu_count()} cores, Python "
        f"{platform.python_version()}, {platform.platform()}"
    )
    print(f"model load + dictionaries: {load_seconds:.2f} s (once per process)")
    coder.code(read_source(str(EXAMPLES / "diplomacy.txt"), date="2025-12-29"))  # warm caches

    for stem, day in DATES.items():
        article = read_source(str(EXAMPLES / f"{stem}.txt"), date=day)
        words = len(article.text.split())
        total, parse = [], []
        for _ in range(args.repeat):
            t0 = time.perf_counter()
            doc = coder.nlp(article.text)
            t1 = time.perf_counter()
            events = coder.code_doc(doc, article)
            t2 = time.perf_counter()
            total.append(t2 - t0)
            parse.append(t1 - t0)
        median = statistics.median(total)
        share = statistics.median(parse) / median
        per_800 = median * 800 / words
        print(
            f"{stem:<10} {words:>4} words {len(events):>3} events  median {median * 1000:6.1f} ms"
            f"  ({per_800 * 1000:6.1f} ms per 800 words, {words / median:7.0f} words/s/core,"
            f" spaCy {share:.0%} of time)"
        )


if __name__ == "__main__":
    main()
