"""Pick the place where an event happened, from the event's own clause only.

The place must be syntactically tied to the trigger (a locative phrase on it or on its object)
so actor, action and place always come from the same clause: no stitching a place from
another part of the story.  Place names already used as the source or target actor are not
locations ("Tehran rejected ..."), except the destination of a visit.
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Span, Token

from ...nlp.docmemo import children, remembered, sent_ents, sent_tokens
from ...records import Location

__all__ = ["as_location", "is_site", "place_mentions"]

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
            and not any(c.dep_ in ("nsubj", "nsubjpass", "mark") for c in children(token))
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


def _locative(head: Token) -> bool:
    """True when the name is introduced as where something happened: "in Gaza", "near the
    town of Samarra", "through the capital Antananarivo", "in the Syrian capital, Damascus"."""
    if head.dep_ == "appos" and head.head.lemma_.lower() in _PLACE_NOUNS:
        # The appositive names the place noun it stands beside; that noun carries the
        # locative preposition.
        head = head.head
    if head.dep_ == "pobj" and head.head.lower_ in _LOCATIVE:
        return True
    if head.dep_ in ("compound", "amod", "poss") and head.head.dep_ == "pobj":
        return head.head.head.lower_ in _LOCATIVE
    return _named_place_of(head)


def _unlabelled_names(sent: Span, labelled: set[int]) -> Iterable[Span]:
    """Proper-noun chains the small NER model left unlabelled ("Antananarivo" is often
    missed).  Only offered in a locative position, and the caller keeps them only if the
    gazetteer knows the name, so an unknown capitalised word never becomes a place."""
    doc = sent.doc
    for token in sent_tokens(sent):
        if token.pos_ != "PROPN" or token.i in labelled or token.dep_ == "compound":
            continue
        start = token.i
        while (
            start > sent.start
            and doc[start - 1].dep_ == "compound"
            and (doc[start - 1].pos_ == "PROPN" and doc[start - 1].i not in labelled)
        ):
            start -= 1
        yield doc[start : token.i + 1]


def _candidates(sent: Span) -> list[tuple[Span, bool]]:
    """Every place-like name of the sentence, labelled ones first; the same for every event
    of the sentence, so computed once per sentence while a document is coded."""
    key = ("place-candidates", sent.start, sent.end)
    return remembered(sent.doc, key, lambda: _sentence_candidates(sent))


def _sentence_candidates(sent: Span) -> list[tuple[Span, bool]]:
    ents = sent_ents(sent)
    labelled = {i for ent in ents for i in range(ent.start, ent.end)}
    candidates = [
        (ent, True)
        for ent in ents
        if ent.label_ in _PLACE_LABELS
        or (ent.label_ in _MISREAD_PLACE_LABELS and _named_place_of(ent.root))
    ]
    candidates += [(span, False) for span in _unlabelled_names(sent, labelled)]
    return [(span, named) for span, named in candidates if not _in_street_name(span)]


# Words that make a name a street, square or bridge: "Place du 13 Mai" is a square in
# Antananarivo, not the town of Mai in Kenya; "Independence Avenue" is no place to geocode.
_STREET_WORDS = frozenset(
    "place square street st avenue ave road rd boulevard blvd rue plaza piazza platz lane "
    "highway bridge quay".split()
)
# Particles that may sit inside a street name between its street word and the candidate
# ("Place du 13 Mai", "Plaza de Mayo"); "in" or "near" end a name.
_NAME_PARTICLES = frozenset({"du", "de", "des", "la", "le", "del", "della", "di", "of", "al"})


def is_site(token: Token) -> bool:
    """Whether a noun names a site — a facility or landmark the entity recogniser labels as
    such, or a street or square ("the Plaza de Mayo") — rather than an actor or a polity."""
    if token.ent_type_ in ("FAC", "LOC"):
        return True
    if token.pos_ != "PROPN":
        return False
    street_word = token.text[:1].isupper() and token.lower_.rstrip(".") in _STREET_WORDS
    return street_word or _in_street_name(token.doc[token.i : token.i + 1])


def _in_street_name(span: Span) -> bool:
    """Whether a candidate place is part of a street or square name around it."""
    doc = span.doc
    sent = span.sent
    i = span.start - 1
    while i >= max(sent.start, span.start - 4) and (
        doc[i].pos_ in ("PROPN", "NUM") or doc[i].lower_ in _NAME_PARTICLES
    ):
        if doc[i].text[:1].isupper() and doc[i].lower_.rstrip(".") in _STREET_WORDS:
            return True
        i -= 1
    after = span.end
    return (
        after < sent.end
        and doc[after].text[:1].isupper()
        and doc[after].lower_.rstrip(".") in _STREET_WORDS
    )


def place_mentions(
    sent: Span, trigger_chain: set[int], exclude: Iterable[tuple[int, int]]
) -> list[tuple[Span, bool]]:
    """Candidate place spans for the event, in sentence order.  The flag says whether the
    NER model labelled the span a place; unlabelled proper nouns need the gazetteer's
    confirmation before they count."""
    excluded = list(exclude)
    trigger_chain = _with_participle_governors(sent, trigger_chain)
    out: list[tuple[Span, bool]] = []
    for span, named in _candidates(sent):
        if any(start < span.end_char and span.start_char < end for start, end in excluded):
            continue
        # Only places introduced as locations ("in Gaza", "near Kharkiv") count: a place name
        # used as a modifier ("West Bank policy") says nothing about where the event happened.
        if _in_clause(span.root, trigger_chain) and _locative(span.root):
            out.append((span, named))
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
