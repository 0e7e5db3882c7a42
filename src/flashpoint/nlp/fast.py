"""Faster, output-equivalent stand-ins for two costs of the stock spaCy pipeline.

Both are switched on by the ``fast_nlp`` setting (``FLASHPOINT_FAST_NLP=0`` runs the model
exactly as shipped), and both leave every annotation the same:

* **Matrix products.**  thinc's CPU backend multiplies with BLIS, which on common x86 machines
  runs several times slower than the OpenBLAS numpy ships with (18 against 70 GFLOPS on one
  core for the tok2vec's 7500x288 by 288x288 products).  The two tok2vec networks (the shared
  one and the entity recognizer's own) spend most of their time there.  We give the model's
  layers a ``NumpyOps(use_blis=False)``, which hands ``gemm`` to numpy.  Summation order may
  differ in the last bit of a float; tests check that tags, parses and entities do not.
* **The attribute ruler.**  spaCy's ``AttributeRuler`` maps tags to coarse POS, morphology and
  a few lemmas with ~180 token patterns run through the general ``Matcher``: ~25 ms for an
  800-word article, more than the parser.  Almost all patterns test one token's TAG, LOWER,
  DEP or IS_SPACE, so :class:`FastAttributeRuler` evaluates each distinct combination of those
  values once, caches which patterns fit, and applies the ruler's own attribute sets in the
  ruler's order (later patterns win) with spaCy's ``set_token_attrs``.  A pattern it cannot
  read (quantifiers, other attributes) makes it keep the stock ruler.

OpenBLAS uses every core by default: when running one worker process per core set
``OPENBLAS_NUM_THREADS=1`` (the throughput benchmark does).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator

from spacy.attrs import DEP, IS_SPACE, LOWER, NORM, ORTH, TAG
from spacy.language import Language
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc
from spacy.tokens._retokenize import set_token_attrs
from thinc.api import NumpyOps

__all__ = ["FastAttributeRuler", "speed_up"]

FAST_RULER_NAME = "flashpoint_attribute_ruler"

# Token attributes a pattern may test, and the array attribute each is read from.
_FEATURES = {
    "TAG": TAG,
    "LOWER": LOWER,
    "DEP": DEP,
    "IS_SPACE": IS_SPACE,
    "ORTH": ORTH,
    "TEXT": ORTH,
    "NORM": NORM,
}
_MAX_CACHE = 200_000

Features = tuple[object, ...]
Predicate = Callable[[Features], bool]


class _Unsupported(ValueError):
    pass


def _value_test(value: object) -> Callable[[object], bool]:
    if isinstance(value, dict):
        tests: list[Callable[[object], bool]] = []
        for op, arg in value.items():
            if op == "IN":
                allowed = frozenset(arg)
                tests.append(lambda v, allowed=allowed: v in allowed)
            elif op == "NOT_IN":
                banned = frozenset(arg)
                tests.append(lambda v, banned=banned: v not in banned)
            elif op == "REGEX":
                search = re.compile(arg).search
                tests.append(lambda v, search=search: bool(search(v)))
            else:
                raise _Unsupported(op)
        return lambda v: all(test(v) for test in tests)
    return lambda v: v == value


class FastAttributeRuler:
    """Applies an :class:`AttributeRuler`'s patterns without the general Matcher."""

    def __init__(self, ruler: AttributeRuler):
        self.ruler = ruler
        self.vocab = ruler.vocab
        entries = ruler.patterns
        used = sorted(
            {
                _attr_of(key)
                for entry in entries
                for pattern in entry["patterns"]
                for spec in pattern
                for key in spec
            }
        )
        self.attrs = used  # array attribute ids, in feature-tuple order
        self._column = {attr: n for n, attr in enumerate(used)}
        self._space_column = self._column.get(IS_SPACE)
        self.multi: list[tuple[int, list[Predicate], int]] = []  # (id, tests, target index)
        # A pattern token with an equality or IN test on some column can only fit tokens with
        # those values: index it there, so a new token is tested against a handful of patterns.
        self._anchored: dict[tuple[int, object], list[tuple[str, int, Predicate]]] = {}
        self._unanchored: list[tuple[str, int, Predicate]] = []
        for attr_id, entry in enumerate(entries):
            for pattern in entry["patterns"]:
                tests = [self._token_test(spec) for spec in pattern]
                if len(tests) == 1:
                    self._anchor(pattern[0], ("single", attr_id, tests[0]))
                else:
                    self._anchor(pattern[0], ("multi", len(self.multi), tests[0]))
                    self.multi.append((attr_id, tests, entry["index"]))
        # feature ids -> (single-token attribute-set ids, multi patterns whose first token fits)
        self._by_features: dict[tuple[int, ...], tuple[tuple[int, ...], tuple[int, ...]]] = {}
        self._merged: dict[tuple[int, ...], dict] = {}

    @classmethod
    def supports(cls, ruler: object) -> bool:
        if not isinstance(ruler, AttributeRuler):
            return False
        try:
            cls(ruler)
        except _Unsupported:
            return False
        return True

    def _anchor(self, spec: dict, entry: tuple[str, int, Predicate]) -> None:
        for key, value in spec.items():
            column = self._column[_attr_of(key)]
            if column == self._space_column:
                continue
            if isinstance(value, str):
                self._anchored.setdefault((column, value), []).append(entry)
                return
            if isinstance(value, dict) and set(value) == {"IN"}:
                for member in set(value["IN"]):
                    self._anchored.setdefault((column, member), []).append(entry)
                return
        self._unanchored.append(entry)

    def _token_test(self, spec: dict) -> Predicate:
        tests = []
        for key, value in spec.items():
            column = self._column[_attr_of(key)]
            if column == self._space_column and not isinstance(value, bool):
                raise _Unsupported(key)
            tests.append((column, _value_test(value)))
        return lambda feats: all(test(feats[column]) for column, test in tests)

    def _feats(self, row: tuple[int, ...]) -> Features:
        strings = self.vocab.strings
        space = self._space_column
        return tuple(bool(v) if c == space else strings[v] for c, v in enumerate(row))

    def _lookup(self, key: tuple[int, ...]) -> tuple[tuple[int, ...], tuple[int, ...]]:
        found = self._by_features.get(key)
        if found is None:
            feats = self._feats(key)
            candidates = list(self._unanchored)
            for column, value in enumerate(feats):
                candidates += self._anchored.get((column, value), ())
            fits = [(kind, n) for kind, n, test in candidates if test(feats)]
            single = tuple(sorted({n for kind, n in fits if kind == "single"}))
            starts = tuple(sorted({n for kind, n in fits if kind == "multi"}))
            if len(self._by_features) > _MAX_CACHE:
                self._by_features.clear()
            found = self._by_features[key] = (single, starts)
        return found

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc) or not self.attrs:
            return doc
        rows = [tuple(row) for row in doc.to_array(self.attrs).reshape(len(doc), -1).tolist()]
        found = [self._lookup(row) for row in rows]
        extra: dict[int, list[int]] = {}
        for i, (_, starts) in enumerate(found):
            for n in starts:
                attr_id, tests, index = self.multi[n]
                end = i + len(tests)
                if end > len(rows):
                    continue
                if all(tests[k](self._feats(rows[i + k])) for k in range(1, len(tests))):
                    target = (i if index >= 0 else end) + index
                    if not i <= target < end:
                        return self.ruler(doc)  # the stock ruler reports the bad index
                    extra.setdefault(target, []).append(attr_id)
        for i, (single, _) in enumerate(found):
            ids = single
            if i in extra:
                ids = tuple(sorted(set(single) | set(extra[i])))
            if ids:
                set_token_attrs(doc[i], self._attrs(ids))
        return doc

    def _attrs(self, ids: tuple[int, ...]) -> dict:
        merged = self._merged.get(ids)
        if merged is None:
            merged = {}
            for attr_id in ids:  # ascending: later patterns overwrite earlier ones
                merged.update(self.ruler.attrs[attr_id])
            self._merged[ids] = merged
        return merged

    def pipe(self, docs: Iterable[Doc], batch_size: int = 128) -> Iterator[Doc]:
        for doc in docs:
            yield self(doc)


