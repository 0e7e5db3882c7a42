"""Make every row fit its columns before it is written, identically on SQLite and PostgreSQL.

SQLite stores any string in any column; PostgreSQL refuses a ``VARCHAR(300)`` value of 301
characters, and NUL or a lone surrogate anywhere (text or JSONB).  Left to the database, the
same article would be stored on one engine and abort an ingest on the other.  So, before each
flush, every new or changed row is normalised here:

- NUL and lone surrogates become U+FFFD in every string and JSON value (same length, so
  stored offsets stay valid; see ``flashpoint.ingest.clean``);
- a string longer than its column is cut to fit, with a note naming the input.

Columns that identify an article (``url_key``, ``locator``) are never cut, since a cut key
would no longer match its own article: :func:`key` gives them a bounded, still unique form.
"""

from __future__ import annotations

import functools
import hashlib
import logging
from typing import Any

from sqlalchemy import JSON, String, event, inspect
from sqlalchemy.orm import Session, sessionmaker

from flashpoint.ingest.clean import storable, storable_json

__all__ = ["KEY_BYTES", "fit_row", "install", "key"]

_log = logging.getLogger(__name__)

# Indexed keys are bounded in bytes: a PostgreSQL B-tree entry holds at most ~2,700 bytes.
KEY_BYTES = 2048
_DIGEST = 64  # hex SHA-256


def key(value: str | None) -> str | None:
    """``value`` as a lookup key: itself when it fits in KEY_BYTES of UTF-8, else its start
    and the SHA-256 of the whole (so two long URLs sharing a prefix stay distinct)."""
    if value is None:
        return None
    value = storable(value)
    data = value.encode("utf-8")
    if len(data) <= KEY_BYTES:
        return value
    digest = hashlib.sha256(data).hexdigest()
    head = data[: KEY_BYTES - _DIGEST - 1].decode("utf-8", errors="ignore")
    return f"{head}#{digest}"


def install(factory: sessionmaker[Session]) -> None:
    """Fit the rows of every session ``factory`` makes, before each flush."""
    event.listen(factory, "before_flush", _before_flush)


def _before_flush(session: Session, _context: object, _instances: object) -> None:
    for row in (*session.new, *session.dirty):
        fit_row(row)


@functools.cache
def _columns(model: type) -> tuple[tuple[str, int | None, bool], ...]:
    """(attribute, maximum length or None, is JSON) for each string or JSON column."""
    found = []
    for attr in inspect(model).column_attrs:
        column_type = attr.columns[0].type
        if isinstance(column_type, JSON):
            found.append((attr.key, None, True))
        elif isinstance(column_type, String):  # Text is a String without a length
            found.append((attr.key, column_type.length, False))
    return tuple(found)


def fit_row(row: Any) -> None:
    """Normalise the loaded string and JSON values of one ORM row in place."""
    values = inspect(row).dict  # only what is loaded or set: never triggers a query
    for name, length, is_json in _columns(type(row)):
        value = values.get(name)
        if value is None:
            continue
        if is_json:
            fitted = storable_json(value)
        elif isinstance(value, str):
            fitted = storable(value)
            if length is not None and len(fitted) > length:
                _log.warning(
                    "%s: %s.%s of %s characters cut to %s to fit the store",
                    _origin(row), row.__tablename__, name, f"{len(fitted):,}", f"{length:,}"
                )  # fmt: skip
                fitted = fitted[:length]
        else:
            continue
        if fitted is not value:
            setattr(row, name, fitted)


def _origin(row: Any) -> str:
    """The input a row came from, for notes: the article's source, else its id."""
    values = inspect(row).dict
    if values.get("source"):
        return str(values["source"])
    article = values.get("article_id")
    return f"article {article}" if article is not None else "a row"
