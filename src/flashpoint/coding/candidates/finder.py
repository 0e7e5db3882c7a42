"""Find the event predicates of a sentence: trigger, CAMEO code and argument heads.

A predicate is a verb matched in the lexicon ("condemned"), a light verb with an event noun
("launched an assault", "held talks"), a control verb folded with its complement ("urged
Israel to reconsider", "agreed to resume talks") or a stand-alone event noun with its own
agent ("Israeli airstrikes on Gaza", "an attack by rebels").  Arguments are returned as
syntactic heads; turning them into actors is the coder's job.

The finder codes verbs, predicate adjectives and event nouns here; folding a control verb
with its complement (complement_folding.py) and refining a code from its context
(code_refinements.py) are its mixins.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from ...nlp.components.headlines import as_headline
from ...nlp.docmemo import children, head_indices, sent_tokens
from ..context.reporting import REPORTING_VERBS
from ..syntax import (
    NOMINAL,
    TARGET_PREPS,
    agent_of,
    direct_objects,
    is_passive,
    particle_of,
    prep_phrases,
    subject_of,
)
from .code_refinements import VIOLENT_ROOTS, CodeRefinements, joint_exercise
from .complement_clauses import TRANSPARENT_VERBS, absorb_clause, infinitival_complement
from .complement_folding import ComplementFolding
from .complements import family_of
from .event_nouns import match_noun, noun_lemmas, prep_pairs, through_partitive
from .judgements import is_judgement, judgement, labelling, verbal_attack
from .lexicon import Lexicon, Match, Pattern
from .predicate import Predicate

__all__ = ["MODEL_ORIGIN", "find_predicates", "object_is_topic"]

# The pattern origin of a predicate the event model proposed (no lexicon pattern fired).
MODEL_ORIGIN = "model"

# A stand-alone event noun is coded only where the sentence reports it happening ("Israeli
# airstrikes killed five", "Israeli strikes have continued").  As the object of another verb
# ("condemned the attack", "reconsider its ban") it is that verb's topic, not a new event.
_NOMINAL_EVENT_DEPS = ("nsubj", "nsubjpass", "ROOT", "appos")
# Verbs that report an event as happening: "protests broke out / erupted / spread".
_HAPPENING_VERBS = frozenset(
    "break erupt occur continue spread begin start escalate intensify rage flare resume grow "
    "turn happen unfold take".split()
)
_LIGHT_PREPS = ("for", "on", "in")
# Reactions an act draws, and reactions that come from someone (_Finder.reaction); only
# verbal reactions and protest: "drew fire from rebels" is no attack by them.
_DRAWING_VERBS = frozenset("draw attract receive prompt spark trigger provoke earn elicit".split())
_COMING_VERBS = frozenset({"come", "pour"})
_REACTION_ROOTS = frozenset({"05", "11", "12", "14"})
_CLAIM_VERBS = frozenset(["claim", "admit", "acknowledge"])
# "X is responsible for the killings", "guilty of violating the truce": X did it.
_AUTHOR_ADJECTIVES = frozenset(["responsible", "guilty", "culpable"])
_PHONE_VERBS = frozenset({"call", "phone", "telephone", "ring"})
_WANT_VERBS = frozenset({"want", "wish"})
# Verbs that state a conclusion or a stance without being reporting verbs: with an obligation
# clause ("the forum concluded that the US must allocate resources") they are demands.
_STATEMENT_VERBS = frozenset(
    {"conclude", "stress", "emphasize", "emphasise", "argue", "believe", "feel", "maintain"}
)
# Permission verbs: "allowed the opposition to hold a rally" eases a restriction (08x).
_PERMIT_VERBS = frozenset({"allow", "permit", "let", "authorize", "authorise"})
_SPLIT_PARTICLES = frozenset({"out"})
# Protests take their fourth digit from what they demand (CAMEO 14x1-14x4).
_PROTEST_CODES = frozenset({"141", "142", "143", "144", "145"})
# "died as a result of torture", "died in an air strike": the cause names the violence.
_DEATH_VERBS = frozenset({"die", "perish", "succumb"})
_CAUSE_PREPS = ("of", "from", "in", "after", "under")
# Accusing, convicting, arresting: a 'for'-gerund names the alleged offence.
_PUNITIVE_ROOTS = ("11", "17")
_STEP_VERBS = frozenset({"take", "adopt"})
# Consultation verbs whose object is the subject matter, never the other party: "discussed
# Turkish-Libyan relations with his Greek counterpart" is a meeting with Greece.
_TOPIC_VERBS = frozenset({"discuss", "debate", "review", "examine", "consider"})
_STEP_NOUNS = frozenset({"step", "measure", "action", "move", "initiative"})


def _preps_for(tokens: list[Token]) -> list[tuple[str, Token]]:
    out: list[tuple[str, Token]] = []
    for token in tokens:
        out.extend(prep_phrases(token))
    return out


def _wanted_of_other(verb: Token, objects: list[Token]) -> bool:
    """ "wants Germany to pay": a 'to'-clause with a subject of its own (parsed as a ccomp
    with a subject, or an object plus xcomp)."""
    for child in children(verb):
        if child.dep_ not in ("ccomp", "xcomp") or child.pos_ != "VERB":
            continue
        if not any(a.dep_ == "aux" and a.lower_ == "to" for a in children(child)):
            continue
        own = [c for c in children(child) if c.dep_ == "nsubj" and c.pos_ in ("PROPN", "NOUN")]
        if own or (child.dep_ == "xcomp" and any(o.pos_ == "PROPN" for o in objects)):
            return True
    return False


# Participles that describe their subject's stance, not something done to it: "Israel is
# opposed to French mediation", "Vietnam is committed to opening up the economy".
_STATIVE_PARTICIPLES = frozenset(
    [
        "oppose",
        "commit",
        "determine",
        "prepare",
        "dedicate",
        "resolve",
        "dispose",
        "incline",
        "engage",  # "Serb forces were engaged in ethnic cleansing"
        "involve",
    ]
)


def _stative(verb: Token) -> bool:
    return (
        verb.lemma_.lower() in _STATIVE_PARTICIPLES
        and agent_of(verb) is None
        and any(c.dep_ == "nsubjpass" for c in children(verb))
        and any(
            c.dep_ in ("prep", "xcomp") or (c.dep_ == "aux" and c.lower_ == "to")
            for c in children(verb)
        )
    )


_SUSPECT_MODIFIERS = frozenset({"alleged", "suspected", "accused", "wanted", "indicted"})
_SUSPECT_CLAUSES = frozenset({"suspect", "accuse", "want", "charge", "indict"})


def _suspected(person: Token) -> bool:
    """ "the alleged bombers", "(two of its) nationals suspected of ...", "men wanted for"."""
    people = [person]
    people += [
        g for c in children(person) if c.lower_ == "of" for g in children(c) if g.dep_ == "pobj"
    ]
    for child in (c for p in people for c in children(p)):
        if child.dep_ in ("amod", "compound") and child.lower_ in _SUSPECT_MODIFIERS:
            return True
        if child.dep_ in ("acl", "relcl") and child.lemma_.lower() in _SUSPECT_CLAUSES:
            return True
    return False


def _phone_pattern(lemma: str) -> Pattern:
    return Pattern("041", "V", lemma, "", "", "", "", "rule:phone-call")


# Verbs coded by a rule of _Finder.verb rather than by a lexicon pattern of their own.
_RULE_VERBS = (
    _STEP_VERBS
    | _PHONE_VERBS
    | _WANT_VERBS
    | _PERMIT_VERBS
    | _DEATH_VERBS
    | _STATEMENT_VERBS
    | {"prepare"}
)


def _may_code_verb(lexicon: Lexicon, lemma: str) -> bool:
    """Whether any path of _Finder.verb can code this lemma: a verb pattern, a light verb
    ("launched an assault", "engaged in talks") or a rule verb.  Keep in step with verb()."""
    return (
        lexicon.has("V", lemma)
        or lemma in _RULE_VERBS
        or lexicon.is_light_verb(lemma)
        or lexicon.in_class(lemma, "@PREPLIGHT")
    )


class _Finder(ComplementFolding, CodeRefinements):
    """Codes verbs, predicate adjectives and event nouns; folding complements and refining
    codes are its mixins' jobs."""

    def __init__(self, lexicon: Lexicon, proposals: dict[int, str] | None = None):
        self.lexicon = lexicon
        # token index -> CAMEO code, for words the event model proposes (model_support.py)
        self.proposals = proposals or {}

    def verb(
        self, verb: Token, *, allow_fold: bool = True, proposed: str | None = None
    ) -> Predicate | None:
        """``proposed``: a CAMEO code the event model proposes for this verb, used only when no
        lexicon pattern or rule codes it (the verb's arguments are then read the same way)."""
        lex = self.lexicon
        lemma = verb.lemma_.lower()
        if not proposed and not _may_code_verb(lex, lemma):
            return None  # most verbs of a sentence: no pattern or rule below can fire
        if lemma in _STEP_VERBS and allow_fold:
            stepped = self._steps(verb)
            if stepped is not None:
                return stepped
        particle = particle_of(verb)
        if particle is None:
            # "forced the agency out of the country": the particle after the object.
            particle = next(
                (
                    c.lower_
                    for c in children(verb)
                    if c.lower_ in _SPLIT_PARTICLES
                    and c.dep_ in ("prep", "advmod", "prt")
                    and c.i > verb.i
                    and not any(g.dep_ == "pobj" for g in children(c))
                    and any(g.dep_ == "prep" and g.lower_ == "of" for g in children(c))
                ),
                None,
            )
        objects = direct_objects(verb)
        if is_passive(verb) and not _stative(verb):
            # "sanctions were lifted" reads like "lifted sanctions" for the lexicon.
            objects = objects + [c for c in children(verb) if c.dep_ == "nsubjpass"]
        objects = [through_partitive(o) for o in objects]
        preps = prep_phrases(verb) + _preps_for(objects)
        object_lemmas = [lemma for o in objects for lemma in noun_lemmas(o, lex)]
        match: Match | None = lex.match(
            "V", lemma, particle=particle, objects=object_lemmas, preps=prep_pairs(preps)
        )
        if match is None and particle and not any(c.dep_ == "prt" for c in children(verb)):
            # The "particle" was a guess from an advmod; read the verb without it.
            particle = None
            match = lex.match("V", lemma, objects=object_lemmas, preps=prep_pairs(preps))
        light_noun: Token | None = None
        if (match is None or match.pattern.specificity == 0) and lex.is_light_verb(lemma):
            # "launched an assault"; failing an object, "joined Abe for talks", "led a
            # delegation on a visit": the event noun sits in a phrase of the light verb.
            heads = list(objects) + [o for p, o in prep_phrases(verb) if p in _LIGHT_PREPS]
            heads += [o for obj in objects for p, o in prep_phrases(obj) if p in _LIGHT_PREPS]
            for obj in heads:
                noun_preps = prep_phrases(obj) + prep_phrases(verb)
                noun_match = match_noun(lex, obj, prep_pairs(noun_preps)) or self._proposed_noun(
                    obj
                )
                if noun_match is not None:
                    match, light_noun, preps = noun_match, obj, noun_preps
                    break
        if match is None and lex.in_class(lemma, "@PREPLIGHT"):
            # "engaged in ethnic cleansing", "resorted to violence", "took part in talks".
            for prep, obj in prep_phrases(verb):
                if prep in ("in", "to") and obj.pos_ == "NOUN":
                    noun_match = match_noun(lex, obj, prep_pairs(prep_phrases(obj)))
                    if noun_match is not None:
                        match, light_noun = noun_match, obj
                        preps = prep_phrases(obj) + prep_phrases(verb)
                        break
        if (
            match is None
            and lemma in _PHONE_VERBS
            and any(o.ent_type_ == "PERSON" or o.pos_ == "PROPN" for o in objects)
        ):
            # "Netanyahu called Morrison": a phone call is a consultation (041).
            match = Match(_phone_pattern(lemma), None)
        if match is None and lemma in _WANT_VERBS and _wanted_of_other(verb, objects):
            # "Sharon wants Germany to pay more compensation" asks it of Germany (02x).
            match = Match(Pattern("020", "V", lemma, "", "", "", "", "rule:want"), None)
        if (
            match is not None
            and lemma == "agree"
            and match.pattern.code == "019"
            and infinitival_complement(verb) is not None
        ):
            # "agreed, with strings attached, to lift embargoes": agreeing to act is a promise.
            match = lex.match("V", lemma, objects=object_lemmas) or match
        governed: tuple[Token, Predicate | None] | None = None
        if match is None and allow_fold and lemma in _PERMIT_VERBS:
            permitted = self._permitted(verb)
            if permitted is not None:
                code, governed = permitted
                match = Match(Pattern(code, "V", lemma, "", "", "", "", "rule:permit"), None)
        if match is None and allow_fold and lemma == "prepare" and not is_passive(verb):
            prepared = self._prepared_attack(verb)
            if prepared is not None:
                governed = prepared
                match = Match(Pattern("150", "V", lemma, "", "", "", "", "rule:prepare"), None)
        if match is None and lemma in _DEATH_VERBS and allow_fold:
            return self._death_by(verb)
        if match is None and lemma in _STATEMENT_VERBS and self._obligation_clause(verb):
            match = Match(Pattern("010", "V", lemma, "", "", "", "", "rule:statement"), None)
        if (
            match is None
            and proposed
            and not _aspectual(verb, lemma)
            and not lex.blocks(
                "V", lemma, particle=particle, objects=object_lemmas, preps=prep_pairs(preps)
            )
        ):
            match = Match(Pattern(proposed, "V", lemma, "", "", "", "", MODEL_ORIGIN), None)
        if match is None:
            return None
        pattern = match.pattern
        trigger_tokens = [verb]
        chain = {verb.i}
        if particle:
            trigger_tokens += [c for c in children(verb) if c.lower_ == particle]
        if light_noun is not None:
            trigger_tokens.append(light_noun)
            chain.add(light_noun.i)
        elif pattern.obj:
            for obj in objects:
                if any(self.lexicon._fits(pattern.obj, x) for x in noun_lemmas(obj, lex)):
                    chain.add(obj.i)
                    trigger_tokens.append(obj)
                    light_noun = obj  # its owner or author is the target, below
                    break

        passive = is_passive(verb) and not _stative(verb)
        if passive:
            agent = agent_of(verb)
            sources = [agent] if agent is not None else []
            targets = [c for c in children(verb) if c.dep_ == "nsubjpass"]
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
            elif prep_object.pos_ in NOMINAL:
                targets.append(prep_object)
        if light_noun is not None:
            # "rejected Putin's proposal", "a proposal by the EU": the owner is the target.
            targets += [c for c in children(light_noun) if c.dep_ == "poss"]
            targets += [o for p, o in prep_phrases(light_noun) if p in ("by", "from", "of")]
            if light_noun.pos_ in NOMINAL and pattern.obj:
                targets.append(light_noun)  # "expelled Russian diplomats": they are the target
        topic_objects = _consults_on_topic(pattern.code, lemma)
        for obj in objects:
            if obj.i not in chain and obj.pos_ in NOMINAL and not topic_objects:
                targets.append(obj)
        targets += [c for c in children(verb) if c.dep_ == "dative" and c.pos_ in NOMINAL]
        for prep, obj in preps:
            if prep in TARGET_PREPS and obj.pos_ in NOMINAL and obj not in targets:
                targets.append(obj)

        # "A group of African diplomats held talks": the diplomats are the actor.
        sources = [through_partitive(x) for x in sources]
        predicate = Predicate(verb, pattern.code, pattern, sources, targets, chain, trigger_tokens)
        if pattern.code[:3] == "084" and any(_suspected(o) for o in objects):
            # "hand over the alleged bombers", "two nationals suspected of the bombing": giving
            # up suspects for trial is judicial cooperation (063), not a release.
            predicate.code = "063"
        elif pattern.code == "084" and any(o.ent_type_ == "PERSON" for o in objects):
            # "released Aung San Suu Kyi": a named person is a release of persons (0841).
            predicate.code = "0841"
        if pattern.code == "150" and light_noun is not None:
            joint_exercise(predicate, light_noun)
        if governed is not None:
            absorb_clause(predicate, *governed)
        if predicate.root in _PUNITIVE_ROOTS:
            # "arrested for collaborating with Israel": the alleged offence is the reason for the
            # arrest, not an event of its own.
            predicate.chain |= {
                o.i for p, o in prep_phrases(verb) if p in ("for", "of") and o.pos_ == "VERB"
            }
        if lemma == "deny" and pattern.obj == "*" and any(self._is_hostile(o) for o in objects):
            # "denied the killings" denies responsibility (016), "denied permission" refuses.
            predicate.code = "016"
        if allow_fold:
            self._fold(predicate)
            if not predicate.folded and family_of(predicate.code) is None:
                self._refine_content(predicate)
            self._refusal(predicate)
        if predicate.root in VIOLENT_ROOTS:
            self._instrument(predicate, preps)
        if allow_fold and lemma in _CLAIM_VERBS:
            self._claimed_act(predicate)
        # A reporting verb whose pattern names what is stated ("claimed responsibility",
        # "acknowledged the error") is that kind of statement, not a bare one.
        named_content = bool(pattern.obj or pattern.prep_obj)
        statement = (lemma in REPORTING_VERBS and not named_content) or (
            pattern.origin == "rule:statement"
        )
        if pattern.code[:2] == "01" and statement and not predicate.folded:
            # Only an addressee ("told Netanyahu", "said to reporters") makes a statement a
            # dyadic event; what the statement is about is coded as its own event, if any.
            predicate.generic = True
            if allow_fold:
                self._obligation(predicate)
        elif pattern.code == "010" and light_noun is not None and allow_fold:
            # "issued a stern reminder to Iraq that it must cooperate" demands it (10x).
            self._obligation(predicate)
        if allow_fold and lemma == "agree" and predicate.code == "030":
            self._accord(predicate)
        if allow_fold and predicate.code == "019" and light_noun is not None:
            self._consensus_to(predicate, light_noun)
        if allow_fold and predicate.code in _PROTEST_CODES:
            self._protest_aim(predicate)
        if allow_fold and predicate.code == "112":
            self._accusation_content(predicate)
        if allow_fold and predicate.code == "080":
            self._acceded_content(predicate)

        return predicate

    def _steps(self, verb: Token) -> Predicate | None:
        """ "took steps to enhance political freedoms", "will take measures to release the
        prisoners": taking steps to do something is doing it; its subject is the actor."""
        for obj in direct_objects(verb):
            if obj.lemma_.lower() not in _STEP_NOUNS:
                continue
            clause = next(
                (
                    c
                    for c in [*children(obj), *children(verb)]
                    if c.dep_ in ("acl", "xcomp", "advcl", "relcl")
                    and c.pos_ == "VERB"
                    and any(a.dep_ == "aux" and a.lower_ == "to" for a in children(c))
                ),
                None,
            )
            if clause is None:
                continue
            inner = self.verb(clause)
            if inner is None:
                return None
            subject = subject_of(verb)
            if subject is not None:
                inner.sources = [subject]
            inner.chain |= {verb.i, obj.i}
            inner.trigger_tokens = [verb, obj, *inner.trigger_tokens]
            return inner
        return None

    def adjective(self, adj: Token) -> Predicate | None:
        """A predicate adjective: "X is skeptical of Y" (012), "X is ready to send troops"
        (03x, folded with its complement like a control verb), "X is concerned by Y's
        detention of ..." (110; the parser reads the participle as a passive verb)."""
        preps = prep_phrases(adj)
        if adj.lemma_.lower() in _AUTHOR_ADJECTIVES:
            return self._authored(adj, preps)
        state = _state_participle(adj)
        lemma = adj.lower_ if state else adj.lemma_.lower()
        match = self.lexicon.match("A", lemma, preps=prep_pairs(preps))
        if match is None:
            return None
        copula = adj if state else adj.head
        subject = subject_of(copula) if state or copula.i != adj.i else None
        if subject is None:
            return None
        targets: list[Token] = []
        for _prep, obj in preps:
            if obj.pos_ in NOMINAL:
                targets.append(obj)
            targets += [c for c in children(obj) if c.dep_ == "poss"]
            targets += [o for p, o in prep_phrases(obj) if p in ("of", "by")]
        predicate = Predicate(
            adj, match.pattern.code, match.pattern, [subject], targets, {adj.i, copula.i}, [adj]
        )
        self._fold(predicate)
        return predicate

    def _authored(self, adj: Token, preps: list[tuple[str, Token]]) -> Predicate | None:
        """ "Sudan is responsible for mass killings", "both sides are guilty of violating the
        ceasefire": the subject committed the act named in the phrase.  Only hostile acts
        (roots 12-20) are read this way; "responsible for security" names a duty."""
        copula = adj.head
        subject = subject_of(copula) if copula.i != adj.i else None
        if subject is None:
            return None
        for prep, obj in preps:
            if prep not in ("for", "of"):
                continue
            inner: Predicate | None = None
            if obj.pos_ == "VERB":
                inner = self.verb(obj, allow_fold=False)
            else:
                head = through_partitive(obj)
                match = match_noun(self.lexicon, head, prep_pairs(prep_phrases(head)))
                if match is not None:
                    targets = [o for p, o in prep_phrases(head) if p in TARGET_PREPS]
                    inner = Predicate(head, match.pattern.code, match.pattern, [], targets)
            if inner is None or not "12" <= inner.root <= "20":
                continue
            chain = {adj.i, copula.i, obj.i, inner.trigger.i} | inner.chain
            return Predicate(
                adj, inner.code, inner.pattern, [subject], inner.targets, chain, [adj, obj]
            )
        return None

    def _death_by(self, verb: Token) -> Predicate | None:
        """ "A prisoner died as a result of torture", "three soldiers died in a bomb attack":
        the one who died is the target of the violence the cause noun names; the perpetrator
        is unnamed (the coder supplies an unidentified attacker, or an actor in the clause)."""
        subject = subject_of(verb)
        if subject is None:
            return None
        heads = []
        for prep, obj in prep_phrases(verb):
            if prep == "as" and obj.lemma_.lower() == "result":
                heads += [o for p, o in prep_phrases(obj) if p == "of"]
            elif prep in _CAUSE_PREPS:
                heads.append(obj)
        for head in heads:
            head = through_partitive(head)
            if head.pos_ != "NOUN":
                continue
            match = match_noun(self.lexicon, head, prep_pairs(prep_phrases(head)))
            if match is None or match.pattern.code[:2] not in VIOLENT_ROOTS:
                continue
            sources = [o for p, o in prep_phrases(head) if p == "by"]
            predicate = Predicate(
                verb,
                match.pattern.code,
                match.pattern,
                sources,
                [subject],
                {verb.i, head.i},
                [verb, head],
            )
            self._instrument(predicate, [("in", head)])  # "a roadside bomb attack" is 183
            return predicate
        return None

    def _proposed_noun(self, noun: Token) -> Match | None:
        """The event model's reading of an event noun the lexicon does not know ("announced
        the designation of five leaders", "carried out the executions")."""
        code = self.proposals.get(noun.i) if noun.pos_ == "NOUN" else None
        if code is None:
            return None
        return Match(Pattern(code, "N", noun.lemma_.lower(), "", "", "", "", MODEL_ORIGIN), None)

    def reaction(self, verb: Token) -> Predicate | None:
        """A reaction reported as something an act drew or that came from someone: "Uganda's
        decision drew criticism from Kenya", "the move prompted protests from traders",
        "condemnation came from France and Germany".  The reaction noun is the event; those
        it came from are its sources, and what drew it (the subject of "drew") its target."""
        lemma = verb.lemma_.lower()
        drawing = lemma in _DRAWING_VERBS
        if not drawing and lemma not in _COMING_VERBS:
            return None
        role = "dobj" if drawing else "nsubj"
        nouns = [c for c in children(verb) if c.dep_ == role and c.pos_ == "NOUN"]
        # "statements of condemnation have come from ...": the reaction named in an of-phrase
        nouns += [o for n in nouns for p, o in prep_phrases(n) if p == "of" and o.pos_ == "NOUN"]
        for noun in nouns:
            match = match_noun(self.lexicon, noun)
            if match is None or match.pattern.code[:2] not in _REACTION_ROOTS:
                continue
            phrases = prep_phrases(verb) + prep_phrases(noun)
            sources = [o for p, o in phrases if p == "from" and o.pos_ in NOMINAL]
            if not sources:
                continue
            subject = subject_of(verb) if drawing else None
            targets = [subject] if subject is not None and subject.pos_ in NOMINAL else []
            targets += [o for p, o in prep_phrases(noun) if p in TARGET_PREPS and o.pos_ in NOMINAL]
            return Predicate(
                noun, match.pattern.code, match.pattern, sources, targets, {noun.i, verb.i}, [noun]
            )
        return None

    def noun(self, noun: Token) -> Predicate | None:
        """A stand-alone event noun with its own agent: "Israeli airstrikes on Gaza"."""
        preps = prep_phrases(noun)
        match = match_noun(self.lexicon, noun, prep_pairs(preps)) or self._proposed_noun(noun)
        if match is None:
            return None
        sources: list[Token] = []
        for child in children(noun):
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
        if not sources and not (
            _heads_nominal_headline(noun) or _crowd_happening(noun, match.pattern.code)
        ):
            return None
        # A headline that is only a noun phrase ("Designations of ISIS Leaders in Somalia")
        # names its act without its agent: the coder takes the agent from the story's own
        # report of that act (assembly/headline_agents.py).
        targets = [obj for prep, obj in preps if prep in TARGET_PREPS and obj.pos_ in NOMINAL]
        return Predicate(
            noun, match.pattern.code, match.pattern, sources, targets, {noun.i}, [noun]
        )


