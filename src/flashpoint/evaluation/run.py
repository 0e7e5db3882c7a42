"""Run the coder over a gold file and score it.

Three views of the same run:

- **accuracy** — each gold file annotates one event per sentence, so we compare it with the
  coder's *primary* event for that sentence (highest confidence, earliest on ties).  A sentence
  with no coded event counts as wrong.  This is the figure the accuracy targets use.
- **macro-F1** for the quad-class schemes: F1 per class, averaged, so the rare material classes
  weigh as much as the common verbal ones.
- **micro P/R/F1 over label sets** — strict: every extra event counts against precision, which
  is what a user reading every row experiences.

Actor-span gold (CoNLL) is scored by token: a gold token tagged S (or R) is a hit when it lies
inside a source mention of the primary event, likewise T (or R) for the target.  The gold marks
one event per sentence with every actor of a role ("Kenya and Tanzania signed ..." tags both
as reciprocal R), while the coder writes one directed event per actor pair sharing the trigger
(Kenya→Tanzania, Tanzania→Kenya); so the primary event's role mentions are those of all events
with its trigger and code.  Nothing else is pooled: other events of the sentence do not count.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ..coding.assembly.coder import Coder
from ..ingest import article_from_text
from ..records import ActorRef, Article, Event
from .gold import GoldSentence, predicted_labels, read_gold
from .metrics import Accuracy, ClassScores, Score
from .records import is_records_file, read_records, score_records

__all__ = ["METRIC_NAMES", "EvalReport", "evaluate", "primary_event"]

METRIC_NAMES = {
    "root": "CAMEO root code",
    "code": "CAMEO full code",
    "quad": "quad class (1-4)",
    "phoenix_quad": "quad class (Phoenix 0-4)",
    "un_quad": "quad class (UN labels 0-4)",
    "plover": "PLOVER event type",
    "source_country": "source country",
    "target_country": "target country",
    "source_span": "source span (tokens)",
    "target_span": "target span (tokens)",
    "triple": "source-target-code triple",
    "dyad": "source-target pair",
}
_CLASS_METRICS = {"quad", "phoenix_quad", "un_quad"}
# Metrics whose gold has a class for "no event": a sentence coded with nothing predicts it.
_SILENT_CLASS = {"un_quad": "0"}


@dataclass
class EvalReport:
    path: str
    fmt: str
    sentences: int
    with_events: int
    scores: dict[str, Score] = field(default_factory=dict)
    accuracy: dict[str, Accuracy] = field(default_factory=dict)
    classes: dict[str, ClassScores] = field(default_factory=dict)

    def to_dict(self) -> dict:
        metrics: dict[str, dict] = {}
        for name, s in self.scores.items():
            entry = {
                "precision": round(s.precision, 4),
                "recall": round(s.recall, 4),
                "f1": round(s.f1, 4),
                "tp": s.tp,
                "fp": s.fp,
                "fn": s.fn,
            }
            if name in self.accuracy:
                entry["accuracy"] = round(self.accuracy[name].value, 4)
            if name in self.classes:
                entry["macro_f1"] = round(self.classes[name].macro_f1, 4)
            metrics[name] = entry
        return {
            "path": self.path,
            "format": self.fmt,
            "sentences": self.sentences,
            "sentences_with_events": self.with_events,
            "metrics": metrics,
        }


def primary_event(events: Sequence[Event]) -> Event | None:
    """The event a one-event-per-sentence gold file is compared with."""
    return max(events, key=lambda e: e.confidence) if events else None


def _article(gold: GoldSentence, index: int) -> Article:
    # Gold sentences carry no story date; people resolve to their latest role.
    try:
        return article_from_text(gold.text, doc_id=f"gold-{index}")
    except Exception:  # a gold sentence our language check rejects still counts as missed
        return Article(text=gold.text, doc_id=f"gold-{index}")


def _inside(token: tuple[int, int], actor: ActorRef | None) -> bool:
    if actor is None or actor.start is None or actor.end is None:
        return False
    return token[0] < actor.end and actor.start < token[1]


def _siblings(primary: Event | None, events: Sequence[Event]) -> list[Event]:
    """The primary event and the events splitting the same act over other actor pairs."""
    if primary is None:
        return []
    trigger = primary.evidence.trigger
    return [
        e
        for e in events
        if e.cameo.code == primary.cameo.code
        and e.sentence_index == primary.sentence_index
        and (e.evidence.trigger.start, e.evidence.trigger.end) == (trigger.start, trigger.end)
    ]


def _score_spans(
    sentence: GoldSentence, primary: Event | None, events: Sequence[Event], scores: dict[str, Score]
) -> None:
    siblings = _siblings(primary, events)
    for metric, role, actors in (
        ("source_span", "S", [e.source for e in siblings]),
        ("target_span", "T", [e.target for e in siblings]),
    ):
        score = scores.setdefault(metric, Score())
        for offsets, gold_role in zip(sentence.tokens, sentence.roles, strict=True):
            predicted = any(_inside(offsets, actor) for actor in actors)
            gold = gold_role in {role, "R"}
            score.tp += predicted and gold
            score.fp += predicted and not gold
            score.fn += gold and not predicted


def evaluate(
    path: str | Path, coder: Coder, *, limit: int | None = None, split: str | None = None
) -> EvalReport:
    if is_records_file(path):
        return _evaluate_records(path, coder, limit)
    fmt, gold = read_gold(path, split)
    if limit is not None:
        gold = gold[:limit]
    metrics = sorted({m for g in gold for m in g.labels} - {"spans"})
    report = EvalReport(str(path), fmt, len(gold), 0)
    for metric in metrics:
        report.scores[metric] = Score()
        report.accuracy[metric] = Accuracy()
        if metric in _CLASS_METRICS:
            report.classes[metric] = ClassScores()
    articles = (_article(g, i) for i, g in enumerate(gold))
    for sentence, events in zip(gold, coder.code_many(articles, batch_size=64), strict=True):
        report.with_events += bool(events)
        primary = primary_event(events)
        if sentence.tokens:
            _score_spans(sentence, primary, events, report.scores)
        predicted = predicted_labels(events, set(metrics))
        top = predicted_labels([primary] if primary else [], set(metrics))
        for metric in metrics:
            gold_labels = sentence.labels.get(metric)
            if not gold_labels:  # e.g. a PLOVER record with no target: nothing to score
                continue
            silent = _SILENT_CLASS.get(metric)
            if silent and not events:
                predicted[metric] = {silent}
            report.scores[metric].add(predicted[metric], gold_labels)
            label = next(iter(top[metric]), silent if not events else None)
            report.accuracy[metric].add(label, gold_labels)
            if metric in report.classes:
                report.classes[metric].add(label, gold_labels)
    return report


def _evaluate_records(path: str | Path, coder: Coder, limit: int | None) -> EvalReport:
    """PETRARCH validation records: P/R/F1 over (source, target, code) triples."""
    records = read_records(path)[:limit]
    scores, coded = score_records(records, coder)
    return EvalReport(str(path), "petrarch-records", len(records), coded, scores)
