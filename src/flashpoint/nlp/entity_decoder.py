"""Greedy entity decoding for a whole batch in lockstep, in numpy.

spaCy's entity recognizer is a transition system (BILUO: begin, in, last, unit, out) that
makes exactly one move per token.  Its greedy decoder advances each document's state in
compiled code, but checks each of the ~74 moves' validity through parser-state accessors that
take and release the GIL, and the beam decoder pays a Python round trip per document per
token: together 60-70% of the recognizer's time.  Because every document advances by one token
per move, all documents of a batch can advance together: one step is a handful of numpy
operations over the batch -- feature sums, the hidden layer, the output layer, the BILUO
validity rules as a table of penalties, the first best valid move -- and the entity recognizer's
decoding costs a small fraction of what it did.

The scores are the model's own (:mod:`.transition_scoring`: the same precomputed feature table
and weights, summed in the same order), and the first highest-scoring valid move is taken, as
spaCy's ``arg_max_if_valid`` does.  Validity follows spaCy 3.8's ``ner.pyx``
for documents without preset entities (the only kind flashpoint's pipeline feeds it; a batch
with any preset entity annotation is handed to the stock component).  Tests compare every
entity with the stock decoder's.
"""

from __future__ import annotations

import functools

import numpy
from spacy.attrs import ENT_IOB, IS_SPACE, SENT_START
from spacy.pipeline import EntityRecognizer
from spacy.tokens import Doc, Span

from .component_wrapper import ComponentWrapper
from .transition_scoring import StepScorer, by_tokens, scorable

__all__ = ["LockstepEntityDecoder"]

_KINDS = ("B", "I", "L", "U", "O")
BEGIN, INSIDE, LAST, UNIT, OUT = range(len(_KINDS))  # move kinds, as indices into _KINDS


