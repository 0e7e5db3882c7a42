"""Mention extents of event arguments: which stretch of text a reader would mark as the target.

The actor a target resolves to is often named inside a larger phrase that is the argument
itself: "rejected a request from the New York Times" is directed at the newspaper, and what was
rejected, the mention, is the request.  These helpers set an :class:`ActorRef`'s character
span to the phrase a reader would mark, without touching what it resolved to:

- the proposal a target authored ("X's request", "a request from X"), for rejections, appeals
  and cooperation, where the proposal is what is acted on;
- a coordinated list that names one actor ("the commander and four of his aides");
- the place phrase of a target read off a place ("northern Mexico"), or the thing located
  there ("a military vehicle in Myanmar's Rakhine State");
- for a target whose country was read off the sentence, the phrase naming that country.
"""

from __future__ import annotations

from dataclasses import replace
from itertools import pairwise

from spacy.tokens import Doc, Span, Token

from ...actors.kb import COUNTRY_NAME_KINDS, ActorKB
from ...nlp.docmemo import children, doc_text, sent_ents
from ...nlp.extensions import NAMES_GROUP
from ...records import ActorRef
from .target_context import Lookup

__all__ = [
    "context_mention",
    "place_mention",
    "with_coordination",
    "with_owned_noun",
    "with_possessed",
    "with_restrictive_modifiers",
]

# Dependency labels of a noun that is itself an argument even when the tagger calls it a verb
# ("rejected Theresa May's offer" with "offer" tagged VERB).
_ARGUMENT_DEPS = {"dobj", "pobj", "nsubj", "nsubjpass", "attr", "appos", "conj"}


def _nominal(token: Token) -> bool:
    return token.pos_ in ("NOUN", "PROPN") or (
        token.pos_ == "VERB" and token.dep_ in _ARGUMENT_DEPS
    )


def _widen(ref: ActorRef, noun: Token) -> ActorRef:
    """The span from the noun phrase's first word to the end of the actor's own mention."""
    if ref.start is None or ref.end is None:
        return ref
    lo = min(noun.left_edge.idx, ref.start)
    hi = max(noun.idx + len(noun.text), ref.end)
    return replace(ref, text=doc_text(noun.doc)[lo:hi], start=lo, end=hi)


def with_owned_noun(ref: ActorRef, owner: Token) -> ActorRef:
    """An actor named as the author of an event noun is mentioned by the whole noun phrase:
    "a request from the New York Times", "the call of the European Parliament", "the reforms
    taken by the government" (the by-phrase of a participle on the noun).
    """
    prep = owner.head
    if owner.dep_ != "pobj" or prep.dep_ not in ("prep", "agent"):
        return ref
    noun = prep.head
    if noun.dep_ == "acl" and noun.pos_ == "VERB":
        noun = noun.head
    if not _nominal(noun) or noun.i > owner.i:
        return ref
    return _widen(ref, noun)


def with_possessed(ref: ActorRef, possessor: Token) -> ActorRef:
    """A target named as a possessor is mentioned by the whole phrase: "rejected the Croatian
    government's request" is directed at the government, and the mention is the request."""
    owned = possessor.head
    if not _nominal(owned) or owned.i < possessor.i:
        return ref
    return _widen(ref, owned)


# What may stand between two conjuncts of one list: "and", "or", "as well as", commas.
_LINKS = {"cc", "preconj", "advmod"}


def with_coordination(
    refs: list[ActorRef], extents: list[tuple[int, int]], head: Token
) -> list[ActorRef]:
    """An actor named by a coordinated phrase is mentioned by the whole phrase: "killed the
    rebel commander and four members of his family" is one target, marked as a reader marks
    it.  The caller passes a single actor: several actors each keep their own mention, since
    each becomes its own event.  ``extents`` are the character spans of the conjuncts that
    fill the role (named or not).  A coordination the parser stretched over other words ("the
    US of genocide and other abuses") is left alone.
    """
    if len(extents) < 2 or not refs:
        return refs
    doc = head.doc
    extents = sorted(set(extents))
    for (_, end), (start, _) in pairwise(extents):
        gap = doc.char_span(end, start, alignment_mode="expand") if start > end else None
        if gap is not None and not all(t.dep_ in _LINKS or t.is_punct for t in gap):
            return refs  # "accused the US of genocide and other abuses": no list of actors
    lo, hi = extents[0][0], max(end for _, end in extents)
    return [
        replace(r, text=doc_text(doc)[lo:hi], start=lo, end=hi) if r.start is not None else r
        for r in refs
    ]


# Nouns that name no one by themselves: who the people are is said by what follows them.
_BARE_GROUPS = frozenset(
    "people person family member victim resident civilian household survivor"
    " demonstrator protester worker fighter force".split()
)
_RESTRICTIVE = {"prep", "relcl", "acl"}


