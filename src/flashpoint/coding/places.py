"""Pick the place where an event happened, from the event's own clause only.

The place must be syntactically tied to the trigger (a locative phrase on it or on its object)
so actor, action and place always come from the same clause: no stitching a place from
another part of the story.  Place names already used as the source or target actor are not
locations ("Tehran rejected ..."), except the destination of a visit.
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Span, Token

from ..nlp.ents import sentence_ents
from ..records import Location

__all__ = ["place_mentions"]

_LOCATIVE = {
    "in",
    "through",
    "at",
    "near",
    "outside",
    "inside",
    "across",
    "around",
    "into",
    "within",
    "throughout",
    "from",
    "on",
    "along",
    "off",
    "over",
    "toward",
    "towards",
}
_PLACE_LABELS = {"GPE", "LOC", "FAC"}


def _in_clause(token: Token, trigger_chain: set[int]) -> bool:
    """True when the token's nearest governing verb is the trigger (or a verb folded into it)."""
    current = token
    for _ in range(30):
        if current.i in trigger_chain:
            return True
        if current.head.i == current.i:
            return False
        head = current.head
        if head.pos_ in ("VERB", "AUX") and head.i not in trigger_chain:
            return False
        current = head
    return False


# Nouns of a kind of place: "near the town of Samarra", "in a sector of eastern Beirut".
_PLACE_NOUNS = frozenset(
    "town city village province district sector region suburb area port capital quarter "
    "neighbourhood neighborhood county state governorate outskirts border island "
    "municipality township camp enclave".split()
)


# "the town of Samarra" is a place whatever label the small model gives the name.
_MISREAD_PLACE_LABELS = {"NORP", "ORG", "PERSON"}


def _with_participle_governors(sent: Span, chain: set[int]) -> set[int]:
    """A free participle happens where its main clause does: "a bomb exploded in Beirut,
    killing five" places the killing in Beirut too."""
    out = set(chain)
    for i in chain:
        token = sent.doc[i]
        if (
            token.dep_ == "advcl"
            and token.tag_ == "VBG"
            and not any(c.dep_ in ("nsubj", "nsubjpass", "mark") for c in token.children)
        ):
            out.add(token.head.i)
    return out


def _named_place_of(head: Token) -> bool:
    """ "the town of X" after a locative preposition: X names where it happened."""
    of = head.head
    if head.dep_ != "pobj" or of.lower_ != "of" or of.dep_ != "prep":
        return False
    kind = of.head
    if kind.lemma_.lower() not in _PLACE_NOUNS:
        return False
    return kind.dep_ == "pobj" and kind.head.lower_ in _LOCATIVE


def place_mentions(
    sent: Span, trigger_chain: set[int], exclude: Iterable[tuple[int, int]]
) -> list[tuple[Span, bool]]:
    """Candidate place spans for the event, best first; the flag says 'locative preposition'."""
    excluded = list(exclude)
    trigger_chain = _with_participle_governors(sent, trigger_chain)
    out: list[tuple[Span, bool]] = []
    for ent in sentence_ents(sent):
        if ent.label_ not in _PLACE_LABELS and not (
            ent.label_ in _MISREAD_PLACE_LABELS and _named_place_of(ent.root)
        ):
            continue
        if any(start < ent.end_char and ent.start_char < end for start, end in excluded):
            continue
        if not _in_clause(ent.root, trigger_chain):
            continue
        head = ent.root
        locative = head.dep_ == "pobj" and head.head.lower_ in _LOCATIVE
        if head.dep_ in ("compound", "amod", "poss") and head.head.dep_ == "pobj":
            locative = head.head.head.lower_ in _LOCATIVE
        if not locative:
            locative = _named_place_of(head)
        # Only places introduced as locations ("in Gaza", "near Kharkiv") count: a place name
        # used as a modifier ("West Bank policy") says nothing about where the event happened.
        if locative:
            out.append((ent, locative))
    out.sort(key=lambda item: item[0].start)
    return out


def as_location(span: Span, found: Location | None) -> Location:
    """A Location for a place mention; coordinates stay None when the gazetteer has none."""
    if found is not None:
        return Location(
            found.name,
            found.country,
            found.lat,
            found.lon,
            found.geonameid,
            text=span.text,
            feature=found.feature,
            start=span.start_char,
            end=span.end_char,
        )
    return Location(
        span.text,
        None,
        None,
        None,
        None,
        text=span.text,
        feature=None,
        start=span.start_char,
        end=span.end_char,
    )
