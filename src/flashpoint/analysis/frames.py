"""Stored events as a pandas DataFrame, one row per cluster, event or (weighted) mention.

Three *units of count*, the choice every aggregate makes:

- ``clusters`` (the default for aggregates): one row per real-world event, i.e. per cluster
  of reports linked across articles (docs/store.md).  A cluster is represented by its
  earliest matching member (lowest event date, then lowest row id), whose date, dyad, code,
  quad class and Goldstein score it takes; events without a cluster count alone.
- ``events``: one row per event per article, as ``flashpoint events`` lists them.
- ``mentions``: the rows of ``events`` with ``weight`` = the event's mentions in its article
  (sentences reporting it), so sums count every report, as GDELT's raw mention counts do.

Filters (:class:`~flashpoint.store.EventFilter`) apply to events before deduplication.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from flashpoint.errors import AnalysisError
from flashpoint.filters import AGGREGATE_EXCLUDED, default_modalities
from flashpoint.store import EVENT_ROW_COLUMNS, EventFilter, Store, iter_event_rows

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "AGGREGATE_EXCLUDED",
    "FRAME_COLUMNS",
    "UNITS",
    "aggregate_filter",
    "dedupe_clusters",
    "events_frame",
]

UNITS = ("clusters", "events", "mentions")

# The store's row columns under the names of the flat schema (flashpoint.columns), plus
# ``date_end`` (the last day of the period the event is dated to, which aggregates need to
# tell whether it fits one day, week or month) and ``weight``.
_RENAME = {
    "id": "event_row_id",
    "event_date": "date",
    "event_date_end": "date_end",
    "plover_type": "plover_event",
}
FRAME_COLUMNS = (
    *(_RENAME.get(c, c) for c in EVENT_ROW_COLUMNS if c != "locator"),
    "weight",
)


def aggregate_filter(flt: EventFilter | None, *, all_modalities: bool = False) -> EventFilter:
    """``flt`` with negated and hypothetical events left out, unless ``all_modalities`` or
    the filter already names the modalities it wants (or does not want)."""
    return default_modalities(flt or EventFilter(), all_modalities=all_modalities)


def check_unit(unit: str) -> str:
    if unit not in UNITS:
        raise AnalysisError(f"unknown unit {unit!r}; choose one of {', '.join(UNITS)}")
    return unit


def events_frame(
    store: Store,
    flt: EventFilter | None = None,
    *,
    unit: str = "events",
    columns: Sequence[str] | None = None,
) -> pd.DataFrame:
    """The events matching ``flt`` as a typed DataFrame (columns :data:`FRAME_COLUMNS`, or
    only those in ``columns``, plus what ``unit`` needs: an aggregate over a few columns
    then reads and types only those).

    ``date``/``date_end`` are pandas datetimes: the first and last day of the period the
    text dates the event to, whose ``date_precision`` is day, week, month or year (all null
    when the text places it in the past without a date, or nothing dates its story), codes
    are strings with their leading zeros, ``weight`` is what each
    row counts for under ``unit`` (1, or the event's mentions for ``mentions``)."""
    import pandas as pd

    check_unit(unit)
    wanted = _frame_columns(columns, unit)
    names = [
        c
        for c in EVENT_ROW_COLUMNS
        if _RENAME.get(c, c) in wanted
        or c in _HELPERS
        or (c == "locator" and "url" in wanted)  # the url column falls back to it
    ]
    frame = pd.DataFrame.from_records(
        list(iter_event_rows(store, flt, columns=names)), columns=names
    ).rename(columns=_RENAME)
    frame["weight"] = 1
    frame = _typed(frame, [c for c in FRAME_COLUMNS if c in wanted])
    if unit == "clusters":
        frame = dedupe_clusters(frame)
    elif unit == "mentions":
        frame["weight"] = frame["num_mentions"]
    return frame


# Store columns every frame reads: the date a row counts on, and how to type it.
_HELPERS = ("event_date", "event_date_end", "date_precision")


def _frame_columns(columns: Sequence[str] | None, unit: str) -> set[str]:
    if columns is None:
        return set(FRAME_COLUMNS)
    unknown = set(columns) - set(FRAME_COLUMNS)
    if unknown:
        raise ValueError(f"not frame columns: {', '.join(sorted(unknown))}")
    needed = {"date", "date_end", "date_precision", "weight"}
    if unit == "clusters":
        needed |= {"event_row_id", "cluster_id"}
    elif unit == "mentions":
        needed.add("num_mentions")
    return set(columns) | needed


def dedupe_clusters(frame: pd.DataFrame) -> pd.DataFrame:
    """One row per cluster: its earliest member in ``frame`` (sorted by date, then row id);
    rows without a cluster are kept as they are."""
    frame = frame.sort_values(["date", "event_row_id"], na_position="last", kind="stable")
    loose = frame["cluster_id"].isna()
    kept = frame[loose | ~frame["cluster_id"].duplicated(keep="first")]
    return kept.reset_index(drop=True)


def _typed(frame: pd.DataFrame, columns: Sequence[str]) -> pd.DataFrame:
    import pandas as pd

    from flashpoint.columns import cast_frame
    from flashpoint.export.tables import source_uri

    if "url" in columns:
        frame["url"] = [
            source_uri(u if isinstance(u, str) else None, p if isinstance(p, str) else None)
            for u, p in zip(frame["url"], frame["locator"], strict=True)
        ]
    frame["weight"] = frame["weight"].astype("int64")
    # Rows stored before dates had a precision were single days (until recoded).
    legacy = frame["date"].notna() & frame["date_precision"].isna()
    frame.loc[legacy, "date_precision"] = "day"
    frame = cast_frame(frame[list(columns)].copy())
    frame["date_end"] = pd.to_datetime(frame["date_end"]).astype("datetime64[ns]")
    frame["date_end"] = frame["date_end"].fillna(frame["date"])
    return frame
