"""A judged act refers back to the act the story reported, and to its author.

"The operation was condemned by members of the European Union", "we join our partners in
our strong condemnation of the attack": the operation and the attack are no party, but a
party did them, and the story named it where it reported them ("Turkey began a military
offensive", "Iran conducted the attack").  A condemnation, accusation or rejection of such
an act is directed at its author, as a reader takes it; the country the discourse happens to
mention most (target_context) is often the victim's instead.

Only a definite reference to violence or coercion counts ("the operation", "this attack",
"these killings"): "condemned attacks on civilians" speaks of acts in general, and "the
regime's executions" names its author itself.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from spacy.tokens import Token

from ...nlp.docmemo import children
from ...records import ActorRef, Event
from ..candidates.event_nouns import noun_lemmas
from ..candidates.lexicon import Lexicon
from ..candidates.predicate import Predicate

__all__ = ["JUDGING_ROOTS", "author_of_judged_act", "judged_act"]

# Disapprove (11) and reject (12): the acts whose object may be another's act.
JUDGING_ROOTS = frozenset({"11", "12"})
# Coercion and violence: the acts a judgement refers back to.
_ACT_ROOTS = frozenset({"17", "18", "19", "20"})
# Nouns for an operation whose kind the lexicon cannot tell from the word alone.
_OPERATION_NOUNS = frozenset({"operation", "offensive", "campaign", "incursion", "crackdown"})
_DEFINITE = frozenset({"the", "this", "that", "these", "those", "such"})


def judged_act(predicate: Predicate, lexicon: Lexicon) -> Token | None:
    """The definite act noun a judgement is about ("condemned the operation"), if any."""
    if predicate.root not in JUDGING_ROOTS:
        return None
    heads = [predicate.trigger, *predicate.targets]
    for head in heads:
        for noun in [head, *(o for c in children(head) if c.dep_ == "prep" for o in children(c))]:
            if noun.pos_ == "NOUN" and _refers_to_act(noun, lexicon):
                return noun
    return None


def author_of_judged_act(act: Token, earlier: Sequence[Event], source: ActorRef) -> ActorRef | None:
    """The author of the last act of violence or coercion the story reported before ``act``,
    as the mention of ``act``: any party placed in a country (an unnamed attacker too, as
    CAMEO codes "condemned the bombing" by persons unknown), the judge itself excepted."""
    for event in reversed(earlier):
        author = event.source
        if event.cameo.root not in _ACT_ROOTS or not author.country:
            continue
        if author.code == source.code:
            continue  # one's own act: not the judge's target
        phrase = act.doc[act.left_edge.i : act.i + 1]
        return replace(
            author,
            text=phrase.text,
            start=phrase.start_char,
            end=phrase.end_char,
            resolution="coreference",
        )
    return None


def _refers_to_act(noun: Token, lexicon: Lexicon) -> bool:
    determiners = [c for c in children(noun) if c.dep_ == "det"]
    if not determiners or determiners[0].lower_ not in _DEFINITE:
        return False
    if any(c.dep_ == "poss" for c in children(noun)):
        return False  # "the regime's executions": its author is named
    if any(c.dep_ == "prep" and c.lower_ == "by" for c in children(noun)):
        return False
    lemma = noun.lemma_.lower()
    if lemma in _OPERATION_NOUNS:
        return True
    for word in noun_lemmas(noun, lexicon):
        match = lexicon.match("N", word)
        if match is not None and match.pattern.code[:2] in _ACT_ROOTS:
            return True
    return False
