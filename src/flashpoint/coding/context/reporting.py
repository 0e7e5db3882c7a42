"""Reporting frames and attribution: "X said that Y attacked Z", "according to officials".

An event inside a reporting frame is coded Y -> Z and attributed to X.  The attribution keeps
the words that carry it, so a user can judge the sourcing ("according to two officials with
direct knowledge of the call").
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span, Token

from ...nlp.docmemo import children, sent_text, sent_tokens, subtree

__all__ = ["REPORTING_VERBS", "Frame", "find_frame"]

REPORTING_VERBS = frozenset(
    [
        "say",
        "tell",
        "report",
        "announce",
        "state",
        "claim",
        "add",
        "note",
        "write",
        "confirm",
        "insist",
        "allege",
        "assert",
        "explain",
        "declare",
        "disclose",
        "reveal",
        "indicate",
        "acknowledge",
        "quote",
        "cite",
        "brief",
        "inform",
        "recount",
        "tweet",
        "post",
        "stress",
        "reiterate",
        "emphasize",
        "emphasise",
        "argue",
        "maintain",
        "predict",
        "estimate",
        "believe",
        "think",
        "suggest",
        "warn",
    ]
)
_HEARSAY = frozenset(["reportedly", "allegedly", "purportedly", "apparently", "supposedly"])


@dataclass(frozen=True, slots=True)
class Frame:
    text: str  # "according to sources ...", "officials said"
    speaker: Token | None  # head of the speaker phrase, for actor resolution
    hearsay: bool = False  # "reportedly": reported, no named source


def _according_to(sent: Span) -> Frame | None:
    if "according" not in sent_text(sent).lower():
        return None  # most sentences: no need to look at each word
    for token in sent_tokens(sent):
        if token.lower_ == "according":
            for child in children(token):
                if child.lower_ == "to":
                    objs = [g for g in children(child) if g.dep_ == "pobj"]
                    if objs:
                        last = max(t.i for t in subtree(objs[0]))
                        text = token.doc[token.i : last + 1].text
                        return Frame(text, objs[0])
    return None


def _speaker_text(verb: Token, speaker: Token | None) -> str:
    if speaker is None:
        return verb.text
    tokens = sorted(list(subtree(speaker)), key=lambda t: t.i)
    lo, hi = tokens[0].i, tokens[-1].i
    if hi < verb.i and verb.i - hi <= 4:
        return verb.doc[lo : verb.i + 1].text
    return f"{verb.doc[lo : hi + 1].text} {verb.text}"


def find_frame(trigger: Token, sent: Span) -> Frame | None:
    """The reporting frame governing ``trigger``, if any."""
    current = trigger
    for _ in range(12):
        head = current.head
        if head.i == current.i:
            break
        if (
            head.lemma_.lower() in REPORTING_VERBS
            and current.dep_ in ("ccomp", "parataxis", "advcl", "xcomp", "conj")
            and head.pos_ in ("VERB", "AUX")
            and current.dep_ != "conj"
        ):
            speaker = next((c for c in children(head) if c.dep_ in ("nsubj", "nsubjpass")), None)
            return Frame(_speaker_text(head, speaker), speaker)
        current = head
    # "X attacked Y, officials said": spaCy may hang "said" under the main verb.
    for child in children(trigger):
        if child.dep_ in ("parataxis", "advcl", "ccomp") and (
            child.lemma_.lower() in REPORTING_VERBS and child.i > trigger.i
        ):
            speaker = next((c for c in children(child) if c.dep_ == "nsubj"), None)
            if speaker is not None:
                return Frame(_speaker_text(child, speaker), speaker)
    according = _according_to(sent)
    if according is not None:
        return according
    if any(t.lower_ in _HEARSAY for t in children(trigger)):
        return Frame(next(t.text for t in children(trigger) if t.lower_ in _HEARSAY), None, True)
    return None
