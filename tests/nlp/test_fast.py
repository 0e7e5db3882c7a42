"""The fast paths in flashpoint.nlp.fast annotate exactly like the stock pipeline."""

from __future__ import annotations

import pytest

from tests.conftest import EXAMPLES

pytestmark = pytest.mark.slow

TRICKY = (
    "I'd say y'all gonna c'mon, ain't nothin' let's gotta do. There is a man. It's here, "
    "isn't it? Give it to me and you.  \n\n  Those who did that have had enough; that's it."
)


def _signature(doc):
    return [
        (t.text, t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_, t.head.i, t.ent_iob_, t.ent_type_)
        for t in doc
    ]


@pytest.fixture(scope="module")
def stock():
    import spacy

    from flashpoint.nlp import resolve_model_name

    return spacy.load(resolve_model_name())


@pytest.fixture(scope="module")
def texts():
    return [TRICKY] + [p.read_text("utf-8") for p in sorted(EXAMPLES.glob("*.txt"))]


def test_fast_attribute_ruler_matches_the_stock_ruler(stock, texts):
    from spacy.tokens import Doc

    from flashpoint.nlp.fast import FastAttributeRuler

    ruler = stock.get_pipe("attribute_ruler")
    fast = FastAttributeRuler(ruler)
    with stock.select_pipes(enable=["tok2vec", "tagger", "parser"]):
        parsed = list(stock.pipe(texts))
    for doc in parsed:
        a, b = (
            Doc(stock.vocab).from_bytes(doc.to_bytes()),
            Doc(stock.vocab).from_bytes(doc.to_bytes()),
        )
        assert _signature(ruler(a)) == _signature(fast(b))


def test_fast_pipeline_annotates_like_the_stock_pipeline(texts):
    from flashpoint.nlp import resolve_model_name
    from flashpoint.nlp.pipeline import _load_nlp

    fast, slow = _load_nlp(resolve_model_name(), True), _load_nlp(resolve_model_name(), False)
    assert "flashpoint_attribute_ruler" in fast.pipe_names
    assert "attribute_ruler" not in fast.pipe_names
    assert "attribute_ruler" in slow.pipe_names
    for ours, theirs in zip(fast.pipe(texts), slow.pipe(texts), strict=True):
        assert _signature(ours) == _signature(theirs)
        for group in ("fp_names", "fp_agents"):
            spans = [(s.start, s.end, s.label_, s.kb_id_) for s in ours.spans[group]]
            assert spans == [(s.start, s.end, s.label_, s.kb_id_) for s in theirs.spans[group]]


def test_fast_nlp_can_be_turned_off(monkeypatch):
    from flashpoint.nlp import load_nlp

    monkeypatch.setenv("FLASHPOINT_FAST_NLP", "0")
    nlp = load_nlp()
    assert "attribute_ruler" in nlp.pipe_names
    assert all(getattr(node.ops, "use_blis", True) for node in nlp.get_pipe("tok2vec").model.walk())
