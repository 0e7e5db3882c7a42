"""Argument heads of a predicate: which tokens name whom an event is done to or with.

Each helper reads one construction off the parse: objects of the trigger, "against X" phrases
and their effects, dyadic prepositions on event nouns, the addressee of a demand, the party a
threat is conditioned on, what a protest's purpose clause is against; and small tests of
whether a token can name an actor at all.
"""

from __future__ import annotations

from spacy.tokens import Token

from ...nlp.docmemo import children, subtree
from ...records import ActorRef
from ..candidates.predicate import Predicate
from ..syntax import DIRECTIVES, agent_of, direct_objects, prep_phrases

__all__ = [
    "PLACE_PREPS",
    "actor_noun",
    "addressees",
    "against_or_affected",
    "conditioned",
    "conjunct_extent",
    "dyadic_heads",
    "event_tokens",
    "helped_group",
    "is_counted",
    "object_heads",
    "protested",
]


PLACE_PREPS = {"in", "near", "at", "throughout", "across", "inside", "outside", "around"}


def object_heads(predicate: Predicate) -> list[Token]:
    """The object nouns of an event: folded into its trigger ("rejected an invitation"), the
    direct objects of its trigger verbs, and the subjects of their complement clauses."""
    trigger = predicate.trigger
    folded = [t for t in predicate.trigger_tokens if t != trigger and t.pos_ == "NOUN"]
    verbs = [t for t in [trigger, *predicate.trigger_tokens] if t.pos_ == "VERB"]
    direct = [o for v in verbs for o in direct_objects(v)]  # "prepared to resume shelling X"
    # "refused to allow UN planes to land": the parser makes the planes the complement's subject
    subjects = [
        s
        for v in verbs
        for c in children(v)
        if c.dep_ in ("ccomp", "xcomp") and c.i not in predicate.chain
        for s in children(c)
        if s.dep_ in ("nsubj", "nsubjpass")
    ]
    return list(dict.fromkeys([*folded, *direct, *subjects]))


def against_or_affected(predicate: Predicate) -> list[Token]:
    """Heads of "against X" phrases on the trigger, its nouns, its objects and the places they
    sit in; then the objects of a free participle on the trigger ("..., killing five soldiers")."""
    trigger = predicate.trigger
    hosts = [trigger, *(t for t in predicate.trigger_tokens if t is not trigger)]
    hosts += [t for t in predicate.targets if t not in hosts]
    for host in list(hosts):
        # "threw stones during demonstrations against the occupation": the occasion too
        hosts += [
            o for p, o in prep_phrases(host) if p in PLACE_PREPS | {"during"} and o not in hosts
        ]
    out = []
    for o in (o for host in hosts for p, o in prep_phrases(host) if p == "against"):
        # "against the violations by the Israeli military": the violator is the one opposed
        out += [a for p, a in prep_phrases(o) if p == "by"]
        out.append(o)
    for child in children(trigger):
        participle = (
            child.dep_ == "advcl"
            and child.tag_ == "VBG"
            and not any(c.dep_ in ("nsubj", "nsubjpass", "mark") for c in children(child))
            # "refused to commit troops, citing domestic opposition": a reason, not an effect
            and child.lemma_.lower() not in _REASON_PARTICIPLES
        )
        if participle:
            out += [o for o in direct_objects(child) if o not in out]
    return out


_REASON_PARTICIPLES = frozenset("cite say add note claim argue insist explain quote".split())

# Prepositions that introduce the other party of an event noun: "war with", "sanctions on",
# "attack against", "investigation into", "hostility toward", "aid to", "mediation between".
_DYADIC_PREPS = {
    "with", "against", "on", "upon", "into", "toward", "towards", "to", "at", "among", "between",
}  # fmt: skip

# What a comment is about: "expressed pessimism about the North Korean standoff".
_TOPIC_PREPS = {"about", "over", "regarding", "concerning", "towards", "toward", "for"}
# Prepositions through which an event noun hangs off another one without changing the parties:
# "an offensive in its war with Iraq", "a suspension of links with Serbia", "a formula for ending
# its dispute with ...".
_NESTING_PREPS = {"in", "of", "for", "over", "about", "into", "on"}


def dyadic_heads(predicate: Predicate) -> list[Token]:
    """Objects of dyadic prepositions on the trigger, its nouns and its objects, and on event
    nouns nested under them; the by-agent of a participle on such a noun ("crimes committed by
    Croat forces"), and a "-ing" clause's object ("a formula for ending its dispute with X")."""
    trigger = predicate.trigger
    hosts = [trigger, *(t for t in predicate.trigger_tokens if t is not trigger)]
    hosts += [t for t in predicate.targets if t not in hosts]
    seen = {h.i for h in hosts}
    frontier = list(hosts)
    for _ in range(3):  # a few levels of nesting
        nxt = []
        for host in frontier:
            for prep, obj in prep_phrases(host):
                if prep in _NESTING_PREPS and obj.pos_ in ("NOUN", "VERB") and obj.i not in seen:
                    nxt.append(obj)
            for child in children(host):
                if child.dep_ in ("dobj", "obj") and host.tag_ == "VBG" and child.i not in seen:
                    nxt.append(child)
                infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in children(child))
                if child.dep_ == "acl" and infinitive and child.i not in seen:
                    nxt.append(child)  # "an invitation to meet with Kim"
        nxt = list(dict.fromkeys(nxt))
        seen |= {t.i for t in nxt}
        hosts += nxt
        frontier = nxt
    preps = _DYADIC_PREPS | (_TOPIC_PREPS if predicate.root == "01" else set())
    out: list[Token] = []
    for host in hosts:
        for prep, obj in prep_phrases(host):
            if prep in preps and obj not in out:
                out.append(obj)
        for child in children(host):
            if child.dep_ == "acl" and child.tag_ == "VBN":
                # "sanctions imposed on Eritrea", "crimes committed by Croat forces"
                agent = agent_of(child)
                if agent is not None and agent not in out:
                    out.append(agent)
                out += [o for p, o in prep_phrases(child) if p in _DYADIC_PREPS and o not in out]
    return out


