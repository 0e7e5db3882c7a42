"""Evaluation: score the coder against gold-coded sentences."""

from .gold import GoldSentence, detect_format, read_gold
from .metrics import Accuracy, ClassScores, Score
from .run import EvalReport, evaluate, primary_event

__all__ = [
    "Accuracy",
    "ClassScores",
    "EvalReport",
    "GoldSentence",
    "Score",
    "detect_format",
    "evaluate",
    "primary_event",
    "read_gold",
]
