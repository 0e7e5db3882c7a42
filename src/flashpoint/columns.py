"""The flat event table: one name, type and meaning per column, for every flat output.

The JSON record (``Event.to_dict()``, docs/event-record.md) is nested; every flat output
names its columns after it, ``<object>_<field>``: ``plover.event`` is ``plover_event``,
``location.name`` is ``location_name``, ``source.code`` is ``source_code``.  This module is
the one list of those columns.  ``flashpoint code --format tsv``, ``flashpoint events
--format csv``, the CSV and Parquet exports, :func:`flashpoint.analysis.events_frame` and
:func:`flashpoint.read_events` all take their names and types from :data:`COLUMNS`, and the
"Flat columns" table of docs/event-record.md is :func:`markdown_table` (a test keeps them
equal).  Foreign layouts (GDELT, POLECAT, PLOVER) keep their published names; see
docs/analysis.md.

Types: ``string`` (codes keep their leading zeros: read CSV with ``dtype=str``), ``date``
(ISO ``YYYY-MM-DD``; Parquet ``date32``), ``timestamp`` (UTC; Parquet ``timestamp[us, UTC]``),
``int8``/``int32``/``int64`` and ``float64``.  ``stored`` columns exist only for events read
from the event store (article, cluster and counts), not for ``flashpoint code`` output.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

__all__ = [
    "CODED_COLUMNS",
    "COLUMNS",
    "COLUMN_NAMES",
    "Column",
    "arrow_schema",
    "cast_frame",
    "column",
    "flatten_record",
    "markdown_table",
    "pandas_dtype",
]


@dataclass(frozen=True, slots=True)
class Column:
    name: str
    type: str  # string | date | timestamp | int8 | int32 | int64 | float64
    meaning: str
    stored: bool = False  # only for events read from the store
    nullable: bool = True


def _c(name: str, kind: str, meaning: str, *, stored: bool = False, null: bool = True) -> Column:
    return Column(name, kind, meaning, stored, null)


COLUMNS: tuple[Column, ...] = (
    _c("event_row_id", "int64", "Row id of the event in the store (one per event per article).",
       stored=True, null=False),
    _c("event_id", "string", "The coder's deterministic event id.", null=False),
    _c("cluster_id", "int64", "The real-world event (cluster of reports) it belongs to.",
       stored=True),
    _c("doc_id", "string", "Document id."),
    _c("article_id", "int64", "Row id of the reporting article in the store.", stored=True,
       null=False),
    _c("sentence_index", "int32", "Sentence of the evidence (0-based, headline included)."),
    _c("date", "date", "Event date: the first day of the period the text dates it to (the "
       "story date when the sentence gives none); empty when the text places it in the past "
       "without a date."),
    _c("date_precision", "string", "day, week, month or year: the period `date` opens."),
    _c("story_date", "date", "The reporting article's story date.", stored=True),
    _c("source_text", "string", "Source actor as written (`source.text`)."),
    _c("source_name", "string", "Source actor's canonical name."),
    _c("source_code", "string", "Source CAMEO actor code (USAGOV, IGOUNO)."),
    _c("source_country", "string", "Source country, ISO 3166-1 alpha-3."),
    _c("source_sector", "string", "Source sector (GOV, MIL, …)."),
    _c("target_text", "string", "Target actor as written; empty when there is none."),
    _c("target_name", "string", "Target actor's canonical name."),
    _c("target_code", "string", "Target CAMEO actor code."),
    _c("target_country", "string", "Target country, ISO-3."),
    _c("target_sector", "string", "Target sector."),
    _c("cameo_code", "string", "CAMEO event code with its leading zero (0242).", null=False),
    _c("cameo_base", "string", "First three digits of the code (024).", null=False),
    _c("cameo_root", "string", "CAMEO root, two digits (02).", null=False),
    _c("cameo_name", "string", "Name of the CAMEO code."),
    _c("quad_class", "int8", "1 verbal cooperation, 2 material cooperation, 3 verbal conflict, "
       "4 material conflict.", null=False),
    _c("goldstein", "float64", "Goldstein score of the code (−10 … +10).", null=False),
    _c("plover_event", "string", "PLOVER event type (`plover.event`); empty for CAMEO 01–02."),
    _c("plover_mode", "string", "PLOVER mode."),
    _c("plover_context", "string", "PLOVER contexts, `;`-separated."),
    _c("modality", "string", "asserted, reported, negated, hypothetical, intended, historical.",
       null=False),
    _c("attribution", "string", "The words carrying the sourcing (`attribution.text`)."),
    _c("location_name", "string", "Place of the event (`location.name`)."),
    _c("location_country", "string", "Country of the place, ISO-3."),
    _c("location_feature", "string", "city, admin1, region or country."),
    _c("lat", "float64", "Latitude of the place."),
    _c("lon", "float64", "Longitude of the place."),
    _c("geonameid", "int64", "GeoNames id of the place."),
    _c("confidence", "float64", "Coder confidence, 0–1.", null=False),
    _c("num_mentions", "int32", "Sentences of the article reporting the event.", stored=True,
       null=False),
    _c("cluster_mentions", "int32", "Mentions of the cluster in all articles.", stored=True),
    _c("cluster_articles", "int32", "Articles reporting the cluster.", stored=True),
    _c("cluster_sources", "int32", "Distinct publishers reporting the cluster.", stored=True),
    _c("first_seen", "date", "Earliest story date reporting the cluster.", stored=True),
    _c("last_seen", "date", "Latest story date reporting the cluster.", stored=True),
    _c("publisher", "string", "The reporting article's publisher.", stored=True),
    _c("url", "string", "The article's URL, else the `file://` URI it was read from.",
       stored=True),
    _c("ingested_at", "timestamp", "When the article was stored (UTC).", stored=True),
    _c("evidence_start", "int64", "Character offset where the evidence sentence starts."),
    _c("evidence_end", "int64", "Character offset where it ends."),
    _c("trigger", "string", "The words that carry the event (`evidence.trigger.text`)."),
    _c("evidence", "string", "The evidence sentence (`evidence.text`)."),
    _c("coder_version", "string", "Coder that made the record."),
)  # fmt: skip
COLUMN_NAMES = tuple(c.name for c in COLUMNS)
# The columns of a freshly coded event (``flashpoint code --format tsv``).
CODED_COLUMNS = tuple(c.name for c in COLUMNS if not c.stored)
_BY_NAME = {c.name: c for c in COLUMNS}


def column(name: str) -> Column:
    return _BY_NAME[name]


def arrow_schema(names: tuple[str, ...] = COLUMN_NAMES) -> Any:
    """The pyarrow schema of these columns, in this order: codes ``string``, dates
    ``date32``, timestamps ``timestamp[us, UTC]`` (the Parquet export's types)."""
    import pyarrow as pa

    types = {
        "int64": pa.int64(), "int32": pa.int32(), "int8": pa.int8(), "float64": pa.float64(),
        "string": pa.string(), "date": pa.date32(), "timestamp": pa.timestamp("us", tz="UTC"),
    }  # fmt: skip
    return pa.schema(
        [pa.field(n, types[_BY_NAME[n].type], nullable=_BY_NAME[n].nullable) for n in names]
    )


def pandas_dtype(name: str) -> str:
    """The pandas dtype of a column: ``string``, ``datetime64[ns]`` for dates,
    ``datetime64[ns, UTC]`` for timestamps, ``float64``, and ``int64`` (``Int64`` where the
    value may be missing)."""
    col = _BY_NAME[name]
    if col.type == "string":
        return "string"
    if col.type == "date":
        return "datetime64[ns]"
    if col.type == "timestamp":
        return "datetime64[ns, UTC]"
    if col.type == "float64":
        return "float64"
    return "Int64" if col.nullable else "int64"


def cast_frame(frame: Any) -> Any:
    """``frame`` (a pandas DataFrame) with every column of :data:`COLUMNS` it has cast to
    :func:`pandas_dtype`; other columns are left alone.  Codes stay strings ("0242")."""
    import pandas as pd

    for name in frame.columns:
        if name not in _BY_NAME:
            continue
        dtype = pandas_dtype(name)
        values = frame[name]
        if dtype.startswith("datetime64[ns, UTC]"):
            frame[name] = pd.to_datetime(values, utc=True)
        elif dtype.startswith("datetime64"):
            frame[name] = pd.to_datetime(values).astype("datetime64[ns]")
        elif dtype == "string":
            frame[name] = values.astype("string")
        else:
            if values.dtype == object or isinstance(values.dtype, pd.StringDtype):
                values = pd.to_numeric(values)
            frame[name] = values.astype(dtype)
    return frame


def flatten_record(record: Mapping[str, Any]) -> dict[str, Any]:
    """The :data:`CODED_COLUMNS` of a JSON event record (``Event.to_dict()``)."""
    source = record.get("source") or {}
    target = record.get("target") or {}
    place = record.get("location") or {}
    plover = record.get("plover") or {}
    cameo = record.get("cameo") or {}
    evidence = record.get("evidence") or {}
    attribution = record.get("attribution") or {}
    code = str(cameo.get("code") or "")
    return {
        "event_id": record.get("event_id"),
        "doc_id": record.get("doc_id"),
        "sentence_index": record.get("sentence_index"),
        "date": record.get("date"),
        "date_precision": record.get("date_precision"),
        **{f"source_{k}": source.get(k) for k in ("text", "name", "code", "country", "sector")},
        **{f"target_{k}": target.get(k) for k in ("text", "name", "code", "country", "sector")},
        "cameo_code": code or None,
        "cameo_base": code[:3] or None,
        "cameo_root": cameo.get("root") or code[:2] or None,
        "cameo_name": cameo.get("name"),
        "quad_class": record.get("quad_class"),
        "goldstein": record.get("goldstein"),
        "plover_event": plover.get("event"),
        "plover_mode": plover.get("mode"),
        "plover_context": plover.get("context"),
        "modality": record.get("modality"),
        "attribution": attribution.get("text"),
        "location_name": place.get("name"),
        "location_country": place.get("country"),
        "location_feature": place.get("feature"),
        "lat": place.get("lat"),
        "lon": place.get("lon"),
        "geonameid": place.get("geonameid"),
        "confidence": record.get("confidence"),
        "evidence_start": evidence.get("start"),
        "evidence_end": evidence.get("end"),
        "trigger": (evidence.get("trigger") or {}).get("text"),
        "evidence": evidence.get("text"),
        "coder_version": record.get("coder_version"),
    }


def markdown_table() -> str:
    """The "Flat columns" table of docs/event-record.md."""
    lines = ["| column | type | store only | meaning |", "|---|---|---|---|"]
    for col in COLUMNS:
        lines.append(
            f"| `{col.name}` | {col.type} | {'yes' if col.stored else ''} | {col.meaning} |"
        )
    return "\n".join(lines) + "\n"
