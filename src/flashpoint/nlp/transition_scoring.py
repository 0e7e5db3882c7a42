"""Scoring the moves of spaCy's transition-based components for a batch of states, in numpy.

spaCy's parser and entity recognizer (``TransitionBasedParser.v2``) precompute, for every
token of a batch, its contribution to the hidden layer for each state feature ("the first
word of the buffer", "the top of the stack" ...).  A state is then scored by summing the rows of
its feature tokens, adding the bias, taking the maxout and applying the output layer.  spaCy
does this one state at a time in compiled code (greedy decoding) or through thinc layers one
step at a time (beam search); here one step of a whole batch is a few numpy operations on the
same table and weights, summed in the same order.  The decoders in ``parse_decoder`` and
``entity_decoder`` drive it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

import numpy
from spacy.tokens import Doc
from thinc.api import Model, NumpyOps

__all__ = ["StepScorer", "by_tokens", "scorable"]

# Tokens scored together: the feature table holds features x hidden x pieces floats per token
# (4 KB for the small English parser), so this bounds it near 80 MB whatever the batch size.
MAX_BATCH_TOKENS = 20_000


def by_tokens(docs: list[Doc], limit: int = MAX_BATCH_TOKENS) -> Iterator[list[Doc]]:
    """Consecutive groups of documents of at most ``limit`` tokens (a longer document alone)."""
    group: list[Doc] = []
    size = 0
    for doc in docs:
        if group and size + len(doc) > limit:
            yield group
            group, size = [], 0
        group.append(doc)
        size += len(doc)
    if group:
        yield group


def scorable(model: Model, n_features: int | None = None) -> bool:
    """A v2 transition model this module can score: a token-vector layer, a precomputable
    affine hidden layer with maxout pieces, and an output layer."""
    if len(model.layers) != 3 or not model.attrs.get("has_upper"):
        return False
    lower = model.layers[1]
    if lower.name != "precomputable_affine" or not lower.has_dim("nP"):
        return False
    if n_features is not None and lower.get_dim("nF") != n_features:
        return False
    return lower.get_dim("nP") >= 2


class StepScorer:
    """Move scores for states of one batch of documents, from their feature token ids."""

    def __init__(self, model: Model, docs: list[Doc]):
        tok2vec, lower, upper = model.layers
        # Row 0 is the padding for an absent feature (id -1), row i + 1 is token i of the
        # batch (its documents concatenated), as in spaCy's precompute_hiddens.
        table = lower.predict(tok2vec.predict(docs))
        rows, self.n_features, width, self.pieces = table.shape
        self._width = width * self.pieces
        # One row per (token, feature): row (i + 1) * features + f is token i's contribution
        # as feature f, so a state's rows are gathered with one ``take``.
        self._rows = table.reshape(rows * self.n_features, self._width)
        self._bias = lower.get_param("b").reshape(self._width)
        self._columns = numpy.arange(self.n_features)
        self._output = _output_layer(upper)
        self._unseen = sorted(model.attrs.get("unseen_classes") or ())

    def __call__(self, ids: numpy.ndarray) -> numpy.ndarray:
        """Scores (states x moves) for feature token ids (states x features, -1 = absent)."""
        rows = ((ids + 1) * self.n_features + self._columns).ravel()
        gathered = self._rows.take(rows, axis=0).reshape(len(ids), self.n_features, self._width)
        # Summed feature by feature, as spaCy's saxpy loop does (a reduction over a middle
        # axis accumulates in order), then the bias.
        hidden = gathered.sum(axis=1)
        hidden += self._bias
        scores = self._output(_maxout(hidden, self.pieces))
        if self._unseen:
            # As spaCy does for unseen moves: the lowest score, NaNs ignored (min() is the
            # same number, and several times faster, when there is no NaN).
            lowest = scores.min()
            scores[:, self._unseen] = numpy.nanmin(scores) if numpy.isnan(lowest) else lowest
        return scores


def _maxout(hidden: numpy.ndarray, pieces: int) -> numpy.ndarray:
    """The largest of each unit's pieces (laid out unit by unit); elementwise maxima of strided
    views are several times faster than a reduction over a short last axis."""
    out = hidden[:, 0::pieces]
    for piece in range(1, pieces):
        out = numpy.maximum(out, hidden[:, piece::pieces])
    return out


def _output_layer(upper: Model) -> Callable[[numpy.ndarray], numpy.ndarray]:
    """The output layer as a function: thinc's Linear is ``X @ W.T + b``; with numpy's gemm
    (flashpoint's fast path) it is computed here exactly so, without thinc's per-call cost."""
    ops = upper.ops
    if isinstance(ops, NumpyOps) and not ops.use_blis and upper.name == "linear":
        weights, bias = upper.get_param("W"), upper.get_param("b")
        transposed = weights.T

        def forward(hidden: numpy.ndarray) -> numpy.ndarray:
            scores = numpy.dot(hidden, transposed)
            scores += bias
            return scores

        return forward
    return upper.predict
