"""Evaluation: score the coder against gold-coded sentences."""

from .gold import GoldSentence, detect_format, read_gold
from .metrics import Score
from .run import EvalReport, evaluate

__all__ = ["EvalReport", "GoldSentence", "Score", "detect_format", "evaluate", "read_gold"]
