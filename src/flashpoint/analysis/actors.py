"""What an actor argument such as ``USA`` or ``USAGOV`` may be, checked before any query.

An actor argument is matched by :class:`flashpoint.store.EventFilter` as a CAMEO actor code
prefix *or* a country: ``USA`` matches every actor whose country is USA and every actor code
starting with USA (USAGOV, USAMIL); ``USAGOV`` matches codes starting with USAGOV.  A value is
accepted when it is letters only, its length a multiple of three (CAMEO codes are 3-letter
chunks) and its first chunk a known country code (ISO 3166-1 alpha-3, plus Kosovo XKX/KOS and
the CAMEO codes ROM, TMP, WSB, GZS) or a CAMEO prefix for non-state actors (IGO, NGO, …).
"""

from __future__ import annotations

from functools import lru_cache

from flashpoint.errors import AnalysisError

__all__ = ["NON_STATE_PREFIXES", "check_actor", "country_names"]

# CAMEO prefixes for actors without a country, and CAMEO region codes.
NON_STATE_PREFIXES = frozenset(
    "IGO NGO NGM IMG MNC INT UIS UNO "
    "AFR ASA BLK CRB CAU CFR CAS CEU EIN EAF EEU EUR LAM MEA MDT NAF NMR PGS SCN SAM SAS SEA "
    "SAF WAF WST".split()
)
_CAMEO_COUNTRIES = {"ROM": "Romania", "TMP": "East Timor", "KOS": "Kosovo",
                    "WSB": "West Bank", "GZS": "Gaza Strip"}  # fmt: skip


@lru_cache(maxsize=1)
def country_names() -> dict[str, str]:
    """ISO-3 (and CAMEO country) code -> the short name news uses."""
    from flashpoint.geo.datafiles import read_tsv

    names = {row["iso3"]: row["name"] for row in read_tsv("countries.tsv")}
    return names | _CAMEO_COUNTRIES


def check_actor(value: str) -> str:
    """``value`` upper-cased, or :class:`AnalysisError` when it cannot name any actor."""
    code = value.strip().upper()
    if not code.isalpha() or len(code) % 3:
        raise AnalysisError(
            f"{value!r} is not an actor code: use a country (USA) or a CAMEO actor code "
            "made of 3-letter parts (USAGOV, IGOUNO)"
        )
    if code[:3] not in country_names() and code[:3] not in NON_STATE_PREFIXES:
        raise AnalysisError(
            f"unknown country code {code[:3]!r} in {value!r}: use an ISO 3166-1 alpha-3 code "
            "(USA, ISR, GBR) or a CAMEO prefix (IGO, NGO, IMG, MNC)"
        )
    return code
