"""Faster, output-equivalent stand-ins for five costs of the stock spaCy pipeline.

All are switched on by the ``fast_nlp`` setting (``FLASHPOINT_FAST_NLP=0`` runs the model
exactly as shipped), and all leave every annotation the same:

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
* **The lemmatizer.**  spaCy's rule lemmatizer is a Python loop that builds a ``Token`` and its
  morphology for every word (~5 ms an article).  Its answer depends only on the word, its coarse
  POS and its morphology (the stock cache is keyed the same way), so :class:`FastLemmatizer`
  reads those three columns in one array, asks the stock lemmatizer once per new combination and
  writes the lemma column back in one call.  Tokens that already have a lemma (set by the
  attribute ruler) keep it, as with the stock component.
* **Entity decoding.**  :class:`~flashpoint.nlp.entity_decoder.LockstepEntityDecoder` decodes
  the entity recognizer's moves for a whole batch at once in numpy (see its module): the same
  model, the same greedy choices, a small fraction of the time.  For a recognizer it cannot
  read, :class:`BeamOneDecoder` is the fallback: spaCy 3.8's greedy transition decoder releases
  the GIL for its loop, but the compiled action-validity checks take it back and release it
  again around each call of a parser-state accessor, dozens of lock round trips per token.
  Beam search with a beam of one runs the same model and keeps, at every step, the single
  best-scoring valid action -- the greedy decision -- while holding the GIL (~35% less time
  for ``ner``).  Both score with numpy rather than the compiled loop, so a near tie could in
  principle resolve differently in the last bit of a float; on every sentence of the dev gold
  files and the bundled examples the entities are identical, and tests check it.
* **Parse decoding.**  :class:`~flashpoint.nlp.parse_decoder.LockstepParser` scores all of a
  batch's parser states at once in numpy and lets the parser's own compiled transition code
  choose and apply each move (~40% less parser time).

OpenBLAS uses every core by default: when running one worker process per core set
``OPENBLAS_NUM_THREADS=1`` (the throughput benchmark does).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator

from spacy.attrs import DEP, IS_SPACE, LEMMA, LOWER, MORPH, NORM, ORTH, POS, TAG
from spacy.lang.en.lemmatizer import EnglishLemmatizer
from spacy.language import Language
from spacy.pipeline import AttributeRuler, Lemmatizer
from spacy.tokens import Doc
from spacy.tokens._retokenize import set_token_attrs
from thinc.api import NumpyOps

from .component_wrapper import ComponentWrapper
from .entity_decoder import LockstepEntityDecoder
from .parse_decoder import LockstepParser

__all__ = ["BeamOneDecoder", "FastAttributeRuler", "FastLemmatizer", "speed_up"]

FAST_RULER_NAME = "flashpoint_attribute_ruler"
FAST_LEMMATIZER_NAME = "flashpoint_lemmatizer"
BEAM_NER_NAME = "flashpoint_entity_decoder"
LOCKSTEP_NER_NAME = "flashpoint_lockstep_entity_decoder"
LOCKSTEP_PARSER_NAME = "flashpoint_lockstep_parser"

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


class FastLemmatizer:
    """Applies a stock rule or lookup :class:`Lemmatizer` once per (word, POS, morphology)."""

    # Lemmatizers whose answer is known to depend on nothing but those three values.
    _KNOWN = (Lemmatizer, EnglishLemmatizer)

    def __init__(self, lemmatizer: Lemmatizer):
        if not lemmatizer._validated:  # the stock component checks its tables on first use
            lemmatizer._validate_tables()
        self.lemmatizer = lemmatizer
        self.strings = lemmatizer.vocab.strings
        self._lemmas: dict[tuple[int, int, int], int] = {}

    @classmethod
    def supports(cls, lemmatizer: object) -> bool:
        return type(lemmatizer) in cls._KNOWN and lemmatizer.mode in ("rule", "lookup")

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        rows = doc.to_array([ORTH, POS, MORPH, LEMMA])
        lemmas = rows[:, 3].copy()
        overwrite = self.lemmatizer.overwrite
        cache = self._lemmas
        for i, (orth, pos, morph, lemma) in enumerate(rows.tolist()):
            if lemma and not overwrite:
                continue
            key = (orth, pos, morph)
            new = cache.get(key)
            if new is None:
                if len(cache) > _MAX_CACHE:
                    cache.clear()
                new = cache[key] = self.strings.add(self.lemmatizer.lemmatize(doc[i])[0])
            lemmas[i] = new
        doc.from_array([LEMMA], lemmas)
        return doc

    def pipe(self, docs: Iterable[Doc], batch_size: int = 128) -> Iterator[Doc]:
        for doc in docs:
            yield self(doc)


def _attr_of(key: str) -> int:
    attr = _FEATURES.get(key.upper())
    if attr is None:  # "OP" quantifiers, POS, MORPH, extension attributes ...
        raise _Unsupported(key)
    return attr


class BeamOneDecoder(ComponentWrapper):
    """Runs a greedy transition component (the entity recognizer) through its beam-search
    decoder with a beam of one (see the module docstring); everything else is the component's.
    One decoding pass per batch: the beam decoder's per-step cost is mostly fixed, so unlike
    the stock pipe() the batch is not split in four (output does not depend on batching)."""

    @classmethod
    def supports(cls, component: object) -> bool:
        cfg = getattr(component, "cfg", {})
        return hasattr(component, "beam_parse") and cfg.get("beam_width") == 1

    def predict(self, docs: list[Doc]) -> list:
        if not any(len(doc) for doc in docs):
            return self.component.predict(docs)
        return self.component.beam_parse(docs, beam_width=1, beam_density=0.0)

    def _annotate(self, docs: list[Doc]) -> None:
        self.component.set_annotations(docs, self.predict(docs))


def _numpy_gemm(nlp: Language) -> None:
    ops = NumpyOps(use_blis=False)
    for _, component in nlp.pipeline:
        model = getattr(component, "model", None)
        if model is None or not hasattr(model, "walk"):
            continue
        for node in model.walk():
            node.ops = ops


def _replace(nlp: Language, name: str, factory: str) -> None:
    # Same name, so select_pipes / disable=[name] and get_pipe(name) keep working.
    nlp.add_pipe(factory, name=factory, after=name)
    nlp.remove_pipe(name)
    nlp.rename_pipe(factory, name)


def speed_up(nlp: Language) -> Language:
    """Swap in the equivalent fast paths described in the module docstring (in place)."""
    _numpy_gemm(nlp)
    if "attribute_ruler" in nlp.pipe_names and FastAttributeRuler.supports(
        nlp.get_pipe("attribute_ruler")
    ):
        nlp.add_pipe(FAST_RULER_NAME, after="attribute_ruler")
        nlp.remove_pipe("attribute_ruler")
    if "ner" in nlp.pipe_names:
        ner = nlp.get_pipe("ner")
        for decoder, factory in (
            (LockstepEntityDecoder, LOCKSTEP_NER_NAME),
            (BeamOneDecoder, BEAM_NER_NAME),
        ):
            if decoder.supports(ner):
                _replace(nlp, "ner", factory)
                break
    if "parser" in nlp.pipe_names and LockstepParser.supports(nlp.get_pipe("parser")):
        _replace(nlp, "parser", LOCKSTEP_PARSER_NAME)
    if "lemmatizer" in nlp.pipe_names and FastLemmatizer.supports(nlp.get_pipe("lemmatizer")):
        nlp.add_pipe(FAST_LEMMATIZER_NAME, after="lemmatizer")
        nlp.remove_pipe("lemmatizer")
    return nlp


@Language.factory(FAST_RULER_NAME, assigns=["token.pos", "token.morph", "token.lemma"])
def _make_fast_ruler(nlp: Language, name: str) -> FastAttributeRuler:
    """Built from the pipeline's own ``attribute_ruler`` (see :func:`speed_up`)."""
    return FastAttributeRuler(nlp.get_pipe("attribute_ruler"))


