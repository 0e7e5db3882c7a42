"""Criticism voiced as a judgement: "X said Y's decision was illegal".

A speaker who calls another actor's act illegal, unacceptable or a violation of sovereignty
criticises that actor (CAMEO 111), though no verb of criticism is used: the coding
guidelines (§5.1) code *"The ministry said the strikes were a violation of sovereignty"* as
111 ministry -> the striker.  The judgement is a predicate adjective or noun of a clause
that a reporting verb frames, or of a quotation its speaker is named for; its source is the
speaker, its target the actor of the judged subject ("Russia's decision", "the Israeli
strikes", "Trump").  A judgement in the article's own voice, or with no speaker, is no event.

An attack with words is criticism too: "Erdogan attacked the proclamation by the President of
the United States" is 111 Erdogan -> the proclamation's author, not an armed attack.
"""

from __future__ import annotations

from spacy.tokens import Token

from ...nlp.docmemo import children, sentence_of
from ..context.reporting import find_frame
from ..syntax import is_passive, subject_of
from .lexicon import Lexicon, Pattern
from .predicate import Predicate
from .word_vectors import Contrast

__all__ = [
    "JUDGEMENT_ORIGIN",
    "is_judgement",
    "judgement",
    "labelling",
    "verbal_attack",
]

JUDGEMENT_ORIGIN = "rule:judgement"

# Words that condemn what they are said of.  Kept to words whose evaluative sense is their
# only common one in news ("dangerous", "wrong", "mistake" also describe facts or regret).
_CONDEMNING_ADJECTIVES = frozenset(
    """
    unacceptable illegal unlawful illegitimate outrageous deplorable reprehensible
    disgraceful shameful irresponsible reckless provocative unjustified unjustifiable
    unwarranted unconstitutional inappropriate absurd ridiculous cowardly barbaric heinous
    despicable abhorrent appalling inexcusable indefensible intolerable unprovoked criminal
    dastardly senseless unjust baseless groundless null void
    """.split()
)
# Verbs that put a label on something: "described the strikes as illegal", "called the deal
# null and void", "branded the vote a travesty".
_LABELLING_VERBS = frozenset("describe call brand label term characterize characterise dub".split())
_CONDEMNING_NOUNS = frozenset(
    """
    violation breach affront provocation outrage disgrace insult travesty crime atrocity
    aggression
    """.split()
)
_CODE = "111"


def is_judgement(token: Token) -> bool:
    lemma = token.lemma_.lower()
    if token.pos_ == "ADJ":
        return token.dep_ in ("acomp", "oprd") and lemma in _CONDEMNING_ADJECTIVES
    return token.pos_ == "NOUN" and token.dep_ == "attr" and lemma in _CONDEMNING_NOUNS


def judgement(token: Token) -> Predicate | None:
    """The speaker's criticism of whoever the judged clause is about, or None."""
    if not is_judgement(token):
        return None
    copula = token.head
    subject = subject_of(copula)
    frame = find_frame(copula, sentence_of(copula))
    speaker = frame.speaker if frame is not None else None
    if subject is None or speaker is None or subject.i == speaker.i:
        return None
    if any(c.dep_ == "neg" for c in children(copula)) or any(
        c.dep_ == "neg" for c in children(token)
    ):
        return None  # "said the move was not illegal"
    pos = "A" if token.pos_ == "ADJ" else "N"
    pattern = Pattern(_CODE, pos, token.lemma_.lower(), "", "", "", "", JUDGEMENT_ORIGIN)
    return Predicate(
        token,
        _CODE,
        pattern,
        [speaker],
        [subject],
        {token.i, copula.i},
        [token],
    )


def labelling(verb: Token) -> Predicate | None:
    """ "X described Y's decision as illegal", "X called the agreement null and void": the
    subject criticises (111) what it labels with a condemning word, as with a judgement a
    reporting verb frames.  The target is the labelled object, whose actor the coder reads
    off it ("Uganda's decision").  Only words the label's own phrase holds count, reached
    from the verb through nouns, adjectives and prepositions, never through another clause."""
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in _LABELLING_VERBS:
        return None
    if any(c.dep_ == "neg" for c in children(verb)):
        return None
    subject = subject_of(verb)
    if subject is None:
        return None
    label = _condemning_label(verb)
    if label is None:
        return None
    objects = [c for c in children(verb) if c.dep_ in ("dobj", "oprd") and c.i != label.i]
    target = objects[0] if objects else None
    if target is not None and target.dep_ == "oprd":
        # "called [the agreement] null": the parser may hang the object under the label.
        inner = [c for c in children(target) if c.dep_ in ("compound", "nsubj", "dobj")]
        target = inner[0] if inner else None
    if target is None:
        inner = [c for c in children(label) if c.dep_ in ("compound", "nsubj") and c.i < label.i]
        target = inner[0] if inner else None
    if target is None or target.i == subject.i:
        return None
    pos = "N" if label.pos_ == "NOUN" else "A"
    pattern = Pattern(_CODE, pos, verb.lemma_.lower(), "", "", "", "", JUDGEMENT_ORIGIN)
    return Predicate(verb, _CODE, pattern, [subject], [target], {verb.i, label.i}, [verb])


