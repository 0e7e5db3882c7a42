"""The learned event model: for each candidate word, the probability of each CAMEO root.

A multinomial logistic regression over sparse clause features and dense word vectors
(features.py), trained by ``python -m flashpoint.training`` on the project's own labelled
sentences and the dev articles (docs/model-card.md).  Its weights ship in
``data/event_model.npz``; scoring is a sparse row sum plus one small matrix product per
sentence, in numpy.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path

import numpy as np
from spacy.tokens import Span

from ...errors import DataFileError
from .calibration import Calibration
from .features import Candidate, candidates, feature_rows
from .lexicon import Lexicon
from .word_vectors import WordVectors, load_word_vectors

__all__ = ["EventModel", "load_event_model"]

MODEL_FILE = "data/event_model.npz"


@dataclass
class EventModel:
    classes: list[str]  # "none" first, then "root:PLOVER type" ("08:RETREAT", "01:STATEMENT")
    vocabulary: dict[str, int]  # sparse feature -> row of sparse_weights
    sparse_weights: np.ndarray  # (features, classes)
    dense_weights: np.ndarray  # (dense dims, classes)
    bias: np.ndarray  # (classes,)
    dense_mean: np.ndarray
    dense_scale: np.ndarray
    event_nouns: frozenset[str]
    metadata: dict
    # The CAMEO code the training data gives an event of a root with a word most often:
    # "root|lemma" -> code, and "root|*" -> the root's most frequent code (a learned lexicon
    # for events the model codes itself).
    codes: dict[str, str] = field(default_factory=dict)
    calibration: Calibration | None = None

    def code_for(self, event_class: str, lemma: str) -> str:
        """The CAMEO code for an event of this class expressed by this word."""
        return (
            self.codes.get(f"{event_class}|{lemma}")
            or self.codes.get(f"{event_class}|*")
            or event_class[:2] + "0"
        )

    def root_columns(self) -> dict[str, list[int]]:
        """Columns of each CAMEO root among the classes (a root may span PLOVER types)."""
        out: dict[str, list[int]] = {}
        for column, name in enumerate(self.classes):
            if name != "none":
                out.setdefault(name[:2], []).append(column)
        return out

    def probabilities(self, sparse: Sequence[Sequence[str]], dense: np.ndarray) -> np.ndarray:
        """Class probabilities, one row per candidate."""
        if not sparse:
            return np.zeros((0, len(self.classes)), dtype=np.float32)
        scores = ((dense - self.dense_mean) / self.dense_scale) @ self.dense_weights + self.bias
        index = self.vocabulary
        for row, features in enumerate(sparse):
            rows = [index[f] for f in features if f in index]
            if rows:
                scores[row] += self.sparse_weights[rows].sum(axis=0)
        scores -= scores.max(axis=1, keepdims=True)
        np.exp(scores, out=scores)
        scores /= scores.sum(axis=1, keepdims=True)
        return scores

    def score_sentence(
        self, sent: Span, lexicon: Lexicon, vectors: WordVectors | None = None
    ) -> tuple[list[Candidate], np.ndarray]:
        found = candidates(sent, self.event_nouns, lexicon)
        sparse, dense = feature_rows(found, lexicon, vectors or load_word_vectors())
        return found, self.probabilities(sparse, dense)

    # -- persistence --------------------------------------------------------------------
    def save(self, path: Path) -> None:
        features = [""] * len(self.vocabulary)
        for feature, row in self.vocabulary.items():
            features[row] = feature
        np.savez_compressed(
            path,
            classes=np.array("\n".join(self.classes)),
            features=np.array("\n".join(features)),
            sparse_weights=self.sparse_weights.astype(np.float16),
            dense_weights=self.dense_weights.astype(np.float16),
            bias=self.bias.astype(np.float32),
            dense_mean=self.dense_mean.astype(np.float32),
            dense_scale=self.dense_scale.astype(np.float32),
            event_nouns=np.array("\n".join(sorted(self.event_nouns))),
            metadata=np.array(json.dumps(self.metadata, sort_keys=True)),
            codes=np.array(json.dumps(self.codes, sort_keys=True)),
            calibration=np.array(
                json.dumps(self.calibration.to_dict() if self.calibration else None)
            ),
        )

    @classmethod
    def from_arrays(cls, data) -> EventModel:  # type: ignore[no-untyped-def]
        features = str(data["features"]).split("\n")
        return cls(
            classes=str(data["classes"]).split("\n"),
            vocabulary={f: i for i, f in enumerate(features)},
            sparse_weights=data["sparse_weights"].astype(np.float32),
            dense_weights=data["dense_weights"].astype(np.float32),
            bias=data["bias"].astype(np.float32),
            dense_mean=data["dense_mean"].astype(np.float32),
            dense_scale=data["dense_scale"].astype(np.float32),
            event_nouns=frozenset(str(data["event_nouns"]).split("\n")),
            metadata=json.loads(str(data["metadata"])),
            codes=json.loads(str(data["codes"])) if "codes" in data else {},
            calibration=Calibration.from_dict(json.loads(str(data["calibration"])))
            if "calibration" in data
            else None,
        )


@lru_cache(maxsize=4)
def load_event_model(path: str | None = None) -> EventModel:
    """The shipped model, or one at ``path`` (a file written by the training script)."""
    try:
        if path is not None:
            with np.load(path) as data:
                return EventModel.from_arrays(data)
        packaged = resources.files("flashpoint.coding.candidates").joinpath(MODEL_FILE)
        with packaged.open("rb") as handle, np.load(handle) as data:
            return EventModel.from_arrays(data)
    except (OSError, KeyError, ValueError) as exc:
        where = path or f"flashpoint/coding/candidates/{MODEL_FILE}"
        raise DataFileError(f"cannot load the event model {where}: {exc}") from exc
