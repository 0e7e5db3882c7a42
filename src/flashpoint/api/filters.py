"""Query parameters -> :class:`~flashpoint.store.EventFilter`, checked in one place.

The parameters are those of ``flashpoint events`` (``root`` for ``--root``, ``quad`` for
``--quad`` …, repeatable as ``?root=14&root=18`` or ``?root=14,18``), and they are turned
into a filter by the same function the commands use (:func:`flashpoint.cli.options.
event_filter`), so a filter means the same thing on both.  What the command line leaves to
click (ISO dates, quad classes 1-4, confidence 0-1) and what matches nothing silently there
(an unknown modality, a CAMEO root that is not two digits) is checked here and answered with
a 400 naming the parameter.
"""

from __future__ import annotations

import base64
import datetime as dt
import re
from dataclasses import replace
from typing import Annotated, Any

from fastapi import Query

from flashpoint.api.errors import ApiError
from flashpoint.errors import FlashpointError
from flashpoint.records import MODALITIES
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

_ROOT = re.compile(r"^\d{1,2}$")
_CODE = re.compile(r"^\d{1,4}$")
_WORD = re.compile(r"^[A-Za-z_]{1,50}$")

Many = Annotated[list[str], Query()]
One = Annotated[str | None, Query()]

# Query parameter -> the command's option key, for the listings and the dashboard.
FILTER_PARAMS = {
    "source": "source", "target": "target", "actor": "actor", "since": "since",
    "until": "until", "root": "roots", "code": "codes", "quad": "quads",
    "modality": "modalities", "sector": "sectors", "source_sector": "source_sectors",
    "target_sector": "target_sectors", "plover": "plover_types", "publisher": "publisher",
    "min_confidence": "min_confidence",
}  # fmt: skip
_LISTS = ("root", "code", "quad", "modality", "sector", "source_sector", "target_sector", "plover")


def _split(values: list[str] | None) -> list[str]:
    """Repeated and comma-separated values, blanks dropped."""
    return [part.strip() for value in values or () for part in value.split(",") if part.strip()]


def _date(value: str | None, param: str) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise ApiError(
            400, "bad_parameter", f"{param}: {value!r} is not an ISO date YYYY-MM-DD", param
        ) from None


def actor_param(value: str, param: str) -> str:
    """An actor code or country, checked as the commands check it."""
    from flashpoint.analysis.actors import check_actor

    try:
        return check_actor(value)
    except FlashpointError as exc:
        raise ApiError(400, "bad_parameter", f"{param}: {exc}", param) from None


def _checked(param: str, values: list[str], pattern: re.Pattern[str], what: str) -> list[str]:
    for value in values:
        if not pattern.match(value):
            raise ApiError(400, "bad_parameter", f"{param}: {value!r} is not {what}", param)
    return values


def filter_from_mapping(params: dict[str, Any], *, sides: bool = True) -> EventFilter:
    """An EventFilter from query values (lists for the repeatable ones), or an ApiError."""
    from flashpoint.cli.options import event_filter as command_filter

    values: dict[str, Any] = {}
    for param, key in FILTER_PARAMS.items():
        if not sides and param in ("source", "target"):
            continue
        raw = params.get(param)
        if param in _LISTS:
            values[key] = tuple(_split(raw if isinstance(raw, list) else [raw] if raw else []))
        else:
            values[key] = raw if raw not in ("", None) else None
    for param in ("source", "target", "actor"):
        if values.get(param):
            values[param] = actor_param(values[param], param)
    values["since"] = _date(values["since"], "since")
    values["until"] = _date(values["until"], "until")
    if values["since"] and values["until"] and values["since"] > values["until"]:
        raise ApiError(400, "bad_parameter", "since: after until; nothing can match", "since")
    _checked("root", list(values["roots"]), _ROOT, "a CAMEO root (two digits, 01-20)")
    _checked("code", list(values["codes"]), _CODE, "a CAMEO code prefix (digits)")
    quads = []
    for value in values["quads"]:
        if value not in ("1", "2", "3", "4"):
            raise ApiError(400, "bad_parameter", f"quad: {value!r} is not a quad class 1-4", "quad")
        quads.append(int(value))
    values["quads"] = tuple(quads)
    for value in values["modalities"]:
        if value not in MODALITIES:
            raise ApiError(
                400,
                "bad_parameter",
                f"modality: {value!r} is not one of {', '.join(MODALITIES)}",
                "modality",
            )
    for param in ("sector", "source_sector", "target_sector", "plover"):
        _checked(param, list(values[FILTER_PARAMS[param]]), _WORD, "a sector or type name")
    confidence = values["min_confidence"]
    try:
        number = float(confidence) if confidence is not None else 0.0
    except ValueError:
        number = -1.0
    if not 0.0 <= number <= 1.0:
        raise ApiError(
            400, "bad_parameter", f"min_confidence: {confidence!r} is not a number 0-1",
            "min_confidence",
        )  # fmt: skip
    values["min_confidence"] = number
    return command_filter(values)


def event_filter(
    source: One = None,
    target: One = None,
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
) -> EventFilter:
    """Dependency: the filters of ``flashpoint events``."""
    return filter_from_mapping(dict(locals()))


def dyad_filter(
    actor: One = None,
    since: One = None,
    until: One = None,
    root: Many = [],  # noqa: B006
    code: Many = [],  # noqa: B006
    quad: Many = [],  # noqa: B006
    modality: Many = [],  # noqa: B006
    sector: Many = [],  # noqa: B006
    source_sector: Many = [],  # noqa: B006
    target_sector: Many = [],  # noqa: B006
    plover: Many = [],  # noqa: B006
    publisher: One = None,
    min_confidence: One = None,
) -> EventFilter:
    """Dependency: the filters of ``flashpoint dyad`` (no source/target: the path names them)."""
    return filter_from_mapping(dict(locals()), sides=False)


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


def with_limit(flt: EventFilter, limit: int | None) -> EventFilter:
    return replace(flt, limit=limit)
