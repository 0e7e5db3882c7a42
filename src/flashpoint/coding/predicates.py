"""Find the event predicates of a sentence: trigger, CAMEO code and argument heads.

A predicate is a verb matched in the lexicon ("condemned"), a light verb with an event noun
("launched an assault", "held talks"), a control verb folded with its complement ("urged
Israel to reconsider", "agreed to resume talks") or a stand-alone event noun with its own
agent ("Israeli airstrikes on Gaza", "an attack by rebels").  Arguments are returned as
syntactic heads; turning them into actors is the coder's job.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from weakref import WeakKeyDictionary

from spacy.tokens import Span, Token

from .complements import (
    CONFLICT_SLOTS,
    CONTENT_DOMAINS,
    CONTENT_KINDS,
    FAMILY_BASES,
    content_slot,
    family_of,
    fold,
    refines,
    slot_for,
)
from .docmemo import sent_tokens
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
# Complement verbs that pass their own complement through: "urged X to help rebuild",
# "promised to continue providing aid", "agreed to try to end the fighting".
_TRANSPARENT_VERBS = frozenset(
    ["help", "continue", "resume", "begin", "start", "try", "seek", "work", "move", "act", "keep"]
)
# Cooperative roots whose negation is a refusal: "will not accept refugees" is 12x, not 075.
_NEGATABLE_ROOTS = ("04", "05", "06", "07", "08")
# Violent roots a weapon or attack noun can refine: "wounded two soldiers in a bomb attack".
_VIOLENT = ("18", "19", "20")
_INSTRUMENT_PREPS = ("in", "with", "by", "using")
_LIGHT_PREPS = ("for", "on", "in")
_CLAIM_VERBS = frozenset(["claim", "admit", "acknowledge"])
_CLAIMABLE_ROOTS = ("14", "15", "17", "18", "19", "20")
_JOINT = frozenset(["joint", "combined", "bilateral", "multinational", "trilateral"])
# Quantity nouns looked through to what they quantify: "suspended part of a military aid
# programme" suspends aid, "captured most of the town" captures the town.
_PARTITIVES = frozenset(
    """part portion some most much all half rest bulk share many majority remainder section
    parts third quarter fraction none
    ton tonne kg kilogram kilo pound litre liter barrel gallon lot amount quantity worth
    shipment consignment load cargo batch number dozen dozens hundreds thousands team mission
    contingent group unit detachment day week month hour round series wave spate string
    volley barrage package set kind member members""".split()
)
# (the second group are quantities and collections: "700 kg of medicine", "a team of
# inspectors", "10 days of war games", "a new round of talks", "a wave of air strikes")
# "X is responsible for the killings", "guilty of violating the truce": X did it.
_AUTHOR_ADJECTIVES = frozenset(["responsible", "guilty", "culpable"])


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


def noun_lemmas(token: Token, lexicon: Lexicon) -> list[str]:
    """The lemmas a noun can be looked up under, most specific first.

    "war games" -> ["war game", "game"]; "mediation efforts" -> ["mediation effort", "effort",
    "mediation"]: a two-word phrase first, then the head, then, for a semantically empty head
    (@GENERIC: effort, operation, programme ...), its modifiers, which carry the meaning.
    """
    lemma = token.lemma_.lower()
    modifiers = [
        c
        for c in token.children
        if c.dep_ in ("compound", "amod", "nmod") and c.i < token.i and c.is_alpha
    ]
    out = [f"{m.lemma_.lower()} {lemma}" for m in modifiers]
    out.append(lemma)
    if lexicon.in_class(lemma, "@GENERIC"):
        for m in modifiers:
            if m.pos_ not in ("NOUN", "PROPN", "ADJ", "VERB"):
                continue
            # "a military aid programme": the modifier's own phrase first ("military aid").
            inner = [
                f"{c.lemma_.lower()} {m.lemma_.lower()}"
                for c in m.children
                if c.dep_ in ("compound", "amod") and c.i < m.i and c.is_alpha
            ]
            out += [x for x in [*inner, m.lemma_.lower()] if x not in out]
    return out


def through_partitive(token: Token) -> Token:
    """ "part of a military aid programme" -> "programme", "hundreds of thousands of people"
    -> "people"; any other token is itself."""
    for _ in range(3):
        if token.lemma_.lower() not in _PARTITIVES and not _counting(token):
            return token
        pobj = next(
            (
                g
                for child in token.children
                if child.dep_ == "prep" and child.lower_ == "of"
                for g in child.children
                if g.dep_ == "pobj" and g.pos_ in ("NOUN", "PROPN")
            ),
            None,
        )
        if pobj is None:
            return token
        token = pobj
    return token


# Quantifiers that pick members out of a group: "several of the protesters", "each of them".
_QUANTIFIERS = frozenset("several each both few either any one".split())


def _counting(token: Token) -> bool:
    """A number or quantifier heading a partitive: "two of the soldiers", "several of them"."""
    return token.pos_ == "NUM" or token.lower_ in _QUANTIFIERS


def _match_noun(
    lexicon: Lexicon, token: Token, preps: list[tuple[str, str | None]] = ()
) -> Match | None:
    for lemma in noun_lemmas(token, lexicon):
        if lexicon.has("N", lemma):
            match = lexicon.match("N", lemma, preps=preps)
            if match is not None:
                return match
    return None


def _joint_exercise(predicate: Predicate, noun: Token) -> None:
    """Manoeuvres held by two or more forces together are military cooperation (062), not a
    show of force (150): "France and Egypt launched war games", "joint drills with Japan"."""
    joint = any(c.lower_ in _JOINT for c in noun.children)
    # "France and Egypt launched ...", "French and Egyptian warships launched ..."
    together = any(
        s.conjuncts or any(c.dep_ == "amod" and c.conjuncts for c in s.children)
        for s in predicate.sources
    ) or any(p == "with" for p, _ in prep_phrases(noun) + prep_phrases(predicate.trigger))
    if joint or together:
        predicate.code = "062"


def _preps_for(tokens: list[Token]) -> list[tuple[str, Token]]:
    out: list[tuple[str, Token]] = []
    for token in tokens:
        out.extend(prep_phrases(token))
    return out


def _pairs(preps: list[tuple[str, Token]]) -> list[tuple[str, str | None]]:
    return [(p, o.lemma_.lower()) for p, o in preps]


_OBLIGATION = frozenset({"must", "should"})
_PHONE_VERBS = frozenset({"call", "phone", "telephone", "ring"})


_WANT_VERBS = frozenset({"want", "wish"})
# Verbs that state a conclusion or a stance without being reporting verbs: with an obligation
# clause ("the forum concluded that the US must allocate resources") they are demands.
_STATEMENT_VERBS = frozenset(
    {"conclude", "stress", "emphasize", "emphasise", "argue", "believe", "feel", "maintain"}
)
# "X needs to / has to do Y" said of another party is an appeal (02x).
_NEED_VERBS = frozenset({"need", "have"})
# Permission verbs: "allowed the opposition to hold a rally" eases a restriction (08x).
_PERMIT_VERBS = frozenset({"allow", "permit", "let", "authorize", "authorise"})
_ELECTION_WORDS = frozenset({"election", "poll", "ballot", "vote", "runoff", "referendum", "race"})
# "failed to reach agreement" negates its complement like "did not".
_FAILING_GOVERNORS = frozenset({"fail"})
_SPLIT_PARTICLES = frozenset({"out"})
# Protests take their fourth digit from what they demand (CAMEO 14x1-14x4).
_PROTEST_CODES = frozenset({"141", "142", "143", "144", "145"})
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
# "died as a result of torture", "died in an air strike": the cause names the violence.
_DEATH_VERBS = frozenset({"die", "perish", "succumb"})
_CAUSE_PREPS = ("of", "from", "in", "after", "under")
# Accusing, convicting, arresting: a 'for'-gerund names the alleged offence.
_PUNITIVE_ROOTS = ("11", "17")
_STEP_VERBS = frozenset({"take", "adopt"})
_STEP_NOUNS = frozenset({"step", "measure", "action", "move", "initiative"})


def _wanted_of_other(verb: Token, objects: list[Token]) -> bool:
    """ "wants Germany to pay": a 'to'-clause with a subject of its own (parsed as a ccomp
    with a subject, or an object plus xcomp)."""
    for child in verb.children:
        if child.dep_ not in ("ccomp", "xcomp") or child.pos_ != "VERB":
            continue
        if not any(a.dep_ == "aux" and a.lower_ == "to" for a in child.children):
            continue
        own = [c for c in child.children if c.dep_ == "nsubj" and c.pos_ in ("PROPN", "NOUN")]
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
        and any(c.dep_ == "nsubjpass" for c in verb.children)
        and any(
            c.dep_ in ("prep", "xcomp") or (c.dep_ == "aux" and c.lower_ == "to")
            for c in verb.children
        )
    )


_SUSPECT_MODIFIERS = frozenset({"alleged", "suspected", "accused", "wanted", "indicted"})
_SUSPECT_CLAUSES = frozenset({"suspect", "accuse", "want", "charge", "indict"})


def _suspected(person: Token) -> bool:
    """ "the alleged bombers", "(two of its) nationals suspected of ...", "men wanted for"."""
    people = [person]
    people += [
        g for c in person.children if c.lower_ == "of" for g in c.children if g.dep_ == "pobj"
    ]
    for child in (c for p in people for c in p.children):
        if child.dep_ in ("amod", "compound") and child.lower_ in _SUSPECT_MODIFIERS:
            return True
        if child.dep_ in ("acl", "relcl") and child.lemma_.lower() in _SUSPECT_CLAUSES:
            return True
    return False


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
        if (
            child.dep_ == "ccomp"
            and child.tag_ == "NN"
            and any(g.dep_ == "mark" and g.lower_ == "that" for g in child.children)
            and any(g.dep_ == "nsubj" for g in child.children)
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
            and not any(c.dep_ in ("dobj", "obj") for c in verb.children)
        ):
            return child  # "have sworn to fight": the parser's advcl right after the verb
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


_THAT_FAMILIES = {"demand": ("should", "must"), "appeal": ("should", "must")}
_THAT_FAMILIES["intent"] = ("will", "would", "shall", "'ll", "wo")
_THAT_FAMILIES["threaten"] = _THAT_FAMILIES["intent"]


def _that_complement(heads: list[Token], family: str) -> Token | None:
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
        for clause in head.children:
            if clause.dep_ not in ("ccomp", "acl") or clause.pos_ != "VERB" or clause.i < head.i:
                continue
            if any(c.dep_ == "mark" and c.lower_ != "that" for c in clause.children):
                continue
            if not any(c.dep_ in ("nsubj", "nsubjpass") for c in clause.children):
                continue
            auxes = [c for c in clause.children if c.dep_ in ("aux", "auxpass")]
            if any(a.lower_ in modals for a in auxes):
                return clause
            subjunctive = (not auxes and clause.tag_ in ("VB", "VBP")) or any(
                a.lower_ == "be" for a in auxes
            )
            if subjunctive and family in ("demand", "appeal"):
                return clause
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


# Dependents a complement's content is read through, nearest first: objects, then
# modifiers, then phrases and nested clauses.  Adverbial and relative clauses are other events.
_CONTENT_DEPS = {
    "dobj": 0,
    "nsubjpass": 0,
    "attr": 0,
    "oprd": 0,
    "pobj": 0,
    "pcomp": 0,
    "compound": 1,
    "amod": 1,
    "nmod": 1,
    "dative": 2,
    "prep": 2,
    "xcomp": 2,
    "acl": 3,
    "ccomp": 3,
    "conj": 4,
    "nsubj": 5,
}
_CONTENT_LIMIT = 30
_CONTENT_PREPS = ("for", "on", "upon")
_VERB_DOMAIN_CLASSES = frozenset(
    c for c, _ in CONTENT_DOMAINS if c.startswith("@C_") or c in ("@RELEASE", "@TALKS")
)
_CONTENT_FAMILIES = ("appeal", "intent", "demand", "reject")
# Family codes by prefix, for refining an event already in a family.
_FAMILY_PREFIXES = {"02": "appeal", "03": "intent", "10": "demand", "12": "reject"}


def content_words(lexicon: Lexicon, heads: list[Token]) -> list[tuple[set[str], set[str]]]:
    """(kinds, domains) of the content words under ``heads``, nearest first (breadth first)."""
    out: list[tuple[set[str], set[str]]] = []
    queue = list(heads)
    seen = {h.i for h in heads}
    while queue and len(seen) <= _CONTENT_LIMIT:
        token = queue.pop(0)
        if token.pos_ in ("NOUN", "PROPN"):
            lemmas = noun_lemmas(token, lexicon)
        else:
            lemmas = [token.lemma_.lower()]
        kinds = set()
        if not (token.pos_ == "VERB" and lemmas[0] in _TRANSPARENT_VERBS):
            member = [_content_classes(lexicon, x) for x in lemmas]
            kinds = {k for c, k in CONTENT_KINDS for m in member if c in m}
        domains: set[str] = set()
        # "grant more rights" is not a grant, "aid the rebels" not aid: verbs are read
        # through the content classes and the event classes that name acts.
        verb = token.pos_ == "VERB"
        for x in lemmas:
            # The most specific class of the most specific lemma ("military aid" before "aid").
            hit = _content_domain(lexicon, x, verb)
            if hit is not None:
                domains.add(hit)
                break
        if kinds or domains:
            out.append((kinds, domains))
        children = sorted(
            (c for c in token.children if c.dep_ in _CONTENT_DEPS and c.i not in seen),
            key=lambda c: (_CONTENT_DEPS[c.dep_], c.i),
        )
        for child in children:
            seen.add(child.i)
            queue.append(child)
    return out


_VERB_CONTENT_DOMAINS = tuple((c, d) for c, d in CONTENT_DOMAINS if c in _VERB_DOMAIN_CLASSES)
_CONTENT_CLASSES = frozenset(c for c, _ in CONTENT_KINDS)
# Per lexicon, what content_words reads off a lemma: the same few hundred lemmas come up in
# every article, and each lookup tries some thirty classes.
_CONTENT_MEMO: WeakKeyDictionary[Lexicon, dict[tuple, object]] = WeakKeyDictionary()


def _content_classes(lexicon: Lexicon, lemma: str) -> frozenset[str]:
    """The CONTENT_KINDS classes ``lemma`` belongs to."""
    memo = _CONTENT_MEMO.setdefault(lexicon, {})
    key = ("kinds", lemma)
    if key not in memo:
        memo[key] = frozenset(c for c in _CONTENT_CLASSES if lexicon.in_class(lemma, c))
    return memo[key]  # type: ignore[return-value]


def _content_domain(lexicon: Lexicon, lemma: str, verb: bool) -> str | None:
    """The domain of the first CONTENT_DOMAINS class holding ``lemma`` (for a verb, only the
    classes that name acts)."""
    memo = _CONTENT_MEMO.setdefault(lexicon, {})
    key = ("domain", lemma, verb)
    if key not in memo:
        classes = _VERB_CONTENT_DOMAINS if verb else CONTENT_DOMAINS
        memo[key] = next((d for c, d in classes if lexicon.in_class(lemma, c)), None)
    return memo[key]  # type: ignore[return-value]


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


class _Finder:
    def __init__(self, lexicon: Lexicon):
        self.lexicon = lexicon

    def verb(self, verb: Token, *, allow_fold: bool = True) -> Predicate | None:
        lex = self.lexicon
        lemma = verb.lemma_.lower()
        if not _may_code_verb(lex, lemma):
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
                    for c in verb.children
                    if c.lower_ in _SPLIT_PARTICLES
                    and c.dep_ in ("prep", "advmod", "prt")
                    and c.i > verb.i
                    and not any(g.dep_ == "pobj" for g in c.children)
                    and any(g.dep_ == "prep" and g.lower_ == "of" for g in c.children)
                ),
                None,
            )
        objects = direct_objects(verb)
        if is_passive(verb) and not _stative(verb):
            # "sanctions were lifted" reads like "lifted sanctions" for the lexicon.
            objects = objects + [c for c in verb.children if c.dep_ == "nsubjpass"]
        objects = [through_partitive(o) for o in objects]
        preps = prep_phrases(verb) + _preps_for(objects)
        object_lemmas = [lemma for o in objects for lemma in noun_lemmas(o, lex)]
        match: Match | None = lex.match(
            "V", lemma, particle=particle, objects=object_lemmas, preps=_pairs(preps)
        )
        if match is None and particle and not any(c.dep_ == "prt" for c in verb.children):
            # The "particle" was a guess from an advmod; read the verb without it.
            particle = None
            match = lex.match("V", lemma, objects=object_lemmas, preps=_pairs(preps))
        light_noun: Token | None = None
        if (match is None or match.pattern.specificity == 0) and lex.is_light_verb(lemma):
            # "launched an assault"; failing an object, "joined Abe for talks", "led a
            # delegation on a visit": the event noun sits in a phrase of the light verb.
            heads = list(objects) + [o for p, o in prep_phrases(verb) if p in _LIGHT_PREPS]
            heads += [o for obj in objects for p, o in prep_phrases(obj) if p in _LIGHT_PREPS]
            for obj in heads:
                noun_preps = prep_phrases(obj) + prep_phrases(verb)
                noun_match = _match_noun(lex, obj, _pairs(noun_preps))
                if noun_match is not None:
                    match, light_noun, preps = noun_match, obj, noun_preps
                    break
        if match is None and lex.in_class(lemma, "@PREPLIGHT"):
            # "engaged in ethnic cleansing", "resorted to violence", "took part in talks".
            for prep, obj in prep_phrases(verb):
                if prep in ("in", "to") and obj.pos_ == "NOUN":
                    noun_match = _match_noun(lex, obj, _pairs(prep_phrases(obj)))
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
            and _infinitival_complement(verb) is not None
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
                if any(self.lexicon._fits(pattern.obj, x) for x in noun_lemmas(obj, lex)):
                    chain.add(obj.i)
                    trigger_tokens.append(obj)
                    light_noun = obj  # its owner or author is the target, below
                    break

        passive = is_passive(verb) and not _stative(verb)
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
            _joint_exercise(predicate, light_noun)
        if governed is not None:
            _absorb(predicate, *governed)
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
        if predicate.root in _VIOLENT:
            self._instrument(predicate, preps)
        if allow_fold and lemma in _CLAIM_VERBS:
            self._claimed_act(predicate)
        statement = lemma in REPORTING_VERBS or pattern.origin == "rule:statement"
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
                    for c in [*obj.children, *verb.children]
                    if c.dep_ in ("acl", "xcomp", "advcl", "relcl")
                    and c.pos_ == "VERB"
                    and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
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

    def _fold(self, predicate: Predicate) -> None:
        family = family_of(predicate.code)
        if family is None:
            return
        verb = predicate.trigger
        complement = _infinitival_complement(verb)
        if complement is None:
            # "renewed an appeal to Belgium to extradite ...", "rejected a request to ...":
            # the family noun carries the complement.
            complement = next(
                (
                    c
                    for t in predicate.trigger_tokens[1:]
                    for c in t.children
                    if c.dep_ == "acl"
                    and c.pos_ == "VERB"
                    and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
                ),
                None,
            )
        if complement is None:
            complement = _that_complement([verb, *predicate.trigger_tokens[1:]], family)
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
            and complement.lemma_.lower() in _TRANSPARENT_VERBS
            and hops < 2
        ):
            nested = _infinitival_complement(complement) or next(
                (
                    c
                    for c in complement.children
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

    def _claimed_act(self, predicate: Predicate) -> None:
        """ "The rebels claimed that they had attacked the base" claims responsibility (015):
        the claimant reports its own act of force, so the claim is the event."""
        subject = predicate.sources[0] if predicate.sources else None
        for clause in predicate.trigger.children:
            if clause.dep_ != "ccomp":
                continue
            inner_subject = next((c for c in clause.children if c.dep_ == "nsubj"), None)
            if inner_subject is None or subject is None:
                continue
            own = inner_subject.tag_ == "PRP" or inner_subject.lemma_ == subject.lemma_
            inner = self.verb(clause, allow_fold=False)
            if own and inner is not None and inner.root in _CLAIMABLE_ROOTS:
                predicate.code = "015"
                predicate.folded = True
                predicate.generic = False
                _absorb(predicate, clause, inner)
                predicate.targets = [t for t in inner.targets if t is not inner_subject]
                return

    def _refusal(self, predicate: Predicate) -> None:
        """ "Syria will not accept more refugees", "would not meet the demands": refusing a
        cooperative act is CAMEO's REJECT family (12x), with the same slot."""
        if predicate.folded or predicate.root not in _NEGATABLE_ROOTS:
            return
        trigger = predicate.trigger
        failed = trigger.dep_ == "xcomp" and trigger.head.lemma_.lower() in _FAILING_GOVERNORS
        if not failed and not any(c.dep_ == "neg" for c in trigger.children):
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
            for c in predicate.trigger.children
            if c.dep_ in ("advcl", "acl") and c.lemma_.lower() == "use"
            for o in direct_objects(c)
        ]
        heads += [s for s in predicate.sources if s.pos_ == "NOUN"]
        # "a roadside bomb attack": the weapon may be a modifier of the attack noun.
        heads += [c for h in list(heads) for c in h.children if c.dep_ == "compound"]
        for head in heads:
            match = _match_noun(self.lexicon, head, _pairs(prep_phrases(head)))
            if match is None or match.pattern.code[:2] not in _VIOLENT:
                continue
            code = match.pattern.code
            if code != predicate.code and (
                len(code) > len(predicate.code)
                or (predicate.code.endswith("0") and not code.endswith("0"))
            ):
                predicate.code = code
                predicate.chain.add(head.i)
                return

    def adjective(self, adj: Token) -> Predicate | None:
        """A predicate adjective: "X is skeptical of Y" (012), "X is ready to send troops"
        (03x, folded with its complement like a control verb)."""
        preps = prep_phrases(adj)
        if adj.lemma_.lower() in _AUTHOR_ADJECTIVES:
            return self._authored(adj, preps)
        match = self.lexicon.match("A", adj.lemma_.lower(), preps=_pairs(preps))
        if match is None:
            return None
        copula = adj.head
        subject = subject_of(copula) if copula.i != adj.i else None
        if subject is None:
            return None
        targets: list[Token] = []
        for _prep, obj in preps:
            if obj.pos_ in _NOMINAL:
                targets.append(obj)
            targets += [c for c in obj.children if c.dep_ == "poss"]
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
                match = _match_noun(self.lexicon, head, _pairs(prep_phrases(head)))
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

    def _obligation_clause(self, head: Token) -> tuple[Token, Token, str] | None:
        """(clause, content verb, family) of an obligation clause under ``head``: "Libya must
        hand over" demands (10x); "Japan needs to enact reforms" said of another party appeals
        (02x), when what is needed is itself an event ("NATO would need to remain strong" is
        not)."""
        for c in head.children:
            if c.dep_ not in ("ccomp", "acl") or not any(a.dep_ == "nsubj" for a in c.children):
                continue
            if any(a.dep_ == "aux" and a.lower_ in _OBLIGATION for a in c.children):
                return c, c, "demand"
            subject = next(a for a in c.children if a.dep_ == "nsubj")
            if c.lemma_.lower() in _NEED_VERBS and subject.pos_ in ("PROPN", "NOUN"):
                content = next(
                    (
                        x
                        for x in c.children
                        if x.dep_ == "xcomp"
                        and x.pos_ == "VERB"
                        and any(a.dep_ == "aux" and a.lower_ == "to" for a in x.children)
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
        folded = fold(family, inner.code if inner else None, _complement_slot(content))
        base = next(code for code, name in FAMILY_BASES.items() if name == family)
        predicate.code = folded or base
        predicate.generic = folded is None
        predicate.folded = folded is not None
        _absorb(predicate, clause, inner)
        predicate.chain.add(content.i)

    def _accord(self, predicate: Predicate) -> None:
        """ "Reagan and Mubarak agreed (that) there was an urgent need for progress": agreeing
        *that* something is so expresses accord (019); agreeing *to* do it is a promise (03x).
        """
        verb = predicate.trigger
        if any(c.dep_ in ("xcomp", "prep", "dobj") for c in verb.children):
            return
        clause = next(
            (
                c
                for c in verb.children
                if c.dep_ == "ccomp"
                and c.i > verb.i
                and not any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
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
            for clause in host.children:
                if clause.dep_ not in ("acl", "relcl", "ccomp") or clause.pos_ != "VERB":
                    continue
                if host is predicate.trigger and clause.dep_ != "ccomp":
                    continue
                if host not in nouns and host is not predicate.trigger and clause.dep_ != "relcl":
                    continue
                if clause.dep_ == "relcl" and not any(
                    c.dep_ == "mark" and c.lower_ == "that" for c in clause.children
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
                    _absorb(predicate, clause, inner)
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
            for clause in host.children:
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
            match = _match_noun(self.lexicon, head, _pairs(prep_phrases(head)))
            if match is None or match.pattern.code[:2] not in _VIOLENT:
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

    def _governed_act(self, verb: Token) -> tuple[Token, Predicate | None] | None:
        """The 'to'-clause (or bare infinitive: "let them march") of ``verb`` and its coding,
        looking through transparent verbs ("prepared to resume shelling")."""
        complement = _infinitival_complement(verb) or next(
            (c for c in verb.children if c.dep_ == "ccomp" and c.pos_ == "VERB" and c.i > verb.i),
            None,
        )
        if complement is None:
            return None
        inner = self.verb(complement, allow_fold=False)
        hops = 0
        while inner is None and complement.lemma_.lower() in _TRANSPARENT_VERBS and hops < 2:
            nested = _infinitival_complement(complement) or next(
                (c for c in complement.children if c.dep_ == "xcomp" and c.pos_ == "VERB"), None
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
            for c in complement.children
            if c.dep_ not in ("nsubj", "nsubjpass")
            for t in c.subtree
        }
        if complement.lemma_.lower() != "hold" and words & _ELECTION_WORDS:
            return "0812", governed
        return None

    def _prepared_attack(self, verb: Token) -> tuple[Token, Predicate | None] | None:
        """ "The army prepared to resume shelling": getting ready to use force is a show of
        military posture (150), not yet the attack.  The stance adjective ("is prepared to
        attack") stays a threat."""
        governed = self._governed_act(verb)
        if governed is None or governed[1] is None or governed[1].root not in _VIOLENT:
            return None
        return governed

    def _consensus_to(self, predicate: Predicate, noun: Token) -> None:
        """ "reached a consensus to exchange information" is agreeing to do it (03x)."""
        clause = next(
            (
                c
                for c in noun.children
                if c.dep_ in ("acl", "relcl")
                and c.pos_ == "VERB"
                and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
            ),
            None,
        )
        if clause is None:
            return
        inner = self.verb(clause, allow_fold=False)
        folded = fold("intent", inner.code if inner else None, _complement_slot(clause))
        if folded is None:
            return
        predicate.code = folded
        predicate.folded = True
        _absorb(predicate, clause, inner)

    def _is_hostile(self, noun: Token) -> bool:
        match = _match_noun(self.lexicon, noun)
        return noun.pos_ == "NOUN" and match is not None and "11" <= match.pattern.code[:2] <= "20"

    def _is_violence(self, noun: Token) -> bool:
        match = _match_noun(self.lexicon, noun)
        return match is not None and match.pattern.code[:2] in ("18", "19", "20", "15")

    def noun(self, noun: Token) -> Predicate | None:
        """A stand-alone event noun with its own agent: "Israeli airstrikes on Gaza"."""
        preps = prep_phrases(noun)
        match = _match_noun(self.lexicon, noun, _pairs(preps))
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
    doc = sent.doc
    tokens = sent_tokens(sent)
    # Head indices read once per token (Token.head builds a new Token on every access).
    heads = {t.i: t.head.i for t in tokens}
    depth: dict[int, int] = {}
    for token in tokens:
        path = []
        current = token.i
        while current not in depth and len(path) < 50:
            head = heads.get(current)
            if head is None:
                head = heads[current] = doc[current].head.i
            if head == current:
                break
            path.append(current)
            current = head
        base = depth.get(current, 0)
        for offset, node in enumerate(reversed(path), start=1):
            depth[node] = base + offset
        depth.setdefault(token.i, base)
    return depth


def find_predicates(sent: Span, lexicon: Lexicon) -> list[Predicate]:
    finder = _Finder(lexicon)
    consumed: set[int] = set()
    found: list[Predicate] = []
    depth = _depths(sent)
    for token in sorted(sent_tokens(sent), key=lambda t: (depth[t.i], t.i)):
        if token.i in consumed:
            continue
        predicate = None
        if token.pos_ == "VERB" or (token.pos_ == "AUX" and token.dep_ != "aux"):
            predicate = finder.verb(token)
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
            and any(lexicon.has("N", x) for x in noun_lemmas(token, lexicon))
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
