"""Ranking the events of a sentence: which is the headline, and how confident each is.

The main assertion outranks what it frames: a demand's content, a purpose or participial
clause, a subordinate clause; a bare statement that frames another event is not coded.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import replace

from spacy.tokens import Token

from ...nlp.docmemo import children, subtree
from ...records import ActorRef, Event
from ..candidates.predicate import Predicate
from ..context.reporting import REPORTING_VERBS
from ..syntax import SUBORDINATORS, directive_governor, subordination

__all__ = [
    "demand_outranks_content",
    "event_confidence",
    "frames_other",
    "main_outranks_purpose",
    "purpose_governor",
    "report_yields_to_content",
]


Coded = list[tuple[Predicate, list[Event]]]


def _highest(
    coded: Coded, predicate: Predicate, related: Callable[[Predicate], bool]
) -> float | None:
    """The highest confidence among the events of the other predicates ``related`` selects."""
    return max(
        (
            e.confidence
            for other, other_events in coded
            if other is not predicate and related(other)
            for e in other_events
        ),
        default=None,
    )


def _ranked_below(events: list[Event], ceiling: float | None) -> list[Event]:
    """Events at or above ``ceiling`` drop just below it; the others keep their confidence."""
    if ceiling is None:
        return events
    return [
        replace(e, confidence=round(max(0.05, ceiling - 0.05), 2)) if e.confidence >= ceiling else e
        for e in events
    ]


def demand_outranks_content(coded: Coded) -> Coded:
    """The content clause of a coded demand or appeal ("demanded that its partners refuse to
    recognize X", "its demand that Israel ease restrictions") is what is asked for, not what
    happened: its events rank just below the demand's."""
    out = []
    for predicate, events in coded:
        governor = directive_governor(predicate.trigger) if events else None
        ceiling = None
        if governor is not None:
            ceiling = _highest(
                coded, predicate, lambda other, g=governor: g in other.trigger_tokens
            )
        out.append((predicate, _ranked_below(events, ceiling)))
    return out


# Links through which a clause serves the act that governs it: a purpose or participial clause
# ("began a hunger strike to demand ...", "demonstrated calling for ..."), a noun's infinitive
# ("defended the right of troops to fire") or a gerund under a preposition ("convicted Turkey
# for destroying ...").  Reported speech (ccomp), coordination and relative clauses are not.
_PURPOSE_LINKS = frozenset(
    "xcomp advcl acl dobj obj pobj prep pcomp attr oprd acomp npadvmod".split()
)


def purpose_governor(token: Token) -> Iterator[Token]:
    """The tokens above ``token`` reached only through purpose and complement links, nearest
    first; the caller checks which is another predicate's trigger."""
    current = token
    for _ in range(12):
        if current.dep_ == "ROOT" or current.head.i == current.i:
            return
        if current.dep_ not in _PURPOSE_LINKS:
            return
        if current.dep_ == "advcl":
            marks = {c.lower_ for c in children(current) if c.dep_ == "mark"}
            if marks & SUBORDINATORS:
                return
        current = current.head
        yield current


def main_outranks_purpose(coded: Coded) -> Coded:
    """The sentence's main assertion is its headline event: an act's purpose or participial
    clause ("blocked roads to press their demands", "demonstrated calling for independence",
    "rejected calls by Annan to adopt reforms") ranks just below the act that governs it.
    Folded complements ("threatened to attack") are part of their governor's own event, and
    reported speech (a ccomp) is not a purpose link, so both stay the main assertion."""
    triggers: dict[int, list[Event]] = {}
    for predicate, events in coded:
        if not events or (predicate.generic and predicate.root in ("01", "02")):
            continue  # "issued a declaration demanding ...": the bare statement frames it
        for token in predicate.trigger_tokens or [predicate.trigger]:
            triggers.setdefault(token.i, []).extend(events)
    out = []
    for predicate, events in coded:
        ceiling = None
        if events:
            own = {t.i for t in predicate.trigger_tokens or [predicate.trigger]}
            for governor in purpose_governor(predicate.trigger):
                if governor.i in own:
                    continue
                above = triggers.get(governor.i)
                if above:
                    ceiling = max(e.confidence for e in above)
                    break
        out.append((predicate, _ranked_below(events, ceiling)))
    return out


def _reports(verb: Token, token: Token) -> bool:
    """``token`` lies in a clause ``verb`` reports that comes before it ("X did Y, Z said")."""
    current = token
    for _ in range(12):
        if current.head.i == current.i:
            return False
        if current.head.i == verb.i:
            return current.dep_ in ("ccomp", "parataxis") and current.i < verb.i
        current = current.head
    return False


def report_yields_to_content(coded: Coded) -> Coded:
    """A sentence-final reporting clause ("Hungary offered its condolences to ..., the ministry
    informed the news agency") says how the news came out; the act it reports is the headline,
    so a reporting verb coded as an event of its own ranks just below what it reports."""
    out = []
    for predicate, events in coded:
        verb = predicate.trigger
        ceiling = None
        if events and verb.lemma_.lower() in REPORTING_VERBS:
            ceiling = _highest(coded, predicate, lambda other, v=verb: _reports(v, other.trigger))
        out.append((predicate, _ranked_below(events, ceiling)))
    return out


def frames_other(statement: Predicate, coded: Coded) -> bool:
    framed = {t.i for t in subtree(statement.trigger)}
    return any(
        other is not statement and events and other.trigger.i in framed for other, events in coded
    )


def event_confidence(predicate: Predicate, source: ActorRef, target: ActorRef | None) -> float:
    """A transparent score, not a probability: what evidence does this event rest on?

    Base 0.45; +0.05 per unit of pattern specificity (max 4); +0.15 when the source resolved
    to a country or organisation; +0.10 for a resolved target; -0.10 when an argument came from
    coreference; -0.10 for a generic family code; -0.05 for a source known only by sector.
    The main assertion of a sentence is its headline event: -0.15 for an event in an adverbial
    clause ("... as police cracked down", "unless Baghdad accepts"), -0.10 in a relative or
    participial noun modifier ("a jet carrying monitors"), -0.05 in a free participle, -0.15 in
    the content clause of a demand or appeal ("demanded that Sudan end curbs").
    """
    score = 0.45 + 0.05 * min(predicate.pattern.specificity, 4)
    if predicate.folded:
        score += 0.05
    if source.country or (source.code and source.code[:3] in ("IGO", "NGO", "IMG")):
        score += 0.15
    elif source.resolution == "agent":
        score -= 0.05
    if target is not None and (target.country or target.code):
        score += 0.10
    if "coreference" in (source.resolution, target.resolution if target else None):
        score -= 0.10
    if predicate.generic:
        score -= 0.10
    score -= _SUBORDINATE_PENALTY.get(subordination(predicate.trigger), 0.0)
    return round(min(0.95, max(0.05, score)), 2)


_SUBORDINATE_PENALTY = {
    "adverbial": 0.15,
    "complement": 0.15,
    "relative": 0.10,
    "participial": 0.05,
}
