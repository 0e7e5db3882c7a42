"""Split a CAMEO actor code into the parts GDELT gives their own columns.

A CAMEO actor code is a run of 3-letter chunks: a country (``USA``) or a non-state prefix
(``IGO``, ``NGO``, ``IMG``, ``MNC``, …) followed by role ("type") codes, religion codes and
at most one known-group code: ``USAGOVMIL``, ``IGOUNO`` (type IGO, group UNO), ``PSEREBHMS``
(country PSE, type REB, group HMS).  Chunks that are neither a role nor a religion are read
as the known group (the first one; flashpoint's sub-body codes such as ``SEC`` in
``IGOUNOSEC`` are then left out).  Ethnic codes are not produced by flashpoint.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["ActorParts", "split_actor_code"]

ROLES = frozenset(
    "GOV MIL COP JUD SPY LEG OPP PTY REB INS SEP UAF UIS AGR BUS CRM CVL DEV EDU ELI ENV HLH "
    "HRI LAB MED REF SET MOD RAD REL IGO NGO NGM IMG MNC INT PKO PRE JRN SOC PRM UNK".split()
)
RELIGIONS = frozenset(
    "CHR CTH PRO ORT MOS MUS SUN SHI SFI ALE DRZ JEW HIN BUD SIK TAO ZRO JAN BAH CON ATH".split()
)


@dataclass(frozen=True, slots=True)
class ActorParts:
    country: str = ""
    known_group: str = ""
    religion1: str = ""
    religion2: str = ""
    type1: str = ""
    type2: str = ""
    type3: str = ""


def split_actor_code(code: str | None, country: str | None = None) -> ActorParts:
    """The GDELT parts of ``code``; ``country`` (the actor's resolved ISO-3 country) wins
    over the code's own prefix when given."""
    code = (code or "").upper()
    chunks = [code[i : i + 3] for i in range(0, len(code) - len(code) % 3, 3)]
    types: list[str] = []
    religions: list[str] = []
    group = ""
    prefix = ""
    if chunks and chunks[0] in ROLES:  # IGOUNO, or a bare role (REB) with no country
        types.append(chunks.pop(0))
    elif chunks:
        prefix = chunks.pop(0)
    for chunk in chunks:
        if chunk in ROLES and chunk not in types:
            types.append(chunk)
        elif chunk in RELIGIONS:
            religions.append(chunk)
        elif not group:
            group = chunk
    types += ["", "", ""]
    religions += ["", ""]
    return ActorParts(
        country=(country or prefix or "").upper(),
        known_group=group,
        religion1=religions[0],
        religion2=religions[1],
        type1=types[0],
        type2=types[1],
        type3=types[2],
    )
