"""Folding a control verb, adjective or family noun with its complement into one code:
"urged Israel to resume talks" is an appeal to meet (026), "said Libya must hand over the
suspects" a demand, "allowed the opposition to hold a rally" an easing of restrictions.

``ComplementFolding`` is a mixin of the predicate finder: its methods call ``self.verb`` to
code a complement clause the way the finder codes any verb.
"""

from __future__ import annotations

from spacy.tokens import Token

from ...nlp.docmemo import children, subtree
from ..syntax import NOMINAL, TARGET_PREPS, direct_objects, prep_phrases
from .code_refinements import VIOLENT_ROOTS
from .complement_clauses import (
    TRANSPARENT_VERBS,
    absorb_clause,
    complement_slot,
    infinitival_complement,
    that_complement,
)
from .complements import (
    CONFLICT_SLOTS,
    FAMILY_BASES,
    content_slot,
    family_of,
    fold,
    refines,
    slot_for,
)
from .content_words import content_words
from .event_nouns import match_noun
from .predicate import Predicate

__all__ = ["ComplementFolding"]

_DEESCALATE_VERBS = frozenset(["stop", "halt", "end", "cease", "suspend"])
_OBLIGATION = frozenset({"must", "should"})
# "X needs to / has to do Y" said of another party is an appeal (02x).
_NEED_VERBS = frozenset({"need", "have"})
_ELECTION_WORDS = frozenset({"election", "poll", "ballot", "vote", "runoff", "referendum", "race"})
_CONTENT_PREPS = ("for", "on", "upon")
_CONTENT_FAMILIES = ("appeal", "intent", "demand", "reject")
# Family codes by prefix, for refining an event already in a family.
_FAMILY_PREFIXES = {"02": "appeal", "03": "intent", "10": "demand", "12": "reject"}


