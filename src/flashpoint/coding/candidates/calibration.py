"""An event's confidence as a probability: how often events like it are right.

The rule score (ranking.event_confidence) says what evidence an event rests on; the event
model says how likely its words report an event of its root.  Neither is a probability of
being correct.  Training fits a logistic regression from both to whether coded events of the
development articles matched the gold (on articles the model was not trained on, by
cross-validation: flashpoint.training.calibrate), and the coder reports that probability as
the event's ``confidence``.  docs/model-card.md gives the precision at each threshold.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

__all__ = ["Calibration", "calibration_features"]

FEATURES = ("rule", "model_root", "model_event", "proposed", "no_model", "named_target")


def calibration_features(
    rule: float,
    model_root: float | None,
    model_event: float | None,
    proposed: bool,
    named_target: bool = False,
) -> list[float]:
    """The calibrator's inputs, in FEATURES order (a predicate the model has no word for
    is marked ``no_model`` rather than given an invented probability).  ``named_target``:
    the sentence names the target with its country (not read off the context later), which
    the dev articles show is right twice as often."""
    missing = model_root is None
    return [
        rule,
        0.0 if missing else model_root,
        0.0 if missing or model_event is None else model_event,
        1.0 if proposed else 0.0,
        1.0 if missing else 0.0,
        1.0 if named_target else 0.0,
    ]


@dataclass(frozen=True)
class Calibration:
    weights: tuple[float, ...]
    bias: float

    def probability(self, features: list[float]) -> float:
        score = self.bias + sum(w * x for w, x in zip(self.weights, features, strict=True))
        return round(1.0 / (1.0 + math.exp(-score)), 3)

    def to_dict(self) -> dict:
        return {"features": list(FEATURES), "weights": list(self.weights), "bias": self.bias}

    @classmethod
    def from_dict(cls, data: dict | None) -> Calibration | None:
        if not data or list(data.get("features", ())) != list(FEATURES):
            return None
        return cls(tuple(float(w) for w in data["weights"]), float(data["bias"]))
