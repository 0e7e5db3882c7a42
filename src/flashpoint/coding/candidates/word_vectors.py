"""Static word vectors for the event model: a word's meaning without running a transformer.

``data/word_vectors.npz`` holds one 128-dimension vector per WordPiece of the
all-MiniLM-L6-v2 vocabulary, distilled from that encoder (scripts/build_word_vectors.py).  A
word in the vocabulary is one lookup; any other word is split into WordPieces the way BERT's
tokenizer splits it (greedy longest match, ``##`` continuations) and its pieces averaged.
"""

from __future__ import annotations

import unicodedata
from functools import cached_property, lru_cache
from importlib import resources

import numpy as np

__all__ = ["Contrast", "WordVectors", "load_word_vectors", "unit"]

_MAX_WORD = 100  # BERT's max_input_chars_per_word: longer strings are unknown


def _normalise(word: str) -> str:
    """Lower case without accents, as the uncased encoder saw its text."""
    decomposed = unicodedata.normalize("NFD", word.lower())
    return "".join(c for c in decomposed if unicodedata.category(c) != "Mn")


class WordVectors:
    def __init__(self, vocab: list[str], vectors: np.ndarray):
        self.index = {piece: row for row, piece in enumerate(vocab)}
        self.vectors = vectors.astype(np.float32)
        self.dims = self.vectors.shape[1]
        self._zero = np.zeros(self.dims, dtype=np.float32)
        self._cache: dict[str, np.ndarray] = {}

    def pieces(self, word: str) -> list[int]:
        """Rows of the WordPieces of ``word`` (empty when it cannot be split)."""
        word = _normalise(word)
        if not word or len(word) > _MAX_WORD:
            return []
        row = self.index.get(word)
        if row is not None:
            return [row]
        rows, start = [], 0
        while start < len(word):
            end = len(word)
            while end > start:
                piece = word[start:end] if start == 0 else "##" + word[start:end]
                row = self.index.get(piece)
                if row is not None:
                    rows.append(row)
                    break
                end -= 1
            else:
                return []  # an unsplittable word is unknown, as in BERT
            start = end
        return rows

    def vector(self, word: str) -> np.ndarray:
        """The word's vector (the mean of its pieces'), zeros for an unknown word."""
        found = self._cache.get(word)
        if found is None:
            rows = self.pieces(word)
            found = self.vectors[rows].mean(axis=0) if rows else self._zero
            if len(self._cache) > 200_000:
                self._cache.clear()
            self._cache[word] = found
        return found

    def mean(self, words: list[str]) -> np.ndarray:
        known = [v for v in (self.vector(w) for w in words) if v is not self._zero]
        return np.mean(known, axis=0) if known else self._zero

    def prototype(self, words: str) -> np.ndarray:
        """The unit-length mean of space-separated words: a direction to compare a word's
        vector with ("people supporters protesters ..." for parties)."""
        return unit(self.mean(words.split()))


def unit(vector: np.ndarray) -> np.ndarray:
    """``vector`` scaled to length one (zeros stay zeros)."""
    return vector / (float((vector @ vector) ** 0.5) or 1.0)


class Contrast:
    """Whether a word's meaning is clearly nearer one set of words than another: "landslide"
    to hazards rather than weapons, "proclamation" to statements rather than places and
    forces, "protesters" to people rather than things.

    Each set is a prototype direction (``WordVectors.prototype``); a word counts when its
    cosine with the first beats its cosine with the second by more than ``margin``.  An
    unknown word never counts.  The vectors are loaded at the first question, and answers
    are remembered (``cache`` words)."""

    def __init__(self, toward: str, away: str, *, margin: float = 0.0, cache: int = 5_000):
        self._sets = (toward, away)
        self.margin = margin
        self._nearer = lru_cache(maxsize=cache)(self._compare)

    def __call__(self, word: str) -> bool:
        return self._nearer(word)

    @cached_property
    def _prototypes(self) -> tuple[np.ndarray, np.ndarray]:
        vectors = load_word_vectors()
        toward, away = self._sets
        return vectors.prototype(toward), vectors.prototype(away)

    def _compare(self, word: str) -> bool:
        vector = load_word_vectors().vector(word)
        if not vector.any():
            return False
        toward, away = self._prototypes
        direction = unit(vector)
        return float(direction @ toward) - float(direction @ away) > self.margin


@lru_cache(maxsize=1)
def load_word_vectors() -> WordVectors:
    path = resources.files("flashpoint.coding.candidates").joinpath("data/word_vectors.npz")
    with path.open("rb") as handle, np.load(handle) as data:
        vocab = str(data["vocab"]).split("\n")
        return WordVectors(vocab, data["vectors"])
