"""The learned event model's parts: word vectors, features, scoring, proposals, calibration."""

from __future__ import annotations

import numpy as np
import pytest

from flashpoint.coding.candidates.calibration import Calibration, calibration_features
from flashpoint.coding.candidates.event_model import load_event_model
from flashpoint.coding.candidates.model_support import SentenceSupport
from flashpoint.coding.candidates.word_vectors import Contrast, WordVectors, load_word_vectors


def test_word_vectors_split_unknown_words_into_wordpieces():
    vectors = WordVectors(["[UNK]", "shell", "##ed", "talks"], np.eye(4, dtype=np.float16))
    assert vectors.pieces("talks") == [3]
    assert vectors.pieces("Shelled") == [1, 2]  # lower-cased, then greedy longest match
    assert vectors.pieces("xyz") == []
    assert np.allclose(vectors.vector("shelled"), [0, 0.5, 0.5, 0])
    assert not vectors.vector("xyz").any()


def test_shipped_vectors_put_related_words_together():
    vectors = load_word_vectors()

    def cos(a: str, b: str) -> float:
        x, y = vectors.vector(a), vectors.vector(b)
        return float(x @ y / np.linalg.norm(x) / np.linalg.norm(y))

    assert cos("airstrike", "bombardment") > cos("airstrike", "congratulate")


def test_a_contrast_needs_the_word_clearly_nearer_the_first_set():
    hazards = Contrast("flood earthquake storm landslide", "bomb missile rocket gunfire")
    assert hazards("mudslide")
    assert not hazards("grenade")
    # Margins beyond any cosine difference: nothing passes, or every known word does ...
    assert not Contrast("flood earthquake storm landslide", "bomb missile", margin=2.0)("flood")
    anything = Contrast("flood", "bomb", margin=-2.0)
    assert anything("grenade")
    assert not anything("x" * 150)  # ... but never an unknown word (too long to split)


def test_shipped_model_scores_every_candidate_with_a_distribution():
    model = load_event_model()
    assert model.classes[0] == "none" and "19:ASSAULT" in model.classes
    assert "08:CONCEDE" in model.classes and "08:RETREAT" in model.classes
    assert model.calibration is not None
    dims = model.dense_weights.shape[0]
    probabilities = model.probabilities([["l=shell", "lex=19"], ["l=weather"]], np.zeros((2, dims)))
    assert probabilities.shape == (2, len(model.classes))
    assert np.allclose(probabilities.sum(axis=1), 1.0)
    assert probabilities[0, 0] < probabilities[1, 0]  # "shell" more eventful than "weather"
    assert model.code_for("19:ASSAULT", "nosuchword")[:2] == "19"


def _support(rows):  # type: ignore[no-untyped-def]
    model = load_event_model()
    full = {}
    for index, spread in rows.items():
        row = np.zeros(len(model.classes))
        for name, p in spread.items():
            row[model.classes.index(name)] = p
        full[index] = row
    return SentenceSupport(model, full, {i: "word" for i in rows})


def test_proposals_need_an_event_of_one_kind():
    support = _support({
        1: {"none": 0.2, "19:ASSAULT": 0.7, "18:ASSAULT": 0.1},  # an attack: proposed
        2: {"none": 0.3, "13:THREATEN": 0.25, "12:REJECT": 0.25, "11:ACCUSE": 0.2},  # spread
        3: {"none": 0.7, "19:ASSAULT": 0.3},  # more likely no event
        4: {"none": 0.1, "01:STATEMENT": 0.9},  # statements are never proposed
    })  # fmt: skip
    proposals = support.proposals(0.6)
    assert set(proposals) == {1} and proposals[1].startswith("19")


