"""A headline that only names an act takes its agent from the story's report of that act.

"Designations of ISIS Leaders in Somalia", "Attack on Mercer Street Vessel", "Execution of
Burma's Pro-Democracy Leaders": a noun-phrase headline states the story's main act without
saying who did it; the lead does ("the United States is designating ...", "Iran conducted this
attack", "the military regime's executions ...").  A reader carries the agent up, and so do
annotators (the headline is coded, guidelines §8).  The headline's act is matched to the
first event of the same CAMEO root (any violent root for violence) coded after it; its
sources become the headline's.  With
no such report, the headline gets the ordinary fallbacks (an unidentified attacker, the
authority implied by the act), or no event.
"""

from __future__ import annotations

from collections.abc import Sequence

from ...records import ActorRef, Event
from ..candidates.code_refinements import VIOLENT_ROOTS
from ..candidates.predicate import Predicate

__all__ = ["reported_agents", "waits_for_report"]


def waits_for_report(predicate: Predicate, headline: bool) -> bool:
    """A headline's act with no agent of its own, coded once the story has been read."""
    return headline and not predicate.sources


def reported_agents(predicate: Predicate, index: int, events: Sequence[Event]) -> list[ActorRef]:
    """The sources of the story's first report, after sentence ``index``, of an act with the
    predicate's CAMEO root: every source of that act, when several did it together."""
    for event in events:
        if event.sentence_index > index and _same_kind(event.cameo.root, predicate.root):
            return [
                e.source
                for e in events
                if e.sentence_index == event.sentence_index
                and e.evidence.trigger == event.evidence.trigger
                and e.source.resolution != "unidentified"
            ]
    return []


def _same_kind(root: str, other: str) -> bool:
    # Violence is one kind of act here: outlets and coders differ on whether an air raid on
    # a hospital is an airstrike (195) or a bombing (1834).
    return root == other or (root in VIOLENT_ROOTS and other in VIOLENT_ROOTS)
