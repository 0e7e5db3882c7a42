"""Actor and place classes that put wrong rows into exports (issue 13), one test per class."""

from __future__ import annotations

import pytest

from flashpoint.actors.regions import region_of

pytestmark = pytest.mark.slow


def test_region_adjectives_name_a_region_not_a_country():
    assert region_of(["Several", "Arab"]) == ("MEA", "Arab states")
    assert region_of(["West", "African"]) == ("WAF", "West Africa")
    assert region_of(["Israeli"]) is None


def test_a_regional_group_is_not_given_a_neighbours_country(code):
    (event,) = [e for e in code("Several Arab governments condemned the Israeli strike.")
                if e.cameo.root == "11"]  # fmt: skip
    assert event.source.country == "MEA" and event.source.code == "MEAGOV"


def test_a_pronoun_possessed_actor_takes_its_antecedent(code):
    text = "The Canadian prime minister said his government would expel the Russian ambassador."
    (event,) = [e for e in code(text) if e.cameo.root == "16"]
    assert event.source.country == "CAN"
    assert event.source.name == "Government (Canada)"  # never "his government" as a name


def test_street_and_square_names_are_not_geocoded(code):
    events = code("Thousands of protesters gathered at the Place du 13 Mai on Saturday.")
    assert all(e.location is None or e.location.country != "KEN" for e in events)


def test_a_square_is_where_a_protest_happens_not_its_target(code):
    (event,) = code("Protesters marched on the Plaza de Mayo in Buenos Aires.")
    assert event.target is None or "Plaza" not in event.target.text
    assert event.location is not None and event.location.country == "ARG"
