"""Query parameters -> :class:`~flashpoint.store.EventFilter`.

The parameters are those of ``flashpoint events`` (``root`` for ``--root``, ``quad`` for
``--quad`` …, repeatable as ``?root=14&root=18`` or ``?root=14,18``).  The filter checks its
own values when it is built (:mod:`flashpoint.filters`: an unknown modality, sector, PLOVER
type, country or CAMEO code is a FilterError), so the API refuses exactly what the command
line refuses, with the same message; here that becomes a 400 naming the parameter.  What the
command line leaves to click (ISO dates, a confidence 0-1) is checked here.
"""

from __future__ import annotations

import base64
import datetime as dt
from typing import Annotated, Any

from fastapi import Depends, Query

from flashpoint.api.errors import ApiError
from flashpoint.errors import FilterError
from flashpoint.store import EventCursor, EventFilter

__all__ = [
    "FILTER_PARAMS",
    "actor_param",
    "decode_cursor",
    "dyad_filter",
    "encode_cursor",
    "event_filter",
    "filter_from_mapping",
]

Many = Annotated[list[str], Query()]
One = Annotated[str | None, Query()]

# Query parameter -> the EventFilter field it sets.
FILTER_PARAMS = {
    "source": "source", "target": "target", "actor": "actor", "since": "since",
    "until": "until", "root": "roots", "code": "codes", "quad": "quad_classes",
    "modality": "modalities", "sector": "sectors", "source_sector": "source_sectors",
    "target_sector": "target_sectors", "plover": "plover_types", "publisher": "publisher",
    "min_confidence": "min_confidence",
}  # fmt: skip
_LISTS = ("root", "code", "quad", "modality", "sector", "source_sector", "target_sector", "plover")


def _split(values: list[str] | None) -> tuple[str, ...]:
    """Repeated and comma-separated values, blanks dropped."""
    return tuple(p.strip() for value in values or () for p in value.split(",") if p.strip())


def _bad(param: str, message: str) -> ApiError:
    return ApiError(400, "bad_parameter", f"{param}: {message}", param)


def _date(value: str | None, param: str) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise _bad(param, f"{value!r} is not an ISO date YYYY-MM-DD") from None


def actor_param(value: str, param: str) -> str:
    """An actor code or country, checked as the filters check it."""
    from flashpoint.filters import check_actor

    try:
        return check_actor(value)
    except FilterError as exc:
        raise _bad(param, str(exc)) from None


def filter_from_mapping(params: dict[str, Any], *, sides: bool = True) -> EventFilter:
    """An EventFilter from query values (lists for the repeatable ones), or an ApiError
    naming the parameter whose value cannot match."""
    fields: dict[str, tuple[str, Any]] = {}  # field -> (parameter, value)
    for param, field in FILTER_PARAMS.items():
        if not sides and param in ("source", "target"):
            continue
        raw = params.get(param)
        if param in _LISTS:
            value: Any = _split(raw if isinstance(raw, list) else [raw] if raw else [])
        else:
            value = raw if raw not in ("", None) else None
        fields[field] = (param, value)
    fields["since"] = ("since", _date(fields["since"][1], "since"))
    fields["until"] = ("until", _date(fields["until"][1], "until"))
    since, until = fields["since"][1], fields["until"][1]
    if since and until and since > until:
        raise _bad("since", "after until; nothing can match")
    confidence = fields["min_confidence"][1]
    try:
        number = float(confidence) if confidence is not None else 0.0
    except ValueError:
        number = -1.0
    if not 0.0 <= number <= 1.0:
        raise _bad("min_confidence", f"{confidence!r} is not a number 0-1")
    fields["min_confidence"] = ("min_confidence", number)
    values = {field: value for field, (_, value) in fields.items() if value not in (None, ())}
    try:
        return EventFilter(**values)
    except FilterError as exc:
        # Which parameter: the first whose value alone is refused.
        for field, (param, value) in fields.items():
            if value in (None, ()):
                continue
            try:
                EventFilter(**{field: value})
            except FilterError:
                raise _bad(param, str(exc)) from None
        raise ApiError(400, "bad_parameter", str(exc)) from None


def _shared(
    actor: One = None,
    since: One = None,
    until: One = None,
    root: Many = [],  # noqa: B006  (FastAPI copies defaults per request)
    code: Many = [],  # noqa: B006
    quad: Many = [],  # noqa: B006
    modality: Many = [],  # noqa: B006
    sector: Many = [],  # noqa: B006
    source_sector: Many = [],  # noqa: B006
    target_sector: Many = [],  # noqa: B006
    plover: Many = [],  # noqa: B006
    publisher: One = None,
    min_confidence: One = None,
) -> dict[str, Any]:
    """The filter parameters every filtered endpoint takes."""
    return dict(locals())


Shared = Annotated[dict[str, Any], Depends(_shared)]


def event_filter(shared: Shared, source: One = None, target: One = None) -> EventFilter:
    """Dependency: the filters of ``flashpoint events``."""
    return filter_from_mapping({**shared, "source": source, "target": target})


def dyad_filter(shared: Shared) -> EventFilter:
    """Dependency: the filters of ``flashpoint dyad`` (no source/target: the path names them)."""
    return filter_from_mapping(shared, sides=False)


def encode_cursor(cursor: EventCursor) -> str:
    day, row_id = cursor
    raw = f"{day.isoformat() if day else ''}|{row_id}"
    return base64.urlsafe_b64encode(raw.encode()).decode().rstrip("=")


def decode_cursor(value: str | None) -> EventCursor | None:
    if not value:
        return None
    try:
        raw = base64.urlsafe_b64decode(value + "=" * (-len(value) % 4)).decode()
        day, row_id = raw.split("|")
        return (dt.date.fromisoformat(day) if day else None, int(row_id))
    except (ValueError, UnicodeDecodeError):
        raise ApiError(
            400, "bad_parameter", "cursor: not a cursor this API gave out (use next_cursor)",
            "cursor",
        ) from None  # fmt: skip
