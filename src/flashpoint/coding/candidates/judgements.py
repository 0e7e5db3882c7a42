"""Criticism voiced as a judgement: "X said Y's decision was illegal".

A speaker who calls another actor's act illegal, unacceptable or a violation of sovereignty
criticises that actor (CAMEO 111), though no verb of criticism is used: the coding
guidelines (§5.1) code *"The ministry said the strikes were a violation of sovereignty"* as
111 ministry -> the striker.  The judgement is a predicate adjective or noun of a clause
that a reporting verb frames, or of a quotation its speaker is named for; its source is the
speaker, its target the actor of the judged subject ("Russia's decision", "the Israeli
strikes", "Trump").  A judgement in the article's own voice, or with no speaker, is no event.
"""

from __future__ import annotations

from spacy.tokens import Token

from ...nlp.docmemo import children, sentence_of
from ..context.reporting import find_frame
from ..syntax import subject_of
from .lexicon import Pattern
from .predicate import Predicate

__all__ = ["JUDGEMENT_ORIGIN", "is_judgement", "judgement"]

JUDGEMENT_ORIGIN = "rule:judgement"

# Words that condemn what they are said of.  Kept to words whose evaluative sense is their
# only common one in news ("dangerous", "wrong", "mistake" also describe facts or regret).
_CONDEMNING_ADJECTIVES = frozenset(
    """
    unacceptable illegal unlawful illegitimate outrageous deplorable reprehensible
    disgraceful shameful irresponsible reckless provocative unjustified unjustifiable
    unwarranted unconstitutional inappropriate absurd ridiculous cowardly barbaric heinous
    despicable abhorrent appalling inexcusable indefensible intolerable unprovoked criminal
    """.split()
)
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