@Language.factory(FAST_LEMMATIZER_NAME, assigns=["token.lemma"])
def _make_fast_lemmatizer(nlp: Language, name: str) -> FastLemmatizer:
    """Wraps the pipeline's own ``lemmatizer`` (see :func:`speed_up`)."""
    return FastLemmatizer(nlp.get_pipe("lemmatizer"))


@Language.factory(
    BEAM_NER_NAME, assigns=["doc.ents", "token.ent_iob", "token.ent_type"], requires=[]
)
def _make_beam_ner(nlp: Language, name: str) -> BeamOneDecoder:
    """Wraps the pipeline's own ``ner`` (see :func:`speed_up`)."""
    return BeamOneDecoder(nlp.get_pipe("ner"))


@Language.factory(
    LOCKSTEP_NER_NAME, assigns=["doc.ents", "token.ent_iob", "token.ent_type"], requires=[]
)
def _make_lockstep_ner(nlp: Language, name: str) -> LockstepEntityDecoder:
    """Wraps the pipeline's own ``ner`` (see :func:`speed_up`)."""
    return LockstepEntityDecoder(nlp.get_pipe("ner"))


@Language.factory(
    LOCKSTEP_PARSER_NAME,
    assigns=["token.dep", "token.head", "token.is_sent_start", "doc.sents"],
    requires=[],
)
def _make_lockstep_parser(nlp: Language, name: str) -> LockstepParser:
    """Wraps the pipeline's own ``parser`` (see :func:`speed_up`)."""
    return LockstepParser(nlp.get_pipe("parser"))
