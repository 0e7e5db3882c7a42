"""Criticism voiced as a judgement or a state of mind (sentences written for these tests)."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow


def dyads(events, code):
    return {
        (e.source.country, e.target.country if e.target else None)
        for e in events
        if e.cameo.code == code
    }


@pytest.mark.parametrize(
    "text",
    [
        "The French foreign minister said Russia's decision was unacceptable.",
        '"Russia\'s decision is unacceptable," the French foreign minister said.',
        "The French foreign minister said the Russian strikes were a violation of sovereignty.",
    ],
)
def test_a_speaker_who_condemns_an_act_criticises_its_actor(code, text):
    # Coding guidelines §5.1: "the ministry said the strikes were a violation of sovereignty"
    # is 111 ministry -> the striker.
    assert ("FRA", "RUS") in dyads(code(text), "111")


@pytest.mark.parametrize(
    "text",
    [
        "The French foreign minister said Russia's decision was not illegal.",
        "Russia's decision is unacceptable.",  # no speaker: the article's own voice
        "The French foreign minister said the situation was unacceptable.",  # no one's act
    ],
)
def test_no_criticism_without_a_speaker_a_judged_actor_or_with_a_negation(code, text):
    assert not [e for e in code(text) if e.cameo.code == "111"]


def test_concern_about_an_actors_act_is_disapproval(code):
    # Guidelines §6.3: "X is concerned by Y's detention of ..." is 110 X -> Y.
    events = code("The European Union is concerned by China's detention of the activists.")
    concern = [e for e in events if e.cameo.code == "110"]
    assert [(e.source.code, e.target.country) for e in concern] == [("IGOEEC", "CHN")]


def test_disappointment_with_an_actor_is_disapproval(code):
    events = code("The German chancellor was disappointed with Russia's decision.")
    assert ("DEU", "RUS") in dyads(events, "110")


@pytest.mark.slow
def test_labelling_an_act_with_a_condemning_word_is_criticism(code):
    events = code("Kenya's president described Uganda's border closure as illegal.")
    assert [(e.cameo.code, e.source.country, e.target.country) for e in events] == [
        ("111", "KEN", "UGA")
    ]
    events = code("The Kenyan minister called Uganda's decision unacceptable.")
    assert [(e.cameo.code, e.target.country) for e in events] == [("111", "UGA")]


@pytest.mark.slow
def test_a_neutral_or_negated_label_is_no_criticism(code):
    assert not [
        e
        for e in code("Kenya's president described Uganda's plan as ambitious.")
        if e.cameo.root == "11"
    ]
    assert not [
        e
        for e in code("The Kenyan minister did not describe Uganda's decision as illegal.")
        if e.cameo.root == "11"
    ]


@pytest.mark.slow
def test_labelling_a_reported_attack_criticises_its_author(code):
    events = code(
        "Gunmen attacked a police station in Mandera, Kenya, on Monday. Kenya's interior "
        "minister described the attack as cowardly."
    )
    described = [e for e in events if e.evidence.trigger.text == "described"]
    assert described and described[0].target.country == "KEN"


@pytest.mark.slow
def test_a_reaction_an_act_drew_is_by_those_it_came_from(code):
    events = code("Uganda's decision drew criticism from Kenya.")
    assert [(e.cameo.code, e.source.country, e.target.country) for e in events] == [
        ("111", "KEN", "UGA")
    ]
    events = code("Condemnation of the Ugandan raid came from France and Germany on Monday.")
    assert sorted(e.source.country for e in events if e.cameo.root == "11") == ["DEU", "FRA"]


@pytest.mark.slow
def test_drawing_fire_is_no_reaction(code):
    events = code("The Ugandan army drew fire from Kenyan troops.")
    assert not [e for e in events if e.source.country == "KEN" and e.cameo.root == "11"]


@pytest.mark.slow
@pytest.mark.parametrize(
    "text",
    [
        "The Kenyan president attacked Uganda's decision to close the border.",
        "Kenya's foreign minister attacked the proclamation of the border by the Ugandan "
        "president.",
    ],
)
def test_attacking_a_decision_criticises_its_author(code, text):
    # An attack on something said or decided is verbal: 111 against its author, no 190.
    events = code(text)
    assert ("KEN", "UGA") in dyads(events, "111")
    assert not [e for e in events if e.cameo.root == "19"]


@pytest.mark.slow
def test_attacking_a_place_stays_an_armed_attack(code):
    events = code("Kenyan troops attacked a Ugandan army base near the border.")
    assert [e.cameo.root for e in events] == ["19"]
