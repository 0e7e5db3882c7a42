"""Load on ``flashpoint serve``: SQLite and PostgreSQL side by side, on a store of 100,000+ events.

    python benchmarks/serve.py [--events 100000] [--clients 32] [--duration 60]
                               [--postgres postgresql://user:pass@host/db] [--sqlite PATH]

The store: the bundled example articles are coded once with the real coder, then written
again and again as new articles (the same events with shifted dates and other countries as
actors, so the store spans two years and ~40 countries), until it holds ``--events`` events.
``--sqlite PATH`` keeps the SQLite store for the next run (it is reused when big enough).

The load: ``flashpoint serve`` runs as its own process; ``--clients`` concurrent clients send
requests for ``--duration`` seconds (bounded in count and time, loopback only), a mix of

- 45% ``GET /v1/events`` pages (limit 100) with a random filter: a source, an actor and a
  date range, CAMEO roots, a quad class and a target, or none;
- 30% ``GET /v1/events/{id}`` for a random stored event (with its mentions and article);
- 25% ``GET /v1/dyads/{a}/{b}`` for a random pair among the busiest dyads, weekly or monthly.

It prints requests/s, p50/p95/p99 latency (overall and per kind) and the error count (any
status but 200, or a failed connection).  The target on a 2-core machine: no errors and a p95
under 250 ms.  The client runs on the same machine, so it takes CPU from the server: the
figures are a floor.
"""

from __future__ import annotations

import argparse
import asyncio
import dataclasses
import datetime as dt
import itertools
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))
from ingest import machine, postgres_url  # noqa: E402  (benchmarks/ingest.py)

EXAMPLES = REPO / "examples"
COUNTRIES = (
    "USA ISR IRN EGY QAT SYR LBN TUR RUS UKR CHN FRA GBR DEU SAU ARE IRQ JOR PSE YEM SDN ETH "
    "KEN NGA ZAF IND PAK AFG JPN KOR PRK BRA MEX COL VEN ARG CAN AUS POL SRB"
).split()


# ---- building the store -----------------------------------------------------------------


def _remap(actor, mapping):
    """The actor with its country (and the country part of its code) swapped by ``mapping``."""
    if actor is None or actor.country not in mapping:
        return actor
    new = mapping[actor.country]
    code = actor.code
    if code and code.startswith(actor.country):
        code = new + code[len(actor.country) :]
    return dataclasses.replace(actor, country=new, code=code)


def _shift(value, days: int):
    """``value`` (an ISO date string or a date; None stays None) ``days`` later, same type."""
    if value is None:
        return None
    if isinstance(value, str):
        return (dt.date.fromisoformat(value) + dt.timedelta(days=days)).isoformat()
    return value + dt.timedelta(days=days)


def variants(coded):
    """(Document, events) for new articles made from the coded examples, without end."""
    from flashpoint.ingest.documents import Document

    rng = random.Random(7)
    for i in itertools.count():
        document, events = coded[i % len(coded)]
        days = -(i * 7919 % 730)  # spread over two years before the examples' dates
        seen = {c for e in events for c in (e.source.country, e.target and e.target.country) if c}
        mapping = dict(zip(sorted(seen), rng.sample(COUNTRIES, len(seen)), strict=False))
        doc_id = f"bench-{i:06d}"
        text = document.article.text + f"\n\nBenchmark copy {i}."
        article = dataclasses.replace(
            document.article, text=text, doc_id=doc_id,
            date=_shift(document.article.date, days), url=f"https://bench.example/{i}",
        )  # fmt: skip
        new_events = [
            dataclasses.replace(
                e,
                doc_id=doc_id,
                date=_shift(e.date, days),
                date_info=dataclasses.replace(
                    e.date_info,
                    start=_shift(e.date_info.start, days),
                    end=_shift(e.date_info.end, days),
                ),
                source=_remap(e.source, mapping),
                target=_remap(e.target, mapping),
            )
            for e in events
        ]
        publisher = f"Bench Wire {i % 12}"
        yield (
            Document(article, f"bench:{i}", publisher, "option", locator=article.url),
            new_events,
        )


