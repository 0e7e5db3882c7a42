"""Round-3 lexicon mechanisms: partitive and quantity nouns, 'that'-clause complements,
'take steps to', author adjectives, 'agree that', 'want X to', stative participles and
default yield content.

Sentences are written for these tests, not taken from any gold file.
"""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow


def codes(events):
    return {e.cameo.code for e in events}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Germany suspended part of its economic aid to Kenya on Monday.", "1621"),
        ("Chile delivered 300 tons of medicine to Haiti on Friday.", "073"),
        ("Egypt welcomed a team of inspectors from the IAEA on Sunday.", None),
        ("Chile and Peru began five days of joint naval exercises on Monday.", "062"),
    ],
)
def test_partitive_and_quantity_nouns(code, text, expected):
    events = code(text)
    if expected is not None:
        assert expected in codes(events)


def test_received_team_of_inspectors(code):
    assert "0862" in codes(code("Iran received a team of inspectors from the IAEA on Sunday."))


def test_that_clause_demand_is_folded(code):
    got = codes(code("Amnesty International demanded that Egypt lift restrictions on the press."))
    assert "1051" in got
    assert "100" not in got


def test_demand_noun_with_that_clause(code):
    got = codes(code("Kenya repeated its demand that Uganda ease restrictions on traders."))
    assert "1051" in got


def test_factual_that_clause_is_not_a_demand_content(code):
    got = codes(code("Turkey insisted that the protests reflected foreign meddling."))
    assert not any(c.startswith("10") and c != "100" for c in got)


def test_nested_refusal_stays_its_own_event(code):
    got = codes(code("Spain demanded that its allies refuse to recognize the breakaway state."))
    assert any(c.startswith("12") for c in got)


def test_reminder_that_must_is_a_demand(code):
    got = codes(code("Kenya issued a blunt reminder to Uganda that it must cooperate with police."))
    assert any(c.startswith("10") for c in got)


def test_take_steps_to(code):
    got = codes(code("Peru took immediate action to lift sanctions on Bolivia."))
    assert "085" in got


def test_responsible_for_violence(code):
    assert "202" in codes(code("Myanmar's army is responsible for mass killings in Rakhine."))


def test_guilty_of_violating_truce(code):
    got = codes(code("Armenia is guilty of violating the ceasefire agreement, Azerbaijan said."))
    assert "196" in got


def test_agree_that_is_accord(code):
    got = codes(code("France and Germany agreed that there was an urgent need for reform."))
    assert "019" in got


def test_want_other_to_do_is_appeal(code):
    got = codes(code("Poland wants Germany to pay reparations for the war."))
    assert any(c.startswith("02") for c in got)


def test_stative_participle_subject_is_source(code):
    events = code("Greece is opposed to Turkish mediation in the dispute with Cyprus.")
    assert "126" in codes(events)


def test_refusing_to_give_up_is_refusing_to_yield(code):
    got = codes(code("Iran refused to forsake its nuclear arsenal on Monday."))
    assert any(c.startswith("124") for c in got)


def test_named_person_release(code):
    assert "0841" in codes(code("Myanmar released Aung San Suu Kyi on Saturday."))
