"""Choose one city when a name matches several.

Order of preference, strongest first:

1. A match on a primary name or on our alias table beats any match on an alternate name.
   Alternate names are noisy (Nikopol lists "Slovyansk", Jerusalem lists "Ariel"); measured on
   cities15000, every case where an alternate-name match would have out-populated a primary one
   was either an exonym of a famous city used for a real smaller town ("Pekin", Illinois;
   "Sidney", Ohio) or junk.  Exonyms that news copy does use go in ``city_aliases.tsv``.
2. A city in ``country_hint`` beats one outside it ("Tripoli" with hint LBN is Lebanon's).
3. An alias-table entry beats a plain primary name (its whole purpose: "Odessa" is Ukraine's
   unless the hint says USA).
4. The larger population.
"""

from __future__ import annotations

from collections.abc import Iterable

from flashpoint.geo.cities import CityRecord

__all__ = ["best_city"]


def best_city(
    *,
    aliases: Iterable[CityRecord] = (),
    primaries: Iterable[CityRecord] = (),
    alternates: Iterable[CityRecord] = (),
    hint: frozenset[str] = frozenset(),
) -> CityRecord | None:
    best: CityRecord | None = None
    best_rank: tuple[bool, bool, bool, int] | None = None
    for records, strong, is_alias in (
        (aliases, True, True),
        (primaries, True, False),
        (alternates, False, False),
    ):
        for record in records:
            rank = (strong, record.country in hint, is_alias, record.population)
            if best_rank is None or rank > best_rank:
                best, best_rank = record, rank
    return best
