"""PLOVER JSON: one event record per line in the field names of the PLOVER specification.

Layout: the "JSON Data Fields" chapter of the PLOVER manual (openeventdata/PLOVER, Draft 0.8
of 17 September 2021, the version the CAMEO->PLOVER crosswalk is written against), with the
current draft's name ``actor`` for the source list.  docs/analysis.md has the field table and
every departure.  PLOVER fields:

- ``id``, ``has_event`` (true), ``date`` (the first day of the period the text dates the
  event to, null when it gives none; never the story date in its place) and flashpoint's
  ``date_precision`` (day, week, month, year);
- ``actor`` and ``recipient``: lists of actor objects {``code`` (3-character top-level code:
  ISO-3 country, else the CAMEO non-state prefix IGO/NGO/IMG/MNC), ``sector``,
  ``actor_text`` (as written), ``identifier_text`` (canonical name)}, plus flashpoint's
  ``country`` (ISO-3) and ``cameo_code`` (the full CAMEO actor code); ``recipient`` is empty
  when there is none;
- ``event``, ``mode``, ``context``: lists.  The type, mode and contexts come from the
  crosswalk by CAMEO code; the modality adds PLOVER's special contexts (``negation``,
  ``hypothetical``, ``future``, ``historical``);
- ``event_loc``: GeoNames field names (``geonameid``, ``name``, ``latitude``, ``longitude``,
  ``feature_class``, ``feature_code``, ``country_code`` ISO-2, ``cc3`` ISO-3, ``admin1_code``)
  plus mordecai's ``extracted_place`` and ``resolution``; null when the event has no place;
- ``quad_code`` (PLOVER's quad of the type), ``event_scale`` (PLOVER score of type and mode),
  ``link`` (``cluster-<id>``), ``text``, ``text_info`` {``sequence``, ``start``, ``end``},
  ``cite_info`` {``url``, ``title``, ``language``, ``publication``, ``coder``, ``codebook``,
  ``version``}, ``coder``;
- flashpoint's own fields: ``cameo`` {code, name, goldstein, quad_class}, ``modality``,
  ``trigger``, ``attribution``, ``confidence``, ``flags``, ``story_id``, ``pub_date``,
  ``cluster``, ``event_row_id``.

Events whose CAMEO code has no PLOVER type (roots 01 and 02, which PLOVER drops) are not
PLOVER events and are left out (:func:`plover_of` returns None for them).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import IO, Any

from flashpoint.coding.cameo import cameo_table, plover_quad
from flashpoint.coding.plover import plover_score
from flashpoint.export.geography import city_admin1, iso2
from flashpoint.export.tables import source_uri
from flashpoint.store.query import StoredEvent

__all__ = [
    "CODEBOOK",
    "SPECIAL_CONTEXTS",
    "geonames_feature",
    "plover_of",
    "plover_record",
    "top_level_code",
    "write_plover",
]

CODEBOOK = "plover-0.8+cameo2plover-2021"
# flashpoint modality -> PLOVER special context (manual, "Special contexts").
SPECIAL_CONTEXTS = {"negated": "negation", "hypothetical": "hypothetical",
                    "intended": "future", "historical": "historical"}  # fmt: skip
_RESOLUTION = {"country": 1, "admin1": 2, "region": 2, "city": 4}
# flashpoint place features -> GeoNames feature class and code.
_FEATURES = {"country": ("A", "PCLI"), "admin1": ("A", "ADM1"), "region": ("L", "RGN"),
             "city": ("P", "PPL")}  # fmt: skip
_NON_STATE = ("IGO", "NGO", "IMG", "MNC", "ISM")


def plover_of(record: dict[str, Any]) -> tuple[str, str | None, list[str]] | None:
    """(type, mode, contexts) of an event record: the crosswalk's for its CAMEO code, plus
    the modality's special context; None when PLOVER has no type for the code."""
    try:
        entry = cameo_table()[str(record["cameo"]["code"])]
    except KeyError:
        return None
    if not entry.plover_event:
        return None
    contexts = [c for c in (entry.plover_context or "").split(";") if c]
    special = SPECIAL_CONTEXTS.get(record.get("modality") or "")
    return entry.plover_event, entry.plover_mode, contexts + ([special] if special else [])


