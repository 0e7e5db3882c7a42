"""POLECAT/PLOVER JSON: one object per event, in the PLOVER data-field names where they exist,
plus the evidence and provenance POLECAT does not release.

Fields (docs/analysis.md has the mapping to POLECAT's columns):

- ``id`` (the coder's event id), ``story_id`` (doc id), ``date`` (the first day of the period
  the text dates the event to, null when it gives none) and ``date_precision`` (day, week,
  month, year), ``event_type`` (PLOVER
  type; null for CAMEO roots 01-02, which PLOVER drops), ``event_mode``, ``contexts`` (list),
  ``quad_code``, ``goldstein``, ``cameo`` {code, base, root, name}, ``modality``;
- ``actor`` and ``recipient``: lists (PLOVER allows several) of entity objects
  {``raw_text``, ``entity_name``, ``country`` (ISO-3), ``sector_code``, ``actor_code`` (CAMEO),
  ``start``, ``end``, ``resolution``}; ``recipient`` is empty when there is none;
- ``event_loc``: {``extracted_place``, ``resolved_place``, ``geonameid``, ``lat``, ``lon``,
  ``country_code`` (ISO-3), ``feature_code``, ``resolution`` (1 country, 2 province/region,
  4 city, as PLOVER numbers them)}, or null;
- evidence: ``text`` (the sentence), ``text_info`` {``sequence`` (sentence index), ``start``,
  ``end``}, ``trigger`` {text, start, end}, ``attribution``, ``confidence``, ``flags``;
- provenance: ``pub_date``, ``publisher``, ``cite_info`` {``url``, ``title``, ``publication``,
  ``coder``, ``version``, ``codebook``}, ``link`` (``cluster-<id>``: reports of one
  real-world event share it), ``cluster`` {id, num_mentions, num_articles, num_sources},
  ``event_row_id``.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import IO, Any

from flashpoint.store.query import StoredEvent

__all__ = ["polecat_record", "write_polecat"]

CODEBOOK = "cameo-1.1b3+plover-crosswalk-2021"
_RESOLUTION = {"country": 1, "admin1": 2, "region": 2, "city": 4}


def _entity(actor: dict[str, Any] | None) -> list[dict[str, Any]]:
    if not actor:
        return []
    return [
        {
            "raw_text": actor.get("text"),
            "entity_name": actor.get("name"),
            "country": actor.get("country"),
            "sector_code": actor.get("sector"),
            "actor_code": actor.get("code"),
            "start": actor.get("start"),
            "end": actor.get("end"),
            "resolution": actor.get("resolution"),
        }
    ]


def _location(place: dict[str, Any] | None) -> dict[str, Any] | None:
    if not place:
        return None
    return {
        "extracted_place": place.get("text"),
        "resolved_place": place.get("name"),
        "geonameid": place.get("geonameid"),
        "lat": place.get("lat"),
        "lon": place.get("lon"),
        "country_code": place.get("country"),
        "feature_code": place.get("feature"),
        "resolution": _RESOLUTION.get(place.get("feature") or ""),
    }


def polecat_record(event: StoredEvent) -> dict[str, Any]:
    """``event`` as a POLECAT/PLOVER-style JSON object."""
    r = event.record
    plover = r.get("plover") or {}
    context = plover.get("context")
    evidence = r["evidence"]
    cluster = event.cluster
    return {
        "id": r["event_id"],
        "story_id": r.get("doc_id"),
        "date": event.event_date,
        "date_precision": event.date_precision,
        "event_type": plover.get("event"),
        "event_mode": plover.get("mode"),
        "contexts": [c.strip() for c in context.split(";") if c.strip()] if context else [],
        "quad_code": r["quad_class"],
        "goldstein": r["goldstein"],
        "cameo": {
            "code": r["cameo"]["code"],
            "base": r["cameo"]["code"][:3],
            "root": r["cameo"]["root"],
            "name": r["cameo"].get("name"),
        },
        "modality": r["modality"],
        "actor": _entity(r.get("source")),
        "recipient": _entity(r.get("target")),
        "event_loc": _location(r.get("location")),
        "text": evidence["text"],
        "text_info": {
            "sequence": r.get("sentence_index"),
            "start": evidence["start"],
            "end": evidence["end"],
        },
        "trigger": evidence["trigger"],
        "attribution": r.get("attribution"),
        "confidence": r.get("confidence"),
        "flags": r.get("flags", []),
        "pub_date": event.story_date,
        "publisher": event.publisher,
        "cite_info": {
            "url": event.url or event.locator,
            "title": event.title,
            "publication": event.publisher,
            "coder": "flashpoint",
            "version": r.get("coder_version"),
            "codebook": CODEBOOK,
        },
        "link": f"cluster-{cluster.id}" if cluster else None,
        "cluster": cluster.to_dict() if cluster else None,
        "event_row_id": event.id,
    }


def write_polecat(events: Iterable[StoredEvent], out: IO[str], *, array: bool = False) -> int:
    """Write POLECAT/PLOVER JSON: one object a line (JSON Lines, PLOVER's recommendation),
    or with ``array`` one JSON array.  Returns the number of events written."""
    count = 0
    if array:
        out.write("[")
    for event in events:
        text = json.dumps(polecat_record(event), ensure_ascii=False)
        if array:
            out.write((",\n" if count else "\n") + text)
        else:
            out.write(text + "\n")
        count += 1
    if array:
        out.write("\n]\n" if count else "]\n")
    return count
