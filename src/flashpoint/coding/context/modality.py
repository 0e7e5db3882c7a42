"""Modality: is the event asserted, reported, negated, hypothetical, intended or historical?

PLOVER's auxiliary modes (negation, hypothetical, future, historical) plus "reported" for
events a third party vouches for.  The cues are syntactic, read off the trigger and the verbs
that govern it, so "did not", "refrained from", "could ... if" and "plans to" are told apart.
When several cues fire, the strongest wins: negated > hypothetical > intended > historical >
reported > asserted.
"""

from __future__ import annotations

from spacy.tokens import Token

from ...nlp.docmemo import children

__all__ = ["ModalityCues", "modality_of"]

_NEGATORS = {"not", "n't", "never", "no"}
_NEGATING_GOVERNORS = frozenset(
    [
        "refrain",
        "avoid",
        "fail",
        "abstain",
        "neglect",
        "forgo",
        "forego",
        "deny",
        "stop",
        "cease",
        "halt",
    ]
)
_HYPOTHETICAL_AUX = {"could", "might", "may", "should", "can", "must", "ought"}
_HYPOTHETICAL_GOVERNORS = frozenset(
    ["consider", "mull", "weigh", "contemplate", "explore", "propose", "suggest", "threaten"]
)
_FUTURE_AUX = {"will", "shall", "'ll", "wo"}
_INTENDING_GOVERNORS = frozenset(
    [
        "plan",
        "intend",
        "willing",
        "ready",
        "prepared",
        "determined",
        "eager",
        "keen",
        "poised",
        "expect",
        "aim",
        "seek",
        "prepare",
        "hope",
        "want",
        "wish",
        "schedule",
        "set",
        "due",
        "go",
        "try",
        "vow",
        "pledge",
        "promise",
    ]
)
_PAST_ADVERBS = {"previously", "formerly", "historically", "once", "earlier"}


class ModalityCues:
    """The cue words found, kept for auditing and for tests."""

    def __init__(self) -> None:
        self.cues: dict[str, str] = {}

    def add(self, kind: str, word: str) -> None:
        self.cues.setdefault(kind, word)


def _governors(trigger: Token) -> list[Token]:
    """Verbs (and adjectives like 'due', 'set') that take the trigger as their complement."""
    out = []
    current = trigger
    for _ in range(4):
        if current.dep_ in ("xcomp", "pcomp", "ccomp") or (
            current.dep_ == "pobj" and current.head.dep_ == "prep"
        ):
            head = current.head if current.dep_ != "pobj" else current.head.head
            if current.dep_ == "pcomp":
                head = current.head.head
            out.append(head)
            current = head
            if current.dep_ == "ccomp":
                break
        else:
            break
    return out


def modality_of(
    trigger: Token,
    *,
    reported: bool,
    reported_speech: bool,
    historical: bool,
    extra_negation: bool = False,
) -> tuple[str, dict[str, str]]:
    """Classify the trigger's modality; returns (modality, {kind: cue word})."""
    cues = ModalityCues()
    governors = _governors(trigger)
    for token in [trigger, *governors]:
        for child in children(token):
            low = child.lower_
            if child.dep_ == "neg" or (low in _NEGATORS and child.dep_ in ("advmod", "det")):
                cues.add("negated", child.text)
            if child.dep_ == "aux" and low in _HYPOTHETICAL_AUX:
                cues.add("hypothetical", child.text)
            if child.dep_ == "aux" and low == "would":
                cues.add("intended" if reported_speech else "hypothetical", child.text)
            if child.dep_ == "aux" and low in _FUTURE_AUX:
                cues.add("intended", child.text)
            if child.dep_ == "mark" and low in ("if", "unless", "whether"):
                cues.add("hypothetical", child.text)
            if child.dep_ == "advmod" and low in _PAST_ADVERBS and token is trigger:
                cues.add("historical", child.text)
    for obj in (c for c in children(trigger) if c.dep_ in ("dobj", "obj")):
        if any(d.lower_ == "no" and d.dep_ == "det" for d in children(obj)):
            cues.add("negated", "no")
    for governor in governors:
        lemma = governor.lemma_.lower()
        if lemma in _NEGATING_GOVERNORS:
            cues.add("negated", governor.text)
        elif lemma in _HYPOTHETICAL_GOVERNORS:
            cues.add("hypothetical", governor.text)
        elif lemma in _INTENDING_GOVERNORS:
            cues.add("intended", governor.text)
    if trigger.dep_ == "advcl" and any(
        c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in children(trigger)
    ):
        cues.add("hypothetical", "if")
    if extra_negation:
        cues.add("negated", "not")
    if historical:
        cues.add("historical", "date")
    if reported:
        cues.add("reported", "frame")
    for kind in ("negated", "hypothetical", "intended", "historical", "reported"):
        if kind in cues.cues:
            return kind, cues.cues
    return "asserted", cues.cues
