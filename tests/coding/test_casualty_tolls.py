"""A casualty with no attacker and no attack named is a toll, not an act (sentences written
for these tests)."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow


def _violent(events):
    return [e for e in events if e.cameo.root in ("18", "19", "20")]


def test_bare_casualty_is_not_an_attack(code):
    assert _violent(code("Two Kenyan soldiers were wounded near Mandera on Tuesday.")) == []


def test_casualty_of_a_named_attack_keeps_the_unidentified_attacker(code):
    events = _violent(code("Two Kenyan soldiers were wounded in a mortar attack near Mandera."))
    assert events and events[0].source.sector == "UAF"


def test_casualty_with_a_weapon_as_agent_is_an_attack(code):
    events = _violent(code("Three Kenyan policemen were killed by a roadside bomb near Mandera."))
    assert events and events[0].cameo.code.startswith("183")


def test_casualty_with_a_named_killer_is_that_actor_s_act(code):
    events = _violent(code("Somali rebels killed two Kenyan soldiers near Mandera."))
    assert events and events[0].source.country == "SOM"


@pytest.mark.parametrize(
    "text",
    [
        "A landslide killed twelve villagers in northern Peru.",
        "The floods killed forty people in Pakistan last week.",
        "Twelve people were killed by a mudslide in Colombia.",
        "A bus crash injured nine tourists near Cusco.",
    ],
)
def test_a_natural_or_accidental_cause_is_no_attacker(code, text):
    assert _violent(code(text)) == []


@pytest.mark.parametrize(
    "text",
    [
        "A car bomb killed five Afghan soldiers in Kabul.",
        "A landmine killed three Ukrainian soldiers near Bakhmut.",
        "Rebels fired a rocket which killed three soldiers in Goma.",
    ],
)
def test_weapons_in_the_same_place_stay_attacks(code, text):
    assert _violent(code(text))


def test_an_unresolved_pronoun_is_no_unidentified_attacker(code):
    # The text names the attacker where "he" points; the coder could not follow it, which
    # does not make him CAMEO's unidentified armed force.
    assert (
        _violent(code("Reportedly he injured a man and two women on the main road in Leeds.")) == []
    )
    events = _violent(code("Gunmen killed three Kenyan police officers near Mandera."))
    assert events and events[0].source.sector == "UAF"