class LockstepEntityDecoder(ComponentWrapper):
    """Runs an :class:`EntityRecognizer` with the lockstep greedy decoder (module docstring);
    everything else (labels, model, serialisation) is the component's."""

    def __init__(self, component: EntityRecognizer):
        super().__init__(component)
        kinds, labels = _parse_moves(component)
        self._labels = sorted({label for label in labels if label})
        label_ids = [self._labels.index(label) + 1 if label else 0 for label in labels]
        self._move_label = numpy.asarray(label_ids, dtype="int64")
        self._move_kind = numpy.asarray([_KINDS.index(k) for k in kinds], dtype="int64")

    @classmethod
    def supports(cls, component: object) -> bool:
        """A greedy BILUO recognizer with spaCy's v2 transition model (3 state features, a
        maxout hidden layer and an output layer), as in the en_core_web pipelines."""
        if type(component) is not EntityRecognizer or component.cfg.get("beam_width") != 1:
            return False
        if not scorable(component.model, n_features=3) or component.postprocesses:
            return False
        try:
            _parse_moves(component)
        except ValueError:
            return False
        return True

    # -- decoding ---------------------------------------------------------------------------
    def _annotate(self, docs: list[Doc]) -> None:
        docs = [doc for doc in docs if len(doc)]
        if not docs:
            return
        if any(doc.to_array(ENT_IOB).any() for doc in docs):
            # Preset entities constrain the moves in ways decoded only by the stock component.
            self.component.set_annotations(docs, self.component.predict(docs))
            return
        for group in by_tokens(docs):
            self._annotate_group(group)

    def _annotate_group(self, docs: list[Doc]) -> None:
        for doc, ents in zip(docs, self._decode(docs), strict=True):
            spans = [
                Span(doc, start, end, label=self._labels[label - 1]) for start, end, label in ents
            ]
            # No token had an entity annotation before, so "outside" for the rest is what the
            # stock component's "unmodified, then unset tokens to O" amounts to.
            doc.set_ents(spans, default="outside")

    def _decode(self, docs: list[Doc]) -> list[list[tuple[int, int, int]]]:
        score = StepScorer(self.component.model, docs)

        lengths = numpy.asarray([len(doc) for doc in docs], dtype="int64")
        offsets = numpy.concatenate([[0], numpy.cumsum(lengths)[:-1]])
        space = numpy.concatenate([doc.to_array(IS_SPACE) for doc in docs]).astype(bool)
        starts = numpy.concatenate([doc.to_array(SENT_START) for doc in docs]).astype("int64")
        # Whether the token after each one begins a sentence (past a document's end spaCy
        # reads an empty token, which does not).
        crossing = numpy.zeros(len(space), dtype=bool)
        crossing[:-1] = starts[1:] == 1
        crossing[offsets + lengths - 1] = False
        # Longest documents first, so the documents still decoding at any step are a prefix.
        order = numpy.argsort(-lengths, kind="stable")
        lengths, offsets = lengths[order], offsets[order]

        open_start = numpy.full(len(docs), -1, dtype="int64")  # token of the open entity
        open_label = numpy.zeros(len(docs), dtype="int64")
        found: list[list[tuple[int, int, int]]] = [[] for _ in docs]
        active = len(docs)
        for step in range(int(lengths[0])):
            while lengths[active - 1] <= step:
                active -= 1
            token = offsets[:active] + step  # the first word of each buffer
            starts_at = open_start[:active]
            is_open = starts_at >= 0
            # spaCy's three entity-state features: the word, the open entity's first word and
            # the word before (-1, absent, with no open entity).
            ids = numpy.empty((active, 3), dtype="int64")
            ids[:, 0] = token
            ids[:, 1] = numpy.where(is_open, offsets[:active] + starts_at, -1)
            ids[:, 2] = numpy.where(is_open, token - 1, -1)
            scores = score(ids)
            # Each state's valid moves, as a row of 0 / -inf penalties (see _penalties).
            follows = (lengths[:active] - step >= 2) & ~crossing[token]
            blank = space[token]
            code = numpy.where(
                is_open,
                4 + 2 * (open_label[:active] - 1) + follows,
                2 * (follows & ~blank) + ~blank,
            )
            penalty = self._penalties[code]
            best = (scores + penalty).argmax(axis=1)
            if penalty[numpy.arange(active), best].any():
                raise RuntimeError("entity decoder: a state with no valid move")
            kind = self._move_kind[best]
            if (kind == OUT).all():
                continue
            label = self._move_label[best]
            for row in numpy.flatnonzero(kind == UNIT).tolist():
                found[order[row]].append((step, step + 1, int(label[row])))
            for row in numpy.flatnonzero(kind == LAST).tolist():
                found[order[row]].append((int(open_start[row]), step + 1, int(open_label[row])))
                open_start[row] = -1
            began = numpy.flatnonzero(kind == BEGIN)
            open_start[began] = step
            open_label[began] = label[began]
        return found

    @functools.cached_property
    def _penalties(self) -> numpy.ndarray:
        """0 for a valid move, -inf for an invalid one, by state code: 0-3 for a state with no
        open entity (2 = a begin move is allowed, 1 = a unit move is; out always is), and
        4 + 2 * (label - 1) + (an inside move is allowed) for an entity open with that label.
        These are spaCy's ner.pyx rules without preset entities: begin needs a next word in the
        same sentence and no whitespace; inside needs the same; last and inside must keep the
        open entity's label; unit needs no whitespace; out needs no open entity."""
        kind, label = self._move_kind, self._move_label
        n_labels = len(self._labels)
        valid = numpy.zeros((4 + 2 * n_labels, len(kind)), dtype=bool)
        for code in range(4):
            begin_ok, unit_ok = bool(code & 2), bool(code & 1)
            valid[code] = (kind == OUT) | ((kind == BEGIN) & begin_ok) | ((kind == UNIT) & unit_ok)
        for open_label in range(1, n_labels + 1):
            for inside_ok in (0, 1):
                same = label == open_label
                valid[4 + 2 * (open_label - 1) + inside_ok] = ((kind == LAST) & same) | (
                    (kind == INSIDE) & same & bool(inside_ok)
                )
        valid[:, (kind != OUT) & (label == 0)] = False  # "U-": only for preset blocked tokens
        return numpy.where(valid, 0.0, -numpy.inf).astype("float32")


def _parse_moves(component: EntityRecognizer) -> tuple[list[str], list[str]]:
    """Each move's kind (B, I, L, U, O) and label, by move index; ValueError for a move that
    is not BILUO."""
    moves = component.moves
    kinds, labels = [], []
    for name in (moves.get_class_name(i) for i in range(moves.n_moves)):
        kind, _, label = name.partition("-")
        if kind not in _KINDS or (kind == "O" and label):
            raise ValueError(f"unknown entity move {name!r}")
        kinds.append(kind)
        labels.append(label)
    return kinds, labels
