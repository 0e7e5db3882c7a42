"""Evaluate alert rules against the store: one alert per rule and window, never repeated.

Each rule kind has its window, the key its alert is stored under (the alerts table allows
one alert per rule and key, so an alert does not repeat while its condition stays true):

- ``match``: the real-world event (cluster).  Every cluster holding a matching event dated
  within ``lookback`` days fires once, however many more reports join it later.
- ``count``: windows of ``window`` days counted from 1970-01-01 (``1d``: calendar days,
  UTC).  The current and the previous window are evaluated, so a report that comes in just
  after midnight still counts; older windows are left alone.
- ``goldstein``: the day.  Today's and yesterday's sums of the dyad's Goldstein scores are
  compared with the ``baseline`` days before each.
- ``new_cluster``: the cluster, first reported (story date) within ``lookback`` days.

Counts are of real-world events (clusters), and only of events whose whole period lies in
the window (as ``--since``/``--until`` select them): an event "in June" is not an event of
June 3rd.
"""

from __future__ import annotations

import datetime as dt
import logging
import math
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import replace
from typing import Any

from flashpoint.alerts.rules import Rule, RuleSet
from flashpoint.store import EventFilter, Store, StoredEvent, iter_event_rows, iter_events
from flashpoint.store.alerts import (
    NewAlert,
    StoredAlert,
    add_alert,
    alert_keys,
    clusters_seen_since,
)
from flashpoint.watch import metrics
from flashpoint.watch.logs import log_event

__all__ = ["MAX_EVENTS", "evaluate_rules"]

MAX_EVENTS = 25  # events carried by one alert (the most hostile / most reported first)
_EPOCH = dt.date(1970, 1, 1)
_RECENT = dt.timedelta(days=7)


def _reach(rule: Rule) -> dt.timedelta:
    """How far back a rule looks at event dates."""
    days = {"count": 2 * rule.window_days, "goldstein": 2}.get(rule.kind, rule.lookback_days)
    return dt.timedelta(days=days)


def evaluate_rules(store: Store, rules: RuleSet, *, now: dt.datetime) -> list[StoredAlert]:
    """Evaluate every rule of ``rules`` at ``now`` (UTC); store and return the new alerts."""
    fired: list[StoredAlert] = []
    for rule in rules.rules:
        # Only recent alerts can share a window with what is evaluated now; should an
        # older one, add_alert finds it (the table holds one alert per rule and window).
        seen = alert_keys(store, rule.name, fired_since=now - _RECENT - _reach(rule))
        delivery = "pending" if rules.webhook is not None and rule.webhook else "none"
        for candidate in _CHECKS[rule.kind](store, rule, now.date(), seen):
            stored = add_alert(store, replace(candidate, fired_at=now, delivery=delivery))
            if stored is None:
                continue
            fired.append(stored)
            metrics.ALERTS.labels(rule.name).inc()
            log_event(logging.WARNING, "alert", f"alert {rule.name}: {stored.summary}",
                      rule=rule.name, kind=rule.kind, window=stored.window_key,
                      alert_id=stored.id, events=len(stored.payload["events"]))  # fmt: skip
    return fired


def _alert(
    rule: Rule,
    key: str,
    start: dt.date | None,
    end: dt.date | None,
    summary: str,
    events: list[StoredEvent],
    values: dict[str, Any],
) -> NewAlert:
    window = {"key": key, "start": _iso(start), "end": _iso(end)}
    payload = {
        "rule": {"name": rule.name, "kind": rule.kind, "description": rule.description,
                 "settings": dict(rule.settings)},
        "window": window,
        "summary": summary,
        "values": values,
        "events": [_event(e) for e in events[:MAX_EVENTS]],
        "events_total": len(events),
    }  # fmt: skip
    return NewAlert(
        rule=rule.name, kind=rule.kind, window_key=key, window_start=start, window_end=end,
        fired_at=dt.datetime.now(dt.UTC), summary=summary, payload=payload, delivery="none",
    )  # fmt: skip


