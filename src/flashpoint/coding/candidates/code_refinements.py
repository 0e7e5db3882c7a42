"""Refining a coded predicate from its context: a weapon names the kind of violence, a
negation turns cooperation into refusal, a claim of one's own attack is a claim of
responsibility, and what a protest, accusation or concession is about names its sub-code.

``CodeRefinements`` is a mixin of the predicate finder: its methods call ``self.verb`` to code
the clauses they read.
"""

from __future__ import annotations

from spacy.tokens import Token

from ...nlp.docmemo import children
from ..syntax import direct_objects, prep_phrases
from .complement_clauses import absorb_clause
from .complements import content_slot, fold, slot_for
from .content_words import content_words
from .event_nouns import match_noun, prep_pairs
from .predicate import Predicate

__all__ = ["VIOLENT_ROOTS", "CodeRefinements", "joint_exercise"]

# Cooperative roots whose negation is a refusal: "will not accept refugees" is 12x, not 075.
_NEGATABLE_ROOTS = ("04", "05", "06", "07", "08")
# Violent roots a weapon or attack noun can refine: "wounded two soldiers in a bomb attack".
VIOLENT_ROOTS = ("18", "19", "20")
_INSTRUMENT_PREPS = ("in", "with", "by", "using")
_CLAIMABLE_ROOTS = ("14", "15", "17", "18", "19", "20")
_JOINT = frozenset(["joint", "combined", "bilateral", "multinational", "trilateral"])
# "failed to reach agreement" negates its complement like "did not".
_FAILING_GOVERNORS = frozenset({"fail"})
_PROTEST_AIMS = {"leader": "1", "policy": "2", "rights": "3", "institutions": "4"}
_AIM_DEPS = ("advcl", "xcomp", "acl", "conj")
# Yielding to a demand takes the demand's content: "accepted demands that it initiate
# political reforms" is 083, "conceded to demands to overhaul the constitution" 0834.
_YIELD_CODES = {
    "reform": "083",
    "leader": "0831",
    "policy": "0832",
    "rights": "0833",
    "institutions": "0834",
    "yield_admin": "081",
    "yield_dissent": "082",
    "yield_release": "084",
    "yield_econ": "085",
    "yield_intl": "086",
    "yield_mil": "087",
}
# What someone is accused of names the sub-code: "accused the US of violating human rights"
# is 1122, "of violating the ceasefire" / "of aggression" 1123.
_ACCUSATION_DOMAINS = {"rights": "1122", "violence": "1123", "ceasefire": "1123"}


def joint_exercise(predicate: Predicate, noun: Token) -> None:
    """Manoeuvres held by two or more forces together are military cooperation (062), not a
    show of force (150): "France and Egypt launched war games", "joint drills with Japan"."""
    joint = any(c.lower_ in _JOINT for c in children(noun))
    # "France and Egypt launched ...", "French and Egyptian warships launched ..."
    together = any(
        s.conjuncts or any(c.dep_ == "amod" and c.conjuncts for c in children(s))
        for s in predicate.sources
    ) or any(p == "with" for p, _ in prep_phrases(noun) + prep_phrases(predicate.trigger))
    if joint or together:
        predicate.code = "062"


