"""The counters of ``flashpoint watch``, in prometheus_client's default registry (see
:mod:`flashpoint.metrics`): the same page as ``flashpoint serve``'s ``/metrics`` when both
run in one process, else ``flashpoint watch --metrics-port``."""

from __future__ import annotations

from flashpoint.metrics import collector

__all__ = ["ALERTS", "CYCLE", "DELIVERIES", "FAILURES", "ITEMS", "POLLS"]

POLLS = collector(
    "Counter",
    "flashpoint_watch_polls",
    "Feed polls, by result: ok (read), not_modified (304), failed, deferred (Retry-After).",
    labelnames=("result",),
)
ITEMS = collector(
    "Counter",
    "flashpoint_watch_articles",
    "Feed items taken, by what became of them: new, version (a changed article), skipped "
    "(already stored), failed, retry (a transient failure, taken again later).",
    labelnames=("status",),
)
FAILURES = collector(
    "Counter",
    "flashpoint_watch_failures",
    "Failures, by kind: feed (a poll), item (an item's page or article), webhook (a POST).",
    labelnames=("kind",),
)
ALERTS = collector(
    "Counter",
    "flashpoint_watch_alerts",
    "Alerts fired, by rule.",
    labelnames=("rule",),
)
DELIVERIES = collector(
    "Counter",
    "flashpoint_watch_webhook_deliveries",
    "Webhook POSTs of alerts, by result: delivered, retry (will be sent again), failed.",
    labelnames=("result",),
)
CYCLE = collector(
    "Gauge",
    "flashpoint_watch_last_cycle_timestamp_seconds",
    "When the watcher last finished a polling cycle (Unix time): alert if it stops moving.",
)