def _event(e: StoredEvent) -> dict[str, Any]:
    """An event as an alert carries it: who, what, when, and the evidence and where it is."""
    record = e.record
    evidence = record.get("evidence") or {}
    return {
        "id": e.id,
        "event_id": record.get("event_id"),
        "date": e.event_date,
        "date_precision": e.date_precision,
        "source": _actor(record.get("source")),
        "target": _actor(record.get("target")),
        "cameo": record.get("cameo"),
        "quad_class": record.get("quad_class"),
        "goldstein": record.get("goldstein"),
        "modality": record.get("modality"),
        "evidence": evidence.get("text"),
        "url": e.url,
        "title": e.title,
        "publisher": e.publisher,
        "story_date": e.story_date,
        "cluster": e.cluster.to_dict() if e.cluster else None,
    }


def _actor(actor: Any) -> dict[str, Any] | None:
    if not isinstance(actor, dict):
        return None
    return {k: actor.get(k) for k in ("code", "name", "country", "sector")}


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


def _dyad(e: StoredEvent) -> str:
    source = _actor(e.record.get("source")) or {}
    target = _actor(e.record.get("target")) or {}
    return f"{source.get('code') or '?'}→{target.get('code') or '-'}"


def _describe(e: StoredEvent) -> str:
    cameo = e.record.get("cameo") or {}
    return f"{_dyad(e)} {cameo.get('code')} {cameo.get('name') or ''}".rstrip()


def _cluster_key(e: StoredEvent) -> str:
    return f"cluster:{e.cluster.id}" if e.cluster else f"event:{e.id}"


def _by_cluster(events: Iterable[StoredEvent]) -> dict[str, list[StoredEvent]]:
    groups: dict[str, list[StoredEvent]] = defaultdict(list)
    for e in events:
        groups[_cluster_key(e)].append(e)
    return groups


def _one_period(e: StoredEvent, days: int) -> bool:
    """Dated, and to a period no longer than ``days``."""
    if not e.event_date:
        return False
    end = e.event_date_end or e.event_date
    span = dt.date.fromisoformat(end) - dt.date.fromisoformat(e.event_date)
    return span.days < days


# ---- the four kinds ---------------------------------------------------------------------


def _match(store: Store, rule: Rule, today: dt.date, seen: set[str]) -> list[NewAlert]:
    since = today - dt.timedelta(days=rule.lookback_days)
    groups = _by_cluster(iter_events(store, replace(rule.filter, since=since)))
    out = []
    for key, events in groups.items():
        if key in seen:
            continue
        first = events[0]
        dates = sorted(e.event_date for e in events if e.event_date)
        start = dt.date.fromisoformat(dates[0]) if dates else None
        end = dt.date.fromisoformat(dates[-1]) if dates else None
        sources = first.cluster.num_sources if first.cluster else 1
        summary = f"{_describe(first)} on {first.event_date} ({sources} sources)"
        out.append(_alert(rule, key, start, end, summary, events, {"sources": sources}))
    return out