def top_level_code(actor: dict[str, Any]) -> str | None:
    """PLOVER's 3-character actor code: the country, else the non-state prefix."""
    code = (actor.get("code") or "").upper()
    if code[:3] in _NON_STATE:
        return code[:3]
    return actor.get("country") or (code[:3] or None)


def geonames_feature(feature: str | None) -> tuple[str, str]:
    return _FEATURES.get(feature or "", ("", ""))


def _actors(actor: dict[str, Any] | None) -> list[dict[str, Any]]:
    if not actor:
        return []
    return [
        {
            "code": top_level_code(actor),
            "sector": actor.get("sector"),
            "actor_text": actor.get("text"),
            "identifier_text": actor.get("name"),
            "country": actor.get("country"),
            "cameo_code": actor.get("code"),
        }
    ]


def _location(place: dict[str, Any] | None) -> dict[str, Any] | None:
    if not place or not place.get("name"):
        return None
    feature_class, feature_code = geonames_feature(place.get("feature"))
    city = place.get("feature") == "city"
    return {
        "geonameid": place.get("geonameid"),
        "name": place.get("name"),
        "latitude": place.get("lat"),
        "longitude": place.get("lon"),
        "feature_class": feature_class or None,
        "feature_code": feature_code or None,
        "country_code": iso2(place.get("country")) or None,
        "cc3": place.get("country"),
        "admin1_code": (city_admin1(place.get("geonameid")) or None) if city else None,
        "extracted_place": place.get("text"),
        "resolution": _RESOLUTION.get(place.get("feature") or ""),
    }


def plover_record(event: StoredEvent) -> dict[str, Any] | None:
    """``event`` as a PLOVER JSON record, or None when its CAMEO code has no PLOVER type."""
    r = event.record
    mapped = plover_of(r)
    if mapped is None:
        return None
    kind, mode, contexts = mapped
    evidence, cluster = r["evidence"], event.cluster
    return {
        "id": r["event_id"],
        "has_event": True,
        "date": event.event_date,
        "date_precision": event.date_precision,
        "actor": _actors(r.get("source")),
        "recipient": _actors(r.get("target")),
        "event": [kind],
        "mode": [mode] if mode else [],
        "context": contexts,
        "event_loc": _location(r.get("location")),
        "quad_code": plover_quad(kind),
        "event_scale": plover_score(kind, mode),
        "link": f"cluster-{cluster.id}" if cluster else None,
        "text": evidence["text"],
        "text_info": {
            "sequence": r.get("sentence_index"),
            "start": evidence["start"],
            "end": evidence["end"],
        },
        "cite_info": {
            "url": source_uri(event.url, event.locator),
            "title": event.title,
            "language": "en",
            "publication": event.publisher,
            "coder": "flashpoint",
            "codebook": CODEBOOK,
            "version": r.get("coder_version"),
        },
        "coder": r.get("coder_version"),
        "cameo": {
            "code": r["cameo"]["code"],
            "name": r["cameo"].get("name"),
            "goldstein": r["goldstein"],
            "quad_class": r["quad_class"],
        },
        "modality": r["modality"],
        "trigger": evidence["trigger"],
        "attribution": r.get("attribution"),
        "confidence": r.get("confidence"),
        "flags": r.get("flags", []),
        "story_id": r.get("doc_id"),
        "pub_date": event.story_date,
        "cluster": cluster.to_dict() if cluster else None,
        "event_row_id": event.id,
    }


def write_plover(events: Iterable[StoredEvent], out: IO[str], *, array: bool = False) -> int:
    """Write PLOVER JSON: one record a line (JSON Lines, the manual's recommendation), or
    with ``array`` one JSON array.  Events without a PLOVER type are skipped.  Returns the
    number of records written."""
    count = 0
    if array:
        out.write("[")
    for event in events:
        record = plover_record(event)
        if record is None:
            continue
        text = json.dumps(record, ensure_ascii=False)
        out.write(((",\n" if count else "\n") + text) if array else text + "\n")
        count += 1
    if array:
        out.write("\n]\n" if count else "]\n")
    return count
