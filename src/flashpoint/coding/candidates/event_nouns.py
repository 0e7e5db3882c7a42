"""Looking event nouns up in the lexicon: the lemmas a noun is known by, quantities looked
through to what they quantify ("part of the aid programme"), and noun matches with their
prepositional phrases.
"""

from __future__ import annotations

from spacy.tokens import Token

from ...nlp.docmemo import children
from .lexicon import Lexicon, Match

__all__ = ["match_noun", "noun_lemmas", "prep_pairs", "through_partitive"]

# Quantity nouns looked through to what they quantify: "suspended part of a military aid
# programme" suspends aid, "captured most of the town" captures the town.
_PARTITIVES = frozenset(
    """part portion some most much all half rest bulk share many majority remainder section
    parts third quarter fraction none
    ton tonne kg kilogram kilo pound litre liter barrel gallon lot amount quantity worth
    shipment consignment load cargo batch number dozen dozens hundreds thousands team mission
    contingent group unit detachment day week month hour round series wave spate string
    volley barrage package set kind member members""".split()
)
# (the second group are quantities and collections: "700 kg of medicine", "a team of
# inspectors", "10 days of war games", "a new round of talks", "a wave of air strikes")


def noun_lemmas(token: Token, lexicon: Lexicon) -> list[str]:
    """The lemmas a noun can be looked up under, most specific first.

    "war games" -> ["war game", "game"]; "mediation efforts" -> ["mediation effort", "effort",
    "mediation"]: a two-word phrase first, then the head, then, for a semantically empty head
    (@GENERIC: effort, operation, programme ...), its modifiers, which carry the meaning.
    """
    lemma = token.lemma_.lower()
    modifiers = [
        c
        for c in children(token)
        if c.dep_ in ("compound", "amod", "nmod") and c.i < token.i and c.is_alpha
    ]
    out = [f"{m.lemma_.lower()} {lemma}" for m in modifiers]
    out.append(lemma)
    if lexicon.in_class(lemma, "@GENERIC"):
        for m in modifiers:
            if m.pos_ not in ("NOUN", "PROPN", "ADJ", "VERB"):
                continue
            # "a military aid programme": the modifier's own phrase first ("military aid").
            inner = [
                f"{c.lemma_.lower()} {m.lemma_.lower()}"
                for c in children(m)
                if c.dep_ in ("compound", "amod") and c.i < m.i and c.is_alpha
            ]
            out += [x for x in [*inner, m.lemma_.lower()] if x not in out]
    return out


def through_partitive(token: Token) -> Token:
    """ "part of a military aid programme" -> "programme", "hundreds of thousands of people"
    -> "people"; any other token is itself."""
    for _ in range(3):
        if token.lemma_.lower() not in _PARTITIVES and not _counting(token):
            return token
        pobj = next(
            (
                g
                for child in children(token)
                if child.dep_ == "prep" and child.lower_ == "of"
                for g in children(child)
                if g.dep_ == "pobj" and g.pos_ in ("NOUN", "PROPN")
            ),
            None,
        )
        if pobj is None:
            return token
        token = pobj
    return token


# Quantifiers that pick members out of a group: "several of the protesters", "each of them".
_QUANTIFIERS = frozenset("several each both few either any one".split())


def _counting(token: Token) -> bool:
    """A number or quantifier heading a partitive: "two of the soldiers", "several of them"."""
    return token.pos_ == "NUM" or token.lower_ in _QUANTIFIERS


def match_noun(
    lexicon: Lexicon, token: Token, preps: list[tuple[str, str | None]] = ()
) -> Match | None:
    for lemma in noun_lemmas(token, lexicon):
        if lexicon.has("N", lemma):
            match = lexicon.match("N", lemma, preps=preps)
            if match is not None:
                return match
    return None


def prep_pairs(preps: list[tuple[str, Token]]) -> list[tuple[str, str | None]]:
    return [(p, o.lemma_.lower()) for p, o in preps]
