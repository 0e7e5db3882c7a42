"""POST alerts to a webhook, retrying with backoff until the receiver takes them.

Delivery state lives in the alerts table (``delivery``, ``attempts``, ``next_attempt_at``),
so retries survive a restart.  An alert counts as delivered on a 2xx answer; any other
answer, or none, is retried after ``backoff`` seconds, doubling each time (at most an hour,
at least the receiver's ``Retry-After``), until ``max_attempts`` have failed.

Each POST carries ``X-Flashpoint-Alert: <id>`` (also as ``Idempotency-Key``): were the
watcher killed between a receiver's 2xx and recording it, the alert would be sent again, and
the id lets the receiver drop the copy.  With ``secret_env`` the body is signed:
``X-Flashpoint-Signature: sha256=<HMAC-SHA256 of the body, hex>``.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import json
import logging
import threading

from flashpoint.alerts.rules import Webhook
from flashpoint.errors import InputError
from flashpoint.ingest.fetch import USER_AGENT, http_request
from flashpoint.store import Store
from flashpoint.store.alerts import StoredAlert, due_deliveries, set_delivery
from flashpoint.watch import metrics
from flashpoint.watch.logs import log_event
from flashpoint.watch.polite import retry_after_seconds

__all__ = ["alert_body", "deliver_due", "sign"]

MAX_BACKOFF = 3600.0
_RESPONSE_BYTES = 1024 * 1024


def alert_body(alert: StoredAlert) -> bytes:
    """The JSON a webhook receives: the alert's id and time, then its stored payload
    (rule, window, summary, values, events with their evidence sentences and URLs)."""
    document = {"id": alert.id, "fired_at": alert.fired_at, **alert.payload}
    return json.dumps(document, ensure_ascii=False).encode("utf-8")


def sign(body: bytes, secret: str) -> str:
    return "sha256=" + hmac.new(secret.encode("utf-8"), body, hashlib.sha256).hexdigest()


def deliver_due(
    store: Store, webhook: Webhook, *, now: dt.datetime, stop: threading.Event | None = None
) -> int:
    """Attempt every delivery that is due at ``now``; returns how many succeeded."""
    delivered = 0
    for alert in due_deliveries(store, now):
        if stop is not None and stop.is_set():
            break
        if _attempt(store, webhook, alert, now):
            delivered += 1
    return delivered


def _attempt(store: Store, webhook: Webhook, alert: StoredAlert, now: dt.datetime) -> bool:
    attempt = alert.attempts + 1
    body = alert_body(alert)
    headers = {
        "Content-Type": "application/json",
        "Accept": "*/*",
        "User-Agent": f"{USER_AGENT} (alerts)",
        "X-Flashpoint-Alert": str(alert.id),
        "Idempotency-Key": f"flashpoint-alert-{alert.id}",
        **webhook.headers,
    }
    if webhook.secret:
        headers["X-Flashpoint-Signature"] = sign(body, webhook.secret)
    wait_at_least = 0.0
    try:
        response = http_request(
            webhook.url,
            method="POST",
            data=body,
            headers=headers,
            timeout=webhook.timeout,
            max_bytes=_RESPONSE_BYTES,
        )
    except InputError as exc:  # no answer (FetchError), or an endless answer
        error = str(exc)
    else:
        if 200 <= response.status < 300:
            set_delivery(store, alert.id, delivery="delivered", attempts=attempt, delivered_at=now)
            metrics.DELIVERIES.labels("delivered").inc()
            log_event(logging.INFO, "delivered", f"alert {alert.id} ({alert.rule}) delivered",
                      alert_id=alert.id, rule=alert.rule, attempts=attempt)  # fmt: skip
            return True
        error = f"the webhook answered HTTP {response.status} {response.reason}".rstrip()
        wait_at_least = retry_after_seconds(response.headers.get("Retry-After"), now) or 0.0
    metrics.FAILURES.labels("webhook").inc()
    if attempt >= webhook.max_attempts:
        set_delivery(store, alert.id, delivery="failed", attempts=attempt, error=error)
        metrics.DELIVERIES.labels("failed").inc()
        log_event(logging.ERROR, "delivery_failed",
                  f"alert {alert.id} ({alert.rule}) not delivered after {attempt} attempts: "
                  f"{error}; it stays in the store (flashpoint alerts list)",
                  alert_id=alert.id, rule=alert.rule, attempts=attempt, error=error)  # fmt: skip
        return False
    wait = max(min(webhook.backoff * 2 ** (attempt - 1), MAX_BACKOFF), wait_at_least)
    set_delivery(
        store, alert.id, delivery="pending", attempts=attempt,
        next_attempt_at=now + dt.timedelta(seconds=wait), error=error,
    )  # fmt: skip
    metrics.DELIVERIES.labels("retry").inc()
    log_event(logging.WARNING, "delivery_retry",
              f"alert {alert.id} ({alert.rule}): {error}; trying again in {wait:.0f} s",
              alert_id=alert.id, rule=alert.rule, attempts=attempt, error=error,
              retry_in=round(wait, 3))  # fmt: skip
    return False
