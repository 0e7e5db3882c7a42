"""Summaries of an event frame for a first look: counts per period and quad class, the
busiest dyads and actors, and event places.

They take a frame from :func:`~flashpoint.analysis.frames.events_frame` (so the unit of
count, clusters by default, is the caller's choice, as everywhere in this package) and give
small DataFrames; the dashboard's overview and map draw them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from flashpoint.analysis.dyads import period_start

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["ACTOR_COLUMNS", "PLACE_COLUMNS", "auto_freq", "period_counts", "places", "top_actors"]

ACTOR_COLUMNS = ("actor", "events", "as_source", "as_target")
PLACE_COLUMNS = ("name", "country", "lat", "lon", "events", "q1", "q2", "q3", "q4", "quad")


def auto_freq(frame: pd.DataFrame, max_periods: int = 120) -> str:
    """day, week or month: the finest period that keeps a chart under ``max_periods`` bars."""
    dates = frame["date"].dropna()
    if dates.empty:
        return "day"
    days = (dates.max() - dates.min()).days + 1
    if days <= max_periods:
        return "day"
    return "week" if days / 7 <= max_periods else "month"


def period_counts(frame: pd.DataFrame, freq: str) -> pd.DataFrame:
    """Per period (a row for every period from the first to the last): ``q1`` … ``q4`` and
    ``events``, counted with the frame's weights; dateless events are left out."""
    import pandas as pd

    dated = frame[frame["date"].notna()]
    columns = ["period", "q1", "q2", "q3", "q4", "events"]
    if dated.empty:
        return pd.DataFrame(columns=columns)
    w = dated["weight"].astype("int64")
    parts = pd.DataFrame(
        {
            "period": period_start(dated["date"], freq),
            **{f"q{k}": w.where(dated["quad_class"] == k, 0) for k in (1, 2, 3, 4)},
        }
    )
    counts = parts.groupby("period").sum()
    full = pd.period_range(counts.index.min(), counts.index.max(), freq=_pandas_freq(freq))
    counts = counts.reindex(full.start_time, fill_value=0)
    counts.index.name = "period"
    counts["events"] = counts[["q1", "q2", "q3", "q4"]].sum(axis=1)
    return counts.reset_index()[columns]


def _pandas_freq(freq: str) -> str:
    from flashpoint.analysis.dyads import FREQS

    return FREQS[freq]


def top_actors(frame: pd.DataFrame, top: int = 10) -> pd.DataFrame:
    """The actors (countries, else actor codes) in the most events, as source or target."""
    import pandas as pd

    def keys(side: str) -> pd.Series:
        return frame[f"{side}_country"].fillna(frame[f"{side}_code"])

    w = frame["weight"].astype("int64")
    source = pd.DataFrame({"actor": keys("source"), "as_source": w}).dropna(subset=["actor"])
    target = pd.DataFrame({"actor": keys("target"), "as_target": w}).dropna(subset=["actor"])
    table = (
        pd.concat([source, target])
        .fillna(0)
        .groupby("actor", as_index=False)[["as_source", "as_target"]]
        .sum()
    )
    table[["as_source", "as_target"]] = table[["as_source", "as_target"]].astype("int64")
    table["events"] = table["as_source"] + table["as_target"]
    table = table.sort_values(["events", "actor"], ascending=[False, True]).head(top)
    return table[list(ACTOR_COLUMNS)].reset_index(drop=True)


def places(frame: pd.DataFrame) -> pd.DataFrame:
    """Events per place with coordinates: counts per quad class and the most common one."""
    import pandas as pd

    located = frame[frame["lat"].notna() & frame["lon"].notna()]
    if located.empty:
        return pd.DataFrame(columns=list(PLACE_COLUMNS))
    w = located["weight"].astype("int64")
    parts = pd.DataFrame(
        {
            "name": located["location_name"].fillna("?"),
            "country": located["location_country"].fillna(""),
            "lat": located["lat"].round(3),
            "lon": located["lon"].round(3),
            "events": w,
            **{f"q{k}": w.where(located["quad_class"] == k, 0) for k in (1, 2, 3, 4)},
        }
    )
    table = parts.groupby(["name", "country", "lat", "lon"], as_index=False).sum()
    table["quad"] = table[["q1", "q2", "q3", "q4"]].to_numpy().argmax(axis=1) + 1
    table = table.sort_values(["events", "name"], ascending=[False, True])
    return table[list(PLACE_COLUMNS)].reset_index(drop=True)