def _crowd_happening(noun: Token, code: str) -> bool:
    """ "Protests broke out in Tehran", "riots erupted", "demonstrations spread": a protest
    reported as something that happens, with no one named taking part (the coder supplies the
    crowd, assembly/coder.py)."""
    return (
        code[:2] == "14" and noun.dep_ == "nsubj" and noun.head.lemma_.lower() in _HAPPENING_VERBS
    )


def _heads_nominal_headline(noun: Token) -> bool:
    line = as_headline(noun.sent)
    return line is not None and line.root == noun and noun.dep_ == "ROOT"


def object_is_topic(predicate: Predicate) -> bool:
    """The predicate's object is what a consultation is about ("discussed the Syrian
    crisis"), which names no party to it."""
    return _consults_on_topic(predicate.code, predicate.trigger.lemma_.lower())


def _consults_on_topic(code: str, lemma: str) -> bool:
    return code[:2] == "04" and lemma in _TOPIC_VERBS


def _state_participle(token: Token) -> bool:
    """ "was concerned by", "is disappointed with": a participle naming the subject's state
    of mind, parsed as a passive verb; the lexicon lists it as an adjective."""
    return token.tag_ == "VBN" and any(c.dep_ == "auxpass" for c in children(token))


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
            return next((c for c in children(head) if c.dep_ == "nsubj"), None)
        current = head
    return None


