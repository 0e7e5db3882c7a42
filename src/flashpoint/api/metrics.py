"""``/metrics`` in the Prometheus text format: requests, latency, what the store holds.

The metrics live in prometheus_client's default registry, so other parts of flashpoint that
count things (feed watching) add theirs to the same page; what ``flashpoint watch`` left in
the store (its feeds' health, the alerts it fired) is read from the store at each scrape.
Requests are labelled by route template (``/v1/events/{event_id}``), never by raw path, so
the label set stays small.
"""

from __future__ import annotations

import time
from typing import Any

from prometheus_client import CONTENT_TYPE_LATEST, REGISTRY
from prometheus_client import generate_latest as _generate_latest

from flashpoint.metrics import collector
from flashpoint.store import Store

__all__ = ["CACHE", "CONTENT_TYPE_LATEST", "MetricsMiddleware", "render_metrics"]


REQUESTS = collector(
    "Counter",
    "flashpoint_http_requests",
    "HTTP requests answered, by method, route and status.",
    labelnames=("method", "route", "status"),
)
LATENCY = collector(
    "Histogram",
    "flashpoint_http_request_duration_seconds",
    "Time to answer an HTTP request (to the last body byte), by method and route.",
    labelnames=("method", "route"),
    buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30),
)
CACHE = collector(
    "Counter",
    "flashpoint_http_cache",
    "GET /v1 answers taken from the response cache (hit) or computed (miss).",
    labelnames=("result",),
)
STORED = collector(
    "Gauge",
    "flashpoint_store_rows",
    "Rows in the event store, by kind (articles: current versions).",
    labelnames=("kind",),
)
# What the store says of `flashpoint watch` (which may run in another process): its feeds
# and the alerts it fired.  The watcher's own live counters are flashpoint_watch_*_total.
FEEDS = collector(
    "Gauge",
    "flashpoint_watch_feeds",
    "Watched feeds in the store, by state (ok; failing: its last poll failed).",
    labelnames=("state",),
)
ALERTS = collector(
    "Gauge",
    "flashpoint_alerts",
    "Alerts in the store, by webhook delivery (none, pending, delivered, failed).",
    labelnames=("delivery",),
)


def _route_of(scope: dict[str, Any]) -> str:
    """The matched route's template with its router's prefix (FastAPI records the full path
    in ``effective_route_context``; ``route.path`` alone lacks the ``/v1`` prefix)."""
    context = (scope.get("fastapi") or {}).get("effective_route_context")
    path = getattr(context, "path", None) or getattr(scope.get("route"), "path", None)
    return str(path) if path else "unmatched"


class MetricsMiddleware:
    def __init__(self, app: Any):
        self.app = app

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        status = 500

        async def observe(message: dict[str, Any]) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
            await send(message)

        try:
            await self.app(scope, receive, observe)
        finally:
            route, method = _route_of(scope), scope.get("method", "")
            REQUESTS.labels(method, route, str(status)).inc()
            LATENCY.labels(method, route).observe(time.perf_counter() - started)


def render_metrics(store: Store) -> bytes:
    from flashpoint.store.browse import store_counts

    counts = store_counts(store)
    for kind in ("articles", "events", "mentions", "clusters"):
        STORED.labels(kind).set(getattr(counts, kind))
    from flashpoint.store.feeds import watch_status

    watch = watch_status(store)
    FEEDS.labels("ok").set(watch.feeds_ok)
    FEEDS.labels("failing").set(watch.feeds_failing)
    for delivery, count in watch.alerts.items():
        ALERTS.labels(delivery).set(count)
    return _generate_latest(REGISTRY)
