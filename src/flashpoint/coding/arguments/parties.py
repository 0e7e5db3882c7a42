"""Comparing and placing actors: who is the same party, who is a party at all, and which
country an unnamed national actor belongs to from its counterpart or the event's place.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc

from ...actors.resolve import not_home_side
from ...nlp.docmemo import doc_tokens, head_indices, remembered
from ...records import ActorRef
from .heads import PLACE_PREPS

__all__ = [
    "CIVIL_SECTORS",
    "DISSIDENT_SECTORS",
    "FORCES",
    "MOVING_ROOTS",
    "NOT_NATIONAL",
    "PLACED_ROOTS",
    "domestic",
    "is_national",
    "is_party",
    "locative_free_ranges",
    "mentioned_outside",
    "name_ranges",
    "names_actor",
    "placed_in",
    "same_actor",
    "same_party",
]


# Sectors that exist inside one country: an unnamed rebel group, court or president dealing
# with a national actor of a known country is that country's own ("the Sudanese government
# accused Darfur rebels", "President Museveni banned Ugandan opposition candidates").
_NATIONAL_SECTORS = {
    "GOV", "MIL", "COP", "JUD", "LEG", "OPP", "PTY", "REB", "INS", "SEP", "UAF", "RAD",
    "SPY", "CVL", "LAB", "EDU", "MED", "ELI", "REL", "BUS", "CRM", "HRI", "HLH",
}  # fmt: skip

# Non-state sectors: dissident movements and civil society.  Their protests are against their
# own government (Coder._protested_government); a civil actor's strike is a labour protest
# (assembly.recoding.apply_sense).
DISSIDENT_SECTORS = {"REB", "INS", "SEP", "RAD", "PTY", "REL"}

CIVIL_SECTORS = {"LAB", "CVL", "EDU", "HLH", "BUS", "OPP", "AGR", "MED", "REF", "HRI", "NGO"}

# Sectors that are not one country's: peacekeepers and international bodies.
NOT_NATIONAL = {"PKO", "IGO", "NGO", "IMG", "MNC"}

# Unnamed forces a state moves are its own, not a target (see Coder._own_forces).
FORCES = {"MIL", "PKO", "COP", "SPY"}

# Roots of events that move, offer or pull back a state's own forces: intent, cooperation, aid,
# yielding, mobilisation and reduced relations ("withdrew peacekeepers", "sent troops").
MOVING_ROOTS = {"03", "05", "06", "07", "08", "15", "16"}

# Events whose unnamed participants are the place's own: "a journalist was killed in Beirut",
# "police fired tear gas in Nairobi" (not troops deployed or aid sent there).
PLACED_ROOTS = {"14", "17", "18", "19", "20"}


def domestic(refs: list[ActorRef], others: list[ActorRef] = ()) -> list[ActorRef]:
    """Give a country to an unnamed national actor from its counterpart in the same event.

    Only when the counterpart is itself a sub-national actor or a place (a country's
    government, police, rebels; "in Algiers"): "President Bush threatened Russia" says nothing
    about Bush's country, but "rebels shelled government troops in Juba" is one country's war.
    """
    if not others:
        return list(refs)
    # An implicit authority (the police of the place an arrest happened in) anchors nothing:
    # "a teacher from Toronto was arrested in Iran" stays Canadian.
    anchors = {
        o.country
        for o in others
        if o.country
        and o.resolution != "implicit"
        and (o.sector in _NATIONAL_SECTORS or o.resolution == "location")
    }
    if len(anchors) != 1:
        return list(refs)
    country = next(iter(anchors))
    out = []
    for ref in refs:
        if (
            ref.country is None
            and ref.sector in _NATIONAL_SECTORS
            and ref.resolution != ("unidentified")
            # An unidentified armed force is placed where it struck, not by its victims
            # (coding guidelines §6.7): "gunmen killed two Kenyan police officers in
            # Mogadishu" is SOMUAF.  The coder places it (coder.py).
            and ref.sector != "UAF"
            # "urged other governments to act", "all parties": not the counterpart's side.
            and not not_home_side(ref.text)
        ):
            ref = replace(ref, country=country, code=country + ref.sector)
        out.append(ref)
    return out


def placed_in(ref: ActorRef, country: str) -> ActorRef:
    if (
        ref.country is None
        and ref.resolution == "agent"
        and ref.sector in _NATIONAL_SECTORS
        and not not_home_side(ref.text)
    ):
        return replace(ref, country=country, code=country + ref.sector)
    return ref


def name_ranges(doc: Doc, actor: ActorRef) -> list[tuple[int, int]]:
    """Character ranges of an actor mention minus its locative post-modifier: in "Russian
    positions near Kharkiv" the actor is the positions, and Kharkiv is still the place."""
    # Asked for the same source and target by every event of a predicate.
    key = ("name-ranges", actor.start, actor.end)
    return list(remembered(doc, key, lambda: locative_free_ranges(doc, actor)))


def locative_free_ranges(doc: Doc, actor: ActorRef) -> list[tuple[int, int]]:
    span = doc.char_span(actor.start, actor.end, alignment_mode="expand")
    if span is None:
        return [(actor.start, actor.end)]
    tokens, heads = doc_tokens(doc), head_indices(doc)
    ranges = []
    for i in range(span.start, span.end):
        current, placed = i, False
        while span.start <= heads[current] < span.end and heads[current] != current:
            if tokens[current].dep_ == "pobj" and tokens[heads[current]].lower_ in PLACE_PREPS:
                placed = True
                break
            current = heads[current]
        if not placed:
            token = tokens[i]
            ranges.append((token.idx, token.idx + len(token.text)))
    return ranges


def is_party(ref: ActorRef) -> bool:
    """An actor that can take part in talks: resolved, and not a bare place."""
    return ref.resolution not in ("unresolved", "location", "context", "coreference", None)


def is_national(ref: ActorRef) -> bool:
    """A national or international actor: it has a country, or a code longer than a bare sector
    ("IGOUNO", "NGOAMN")."""
    return bool(ref.country or (ref.code and len(ref.code) > 3))


def names_actor(refs: list[ActorRef], *, mutual: bool = False) -> bool:
    """Some ref names an actor.  For a mutual act only a national or coded actor counts: in
    "Peru and Chile failed to agree on a prisoner exchange" the exchange is the topic, and in
    "agreed to a ceasefire in their conflict over Kashmir" the place is where it holds."""
    if mutual:
        return any(is_national(r) and r.resolution != "location" for r in refs)
    return any(r.resolution != "unresolved" for r in refs)


_PERSONS = {"person-dictionary", "unknown-person"}


def mentioned_outside(refs: list[ActorRef], extents: list[tuple[int, int]]) -> list[ActorRef]:
    """The refs whose mention lies in none of the given character spans."""
    return [
        r
        for r in refs
        if r.start is None or not any(lo <= r.start and r.end <= hi for lo, hi in extents)
    ]


def same_party(source: ActorRef, target: ActorRef) -> bool:
    """Source and target are one actor.  A named person is not the unnamed group that shares
    their country and sector: Macron's ultimatum "to Muslim leaders" (taken as French) is
    still directed at them, and "a president" worried about Tinubu's health is not Tinubu."""
    for person, group in ((source, target), (target, source)):
        if person.resolution in _PERSONS and not group.name and group.resolution == "agent":
            return False
    return same_actor(source, target)


def same_actor(a: ActorRef, b: ActorRef) -> bool:
    """Same actor: same person/organisation name, or the same unnamed country+sector."""
    if a.name and b.name:
        return a.name == b.name
    return a.code is not None and a.code == b.code
