"""Prometheus collectors in prometheus_client's default registry, one per name per process.

``flashpoint serve`` renders that registry at ``/metrics``; ``flashpoint watch`` counts its
polls, articles, failures and alerts in it (and can serve it with ``--metrics-port``).
prometheus_client comes with the ``serve`` extra: without it every collector is a no-op, so
counting never stops a watch that nobody scrapes.
"""

from __future__ import annotations

from typing import Any

__all__ = ["available", "collector"]


def available() -> bool:
    import importlib.util

    return importlib.util.find_spec("prometheus_client") is not None


class _NoOp:
    def labels(self, *args: Any, **kwargs: Any) -> _NoOp:
        return self

    def inc(self, amount: float = 1) -> None:
        pass

    def set(self, value: float) -> None:
        pass

    def observe(self, value: float) -> None:
        pass


def collector(kind: str, name: str, doc: str, **kwargs: Any) -> Any:
    """The ``kind`` ("Counter", "Gauge", "Histogram") collector called ``name`` in the
    default registry, made on first use (so building several apps in one process, as tests
    do, never registers a name twice)."""
    try:
        import prometheus_client
    except ImportError:
        return _NoOp()
    registry = prometheus_client.REGISTRY
    existing = registry._names_to_collectors.get(name)
    if existing is not None:
        return existing
    return getattr(prometheus_client, kind)(name, doc, **kwargs)