def _condemning_label(verb: Token) -> Token | None:
    stack = [c for c in children(verb) if c.i > verb.i and c.dep_ not in ("nsubj", "punct")]
    while stack:
        token = stack.pop(0)
        lemma = token.lemma_.lower()
        if token.pos_ in ("VERB", "AUX") or token.dep_ in ("relcl", "acl", "advcl", "ccomp"):
            continue  # another clause's words judge something else
        # ("dastardly", "cowardly": -ly adjectives the tagger may read as adverbs)
        condemning = (token.pos_ in ("ADJ", "ADV") and lemma in _CONDEMNING_ADJECTIVES) or (
            token.pos_ == "NOUN" and lemma in _CONDEMNING_NOUNS
        )
        if condemning and not any(c.dep_ == "neg" for c in children(token)):
            return token
        stack.extend(children(token))
    return None


# Verbs of armed attack that also name a verbal attack ("attacked the proclamation").
_ATTACK_VERBS = frozenset("attack assault hit target".split())
# Noun classes of the lexicon whose members are decisions, statements and views.
_ABSTRACT_CLASSES = ("@POLICY", "@AGREEMENT", "@VIEW")
_STATEMENT_WORDS = (
    "statement decision policy declaration plan law remark comment speech report proposal "
    "resolution claim announcement ruling"
)
_PHYSICAL_WORDS = (
    "base convoy village soldier building troops town city headquarters ship police army camp "
    "vehicle embassy civilian"
)
# Statements and decisions rather than places, forces and people, by a clear margin.
_SAID = Contrast(_STATEMENT_WORDS, _PHYSICAL_WORDS, margin=0.15)


def verbal_attack(predicate: Predicate, lexicon: Lexicon) -> Predicate | None:
    """ "Erdogan attacked the proclamation of Golan Heights as Israeli territory by the
    President of the United States": an attack on a statement, decision, policy or other
    thing said or decided is criticism (111) of its author, not an armed attack.  The author
    is the object's possessor or a by-phrase of the clause, else the object itself (whose
    actor the coder reads off it: "the Israeli decision")."""
    verb = predicate.trigger
    if (
        predicate.root != "19"
        or verb.pos_ != "VERB"
        or verb.lemma_.lower() not in _ATTACK_VERBS
        or is_passive(verb)
    ):
        return None
    objects = [c for c in children(verb) if c.dep_ in ("dobj", "obj")]
    if not objects or not _said_or_decided(objects[0], lexicon):
        return None
    thing = objects[0]
    authors = [c for c in children(thing) if c.dep_ == "poss" and c.pos_ != "PRON"]
    authors += _by_agents(verb, thing)
    pattern = Pattern(_CODE, "V", verb.lemma_.lower(), "", "", "", "", JUDGEMENT_ORIGIN)
    return Predicate(
        verb,
        _CODE,
        pattern,
        predicate.sources,
        [*authors, thing],
        predicate.chain | {thing.i},
        [*predicate.trigger_tokens, thing],
    )


def _by_agents(verb: Token, thing: Token) -> list[Token]:
    """Objects of "by" within the object's phrase or the verb's prepositional phrases, never
    in another clause ("the proclamation of X as Israeli territory by the President")."""
    found: list[Token] = []
    stack = [thing, *[c for c in children(verb) if c.dep_ == "prep"]]
    while stack:
        token = stack.pop(0)
        if token.pos_ in ("VERB", "AUX") or token.dep_ in ("relcl", "acl", "advcl", "ccomp"):
            continue
        if token.dep_ in ("prep", "agent") and token.lower_ == "by":
            found += [g for g in children(token) if g.dep_ == "pobj"]
        stack.extend(children(token))
    return found


def _said_or_decided(noun: Token, lexicon: Lexicon) -> bool:
    """Whether a noun names something said or decided (a statement, decision, policy): one
    of the lexicon's classes of such nouns, or a word vector clearly nearer statements
    than places, forces and people ("proclamation", which no class lists)."""
    if noun.pos_ != "NOUN" or noun.ent_type_:
        return False
    lemma = noun.lemma_.lower()
    if any(lexicon.in_class(lemma, c) for c in _ABSTRACT_CLASSES):
        return True
    return _SAID(lemma)