class ComplementFolding:
    """Complement folding for the predicate finder (which supplies ``lexicon`` and ``verb``)."""

    def _fold(self, predicate: Predicate) -> None:
        family = family_of(predicate.code)
        if family is None:
            return
        verb = predicate.trigger
        complement = infinitival_complement(verb)
        if complement is None:
            # "renewed an appeal to Belgium to extradite ...", "rejected a request to ...":
            # the family noun carries the complement.
            complement = next(
                (
                    c
                    for t in predicate.trigger_tokens[1:]
                    for c in children(t)
                    if c.dep_ == "acl"
                    and c.pos_ == "VERB"
                    and any(a.dep_ == "aux" and a.lower_ == "to" for a in children(c))
                ),
                None,
            )
        if complement is None:
            complement = that_complement([verb, *predicate.trigger_tokens[1:]], family)
            nested = self.verb(complement, allow_fold=False) if complement is not None else None
            if nested is not None and family_of(nested.code) is not None:
                # "demanded that its partners refuse to recognize ...": the inner refusal is
                # the event CAMEO can code; leave it to stand on its own.
                complement = None
        if complement is None:
            predicate.generic = True
            self._refine_content(predicate)
            return
        inner = self.verb(complement, allow_fold=False)
        outer = complement
        hops = 0
        while (
            (inner is None or inner.generic or inner.root in ("01", "02"))
            and complement.lemma_.lower() in TRANSPARENT_VERBS
            and hops < 2
        ):
            nested = infinitival_complement(complement) or next(
                (
                    c
                    for c in children(complement)
                    if c.dep_ in ("xcomp", "ccomp") and c.pos_ == "VERB"
                ),
                None,
            )
            if nested is None:
                break
            predicate.chain.add(complement.i)
            complement = nested
            inner = self.verb(complement, allow_fold=False)
            hops += 1
        slot = complement_slot(complement)
        if inner is None and slot is None and complement.lemma_.lower() in _DEESCALATE_VERBS:
            objects = direct_objects(complement)
            if any(self._is_violence(o) for o in objects):
                slot = "yield_mil"
        if (
            inner is not None
            and slot is None
            and (complement.lemma_.lower() in _DEESCALATE_VERBS and inner.root in VIOLENT_ROOTS)
        ):
            slot = "yield_mil"
        if slot is None and complement.lemma_.lower() in _DEESCALATE_VERBS:
            # "urged the forces to stop using excessive force": stopping violence de-escalates.
            nested = next((c for c in children(complement) if c.dep_ == "xcomp"), None)
            nested_predicate = self.verb(nested, allow_fold=False) if nested is not None else None
            if nested_predicate is not None and nested_predicate.root in ("17", "18", "19", "20"):
                slot = "yield_mil"
                predicate.chain |= nested_predicate.chain
        if family in _CONTENT_FAMILIES:
            # "asked to lease a military training ground": what the complement is about names the
            # slot when its own code does not, or says more than that code ("send aid" -> "send
            # food aid").  Conflict complements keep their own reading.
            base = slot or (slot_for(inner.code) if inner is not None else None)
            content = content_slot(content_words(self.lexicon, [outer]))
            if refines(content, base) and base not in CONFLICT_SLOTS:
                slot = content
        if family == "threaten" and slot is None and (inner is None or inner.generic):
            # "threatened to deliver devastating blows": violence named only by its content.
            words = content_words(self.lexicon, [outer])
            # Ending or easing violence ("threatened to end the truce") is not a use of force.
            yielding = any("yield" in kinds for kinds, _ in words)
            domains = [d for _, ds in words for d in ds]
            if not yielding and "unconventional" in domains:
                slot = "unconventional"  # "threatened to resume terrorist activities" 1383
            elif not yielding and "violence" in domains:
                slot = "force"
        if family == "reject" and complement.lemma_.lower() == "comment":
            folded: str | None = "011"  # "declined to comment" is CAMEO's own code
        else:
            folded = fold(family, inner.code if inner else None, slot)
        absorb_clause(predicate, complement, inner)
        # "agreed to share information and cooperate": coordinated complements are one promise,
        # directed at the party either names ("... and cooperate with Afghanistan").
        conjoined = [c for c in children(complement) if c.dep_ == "conj"]
        predicate.chain |= {c.i for c in conjoined}
        for verb in conjoined:
            for prep, obj in prep_phrases(verb):
                if prep in TARGET_PREPS and obj.pos_ in NOMINAL and obj not in predicate.targets:
                    predicate.targets.append(obj)
        if inner is not None:
            predicate.targets += [t for t in inner.targets if t not in predicate.targets]
        else:
            for obj in direct_objects(complement):
                if obj.pos_ in NOMINAL:
                    predicate.targets.append(obj)
            for prep, obj in prep_phrases(complement):
                if prep in TARGET_PREPS and obj.pos_ in NOMINAL:
                    predicate.targets.append(obj)
        if folded is not None:
            predicate.code = folded
            predicate.folded = True
        else:
            predicate.generic = True

    def _refine_content(self, predicate: Predicate) -> None:
        """An appeal, promise, demand or refusal without a complement clause: its object or
        for-phrase names the content ("asked the EC for immediate delivery of additional aid"
        023, "rejected a proposal for a cease-fire" 1246, "demanding a military presence" 1034).
        """
        family = _FAMILY_PREFIXES.get(predicate.code[:2])
        if family is None or predicate.code in ("128", "129"):
            return
        verb = predicate.trigger
        heads = list(direct_objects(verb))
        heads += [o for p, o in prep_phrases(verb) if p in _CONTENT_PREPS]
        heads += [t for t in predicate.trigger_tokens[1:] if t not in heads and t.i != verb.i]
        if not heads:
            return
        content = content_slot(content_words(self.lexicon, heads))
        if not refines(content, slot_for(predicate.code)):
            return
        folded = fold(family, None, content)
        if folded is not None:
            predicate.code = folded
            predicate.folded = True
            predicate.generic = False

    def _obligation_clause(self, head: Token) -> tuple[Token, Token, str] | None:
        """(clause, content verb, family) of an obligation clause under ``head``: "Libya must
        hand over" demands (10x); "Japan needs to enact reforms" said of another party appeals
        (02x), when what is needed is itself an event ("NATO would need to remain strong" is
        not)."""
        for c in children(head):
            if c.dep_ not in ("ccomp", "acl") or not any(a.dep_ == "nsubj" for a in children(c)):
                continue
            if any(a.dep_ == "aux" and a.lower_ in _OBLIGATION for a in children(c)):
                return c, c, "demand"
            subject = next(a for a in children(c) if a.dep_ == "nsubj")
            if c.lemma_.lower() in _NEED_VERBS and subject.pos_ in ("PROPN", "NOUN"):
                content = next(
                    (
                        x
                        for x in children(c)
                        if x.dep_ == "xcomp"
                        and x.pos_ == "VERB"
                        and any(a.dep_ == "aux" and a.lower_ == "to" for a in children(x))
                    ),
                    None,
                )
                if content is not None and self.verb(content, allow_fold=False) is not None:
                    return c, content, "appeal"
        return None

    def _obligation(self, predicate: Predicate) -> None:
        """ "X said Libya must hand over the suspects" is X demanding it of Libya (10x)."""
        found = next(
            (x for t in predicate.trigger_tokens if (x := self._obligation_clause(t)) is not None),
            None,
        )
        if found is None:
            return
        clause, content, family = found
        inner = self.verb(content, allow_fold=False)
        folded = fold(family, inner.code if inner else None, complement_slot(content))
        base = next(code for code, name in FAMILY_BASES.items() if name == family)
        predicate.code = folded or base
        predicate.generic = folded is None
        predicate.folded = folded is not None
        absorb_clause(predicate, clause, inner)
        predicate.chain.add(content.i)

    def _governed_act(self, verb: Token) -> tuple[Token, Predicate | None] | None:
        """The 'to'-clause (or bare infinitive: "let them march") of ``verb`` and its coding,
        looking through transparent verbs ("prepared to resume shelling")."""
        complement = infinitival_complement(verb) or next(
            (c for c in children(verb) if c.dep_ == "ccomp" and c.pos_ == "VERB" and c.i > verb.i),
            None,
        )
        if complement is None:
            return None
        inner = self.verb(complement, allow_fold=False)
        hops = 0
        while inner is None and complement.lemma_.lower() in TRANSPARENT_VERBS and hops < 2:
            nested = infinitival_complement(complement) or next(
                (c for c in children(complement) if c.dep_ == "xcomp" and c.pos_ == "VERB"), None
            )
            if nested is None:
                break
            complement, inner = nested, self.verb(nested, allow_fold=False)
            hops += 1
        return complement, inner

    def _permitted(self, verb: Token) -> tuple[str, tuple[Token, Predicate | None]] | None:
        """ "allowed opposition supporters to hold a rally" eases restrictions on political
        freedoms (0811); "allowed the candidate to take part in the elections" eases a ban on
        a politician (0812).  Other permissions are left to the lexicon's objects."""
        governed = self._governed_act(verb)
        if governed is None:
            return None
        complement, inner = governed
        if inner is not None and inner.root == "14":
            return "0811", governed
        # What the permitted party does, not who does it: "allow elections to take place".
        words = {
            t.lemma_.lower()
            for c in children(complement)
            if c.dep_ not in ("nsubj", "nsubjpass")
            for t in subtree(c)
        }
        if complement.lemma_.lower() != "hold" and words & _ELECTION_WORDS:
            return "0812", governed
        return None

    def _prepared_attack(self, verb: Token) -> tuple[Token, Predicate | None] | None:
        """ "The army prepared to resume shelling": getting ready to use force is a show of
        military posture (150), not yet the attack.  The stance adjective ("is prepared to
        attack") stays a threat."""
        governed = self._governed_act(verb)
        if governed is None or governed[1] is None or governed[1].root not in VIOLENT_ROOTS:
            return None
        return governed

    def _consensus_to(self, predicate: Predicate, noun: Token) -> None:
        """ "reached a consensus to exchange information" is agreeing to do it (03x)."""
        clause = next(
            (
                c
                for c in children(noun)
                if c.dep_ in ("acl", "relcl")
                and c.pos_ == "VERB"
                and any(a.dep_ == "aux" and a.lower_ == "to" for a in children(c))
            ),
            None,
        )
        if clause is None:
            return
        inner = self.verb(clause, allow_fold=False)
        folded = fold("intent", inner.code if inner else None, complement_slot(clause))
        if folded is None:
            return
        predicate.code = folded
        predicate.folded = True
        absorb_clause(predicate, clause, inner)

    def _is_violence(self, noun: Token) -> bool:
        match = match_noun(self.lexicon, noun)
        return match is not None and match.pattern.code[:2] in ("18", "19", "20", "15")
