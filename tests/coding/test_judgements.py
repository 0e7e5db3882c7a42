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