def _count(store: Store, rule: Rule, today: dt.date, seen: set[str]) -> list[NewAlert]:
    width = rule.window_days
    current = _EPOCH + dt.timedelta(days=(today - _EPOCH).days // width * width)
    out = []
    for start in (current - dt.timedelta(days=width), current):
        end = start + dt.timedelta(days=width - 1)
        key = f"{start.isoformat()}/{end.isoformat()}"
        if key in seen:
            continue
        # The date filter keeps events whose whole period lies inside the window.
        groups = _by_cluster(iter_events(store, replace(rule.filter, since=start, until=end)))
        if len(groups) < rule.min_count:
            continue
        firsts = sorted(
            (g[0] for g in groups.values()), key=lambda e: e.record.get("goldstein") or 0
        )
        summary = (
            f"{len(groups)} events{_scope(rule)} from {start} to {end} (at least {rule.min_count})"
        )
        out.append(_alert(rule, key, start, end, summary, firsts, {"count": len(groups)}))
    return out


def _scope(rule: Rule) -> str:
    flt = rule.filter
    parts = []
    if flt.source or flt.target:
        parts.append(f" {flt.source or '*'}→{flt.target or '*'}")
    if flt.actor:
        parts.append(f" involving {flt.actor}")
    if flt.quad_classes:
        parts.append(" of quad class " + "/".join(str(q) for q in flt.quad_classes))
    if flt.roots:
        parts.append(" of root " + "/".join(flt.roots))
    return "".join(parts)


def _goldstein(store: Store, rule: Rule, today: dt.date, seen: set[str]) -> list[NewAlert]:
    days = (today - dt.timedelta(days=1), today)
    first = days[0] - dt.timedelta(days=rule.baseline_days)
    flt = replace(rule.filter, since=first, until=today)
    sums: dict[dt.date, float] = defaultdict(float)
    counted: set[Any] = set()
    for row in iter_event_rows(store, flt):  # event-date order: a cluster's first member first
        day, end = row["event_date"], row["event_date_end"] or row["event_date"]
        if day is None or day != end:
            continue  # only events dated to one day count on a day
        cluster = row["cluster_id"] if row["cluster_id"] is not None else ("row", row["id"])
        if cluster in counted:
            continue
        counted.add(cluster)
        sums[day] += float(row["goldstein"])
    out = []
    for day in days:
        key = day.isoformat()
        if key in seen:
            continue
        baseline = [
            sums.get(day - dt.timedelta(days=n), 0.0) for n in range(1, rule.baseline_days + 1)
        ]
        mean = sum(baseline) / len(baseline)
        std = math.sqrt(sum((x - mean) ** 2 for x in baseline) / len(baseline))
        value = sums.get(day, 0.0)
        z = (value - mean) / max(std, rule.min_std)
        if not (z <= rule.z if rule.z < 0 else z >= rule.z):
            continue
        events = [
            e
            for e in iter_events(store, replace(rule.filter, since=day, until=day))
            if _one_period(e, 1)
        ]
        events.sort(key=lambda e: e.record.get("goldstein") or 0, reverse=rule.z > 0)
        side = "below" if rule.z < 0 else "above"
        summary = (
            f"{flt.source}→{flt.target} Goldstein sum {value:+.1f} on {day}: z = {z:+.1f}, "
            f"{abs(rule.z):g} sd {side} its {rule.baseline_days}-day mean {mean:+.1f}"
        )
        values = {"sum": round(value, 6), "mean": round(mean, 6), "std": round(std, 6),
                  "z": round(z, 6), "baseline_days": rule.baseline_days}  # fmt: skip
        out.append(_alert(rule, key, day, day, summary, events, values))
    return out


def _new_cluster(store: Store, rule: Rule, today: dt.date, seen: set[str]) -> list[NewAlert]:
    since = today - dt.timedelta(days=rule.lookback_days)
    ids = clusters_seen_since(store, rule.filter, seen_since=since, min_sources=rule.min_sources)
    out = []
    for cluster_id in ids:
        key = f"cluster:{cluster_id}"
        if key in seen:
            continue
        events = list(iter_events(store, EventFilter(cluster_id=cluster_id)))
        if not events or events[0].cluster is None:
            continue
        cluster = events[0].cluster
        summary = (
            f"{_describe(events[0])} on {events[0].event_date}: a new event reported by "
            f"{cluster.num_sources} sources"
        )
        first_seen = dt.date.fromisoformat(cluster.first_seen) if cluster.first_seen else None
        last_seen = dt.date.fromisoformat(cluster.last_seen) if cluster.last_seen else None
        values = {"sources": cluster.num_sources, "articles": cluster.num_articles}
        out.append(_alert(rule, key, first_seen, last_seen, summary, events, values))
    return out


_CHECKS = {"match": _match, "count": _count, "goldstein": _goldstein, "new_cluster": _new_cluster}
