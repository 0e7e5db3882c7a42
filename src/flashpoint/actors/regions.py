"""Regional adjectives: "several Arab governments", "African leaders", "European ministers".

A group named by its region belongs to no single country.  CAMEO codes such actors with a
region code in the country slot (``MEA`` Middle East, ``AFR`` Africa …; see
shared/reference/actor_codes.md); without this table the coder gave them the country the
sentence happened to name ("several Arab governments condemned the Israeli strike" came out
Israeli).  Only adjectives that name a region, never a country, are listed.
"""

from __future__ import annotations

__all__ = ["REGIONS", "region_of"]

# adjective (as written, capitalised) -> (CAMEO region code, name)
REGIONS: dict[str, tuple[str, str]] = {
    "Arab": ("MEA", "Arab states"),
    "Middle Eastern": ("MEA", "Middle East"),
    "Gulf": ("PGS", "Persian Gulf"),
    "African": ("AFR", "Africa"),
    "North African": ("NAF", "North Africa"),
    "West African": ("WAF", "West Africa"),
    "East African": ("EAF", "Eastern Africa"),
    "Central African": ("CFR", "Central Africa"),
    "Southern African": ("SAF", "Southern Africa"),
    "European": ("EUR", "Europe"),
    "Eastern European": ("EEU", "Eastern Europe"),
    "Central European": ("CEU", "Central Europe"),
    "Balkan": ("BLK", "Balkans"),
    "Scandinavian": ("SCN", "Scandinavia"),
    "Nordic": ("SCN", "Scandinavia"),
    "Western": ("WST", "The West"),
    "Asian": ("ASA", "Asia"),
    "Central Asian": ("CAS", "Central Asia"),
    "South Asian": ("SAS", "South Asia"),
    "Southeast Asian": ("SEA", "Southeast Asia"),
    "Latin American": ("LAM", "Latin America"),
    "South American": ("SAM", "South America"),
    "Caribbean": ("CRB", "Caribbean"),
    "Caucasian": ("CAU", "Caucasus"),
}


def region_of(words: list[str]) -> tuple[str, str] | None:
    """The region a phrase's modifiers name ("West African leaders" -> WAF), longest first."""
    for size in (2, 1):
        for i in range(len(words) - size + 1):
            found = REGIONS.get(" ".join(words[i : i + size]))
            if found:
                return found
    return None
