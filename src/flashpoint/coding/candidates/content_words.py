"""What a complement is about: the content kinds and domains of the words under its heads
("send food aid" names humanitarian aid, "end the truce" yielding on a ceasefire), read
nearest first and memoised per lexicon.
"""

from __future__ import annotations

from weakref import WeakKeyDictionary

from spacy.tokens import Token

from ...nlp.docmemo import children
from .complement_clauses import TRANSPARENT_VERBS
from .complements import CONTENT_DOMAINS, CONTENT_KINDS
from .event_nouns import noun_lemmas
from .lexicon import Lexicon

__all__ = ["content_words"]

# Dependents a complement's content is read through, nearest first: objects, then
# modifiers, then phrases and nested clauses.  Adverbial and relative clauses are other events.
_CONTENT_DEPS = {
    "dobj": 0,
    "nsubjpass": 0,
    "attr": 0,
    "oprd": 0,
    "pobj": 0,
    "pcomp": 0,
    "compound": 1,
    "amod": 1,
    "nmod": 1,
    "dative": 2,
    "prep": 2,
    "xcomp": 2,
    "acl": 3,
    "ccomp": 3,
    "conj": 4,
    "nsubj": 5,
}
_CONTENT_LIMIT = 30
_VERB_DOMAIN_CLASSES = frozenset(
    c for c, _ in CONTENT_DOMAINS if c.startswith("@C_") or c in ("@RELEASE", "@TALKS")
)


def content_words(lexicon: Lexicon, heads: list[Token]) -> list[tuple[set[str], set[str]]]:
    """(kinds, domains) of the content words under ``heads``, nearest first (breadth first)."""
    out: list[tuple[set[str], set[str]]] = []
    queue = list(heads)
    seen = {h.i for h in heads}
    while queue and len(seen) <= _CONTENT_LIMIT:
        token = queue.pop(0)
        if token.pos_ in ("NOUN", "PROPN"):
            lemmas = noun_lemmas(token, lexicon)
        else:
            lemmas = [token.lemma_.lower()]
        kinds = set()
        if not (token.pos_ == "VERB" and lemmas[0] in TRANSPARENT_VERBS):
            member = [_content_classes(lexicon, x) for x in lemmas]
            kinds = {k for c, k in CONTENT_KINDS for m in member if c in m}
        domains: set[str] = set()
        # "grant more rights" is not a grant, "aid the rebels" not aid: verbs are read
        # through the content classes and the event classes that name acts.
        verb = token.pos_ == "VERB"
        for x in lemmas:
            # The most specific class of the most specific lemma ("military aid" before "aid").
            hit = _content_domain(lexicon, x, verb)
            if hit is not None:
                domains.add(hit)
                break
        if kinds or domains:
            out.append((kinds, domains))
        dependents = sorted(
            (c for c in children(token) if c.dep_ in _CONTENT_DEPS and c.i not in seen),
            key=lambda c: (_CONTENT_DEPS[c.dep_], c.i),
        )
        for child in dependents:
            seen.add(child.i)
            queue.append(child)
    return out


_VERB_CONTENT_DOMAINS = tuple((c, d) for c, d in CONTENT_DOMAINS if c in _VERB_DOMAIN_CLASSES)
_CONTENT_CLASSES = frozenset(c for c, _ in CONTENT_KINDS)
# Per lexicon, what content_words reads off a lemma: the same few hundred lemmas come up in
# every article, and each lookup tries some thirty classes.
_CONTENT_MEMO: WeakKeyDictionary[Lexicon, dict[tuple, object]] = WeakKeyDictionary()


def _content_classes(lexicon: Lexicon, lemma: str) -> frozenset[str]:
    """The CONTENT_KINDS classes ``lemma`` belongs to."""
    memo = _CONTENT_MEMO.setdefault(lexicon, {})
    key = ("kinds", lemma)
    if key not in memo:
        memo[key] = frozenset(c for c in _CONTENT_CLASSES if lexicon.in_class(lemma, c))
    return memo[key]  # type: ignore[return-value]


def _content_domain(lexicon: Lexicon, lemma: str, verb: bool) -> str | None:
    """The domain of the first CONTENT_DOMAINS class holding ``lemma`` (for a verb, only the
    classes that name acts)."""
    memo = _CONTENT_MEMO.setdefault(lexicon, {})
    key = ("domain", lemma, verb)
    if key not in memo:
        classes = _VERB_CONTENT_DOMAINS if verb else CONTENT_DOMAINS
        memo[key] = next((d for c, d in classes if lexicon.in_class(lemma, c)), None)
    return memo[key]  # type: ignore[return-value]
