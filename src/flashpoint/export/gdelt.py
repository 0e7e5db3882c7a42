"""GDELT 2.0 event export: the 61 tab-separated columns of the GDELT event codebook.

One line per event, no header, exactly as GDELT's ``*.export.CSV`` files, so tools that read
GDELT read it unchanged.  Column by column (docs/analysis.md has the full table):

- GLOBALEVENTID: a stable 64-bit id derived from the store's identity and the cluster id
  (one row per cluster) or event row id (one per event): :func:`global_event_id`, in
  [2^62, 2^63) so it never collides with a real GDELT id (those are below 2^31);
- SQLDATE/MonthYear/Year/FractionDate from the event date (:func:`event_day`: the day the
  text dates the event to, never the story date in its place); FractionDate is
  Year + ((month − 1) × 30 + day) / 365 to 4 places, as GDELT's files have it (1979-01-01 is
  1979.0027; the codebook's "(MONTH * 30 + DAY) / 365" is off by a month).  SQLDATE is "the
  date the event took place", a day: events the text dates only to a week, month or year,
  or not at all, have no such day and are left out rather than put on an invented one;
- Actor1*/Actor2*: the CAMEO actor code split into its parts (:mod:`.actorcodes`), the
  name upper-cased as GDELT writes it, the ISO-3 country; blank when unknown;
- IsRootEvent: 1 when the event's sentence is in the article's lead paragraph
  (:mod:`.lead`), else 0;
- EventCode/EventBaseCode/EventRootCode: strings with their leading zeros;
- NumMentions/NumSources/NumArticles: the counts of the event's cluster;
- AvgTone: blank (flashpoint does not score tone);
- Actor1Geo/Actor2Geo: the actor's country (type 1) when it has one, else type 0 and blank;
- ActionGeo: type 1 country, 2 US state, 3 US city, 4 world city, 5 world region/province;
  FIPS 10-4 country codes; ADM1 = the FIPS code for countries, US + state for US states and
  cities, FIPS country + GeoNames admin1 code for other cities; FeatureID = the FIPS/ADM1
  code for types 1/2, the GeoNames id for cities;
- DATEADDED: when the article was stored (UTC, YYYYMMDDHHMMSS);
- SOURCEURL: the article URL, else the ``file://`` URI of the file it was read from.

:func:`write_mentions` writes the GDELT 2.0 Mentions table (16 columns) of the same events.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Callable, Iterable, Iterator, Sequence
from functools import lru_cache
from itertools import islice
from typing import IO, Any
from urllib.parse import urlsplit

from flashpoint.export.actorcodes import split_actor_code
from flashpoint.export.fips import fips_code, us_state_code
from flashpoint.export.geography import city_admin1, country_facts
from flashpoint.export.lead import lead_paragraph
from flashpoint.export.tables import source_uri
from flashpoint.store.query import StoredEvent, StoredMention

__all__ = [
    "GDELT_COLUMNS",
    "MENTION_COLUMNS",
    "GdeltContext",
    "event_day",
    "gdelt_row",
    "global_event_id",
    "mention_row",
    "write_gdelt",
    "write_mentions",
]

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

MENTION_COLUMNS = (
    "GLOBALEVENTID", "EventTimeDate", "MentionTimeDate", "MentionType", "MentionSourceName",
    "MentionIdentifier", "SentenceID", "Actor1CharOffset", "Actor2CharOffset",
    "ActionCharOffset", "InRawText", "Confidence", "MentionDocLen", "MentionDocTone",
    "MentionDocTranslationInfo", "Extras",
)  # fmt: skip
assert len(MENTION_COLUMNS) == 16

_NO_GEO = ["0", "", "", "", "", "", "", ""]
_ID_BASE = 1 << 62  # GDELT's own ids are below 2^31: ids from here on cannot collide


def global_event_id(store_id: str, unit: str, row_id: int) -> int:
    """A GLOBALEVENTID for cluster (``unit="clusters"``) or event row ``row_id`` of the store
    ``store_id``: SHA-256 of the three, folded into [2^62, 2^63), so the same store always
    gives the same id, two stores (almost surely) never share one, and no id is a real
    GDELT id.  Fits a signed 64-bit integer (BigQuery INT64, pandas int64)."""
    digest = hashlib.sha256(f"flashpoint/{store_id}/{unit}/{row_id}".encode()).digest()
    return _ID_BASE | (int.from_bytes(digest[:8], "big") & (_ID_BASE - 1))


class GdeltContext:
    """What a GDELT row needs beyond the event: the store's identity (for ids) and each
    article's lead paragraph (for IsRootEvent), read once per article."""

    def __init__(
        self,
        store_id: str,
        texts: Callable[[int], tuple[str, Sequence[Any]] | None] | None = None,
        *,
        unit: str = "clusters",
    ) -> None:
        self.store_id = store_id
        self.unit = unit
        self._texts = texts
        self._lead = lru_cache(maxsize=4096)(self._lead_of)

    def global_id(self, event: StoredEvent) -> int:
        if self.unit == "clusters" and event.cluster is not None:
            return global_event_id(self.store_id, "clusters", event.cluster.id)
        return global_event_id(self.store_id, "events", event.id)

    def _lead_of(self, article_id: int) -> tuple[int, int] | None:
        found = self._texts(article_id) if self._texts else None
        return lead_paragraph(found[0], found[1]) if found else None

    def is_root(self, event: StoredEvent) -> bool:
        """The event's sentence starts inside its article's lead paragraph."""
        lead = self._lead(event.article_id)
        start = (event.record.get("evidence") or {}).get("start")
        return lead is not None and start is not None and lead[0] <= start < lead[1]


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