def build_store(url: str, target_events: int) -> int:
    """Fill the store at ``url`` until it holds ``target_events`` events; returns the count."""
    import flashpoint
    from flashpoint.ingest.documents import Document, iter_documents
    from flashpoint.store import open_store, write_article
    from flashpoint.store.browse import store_counts

    with open_store(url) as store:
        have = store_counts(store).events
        if have >= target_events:
            print(f"  store already holds {have:,} events")
            return have
        coder = flashpoint.get_coder()
        documents = [
            d
            for d in iter_documents([str(p) for p in sorted(EXAMPLES.glob("*.txt"))],
                                    date="2025-12-29")
            if isinstance(d, Document)
        ]  # fmt: skip
        coded = [(d, coder.code(d.article)) for d in documents]
        started = time.perf_counter()
        offset = store_counts(store).articles
        for n, (document, events) in enumerate(variants(coded)):
            if n < offset:
                continue
            write_article(store, document, events, coder_version=flashpoint.CODER_VERSION)
            if (n - offset) % 200 == 199:
                have = store_counts(store).events
                rate = (n - offset + 1) / (time.perf_counter() - started)
                print(f"  {n + 1:,} articles, {have:,} events ({rate:.0f} articles/s)", flush=True)
                if have >= target_events:
                    break
        total = store_counts(store).events
    print(f"  built: {total:,} events in {time.perf_counter() - started:.0f} s")
    return total


def copy_store(source: str, target: str) -> int:
    """Copy every row of the store at ``source`` into the (new, empty) store at ``target``,
    so both engines are measured on the same events; returns the events copied.  Much faster
    than building a second store through the writer (which clusters every article again)."""
    from sqlalchemy import func, select, text

    from flashpoint.store import open_store, schema

    started = time.perf_counter()
    with open_store(source) as src, open_store(target) as dst:
        with src.engine.connect() as read, dst.engine.begin() as write:
            for table in schema.Base.metadata.sorted_tables:
                rows = read.execute(select(table).execution_options(yield_per=5000))
                for chunk in rows.mappings().partitions(5000):
                    write.execute(table.insert(), [dict(r) for r in chunk])
                if dst.dialect == "postgresql" and "id" in table.c:
                    write.execute(text(
                        f"SELECT setval(pg_get_serial_sequence('{table.name}', 'id'), "
                        f"(SELECT coalesce(max(id), 1) FROM {table.name}))"
                    ))  # fmt: skip
            if dst.dialect == "postgresql":
                write.execute(text("ANALYZE"))
        with dst.engine.connect() as conn:
            total = conn.scalar(select(func.count()).select_from(schema.Event))
    print(f"  copied {total:,} events in {time.perf_counter() - started:.0f} s")
    return int(total or 0)


# ---- the load -----------------------------------------------------------------------------


@dataclasses.dataclass
class Result:
    kind: str
    seconds: float
    ok: bool


def _percentile(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    if len(values) == 1:
        return values[0]
    return statistics.quantiles(values, n=100, method="inclusive")[q - 1]


async def load(base: str, clients: int, duration: float, max_id: int, pairs) -> list[Result]:
    import httpx

    rng = random.Random(11)
    first = dt.date(2024, 1, 1)

    def request() -> tuple[str, str, dict]:
        roll = rng.random()
        if roll < 0.45:
            choice = rng.randrange(5)
            day = first + dt.timedelta(days=rng.randrange(700))
            params: dict = {"limit": 100}
            if choice == 0:
                params["source"] = rng.choice(COUNTRIES)
            elif choice == 1:
                params.update(actor=rng.choice(COUNTRIES), since=day.isoformat(),
                              until=(day + dt.timedelta(days=60)).isoformat())  # fmt: skip
            elif choice == 2:
                params["root"] = [rng.choice(["01", "04", "11", "14", "19"]), "02"]
            elif choice == 3:
                params.update(quad=rng.randint(1, 4), target=rng.choice(COUNTRIES))
            return "events", "/v1/events", params
        if roll < 0.75:
            return "event", f"/v1/events/{rng.randint(1, max_id)}", {}
        a, b = rng.choice(pairs)
        return "dyad", f"/v1/dyads/{a}/{b}", {"freq": rng.choice(["week", "month"])}

    results: list[Result] = []
    stop_at = time.perf_counter() + duration

    async def client_loop(http: httpx.AsyncClient) -> None:
        while time.perf_counter() < stop_at:
            kind, path, params = request()
            started = time.perf_counter()
            try:
                response = await http.get(path, params=params)
                ok = response.status_code == 200
            except httpx.HTTPError:
                ok = False
            results.append(Result(kind, time.perf_counter() - started, ok))

    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
    async with httpx.AsyncClient(base_url=base, timeout=60, limits=limits) as http:
        await asyncio.gather(*(client_loop(http) for _ in range(clients)))
    return results


def wait_until_up(base: str, process: subprocess.Popen, timeout: float = 120) -> None:
    import httpx

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"flashpoint serve exited with {process.returncode}")
        try:
            if httpx.get(base + "/v1/health", timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.3)
    raise SystemExit("flashpoint serve did not start")