class CodeRefinements:
    """Code refinements for the predicate finder (which supplies ``lexicon`` and ``verb``)."""

    def _claimed_act(self, predicate: Predicate) -> None:
        """ "The rebels claimed that they had attacked the base" claims responsibility (015):
        the claimant reports its own act of force, so the claim is the event."""
        subject = predicate.sources[0] if predicate.sources else None
        for clause in children(predicate.trigger):
            if clause.dep_ != "ccomp":
                continue
            inner_subject = next((c for c in children(clause) if c.dep_ == "nsubj"), None)
            if inner_subject is None or subject is None:
                continue
            own = inner_subject.tag_ == "PRP" or inner_subject.lemma_ == subject.lemma_
            inner = self.verb(clause, allow_fold=False)
            if own and inner is not None and inner.root in _CLAIMABLE_ROOTS:
                predicate.code = "015"
                predicate.folded = True
                predicate.generic = False
                absorb_clause(predicate, clause, inner)
                predicate.targets = [t for t in inner.targets if t is not inner_subject]
                return

    def _refusal(self, predicate: Predicate) -> None:
        """ "Syria will not accept more refugees", "would not meet the demands": refusing a
        cooperative act is CAMEO's REJECT family (12x), with the same slot."""
        if predicate.folded or predicate.root not in _NEGATABLE_ROOTS:
            return
        trigger = predicate.trigger
        failed = trigger.dep_ == "xcomp" and trigger.head.lemma_.lower() in _FAILING_GOVERNORS
        if not failed and not any(c.dep_ == "neg" for c in children(trigger)):
            return
        folded = fold("reject", predicate.code)
        if folded is not None:
            predicate.code = folded
            predicate.folded = True

    def _instrument(self, predicate: Predicate, preps: list[tuple[str, Token]]) -> None:
        """A weapon or attack noun names the kind of violence: "killed in a car bomb
        explosion" (183x), "wounded in a bomb attack" (183), "killed ... in an airstrike" (195).
        Only a more specific code replaces the verb's own."""
        heads = [o for p, o in preps if p in _INSTRUMENT_PREPS]
        heads += [
            o
            for c in children(predicate.trigger)
            if c.dep_ in ("advcl", "acl") and c.lemma_.lower() == "use"
            for o in direct_objects(c)
        ]
        heads += [s for s in predicate.sources if s.pos_ == "NOUN"]
        # "a roadside bomb attack": the weapon may be a modifier of the attack noun.
        heads += [c for h in list(heads) for c in children(h) if c.dep_ == "compound"]
        for head in heads:
            match = match_noun(self.lexicon, head, prep_pairs(prep_phrases(head)))
            if match is None or match.pattern.code[:2] not in VIOLENT_ROOTS:
                continue
            code = match.pattern.code
            if code != predicate.code and (
                len(code) > len(predicate.code)
                or (predicate.code.endswith("0") and not code.endswith("0"))
            ):
                predicate.code = code
                predicate.chain.add(head.i)
                return

    def _accord(self, predicate: Predicate) -> None:
        """ "Reagan and Mubarak agreed (that) there was an urgent need for progress": agreeing
        *that* something is so expresses accord (019); agreeing *to* do it is a promise (03x).
        """
        verb = predicate.trigger
        if any(c.dep_ in ("xcomp", "prep", "dobj") for c in children(verb)):
            return
        clause = next(
            (
                c
                for c in children(verb)
                if c.dep_ == "ccomp"
                and c.i > verb.i
                and not any(a.dep_ == "aux" and a.lower_ == "to" for a in children(c))
            ),
            None,
        )
        if clause is not None:
            predicate.code = "019"
            predicate.generic = False

    def _acceded_content(self, predicate: Predicate) -> None:
        """ "accepted demands from the rebels that it initiate political reforms": what was
        demanded names what is yielded (08x)."""
        nouns = [t for t in predicate.trigger_tokens[1:] if t.pos_ == "NOUN"]
        if not nouns:
            return
        # The parser may hang the clause on the verb or on the demander ("demands from the
        # rebels that it initiate ..." as a relative clause with 'that' as its mark).
        hosts = [*nouns, predicate.trigger]
        hosts += [o for n in nouns for p, o in prep_phrases(n) if p in ("from", "by", "of")]
        for host in hosts:
            for clause in children(host):
                if clause.dep_ not in ("acl", "relcl", "ccomp") or clause.pos_ != "VERB":
                    continue
                if host is predicate.trigger and clause.dep_ != "ccomp":
                    continue
                if host not in nouns and host is not predicate.trigger and clause.dep_ != "relcl":
                    continue
                if clause.dep_ == "relcl" and not any(
                    c.dep_ == "mark" and c.lower_ == "that" for c in children(clause)
                ):
                    continue  # "demands which it had rejected" says nothing of the content
                inner = self.verb(clause, allow_fold=False)
                if inner is not None and inner.root == "08":
                    code: str | None = inner.code
                else:
                    slot = content_slot(content_words(self.lexicon, [clause]))
                    code = _YIELD_CODES.get(slot or "")
                if code is not None:
                    predicate.code = code
                    predicate.folded = True
                    absorb_clause(predicate, clause, inner)
                    return

    def _accusation_content(self, predicate: Predicate) -> None:
        heads = [o for p, o in prep_phrases(predicate.trigger) if p in ("of", "for")]
        if not heads:
            return
        for _kinds, domains in content_words(self.lexicon, heads):
            code = next(
                (_ACCUSATION_DOMAINS[d] for d in sorted(domains) if d in _ACCUSATION_DOMAINS), None
            )
            if code is not None:
                predicate.code = code
                return

    def _protest_aim(self, predicate: Predicate) -> None:
        """ "staged rallies to demand the president's resignation" is 1411, "blocked roads to
        press their demands for greater freedom" 1443: a purpose clause on the protest (or its
        event noun) that codes as a demand or appeal names what the protest is for."""
        hosts = [predicate.trigger, *predicate.trigger_tokens[1:]]
        for host in hosts:
            for clause in children(host):
                if clause.dep_ not in _AIM_DEPS or clause.pos_ != "VERB":
                    continue
                if clause.dep_ == "conj" and clause.tag_ != "VBG":
                    continue  # "rioted and burned cars" is another act
                aim = self.verb(clause)
                if aim is None or aim.root not in ("02", "10"):
                    continue
                digit = _PROTEST_AIMS.get(slot_for(aim.code) or "")
                if digit is not None:
                    predicate.code += digit
                    return

    def _is_hostile(self, noun: Token) -> bool:
        match = match_noun(self.lexicon, noun)
        return noun.pos_ == "NOUN" and match is not None and "11" <= match.pattern.code[:2] <= "20"
