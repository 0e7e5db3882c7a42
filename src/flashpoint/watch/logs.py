"""Structured logs of ``flashpoint watch``: each record has an event name and fields.

Records go to the ``flashpoint.watch`` logger with the event and its fields attached, so the
same call gives a readable line on a terminal and, with ``--log-format json``, one JSON
object per line (:class:`JsonLinesFormatter`) for a log collector::

    {"time": "2025-12-30T10:15:00.120000+00:00", "level": "info", "event": "poll",
     "message": "...", "feed": "https://example.org/rss", "status": 200, "items": 3}
"""

from __future__ import annotations

import datetime as dt
import json
import logging
from typing import Any

__all__ = ["JsonLinesFormatter", "fields_of", "log_event"]

LOGGER = logging.getLogger("flashpoint.watch")


def log_event(level: int, event: str, message: str, **fields: Any) -> None:
    """Log ``message`` as ``event`` with ``fields`` (JSON-serialisable values)."""
    LOGGER.log(level, message, extra={"fp_event": event, "fp_fields": fields})


def fields_of(record: logging.LogRecord) -> tuple[str, dict[str, Any]]:
    """The event name and fields of a record (plain library records: "log", none)."""
    return getattr(record, "fp_event", "log"), dict(getattr(record, "fp_fields", {}))


class JsonLinesFormatter(logging.Formatter):
    """One JSON object per record: time (UTC), level, event, message and the fields."""

    def format(self, record: logging.LogRecord) -> str:
        event, fields = fields_of(record)
        when = dt.datetime.fromtimestamp(record.created, dt.UTC).isoformat()
        out = {
            "time": when,
            "level": record.levelname.lower(),
            "event": event,
            "message": record.getMessage(),
            **fields,
        }
        if record.exc_info and record.exc_info[0] is not None:
            out["error"] = f"{record.exc_info[0].__name__}: {record.exc_info[1]}"
        return json.dumps(out, ensure_ascii=False, default=str)