def _attr_of(key: str) -> int:
    attr = _FEATURES.get(key.upper())
    if attr is None:  # "OP" quantifiers, POS, MORPH, extension attributes ...
        raise _Unsupported(key)
    return attr


def _numpy_gemm(nlp: Language) -> None:
    ops = NumpyOps(use_blis=False)
    for _, component in nlp.pipeline:
        model = getattr(component, "model", None)
        if model is None or not hasattr(model, "walk"):
            continue
        for node in model.walk():
            node.ops = ops


def speed_up(nlp: Language) -> Language:
    """Swap in the equivalent fast paths described in the module docstring (in place)."""
    _numpy_gemm(nlp)
    if "attribute_ruler" in nlp.pipe_names and FastAttributeRuler.supports(
        nlp.get_pipe("attribute_ruler")
    ):
        nlp.add_pipe(FAST_RULER_NAME, after="attribute_ruler")
        nlp.remove_pipe("attribute_ruler")
    return nlp


@Language.factory(FAST_RULER_NAME, assigns=["token.pos", "token.morph", "token.lemma"])
def _make_fast_ruler(nlp: Language, name: str) -> FastAttributeRuler:
    """Built from the pipeline's own ``attribute_ruler`` (see :func:`speed_up`)."""
    return FastAttributeRuler(nlp.get_pipe("attribute_ruler"))
