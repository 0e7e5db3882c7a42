"""Directed dyad time series: A→B and B→A per day, week or month.

For each direction and period (a row even when nothing happened):

- ``events``: the count (clusters, events or mentions: see :mod:`.frames`);
- ``q1`` … ``q4``: the count per quad class (verbal cooperation, material cooperation,
  verbal conflict, material conflict);
- ``goldstein_sum`` and ``goldstein_mean`` (= sum / events; empty when there are none);
- ``net_coop`` = (q1 + q2) − (q3 + q4);
- ``articles``: current articles stored whose story date falls in the period (the coverage).

With ``normalise`` every count, ``goldstein_sum`` and ``net_coop`` is divided by ``articles``
(per article ingested in that period; empty when there were none); ``goldstein_mean`` is
unchanged.  Weeks run Monday to Sunday and are labelled by their Monday; months by their 1st.

An event counts in the period its date falls in, and only when the whole period the text
dates it to lies inside that one period: a strike "in June" counts in June's monthly row, but
not on any day or week of June.  Events without a date (placed in the past with no date the
text gives) and events dated too coarsely for the frequency are left out; the series'
``attrs`` say how many (``undated``, ``too_coarse``), never moving them to the story date.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from flashpoint.analysis.actors import check_actor
from flashpoint.analysis.frames import aggregate_filter, check_unit, events_frame
from flashpoint.errors import AnalysisError
from flashpoint.filters import describe_modalities
from flashpoint.store import EventFilter, Store, article_counts, undated_count

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "FREQS",
    "SERIES_COLUMNS",
    "SERIES_FORMATS",
    "dyad_series",
    "in_one_period",
    "left_out_note",
    "period_start",
    "series_text",
    "summarise",
    "write_series",
]

FREQS = {"day": "D", "week": "W-SUN", "month": "M"}
COUNT_COLUMNS = ("events", "q1", "q2", "q3", "q4")
SERIES_COLUMNS = (
    "period", "dyad", "source", "target", *COUNT_COLUMNS, "goldstein_sum", "goldstein_mean",
    "net_coop", "articles",
)  # fmt: skip


# The frame columns a series is computed from (events_frame adds the dates and the weight).
_SERIES_INPUT = ("quad_class", "goldstein")


def check_freq(freq: str) -> str:
    if freq not in FREQS:
        raise AnalysisError(f"unknown period {freq!r}; choose one of {', '.join(FREQS)}")
    return freq


def period_start(dates: pd.Series, freq: str) -> pd.Series:
    """The first day of the day/week/month each date falls in (a datetime Series)."""
    return dates.dt.to_period(FREQS[check_freq(freq)]).dt.start_time


def in_one_period(frame: pd.DataFrame, freq: str) -> pd.Series:
    """Which events of ``frame`` can be counted per ``freq``: dated, and the whole period
    their text gives (``date`` … ``date_end``) inside one day, week or month."""
    dated = frame["date"].notna()
    start = period_start(frame["date"], freq)
    end = period_start(frame["date_end"].fillna(frame["date"]), freq)
    return dated & (start == end)


def left_out_note(undated: int, too_coarse: int, freq: str) -> str:
    """Words for the events a dated count left out ("" when none were)."""
    parts = []
    if undated:
        parts.append(f"{undated} without a date")
    if too_coarse:
        parts.append(f"{too_coarse} dated only to a longer period than a {freq}")
    return "events left out: " + ", ".join(parts) if parts else ""


def _periods(first: pd.Timestamp, last: pd.Timestamp, freq: str) -> pd.DatetimeIndex:
    import pandas as pd

    return pd.period_range(first, last, freq=FREQS[freq]).start_time


def summarise(frame: pd.DataFrame, freq: str, periods: pd.DatetimeIndex) -> pd.DataFrame:
    """Counts per quad class, Goldstein sum/mean and net cooperation of ``frame`` (a frame
    from :func:`~flashpoint.analysis.frames.events_frame`) per period, over ``periods``."""
    import pandas as pd

    frame = frame[in_one_period(frame, freq)]
    w = frame["weight"].astype("float64")
    parts = pd.DataFrame(
        {
            "period": period_start(frame["date"], freq),
            "events": w,
            **{f"q{k}": w.where(frame["quad_class"] == k, 0.0) for k in (1, 2, 3, 4)},
            "goldstein_sum": frame["goldstein"] * w,
        }
    )
    out = parts.groupby("period").sum().reindex(periods, fill_value=0.0)
    out.index.name = "period"
    for column in COUNT_COLUMNS:
        out[column] = out[column].round().astype("int64")
    out["goldstein_sum"] = out["goldstein_sum"].round(6)
    out["goldstein_mean"] = (out["goldstein_sum"] / out["events"].where(out["events"] > 0)).round(6)
    out["net_coop"] = out["q1"] + out["q2"] - out["q3"] - out["q4"]
    return out.reset_index()


def _articles_per_period(
    store: Store, flt: EventFilter, freq: str, periods: pd.DatetimeIndex
) -> pd.Series:
    import pandas as pd

    counts = article_counts(
        store,
        since=periods[0].date(),
        until=(periods[-1].to_period(FREQS[freq]).end_time).date(),
        publisher=flt.publisher,
    )
    series = pd.Series(counts, dtype="int64")
    if series.empty:
        return pd.Series(0, index=periods, dtype="int64")
    series.index = pd.to_datetime(series.index)
    grouped = series.groupby(period_start(series.index.to_series(), freq)).sum()
    return grouped.reindex(periods, fill_value=0).astype("int64")


def dyad_series(
    store: Store,
    a: str,
    b: str,
    *,
    freq: str = "week",
    unit: str = "clusters",
    normalise: bool = False,
    flt: EventFilter | None = None,
    all_modalities: bool = False,
) -> pd.DataFrame:
    """The A→B and B→A series (columns :data:`SERIES_COLUMNS`, long format: one row per
    direction and period).  ``a``/``b`` are countries or actor-code prefixes (see
    :mod:`.actors`); ``flt`` adds any other filter (its source/target are replaced).  Negated
    and hypothetical events are left out unless ``all_modalities`` (or ``flt`` names its
    modalities).  Raises :class:`AnalysisError` when no event matches either direction.
    ``attrs["undated"]`` counts the matching events left out for having no date,
    ``attrs["too_coarse"]`` those dated only to a longer period than ``freq``."""
    import pandas as pd

    a, b = check_actor(a), check_actor(b)
    check_freq(freq)
    check_unit(unit)
    base = aggregate_filter(flt, all_modalities=all_modalities)
    directions = [(a, b), (b, a)] if a != b else [(a, b)]
    frames = {
        (s, t): events_frame(
            store, replace(base, source=s, target=t), unit=unit, columns=_SERIES_INPUT
        )
        for s, t in directions
    }
    placed = {key: in_one_period(frame, freq) for key, frame in frames.items()}
    dates = pd.concat([frames[key]["date"][placed[key]] for key in frames])
    undated = sum(undated_count(store, replace(base, source=s, target=t)) for s, t in directions)
    too_coarse = sum(int((f["date"].notna() & ~placed[k]).sum()) for k, f in frames.items())
    if dates.empty:
        raise AnalysisError(
            f"no dated events between {a} and {b} match the filters"
            + ("; " if undated or too_coarse else "")
            + left_out_note(undated, too_coarse, freq)
        )
    first = pd.Timestamp(base.since) if base.since else dates.min()
    last = pd.Timestamp(base.until) if base.until else dates.max()
    periods = _periods(first, last, freq)
    articles = _articles_per_period(store, base, freq, periods)
    parts = []
    for (s, t), frame in frames.items():
        part = summarise(frame, freq, periods)
        part.insert(1, "dyad", f"{s}->{t}")
        part.insert(2, "source", s)
        part.insert(3, "target", t)
        part["articles"] = articles.to_numpy()
        parts.append(part)
    series = pd.concat(parts, ignore_index=True)
    if normalise:
        series = normalise_series(series)
    series = series[list(SERIES_COLUMNS)]
    end = periods[-1].to_period(FREQS[freq]).end_time.normalize()
    series.attrs.update(
        freq=freq,
        unit=unit,
        normalised=normalise,
        first_day=periods[0].date().isoformat(),
        last_day=end.date().isoformat(),
        modalities=describe_modalities(base),
        undated=undated,
        too_coarse=too_coarse,
    )
    return series


def normalise_series(series: pd.DataFrame) -> pd.DataFrame:
    """Counts, Goldstein sums and net cooperation per article stored in the period."""
    series = series.copy()
    per = series["articles"].where(series["articles"] > 0).astype("float64")
    for column in (*COUNT_COLUMNS, "goldstein_sum", "net_coop"):
        series[column] = (series[column] / per).round(6)
    return series


# File name endings -> formats of a written series (``dyad -o FILE``).
SERIES_FORMATS = {".csv": "csv", ".json": "json", ".jsonl": "jsonl", ".parquet": "parquet",
                  ".txt": "table"}  # fmt: skip


def series_text(series: pd.DataFrame, fmt: str) -> str:
    """The series as ``table`` (aligned text), ``csv``, ``json`` (an array of records) or
    ``jsonl``; periods as ISO dates."""
    series = series.assign(period=series["period"].dt.strftime("%Y-%m-%d"))
    if fmt == "csv":
        return series.to_csv(index=False, lineterminator="\n")
    if fmt in ("json", "jsonl"):
        text = series.to_json(orient="records", lines=fmt == "jsonl", indent=None)
        return text if text.endswith("\n") else text + "\n"
    if fmt == "table":
        return series.to_string(index=False, na_rep="-") + "\n"
    raise AnalysisError(f"unknown series format {fmt!r}; choose table, csv, json or jsonl")


def write_series(series: pd.DataFrame, path: str | Path, fmt: str | None = None) -> str:
    """Write ``series`` to ``path`` in ``fmt``, by default the one its name ends in
    (:data:`SERIES_FORMATS`); returns the format.  An unknown ending is an error, never a
    CSV under another name."""
    path = Path(path)
    by_name = SERIES_FORMATS.get(path.suffix.lower())
    if fmt is None:
        if by_name is None:
            raise AnalysisError(
                f"cannot tell the format of {path.name!r}: use a name ending in "
                + ", ".join(SERIES_FORMATS)
                + " (or --format)"
            )
        fmt = by_name
    elif by_name is not None and by_name != fmt:
        raise AnalysisError(f"{path.name!r} ends in {path.suffix} but the format asked is {fmt}")
    if fmt == "parquet":
        series.assign(period=series["period"].dt.date).to_parquet(path, index=False)
    else:
        path.write_text(series_text(series, fmt), encoding="utf-8")
    return fmt
