"""CAMEO actor codes as dictionaries write them: validation and (country, sector) split.

A code is a run of three-character chunks: a country, region or organisation prefix, then
roles (``USAGOV``, ``KORGOVBUS``, ``IGOUNOKID``, ``IMGMUSALQ``); see
``../shared/reference/actor_codes.md``.  ``---`` is PETRARCH's null code: the phrase is known
and codes no actor.
"""

from __future__ import annotations

import re

__all__ = ["NON_COUNTRY_PREFIXES", "NULL_CODE", "is_actor_code", "split_code"]

NULL_CODE = "---"
_CODE = re.compile(r"^(?:[A-Za-z0-9]{3})+$")

# Prefixes that are not a country: international and transnational actors, and role codes
# standing alone ("[ELI]": an elite of no particular country).  Any other first chunk is read
# as a country or region, so a team's own codes (a fictional "ARN", a region "WAF") work.
NON_COUNTRY_PREFIXES = frozenset(
    "IGO NGO NGM IMG MNC INT UNO PKO AMN IRC GRP "
    "GOV MIL COP JUD SPY LEG OPP PTY REB INS SEP UAF UIS AGR BUS CRM CVL DEV EDU ELI ENV "
    "HLH HRI LAB MED REF SET MOD RAD REL".split()
)


def is_actor_code(code: str) -> bool:
    return code == NULL_CODE or bool(_CODE.match(code))


def split_code(code: str | None) -> tuple[str | None, str | None]:
    """(country, sector) of a code: the country prefix, if any, and the first role after it
    (``KORGOVBUS`` -> KOR, GOV; ``IGOUNO`` -> None, IGO; ``AFG`` -> AFG, None)."""
    if not code or code == NULL_CODE:
        return None, None
    prefix = code[:3]
    if prefix in NON_COUNTRY_PREFIXES or not prefix.isupper():
        return None, prefix
    return prefix, code[3:6] or None
