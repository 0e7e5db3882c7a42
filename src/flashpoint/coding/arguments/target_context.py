"""Countries for targets the argument slots leave without one, read off the sentence itself.

The argument slots often find *whom* an event is directed at but not *which country*:
"refugees fleeing the war in Liberia", "a camp for Sudanese refugees", "a village in western
Cambodia", "police" in a sentence about Cairo.  And a domestic action often names no target at
all: "the interim government of Iraq is prepared to impose martial law", "Serbia eased
emergency measures in Montenegro province".  CAMEO/PLOVER coders code such events against the
country the sentence is about, so this module supplies it, most specific evidence first:

1. a country named inside the target's own phrase (its modifiers, "in/of/for" phrases,
   relative and participial clauses), nearest the head first; with no target at all, the
   same inside the event's object phrase (``ContextCountries.target`` in context_countries.py);
2. the single country the whole sentence is about, when it names no other: every named
   country, demonym, capital, person and organisation with a home country, and every place
   the gazetteer knows in a locative phrase, counts, so a sentence about two states never
   gets a guessed side.

The result carries resolution ``context``; the coder's confidence does not rise for it, so
it never changes which event is a sentence's primary one.  The source-side counterpart uses
the same two helpers.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import replace

from spacy.tokens import Doc, Span, Token

from ...actors.kb import COUNTRY_NAME_KINDS, GROUP_PREFIXES, ActorKB
from ...actors.resolve import _stance_prefix
from ...nlp.docmemo import memo, remembered, sent_ents, sentence_of, subtree
from ...nlp.extensions import NAMES_GROUP
from ...records import ActorRef, Location
from ..candidates.word_vectors import Contrast

__all__ = [
    "Lookup",
    "bare_place_name",
    "countries_named_before",
    "country_target",
    "is_actor_mention",
    "needs_country",
    "phrase_country",
    "sentence_countries",
    "sentence_country",
    "with_context_country",
]

# A place lookup: a name and country hints -> the gazetteer's Location (Coder._lookup).
Lookup = Callable[[str, tuple[str, ...]], Location | None]

# NORP and FAC too: the small model tags "near Samarra" NORP; only locative uses count.
_PLACE_LABELS = {"GPE", "LOC", "NORP", "FAC"}
# Words around a place name the gazetteer does not know: "Montenegro province", "western
# Cambodia", "the Tyumen region".
_PLACE_WORDS = frozenset(
    "the a province region district state county governorate oblast territory area city town "
    "village enclave republic north south east west northern southern eastern western central "
    "northeast northwest southeast southwest northeastern northwestern southeastern "
    "southwestern upper lower greater".split()
)


def needs_country(ref: ActorRef | None) -> bool:
    """An actor (or a missing one) with no country and no international group code."""
    if ref is None:
        return True
    return not ref.country and not (ref.code and ref.code[:3] in GROUP_PREFIXES)


def bare_place_name(text: str) -> str:
    """The name without the words around it: "the Tyumen region" -> "Tyumen"."""
    return " ".join(w for w in text.split() if w.lower().strip(",.") not in _PLACE_WORDS)


def place_country(text: str, lookup: Lookup, hint: tuple[str, ...] = ()) -> str | None:
    """The country of a place mention (the lookup retries the bare name itself)."""
    found = lookup(text, hint)
    return found.country if found is not None else None


def _name_index(kb: ActorKB, doc: Doc) -> list[tuple[int, str]]:
    """(first token index, country) of every dictionary name in the document that gives a
    country, in document order; built once per coded document (see docmemo)."""
    return remembered(doc, ("name-countries", id(kb)), lambda: _country_names(kb, doc))


def _country_names(kb: ActorKB, doc: Doc) -> list[tuple[int, str]]:
    found = []
    for span in doc.spans.get(NAMES_GROUP, []):
        entry = kb.names.get(span.kb_id_)
        if entry is None or not entry.country or _stance_prefix(span):
            continue  # "an anti-Syria journalist" is not Syrian
        if span.kb_id_ in kb.shared_institutions:
            continue  # "the Senate" says nothing about which country the story is about
        if entry.kind in COUNTRY_NAME_KINDS or entry.kind in ("person", "org"):
            found.append((span.start, entry.country))
    return found


def _name_countries(kb: ActorKB, tokens: list[Token]) -> list[tuple[int, str]]:
    """(token index, country) for each dictionary name among the tokens."""
    if not tokens:
        return []
    wanted = {t.i for t in tokens}
    return [(i, c) for i, c in _name_index(kb, tokens[0].doc) if i in wanted]


def _names_covered(doc: Doc) -> set[int]:
    """Token indices inside any dictionary name (once per coded document)."""
    return remembered(
        doc,
        "names-covered",
        lambda: {i for span in doc.spans.get(NAMES_GROUP, []) for i in range(span.start, span.end)},
    )


def _place_countries(sent: Span, tokens: set[int], lookup: Lookup) -> list[tuple[int, str]]:
    out = []
    for ent in sent_ents(sent):
        if ent.label_ not in _PLACE_LABELS or ent.start not in tokens:
            continue
        if not _placed(ent.root):
            continue  # "Kenzo Oshima" tagged GPE is not the town of Oshima
        country = place_country(ent.text, lookup)
        if country:
            out.append((ent.start, country))
    return out


_LOCATIVE = {
    "in", "at", "near", "into", "from", "inside", "outside", "across", "throughout", "of",
    "around", "through", "along", "within", "off", "toward", "towards",
}  # fmt: skip


def _placed(head: Token) -> bool:
    """A place name used as a place: the object of a locative preposition, or its modifier
    ("in Montenegro province", "the town of Gorazde")."""
    if head.dep_ in ("compound", "amod", "poss", "appos"):
        head = head.head
    return head.dep_ == "pobj" and head.head.lower_ in _LOCATIVE


def phrase_country(head: Token, kb: ActorKB, lookup: Lookup) -> str | None:
    """A country named inside the phrase headed by ``head``, nearest the head first."""
    store = memo(head.doc)
    key = ("phrase-country", head.i, id(kb), lookup)
    if key not in store:
        store[key] = _phrase_country(head, kb, lookup)
    return store[key]


def _phrase_country(head: Token, kb: ActorKB, lookup: Lookup) -> str | None:
    tokens = [t for t in subtree(head) if t.i != head.i]
    found = _name_countries(kb, tokens)
    if not found:
        found = _place_countries(sentence_of(head), {t.i for t in tokens}, lookup)
    if not found:
        return None
    return min(found, key=lambda item: abs(item[0] - head.i))[1]


def sentence_country(sent: Span, kb: ActorKB, lookup: Lookup) -> str | None:
    """The one country a sentence names, or None when it names none or several."""
    countries = sentence_countries(sent, kb, lookup)
    return next(iter(countries)) if len(countries) == 1 else None


def countries_named_before(token: Token, kb: ActorKB) -> list[str]:
    """The countries the dictionary names of ``token``'s sentence give before it."""
    sent = sentence_of(token)
    return [c for i, c in _name_index(kb, token.doc) if sent.start <= i < token.i]


