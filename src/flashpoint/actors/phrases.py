"""Noun-phrase extent for actor resolution.

An actor phrase is the head noun plus its pre-modifiers, compounds, possessors and appositions,
and an "of" phrase after a title ("the president of France").  Relative clauses and other
prepositional phrases are left out: in "officials in Hungary" the place is a location, and in
"talks with Syria" the prepositional object is a separate argument.
"""

from __future__ import annotations

from spacy.tokens import Token

__all__ = ["np_tokens"]

_INSIDE = {
    "compound",
    "amod",
    "det",
    "poss",
    "nmod",
    "appos",
    "nummod",
    "flat",
    "quantmod",
    "case",
    "predet",
    "npadvmod",
    "punct",
    "cc",
    "conj",
}


def np_tokens(head: Token, *, with_appos: bool = True) -> list[Token]:
    """Tokens of the actor phrase headed by ``head``, in document order."""
    out = {head.i: head}
    stack = [(head, 0)]
    while stack:
        token, depth = stack.pop()
        for child in token.children:
            dep = child.dep_
            # Coordination of the head itself ("Egypt and Qatar") is split by the caller;
            # coordination inside a modifier ("Hungarian and Romanian officials") stays.
            if dep in ("conj", "cc") and token is head:
                continue
            if dep == "punct" and child.text not in ("-", "'", "’"):
                continue
            if dep == "appos" and not with_appos:
                continue
            if (
                dep in _INSIDE
                or (dep == "prep" and child.lower_ == "of" and depth == 0)
                or (dep == "pobj" and token.dep_ == "prep")
            ):
                out[child.i] = child
                stack.append((child, depth + 1))
    return [out[i] for i in sorted(out)]
