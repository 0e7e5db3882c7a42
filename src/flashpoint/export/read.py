"""Read flashpoint's flat and JSON event files back into a typed pandas DataFrame.

``pd.read_csv`` guesses types: CAMEO code ``0242`` becomes the integer 242 and ``02`` a 2.
:func:`read_events` reads every file flashpoint writes with the types of
:mod:`flashpoint.columns` instead: codes as strings, dates as datetimes, counts as integers.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from flashpoint.columns import COLUMN_NAMES, cast_frame, flatten_record

__all__ = ["READABLE", "read_events"]

READABLE = (".csv", ".tsv", ".parquet", ".jsonl", ".json")


def _text_dtypes(path: Path, sep: str) -> dict[str, str]:
    """Every column read as text first (so nothing is guessed), cast afterwards."""
    import pandas as pd

    header = pd.read_csv(path, sep=sep, nrows=0, quoting=3 if sep == "\t" else 0)
    return {name: "string" for name in header.columns}


def _records(path: Path) -> list[dict[str, Any]]:
    text = path.read_text(encoding="utf-8")
    stripped = text.lstrip()
    if stripped.startswith("["):
        records = json.loads(text)
    else:
        records = [json.loads(line) for line in text.splitlines() if line.strip()]
    rows = []
    for record in records:
        row = flatten_record(record)
        article, cluster = record.get("article") or {}, record.get("cluster") or {}
        if article or cluster:  # a stored event (flashpoint events/export --format jsonl)
            row |= {
                "article_id": article.get("id"),
                "story_date": article.get("story_date"),
                "publisher": article.get("publisher"),
                "url": article.get("url"),
                "num_mentions": record.get("num_mentions"),
                "cluster_id": cluster.get("id"),
                "cluster_mentions": cluster.get("num_mentions"),
                "cluster_articles": cluster.get("num_articles"),
                "cluster_sources": cluster.get("num_sources"),
                "first_seen": cluster.get("first_seen"),
                "last_seen": cluster.get("last_seen"),
            }
        rows.append(row)
    return rows


def read_events(path: str | Path) -> Any:
    """A DataFrame of the events in ``path``: a CSV (``flashpoint export --format csv``,
    ``flashpoint events --format csv``), a TSV (``flashpoint code --format tsv``), a Parquet
    file, or JSON Lines / a JSON array of event records (``flashpoint code``, ``events`` or
    ``export --format jsonl``; flattened to the same columns).  Columns of
    :data:`flashpoint.columns.COLUMNS` get their documented types (CAMEO codes stay strings
    with their leading zeros); other columns are kept as read."""
    import pandas as pd

    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in READABLE:
        raise ValueError(
            f"cannot tell the format of {path.name!r}: read_events reads "
            + ", ".join(READABLE)
            + " files (GDELT and POLECAT files have their own layouts; see docs/analysis.md)"
        )
    if suffix in (".csv", ".tsv"):
        sep = "\t" if suffix == ".tsv" else ","
        frame = pd.read_csv(
            path,
            sep=sep,
            dtype=_text_dtypes(path, sep),
            keep_default_na=False,
            na_values=[""],
            quoting=3 if sep == "\t" else 0,  # flashpoint's TSV never quotes
        )
    elif suffix == ".parquet":
        frame = pd.read_parquet(path)
    else:
        rows = _records(path)
        names = [c for c in COLUMN_NAMES if any(c in row for row in rows[:1])] or list(COLUMN_NAMES)
        frame = pd.DataFrame.from_records(rows, columns=names)
    return cast_frame(frame)