def sentence_countries(sent: Span, kb: ActorKB, lookup: Lookup) -> frozenset[str]:
    """The countries a sentence names, by an actor's name or a place's."""
    store = memo(sent.doc)
    key = ("sentence-countries", sent.start, sent.end, id(kb), lookup)
    if key in store:
        return store[key]
    names = [(i, c) for i, c in _name_index(kb, sent.doc) if sent.start <= i < sent.end]
    covered = _names_covered(sent.doc)
    places = [
        (i, c)
        for i, c in _place_countries(sent, set(range(sent.start, sent.end)), lookup)
        if i not in covered
    ]
    store[key] = found = frozenset(c for _, c in names + places)
    return found


def document_country(doc: Doc, kb: ActorKB) -> str | None:
    """The country an article is about, when one clearly dominates its named actors.

    Reports name their main country again and again ("Comoros ... Comoran army ... Anjouan's
    capital"); the unnamed actors of such a report ("the military", "troops", "the
    spokesman") belong to it far more often than not.  A country counts when it is named at
    least twice and at least twice as often as the runner-up.
    """
    counts = Counter(country for _, country in _name_index(kb, doc))
    ranked = counts.most_common(2)
    if not ranked or ranked[0][1] < 2:
        return None
    if len(ranked) > 1 and ranked[0][1] < 2 * ranked[1][1]:
        return None
    return ranked[0][0]


# Mentions the resolver recognised as people or groups of people, with no country yet.
_PARTY_RESOLUTIONS = frozenset({"unknown-person", "person-dictionary", "agent", "coreference"})
_PARTY_ENTITIES = frozenset({"PERSON", "ORG", "NORP", "GPE"})
# Prototypes for the word-vector test below: nouns for parties, nouns for acts and states.
_PARTY_WORDS = (
    "people supporters protesters officials soldiers residents group members "
    "leaders activists workers students villagers civilians refugees fighters"
)
_THING_WORDS = (
    "operation move decision attack conclusions killings plan situation process "
    "efforts request concerns violence measures policy crisis agreement law"
)
# Nearer parties than things at all (no margin): a noun no entity type or dictionary marks.
_PARTIES = Contrast(_PARTY_WORDS, _THING_WORDS, cache=20_000)


def is_actor_mention(ref: ActorRef, doc: Doc) -> bool:
    """Whether a target mention names a party (a person, group or organisation) rather than an
    act, a thing or a state of affairs ("the operation", "the killings", "efforts").

    Dictionary people and sector nouns count; otherwise the mention's head entity type, and
    failing that, whether its head noun's meaning (static word vector) is nearer to nouns
    for people and groups than to nouns for acts and things."""
    if ref.resolution in _PARTY_RESOLUTIONS or ref.sector:
        return True
    if ref.start is None:
        return False
    span = doc.char_span(ref.start, ref.end, alignment_mode="expand")
    if span is None:
        return False
    head = span.root
    if head.ent_type_ in _PARTY_ENTITIES or head.pos_ == "PROPN":
        return True
    if head.pos_ == "PRON":
        return head.lower_ not in ("it", "this", "that", "which")
    return _PARTIES(head.lemma_.lower())


def with_context_country(ref: ActorRef, country: str) -> ActorRef:
    """The target placed in ``country``; a bare mention becomes that country's actor."""
    code = country + ref.sector if ref.sector else country
    return replace(ref, country=country, code=code, resolution="context")


def country_target(country: str, kb: ActorKB) -> ActorRef:
    """A target with no mention of its own: the country the sentence is about."""
    name = kb.country_name(country) or country
    return ActorRef("", name, country, None, country, None, None, "context")
