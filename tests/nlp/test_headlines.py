"""Headline re-parse: an -s verb the small pipeline reads as a plural noun (headlines written
for these tests)."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow

BODY = "\n\nThe party said so in a statement on Monday."


@pytest.fixture(scope="module")
def nlp():
    from flashpoint.nlp import load_nlp

    return load_nlp()


def _headline(doc):
    return next(doc.sents)


def test_stock_parse_reads_the_verb_as_a_noun(nlp):
    # The reason for the component: without it the headline has no clause at all.
    with nlp.select_pipes(disable=["flashpoint_headline_verbs"]):
        doc = nlp("Opposition party withdraws support for coalition government" + BODY)
    assert doc[2].pos_ == "NOUN"


def test_headline_verb_becomes_the_clause_with_its_subject(nlp):
    text = "Opposition party withdraws support for coalition government" + BODY
    doc = nlp(text)
    verb = doc[2]
    assert (verb.text, verb.pos_, verb.dep_, verb.lemma_) == (
        "withdraws",
        "VERB",
        "ROOT",
        "withdraw",
    )
    assert verb.tag_ == "VBZ"  # the article's tense, not the past form parsed
    assert {c.text: c.dep_ for c in verb.children}["party"] == "nsubj"
    assert doc.text == text  # words and offsets are the article's


def test_body_sentences_keep_their_parse(nlp):
    text = "Opposition party withdraws support for coalition government" + BODY
    with nlp.select_pipes(disable=["flashpoint_headline_verbs"]):
        before = nlp(text)
    after = nlp(text)
    body = slice(len(before) - 10, len(before))
    assert [(t.dep_, t.head.i, t.pos_) for t in before[body]] == [
        (t.dep_, t.head.i, t.pos_) for t in after[body]
    ]
    assert [e.text for e in before.ents] == [e.text for e in after.ents]


def test_lines_that_already_have_a_clause_are_left(nlp):
    text = "At least twelve die in Mogadishu attacks" + BODY
    with nlp.select_pipes(disable=["flashpoint_headline_verbs"]):
        before = nlp(text)
    after = nlp(text)
    assert [(t.dep_, t.head.i, t.tag_) for t in before] == [
        (t.dep_, t.head.i, t.tag_) for t in after
    ]


def test_sentences_with_a_full_stop_are_not_headlines(nlp):
    from flashpoint.nlp.components.headlines import headline_lines

    doc = nlp("Party members withdraw support.\n\nOpposition party withdraws support" + BODY)
    lines = [line.text for line in headline_lines(doc)]
    assert lines == ["Opposition party withdraws support"]


def test_only_words_that_are_verbs_are_tried(nlp):
    from flashpoint.nlp.components.headlines import present_verb_candidates

    with nlp.select_pipes(disable=["flashpoint_headline_verbs"]):
        doc = nlp("Opposition party withdraws support for union leaders")
    # "leaders" follows a noun too, but is no verb's -s form.
    assert present_verb_candidates(doc[:]) == [(2, "withdrew")]


def test_headline_event_is_coded(code):
    events = code("Opposition party withdraws support for coalition government" + BODY)
    assert any(e.evidence.trigger.text.startswith("withdraws") for e in events)


def test_title_case_headline_is_parsed_in_sentence_case(nlp):
    from flashpoint.nlp.components.headlines import sentence_cased

    text = "Humanitarian Assistance for Afghanistan After Earthquake" + BODY
    with nlp.select_pipes(disable=["flashpoint_headline_verbs"]):
        before = nlp(text)
    assert sentence_cased(before[:6]) == [
        "humanitarian",
        "assistance",
        "for",
        "Afghanistan",  # a place keeps its capital
        "after",
        "earthquake",
    ]
    assert before[1].pos_ == "PROPN"  # the stock parse: a name
    after = nlp(text)
    assert after[1].text == "Assistance" and after[1].pos_ == "NOUN"
    assert after[1].lemma_ == "assistance"


def test_title_case_verb_is_found(nlp):
    doc = nlp("Kenyan President Signs Security Pact With Ethiopia" + BODY)
    assert doc[2].pos_ == "VERB" and doc[2].dep_ == "ROOT"


def test_sentence_case_lines_are_not_title_case(nlp):
    from flashpoint.nlp.components.headlines import sentence_cased

    with nlp.select_pipes(disable=["flashpoint_headline_verbs"]):
        doc = nlp("Thai political party withdraws nomination of princess")
    assert sentence_cased(doc[:]) is None


def test_bylines_and_credits_are_not_headlines(nlp):
    from flashpoint.nlp.components.headlines import headline_lines, sentence_cased

    text = (
        "Kenya Closes Border With Somalia\n\nBy Amina Wanjiru\n\nThe border closed on Monday."
        "\n\nReporting by Amina Wanjiru in Nairobi; Editing by Peter Graff"
    )
    with nlp.select_pipes(disable=["flashpoint_headline_verbs"]):
        doc = nlp(text)
    assert [line.text for line in headline_lines(doc)] == ["Kenya Closes Border With Somalia"]
    byline = doc.char_span(text.index("By"), text.index("By") + len("By Amina Wanjiru"))
    assert sentence_cased(byline) is None  # capitals on names only: no title case
    assert sentence_cased(doc[:5]) == ["Kenya", "closes", "border", "with", "Somalia"]
