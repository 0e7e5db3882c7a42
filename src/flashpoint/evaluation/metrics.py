"""Scores: micro P/R/F1 over label sets, accuracy of the primary event, macro-F1 over classes."""

from __future__ import annotations

from dataclasses import dataclass, field

__all__ = ["Accuracy", "ClassScores", "Score"]


@dataclass
class Score:
    """Micro-averaged precision, recall and F1 over (sentence, label) pairs."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, predicted: set[str], gold: set[str]) -> None:
        self.tp += len(predicted & gold)
        self.fp += len(predicted - gold)
        self.fn += len(gold - predicted)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def support(self) -> int:
        return self.tp + self.fn

    def to_dict(self) -> dict[str, float | int]:
        return {
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
        }


@dataclass
class Accuracy:
    """Share of gold sentences whose primary coded event carries a gold label.

    A sentence the coder finds no event in counts as wrong: silence is not a right answer.
    """

    correct: int = 0
    total: int = 0

    def add(self, predicted: str | None, gold: set[str]) -> None:
        self.total += 1
        self.correct += predicted is not None and predicted in gold

    @property
    def value(self) -> float:
        return self.correct / self.total if self.total else 0.0


@dataclass
class ClassScores:
    """One-label-per-sentence classification scored per class; ``macro_f1`` averages them.

    Every class seen in the gold labels counts in the average, so a class the coder never
    predicts scores 0 rather than vanishing from the mean.
    """

    per_class: dict[str, Score] = field(default_factory=dict)

    def add(self, predicted: str | None, gold: set[str]) -> None:
        for label in gold | ({predicted} if predicted else set()):
            score = self.per_class.setdefault(label, Score())
            hit_p, hit_g = label == predicted, label in gold
            score.tp += hit_p and hit_g
            score.fp += hit_p and not hit_g
            score.fn += hit_g and not hit_p

    @property
    def macro_f1(self) -> float:
        scored = [s for s in self.per_class.values() if s.support]
        return sum(s.f1 for s in scored) / len(scored) if scored else 0.0
