"""Check event-filter values against the vocabularies they are drawn from.

A filter value that cannot match anything (a modality, PLOVER type, sector, country or CAMEO
code the coder never emits) would silently give "0 events"; :func:`check_filter` makes it a
:class:`~flashpoint.errors.FilterError` (a ``ValueError``) naming the value and the allowed
ones instead.  :class:`~flashpoint.store.EventFilter` runs it when it is built, so the CLI,
the Python API and the HTTP API refuse the same values with the same message.

The vocabularies are the ones the coder writes:

- modalities: :data:`flashpoint.records.MODALITIES`;
- PLOVER event types: the 16 of the PLOVER manual (the crosswalk's targets);
- sectors: CAMEO role codes (:data:`SECTORS`);
- CAMEO roots ``01``-``20`` and code prefixes of the CAMEO table;
- quad classes 1-4;
- actors: a country (ISO 3166-1 alpha-3, plus the CAMEO codes ROM, TMP, KOS, WSB, GZS) or a
  non-state/region prefix, optionally followed by more 3-letter parts (``USAGOV``, ``IGOUNO``).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from flashpoint.errors import FilterError
from flashpoint.records import MODALITIES

if TYPE_CHECKING:
    from flashpoint.store.query import EventFilter

__all__ = [
    "AGGREGATE_EXCLUDED",
    "MODALITIES",
    "NON_STATE_PREFIXES",
    "PLOVER_TYPES",
    "QUAD_CLASSES",
    "SECTORS",
    "check_actor",
    "check_cameo_codes",
    "check_choices",
    "check_filter",
    "check_quads",
    "check_roots",
    "country_names",
    "default_modalities",
    "describe_modalities",
]

PLOVER_TYPES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)  # fmt: skip
# CAMEO role ("sector") codes: every sector the actor dictionaries and the coder write, and
# the rest of CAMEO's role list, so a filter on a valid but unseen sector is not an error.
SECTORS = (
    "GOV", "MIL", "COP", "JUD", "SPY", "LEG", "OPP", "PTY", "REB", "INS", "SEP", "UAF", "UIS",
    "AGR", "BUS", "CRM", "CVL", "DEV", "EDU", "ELI", "ENV", "HLH", "HRI", "LAB", "MED", "REF",
    "SET", "MOD", "RAD", "REL", "IGO", "NGO", "NGM", "IMG", "MNC", "INT", "PKO", "PRE", "JRN",
    "SOC", "PRM", "UNK",
)  # fmt: skip
QUAD_CLASSES = (1, 2, 3, 4)
# Modalities aggregates and exports leave out unless asked: the event did not (or may not)
# happen.  PLOVER too says negated events "can be excluded from the final event dataset".
AGGREGATE_EXCLUDED = ("negated", "hypothetical")
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


def _listing(values: Iterable[Any]) -> str:
    return ", ".join(str(v) for v in values)


def check_choices(option: str, values: Sequence[str], allowed: Sequence[str]) -> tuple[str, ...]:
    """``values`` normalised to the spelling of ``allowed`` (case-insensitive), or a
    :class:`FilterError` naming the first value that is not one of them."""
    by_key = {a.lower(): a for a in allowed}
    out = []
    for value in values:
        key = str(value).strip().lower()
        if key not in by_key:
            raise FilterError(f"unknown {option} {value!r}; choose from {_listing(allowed)}")
        out.append(by_key[key])
    return tuple(out)


def check_quads(values: Sequence[int | str]) -> tuple[int, ...]:
    out = []
    for value in values:
        try:
            quad = int(value)
        except (TypeError, ValueError):
            quad = 0
        if quad not in QUAD_CLASSES:
            raise FilterError(
                f"unknown quad class {value!r}; choose from 1 (verbal cooperation), "
                "2 (material cooperation), 3 (verbal conflict), 4 (material conflict)"
            )
        out.append(quad)
    return tuple(out)


@lru_cache(maxsize=1)
def _cameo_codes() -> tuple[str, ...]:
    from flashpoint.coding.cameo import cameo_table

    return tuple(entry.code for entry in cameo_table())


def check_roots(values: Sequence[str | int]) -> tuple[str, ...]:
    """Two-digit CAMEO roots (``2`` -> ``02``), or a :class:`FilterError`."""
    roots = sorted({c[:2] for c in _cameo_codes()})
    out = []
    for value in values:
        root = str(value).strip().zfill(2)
        if root not in roots:
            raise FilterError(
                f"unknown CAMEO root {value!r}; choose a two-digit root from "
                f"{roots[0]} to {roots[-1]}"
            )
        out.append(root)
    return tuple(out)


def check_cameo_codes(values: Sequence[str]) -> tuple[str, ...]:
    """CAMEO code prefixes that start at least one CAMEO code, or a :class:`FilterError`."""
    codes = _cameo_codes()
    out = []
    for value in values:
        prefix = str(value).strip()
        if not (prefix.isdigit() and len(prefix) >= 2 and any(c.startswith(prefix) for c in codes)):
            raise FilterError(
                f"unknown CAMEO code {value!r}: a code or prefix of the CAMEO table has 2-4 "
                "digits with its leading zero (19, 0242, 1823); `flashpoint code` output shows "
                "the codes it emits"
            )
        out.append(prefix)
    return tuple(out)


def _name_hint(value: str) -> str:
    """What `flashpoint actors search` finds for ``value``, as a hint for an error message."""
    from flashpoint.actors.lookup import search

    try:
        matches = search(value, limit=3)
    except Exception:  # a hint only: never let the lookup hide the real error
        matches = []
    if not matches:
        return f"`flashpoint actors search {value}` looks names up"
    found = "; ".join(m.summary() for m in matches)
    return f"{found} (`flashpoint actors search {value}` lists names with their codes)"


def check_actor(value: str) -> str:
    """``value`` upper-cased, or a :class:`FilterError` when it cannot name any actor: it
    must be letters in 3-letter parts whose first part is a country or non-state prefix."""
    code = value.strip().upper()
    if not code.isalpha() or len(code) % 3:
        raise FilterError(
            f"{value!r} is not an actor code: use a country (USA) or a CAMEO actor code made "
            f"of 3-letter parts (USAGOV, IGOUNO); {_name_hint(value)}"
        )
    if code[:3] not in country_names() and code[:3] not in NON_STATE_PREFIXES:
        raise FilterError(
            f"unknown country code {code[:3]!r} in {value!r}: use an ISO 3166-1 alpha-3 code "
            f"(USA, ISR, GBR) or a CAMEO prefix (IGO, NGO, IMG, MNC, …); {_name_hint(value)}"
        )
    return code


def default_modalities(flt: EventFilter, *, all_modalities: bool = False) -> EventFilter:
    """``flt`` with negated and hypothetical events left out, unless ``all_modalities`` or
    the filter already names the modalities it wants (or does not want)."""
    from dataclasses import replace

    if all_modalities or flt.modalities or flt.exclude_modalities:
        return flt
    return replace(flt, exclude_modalities=AGGREGATE_EXCLUDED)


def describe_modalities(flt: EventFilter) -> str:
    """What ``flt`` keeps of the modalities, for titles and metadata."""
    if flt.modalities:
        return "modalities: " + ", ".join(flt.modalities)
    if flt.exclude_modalities:
        return " and ".join(flt.exclude_modalities) + " left out"
    return "all modalities"


def check_filter(flt: EventFilter) -> dict[str, Any]:
    """The values of ``flt`` in the spelling the store holds (actor codes, sectors and
    PLOVER types upper-case, modalities lower-case, roots two digits, tuples), or a
    :class:`FilterError` for the first value that cannot match any event."""
    for name in _LISTS:
        if isinstance(getattr(flt, name), str | int):
            raise FilterError(f"EventFilter.{name} takes a list of values, not one value")
    return {
        **{side: check_actor(v) if (v := getattr(flt, side)) else v for side in _SIDES},
        "modalities": check_choices("modality", flt.modalities, MODALITIES),
        "exclude_modalities": check_choices("modality", flt.exclude_modalities, MODALITIES),
        "plover_types": check_choices("PLOVER event type", flt.plover_types, PLOVER_TYPES),
        "sectors": check_choices("sector", flt.sectors, SECTORS),
        "source_sectors": check_choices("sector", flt.source_sectors, SECTORS),
        "target_sectors": check_choices("sector", flt.target_sectors, SECTORS),
        "roots": check_roots(flt.roots),
        "codes": check_cameo_codes(flt.codes),
        "quad_classes": check_quads(flt.quad_classes),
    }


_SIDES = ("source", "target", "actor")
_LISTS = ("roots", "codes", "quad_classes", "modalities", "exclude_modalities", "sectors",
          "source_sectors", "target_sectors", "plover_types")  # fmt: skip
