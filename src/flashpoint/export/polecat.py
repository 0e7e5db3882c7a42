"""POLECAT TSV: the 40 tab-separated columns of the POLECAT weekly files, with their header.

Layout: the POLECAT event data files (Harvard Dataverse doi:10.7910/DVN/AJGVIT, coder NGEC),
whose header names these columns in this order; tools that read POLECAT (``rpolecat``,
``pd.read_csv(sep="\\t")``) read this file.  Values follow the PLOVER record
(:mod:`.plover`); docs/analysis.md describes each column and what is left blank:

- Event ID (the coder's event id), Event Date (the day the text dates the event to; blank
  when it dates it only to a week, month or year, or not at all), Event Type, Event Mode,
  Intensity (PLOVER score of type and mode), Quad Code (PLOVER's quad of the type), Contexts
  (``;``-separated, with the modality's special context);
- Actor/Recipient Name (canonical), Country (ISO-3, else the non-state prefix IGO/NGO/IMG/
  MNC), COW (Correlates of War state number), Primary Sector and Sectors (flashpoint codes
  one sector), Title (blank), Name Raw (as written), Wikipedia ID (blank);
- Placename, City, District (blank), Province, Country (ISO-3), Latitude, Longitude, GeoNames
  ID, Raw Placename, Feature Type (GeoNames feature code: PPL, ADM1, RGN, PCLI);
- Source (publisher), Publication Date, Story People/Organizations/Locations (blank),
  Language (``en``), Version (coder version).

Events whose CAMEO code has no PLOVER type (roots 01 and 02) are left out, as in PLOVER.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import IO, Any

from flashpoint.coding.cameo import plover_quad
from flashpoint.coding.plover import plover_score
from flashpoint.export.fips import code_table
from flashpoint.export.gdelt import event_day
from flashpoint.export.plover import geonames_feature, plover_of, top_level_code
from flashpoint.store.query import StoredEvent

__all__ = ["POLECAT_COLUMNS", "cow_code", "polecat_row", "write_polecat"]

POLECAT_COLUMNS = (
    "Event ID", "Event Date", "Event Type", "Event Mode", "Intensity", "Quad Code", "Contexts",
    "Actor Name", "Actor Country", "Actor COW", "Primary Actor Sector", "Actor Sectors",
    "Actor Title", "Actor Name Raw", "Wikipedia Actor ID",
    "Recipient Name", "Recipient Country", "Recipient COW", "Primary Recipient Sector",
    "Recipient Sectors", "Recipient Title", "Recipient Name Raw", "Wikipedia Recipient ID",
    "Placename", "City", "District", "Province", "Country", "Latitude", "Longitude",
    "GeoNames ID", "Raw Placename", "Feature Type", "Source", "Publication Date",
    "Story People", "Story Organizations", "Story Locations", "Language", "Version",
)  # fmt: skip
assert len(POLECAT_COLUMNS) == 40


def cow_code(iso3: str | None) -> str:
    """The Correlates of War state number of a country (``USA`` -> ``2``), or ""."""
    return code_table("cow.tsv").get((iso3 or "").upper(), "")


def _text(value: Any) -> str:
    if value is None:
        return ""
    return " ".join(str(value).split())  # no tabs or newlines inside a field


def _actor(actor: dict[str, Any] | None) -> list[str]:
    if not actor:
        return [""] * 8
    sector = actor.get("sector") or ""
    return [
        _text(actor.get("name") or actor.get("text")),
        _text(top_level_code(actor)),
        cow_code(actor.get("country")),
        sector,
        sector,
        "",  # Title: not coded
        _text(actor.get("text")),
        "",  # Wikipedia ID: flashpoint's dictionaries have none
    ]


def _place(place: dict[str, Any] | None) -> list[str]:
    if not place or not place.get("name"):
        return [""] * 10
    feature = place.get("feature")
    return [
        _text(place.get("name")),
        _text(place.get("name")) if feature == "city" else "",
        "",  # District (ADM2): not resolved
        _text(place.get("name")) if feature in ("admin1", "region") else "",
        _text(place.get("country")),
        _text(place.get("lat")),
        _text(place.get("lon")),
        _text(place.get("geonameid")),
        _text(place.get("text")),
        geonames_feature(feature)[1],
    ]


def polecat_row(event: StoredEvent) -> list[str] | None:
    """The 40 POLECAT fields of ``event``, or None when it has no PLOVER type."""
    r = event.record
    if (mapped := plover_of(r)) is None:
        return None
    kind, mode, contexts = mapped
    score = plover_score(kind, mode)
    return [
        _text(r["event_id"]),
        _text(event_day(event)),
        kind,
        mode or "",
        "" if score is None else f"{score:g}",
        _text(plover_quad(kind)),
        ";".join(contexts),
        *_actor(r.get("source")),
        *_actor(r.get("target")),
        *_place(r.get("location")),
        _text(event.publisher),
        _text(event.story_date),
        "",  # Story People: not extracted
        "",  # Story Organizations
        "",  # Story Locations
        "en",
        _text(r.get("coder_version")),
    ]


def write_polecat(events: Iterable[StoredEvent], out: IO[str]) -> int:
    """Write the POLECAT header and one line per event with a PLOVER type; returns the rows
    written."""
    out.write("\t".join(POLECAT_COLUMNS) + "\n")
    count = 0
    for event in events:
        row = polecat_row(event)
        if row is not None:
            out.write("\t".join(row) + "\n")
            count += 1
    return count
