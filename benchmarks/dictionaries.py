"""Dictionaries: loading the bundled Phoenix set, and coding speed with it.

    python benchmarks/dictionaries.py [--articles 30] [--rounds 3]

1. Load: in a fresh process that already holds a coder, the wall and CPU time to load the
   Phoenix set (parse, index, translate the verb dictionary, build the knowledge base and
   lexicon) and the memory it adds (resident set growth).  Targets: < 5 s, < 400 MB.
2. Speed: the bundled ~700-word examples, cycled, coded by a coder without and with
   ``--dictionaries phoenix``, runs alternating (``--rounds``, best kept, CPU time compared
   too).  Target: with the set, within 10% of without.

Figures on a shared 2-core machine are noisy; rerun before reading much into a few percent.
"""

from __future__ import annotations

import os

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
DATES = {"diplomacy": "2025-12-29", "conflict": "2025-11-14", "protest": "2025-10-03"}


def _rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def measure_load() -> dict[str, float]:
    """Run in a child process: load the Phoenix set beside an already loaded coder."""
    import gc

    import flashpoint
    from flashpoint.dictionaries import dictionary_spec, load_dictionaries

    base = flashpoint.get_coder()
    gc.collect()
    before = _rss_mb()
    wall, cpu = time.perf_counter(), time.process_time()
    dictionaries = load_dictionaries(dictionary_spec(sets=["phoenix"]))
    assert dictionaries is not None
    dictionaries.kb()
    lexicon = dictionaries.lexicon(base.lexicon)
    result = {
        "load_wall_s": time.perf_counter() - wall,
        "load_cpu_s": time.process_time() - cpu,
    }
    gc.collect()
    result["memory_mb"] = _rss_mb() - before
    if os.environ.get("FLASHPOINT_BENCH_TRACE"):
        # Python's own count of what the set holds (resident growth can hide it: memory the
        # coder freed while loading is reused)
        import tracemalloc

        from flashpoint.dictionaries.loading import Dictionaries, DictionarySpec

        tracemalloc.start()
        again = Dictionaries(DictionarySpec(sets=("phoenix",)))
        again.kb()
        kept = again.lexicon(base.lexicon)
        result["traced_mb"] = tracemalloc.get_traced_memory()[0] / 1e6
        del kept
    result["actor_records"] = len(dictionaries.actor_entries)
    result["agents"] = len(dictionaries.agent_entries)
    result["lexicon_patterns"] = lexicon.size - base.lexicon.size
    result["discards"] = len(dictionaries.discards or ())
    return result


def _texts(count: int) -> list[tuple[str, str]]:
    base = [((EXAMPLES / f"{stem}.txt").read_text("utf-8"), day) for stem, day in DATES.items()]
    return [base[i % len(base)] for i in range(count)]


def measure_speed(articles: int, rounds: int) -> dict[str, float]:
    import flashpoint
    from flashpoint.ingest import article_from_text

    coders = {
        "without": flashpoint.get_coder(),
        "with": flashpoint.get_coder(dictionaries=["phoenix"]),
    }
    texts = _texts(articles)
    walls: dict[str, float] = {}
    cpus: dict[str, float] = {}
    events: dict[str, int] = {}
    for _ in range(rounds):
        for name, coder in coders.items():
            batch = [article_from_text(text, date=day) for text, day in texts]
            wall, cpu = time.perf_counter(), time.process_time()
            events[name] = sum(len(e) for e in coder.code_many(batch))
            wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
            walls[name] = min(wall, walls.get(name, wall))
            cpus[name] = min(cpu, cpus.get(name, cpu))
    return {
        "articles_per_s_without": articles / walls["without"],
        "articles_per_s_with": articles / walls["with"],
        "wall_ratio": walls["with"] / walls["without"],
        "cpu_ratio": cpus["with"] / cpus["without"],
        "events_without": events["without"],
        "events_with": events["with"],
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--articles", type=int, default=30)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(measure_load()))
        return
    print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    child = subprocess.run(
        [sys.executable, __file__, "--child"], capture_output=True, text=True, check=True
    )
    load = json.loads(child.stdout.strip().splitlines()[-1])
    traced = subprocess.run(
        [sys.executable, __file__, "--child"],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "FLASHPOINT_BENCH_TRACE": "1"},
    )
    load["traced_mb"] = json.loads(traced.stdout.strip().splitlines()[-1])["traced_mb"]
    print(
        f"load: {load['load_wall_s']:.2f} s wall, {load['load_cpu_s']:.2f} s CPU "
        f"(target < 5 s); +{load['memory_mb']:.0f} MB resident, {load['traced_mb']:.0f} MB "
        "allocated by Python (target < 400 MB); "
        f"{load['actor_records']:,} actor records, {load['agents']:,} agents, "
        f"{load['lexicon_patterns']:,} event patterns added, {load['discards']} discards"
    )
    speed = measure_speed(args.articles, args.rounds)
    print(
        f"coding: {speed['articles_per_s_without']:.2f} articles/s without, "
        f"{speed['articles_per_s_with']:.2f} with; time with/without {speed['wall_ratio']:.3f} "
        f"wall, {speed['cpu_ratio']:.3f} CPU (target <= 1.10); events "
        f"{speed['events_without']} -> {speed['events_with']}"
    )


if __name__ == "__main__":
    main()