def addressees(predicate: Predicate) -> list[Token]:
    """Whom a demand or appeal is addressed to when the parser gave it no object: the subject of
    its content clause ("demanded that the US match ...", "its demands that the government
    grant ...")."""
    trigger = predicate.trigger
    if predicate.root == "13":
        return conditioned(predicate)
    # "expressed hope that the government will ...": the comment is about the government
    comment = predicate.root == "01" and predicate.code != "010" and not predicate.generic
    directive = trigger.lemma_.lower() in DIRECTIVES or predicate.root in ("02", "10")
    if not directive and not comment:
        return []
    out = []
    for token in [trigger, *predicate.trigger_tokens]:
        for child in children(token):
            if child.dep_ == "ccomp" or (child.dep_ == "acl" and token.pos_ == "NOUN"):
                out += [
                    c
                    for c in children(child)
                    if c.dep_ in ("nsubj", "nsubjpass") and not (comment and c.pos_ == "PRON")
                ]
    return out


def conditioned(predicate: Predicate) -> list[Token]:
    """A threat is directed at the party whose conduct it is conditioned on: "threatened to
    hold a general strike unless Israel rescinded ...", "will boycott the elections unless the
    president agrees to step down"."""
    out: list[Token] = []
    for token in [predicate.trigger, *predicate.trigger_tokens]:
        for clause in children(token):
            marks = {m.lower_ for m in children(clause) if m.dep_ == "mark"}
            if clause.dep_ == "advcl" and marks & {"unless", "if"}:
                out += [c for c in children(clause) if c.dep_ in ("nsubj", "nsubjpass")]
    return out


def protested(predicate: Predicate) -> list[Token]:
    """What a protest's purpose clause is against: "began a hunger strike to protest the
    president's failure to ...", "marched to denounce Israel's blockade", "blocked a road to
    show their anger at the government's policy" (the owner first)."""
    if predicate.root != "14":
        return []
    out: list[Token] = []
    for clause in children(predicate.trigger):
        purpose = clause.dep_ in ("advcl", "xcomp") and any(
            c.dep_ == "aux" and c.lower_ == "to" for c in children(clause)
        )
        if not purpose:
            continue
        out += [o for p, o in prep_phrases(clause) if p in ("against", "at")]
        for obj in direct_objects(clause):
            out += [c for c in children(obj) if c.dep_ == "poss" and c.pos_ != "PRON"]
            out += [o for p, o in prep_phrases(obj) if p in ("by", "of")]
            out.append(obj)
            # "to show their disapproval for the United States' policies": what the stance is
            # about, its owner first.
            for p, o in prep_phrases(obj):
                if p in _STANCE_TOPIC_PREPS:
                    out += [c for c in children(o) if c.dep_ == "poss" and c.pos_ != "PRON"]
                    out.append(o)
    return out


_STANCE_TOPIC_PREPS = {"for", "over", "against", "at", "with", "toward", "towards"}

_MEASURES = frozenset(
    "euro dollar pound yen franc rupee yuan ruble rouble shekel ton tonne kg kilogram litre "
    "liter barrel unit dose".split()
)


def is_counted(noun: Token) -> bool:
    """A counted or named object of the event's own pattern is whom it is done to: "freed 37
    prisoners", "released two hostages" (unlike "lifted a ban")."""
    if noun.lemma_.lower() in _MEASURES or any(
        t.ent_type_ in ("MONEY", "QUANTITY", "PERCENT") for t in subtree(noun)
    ):
        return False
    return noun.ent_type_ == "PERSON" or any(
        c.dep_ == "nummod" or c.ent_type_ == "CARDINAL" for c in children(noun)
    )


# Unnamed groups of people that are actors when listed with named ones: "the Palestinian people
# and organizations", "Nigeria and other African countries".
_GROUP_NOUNS = frozenset(
    "people member organization organisation group agency country nation state government "
    "party official leader family community".split()
)

# People aid is for, who need no dictionary entry to be a target ("flood victims in Sindh").
_HELPED_NOUNS = _GROUP_NOUNS | frozenset(
    "victim refugee household child farmer survivor resident civilian migrant".split()
)


def helped_group(token: Token) -> bool:
    return token.pos_ == "PROPN" or token.lemma_.lower() in _HELPED_NOUNS


def actor_noun(token: Token) -> bool:
    """A conjunct that names an actor even though no dictionary knows it."""
    if token.pos_ == "PROPN" or token.ent_type_ in ("ORG", "GPE", "NORP", "PERSON", "LOC"):
        return True
    return token.pos_ == "NOUN" and token.lemma_.lower() in _GROUP_NOUNS


def event_tokens(predicate: Predicate) -> set[int]:
    """Token indices that spell out the event itself (trigger, light noun, complements)."""
    return predicate.chain | {t.i for t in predicate.trigger_tokens}


def conjunct_extent(refs: list[ActorRef | None]) -> list[tuple[int, int]]:
    """Where one conjunct's mention lies, if it fills the role at all."""
    spans = [(r.start, r.end) for r in refs if r is not None and r.start is not None]
    return [(min(s for s, _ in spans), max(e for _, e in spans))] if spans else []
