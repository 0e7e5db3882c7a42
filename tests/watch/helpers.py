"""A local web server whose feeds change between polls, a webhook receiver, a fake clock and
a stub coder, for the watch and alert tests (no network, no spaCy)."""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import hashlib
import http.server
import json
import re
import threading
import time
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from xml.sax.saxutils import escape

from flashpoint.records import Article, Event, Evidence, Span
from tests.store.helpers import VERSION, event

# ---- the server ---------------------------------------------------------------------------


@dataclass
class Page:
    body: bytes = b""
    status: int = 200
    content_type: str | None = "application/rss+xml; charset=utf-8"
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0
    validators: bool = True  # send ETag and Last-Modified, answer 304 when they match


@dataclass
class Request:
    method: str
    path: str
    headers: dict[str, str]
    body: bytes
    at: float  # time.monotonic() when it arrived
    status: int = 0


class Web:
    """A threaded HTTP server on 127.0.0.1 serving ``pages`` (changeable at any time), one-off
    answers queued with :meth:`once`, and recording every request."""

    def __init__(self) -> None:
        self.pages: dict[str, Page] = {}
        self.queued: dict[str, deque[Page]] = {}
        self.requests: list[Request] = []
        self.in_flight = 0
        self.max_in_flight = 0
        self._lock = threading.Lock()
        self.release = threading.Event()
        web = self

        class Handler(http.server.BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_GET(self) -> None:
                web._answer(self, "GET")

            def do_POST(self) -> None:
                web._answer(self, "POST")

            def log_message(self, format: str, *args: object) -> None:
                pass

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.thread = threading.Thread(target=self.server.serve_forever, args=(0.05,), daemon=True)
        self.thread.start()
        host, port = self.server.server_address[:2]
        self.base = f"http://{host}:{port}"

    def url(self, path: str) -> str:
        return self.base + path

    def set(self, path: str, page: Page | bytes) -> None:
        self.pages[path] = page if isinstance(page, Page) else Page(page)

    def once(self, path: str, page: Page) -> None:
        """Answer the next request for ``path`` with ``page`` (then as before)."""
        self.queued.setdefault(path, deque()).append(page)

    def hits(self, path: str, method: str = "GET") -> list[Request]:
        return [r for r in self.requests if r.path == path and r.method == method]

    def close(self) -> None:
        self.release.set()
        self.server.shutdown()
        self.server.server_close()
        self.thread.join(timeout=5)

    def _answer(self, handler: http.server.BaseHTTPRequestHandler, method: str) -> None:
        length = int(handler.headers.get("Content-Length") or 0)
        body = handler.rfile.read(length) if length else b""
        request = Request(method, handler.path, dict(handler.headers.items()), body,
                          time.monotonic())  # fmt: skip
        with self._lock:
            self.requests.append(request)
            self.in_flight += 1
            self.max_in_flight = max(self.max_in_flight, self.in_flight)
            queue = self.queued.get(handler.path)
            page = queue.popleft() if queue else self.pages.get(handler.path)
        try:
            if page is None:
                page = Page(b"not here", status=404, content_type="text/plain")
            if page.delay:
                self.release.wait(page.delay)
            status, headers, payload = page.status, dict(page.headers), page.body
            if page.validators and status == 200:
                tag = '"' + hashlib.sha1(page.body).hexdigest()[:16] + '"'
                headers["ETag"] = tag
                headers["Last-Modified"] = "Tue, 30 Dec 2025 08:00:00 GMT"
                if handler.headers.get("If-None-Match") == tag:
                    status, payload = 304, b""
            request.status = status
            handler.send_response(status)
            if page.content_type and status != 304:
                handler.send_header("Content-Type", page.content_type)
            for key, value in headers.items():
                handler.send_header(key, value)
            handler.send_header("Content-Length", str(len(payload)))
            handler.end_headers()
            with contextlib.suppress(OSError):
                handler.wfile.write(payload)
        finally:
            with self._lock:
                self.in_flight -= 1


# ---- feeds ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Item:
    guid: str
    text: str
    link: str | None = None
    title: str = "A story"
    date: str = "Tue, 30 Dec 2025 07:00:00 GMT"


def rss(title: str, items: Iterable[Item]) -> bytes:
    entries = "".join(
        f"<item><guid>{escape(i.guid)}</guid><title>{escape(i.title)}</title>"
        + (f"<link>{escape(i.link)}</link>" if i.link else "")
        + f"<pubDate>{i.date}</pubDate><description>{escape(i.text)}</description></item>"
        for i in items
    )
    return (
        f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
        f"<title>{escape(title)}</title><link>http://example.org/</link>{entries}"
        "</channel></rss>"
    ).encode()


def sitemap(urls: Iterable[tuple[str, str]]) -> bytes:
    body = "".join(f"<url><loc>{escape(u)}</loc><lastmod>{m}</lastmod></url>" for u, m in urls)
    return (
        '<?xml version="1.0" encoding="UTF-8"?>'
        f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{body}</urlset>'
    ).encode()


def sitemap_index(urls: Iterable[tuple[str, str]]) -> bytes:
    body = "".join(f"<sitemap><loc>{escape(u)}</loc><lastmod>{m}</lastmod></sitemap>"
                   for u, m in urls)  # fmt: skip
    return (
        '<?xml version="1.0" encoding="UTF-8"?>'
        f'<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{body}</sitemapindex>'
    ).encode()


def html_page(title: str, text: str) -> Page:
    head = f"<html><head><title>{escape(title)}</title></head>"
    body = f"{head}<body><article><h1>{escape(title)}</h1><p>{escape(text)}</p></article></body>"
    return Page((body + "</html>").encode(), content_type="text/html; charset=utf-8",
                validators=False)  # fmt: skip


# ---- time and coding ---------------------------------------------------------------------------


class FakeClock:
    def __init__(self, start: dt.datetime = dt.datetime(2025, 12, 30, 9, 0, tzinfo=dt.UTC)):
        self.now = start

    def __call__(self) -> dt.datetime:
        return self.now

    def advance(self, seconds: float) -> dt.datetime:
        self.now += dt.timedelta(seconds=seconds)
        return self.now


# code -> (goldstein, quad class)
SCORES = {"190": (-10.0, 4), "183": (-9.5, 4), "173": (-5.0, 4), "042": (1.9, 1),
          "112": (-2.0, 3), "036": (4.0, 1)}  # fmt: skip
_MARK = re.compile(r"([A-Z]{3,9}) (?:did|does) (\d{3,4}) to ([A-Z]{3,9}) on (\d{4}-\d{2}-\d{2})")


class StubCoder:
    """Codes "USAGOV did 190 to IRNGOV on 2025-12-30" as that event; counts what it coded."""

    def __init__(self) -> None:
        self.coded: list[str] = []

    def code_many(self, articles: Iterable[Article], batch_size: int = 16) -> Iterator[list[Event]]:
        for article in articles:
            self.coded.append(article.text)
            events = []
            for index, match in enumerate(_MARK.finditer(article.text)):
                source, code, target, day = match.groups()
                goldstein, quad = SCORES.get(code, (0.0, 1))
                made = event(article.doc_id, source=source, target=target, code=code, date=day,
                             sentence=index, goldstein=goldstein, quad_class=quad)  # fmt: skip
                evidence = Evidence(match.group(0), match.start(), match.end(),
                                    Span(code, match.start(), match.end()))  # fmt: skip
                events.append(dataclasses.replace(made, evidence=evidence))
            yield events


CODER_VERSION = VERSION


def story(source: str, code: str, target: str, day: str = "2025-12-30", extra: str = "") -> str:
    return f"Officials said {source} did {code} to {target} on {day}. {extra}".strip()


def bodies(web: Web, method: str = "POST", path: str = "/hook") -> list[dict]:
    return [json.loads(r.body) for r in web.hits(path, method)]
