"""Two actors named by coordinated modifiers of one head noun: "UK and EU negotiators".

The small parser often reads such a pair not as a coordination but as two separate modifiers
of the noun ("UK" nmod, "and" hanging off it, "EU" compound), so the noun phrase resolves to
the modifier nearest the noun alone.  Each modifier names an actor of its own, and each keeps
its own mention: the first its name, the second its name with the shared noun.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Token

from ...actors.resolve import DocActors
from ...nlp.docmemo import children, doc_text
from ...records import ActorRef
from .parties import same_actor

__all__ = ["split_shared_head"]

_MODIFIERS = ("compound", "nmod", "amod")
_NAMES = ("PROPN", "ADJ")


def _pair(head: Token) -> tuple[Token, Token, Token] | None:
    """The two coordinated modifiers before ``head``, and the word naming the first."""
    for first in children(head):
        if first.i >= head.i or first.dep_ not in _MODIFIERS or first.pos_ not in _NAMES:
            continue
        cc = next((c for c in children(first) if c.dep_ == "cc" and c.i > first.i), None)
        if cc is None or cc.lower_ not in ("and", "or"):
            continue
        # "British and EU negotiators" parses as a coordination of the modifiers; "UK and EU
        # negotiators" as two modifiers of the noun.
        siblings = [*children(first), *children(head)]
        second = next(
            (c for c in siblings if c.dep_ in (*_MODIFIERS, "conj") and c.left_edge.i == cc.i + 1),
            None,
        )
        if second is not None and second.pos_ in _NAMES:
            return first, second, first
    return _titled_pair(head)


def _titled_pair(head: Token) -> tuple[Token, Token, Token] | None:
    """ "US President Donald Trump and Turkish President Recep Tayyip Erdogan spoke": the
    parser hangs the first titled name off the second's title ("President" compound of
    "Erdogan", "Trump" its apposition, the second "President" a conjunct of "Trump"), so the
    whole phrase reads as one person."""
    for first in children(head):
        if first.i >= head.i or first.dep_ != "compound" or first.pos_ != "PROPN":
            continue
        for name in children(first):
            if name.dep_ != "appos" or name.i <= first.i:
                continue
            cc = next((c for c in children(name) if c.dep_ == "cc" and c.lower_ == "and"), None)
            second = next((c for c in children(name) if c.dep_ == "conj"), None)
            if (
                cc is not None
                and second is not None
                and second.pos_ == "PROPN"
                and second.left_edge.i == cc.i + 1
            ):
                return first, second, name
    return None


def split_shared_head(head: Token, refs: list[ActorRef], actors: DocActors) -> list[ActorRef]:
    if len(refs) != 1 or refs[0].start is None:
        return refs
    pair = _pair(head)
    if pair is None:
        return refs
    first, second, name = pair
    named = [r for r in actors.resolve(name) if r.code and not same_actor(r, refs[0])]
    if len(named) != 1 or refs[0].start > first.idx:
        return refs
    last = head.doc[second.left_edge.i - 2]  # the word before "and"
    lo, hi = first.left_edge.idx, last.idx + len(last.text)
    text = doc_text(head.doc)
    own = replace(named[0], text=text[lo:hi], start=lo, end=hi)
    start = second.left_edge.idx
    rest = replace(refs[0], text=text[start : refs[0].end], start=start)
    return [own, rest]
