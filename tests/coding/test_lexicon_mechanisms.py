"""Lexicon mechanisms: two-word nouns, generic heads, predicate adjectives, refusals,
complement folding through transparent verbs, instruments, claims and the '*' object.

Sentences are written for these tests, not taken from any gold file.
"""

from __future__ import annotations

import pytest

from flashpoint.coding.candidates.complements import fold
from flashpoint.coding.candidates.lexicon import load_lexicon

pytestmark = pytest.mark.slow


def codes(events):
    return {e.cameo.code for e in events}


def test_star_object_needs_an_object():
    lex = load_lexicon()
    assert lex.match("V", "return", objects=["statue"]).pattern.code == "0842"
    assert lex.match("V", "return", objects=[]) is None or (
        lex.match("V", "return", objects=[]).pattern.obj != "*"
    )


def test_phrase_class_beats_head_class():
    lex = load_lexicon()
    match = lex.match("V", "send", objects=["peacekeeping troop", "troop"])
    assert match.pattern.code == "074"


def test_consider_family_folds_anything():
    assert fold("consider", "070") == "014"


def test_two_word_noun_after_light_verb(code):
    events = code("Chile and Peru launched joint naval exercises off the coast on Monday.")
    assert "062" in codes(events)


def test_generic_head_takes_its_modifier(code):
    events = code("Norway ended its mediation efforts between Colombia and the rebels.")
    assert "165" in codes(events)


def test_predicate_adjective_statement(code):
    events = code("Germany is skeptical of the French proposal for a eurozone budget.")
    assert {e.cameo.code for e in events} & {"012"}


def test_predicate_adjective_folds_complement(code):
    events = code("Spain is ready to send humanitarian aid to Morocco.")
    assert "0333" in codes(events) or "033" in codes(events)


def test_negated_cooperation_is_refusal(code):
    events = code("Hungary will not accept refugees from Serbia.")
    assert any(e.cameo.root == "12" for e in events)


def test_transparent_complement(code):
    events = code("The UN urged Japan to continue providing economic aid to Haiti.")
    assert any(e.cameo.code.startswith("023") for e in events)


def test_considering_an_act_is_014(code):
    events = code("Canada is considering sending troops to Latvia.")
    assert "014" in codes(events)


def test_claiming_own_attack_is_015(code):
    events = code("Hamas claimed that it had attacked an Israeli patrol near Gaza.")
    assert "015" in codes(events)


def test_instrument_refines_violence(code):
    events = code("Rebels wounded three Nigerian soldiers in a roadside bomb attack.")
    assert any(e.cameo.code.startswith("183") for e in events)


def test_passive_subject_read_as_object(code):
    events = code("Sanctions on Iran were lifted by the European Union on Monday.")
    assert any(e.cameo.code.startswith("085") for e in events)


def test_a_no_event_pattern_wins_over_the_vaguer_one_and_over_the_model(code):
    # "sign" alone is a formal agreement (057); "sign" a decree or a law is a state's own act,
    # which the lexicon marks as no event (code "-"), and the event model may not propose.
    from flashpoint.coding.candidates.lexicon import NO_EVENT, load_lexicon

    lexicon = load_lexicon()
    assert lexicon.match("V", "sign").pattern.code == "057"
    assert lexicon.match("V", "sign", objects=["decree"]) is None
    assert lexicon.blocks("V", "sign", objects=["decree"]) and NO_EVENT == "-"
    events = code("On Friday the Tunisian prime minister signed a decree on public offices.")
    assert not [e for e in events if e.evidence.trigger.text.startswith("signed")]
    events = code("Kenya and Uganda signed a trade agreement on Monday.")
    assert {e.cameo.code for e in events} == {"057"}


@pytest.mark.parametrize(
    "text",
    [
        "Two Democratic candidates withdrew from the race on Tuesday.",
        "The senator suspended her presidential campaign in March.",
    ],
)
def test_leaving_an_election_race_is_no_event(code, text):
    # Elections and candidacies have no CAMEO code (coding guidelines 6.10); a retreat or a
    # suspended military campaign keep theirs.
    assert code(text) == []


def test_a_suspended_military_campaign_is_still_de_escalation(code):
    assert {e.cameo.code for e in code("The rebels suspended their military campaign.")} == {"087"}