def measure(name: str, url: str, args: argparse.Namespace) -> dict:
    import socket

    import httpx

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    base = f"http://127.0.0.1:{port}"
    process = subprocess.Popen(
        [sys.executable, "-m", "flashpoint", "serve", "--db", url, "--port", str(port),
         "--log-level", "warning", "--workers", str(args.workers)],
        env={**os.environ, "PYTHONPATH": str(REPO / "src")},
    )  # fmt: skip
    try:
        wait_until_up(base, process)
        health = httpx.get(base + "/v1/health").json()["store"]
        edges = httpx.get(base + "/v1/network", params={"min_events": 20}, timeout=300).json()
        pairs = [(e["source"], e["target"]) for e in edges["edges"]
                 if len(e["source"]) == 3 and len(e["target"]) == 3][:40]  # fmt: skip
        httpx.get(base + f"/v1/dyads/{pairs[0][0]}/{pairs[0][1]}", timeout=60)  # warm up pandas
        started = time.perf_counter()
        results = asyncio.run(load(base, args.clients, args.duration, health["events"], pairs))
        elapsed = time.perf_counter() - started
    finally:
        process.terminate()
        process.wait(timeout=30)
    latencies = [r.seconds * 1000 for r in results]
    report = {
        "name": name,
        "events": health["events"],
        "requests": len(results),
        "rps": len(results) / elapsed,
        "errors": sum(not r.ok for r in results),
        "p50": _percentile(latencies, 50),
        "p95": _percentile(latencies, 95),
        "p99": _percentile(latencies, 99),
        "kinds": {
            kind: _percentile([r.seconds * 1000 for r in results if r.kind == kind], 95)
            for kind in ("events", "event", "dyad")
        },
    }
    return report


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--clients", type=int, default=32)
    parser.add_argument("--duration", type=float, default=60.0)
    parser.add_argument("--workers", type=int, default=1, help="flashpoint serve --workers")
    parser.add_argument("--sqlite", help="SQLite store to build or reuse (default: a temp file)")
    parser.add_argument("--postgres", default=os.environ.get("FLASHPOINT_TEST_POSTGRES_URL"))
    args = parser.parse_args()

    from sqlalchemy import create_engine, text

    from flashpoint.store.database import normalise_url

    print(machine())
    print(
        f"load: {args.clients} clients for {args.duration:.0f} s, {args.workers} server process(es)"
    )
    reports = []
    with tempfile.TemporaryDirectory() as tmp:
        sqlite = args.sqlite or str(Path(tmp) / "serve-bench.db")
        print(f"SQLite store {sqlite}:")
        build_store(sqlite, args.events)
        reports.append(measure("SQLite", sqlite, args))
        if args.postgres:
            schema = f"fp_bench_{uuid.uuid4().hex[:8]}"
            admin = create_engine(normalise_url(args.postgres))
            with admin.begin() as conn:
                conn.execute(text(f'CREATE SCHEMA "{schema}"'))
            try:
                url = postgres_url(args.postgres, schema)
                print(f"PostgreSQL schema {schema}:")
                build_store(url, args.events)
                reports.append(measure("PostgreSQL", url, args))
            finally:
                with admin.begin() as conn:
                    conn.execute(text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
                admin.dispose()
        else:
            print("PostgreSQL: skipped (pass --postgres or set FLASHPOINT_TEST_POSTGRES_URL)")
    print()
    print(f"{'store':<11}{'events':>9}{'requests':>10}{'req/s':>8}{'p50 ms':>8}{'p95 ms':>8}"
          f"{'p99 ms':>8}{'errors':>8}   p95 ms: events page / one event / dyad")  # fmt: skip
    for r in reports:
        kinds = r["kinds"]
        print(
            f"{r['name']:<11}{r['events']:>9,}{r['requests']:>10,}{r['rps']:>8.1f}"
            f"{r['p50']:>8.0f}{r['p95']:>8.0f}{r['p99']:>8.0f}{r['errors']:>8}   "
            f"{kinds['events']:.0f} / {kinds['event']:.0f} / {kinds['dyad']:.0f}"
        )


if __name__ == "__main__":
    main()
