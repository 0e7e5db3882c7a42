"""The state behind an agentless passive of a state act.

"A missionary was arrested in Lebanon", "a US national has been put under investigation in
Italy": only a state's authorities arrest, expel, confiscate, release prisoners or open
criminal investigations,
and with no by-phrase the report leaves them implicit.  CAMEO/PLOVER coders code such events
with the country the act happened in as source; dropping them would lose most arrest reports.
Only the place named in the act's own clause counts (not one inside the target's phrase, "a
missionary from Calgary"), and nothing is guessed when no place is named.

Likewise "eighty UN peacekeepers were shipped out", "US troops were deployed to Poland": forces
moved, sent or pulled back by an unnamed mover are moved by the state or body they belong to,
which is the source (see also Coder._own_forces for the active voice).
"""

from __future__ import annotations

from spacy.tokens import Span

from ...actors.kb import ActorKB
from ...actors.resolve import DocActors
from ...nlp.docmemo import children
from ...records import ActorRef
from ..candidates.predicate import Predicate
from ..context.places import place_mentions
from ..syntax import is_passive
from .parties import is_national
from .target_context import Lookup

__all__ = ["STATE_ROOTS", "implicit_authority", "moved_forces"]

# Investigate (09) and coerce (17: arrest, expel, seize, restrict): acts of state authority.
STATE_ROOTS = frozenset({"09", "17"})
# Acts a government's own statement reports of itself without an agent: investigations,
# sanctions and designations (16), coercion (17).
_PUBLISHER_ROOTS = frozenset({"09", "16", "17"})
# Legal acts coded as accusations (112: "arrested for collaborating") are the state's too.
_LEGAL_ACTS = frozenset({"arrest", "detain", "charge", "indict"})
# Expelling inspectors, peacekeepers or aid workers (166x) is a state act too: "two UN
# inspectors were expelled from Iran" is Iran's act.
_EXPULSIONS = frozenset({"expel", "deport", "eject"})


def implicit_authority(
    predicate: Predicate,
    sent: Span,
    kb: ActorKB,
    lookup: Lookup,
    home: str | None = None,
    publisher: ActorRef | None = None,
) -> list[ActorRef]:
    """The authorities behind an agentless passive state act: those of the country it happened
    in when a place is named, else of the article's own country (``home``: the dateline's, or
    the country the article is about).  Courts pass verdicts ("was sentenced", "was convicted":
    JUD), police arrest (COP), other acts are the government's.

    ``publisher``: the government whose own statement this sentence is (actors/publisher.py).
    In its voice an agentless act of state with no place named is its own: "X and Y are
    designated as Specially Designated Global Terrorists", "their property must be blocked"
    in a state.gov release are the United States' sanctions."""
    trigger = predicate.trigger
    legal = predicate.code == "112" and trigger.lemma_.lower() in _LEGAL_ACTS
    legal |= predicate.code.startswith("166") and trigger.lemma_.lower() in _EXPULSIONS
    verdict = predicate.code == "116"
    # Only the authorities holding someone can free them: "was released from prison".
    freed = predicate.code == "0841"
    if predicate.sources or not is_passive(trigger):
        return []
    state_act = predicate.root in STATE_ROOTS or legal or verdict or freed
    own_act = publisher is not None and predicate.root in _PUBLISHER_ROOTS
    if not state_act and not own_act:
        return []
    exclude = [
        (t.left_edge.idx, t.right_edge.idx + len(t.right_edge.text))
        for t in predicate.targets
        if t.dep_ == "nsubjpass"
    ]
    country = None
    for span, _ in place_mentions(sent, predicate.chain, exclude):
        found = lookup(span.text, ())
        if found is not None and found.country:
            country = found.country
            break
    if country is None and own_act and publisher is not None:
        return [publisher]
    if not state_act:
        return []  # a sanction of no named sender, outside a government's own statement
    country = country or home
    if country is None:
        return []
    sector = "JUD" if verdict else "COP" if predicate.code.startswith("173") else None
    name = kb.country_name(country) or country
    code = country + (sector or "")
    return [ActorRef("", name, country, sector, code, None, None, "implicit")]


# Aid (07), yielding (08), mobilisation (15) and reduced relations (16): acts that move forces.
_MOVING_ROOTS = frozenset({"07", "08", "15", "16"})
_FORCE_SECTORS = frozenset({"MIL", "PKO", "COP"})


def moved_forces(predicate: Predicate, actors: DocActors) -> list[ActorRef]:
    """The owner of the forces an agentless passive moves, as the event's source."""
    trigger = predicate.trigger
    if predicate.root not in _MOVING_ROOTS or predicate.sources or not is_passive(trigger):
        return []
    for head in (t for t in children(trigger) if t.dep_ == "nsubjpass"):
        agent = actors.agents.get(head.i)
        if agent is None or agent.label_ not in _FORCE_SECTORS:
            continue
        owners = [r for r in actors.resolve(head) if is_national(r)]
        if owners:
            predicate.targets = [t for t in predicate.targets if t.i != head.i]
            return owners
    return []
