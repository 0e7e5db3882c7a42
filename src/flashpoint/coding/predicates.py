"""Find the event predicates of a sentence: trigger, CAMEO code and argument heads.

A predicate is a verb matched in the lexicon ("condemned"), a light verb with an event noun
("launched an assault", "held talks"), a control verb folded with its complement ("urged
Israel to reconsider", "agreed to resume talks") or a stand-alone event noun with its own
agent ("Israeli airstrikes on Gaza", "an attack by rebels").  Arguments are returned as
syntactic heads; turning them into actors is the coder's job.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from .complements import family_of, fold
from .lexicon import Lexicon, Match, Pattern
from .reporting import REPORTING_VERBS
from .syntax import agent_of, direct_objects, is_passive, particle_of, prep_phrases, subject_of

__all__ = ["Predicate", "find_predicates"]

TARGET_PREPS = (
    "with",
    "against",
    "on",
    "to",
    "toward",
    "towards",
    "into",
    "at",
    "upon",
    "over",
    "from",
    "for",
    "between",
)
_NOMINAL = ("NOUN", "PROPN", "PRON")
# A stand-alone event noun is coded only where the sentence reports it happening ("Israeli
# airstrikes killed five", "Israeli strikes have continued").  As the object of another verb
# ("condemned the attack", "reconsider its ban") it is that verb's topic, not a new event.
_NOMINAL_EVENT_DEPS = ("nsubj", "nsubjpass", "ROOT", "appos")
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
_DEESCALATE_VERBS = frozenset(["stop", "halt", "end", "cease", "suspend"])


@dataclass
class Predicate:
    trigger: Token
    code: str
    pattern: Pattern
    sources: list[Token]
    targets: list[Token]  # candidate target heads, best first
    chain: set[int] = field(default_factory=set)  # tokens folded into this event
    trigger_tokens: list[Token] = field(default_factory=list)
    generic: bool = False  # a family base or statement code without a refining complement
    folded: bool = False

    @property
    def root(self) -> str:
        return self.code[:2]


def _preps_for(tokens: list[Token]) -> list[tuple[str, Token]]:
    out: list[tuple[str, Token]] = []
    for token in tokens:
        out.extend(prep_phrases(token))
    return out


def _pairs(preps: list[tuple[str, Token]]) -> list[tuple[str, str | None]]:
    return [(p, o.lemma_.lower()) for p, o in preps]


_OBLIGATION = frozenset({"must", "should"})
_PHONE_VERBS = frozenset({"call", "phone", "telephone", "ring"})


def _phone_pattern(lemma: str) -> Pattern:
    return Pattern("041", "V", lemma, "", "", "", "", "rule:phone-call")


def _absorb(predicate: Predicate, clause: Token, inner: Predicate | None) -> None:
    """Fold a complement clause into ``predicate``: its words are consumed, and its subject
    ("urged Netanyahu to reconsider", "said Libya must ...") becomes the first target."""
    predicate.chain.add(clause.i)
    if inner is not None:
        predicate.chain |= inner.chain
    predicate.trigger_tokens.append(clause)
    predicate.targets = [c for c in clause.children if c.dep_ == "nsubj"] + predicate.targets


def _infinitival_complement(verb: Token) -> Token | None:
    """The 'to'-clause of a control verb: an xcomp, or a ccomp with 'to' (parser variation)."""
    for child in verb.children:
        if child.pos_ not in ("VERB", "AUX", "ADP"):
            continue
        if child.dep_ == "xcomp" and child.pos_ != "ADP":
            return child
        if child.dep_ == "prep" and child.lower_ in ("to", "toward", "towards"):
            pcomp = next((g for g in child.children if g.dep_ == "pcomp"), None)
            if pcomp is not None and pcomp.pos_ == "VERB":
                return pcomp  # "did not commit to freezing the plans"
        if child.dep_ == "ccomp" and (
            child.tag_ == "VB"  # subjunctive: "demanded that Rajoelina step down"
            or any(g.dep_ == "aux" and g.lower_ in ("to", "should", "must") for g in child.children)
        ):
            return child
    return None


def _complement_slot(verb: Token) -> str | None:
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


class _Finder:
    def __init__(self, lexicon: Lexicon):
        self.lexicon = lexicon

    def verb(self, verb: Token, *, allow_fold: bool = True) -> Predicate | None:
        lex = self.lexicon
        lemma = verb.lemma_.lower()
        particle = particle_of(verb)
        objects = direct_objects(verb)
        preps = prep_phrases(verb) + _preps_for(objects)
        object_lemmas = [o.lemma_.lower() for o in objects]
        match: Match | None = lex.match(
            "V", lemma, particle=particle, objects=object_lemmas, preps=_pairs(preps)
        )
        if match is None and particle and not any(c.dep_ == "prt" for c in verb.children):
            # The "particle" was a guess from an advmod; read the verb without it.
            particle = None
            match = lex.match("V", lemma, objects=object_lemmas, preps=_pairs(preps))
        light_noun: Token | None = None
        if (match is None or match.pattern.specificity == 0) and lex.is_light_verb(lemma):
            for obj in objects:
                noun_preps = prep_phrases(obj) + prep_phrases(verb)
                noun_match = lex.match("N", obj.lemma_.lower(), preps=_pairs(noun_preps))
                if noun_match is not None:
                    match, light_noun, preps = noun_match, obj, noun_preps
                    break
        if (
            match is None
            and lemma in _PHONE_VERBS
            and any(o.ent_type_ == "PERSON" or o.pos_ == "PROPN" for o in objects)
        ):
            # "Netanyahu called Morrison": a phone call is a consultation (041).
            match = Match(_phone_pattern(lemma), None)
        if match is None:
            return None
        pattern = match.pattern
        trigger_tokens = [verb]
        chain = {verb.i}
        if particle:
            trigger_tokens += [c for c in verb.children if c.lower_ == particle]
        if light_noun is not None:
            trigger_tokens.append(light_noun)
            chain.add(light_noun.i)
        elif pattern.obj:
            for obj in objects:
                if self.lexicon._fits(pattern.obj, obj.lemma_.lower()):
                    chain.add(obj.i)
                    trigger_tokens.append(obj)
                    light_noun = obj  # its owner or author is the target, below
                    break

        passive = is_passive(verb)
        if passive:
            agent = agent_of(verb)
            sources = [agent] if agent is not None else []
            targets = [c for c in verb.children if c.dep_ == "nsubjpass"]
        else:
            subject = subject_of(verb)
            sources = [subject] if subject is not None else []
            targets = []
        if match.prep_index is not None:
            prep_object = preps[match.prep_index][1]
            if pattern.prep_obj:
                # "called for talks": the prepositional object is part of the event, not its
                # target.
                chain.add(prep_object.i)
                trigger_tokens.append(prep_object)
            elif prep_object.pos_ in _NOMINAL:
                targets.append(prep_object)
        if light_noun is not None:
            # "rejected Putin's proposal", "a proposal by the EU": the owner is the target.
            targets += [c for c in light_noun.children if c.dep_ == "poss"]
            targets += [o for p, o in prep_phrases(light_noun) if p in ("by", "from", "of")]
            if light_noun.pos_ in _NOMINAL and pattern.obj:
                targets.append(light_noun)  # "expelled Russian diplomats": they are the target
        for obj in objects:
            if obj.i not in chain and obj.pos_ in _NOMINAL:
                targets.append(obj)
        targets += [c for c in verb.children if c.dep_ == "dative" and c.pos_ in _NOMINAL]
        for prep, obj in preps:
            if prep in TARGET_PREPS and obj.pos_ in _NOMINAL and obj not in targets:
                targets.append(obj)

        predicate = Predicate(verb, pattern.code, pattern, sources, targets, chain, trigger_tokens)
        if allow_fold:
            self._fold(predicate)
        if pattern.code[:2] == "01" and lemma in REPORTING_VERBS:
            # Only an addressee ("told Netanyahu", "said to reporters") makes a statement a
            # dyadic event; what the statement is about is coded as its own event, if any.
            predicate.generic = True
            if allow_fold:
                self._obligation(predicate)

        return predicate

    def _fold(self, predicate: Predicate) -> None:
        family = family_of(predicate.code)
        if family is None:
            return
        verb = predicate.trigger
        complement = _infinitival_complement(verb)
        if complement is None:
            predicate.generic = True
            return
        inner = self.verb(complement, allow_fold=False)
        slot = _complement_slot(complement)
        if inner is None and slot is None and complement.lemma_.lower() in _DEESCALATE_VERBS:
            objects = direct_objects(complement)
            if any(self._is_violence(o) for o in objects):
                slot = "yield_mil"
        if (
            inner is not None
            and slot is None
            and (
                complement.lemma_.lower() in _DEESCALATE_VERBS and inner.root in ("18", "19", "20")
            )
        ):
            slot = "yield_mil"
        if slot is None and complement.lemma_.lower() in _DEESCALATE_VERBS:
            # "urged the forces to stop using excessive force": stopping violence de-escalates.
            nested = next((c for c in complement.children if c.dep_ == "xcomp"), None)
            nested_predicate = self.verb(nested, allow_fold=False) if nested is not None else None
            if nested_predicate is not None and nested_predicate.root in ("17", "18", "19", "20"):
                slot = "yield_mil"
                predicate.chain |= nested_predicate.chain
        if family == "reject" and complement.lemma_.lower() == "comment":
            folded: str | None = "011"  # "declined to comment" is CAMEO's own code
        else:
            folded = fold(family, inner.code if inner else None, slot)
        _absorb(predicate, complement, inner)
        # "agreed to share information and cooperate": coordinated complements are one promise.
        predicate.chain |= {c.i for c in complement.children if c.dep_ == "conj"}
        if inner is not None:
            predicate.targets += [t for t in inner.targets if t not in predicate.targets]
        else:
            for obj in direct_objects(complement):
                if obj.pos_ in _NOMINAL:
                    predicate.targets.append(obj)
            for prep, obj in prep_phrases(complement):
                if prep in TARGET_PREPS and obj.pos_ in _NOMINAL:
                    predicate.targets.append(obj)
        if folded is not None:
            predicate.code = folded
            predicate.folded = True
        else:
            predicate.generic = True

    def _obligation(self, predicate: Predicate) -> None:
        """ "X said Libya must hand over the suspects" is X demanding it of Libya (10x)."""
        clause = next(
            (
                c
                for c in predicate.trigger.children
                if c.dep_ == "ccomp"
                and any(a.dep_ == "aux" and a.lower_ in _OBLIGATION for a in c.children)
                and any(a.dep_ == "nsubj" for a in c.children)
            ),
            None,
        )
        if clause is None:
            return
        inner = self.verb(clause, allow_fold=False)
        folded = fold("demand", inner.code if inner else None, _complement_slot(clause))
        predicate.code = folded or "100"
        predicate.generic = folded is None
        predicate.folded = folded is not None
        _absorb(predicate, clause, inner)

    def _is_violence(self, noun: Token) -> bool:
        match = self.lexicon.match("N", noun.lemma_.lower())
        return match is not None and match.pattern.code[:2] in ("18", "19", "20", "15")

    def noun(self, noun: Token) -> Predicate | None:
        """A stand-alone event noun with its own agent: "Israeli airstrikes on Gaza"."""
        preps = prep_phrases(noun)
        match = self.lexicon.match("N", noun.lemma_.lower(), preps=_pairs(preps))
        if match is None:
            return None
        sources: list[Token] = []
        for child in noun.children:
            if child.dep_ == "poss" or (
                child.dep_ in ("amod", "compound")
                and child.pos_ in ("ADJ", "PROPN")
                and child.i < noun.i
            ):
                sources.append(child)
        for prep, obj in preps:
            if prep == "by":
                sources.insert(0, obj)
        if not sources and match.pattern.code[:2] == "13":
            speaker = _reporting_speaker(noun)
            if speaker is not None:
                sources.append(speaker)
        if not sources:
            return None
        targets = [obj for prep, obj in preps if prep in TARGET_PREPS and obj.pos_ in _NOMINAL]
        return Predicate(
            noun, match.pattern.code, match.pattern, sources, targets, {noun.i}, [noun]
        )


def _reporting_speaker(token: Token) -> Token | None:
    """The speaker of a threat voiced as a statement.

    "The US reiterated that military options against Iran remain on the table" is a US
    threat against Iran: the threat noun has no agent of its own, the speaker supplies it.
    Only threats get this reading; "X said attacks on Y rose" is not X attacking Y.
    """
    current = token
    for _ in range(6):
        head = current.head
        if head.i == current.i:
            return None
        if current.dep_ == "ccomp" and head.lemma_.lower() in REPORTING_VERBS:
            return next((c for c in head.children if c.dep_ == "nsubj"), None)
        current = head
    return None


def _depths(sent: Span) -> dict[int, int]:
    """Distance of every token from the sentence root, so governors are coded first."""
    depth: dict[int, int] = {}
    for token in sent:
        path = []
        current = token
        while current.i not in depth and current.head.i != current.i and len(path) < 50:
            path.append(current)
            current = current.head
        base = depth.get(current.i, 0)
        for offset, node in enumerate(reversed(path), start=1):
            depth[node.i] = base + offset
        depth.setdefault(token.i, base)
    return depth


def find_predicates(sent: Span, lexicon: Lexicon) -> list[Predicate]:
    finder = _Finder(lexicon)
    consumed: set[int] = set()
    found: list[Predicate] = []
    depth = _depths(sent)
    for token in sorted(sent, key=lambda t: (depth[t.i], t.i)):
        if token.i in consumed:
            continue
        predicate = None
        if token.pos_ == "VERB" or (token.pos_ == "AUX" and token.dep_ != "aux"):
            predicate = finder.verb(token)
        elif (
            token.pos_ == "NOUN"
            and token.dep_ in _NOMINAL_EVENT_DEPS
            and lexicon.has("N", token.lemma_.lower())
        ):
            predicate = finder.noun(token)
        if predicate is None:
            continue
        consumed |= predicate.chain
        found.append(predicate)
    return _drop_redundant_statements(found)


def _drop_redundant_statements(predicates: list[Predicate]) -> list[Predicate]:
    """A reporting verb is coded 010 only when it has an addressee.

    CAMEO treats statements as a residual category; coding every "said" inflates 010
    (a known failure of dictionary coders).  The coder also drops a statement that frames
    another coded event: a report of an attack is the attack.
    """
    return [p for p in predicates if not (p.generic and p.root == "01" and not p.targets)]
