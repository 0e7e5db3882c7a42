"""Noun-phrase extent on hand-built parses (no model needed)."""

from __future__ import annotations

from spacy.tokens import Doc, Span
from spacy.vocab import Vocab

from flashpoint.actors.phrases import np_tokens


def _doc(words, heads, deps, pos):
    return Doc(Vocab(), words=words, heads=heads, deps=deps, pos=pos)


def test_a_count_after_a_comma_is_no_apposition():
    # "the Diffa region, some 700": spaCy may hang the count on the region as an apposition.
    doc = _doc(
        ["the", "Diffa", "region", ",", "some", "700"],
        [2, 2, 2, 2, 5, 2],
        ["det", "compound", "ROOT", "punct", "det", "appos"],
        ["DET", "PROPN", "NOUN", "PUNCT", "DET", "NUM"],
    )
    assert [t.text for t in np_tokens(doc[2])] == ["the", "Diffa", "region"]


def test_a_noun_apposition_still_belongs_to_the_phrase():
    doc = _doc(
        ["Haifa", ",", "the", "port", "city"],
        [0, 0, 4, 4, 0],
        ["ROOT", "punct", "det", "compound", "appos"],
        ["PROPN", "PUNCT", "DET", "NOUN", "NOUN"],
    )
    assert [t.text for t in np_tokens(doc[0])] == ["Haifa", "the", "port", "city"]


def test_a_person_is_no_apposition_of_a_country():
    # "withdrawing troops from Syria, Defence Minister Sergei Shoigu said": a folded-in speaker.
    doc = _doc(
        ["Syria", ",", "Minister", "Sergei", "Shoigu"],
        [0, 0, 4, 4, 0],
        ["ROOT", "punct", "compound", "compound", "appos"],
        ["PROPN", "PUNCT", "PROPN", "PROPN", "PROPN"],
    )
    doc.ents = [Span(doc, 0, 1, label="GPE"), Span(doc, 3, 5, label="PERSON")]
    assert [t.text for t in np_tokens(doc[0])] == ["Syria"]
