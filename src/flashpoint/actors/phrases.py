"""Noun-phrase extent for actor resolution.

An actor phrase is the head noun plus its pre-modifiers, compounds, possessors and appositions,
and an "of"/"for" phrase after a title ("the president of France", "a spokesman for Abbas").
Relative clauses and other prepositional phrases are left out: in "officials in Hungary" the
place is a location, and in "talks with Syria" the prepositional object is a separate argument.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Token

from ..nlp.docmemo import children

__all__ = ["np_tokens"]

_INSIDE = {
    "compound", "amod", "det", "poss", "nmod", "appos", "nummod", "flat", "quantmod",
    "case", "predet", "npadvmod", "punct", "cc", "conj",
}  # fmt: skip
_TITLE_PREPS = ("of", "for", "from")


def np_tokens(
    head: Token,
    *,
    with_appos: bool = True,
    with_preps: bool = True,
    actor_like: Callable[[Token], bool] | None = None,
) -> list[Token]:
    """Tokens of the actor phrase headed by ``head``, in document order.

    ``with_appos=False, with_preps=False`` gives the core phrase ("Nabil Abu Rudeineh");
    the full phrase adds appositions and of/for phrases ("..., a spokesman for Palestinian
    President Mahmoud Abbas"), which supply country and sector but never the name.
    ``actor_like`` (when given) keeps an of/for/from phrase only if its object looks like an
    actor, so "accused the military of mass slaughter" stops at "the military".
    """
    out = {head.i: head}
    stack = [(head, 0)]
    while stack:
        token, depth = stack.pop()
        for child in children(token):
            dep = child.dep_
            # Coordination of the head itself ("Egypt and Qatar") is split by the caller;
            # coordination inside a modifier ("Hungarian and Romanian officials") stays.
            if dep in ("conj", "cc") and token.i == head.i:
                continue
            if dep == "punct" and child.text not in ("-", "'", "’"):
                continue
            if dep == "appos" and (
                not with_appos or not _adjacent(token, child) or not _describes(token, child)
            ):
                continue
            title_prep = (
                with_preps and dep == "prep" and child.lower_ in _TITLE_PREPS and depth <= 1
            )
            if title_prep and actor_like is not None:
                objects = [g for g in children(child) if g.dep_ == "pobj"]
                title_prep = bool(objects) and actor_like(objects[0])
            if dep in _INSIDE or title_prep or (dep == "pobj" and token.dep_ == "prep"):
                out[child.i] = child
                stack.append((child, depth + 1))
    return [out[i] for i in sorted(out)]


def _describes(token: Token, appos: Token) -> bool:
    """An apposition that can describe the noun: not a count ("the Maradi region, some 7,660")
    and not a person's name after a country ("troops from Syria, Defence Minister Sergei
    Shoigu said"), which is the speaker of a clause the parser folded in."""
    if appos.pos_ == "NUM":
        return False
    return not (token.ent_type_ == "GPE" and appos.ent_type_ == "PERSON")


def _adjacent(token: Token, appos: Token) -> bool:
    """An apposition follows its noun, separated only by the noun's own modifiers and commas.

    A misparse can hang an apposition on a subject across its verb ("Serbia eased curbs in
    Montenegro province, the scene of ..."): the words between then belong to the clause.
    """
    lo, hi = sorted((token.i, appos.left_edge.i if appos.i > token.i else appos.right_edge.i))
    doc = token.doc
    for i in range(lo + 1, hi):
        between = doc[i]
        if between.is_punct or between.is_ancestor(appos):
            continue
        if not token.is_ancestor(between):
            return False
    return True
