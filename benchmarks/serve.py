"""Load on ``flashpoint serve``: SQLite and PostgreSQL side by side, on a store of 100,000+ events.

    python benchmarks/serve.py [--events 100000] [--clients 32] [--duration 60] [--workers 2]
                               [--cache-mb 64] [--sqlite PATH] [--postgres URL]

The store: the bundled example articles are coded once with the real coder, then written
again and again as new articles (the same events with shifted dates and other countries as
actors, so the store spans two years and ~40 countries), until it holds ``--events`` events.
``--sqlite PATH`` keeps the SQLite store for the next run (it is reused when big enough).
PostgreSQL (``--postgres`` or FLASHPOINT_TEST_POSTGRES_URL; a fresh schema, dropped after)
gets a row-for-row copy of the SQLite store, so both engines answer over the same events.

The load: ``flashpoint serve --workers N`` runs as its own processes; ``--clients``
concurrent clients, each on its own keep-alive connection, send requests for ``--duration``
seconds (bounded in count and time, loopback only), a mix of

- 45% ``GET /v1/events`` pages (limit 100) with a random filter: a source, an actor and a
  two-month date range, CAMEO roots, a quad class and a target, or none;
- 30% ``GET /v1/events/{id}`` for a random stored event (with its mentions and article);
- 25% ``GET /v1/dyads/{a}/{b}`` for a random pair among the busiest dyads, weekly or monthly.

The server starts cold (no answer cached) and is measured from the first request.  Many
requests repeat (the plain listings, the dyads), which is what the response cache is for; the
actor-and-dates pages and single events rarely do.  ``--cache-mb 0`` measures every request
computed.

It prints the machine and its load average, the store's size, and per engine: requests/s,
p50/p95/p99 latency (overall, and p95 per kind), the errors (any status but 200, or a failed
connection), the share of requests that repeated an earlier one, and the CPU the server and
the load client spent per request.  The target on a 2-core machine: no errors and a p95
under 250 ms.  The client runs on the same cores as the server and the machine may be shared:
the server's CPU per request is the figure least moved by other load.
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
                if table.name == "store_state":  # the target keeps its own change counter
                    continue
                rows = read.execute(select(table).execution_options(yield_per=5000))
                for chunk in rows.mappings().partitions(5000):
                    write.execute(table.insert(), [dict(r) for r in chunk])
                if dst.dialect == "postgresql" and "id" in table.c:
                    write.execute(text(
                        f"SELECT setval(pg_get_serial_sequence('{table.name}', 'id'), "
                        f"(SELECT coalesce(max(id), 1) FROM {table.name}))"
                    ))  # fmt: skip
        if dst.dialect == "postgresql":
            # What an operator does after a bulk load: without it autovacuum visits the new
            # tables during the measurement, and index-only scans find no visibility map.
            with dst.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
                tables = ", ".join(t.name for t in schema.Base.metadata.sorted_tables)
                conn.execute(text(f"VACUUM (ANALYZE) {tables}"))
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


def _percentile(values: list[float], q: int) -> float:
    if not values:
        return float("nan")
    if len(values) == 1:
        return values[0]
    return statistics.quantiles(values, n=100, method="inclusive")[q - 1]


class Connection:
    """One keep-alive HTTP/1.1 connection, as lean as a client can be, so the load client
    takes as little as possible of the CPU the server shares with it (httpx costs ~1 ms a
    request; this, a few tens of microseconds)."""

    def __init__(self, host: str, port: int):
        self.host, self.port = host, port
        self.reader: asyncio.StreamReader | None = None
        self.writer: asyncio.StreamWriter | None = None

    async def get(self, target: str) -> int:
        if self.writer is None:
            self.reader, self.writer = await asyncio.open_connection(self.host, self.port)
        assert self.reader is not None
        request = f"GET {target} HTTP/1.1\r\nHost: {self.host}:{self.port}\r\n\r\n"
        self.writer.write(request.encode("ascii"))
        head = await self.reader.readuntil(b"\r\n\r\n")
        lines = head.decode("latin-1").split("\r\n")
        status = int(lines[0].split()[1])
        headers = dict(line.lower().split(": ", 1) for line in lines[1:] if ": " in line)
        if "content-length" in headers:
            await self.reader.readexactly(int(headers["content-length"]))
        elif headers.get("transfer-encoding") == "chunked":
            while size := int((await self.reader.readline()).strip(), 16):
                await self.reader.readexactly(size + 2)
            await self.reader.readline()
        if headers.get("connection") == "close":
            await self.close()
        return status

    async def close(self) -> None:
        if self.writer is not None:
            self.writer.close()
            self.reader = self.writer = None


def request_mix(max_id: int, pairs: list[tuple[str, str]]):
    """An endless, seeded stream of (kind, path with query) in the proportions above."""
    from urllib.parse import urlencode

    rng = random.Random(11)
    first = dt.date(2024, 1, 1)
    while True:
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
            yield "events", "/v1/events?" + urlencode(params, doseq=True)
        elif roll < 0.75:
            yield "event", f"/v1/events/{rng.randint(1, max_id)}"
        else:
            a, b = rng.choice(pairs)
            yield "dyad", f"/v1/dyads/{a}/{b}?freq={rng.choice(['week', 'month'])}"


async def load(port: int, clients: int, duration: float, requests) -> tuple[list[Result], int]:
    results: list[Result] = []
    seen: set[str] = set()
    repeats = 0
    stop_at = time.perf_counter() + duration

    async def client_loop() -> None:
        nonlocal repeats
        connection = Connection("127.0.0.1", port)
        try:
            while time.perf_counter() < stop_at:
                kind, target = next(requests)
                repeats += target in seen
                seen.add(target)
                started = time.perf_counter()
                try:
                    ok = await asyncio.wait_for(connection.get(target), 60) == 200
                except (TimeoutError, OSError, asyncio.IncompleteReadError, ValueError):
                    ok = False
                    await connection.close()
                results.append(Result(kind, time.perf_counter() - started, ok))
        finally:
            await connection.close()

    await asyncio.gather(*(client_loop() for _ in range(clients)))
    return results, repeats


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


def tree_cpu_seconds(pid: int) -> float:
    """User + system CPU seconds of process ``pid`` and its descendants so far (Linux)."""
    ticks = os.sysconf("SC_CLK_TCK")
    total, stack = 0.0, [pid]
    while stack:
        current = stack.pop()
        try:
            fields = Path(f"/proc/{current}/stat").read_text().rsplit(")", 1)[1].split()
            total += (int(fields[11]) + int(fields[12])) / ticks
            for task in Path(f"/proc/{current}/task").iterdir():
                stack += [int(c) for c in (task / "children").read_text().split()]
        except (OSError, ValueError):
            continue
    return total


def store_size(url: str) -> str:
    """Rows per table and bytes on disk, in words."""
    from sqlalchemy import text

    from flashpoint.store import open_store
    from flashpoint.store.browse import store_counts
    from flashpoint.store.database import database_file

    with open_store(url) as store:
        counts = store_counts(store)
        path = database_file(url)
        if path:
            size = sum(os.path.getsize(p) for p in (path, path + "-wal") if os.path.exists(p))
        else:
            with store.engine.connect() as conn:
                size = conn.scalar(text(
                    "SELECT sum(pg_total_relation_size(c.oid)) FROM pg_class c "
                    "JOIN pg_namespace n ON n.oid = c.relnamespace "
                    "WHERE n.nspname = current_schema() AND c.relkind = 'r'"
                ))  # fmt: skip
    return (
        f"{counts.articles:,} articles, {counts.events:,} events, {counts.mentions:,} mentions, "
        f"{counts.clusters:,} clusters, {int(size or 0) / 2**20:,.0f} MiB"
    )


def measure(name: str, url: str, args: argparse.Namespace) -> dict:
    import socket

    import httpx

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    base = f"http://127.0.0.1:{port}"
    process = subprocess.Popen(
        [sys.executable, "-m", "flashpoint", "serve", "--db", url, "--port", str(port),
         "--log-level", "warning", "--workers", str(args.workers),
         *(["--cache-mb", str(args.cache_mb)] if args.cache_mb is not None else [])],
        env={**os.environ, "PYTHONPATH": str(REPO / "src")},
    )  # fmt: skip
    try:
        wait_until_up(base, process)
        health = httpx.get(base + "/v1/health").json()["store"]
        edges = httpx.get(base + "/v1/network", params={"min_events": 20}, timeout=300).json()
        pairs = [(e["source"], e["target"]) for e in edges["edges"]
                 if len(e["source"]) == 3 and len(e["target"]) == 3][:40]  # fmt: skip
        requests = request_mix(health["events"], pairs)
        load_before = os.getloadavg()[0]
        server_before = tree_cpu_seconds(process.pid)
        client_before = time.process_time()
        started = time.perf_counter()
        results, repeats = asyncio.run(load(port, args.clients, args.duration, requests))
        elapsed = time.perf_counter() - started
        client_cpu = time.process_time() - client_before
        server_cpu = tree_cpu_seconds(process.pid) - server_before
        load_after = os.getloadavg()[0]
    finally:
        process.terminate()
        process.wait(timeout=30)
    latencies = [r.seconds * 1000 for r in results]
    count = max(len(results), 1)
    return {
        "name": name,
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
        "repeated": repeats / count,
        "server_ms": server_cpu * 1000 / count,
        "client_ms": client_cpu * 1000 / count,
        "load": (load_before, load_after),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--clients", type=int, default=32)
    parser.add_argument("--duration", type=float, default=60.0, help="seconds per engine")
    parser.add_argument("--workers", type=int, default=2, help="flashpoint serve --workers")
    parser.add_argument("--cache-mb", type=int, help="flashpoint serve --cache-mb (0: no cache)")
    parser.add_argument("--sqlite", help="SQLite store to build or reuse (default: a temp file)")
    parser.add_argument("--postgres", default=os.environ.get("FLASHPOINT_TEST_POSTGRES_URL"))
    args = parser.parse_args()

    from sqlalchemy import create_engine, text

    from flashpoint.store.database import normalise_url

    print(machine())
    print(
        f"load: {args.clients} clients for {args.duration:.0f} s per engine; "
        f"serve --workers {args.workers}"
        + (f" --cache-mb {args.cache_mb}" if args.cache_mb is not None else "")
    )
    reports = []
    with tempfile.TemporaryDirectory() as tmp:
        sqlite = args.sqlite or str(Path(tmp) / "serve-bench.db")
        print(f"SQLite store {sqlite}:")
        build_store(sqlite, args.events)
        print(f"  {store_size(sqlite)}")
        reports.append(measure("SQLite", sqlite, args))
        if args.postgres:
            schema = f"fp_bench_{uuid.uuid4().hex[:8]}"
            admin = create_engine(normalise_url(args.postgres))
            with admin.begin() as conn:
                conn.execute(text(f'CREATE SCHEMA "{schema}"'))
            try:
                url = postgres_url(args.postgres, schema)
                print(f"PostgreSQL schema {schema} (a copy of the SQLite store):")
                copy_store(sqlite, url)
                print(f"  {store_size(url)}")
                reports.append(measure("PostgreSQL", url, args))
            finally:
                with admin.begin() as conn:
                    conn.execute(text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
                admin.dispose()
        else:
            print("PostgreSQL: skipped (pass --postgres or set FLASHPOINT_TEST_POSTGRES_URL)")
    print()
    print(
        f"{'store':<11}{'requests':>9}{'req/s':>7}{'p50':>6}{'p95':>6}{'p99':>6}{'errors':>7}"
        f"{'repeated':>9}{'server':>8}{'client':>8}   p95 events page / one event / dyad"
        "   load average"
    )
    print(f"{'':<11}{'':>9}{'':>7}{'ms':>6}{'ms':>6}{'ms':>6}{'':>7}{'':>9}"
          f"{'ms/req':>8}{'ms/req':>8}   ms")  # fmt: skip
    for r in reports:
        kinds = r["kinds"]
        print(
            f"{r['name']:<11}{r['requests']:>9,}{r['rps']:>7.0f}{r['p50']:>6.0f}{r['p95']:>6.0f}"
            f"{r['p99']:>6.0f}{r['errors']:>7}{r['repeated']:>9.0%}{r['server_ms']:>8.1f}"
            f"{r['client_ms']:>8.1f}   {kinds['events']:.0f} / {kinds['event']:.0f} / "
            f"{kinds['dyad']:.0f}   {r['load'][0]:.1f} -> {r['load'][1]:.1f}"
        )


if __name__ == "__main__":
    main()
