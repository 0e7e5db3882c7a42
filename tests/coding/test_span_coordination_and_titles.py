"""Target mentions damaged by the parse (sentences written for these tests).

A list whose items carry parenthesised acronyms, two modifiers sharing one head noun, a long
name after a title, restrictive phrases after group nouns, and a sentence-final reporting
clause that must not outrank the act it reports.
"""

from __future__ import annotations

import pytest

from tests.conftest import mention, primary

pytestmark = pytest.mark.slow


def target_mentions(text, events):
    top = primary(events)
    return {
        mention(text, e.target)
        for e in events
        if e.target is not None and e.evidence.trigger.start == top.evidence.trigger.start
    }


def test_list_items_with_acronyms_in_parentheses_are_both_targets(code):
    text = (
        "The Security Council imposed sanctions on the Democratic Republic of the Congo (DRC)"
        " and the Central African Republic (CAR)."
    )
    assert target_mentions(text, code(text)) == {
        "the Democratic Republic of the Congo (DRC)",
        "the Central African Republic (CAR)",
    }


def test_two_names_sharing_one_head_noun_are_two_targets(code):
    text = "The police detained UK and EU negotiators on Monday."
    assert target_mentions(text, code(text)) == {"UK", "EU negotiators"}


def test_adjective_and_name_sharing_one_head_noun_are_two_targets(code):
    text = "Militants kidnapped British and EU observers near the border."
    assert target_mentions(text, code(text)) == {"British", "EU observers"}


def test_long_name_after_a_title_is_mentioned_whole(code):
    text = (
        "Kenyan President Uhuru Kenyatta holds talks with the Somali President Mohamed"
        " Abdullahi Mohamed Farmajo at his residence in Nairobi."
    )
    somali = [e.target for e in code(text) if e.target is not None and e.target.country == "SOM"]
    assert somali
    assert mention(text, somali[0]) == "the Somali President Mohamed Abdullahi Mohamed Farmajo"


def test_forces_are_mentioned_with_where_they_are_stationed(code):
    text = "Rebels threatened to attack Malian forces stationed in the northern town of Gao."
    event = primary(code(text))
    assert mention(text, event.target) == "Malian forces stationed in the northern town of Gao"


def test_workers_are_mentioned_with_whom_they_work_for(code):
    text = "The Sudanese government expelled 30 foreign workers employed by a Swedish charity."
    event = primary(code(text))
    assert mention(text, event.target) == "30 foreign workers employed by a Swedish charity"


def test_sentence_final_reporting_clause_does_not_outrank_the_reported_act(code):
    text = (
        "The Chilean government sent its deepest sympathies to the victims of the flood in"
        " Peru, the Chilean foreign ministry informed the state news agency."
    )
    event = primary(code(text))
    assert event.cameo.code == "018"
    assert event.evidence.trigger.text.startswith("sent")