def _actor_geo(actor: dict[str, Any] | None) -> list[str]:
    """The 8 ActorGeo fields: the actor's country (type 1), the place flashpoint knows an
    actor by; blank (type 0) for actors without one (IGOs, unknown)."""
    facts = country_facts((actor or {}).get("country"))
    if facts is None:
        return list(_NO_GEO)
    return ["1", facts.name, facts.fips, facts.fips, "", _number(facts.lat),
            _number(facts.lon), facts.fips]  # fmt: skip


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
        kind = 3 if us else 4
        admin1 = city_admin1(place.get("geonameid"))
        adm1 = (("US" if us else fips) + admin1) if admin1 and (us or fips) else ""
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


def event_day(event: StoredEvent) -> dt.date | None:
    """The day ``event`` took place, as layouts with a day per event need it (GDELT's
    SQLDATE, POLECAT's Event Date): the event date when the text dates the event to a day,
    else None (a week, month or year is no day, and the story date is never put in place
    of the text's)."""
    if not event.event_date or event.date_precision != "day":
        return None
    return dt.date.fromisoformat(event.event_date)


def _date_added(event: StoredEvent, day: dt.date) -> str:
    if event.ingested_at:
        stamp = dt.datetime.fromisoformat(event.ingested_at).astimezone(dt.UTC)
        return stamp.strftime("%Y%m%d%H%M%S")
    return day.strftime("%Y%m%d") + "000000"


def gdelt_row(event: StoredEvent, global_id: int, *, root: bool = False) -> list[str] | None:
    """The 61 fields of ``event`` (None when it is not dated to a day); ``root`` is
    IsRootEvent."""
    record = event.record
    day = event_day(event)
    if day is None:
        return None
    code = str(record["cameo"]["code"])
    cluster = event.cluster
    if cluster is not None:
        counts = (cluster.num_mentions, cluster.num_sources, cluster.num_articles)
    else:
        counts = (event.num_mentions, 1 if event.publisher else 0, 1)
    return [
        str(global_id),
        day.strftime("%Y%m%d"),
        day.strftime("%Y%m"),
        str(day.year),
        f"{day.year + ((day.month - 1) * 30 + day.day) / 365:.4f}",
        *_actor(record.get("source")),
        *_actor(record.get("target")),
        "1" if root else "0",
        code,
        code[:3],
        code[:2],
        str(int(record["quad_class"])),
        _number(record["goldstein"], 1),
        *(str(int(n)) for n in counts),
        "",  # AvgTone: not scored
        *_actor_geo(record.get("source")),
        *_actor_geo(record.get("target")),
        *_geo(record.get("location")),
        _date_added(event, day),
        _text(source_uri(event.url, event.locator)),
    ]


