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


def test_fast_lemmatizer_matches_the_stock_lemmatizer(stock, texts):
    from spacy.tokens import Doc

    from flashpoint.nlp.fast import FastLemmatizer

    lemmatizer = stock.get_pipe("lemmatizer")
    assert FastLemmatizer.supports(lemmatizer)
    fast = FastLemmatizer(lemmatizer)
    with stock.select_pipes(enable=["tok2vec", "tagger", "parser", "attribute_ruler"]):
        parsed = list(stock.pipe(texts))
    for doc in parsed:
        a, b = (Doc(stock.vocab).from_bytes(doc.to_bytes()) for _ in range(2))
        assert _signature(lemmatizer(a)) == _signature(fast(b))
        # a second pass answers from the cache, and the ruler's own lemmas are kept
        c = Doc(stock.vocab).from_bytes(doc.to_bytes())
        assert _signature(fast(c)) == _signature(a)


def _copies(stock, docs):
    from spacy.tokens import Doc

    return [Doc(stock.vocab).from_bytes(d.to_bytes()) for d in docs]


@pytest.mark.parametrize("decoder", ["beam of one", "lockstep"])
def test_fast_entity_decoders_find_the_entities_of_the_greedy_decoder(stock, texts, decoder):
    from flashpoint.nlp.entity_decoder import LockstepEntityDecoder
    from flashpoint.nlp.fast import BeamOneDecoder

    ner = stock.get_pipe("ner")
    fast_decoder = {"beam of one": BeamOneDecoder, "lockstep": LockstepEntityDecoder}[decoder]
    assert fast_decoder.supports(ner)
    ours_ner = fast_decoder(ner)
    sentences = [
        *texts,
        "",
        "   ",
        "Paris  \n\n  France",  # whitespace tokens between names
        "The foreign minister of Burkina Faso met Ghana's president in Accra on Tuesday.",
        "Rebels loyal to the National Front shelled the town of Kismayo overnight. Kenya",
        " ".join(texts),  # one long document beside short ones in a batch
    ]
    with stock.select_pipes(disable=["ner"]):
        parsed = list(stock.pipe(sentences))
    greedy, ours = _copies(stock, parsed), _copies(stock, parsed)
    list(ner.pipe(greedy, batch_size=3))
    list(ours_ner.pipe(ours, batch_size=3))
    for mine, theirs in zip(ours, greedy, strict=True):
        assert _signature(mine) == _signature(theirs)
        assert [(e.start, e.end, e.label_) for e in mine.ents] == [
            (e.start, e.end, e.label_) for e in theirs.ents
        ]
    assert sum(len(d.ents) for d in ours) > 50
    single = ours_ner(_copies(stock, [parsed[-2]])[0])
    assert _signature(single) == _signature(greedy[-2])
    assert ours_ner.labels == ner.labels  # everything else is the stock component's


def test_lockstep_decoder_leaves_preset_entities_to_the_stock_component(stock):
    from spacy.tokens import Doc, Span

    from flashpoint.nlp.entity_decoder import LockstepEntityDecoder

    ner = stock.get_pipe("ner")
    text = "Officials in Accra said John Mahama met the minister on Tuesday."
    with stock.select_pipes(disable=["ner"]):
        parsed = stock(text)
    docs = []
    for _ in range(2):
        doc = Doc(stock.vocab).from_bytes(parsed.to_bytes())
        doc.set_ents([Span(doc, 0, 1, label="ORG")], default="unmodified")  # a preset entity
        docs.append(doc)
    ner(docs[0])
    LockstepEntityDecoder(ner)(docs[1])
    assert _signature(docs[1]) == _signature(docs[0])
    assert docs[1].ents[0].label_ == "ORG"


def test_lockstep_parser_parses_like_the_greedy_parser(stock, texts):
    from flashpoint.nlp.parse_decoder import LockstepParser

    parser = stock.get_pipe("parser")
    assert LockstepParser.supports(parser)
    lockstep = LockstepParser(parser)
    documents = [
        *texts,
        "",
        "   ",
        "Talks resumed.\n\nThe minister, who arrived on Monday, said they would continue.",
        " ".join(texts),  # one long document beside short ones in a batch
    ]
    with stock.select_pipes(enable=["tok2vec", "tagger"]):
        tagged = list(stock.pipe(documents))
    greedy, ours = _copies(stock, tagged), _copies(stock, tagged)
    tok2vec = stock.get_pipe("tok2vec")  # the parser listens to its vectors (doc.tensor)
    for group in (greedy, ours):
        for doc in group:
            doc.tensor = tok2vec.predict([doc])[0]
    list(parser.pipe(greedy, batch_size=3))
    list(lockstep.pipe(ours, batch_size=3))
    for mine, theirs in zip(ours, greedy, strict=True):
        assert [(t.dep_, t.head.i, t.is_sent_start) for t in mine] == [
            (t.dep_, t.head.i, t.is_sent_start) for t in theirs
        ]
    assert sum(len(list(d.sents)) for d in ours) > 40
    assert lockstep.labels == parser.labels  # everything else is the stock component's


def test_transition_batches_are_bounded_by_tokens(stock):
    from flashpoint.nlp.transition_scoring import by_tokens

    docs = [stock.make_doc(text) for text in ("a b c", "d e", "f", "g h i j k l", "")]
    groups = list(by_tokens(docs, limit=5))
    assert [[len(d) for d in group] for group in groups] == [[3, 2], [1], [6], [0]]
    assert [d for group in groups for d in group] == docs


def test_fast_pipeline_keeps_the_entity_recognizer_name():
    from flashpoint.nlp import load_nlp
    from flashpoint.nlp.entity_decoder import LockstepEntityDecoder
    from flashpoint.nlp.parse_decoder import LockstepParser

    nlp = load_nlp()
    assert isinstance(nlp.get_pipe("ner"), LockstepEntityDecoder)
    assert isinstance(nlp.get_pipe("parser"), LockstepParser)
    with nlp.select_pipes(disable=["ner"]):
        assert not nlp("Angela Merkel visited Paris.").ents
    assert nlp("Angela Merkel visited Paris.").ents


def test_shared_coder_leaves_its_resources_out_of_garbage_collection():
    import gc

    import flashpoint

    flashpoint.get_coder()
    # the model's and dictionaries' objects are frozen, not re-scanned by every collection
    assert gc.get_freeze_count() > 100_000
