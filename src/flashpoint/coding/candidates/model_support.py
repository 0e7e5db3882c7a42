"""What the event model says about a sentence's words, in the terms the coder asks.

The coder and the model vote (docs/model-card.md): a predicate the lexicon found needs the
model's support for its CAMEO root, and a word the model is confident about becomes a
predicate even when no lexicon pattern knows it — its arguments are then read by the same
finder.  This module turns the model's per-word probabilities into both answers.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from spacy.tokens import Span

from .event_model import EventModel
from .lexicon import Lexicon
from .predicate import Predicate

__all__ = ["SentenceSupport", "score_sentence"]

# Roots the model may propose on its own.  Plain statements (01) are the residual category:
# a word the lexicon does not know is no statement worth a row.
_PROPOSABLE = frozenset(f"{n:02d}" for n in range(2, 21))
# Share of the event probability the best class must hold for a proposal.
_SINGLE_KIND = 0.5


@dataclass
class SentenceSupport:
    model: EventModel
    rows: dict[int, np.ndarray]  # token index -> class probabilities
    lemmas: dict[int, str]

    @property
    def classes(self) -> list[str]:
        return self.model.classes

    def _rows_of(self, predicate: Predicate) -> list[np.ndarray]:
        indices = {predicate.trigger.i, *(t.i for t in predicate.trigger_tokens)}
        return [self.rows[i] for i in sorted(indices) if i in self.rows]

    def annotate(self, predicate: Predicate) -> Predicate:
        """Record the model's probabilities for the predicate's root and for any event."""
        rows = self._rows_of(predicate)
        if not rows:
            return predicate  # no candidate word: the model has no opinion
        columns = self.model.root_columns().get(predicate.root, [])
        predicate.model_event = float(max(1.0 - r[0] for r in rows))
        predicate.model_root = float(max(r[columns].sum() for r in rows)) if columns else 0.0
        return predicate

    def proposals(self, threshold: float) -> dict[int, str]:
        """Words the model believes are events (probability of an event at least
        ``threshold``), with the CAMEO code for their most likely root."""
        out = {}
        for index, row in self.rows.items():
            column = 1 + int(row[1:].argmax())
            best = self.classes[column]
            # The word must be an event, and mostly of one kind: a word the model finds
            # eventful but spreads over several roots ("refrained from") is not proposed.
            if (
                best[:2] in _PROPOSABLE
                and 1.0 - row[0] >= threshold
                and row[column] >= _SINGLE_KIND * (1.0 - row[0])
            ):
                out[index] = self.model.code_for(best, self.lemmas[index])
        return out


def score_sentence(sent: Span, model: EventModel, lexicon: Lexicon) -> SentenceSupport:
    found, probabilities = model.score_sentence(sent, lexicon)
    rows = {c.token.i: probabilities[n] for n, c in enumerate(found)}
    lemmas = {c.token.i: c.token.lemma_.lower() for c in found}
    return SentenceSupport(model, rows, lemmas)