def write_gdelt(events: Iterable[StoredEvent], out: IO[str], context: GdeltContext) -> int:
    """Write ``events`` as GDELT 2.0 export lines; returns the rows written."""
    count = 0
    for event in events:
        row = gdelt_row(event, context.global_id(event), root=context.is_root(event))
        if row is None:
            continue
        out.write("\t".join(row) + "\n")
        count += 1
    return count


# ---- the Mentions table ------------------------------------------------------------------


def _stamp(value: str | None) -> str:
    if not value:
        return ""
    return dt.datetime.fromisoformat(value).astimezone(dt.UTC).strftime("%Y%m%d%H%M%S")


def mention_row(mention: StoredMention, global_id: int, event_time: str) -> list[str]:
    """The 16 Mentions fields of one sentence reporting the event ``global_id``."""
    record = mention.record
    source, target = record.get("source") or {}, record.get("target") or {}
    trigger = (record.get("evidence") or {}).get("trigger") or {}
    identifier = source_uri(mention.url, mention.locator) or ""
    web = identifier.startswith(("http://", "https://"))
    name = mention.publisher or (urlsplit(identifier).hostname or "" if web else "")
    rewritten = "coreference" in (record.get("flags") or ()) or "coreference" in (
        source.get("resolution"),
        target.get("resolution"),
    )
    return [
        str(global_id),
        event_time,
        _stamp(mention.ingested_at),
        "1" if web else "2",  # WEB, else CITATIONONLY (a local file)
        _text(name),
        _text(identifier),
        str(mention.sentence_index + 1),  # GDELT counts sentences from 1
        str(source.get("start") if source.get("start") is not None else -1),
        str(target.get("start") if target.get("start") is not None else -1),
        str(trigger.get("start") if trigger.get("start") is not None else -1),
        "0" if rewritten else "1",
        str(round(100 * float(mention.confidence))),
        str(mention.doc_length),
        "",  # MentionDocTone: not scored
        "",  # MentionDocTranslationInfo: English only
        "",  # Extras
    ]


def write_mentions(
    events: Iterable[StoredEvent],
    out: IO[str],
    context: GdeltContext,
    mentions_of: Callable[[Sequence[StoredEvent]], Iterator[StoredMention]],
    *,
    batch: int = 500,
) -> int:
    """Write the GDELT 2.0 Mentions rows of ``events`` (the rows :func:`write_gdelt` writes
    for them): for a cluster, every mention of every member; for an event, its own.
    ``mentions_of`` reads the mentions of a batch of events.  Returns the rows written."""
    count = 0
    events = iter(events)
    while chunk := list(islice(events, batch)):
        dated = [(e, day) for e in chunk if (day := event_day(e)) is not None]
        ids, times = {}, {}
        for event, day in dated:
            key = _mention_key(event, context)
            ids[key] = context.global_id(event)
            times[key] = _date_added(event, day)
        for mention in mentions_of([e for e, _ in dated]):
            if context.unit == "clusters" and mention.cluster_id is not None:
                key = ("c", mention.cluster_id)
            else:
                key = ("e", mention.event_row_id)
            if key not in ids:
                continue
            out.write("\t".join(mention_row(mention, ids[key], times[key])) + "\n")
            count += 1
    return count


def _mention_key(event: StoredEvent, context: GdeltContext) -> tuple[str, int]:
    if context.unit == "clusters" and event.cluster is not None:
        return ("c", event.cluster.id)
    return ("e", event.id)
