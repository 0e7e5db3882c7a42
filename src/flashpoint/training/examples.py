"""Turn labelled texts into the event model's training examples: one per candidate word.

Each text is parsed by the coder's own pipeline; every candidate word (features.candidates)
becomes an example labelled with the CAMEO root of the event whose trigger covers it, or
``none``.  A candidate covered only by an uncertain (acceptable) gold event is left out.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

import numpy as np
from spacy.language import Language
from spacy.tokens import Doc

from ..coding.cameo import cameo_table
from ..coding.candidates.features import Candidate, candidates, feature_rows
from ..coding.candidates.lexicon import Lexicon
from ..coding.candidates.word_vectors import WordVectors
from .data import LabelledText

__all__ = ["Examples", "build_examples", "event_class", "event_noun_vocabulary", "parse"]

NONE = "none"


def event_class(code: str) -> str:
    """The model's class for a CAMEO code: its root and PLOVER type ("08:RETREAT"), so the
    model learns the PLOVER distinctions a root hides (yielding that concedes in words or
    retreats on the ground; sanctions that cut relations or coerce)."""
    return f"{code[:2]}:{plover_type(code)}"


def plover_type(code: str) -> str:
    if code.startswith("01"):
        return "STATEMENT"
    if code.startswith("02"):
        return "REQUEST"  # docs/coding-guidelines.md §6: appeals are PLOVER REQUEST
    table = cameo_table()
    entry = table.get(code)
    if entry is None or not entry.plover_event:
        parent = table.get(code[:3])
        return (parent.plover_event if parent else None) or _ROOT_TYPE.get(code[:2], "OTHER")
    return entry.plover_event


# The PLOVER type of codes the crosswalk leaves out (155, 176, 1834, 1951, 1952), by root.
_ROOT_TYPE = {"15": "MOBILIZE", "17": "COERCE", "18": "ASSAULT", "19": "ASSAULT"}


@dataclass
class Examples:
    sparse: list[list[str]] = field(default_factory=list)
    dense: list[np.ndarray] = field(default_factory=list)
    labels: list[str] = field(default_factory=list)
    codes: list[str] = field(default_factory=list)  # full CAMEO code, or "none"
    groups: list[str] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)
    words: list[str] = field(default_factory=list)  # for error analysis
    lemmas: list[str] = field(default_factory=list)
    sentences: list[str] = field(default_factory=list)  # each example's sentence text

    def matrix(self) -> np.ndarray:
        return np.vstack(self.dense) if self.dense else np.zeros((0, 0), dtype=np.float32)


def parse(nlp: Language, items: Sequence[LabelledText]) -> list[Doc]:
    return list(nlp.pipe((i.text for i in items), batch_size=64))


def _overlaps(start: int, end: int, span_start: int, span_end: int) -> bool:
    return start < span_end and span_start < end


def event_noun_vocabulary(
    items: Sequence[LabelledText], docs: Sequence[Doc], min_count: int = 2
) -> frozenset[str]:
    """Nouns that head labelled triggers at least ``min_count`` times ("airstrike", "talks")."""
    counts: Counter[str] = Counter()
    for item, doc in zip(items, docs, strict=True):
        for event in item.events:
            span = doc.char_span(event.start, event.end, alignment_mode="expand")
            if span is None:
                continue
            for token in span:
                if token.pos_ in ("NOUN", "PROPN"):
                    counts[token.lemma_.lower()] += 1
    return frozenset(w for w, n in counts.items() if n >= min_count)


def _anchor(doc: Doc, start: int, end: int) -> int | None:
    """The word that carries a labelled trigger span: its first verb ("imposed" in "imposed
    sanctions"), else its first noun ("airstrike"), else its first word."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    for pos in (("VERB",), ("NOUN", "PROPN")):
        for token in span:
            if token.pos_ in pos:
                return token.i
    return span[0].i


def _label(token, item: LabelledText, anchors: dict) -> tuple[str, str] | None:  # type: ignore[no-untyped-def]
    """The label of one candidate word: the root of the event whose trigger it carries;
    ``none``; or None (left out) for the other words of a trigger span, which are neither
    the event's word nor a non-event, and for words of uncertain gold events."""
    start, end = token.idx, token.idx + len(token.text)
    covering = [e for e in item.events if _overlaps(start, end, e.start, e.end)]
    if covering:
        carried = [e for e in covering if anchors.get((e.start, e.end)) == token.i]
        if not carried:
            return None
        classes = Counter(event_class(e.cameo) for e in carried)
        label = classes.most_common(1)[0][0]
        code = next(e.cameo for e in carried if event_class(e.cameo) == label)
        return label, code
    if any(_overlaps(start, end, s, e) for s, e in item.uncertain):
        return None
    return NONE, NONE


def build_examples(
    items: Iterable[LabelledText],
    docs: Iterable[Doc],
    lexicon: Lexicon,
    vectors: WordVectors,
    event_nouns: frozenset[str],
) -> Examples:
    out = Examples()
    for item, doc in zip(items, docs, strict=True):
        chosen: list[Candidate] = []
        labels: list[tuple[str, str]] = []
        anchors = {(e.start, e.end): _anchor(doc, e.start, e.end) for e in item.events}
        for sent in doc.sents:
            for candidate in candidates(sent, event_nouns, lexicon):
                label = _label(candidate.token, item, anchors)
                if label is not None:
                    chosen.append(candidate)
                    labels.append(label)
        sparse, dense = feature_rows(chosen, lexicon, vectors)
        out.sparse += sparse
        out.dense += list(dense)
        out.labels += [root for root, _ in labels]
        out.codes += [code for _, code in labels]
        out.groups += [item.group] * len(chosen)
        out.sources += [item.source] * len(chosen)
        out.words += [c.token.text for c in chosen]
        out.lemmas += [c.token.lemma_.lower() for c in chosen]
        out.sentences += [c.sentence.text for c in chosen]
    return out
