"""The PLOVER vocabulary: event types, the modes each type takes, and their scores.

Data: ``data/plover.tsv`` (from the PLOVER manual's score table).  :func:`crosswalk_entry`
is the one rule flashpoint applies to the official CAMEO->PLOVER crosswalk when it builds
``data/cameo_codes.tsv`` (scripts/build_cameo_table.py): a crosswalk *mode* that is not a
mode of its event type is not kept as a mode.  When it is a context name (175's
``pro_autocracy``, 1321's ``political``) it is read as a context, which is where the manual
puts those words; otherwise (085's ``ease``, which the crosswalk itself notes "is no longer a
mode"; 1712's ``seize``, a COERCE mode under ASSAULT) it is left out.  docs/analysis.md lists
every code this changes.
"""

from __future__ import annotations

import csv
from functools import lru_cache
from importlib import resources

__all__ = ["CONTEXTS", "crosswalk_entry", "plover_modes", "plover_score"]

# Contexts of the PLOVER manual (general and special contexts, the protest contexts, and the
# names POLECAT and the 2021 crosswalk use).
CONTEXTS = frozenset(
    "military intelligence peacekeeping economic diplomatic resource disease enviro_disaster "
    "migration humanitarian asylum legal human_rights rights_freedoms gender lgbt terrorism "
    "human_security religion_ethnicity executive election legislative cbrn cyber "
    "political_institutions corruption crime illegal_drugs pro_democracy pro_autocracy "
    "repression inequality territory health disasters natural_resource environment "
    "technology misinformation trafficking reparations democracy political "
    "historical future hypothetical negation".split()
)


@lru_cache(maxsize=1)
def _table() -> dict[tuple[str, str], float | None]:
    text = resources.files("flashpoint.coding").joinpath("data/plover.tsv").read_text("utf-8")
    lines = [line for line in text.splitlines() if line and not line.startswith("#")]
    return {
        (row["event"], row["mode"]): float(row["score"]) if row["score"] else None
        for row in csv.DictReader(lines, delimiter="\t")
    }


def plover_modes(event: str) -> tuple[str, ...]:
    """The modes the PLOVER manual (and POLECAT) give ``event``."""
    return tuple(mode for (ev, mode) in _table() if ev == event and mode)


def plover_score(event: str | None, mode: str | None = None) -> float | None:
    """PLOVER's conflict-cooperation score of ``event`` (and ``mode``): the mode's score
    when the manual gives one, else the type's; None for no type."""
    if not event:
        return None
    table = _table()
    score = table.get((event, mode or ""))
    return score if score is not None else table.get((event, ""))


def crosswalk_entry(
    event: str | None, mode: str | None, context: str | None
) -> tuple[str | None, str | None, str | None]:
    """A crosswalk line's (event, mode, context) with its mode checked against the type's
    modes: a context name in the mode slot moves to the front of the contexts; any other
    non-mode is dropped.  Contexts are ``;``-separated without spaces."""
    contexts = [c.strip() for c in (context or "").split(";") if c.strip()]
    if event and mode and mode not in plover_modes(event):
        if mode in CONTEXTS and mode not in contexts:
            contexts.insert(0, mode)
        mode = None
    return event or None, mode or None, ";".join(contexts) or None
