"""Mutual acts: events that CAMEO codes once in each direction.

Some acts take two parties who both perform them.  "Peru and Chile failed to reach agreement"
and "Peru and Chile violated the truce" are as mutual as "Peru and Chile signed a treaty": each
side is the other's counterpart, whatever root the act falls under (a failed negotiation is a
rejection, a broken truce an act of force).  And a meeting, negotiation or agreement *with*
someone is done by both: the codebook codes "X met Y", "X held talks with Y" and "X signed an
agreement with Y" as X->Y and Y->X.  Acts done *to* someone (a visit, a host, a phone call, a
gift) stay one-directional; they are not named by these words.
"""

from __future__ import annotations

from spacy.tokens import Token

from ..candidates.lexicon import Lexicon
from ..candidates.predicate import Predicate
from ..syntax import direct_objects, prep_phrases

__all__ = ["mutual_act", "symmetric_with", "topic_extents"]

# Word classes whose act needs both parties: an agreement or truce is kept or broken by both,
# a meeting or negotiation is held by both.
_MUTUAL_CLASSES = ("@AGREEMENT", "@CEASEFIRE", "@TALKS", "@MEETING")
_MUTUAL_VERBS = {"meet", "negotiate", "confer"}
# Roots whose mutual act with a named counterpart is coded in both directions: consultation,
# intent to meet or agree, diplomatic and material cooperation.  A rejected or broken agreement
# *with* someone (roots 12, 19) is one side's act against the other.
_SYMMETRIC_ROOTS = {"03", "04", "05", "06"}


# Verbs whose agreement object makes the act mutual: a truce is reached, kept or broken by
# both sides ("were guilty of violating the ceasefire agreement").
_KEEP_BREAK_VERBS = frozenset("reach violate breach break observe respect honour honor".split())


def _words(predicate: Predicate) -> list[Token]:
    words = [predicate.trigger, *predicate.trigger_tokens]
    for verb in list(words):
        if verb.pos_ == "VERB" and verb.lemma_.lower() in _KEEP_BREAK_VERBS:
            words += direct_objects(verb)
    return words


def mutual_act(predicate: Predicate, lexicon: Lexicon) -> bool:
    """The act is one two parties perform together: agreeing, meeting, a truce, talks."""
    for token in _words(predicate):
        lemma = token.lemma_.lower()
        if lemma in _MUTUAL_VERBS and token.pos_ == "VERB":
            return True
        if token.pos_ in ("NOUN", "PROPN") and any(
            lexicon.in_class(lemma, c) for c in _MUTUAL_CLASSES
        ):
            return True
    return False


def symmetric_with(predicate: Predicate, lexicon: Lexicon) -> bool:
    """A mutual act whose counterpart is coded as acting too ("X held talks with Y")."""
    return predicate.root in _SYMMETRIC_ROOTS and mutual_act(predicate, lexicon)


_TOPIC_PREPS = {"on", "about", "over", "regarding", "concerning"}


def topic_extents(predicate: Predicate, lexicon: Lexicon) -> list[tuple[int, int]]:
    """Character spans of what a mutual act is about: "agreed to share information on Iran",
    "failed to reach a deal over the border".  A country named there is the subject matter,
    not a third party.  Only agreement, talks and information nouns take a topic this way:
    "agreed to lift tariffs on American products" is directed at the products' country."""
    hosts = _words(predicate)
    for verb in [h for h in hosts if h.pos_ == "VERB"]:
        hosts += direct_objects(verb)
    out = []
    for host in dict.fromkeys(hosts):
        lemma = host.lemma_.lower()
        if not any(lexicon.in_class(lemma, c) for c in (*_MUTUAL_CLASSES, "@INTEL")):
            continue
        for prep, obj in prep_phrases(host):
            if prep in _TOPIC_PREPS:
                out.append((obj.left_edge.idx, obj.right_edge.idx + len(obj.right_edge.text)))
    return out
