"""Answers to repeated reads, kept until the store changes, and HTTP revalidation (ETag).

Dashboards and programs ask the same questions again and again (the overview's filters, the
busiest dyads, the first page of a listing); each answer is a pure function of the request
and of the store's content.  So a ``GET /v1/...`` answer (200, sent in one piece: pages,
series, single records, not streamed exports) is kept under (path, query string, the store's
change counter) in a size-bounded LRU.  The counter is one primary-key look-up that any
committed write by any program raises (:meth:`~flashpoint.store.Store.changes`), so a cached
answer is never older than the request: no time-to-live, no staleness.

Every such answer carries an ``ETag`` (a hash of its body) and ``Cache-Control: no-cache``;
a client that sends it back in ``If-None-Match`` gets ``304 Not Modified`` while the answer
is the same.  ``/v1/health`` is never cached: it must read the store to say it can.
"""

from __future__ import annotations

import asyncio
import hashlib
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import anyio
import anyio.to_thread

from flashpoint.api.metrics import CACHE
from flashpoint.store import Store

__all__ = ["ChangeReader", "ResponseCache", "ResponseCacheMiddleware"]

_UNCACHED = ("/v1/health",)


@dataclass(frozen=True, slots=True)
class _Answer:
    status: int
    headers: tuple[tuple[bytes, bytes], ...]
    body: bytes
    etag: bytes
    # What routing wrote into the request scope (the matched route), restored on a hit so
    # the metrics label a cached answer with its route like a computed one.
    routed: tuple[tuple[str, Any], ...] = ()


class ResponseCache:
    """A least-recently-used map of answers, bounded by the bytes of their bodies.  Used from
    the event loop only, so it needs no lock."""

    def __init__(self, max_bytes: int):
        self.max_bytes = max_bytes
        self._answers: OrderedDict[tuple[Any, ...], _Answer] = OrderedDict()
        self._bytes = 0
        self.hits = 0
        self.misses = 0

    def get(self, key: tuple[Any, ...]) -> _Answer | None:
        answer = self._answers.get(key)
        if answer is None:
            self.misses += 1
            return None
        self._answers.move_to_end(key)
        self.hits += 1
        return answer

    def put(self, key: tuple[Any, ...], answer: _Answer) -> None:
        size = len(answer.body)
        if size > self.max_bytes // 8:  # one huge answer must not flush all the others
            return
        old = self._answers.pop(key, None)
        if old is not None:
            self._bytes -= len(old.body)
        self._answers[key] = answer
        self._bytes += size
        while self._bytes > self.max_bytes:
            _, dropped = self._answers.popitem(last=False)
            self._bytes -= len(dropped.body)


def _etag(body: bytes) -> bytes:
    return b'"' + hashlib.blake2b(body, digest_size=12).hexdigest().encode() + b'"'


def _matches(if_none_match: bytes | None, etag: bytes) -> bool:
    if not if_none_match:
        return False
    tags = [t.strip().removeprefix(b"W/") for t in if_none_match.split(b",")]
    return etag in tags or b"*" in tags


class ChangeReader:
    """The store's change counter for requests, read at most once at a time and shared.

    A request must see a counter read that *began after it arrived* (an earlier read may
    predate a write the client already knows of).  So a request arriving while a read is
    running waits for the next one, which begins as soon as the running one ends and serves
    every request that arrived meanwhile: under load one read answers dozens of requests,
    and none is answered from a read older than itself.  Reads run in a thread of their own
    (never queued behind answers being computed in the default pool)."""

    def __init__(self, read: Callable[[], int]):
        self._read = read
        self._limiter = anyio.CapacityLimiter(1)
        self._running = False
        self._next: asyncio.Future[int] | None = None

    async def read(self) -> int:
        if self._next is None:
            self._next = asyncio.get_running_loop().create_future()
            if not self._running:
                asyncio.get_running_loop().create_task(self._run())
        return await asyncio.shield(self._next)

    async def _run(self) -> None:
        self._running = True
        try:
            while self._next is not None:
                serving, self._next = self._next, None
                try:
                    serving.set_result(
                        await anyio.to_thread.run_sync(self._read, limiter=self._limiter)
                    )
                except Exception as exc:  # every waiter falls back to computing its answer
                    serving.set_exception(exc)
        finally:
            self._running = False


class ResponseCacheMiddleware:
    """Serve ``GET /v1/...`` from :class:`ResponseCache` while the store is unchanged, and
    answer ``If-None-Match`` with 304 (see the module docstring)."""

    def __init__(self, app: Any, store: Store, cache: ResponseCache | None):
        self.app = app
        self.store = store
        self.cache = cache
        self.changes = ChangeReader(store.changes)

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        path = scope.get("path", "")
        if (
            scope["type"] != "http"
            or scope.get("method") != "GET"
            or not path.startswith("/v1/")
            or path in _UNCACHED
        ):
            await self.app(scope, receive, send)
            return
        try:
            changes = await self.changes.read()
        except Exception:  # the store is unreachable: the route says so in its own words
            await self.app(scope, receive, send)
            return
        key = (path, scope.get("query_string", b""), changes)
        conditional = dict(scope.get("headers") or []).get(b"if-none-match")
        answer = self.cache.get(key) if self.cache is not None else None
        CACHE.labels("hit" if answer is not None else "miss").inc()
        if answer is not None:
            scope.update(answer.routed)
            await _send(send, answer, conditional)
            return

        started: dict[str, Any] | None = None
        passing = False

        async def capture(message: dict[str, Any]) -> None:
            nonlocal started, passing
            if passing:
                await send(message)
            elif message["type"] == "http.response.start":
                started = message  # held until the body shows whether it comes in one piece
            elif message["type"] == "http.response.body":
                assert started is not None
                body = message.get("body", b"")
                if message.get("more_body", False) or started["status"] != 200:
                    passing = True  # streamed or not a success: forwarded as it is
                    await send(started)
                    await send(message)
                    return
                routed = tuple((k, scope[k]) for k in ("route", "fastapi") if k in scope)
                headers = tuple(started.get("headers", ()))
                answer = _Answer(started["status"], headers, body, _etag(body), routed)
                if self.cache is not None:
                    self.cache.put(key, answer)
                await _send(send, answer, conditional)
            else:
                await send(message)

        await self.app(scope, receive, capture)


async def _send(send: Any, answer: _Answer, conditional: bytes | None) -> None:
    validators = [(b"etag", answer.etag), (b"cache-control", b"no-cache")]
    if _matches(conditional, answer.etag):
        await send({"type": "http.response.start", "status": 304, "headers": validators})
        await send({"type": "http.response.body", "body": b""})
        return
    headers = [(k, v) for k, v in answer.headers if k.lower() not in (b"etag", b"cache-control")]
    await send(
        {"type": "http.response.start", "status": answer.status, "headers": headers + validators}
    )
    await send({"type": "http.response.body", "body": answer.body})