def test_calibration_round_trips_and_rises_with_the_evidence():
    calibration = Calibration((0.5, 1.0, 0.8, -0.4, -0.5, 0.3), -2.0)
    assert Calibration.from_dict(calibration.to_dict()) == calibration
    assert Calibration.from_dict({"features": ["other"], "weights": [1], "bias": 0}) is None
    weak = calibration.probability(calibration_features(0.5, 0.1, 0.2, False))
    strong = calibration.probability(calibration_features(0.8, 0.9, 0.95, False))
    assert 0 < weak < strong < 1


@pytest.mark.slow
def test_coder_proposes_an_event_no_lexicon_pattern_knows(coder):
    # "designating" a person (sanctions lists) is in no lexicon pattern; the model codes it.
    from flashpoint.coding.candidates.lexicon import load_lexicon

    assert not load_lexicon().has("V", "designate")
    from flashpoint.ingest import article_from_text

    events = coder.code(
        article_from_text(
            "The Department of State is designating two Russian oligarchs today.",
            date="2022-04-06",
        )
    )
    designation = [e for e in events if e.evidence.trigger.text.startswith("designat")]
    assert designation and designation[0].cameo.root == "16"
    assert "model-proposed" in designation[0].flags


@pytest.mark.slow
def test_plain_statement_needs_the_models_support(coder):
    # "told reporters that ..." is the frame of a report, not an act directed at the press: the
    # lexicon codes it 010, the model gives it no support, and it is dropped (coder.py,
    # _CODE_SUPPORT).  The rules-only coder still codes it.
    from flashpoint.coding.assembly.coder import Coder
    from flashpoint.ingest import article_from_text

    article = article_from_text(
        "The Iraqi prime minister told reporters in Baghdad that the talks with Iran had gone "
        "well.",
        date="2025-01-10",
    )
    assert not [e for e in coder.code(article) if e.cameo.code == "010"]
    rules_only = Coder(event_model="off")
    assert [e for e in rules_only.code(article) if e.cameo.code == "010"]


def test_a_light_verb_takes_the_event_noun_the_model_proposes(coder):
    # "announced the designation of ...": the lexicon knows "announce" only as a statement
    # and no pattern for "designation"; the model's reading of the noun makes the announcer's
    # act a designation of the leaders (finder._proposed_noun), as "announced the expulsion
    # of ..." is through the lexicon's noun pattern.
    from flashpoint.coding.candidates.finder import MODEL_ORIGIN, find_predicates

    sent = next(
        coder.nlp("The United States announced the designation of five Hezbollah leaders.").sents
    )
    noun = next(t for t in sent if t.lower_ == "designation")
    plain = find_predicates(sent, coder.lexicon)
    assert [p.code for p in plain] != ["163"]
    [predicate] = [
        p for p in find_predicates(sent, coder.lexicon, {noun.i: "163"}) if p.root == "16"
    ]
    assert predicate.code == "163" and predicate.pattern.origin == MODEL_ORIGIN
    assert [t.lower_ for t in predicate.trigger_tokens] == ["announced", "designation"]
    assert "States" in [t.text for t in predicate.sources]
    assert "leaders" in [t.text for t in predicate.targets]


def test_an_aspect_verb_is_not_proposed_over_its_complement(coder):
    # "will continue to support ...": the act is the support.  A proposal for "continue"
    # itself (whatever root the model guesses) would code the act a second time.
    from flashpoint.coding.candidates.finder import find_predicates

    sent = next(
        coder.nlp("The United States will continue to support the people of Ukraine.").sents
    )
    verb = next(t for t in sent if t.lower_ == "continue")
    found = find_predicates(sent, coder.lexicon, {verb.i: "0333"})
    assert [p.trigger.lower_ for p in found] == ["support"]
    # Without a verb complement the word itself may still be proposed.
    sent = next(coder.nlp("The talks continued in Geneva on Monday.").sents)
    verb = next(t for t in sent if t.lower_ == "continued")
    assert [p.trigger.lower_ for p in find_predicates(sent, coder.lexicon, {verb.i: "046"})] == [
        "continued"
    ]
