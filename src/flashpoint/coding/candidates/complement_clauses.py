"""Finding the complement clause of a control verb or family noun ("urged Israel *to
reconsider*", "demanded *that the president resign*"), the slot of complements the lexicon
codes only loosely, and absorbing a clause into the predicate that governs it.
"""

from __future__ import annotations

from spacy.tokens import Token

from ...nlp.docmemo import children
from ..syntax import direct_objects, particle_of
from .predicate import Predicate

__all__ = [
    "TRANSPARENT_VERBS",
    "absorb_clause",
    "complement_slot",
    "infinitival_complement",
    "that_complement",
]

# Complements whose meaning CAMEO's families name but our lexicon codes only loosely.
_POLICY_VERBS = frozenset(
    [
        "reconsider",
        "change",
        "reverse",
        "revise",
        "rethink",
        "review",
        "abandon",
        "scrap",
        "drop",
        "alter",
        "modify",
        "halt",
        "freeze",
    ]
)
_POLICY_OBJECTS = frozenset(
    [
        "policy",
        "policies",
        "plan",
        "decision",
        "law",
        "measure",
        "approach",
        "stance",
        "position",
        "program",
        "programme",
        "settlement",
        "construction",
    ]
)
_REFORM_VERBS = frozenset(["reform", "democratize", "democratise", "liberalize"])
_RESIGN_VERBS = frozenset(["resign", "quit"])
_ELECTION_OBJECTS = frozenset(["election", "elections", "vote", "referendum"])
# Complement verbs that pass their own complement through: "urged X to help rebuild",
# "promised to continue providing aid", "agreed to try to end the fighting".
TRANSPARENT_VERBS = frozenset(
    ["help", "continue", "resume", "begin", "start", "try", "seek", "work", "move", "act", "keep"]
)


def absorb_clause(predicate: Predicate, clause: Token, inner: Predicate | None) -> None:
    """Fold a complement clause into ``predicate``: its words are consumed, and its subject
    ("urged Netanyahu to reconsider", "said Libya must ...") becomes the first target."""
    predicate.chain.add(clause.i)
    if inner is not None:
        predicate.chain |= inner.chain
    predicate.trigger_tokens.append(clause)
    predicate.targets = [c for c in children(clause) if c.dep_ == "nsubj"] + predicate.targets


def infinitival_complement(verb: Token) -> Token | None:
    """The 'to'-clause of a control verb: an xcomp, or a ccomp with 'to' (parser variation)."""
    for child in children(verb):
        if (
            child.dep_ == "ccomp"
            and child.tag_ == "NN"
            and any(g.dep_ == "mark" and g.lower_ == "that" for g in children(child))
            and any(g.dep_ == "nsubj" for g in children(child))
        ):
            return child  # a subjunctive tagged as a noun: "demanded that the president resign"
        if child.pos_ not in ("VERB", "AUX", "ADP"):
            continue
        if child.dep_ == "xcomp" and child.pos_ != "ADP":
            return child
        if (
            child.dep_ == "advcl"
            and child.i == verb.i + 2
            and verb.nbor(1).lower_ == "to"
            and verb.nbor(1).head.i == child.i
            and not any(c.dep_ in ("dobj", "obj") for c in children(verb))
        ):
            return child  # "have sworn to fight": the parser's advcl right after the verb
        if child.dep_ == "prep" and child.lower_ in ("to", "toward", "towards"):
            pcomp = next((g for g in children(child) if g.dep_ == "pcomp"), None)
            if pcomp is not None and pcomp.pos_ == "VERB":
                return pcomp  # "did not commit to freezing the plans"
        if child.dep_ == "ccomp" and (
            child.tag_ == "VB"  # subjunctive: "demanded that Rajoelina step down"
            or any(
                g.dep_ == "aux" and g.lower_ in ("to", "should", "must") for g in children(child)
            )
        ):
            return child
    return None


_THAT_FAMILIES = {"demand": ("should", "must"), "appeal": ("should", "must")}
_THAT_FAMILIES["intent"] = ("will", "would", "shall", "'ll", "wo")
_THAT_FAMILIES["threaten"] = _THAT_FAMILIES["intent"]


def that_complement(heads: list[Token], family: str) -> Token | None:
    """The content of a demand, appeal or promise stated as a 'that'-clause.

    "demanded that the government end curbs", "reiterated its demand that Israel ease
    restrictions", "demanded that control be taken away", "vowed that it would withdraw": the
    clause is the complement when it is irrealis (a subjunctive, or a modal fitting the
    family); "insisted (that) the unrest reflected old rivalries" states a fact and is not.
    """
    modals = _THAT_FAMILIES.get(family)
    if modals is None:
        return None
    for head in heads:
        for clause in children(head):
            if clause.dep_ not in ("ccomp", "acl") or clause.pos_ != "VERB" or clause.i < head.i:
                continue
            if any(c.dep_ == "mark" and c.lower_ != "that" for c in children(clause)):
                continue
            if not any(c.dep_ in ("nsubj", "nsubjpass") for c in children(clause)):
                continue
            auxes = [c for c in children(clause) if c.dep_ in ("aux", "auxpass")]
            if any(a.lower_ in modals for a in auxes):
                return clause
            subjunctive = (not auxes and clause.tag_ in ("VB", "VBP")) or any(
                a.lower_ == "be" for a in auxes
            )
            if subjunctive and family in ("demand", "appeal"):
                return clause
    return None


def complement_slot(verb: Token) -> str | None:
    """Slots for complements our lexicon does not code precisely (policy, reform ...)."""
    lemma = verb.lemma_.lower()
    objects = {o.lemma_.lower() for o in direct_objects(verb)}
    if lemma in _POLICY_VERBS and objects & _POLICY_OBJECTS:
        return "policy"
    if lemma in _REFORM_VERBS:
        return "reform"
    if lemma in _RESIGN_VERBS or (lemma == "step" and particle_of(verb) == "down"):
        return "leader"
    if lemma == "hold" and objects & _ELECTION_OBJECTS:
        return "institutions"
    return None
