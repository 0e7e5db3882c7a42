"""Scaling: articles/s of `flashpoint batch` on 1 and 2 local worker processes and on Ray with
1 and 2 workers, the scaling efficiency and Ray's overhead against local processes.

    python benchmarks/scale.py [--articles 240] [--engines local,ray] [--workers 1,2]

Every configuration runs the same batch (the bundled ~700-word examples, made distinct by a
reference line, read from a folder) into a fresh dataset through the same code path
(flashpoint.scale.batch.run_batch).  Two rates are given: end to end (including starting the
workers and loading one model each) and steady (from the moment a fifth of the articles is
done to the end: what a long run converges to; use enough articles, 200 or more, that the
workers' look-ahead is a small part of the run).  Efficiency is
rate(2 workers) / (2 x rate(1 worker)); Ray overhead is 1 - rate(Ray, N) / rate(local, N).
Figures on a shared machine are noisy: look at the load average printed first.
"""

from __future__ import annotations

import os

# One BLAS thread per process: a worker must use one core.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

import argparse
import platform
import tempfile
import time
from pathlib import Path

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
STEMS = ("diplomacy", "conflict", "protest")


def write_corpus(folder: Path, count: int) -> None:
    texts = [(EXAMPLES / f"{stem}.txt").read_text("utf-8") for stem in STEMS]
    folder.mkdir(parents=True)
    for index in range(count):
        text = texts[index % len(texts)] + f"\n\nReference {index}.\n"
        (folder / f"{index:05d}.txt").write_text(text)


def measure(corpus: Path, out: Path, engine: str, workers: int) -> dict[str, float]:
    from flashpoint.scale.batch import run_batch

    marks: list[tuple[float, int]] = []
    done = 0

    def progress(count: int) -> None:
        nonlocal done
        done += count
        marks.append((time.perf_counter(), done))

    started = time.perf_counter()
    summary = run_batch([str(corpus)], str(out), engine=engine, workers=workers,
                        date="2025-12-29", on_progress=progress, progress=False)  # fmt: skip
    ended = time.perf_counter()
    # Steady rate: from the moment a fifth of the articles is done (every worker loaded and
    # busy, the look-ahead filled) to the end.
    warm_time, warm_done = next(m for m in marks if m[1] >= summary.inputs / 5)
    steady = (summary.inputs - warm_done) / (ended - warm_time) if ended > warm_time else 0.0
    return {"total": summary.inputs / (ended - started), "steady": steady,
            "startup": marks[0][0] - started, "events": summary.events}  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--articles", type=int, default=240)
    parser.add_argument("--engines", default="local,ray")
    parser.add_argument("--workers", default="1,2")
    args = parser.parse_args()
    engines = args.engines.split(",")
    counts = [int(w) for w in args.workers.split(",")]
    print(
        f"machine: {platform.machine()}, {os.cpu_count()} cores, Python "
        f"{platform.python_version()}, load average {os.getloadavg()[0]:.1f}; "
        f"{args.articles} articles of ~700 words"
    )
    if "ray" in engines:
        import ray

        ray.init(address="local", num_cpus=max(counts), include_dashboard=False,
                 log_to_driver=False, configure_logging=False)  # fmt: skip
    results: dict[tuple[str, int], dict[str, float]] = {}
    with tempfile.TemporaryDirectory(prefix="flashpoint-scale-") as scratch:
        corpus = Path(scratch) / "corpus"
        write_corpus(corpus, args.articles)
        for engine in engines:
            for workers in counts:
                out = Path(scratch) / f"{engine}-{workers}"
                result = measure(corpus, out, engine, workers)
                results[engine, workers] = result
                print(
                    f"{engine:5} {workers} worker{'s' if workers > 1 else ' '}: "
                    f"{result['steady']:6.2f} articles/s steady, {result['total']:6.2f} end to "
                    f"end (startup {result['startup']:4.1f} s, {result['events']:.0f} events)"
                )
    for engine in engines:
        one, two = results.get((engine, 1)), results.get((engine, 2))
        if one and two and one["steady"]:
            efficiency = two["steady"] / (2 * one["steady"])
            print(f"{engine} scaling efficiency 2 / (2 x 1): {efficiency:.2f}")
    if "ray" in engines and "local" in engines:
        for workers in counts:
            local, on_ray = results[("local", workers)], results[("ray", workers)]
            if local["steady"]:
                overhead = 1 - on_ray["steady"] / local["steady"]
                print(f"Ray overhead against local processes, {workers} worker(s): {overhead:+.0%}")


if __name__ == "__main__":
    main()
