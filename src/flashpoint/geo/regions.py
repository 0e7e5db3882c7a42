"""Notable regions, territories and seas from ``data/regions.tsv``."""

from __future__ import annotations

from dataclasses import dataclass

from flashpoint.geo.datafiles import read_tsv
from flashpoint.geo.normalize import place_key
from flashpoint.records import Location

__all__ = ["RegionTable"]


@dataclass(frozen=True, slots=True)
class RegionTable:
    # Several rows may share a name ("Punjab" in Pakistan and India); file order is preference.
    by_key: dict[str, tuple[Location, ...]]

    @classmethod
    def load(cls) -> RegionTable:
        found: dict[str, list[Location]] = {}
        for row in read_tsv("regions.tsv"):
            location = Location(
                name=row["name"],
                country=row["country"] or None,
                lat=float(row["lat"]),
                lon=float(row["lon"]),
                geonameid=int(row["geonameid"]) if row["geonameid"] else None,
                feature="region",
            )
            names = [row["name"], *row["aliases"].split("|")]
            keys = dict.fromkeys(place_key(name) for name in names if name.strip())
            for key in keys:
                found.setdefault(key, []).append(location)
        return cls(by_key={key: tuple(rows) for key, rows in found.items()})

    def find(self, key: str, hint: frozenset[str]) -> Location | None:
        rows = self.by_key.get(key)
        if not rows:
            return None
        for location in rows:
            if location.country in hint:
                return location
        return rows[0]
