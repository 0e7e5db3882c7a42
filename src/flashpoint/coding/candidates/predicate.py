"""A predicate: one event candidate of a sentence, its trigger, CAMEO code and argument heads.

The record the predicate finder (finder.py) returns and its mixins refine; the argument,
ranking and assembly steps read it.  It lives apart from the finder so that the mixins and
everything downstream can name it without importing the finder.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Token

from .lexicon import Pattern

__all__ = ["Predicate"]


@dataclass
class Predicate:
    trigger: Token
    code: str
    pattern: Pattern
    sources: list[Token]
    targets: list[Token]  # candidate target heads, best first
    chain: set[int] = field(default_factory=set)  # tokens folded into this event
    trigger_tokens: list[Token] = field(default_factory=list)
    generic: bool = False  # a family base or statement code without a refining complement
    folded: bool = False
    # The event model's view (model_support.py): probability of this predicate's CAMEO root
    # and of any event at all, at its trigger words; None when the coder runs rules only.
    model_root: float | None = None
    model_event: float | None = None

    @property
    def root(self) -> str:
        return self.code[:2]
