"""Latency of ``flashpoint watch``: from an item appearing in a feed to its events in the store.

    python benchmarks/watch.py [--every 5] [--items 12] [--postgres postgresql://...]

A local feed server (127.0.0.1, conditional GET) publishes one new article at a time (the
bundled examples, each made new by a distinct closing line) at random moments; a watcher
with the real coder polls it every ``--every`` seconds, with an alert rule set evaluated
after each poll.  For each item it measures

- **latency**: from the item's publication to its article (written with its events in one
  transaction) being visible in the store, read through a separate connection every 20 ms;
- **wait**: from publication to the first poll that saw it (at most one interval);
- **processing**: from that poll's request to the article in the store (fetch, parse, code,
  write), and the time the alert rules took in the cycles.

Expected: latency = wait (uniform over one interval) + processing (about one article's
coding time).  Figures on a shared machine are noisy: say the load with them.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import http.server
import random
import statistics
import sys
import tempfile
import threading
import time
import uuid
from pathlib import Path
from xml.sax.saxutils import escape

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))
sys.path.insert(0, str(REPO / "benchmarks"))

from ingest import machine, postgres_url  # noqa: E402

EXAMPLES = REPO / "examples"
RULES = {
    "rule": [
        {"name": "violence", "kind": "match", "roots": ["18-20"]},
        {"name": "conflict-day", "kind": "count", "quads": [4], "min_count": 3, "window": "1d"},
        {"name": "usa-isr-goldstein", "kind": "goldstein", "source": "USA", "target": "ISR"},
        {"name": "widely-reported", "kind": "new_cluster", "min_sources": 3},
    ]
}


class FeedServer:
    """One RSS feed whose items are appended while it runs; answers 304 when unchanged."""

    def __init__(self) -> None:
        self.items: list[tuple[str, str, str]] = []  # (guid, link, text)
        self.polls: list[float] = []  # monotonic times of feed requests
        self.lock = threading.Lock()
        server = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                with server.lock:
                    server.polls.append(time.monotonic())
                    body = server.body()
                tag = '"' + hashlib.sha1(body).hexdigest() + '"'
                if self.headers.get("If-None-Match") == tag:
                    self.send_response(304)
                    self.end_headers()
                    return
                self.send_response(200)
                self.send_header("Content-Type", "application/rss+xml")
                self.send_header("ETag", tag)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args: object) -> None:
                pass

        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/feed.rss"

    def body(self) -> bytes:
        entries = "".join(
            f"<item><guid>{g}</guid><link>{escape(link)}</link><title>Story {g}</title>"
            f"<description>{escape(text)}</description></item>"
            for g, link, text in reversed(self.items)
        )
        return (f"<?xml version='1.0'?><rss version='2.0'><channel><title>Bench</title>"
                f"{entries}</channel></rss>").encode()  # fmt: skip

    def publish(self, guid: str, link: str, text: str) -> float:
        with self.lock:
            self.items.append((guid, link, text))
            return time.monotonic()


def stories(count: int) -> list[str]:
    bases = [p.read_text("utf-8") for p in sorted(EXAMPLES.glob("*.txt"))]
    return [f"{bases[i % len(bases)]}\n\nThis report is update {i} of the story."
            for i in range(count)]  # fmt: skip


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def run(db: str, every: float, count: int, seed: int) -> dict[str, list[float]]:
    from flashpoint import CODER_VERSION, get_coder
    from flashpoint.alerts import parse_rules
    from flashpoint.store import open_store, schema
    from flashpoint.watch import Watcher, WatchOptions

    coder = get_coder()
    list(coder.code_many([], batch_size=1))  # loaded before the clock starts
    feed = FeedServer()
    store = open_store(db)
    reader = open_store(db)
    rule_seconds: list[float] = []
    watcher = Watcher(store, [feed.url], coder, coder_version=CODER_VERSION,
                      options=WatchOptions(every=every, host_interval=0.0),
                      rules=parse_rules(RULES),
                      on_cycle=lambda cycle: rule_seconds.append(cycle.alert_seconds))  # fmt: skip
    thread = threading.Thread(target=watcher.run, daemon=True)
    thread.start()
    rng = random.Random(seed)
    latency, wait, processing = [], [], []
    for index, text in enumerate(stories(count)):
        time.sleep(rng.uniform(0.2, every * 1.3))
        link = f"http://bench.test/{uuid.uuid4().hex}"
        published = feed.publish(f"g{index}", link, text)
        while True:
            with reader.session(readonly=True) as session:
                found = session.query(schema.Article.id).filter_by(url=link).first()
            if found:
                stored = time.monotonic()
                break
            time.sleep(0.02)
        with feed.lock:
            seen = min(t for t in feed.polls if t >= published)
        latency.append(stored - published)
        wait.append(seen - published)
        processing.append(stored - seen)
        print(f"item {index + 1:2d}: latency {latency[-1]:5.2f} s = wait {wait[-1]:5.2f} s "
              f"+ processing {processing[-1]:5.2f} s", flush=True)  # fmt: skip
    watcher.stop.set()
    thread.join(60)
    store.close()
    reader.close()
    feed.httpd.shutdown()
    return {"latency": latency, "wait": wait, "processing": processing, "rules": rule_seconds}


def report(name: str, figures: dict[str, list[float]], every: float) -> None:
    print(f"\n{name}: every {every:g} s, {len(figures['latency'])} items")
    for key in ("latency", "wait", "processing", "rules"):
        values = figures[key]
        if values:
            print(f"  {key:10s} median {statistics.median(values):6.2f} s   p95 "
                  f"{percentile(values, 0.95):6.2f} s   max {max(values):6.2f} s")  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--every", type=float, default=5.0, help="poll interval, seconds")
    parser.add_argument("--items", type=int, default=12)
    parser.add_argument("--seed", type=int, default=19)
    parser.add_argument("--postgres", help="also measure on this PostgreSQL server")
    args = parser.parse_args()
    print(machine(), "-", dt.datetime.now(dt.UTC).isoformat(timespec="seconds"))
    with tempfile.TemporaryDirectory(prefix="fp-watch-bench-") as folder:
        figures = run(str(Path(folder) / "watch.db"), args.every, args.items, args.seed)
        report("SQLite", figures, args.every)
    if args.postgres:
        from sqlalchemy import create_engine, text

        from flashpoint.store.database import normalise_url

        schema = f"fp_watch_bench_{uuid.uuid4().hex[:8]}"
        admin = create_engine(normalise_url(args.postgres))
        with admin.begin() as conn:
            conn.execute(text(f'CREATE SCHEMA "{schema}"'))
        try:
            figures = run(postgres_url(args.postgres, schema), args.every, args.items, args.seed)
            report("PostgreSQL", figures, args.every)
        finally:
            with admin.begin() as conn:
                conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
            admin.dispose()


if __name__ == "__main__":
    main()