def with_restrictive_modifiers(ref: ActorRef, head: Token) -> ActorRef:
    """A bare group noun is mentioned with the phrases that say who is meant: "people in
    need in Darfur", "families who lost their homes", "residents living near the border"."""
    if ref.start is None or ref.end is None or head.lemma_.lower() not in _BARE_GROUPS:
        return ref
    if ref.start > head.idx or ref.end < head.idx + len(head.text):
        return ref  # the mention is of something else inside the phrase
    # A phrase set off by a comma ("some 1 million people, including in rural areas") is an
    # aside, not a restriction.
    after = [
        c
        for c in children(head)
        if c.dep_ in _RESTRICTIVE and c.i > head.i and not c.doc[c.left_edge.i - 1].is_punct
    ]
    if not after:
        return ref
    last = max(c.right_edge for c in after)
    while last.i > head.i and last.is_punct:
        last = last.doc[last.i - 1]
    hi = last.idx + len(last.text)
    if hi <= ref.end:
        return ref
    return replace(ref, text=doc_text(head.doc)[ref.start : hi], end=hi)


# Modifier links from a place name to the noun it describes: "Georgia's conflict zones",
# "the West Bank cities", "the Thailand border", "Myanmar's Rakhine State".
_PLACE_MODIFIER = {"poss", "compound", "amod", "nmod"}
_LOCATIVE = {"in", "near", "at", "inside", "across", "throughout", "around", "along"}


def place_mention(ref: ActorRef, doc: Doc, objects: list[Token], event: set[int]) -> ActorRef:
    """A target read off the place an event happened to is mentioned by the phrase naming that
    place ("northern Mexico", "Afghanistan's Faryab province"), and, when the place only locates
    the thing acted on, by that thing's phrase: "ambushed a military vehicle in Myanmar's Rakhine
    State", "destroyed positions in Saudi Arabia's Asir region".  ``objects`` are the
    predicate's argument heads: only they are things acted on; a phrase holding the trigger
    (``event``, token indices) names the event itself ("a ceasefire in Idlib") and stays out.
    """
    if ref.start is None or ref.end is None:
        return ref
    span = doc.char_span(ref.start, ref.end, alignment_mode="expand")
    if span is None:
        return ref
    noun = span.root
    while noun.dep_ in _PLACE_MODIFIER and noun.head.i > noun.i and noun.head.i not in event:
        noun = noun.head
    prep = noun.head
    if noun.dep_ == "pobj" and prep.lower_ in _LOCATIVE and prep.head.i < prep.i:
        owner = prep.head
        if owner in objects and owner.i not in event and _nominal(owner):
            noun = owner
    lo = min(noun.left_edge.idx, ref.start)
    hi = max(span.root.idx + len(span.root.text), ref.end, _phrase_end(noun, span.root))
    return replace(ref, text=doc_text(doc)[lo:hi], start=lo, end=hi)


def _phrase_end(noun: Token, place: Token) -> int:
    """End of the place's own noun phrase: the head noun the place name modifies, if after it."""
    current = place
    while current.i != noun.i and current.dep_ in _PLACE_MODIFIER and current.head.i > current.i:
        current = current.head
    return current.idx + len(current.text)


def context_mention(
    target: ActorRef | None,
    sent: Span,
    source: ActorRef,
    kb: ActorKB,
    lookup: Lookup,
    event: set[int],
) -> ActorRef | None:
    """A target read off the sentence's country ("Suharto resigned ... Indonesia") is pointed
    at by the first phrase there naming that country outside the source's own mention:
    "Peru", "the Brazilian government", "Amman".  A target with a mention keeps it."""
    if target is None or target.start is not None or not target.country:
        return target
    doc = sent.doc
    taken = range(source.start, source.end) if source.start is not None else range(0)
    candidates = [
        s
        for s in doc.spans.get(NAMES_GROUP, [])
        if sent.start <= s.start
        and s.end <= sent.end
        and (entry := kb.names.get(s.kb_id_)) is not None
        and entry.country == target.country
        and entry.kind in COUNTRY_NAME_KINDS
    ]
    candidates += [
        e
        for e in sent_ents(sent)
        if e.label_ in ("GPE", "LOC")
        and (found := lookup(e.text, (target.country,))) is not None
        and found.country == target.country
    ]
    for span in sorted(candidates, key=lambda s: s.start):
        if span.start_char in taken or span.end_char - 1 in taken:
            continue
        noun = span.root
        while (
            noun.dep_ in _PLACE_MODIFIER
            and noun.head.i > noun.i
            and noun.head.i not in event
            and noun.head.ent_type_ not in ("DATE", "TIME")  # "Amman April 2": no date
        ):
            noun = noun.head
        lo, hi = min(noun.left_edge.idx, span.start_char), max(noun.idx + len(noun), span.end_char)
        if lo in taken or hi - 1 in taken or (taken and lo < taken.start < hi):
            lo, hi = span.start_char, span.end_char
        return replace(target, text=doc_text(doc)[lo:hi], start=lo, end=hi)
    return target
