"""Recoding a predicate from its clause and its actors: a conditional promise is a threat,
a promised act an expression of intent, and a strike is a protest or an attack by who strikes.
"""

from __future__ import annotations

from ...nlp.docmemo import children
from ...records import ActorRef
from ..arguments.parties import CIVIL_SECTORS
from ..candidates.complements import fold
from ..candidates.predicate import Predicate

__all__ = ["apply_sense", "conditional_threat", "express_intent"]


_CONFLICT_ROOTS = {"11", "12", "13", "14", "15", "16", "17", "18", "19", "20"}


def conditional_threat(predicate: Predicate, draft_modality: str) -> bool:
    """ "X will withdraw its troops unless Y ..." and "X could impose sanctions if Y ..." are
    threats: a promised cost made conditional on the target's behaviour (CAMEO 13x).

    "unless" makes any promised act a threat; "if" only a hostile one ("will help if asked" is
    an offer).  Returns True when the code was changed.
    """
    if draft_modality not in ("intended", "hypothetical") or predicate.folded:
        return False
    marks = {
        m.lower_
        for c in children(predicate.trigger)
        if c.dep_ == "advcl"
        for m in children(c)
        if m.dep_ == "mark"
    }
    hostile = predicate.root in _CONFLICT_ROOTS or predicate.code.startswith("087")
    if not ("unless" in marks or ("if" in marks and hostile)):
        return False
    predicate.code = fold("threaten", predicate.code) or ("131" if not hostile else "130")
    predicate.folded = True
    return True


def express_intent(predicate: Predicate, draft_modality: str) -> None:
    """A promised act is an expression of intent in CAMEO (and AGREE in PLOVER).

    "Egypt will host talks" is 036, "Norway is willing to send aid" 033; a promised attack is a
    threat ("Iran will respond to any attack" -> 13x).  The modality stays "intended".
    """
    if draft_modality != "intended" or predicate.folded:
        return
    if predicate.root in ("04", "05", "06", "07", "08"):
        recoded = fold("intent", predicate.code)
    elif predicate.root in ("15", "17", "18", "19", "20"):
        recoded = fold("threaten", predicate.code)
    else:
        return
    if recoded is not None:
        predicate.code = recoded
        predicate.folded = True


# Event nouns whose sense depends on who acts: a union's strike is a labour protest (143),
# a state's or armed group's strike is a military attack (190).
_SENSES = {("strike", "143"): "190"}

_LABOUR_MODIFIERS = {"general", "hunger", "labour", "labor", "national", "nationwide"}


def apply_sense(predicate: Predicate, sources: list[ActorRef]) -> None:
    lemma = predicate.trigger.lemma_.lower()
    other = _SENSES.get((lemma, predicate.code))
    if other is None:
        return
    civil_actor = any(s.sector in CIVIL_SECTORS for s in sources)
    labour_words = any(c.lower_ in _LABOUR_MODIFIERS for c in children(predicate.trigger))
    if not civil_actor and not labour_words:
        predicate.code = other
