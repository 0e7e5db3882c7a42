"""Offline gazetteer: resolve a place mention from a news sentence to a ``Location``."""

from __future__ import annotations

import functools
import threading
from dataclasses import replace

from flashpoint.geo.cities import CityIndex, CityRecord
from flashpoint.geo.countries import CountryTable
from flashpoint.geo.datafiles import read_lines
from flashpoint.geo.normalize import has_capital, place_key
from flashpoint.geo.ranking import best_city
from flashpoint.geo.regions import RegionTable
from flashpoint.geo.states import UsStateTable
from flashpoint.records import Location

__all__ = ["Gazetteer", "get_gazetteer"]

CountryHint = str | tuple[str, ...] | None


class Gazetteer:
    """Look up countries, notable regions, US states and cities by the name news copy uses.

    Resolution order: country -> region -> US state -> city.  Unknown names give None; there is
    deliberately no fallback to a country centroid, which users read as a false location.

    The small tables load at construction; the city index (~34k cities) is built on the first
    lookup that needs it.
    """

    def __init__(self, min_population: int = 15000) -> None:
        self._min_population = min_population
        self._countries = CountryTable.load()
        self._regions = RegionTable.load()
        self._states = UsStateTable.load()
        self._stoplist = frozenset(place_key(word) for word in read_lines("stoplist.txt"))
        self._blocklist = frozenset(place_key(name) for name in read_lines("blocklist.txt"))
        self._cities: CityIndex | None = None
        self._build_lock = threading.Lock()

    def lookup(self, name: str, *, country_hint: CountryHint = None) -> Location | None:
        """Resolve ``name`` (a mention as written) or return None.

        ``country_hint``: ISO3 code(s) the context points to; used only to choose between
        places sharing a name, never to invent one.
        """
        key = place_key(name)
        if not key or key in self._blocklist:
            return None
        capitalised = has_capital(name)
        if key in self._stoplist and not capitalised:
            return None  # "police", "march", "may": words, not places
        hint = self._hint(country_hint)
        found = (
            self._country_or_state(key, hint)
            or self._regions.find(key, hint)
            or self._states.by_key.get(key)
            or self._city(key, hint, use_alternates=capitalised and key not in self._stoplist)
        )
        return replace(found, text=name) if found else None

    def country(self, iso3: str) -> Location | None:
        """The country-level location for an ISO3 (or ISO2) code."""
        code = self._countries.iso3(iso3)
        return self._countries.by_iso3.get(code) if code else None

    @property
    def cities(self) -> CityIndex:
        """The city index, built on first use."""
        if self._cities is None:
            with self._build_lock:
                if self._cities is None:
                    self._cities = CityIndex.build(
                        min_population=self._min_population,
                        iso2_to_iso3=self._countries.iso2_to_iso3,
                        skip_alternates=self._stoplist,
                    )
        return self._cities

    def _hint(self, country_hint: CountryHint) -> frozenset[str]:
        if not country_hint:
            return frozenset()
        codes = (country_hint,) if isinstance(country_hint, str) else country_hint
        return frozenset(filter(None, (self._countries.iso3(code) for code in codes)))

    def _country_or_state(self, key: str, hint: frozenset[str]) -> Location | None:
        iso3 = self._countries.by_key.get(key)
        if iso3 is None:
            return None
        # "Georgia" is the country unless the context is American: a hint that includes the USA
        # but not the country itself selects the state.  No other country name is a state name.
        state = self._states.by_key.get(key)
        if state is not None and "USA" in hint and iso3 not in hint:
            return state
        return self._countries.by_iso3[iso3]

    def _city(self, key: str, hint: frozenset[str], *, use_alternates: bool) -> Location | None:
        # Alternate names only answer capitalised mentions: a lowercase word reaching the
        # gazetteer is far likelier an NER slip than a transliterated town name.
        cities = self.cities
        record = best_city(
            aliases=cities.alias.get(key, ()),
            primaries=cities.primary.get(key, ()),
            alternates=cities.alternate.get(key, ()) if use_alternates else (),
            hint=hint,
        )
        return _city_location(record) if record else None


def _city_location(record: CityRecord) -> Location:
    return Location(
        name=record.name,
        country=record.country,
        lat=record.lat,
        lon=record.lon,
        geonameid=record.geonameid,
        feature="city",
    )


@functools.cache
def get_gazetteer() -> Gazetteer:
    """The shared default gazetteer; its city index is built once, on first city lookup."""
    return Gazetteer()
