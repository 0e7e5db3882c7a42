"""Argument slots that name the other party better than the first target head does.

- A complaint or accusation is directed at what it is *about*, not at whom it is made to:
  "Lebanon complained to the UN over Israeli air raids" is Lebanon -> Israel (CAMEO 114).
- Withdrawing, recalling or evacuating people *from* a place, and receiving or requesting
  something *from* someone, is directed at that place or giver: "withdrew its inspectors from
  Iraq", "received a team of observers from the OSCE".
- Seeking refuge or asylum *in* a country is a request to that country: "sought refuge in
  Germany".
- Acting "in defiance of" / "in protest at" someone is directed at them: "marched in Hong Kong
  in defiance of the Chinese authorities".
- An event with no target borrows the one of an event in its own subordinate clause with the
  same source (see ``borrow_subordinate_targets``).
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Token

from ...nlp.docmemo import subtree
from ...records import ActorRef, Event
from ..candidates.predicate import Predicate
from ..syntax import direct_objects, prep_phrases
from .target_context import needs_country

__all__ = ["borrow_subordinate_targets", "counterpart_heads"]

# Disapproval (CAMEO 11): the grievance phrase outranks the addressee.
_GRIEVANCE_ROOTS = {"11"}
_GRIEVANCE_PREPS = {"over", "about", "against", "at", "regarding", "concerning"}
# Verbs whose "from" phrase names the counterpart: the place left or the giver.
_FROM_VERBS = frozenset("withdraw pull recall evacuate receive accept seek request obtain".split())
_SEEK_VERBS = frozenset("seek request ask apply find take".split())
_REFUGE_NOUNS = frozenset("asylum refuge shelter sanctuary".split())
# "in defiance of X", "in protest at X", "in protest against X", "in opposition to X".
_STANCE_NOUNS = {"defiance", "protest", "opposition", "retaliation", "response"}
_STANCE_PREPS = {"of", "at", "against", "to", "over", "for"}


def _hosts(predicate: Predicate) -> list[Token]:
    """The trigger, the tokens folded into it, and the nouns of its direct objects."""
    trigger = predicate.trigger
    hosts = [trigger, *(t for t in predicate.trigger_tokens if t != trigger)]
    if trigger.pos_ == "VERB":
        hosts += [t for o in direct_objects(trigger) for t in subtree(o) if t.pos_ == "NOUN"]
    return list(dict.fromkeys(hosts))


def _grievances(predicate: Predicate) -> list[Token]:
    if predicate.root not in _GRIEVANCE_ROOTS:
        return []
    addressed = any(
        t.dep_ == "pobj" and t.head.lower_ == "to" and t.head.head == predicate.trigger
        for t in predicate.targets
    )
    if not addressed:
        return []  # only an addressee is outranked; a direct object stays the target
    trigger = predicate.trigger
    return [o for p, o in prep_phrases(trigger) if p in _GRIEVANCE_PREPS]


def _givers(predicate: Predicate) -> list[Token]:
    if predicate.trigger.lemma_.lower() not in _FROM_VERBS:
        return []
    return [o for host in _hosts(predicate) for p, o in prep_phrases(host) if p == "from"]


def _refuge(predicate: Predicate) -> list[Token]:
    """ "sought refuge in Germany", "applied for asylum in Sweden": the host is asked."""
    if predicate.trigger.lemma_.lower() not in _SEEK_VERBS:
        return []
    hosts = _hosts(predicate)
    if not any(h.lemma_.lower() in _REFUGE_NOUNS for h in hosts):
        return []
    return [o for host in hosts for p, o in prep_phrases(host) if p == "in"]


def _stances(predicate: Predicate) -> list[Token]:
    out = []
    for prep, noun in prep_phrases(predicate.trigger):
        if prep != "in" or noun.lemma_.lower() not in _STANCE_NOUNS:
            continue
        out += [o for p, o in prep_phrases(noun) if p in _STANCE_PREPS]
    return out


def counterpart_heads(predicate: Predicate) -> list[Token]:
    """Heads that name the event's other party ahead of the ordinary target slots."""
    heads = [
        *_grievances(predicate),
        *_givers(predicate),
        *_refuge(predicate),
        *_stances(predicate),
    ]
    return [h for h in dict.fromkeys(heads) if h not in predicate.sources]


# Clause links through which a subordinate event spells out whom the main one is aimed at.
_EMBEDDING_DEPS = {"xcomp", "advcl", "ccomp", "pcomp", "acl"}


def _embedded(inner: Token, outer: Token) -> bool:
    """True when ``inner`` sits in a clause under ``outer`` (not a coordinated one)."""
    current, embedding = inner, False
    while current.i != outer.i:
        if current.dep_ == "conj" or current.head.i == current.i:
            return False
        embedding = embedding or current.dep_ in _EMBEDDING_DEPS
        current = current.head
    return embedding


def borrow_subordinate_targets(
    coded: list[tuple[Predicate, list[Event]]],
) -> list[tuple[Predicate, list[Event]]]:
    """An event with no target (or an unplaced one) takes the target of an event in its own
    subordinate clause with the same source: "Norway is willing to send material to help
    defend Saudi Arabia" is aimed at Saudi Arabia, "rebels vowed to fight until they control
    the border villages of Macedonia" at Macedonia.  Confidence is unchanged."""
    out = []
    for predicate, events in coded:
        updated = []
        for event in events:
            if needs_country(event.target):
                donor = _subordinate_target(predicate, event, coded)
                if donor is not None:
                    event = replace(event, target=donor)
            updated.append(event)
        out.append((predicate, updated))
    return out


def _subordinate_target(
    predicate: Predicate, event: Event, coded: list[tuple[Predicate, list[Event]]]
) -> ActorRef | None:
    for other, events in coded:
        if other is predicate or other.trigger.i in predicate.chain:
            continue
        if not _embedded(other.trigger, predicate.trigger):
            continue
        for candidate in events:
            target = candidate.target
            if (
                candidate.source.code == event.source.code
                and candidate.source.name == event.source.name
                and target is not None
                and not needs_country(target)
                and target.code != event.source.code
            ):
                return target
    return None
