"""Run the coder over a gold file and score it.

Label sets are compared per sentence (micro P/R/F1): a sentence with one gold code and two
coded events scores one true positive and one false positive at best.  That is strict (gold
files annotate one event per sentence, a coder may find more) and it is what a user of the
data experiences: every extra row is a row they must read.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..coding.coder import Coder
from ..ingest import article_from_text
from ..records import Article
from .gold import GoldSentence, predicted_labels, read_gold
from .metrics import Score

__all__ = ["METRIC_NAMES", "EvalReport", "evaluate"]

METRIC_NAMES = {
    "root": "CAMEO root code",
    "code": "CAMEO full code",
    "quad": "quad class (1-4)",
    "phoenix_quad": "quad class (Phoenix 0-4)",
    "plover": "PLOVER event type",
    "source_country": "source country",
    "target_country": "target country",
}


@dataclass
class EvalReport:
    path: str
    fmt: str
    sentences: int
    with_events: int
    scores: dict[str, Score] = field(default_factory=dict)

    def to_dict(self) -> dict:
        return {
            "path": self.path,
            "format": self.fmt,
            "sentences": self.sentences,
            "sentences_with_events": self.with_events,
            "metrics": {
                name: {
                    "precision": round(s.precision, 4),
                    "recall": round(s.recall, 4),
                    "f1": round(s.f1, 4),
                    "tp": s.tp,
                    "fp": s.fp,
                    "fn": s.fn,
                }
                for name, s in self.scores.items()
            },
        }


def _article(gold: GoldSentence, index: int) -> Article:
    # Gold sentences carry no story date; people resolve to their latest role.
    try:
        return article_from_text(gold.text, doc_id=f"gold-{index}")
    except Exception:  # a gold sentence our language check rejects still counts as missed
        return Article(text=gold.text, doc_id=f"gold-{index}")


def evaluate(path: str | Path, coder: Coder, *, limit: int | None = None) -> EvalReport:
    fmt, gold = read_gold(path)
    if limit is not None:
        gold = gold[:limit]
    metrics = sorted({m for g in gold for m in g.labels})
    scores = {m: Score() for m in metrics}
    with_events = 0
    articles = (_article(g, i) for i, g in enumerate(gold))
    for sentence, events in zip(gold, coder.code_many(articles, batch_size=64), strict=True):
        if events:
            with_events += 1
        predicted = predicted_labels(events, set(metrics))
        for metric in metrics:
            if metric in sentence.labels:
                scores[metric].add(predicted[metric], sentence.labels[metric])
    return EvalReport(str(path), fmt, len(gold), with_events, scores)
