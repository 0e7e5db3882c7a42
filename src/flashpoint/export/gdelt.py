"""GDELT 2.0 event export: the 61 tab-separated columns of the GDELT event codebook.

One line per event, no header, exactly as GDELT's ``*.export.CSV`` files, so tools that read
GDELT read it unchanged.  Column by column (docs/analysis.md has the full table):

- GLOBALEVENTID: the cluster id (one row per cluster) or the event row id (one per event);
- SQLDATE/MonthYear/Year/FractionDate from the event date (the day the text dates the
  event to, never the story date in its place); FractionDate is
  Year + ((month − 1) × 30 + day) / 365 to 4 places, as GDELT's files have it (1979-01-01 is
  1979.0027; the codebook's "(MONTH * 30 + DAY) / 365" is off by a month).  SQLDATE is "the
  date the event took place", a day: events the text dates only to a week, month or year,
  or not at all, have no such day and are left out rather than put on an invented one;
- Actor1*/Actor2*: the CAMEO actor code split into its parts (:mod:`.actorcodes`), the
  name upper-cased as GDELT writes it, the ISO-3 country; blank when unknown;
- IsRootEvent: 1 when the event's sentence is one of the first three (headline, byline or
  dateline, lead sentence);
- EventCode/EventBaseCode/EventRootCode: strings with their leading zeros;
- NumMentions/NumSources/NumArticles: the counts of the event's cluster;
- AvgTone: blank (flashpoint does not score tone);
- Actor geo fields: type 0 and blank (flashpoint does not place actors);
- ActionGeo: type 1 country, 2 US state, 3 US city, 4 world city, 5 world region/province;
  FIPS 10-4 country codes; ADM1 = the FIPS code for countries, US + state for US states, else
  blank; FeatureID = the FIPS/ADM1 code for types 1/2, the GeoNames id for cities;
- DATEADDED: when the article was stored (UTC, YYYYMMDDHHMMSS);
- SOURCEURL: the article URL, else its file path.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import IO, Any

from flashpoint.export.actorcodes import split_actor_code
from flashpoint.export.fips import fips_code, us_state_code
from flashpoint.store.query import StoredEvent

__all__ = ["GDELT_COLUMNS", "gdelt_row", "write_gdelt"]

_ACTOR = ("Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code",
          "Religion2Code", "Type1Code", "Type2Code", "Type3Code")  # fmt: skip
_GEO = ("Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID")
GDELT_COLUMNS = (
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    *(f"Actor1{c}" for c in _ACTOR), *(f"Actor2{c}" for c in _ACTOR),
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles", "AvgTone",
    *(f"Actor1Geo_{c}" for c in _GEO), *(f"Actor2Geo_{c}" for c in _GEO),
    *(f"ActionGeo_{c}" for c in _GEO), "DATEADDED", "SOURCEURL",
)  # fmt: skip
assert len(GDELT_COLUMNS) == 61

LEAD_SENTENCES = 3
_NO_GEO = ["0", "", "", "", "", "", "", ""]


def _text(value: Any) -> str:
    if value is None:
        return ""
    return " ".join(str(value).split())  # no tabs or newlines inside a field


def _number(value: float | None, places: int = 4) -> str:
    if value is None:
        return ""
    rounded = round(float(value), places)
    return str(int(rounded)) if rounded == int(rounded) else str(rounded)


def _actor(actor: dict[str, Any] | None) -> list[str]:
    if not actor:
        return [""] * len(_ACTOR)
    parts = split_actor_code(actor.get("code"), actor.get("country"))
    name = actor.get("name") or actor.get("text")
    return [
        _text(actor.get("code")),
        _text(name).upper(),
        parts.country,
        parts.known_group,
        "",  # ethnic codes are not coded
        parts.religion1,
        parts.religion2,
        parts.type1,
        parts.type2,
        parts.type3,
    ]


def _geo(place: dict[str, Any] | None) -> list[str]:
    """The 8 ActionGeo fields of a flashpoint location."""
    if not place or not place.get("name"):
        return list(_NO_GEO)
    from flashpoint.analysis.actors import country_names

    iso3 = place.get("country")
    fips = fips_code(iso3)
    feature = place.get("feature") or "city"
    us = iso3 == "USA"
    state = us_state_code(place["name"]) if us and feature == "admin1" else ""
    if feature == "country":
        kind, adm1 = 1, fips
    elif feature in ("admin1", "region"):
        kind, adm1 = (2, "US" + state) if state else (5, "")
    else:
        kind, adm1 = (3 if us else 4), ""
    country = country_names().get(iso3 or "", "")
    name = place["name"] if kind == 1 or not country else f"{place['name']}, {country}"
    feature_id = adm1 if kind in (1, 2) else _text(place.get("geonameid"))
    return [
        str(kind),
        _text(country if kind == 1 and country else name),
        fips,
        adm1,
        "",
        _number(place.get("lat")),
        _number(place.get("lon")),
        feature_id,
    ]


def _date_added(event: StoredEvent, day: dt.date) -> str:
    if event.ingested_at:
        stamp = dt.datetime.fromisoformat(event.ingested_at).astimezone(dt.UTC)
        return stamp.strftime("%Y%m%d%H%M%S")
    return day.strftime("%Y%m%d") + "000000"


def gdelt_row(event: StoredEvent, global_id: int) -> list[str] | None:
    """The 61 fields of ``event`` (None when it is not dated to a day)."""
    record = event.record
    when = event.event_date
    if not when or event.date_precision != "day":
        return None
    day = dt.date.fromisoformat(when)
    code = str(record["cameo"]["code"])
    cluster = event.cluster
    if cluster is not None:
        counts = (cluster.num_mentions, cluster.num_sources, cluster.num_articles)
    else:
        counts = (event.num_mentions, 1 if event.publisher else 0, 1)
    row = [
        str(global_id),
        day.strftime("%Y%m%d"),
        day.strftime("%Y%m"),
        str(day.year),
        f"{day.year + ((day.month - 1) * 30 + day.day) / 365:.4f}",
        *_actor(record.get("source")),
        *_actor(record.get("target")),
        "1" if int(record.get("sentence_index") or 0) < LEAD_SENTENCES else "0",
        code,
        code[:3],
        code[:2],
        str(int(record["quad_class"])),
        _number(record["goldstein"], 1),
        *(str(int(n)) for n in counts),
        "",  # AvgTone
        *_NO_GEO,
        *_NO_GEO,
        *_geo(record.get("location")),
        _date_added(event, day),
        _text(event.url or event.locator),
    ]
    return row


def write_gdelt(events: Iterable[StoredEvent], out: IO[str], *, unit: str = "clusters") -> int:
    """Write ``events`` as GDELT 2.0 export lines; returns the rows written.  With
    ``unit="clusters"`` the GLOBALEVENTID is the cluster id, else the event row id."""
    count = 0
    for event in events:
        global_id = event.cluster.id if unit == "clusters" and event.cluster else event.id
        row = gdelt_row(event, global_id)
        if row is None:
            continue
        out.write("\t".join(row) + "\n")
        count += 1
    return count