def _depths(sent: Span) -> dict[int, int]:
    """Distance of every token from the sentence root, so governors are coded first."""
    heads = head_indices(sent.doc)
    depth: dict[int, int] = {}
    for i in range(sent.start, sent.end):
        path = []
        current = i
        while current not in depth and len(path) < 50:
            head = heads[current]
            if head == current:
                break
            path.append(current)
            current = head
        base = depth.get(current, 0)
        for offset, node in enumerate(reversed(path), start=1):
            depth[node] = base + offset
        depth.setdefault(i, base)
    return depth


def _aspectual(verb: Token, lemma: str) -> bool:
    """ "will continue to support", "started supporting", "began deploying": the act is the
    complement, which is coded (or not) on its own; the event model's proposal for the
    aspect or effort verb itself would code the same act twice, the second time with a
    root guessed from the verb alone."""
    return lemma in TRANSPARENT_VERBS and any(
        c.dep_ == "xcomp" and c.pos_ in ("VERB", "AUX") for c in children(verb)
    )


def find_predicates(
    sent: Span, lexicon: Lexicon, proposals: dict[int, str] | None = None
) -> list[Predicate]:
    """The sentence's predicates.  ``proposals`` maps token indices to the CAMEO codes the event
    model proposes for words the lexicon may not know (see model_support.py)."""
    proposals = proposals or {}
    finder = _Finder(lexicon, proposals)
    consumed: set[int] = set()
    found: list[Predicate] = []
    depth = _depths(sent)
    for token in sorted(sent_tokens(sent), key=lambda t: (depth[t.i], t.i)):
        if token.i in consumed:
            continue
        predicate = None
        if is_judgement(token):
            predicate = judgement(token)
        elif (labelled := labelling(token)) is not None:
            predicate = labelled
        elif token.pos_ == "VERB" and (reacted := finder.reaction(token)) is not None:
            predicate = reacted
        elif _state_participle(token) and lexicon.has("A", token.lower_):
            predicate = finder.adjective(token)
        elif token.pos_ == "VERB" or (token.pos_ == "AUX" and token.dep_ != "aux"):
            predicate = finder.verb(token, proposed=proposals.get(token.i))
        elif (
            token.pos_ == "ADJ"
            and token.dep_ == "acomp"
            and (
                lexicon.has("A", token.lemma_.lower()) or token.lemma_.lower() in _AUTHOR_ADJECTIVES
            )
        ):
            predicate = finder.adjective(token)
        elif (
            token.pos_ == "NOUN"
            and token.dep_ in _NOMINAL_EVENT_DEPS
            and (
                token.i in proposals
                or any(lexicon.has("N", x) for x in noun_lemmas(token, lexicon))
            )
        ):
            predicate = finder.noun(token)
        if predicate is None:
            continue
        if (attacked := verbal_attack(predicate, lexicon)) is not None:
            predicate = attacked  # "attacked the proclamation": criticism of its author
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
