"""The per-document memo (nlp/docmemo.py) never leaks facts from one document, or from an
earlier state of a document, into another coding run (sentences written for these tests)."""

from __future__ import annotations

import pytest

from flashpoint.coding.arguments.target_context import sentence_country
from flashpoint.coding.syntax import prep_phrases
from flashpoint.ingest import article_from_text
from flashpoint.nlp.docmemo import coding, memo, sent_ents

pytestmark = pytest.mark.slow

_FIRST = (
    "Kenyan police arrested 14 protesters in Nairobi on Monday. "
    "The interior minister said the demonstrators had attacked a police station. "
    "Opposition leaders condemned the arrests and called for talks with the government."
)
_SECOND = (
    "Chile and Peru agreed to resume talks on their maritime border. "
    "The Peruvian foreign minister visited Santiago, where she met President Boric. "
    "Bolivia criticised the meeting and recalled its ambassador from Lima."
)


def _records(events):
    return [e.to_dict() for e in events]


def _parsed(coder, text):
    article = article_from_text(text, date="2025-12-29")
    return coder.nlp(article.text), article


def test_documents_coded_in_a_row_match_each_coded_alone(coder):
    first, second = _parsed(coder, _FIRST), _parsed(coder, _SECOND)
    alone_first = _records(coder.code_doc(*first))
    alone_second = _records(coder.code_doc(*second))
    assert alone_first and alone_second
    in_a_row = [_records(coder.code_doc(*doc)) for doc in (second, first, second, first)]
    assert in_a_row == [alone_second, alone_first, alone_second, alone_first]


def test_memo_lives_only_while_its_document_is_coded(coder):
    doc, _ = _parsed(coder, _FIRST)
    other, _ = _parsed(coder, _SECOND)
    memo(doc)["probe"] = 1
    assert "probe" not in memo(doc)  # outside coding: a throwaway dict
    with coding(doc):
        memo(doc)["probe"] = 1
        assert memo(doc)["probe"] == 1
        assert "probe" not in memo(other)  # another document never sees it
    assert "probe" not in memo(doc)
    with coding(doc):
        assert "probe" not in memo(doc)  # a new coding run starts empty


def test_a_changed_document_is_not_read_from_an_earlier_memo(coder):
    doc, _ = _parsed(coder, _FIRST)
    sent = next(doc.sents)
    with coding(doc):
        assert any(e.label_ == "GPE" for e in sent_ents(sent))
        before = sentence_country(sent, coder.kb, coder._lookup)
    assert before == "KEN"
    doc.ents = []
    with coding(doc):
        assert sent_ents(sent) == []


def test_memoised_lists_are_copies(coder):
    doc, _ = _parsed(coder, _FIRST)
    verb = next(t for t in doc if t.lemma_ == "arrest")
    with coding(doc):
        phrases = prep_phrases(verb)
        expected = list(phrases)
        phrases.append(("x", verb))
        assert prep_phrases(verb) == expected
        ents = sent_ents(next(doc.sents))
        ents.clear()
        assert sent_ents(next(doc.sents))


def test_token_helpers_answer_like_spacy_inside_and_outside_coding(coder):
    from flashpoint.nlp.docmemo import (
        children,
        doc_text,
        doc_tokens,
        doc_words,
        head_indices,
        sent_text,
        sentence_of,
        subtree,
    )

    doc, _ = _parsed(coder, _FIRST + "\n\n" + _SECOND)

    def answers():
        return (
            [[c.i for c in children(t)] for t in doc],
            [[s.i for s in subtree(t)] for t in doc],
            [(sentence_of(t).start, sentence_of(t).end) for t in doc],
            head_indices(doc),
            doc_words(doc),
            doc_text(doc),
            [sent_text(s) for s in doc.sents],
            [t.i for t in doc_tokens(doc)],
        )

    expected = (
        [[c.i for c in t.children] for t in doc],
        [[s.i for s in t.subtree] for t in doc],
        [(t.sent.start, t.sent.end) for t in doc],
        [t.head.i for t in doc],
        [t.text for t in doc],
        doc.text,
        [s.text for s in doc.sents],
        list(range(len(doc))),
    )
    assert answers() == expected  # outside coding: computed afresh
    with coding(doc):
        assert answers() == expected
        assert answers() == expected  # from the memo


def test_streamed_and_single_document_coding_agree(coder):
    # code_many hands the memo the article's own text; code_doc rebuilds it from the tokens.
    text = (
        "  Kenyan police  arrested 14 protesters in Nairobi.\n\n\tThe minister   condemned them. "
    )
    article = article_from_text(text, date="2025-12-29")
    streamed = next(coder.code_many([article]))
    single = coder.code_doc(coder.nlp(article.text), article)
    assert streamed and _records(streamed) == _records(single)
