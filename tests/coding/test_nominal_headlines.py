"""A headline that only names an act takes its agent from the story's report of it
(headlines and stories written for these tests)."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow


def _headline_events(events):
    return [e for e in events if e.sentence_index == 0]


def test_headline_act_takes_the_agent_the_story_names(code):
    events = code(
        "Designations of Islamic State Leaders in Somalia\n\n"
        "The United States is designating two leaders of ISIS-Somalia today."
    )
    headline = _headline_events(events)
    assert headline and {e.source.country for e in headline} == {"USA"}
    assert {e.cameo.root for e in headline} == {"16"}


def test_violence_is_one_kind_of_act(code):
    events = code(
        "Airstrikes on Hospital in Aleppo\n\nRussian jets bombed a hospital in Aleppo on Monday."
    )
    headline = _headline_events(events)
    assert headline and headline[0].source.country == "RUS"


def test_headline_act_the_story_does_not_report_gets_no_invented_agent(code):
    events = code("Sanctions on Iranian Officials\n\nEight officials were named on Monday.")
    assert _headline_events(events) == []


def test_headline_with_its_own_agent_is_coded_as_it_stands(code):
    events = code(
        "Egyptian Sanctions on Iranian Officials\n\n"
        "The European Union imposed sanctions on eight Iranian officials on Monday."
    )
    assert {e.source.country for e in _headline_events(events)} == {"EGY"}


def test_protest_with_no_one_named_is_by_the_civilians_where_it_happens(code):
    events = code("Riots broke out in Nairobi on Monday after the election results were announced.")
    riot = [e for e in events if e.cameo.root == "14"]
    assert riot and riot[0].source.code == "KENCVL"
    assert riot[0].target is not None and riot[0].target.code == "KENGOV"


def test_protest_headline_the_story_does_not_report_is_the_crowd_s(code):
    events = code("Protests in Iran\n\nSecurity forces fired on protesters in Khuzestan on Friday.")
    assert [(e.source.code, e.cameo.root) for e in _headline_events(events)] == [("IRNCVL", "14")]
