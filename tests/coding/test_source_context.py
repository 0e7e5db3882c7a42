"""Source countries the source phrase alone does not give: the sentence's country, the state
behind an agentless arrest, misparsed subjects (sentences written for these tests)."""

from __future__ import annotations

import pytest

from tests.conftest import primary

pytestmark = pytest.mark.slow


def test_unknown_president_takes_the_sentence_country(code):
    text = "President Jose Santosa gave in to demands from Angolan opposition groups."
    event = primary(code(text))
    assert event.source.country == "AGO"
    assert event.source.resolution == "context"


def test_no_country_is_guessed_from_a_two_country_sentence(code):
    events = code("President Jose Santosa gave in to demands from Angolan and Zambian unions.")
    assert all(e.source.country is None for e in events)


def test_government_of_a_province_is_its_country(code):
    event = primary(code("The government of Balochistan province ordered police patrols."))
    assert event.source.country == "PAK"


def test_unidentified_attacker_takes_the_sentence_country(code):
    event = primary(code("A roadside bomb killed three Iraqi policemen on Sunday."))
    assert event.source.code == "IRQUAF"


def test_unidentified_gunmen_are_placed_where_they_struck_not_by_their_victims(code):
    # Coding guidelines §6.7: an unnamed perpetrator's country is where the attack happened.
    event = primary(code("Gunmen killed two Kenyan police officers in Mogadishu."))
    assert event.source.code == "SOMUAF"
    assert event.target.country == "KEN"


def test_unplaced_attack_takes_the_articles_country_before_the_victims(code):
    text = (
        "Somali troops fought militants outside the Somali capital on Monday, Somalia's "
        "defence ministry said. One Ugandan soldier was killed in the clash."
    )
    killing = [e for e in code(text) if e.evidence.trigger.text == "killed"]
    assert [(e.source.code, e.target.country) for e in killing] == [("SOMUAF", "UGA")]


def test_agentless_arrest_is_by_the_country_it_happened_in(code):
    event = primary(code("Two French aid workers were arrested in Chad on Friday."))
    assert event.source.country == "TCD"
    assert event.source.resolution == "implicit"
    assert event.cameo.root == "17"


def test_agentless_release_is_by_the_country_it_happened_in(code):
    event = primary(code("Two French aid workers were released from prison in Chad on Friday."))
    assert (event.source.country, event.source.resolution) == ("TCD", "implicit")
    assert event.cameo.code == "0841"


def test_agentless_arrest_with_no_place_codes_nothing(code):
    events = code("Two French aid workers were arrested on Friday.")
    assert not [e for e in events if e.cameo.root == "17"]


def test_act_directed_at_the_source_country_still_counts(code):
    # The only target found is the source's own country: the demand itself remains.
    event = primary(code("Bosnian Croats demanded a ceasefire in central Bosnia."))
    assert event.source.country == "BIH"
    assert event.cameo.root == "10"


def test_double_subject_misparse_keeps_the_actor(code):
    event = primary(
        code("Lebanese youths resorted to throwing stones at the police, witnesses said.")
    )
    assert event.source.country == "LBN"


def test_participle_after_the_subject_is_not_the_subject(code):
    event = primary(
        code("The Red Cross working in Haiti said the government must ensure security for aid.")
    )
    assert event.source.name and "Red Cross" in event.source.name
    assert event.cameo.root == "10"


def test_arrest_for_a_charge_accuses_of_it(code):
    # The CAMEO codebook codes an arrest reported with its charge as an accusation (112).
    event = primary(
        code("Two opposition activists were arrested in Belarus for insulting the president.")
    )
    assert event.cameo.code == "112"
    assert event.source.country == "BLR"


def test_forces_moved_by_an_unnamed_mover_are_moved_by_their_owner(code):
    event = primary(code("Two thousand German troops were deployed to Lithuania on Monday."))
    assert event.source.country == "DEU"
    assert event.cameo.root == "15"


def test_ownerless_forces_moved_code_nothing(code):
    assert not code("Troops were withdrawn from the border last year.")


@pytest.mark.parametrize(
    ("text", "source", "target"),
    [
        ("Ukrainian power plants were hit by Russian missiles overnight.", "RUS", "UKR"),
        ("The Israeli army base was hit by rockets fired from Gaza.", "PSE", "ISR"),
    ],
)
def test_struck_by_an_attack_or_weapon_is_an_attack(code, text, source, target):
    event = primary(code(text))
    assert event.cameo.root == "19"
    assert (event.source.country, event.target.country) == (source, target)


def test_hit_by_anything_else_is_no_attack(code):
    assert not code("The Greek economy was hit by strikes and falling exports.")


def test_an_expelled_envoys_posting_is_not_the_target(code):
    event = primary(code("Athens expelled the Libyan ambassador to Greece over the agreement."))
    assert (event.source.country, event.target.country) == ("GRC", "LBY")
