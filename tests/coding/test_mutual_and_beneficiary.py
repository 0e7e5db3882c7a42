"""Mutual acts coded both ways, and whom aid is for (sentences written for these tests)."""

from __future__ import annotations

import pytest

from tests.conftest import primary

pytestmark = pytest.mark.slow


def pairs(events, code_prefix):
    return {
        (e.source.country, e.target.country if e.target else None)
        for e in events
        if e.cameo.code.startswith(code_prefix)
    }


def test_failed_agreement_between_coordinated_parties_is_mutual(code):
    events = code("Peru and Chile failed to reach agreement on the maritime border.")
    assert pairs(events, "12") == {("PER", "CHL"), ("CHL", "PER")}


def test_truce_broken_by_coordinated_parties_is_mutual(code):
    events = code("Peru and Chile violated the truce.")
    assert pairs(events, "19") == {("PER", "CHL"), ("CHL", "PER")}


def test_talks_with_a_counterpart_are_coded_both_ways(code):
    text = "The Kenyan foreign minister held talks with the Ugandan president in Kampala."
    events = code(text)
    assert pairs(events, "04") == {("KEN", "UGA"), ("UGA", "KEN")}
    # The sentence's main event keeps the grammatical subject as its source.
    assert primary(events).source.country == "KEN"
    # Only the counterpart's reading is flagged, so each meeting can be counted once.
    flagged = {(e.source.country, "reciprocal" in e.flags) for e in events if e.cameo.root == "04"}
    assert flagged == {("KEN", False), ("UGA", True)}


def test_agreement_signed_with_a_counterpart_is_coded_both_ways(code):
    events = code("Kenya signed an agreement with Uganda to build a railway.")
    assert {("KEN", "UGA"), ("UGA", "KEN")} <= pairs(events, "05")


def test_visit_and_rejected_agreement_stay_one_directional(code):
    assert pairs(code("The Kenyan president visited Uganda."), "04") == {("KEN", "UGA")}
    assert pairs(code("Kenya rejected an agreement with Uganda."), "12") == {("KEN", "UGA")}


def test_purpose_clause_beneficiary_beats_the_thing_given(code):
    text = "The Japanese government has donated 300 ambulances to assist Nepal with its recovery."
    event = primary(code(text))
    assert event.target is not None and event.target.country == "NPL"
    assert text[event.target.start : event.target.end] == "Nepal"


def test_purpose_clause_names_target_of_considered_aid(code):
    event = primary(code("The Thai government is considering sending aid to help Myanmar cope."))
    assert event.target is not None and event.target.country == "MMR"


def test_aid_for_victims_is_directed_at_them(code):
    text = "The Red Cross sought aid for flood victims in Sindh."
    event = primary(code(text))
    assert event.target is not None
    assert text[event.target.start : event.target.end].startswith("flood victims")


def test_named_recipient_outranks_purpose_clause(code):
    text = "Canada offered to send troops to Mali to help the French army."
    event = primary(code(text))
    assert event.target is not None and event.target.country == "MLI"


def test_bare_group_noun_is_mentioned_with_its_restriction(code):
    text = "The army distributed food to people who had fled the fighting in Tigray."
    event = primary(code(text))
    assert event.target is not None
    assert text[event.target.start : event.target.end] == (
        "people who had fled the fighting in Tigray"
    )


def test_aside_after_comma_is_not_part_of_the_group_mention(code):
    text = "The army delivered food to 5,000 people, including in remote villages."
    event = primary(code(text))
    assert event.target is not None
    assert text[event.target.start : event.target.end] == "5,000 people"


def test_us_border_and_customs_agencies_are_american(code):
    text = "ICE returned 12 stolen paintings to the government of Poland."
    event = primary(code(text))
    assert event.cameo.code == "0842"
    assert event.source.country == "USA"
    assert event.target is not None and event.target.country == "POL"
    event = primary(code("Customs and Border Protection returned ancient coins to Turkey."))
    assert event.source.country == "USA"


def test_unknown_named_party_of_a_mutual_act_keeps_its_own_mention(code):
    text = "The Zorbian Trade Office and Kenya have agreed to share information on exports."
    events = code(text)
    mentions = {
        (text[e.source.start : e.source.end], text[e.target.start : e.target.end])
        for e in events
        if e.cameo.root == "03" and e.target is not None
    }
    assert mentions == {
        ("Kenya", "The Zorbian Trade Office"),
        ("The Zorbian Trade Office", "Kenya"),
    }


def test_place_of_a_mutual_ceasefire_does_not_block_reciprocity(code):
    text = (
        "Moldova and Russia have agreed to a ceasefire in their conflict over the enclave "
        "of Transnistria."
    )
    assert pairs(code(text), "03") == {("MDA", "RUS"), ("RUS", "MDA")}


def test_setting_people_free_is_a_release_whoever_they_are(code):
    text = "Ethiopia set free some 74 political leaders."
    event = primary(code(text))
    assert event.cameo.code == "0841"
    assert text[event.target.start : event.target.end] == "some 74 political leaders"


def test_agentless_expulsion_of_inspectors_is_the_host_states_act(code):
    event = primary(code("Two inspectors for the UN atomic agency have been expelled from Iran."))
    assert event.cameo.code.startswith("166")
    assert event.source.country == "IRN"


def test_named_leader_is_not_the_unnamed_group_addressed(code):
    text = "French President Emmanuel Macron has issued an ultimatum to Muslim leaders."
    event = primary(code(text))
    assert event.target is not None
    assert text[event.target.start : event.target.end] == "Muslim leaders"


def test_possessive_pronoun_of_the_event_noun_is_not_a_target(code):
    text = "The Government of Austria expressed its condolences to the families of the victims."
    event = primary(code(text))
    assert (
        event.target is None
        or event.target.start is None
        or ("expressed" not in text[event.target.start : event.target.end])
    )


def test_author_named_by_a_by_phrase_is_the_target_without_a_country(code):
    text = (
        "A small group of activists have been participating in a hunger strike against "
        "human rights abuses by the Chicago Police Department."
    )
    event = primary(code(text))
    assert event.target is not None
    assert text[event.target.start : event.target.end] == "the Chicago Police Department"


def test_country_a_mutual_agreement_is_about_is_no_party(code):
    events = code("Macron and Scholz failed to reach agreement on Iran.")
    assert pairs(events, "12") == {("FRA", "DEU"), ("DEU", "FRA")}
    events = code("Mexico and Canada agreed to lift retaliatory tariffs on American products.")
    assert {t for _, t in pairs(events, "03")} == {"USA"}


def test_unnamed_official_is_not_the_named_person_they_worry_about(code):
    text = "A West African president expressed concern for President Tinubu's health."
    event = primary(code(text))
    assert event.target is not None and event.target.country == "NGA"
    assert text[event.target.start : event.target.end] == "President Tinubu's health"


def test_summit_of_many_parties_is_coded_towards_its_host(code):
    # Coding guidelines §4: more than three parties are not expanded into all pairs (twelve
    # rows for one meeting of four); each guest is coded towards the host.
    events = code("The leaders of France, Germany, Italy and Spain met in Rome on Tuesday.")
    assert pairs(events, "04") == {("FRA", "ITA"), ("DEU", "ITA"), ("ESP", "ITA")}


def test_summit_of_many_parties_without_a_host_is_not_coded(code):
    events = code("The leaders of France, Germany, Italy and Spain met on Tuesday.")
    assert pairs(events, "04") == set()


def test_meeting_of_three_parties_is_still_every_pair(code):
    events = code("The leaders of France, Germany and Italy met on Tuesday.")
    assert len(pairs(events, "04")) == 6


def test_what_a_meeting_discusses_is_no_party_to_it(code):
    # "Stitched" targets: the countries named in the topic are not the counterpart.
    events = code(
        "The Egyptian foreign minister discussed Turkish-Libyan relations with his Greek "
        "counterpart."
    )
    assert pairs(events, "04") == {("EGY", "GRC")}
    events = code(
        "The ministers of Egypt and Greece met in Cairo to discuss Libya-Turkey relations."
    )
    assert pairs(events, "04") == {("EGY", "GRC"), ("GRC", "EGY")}


def test_two_titled_leaders_misparsed_as_one_name_are_two_parties(code):
    # The small parser reads "US President Donald Trump and Turkish President Recep Tayyip
    # Erdogan" as one noun phrase headed by "Erdogan" (shared_heads._titled_pair).
    events = code(
        "On October 6, US President Donald Trump and Turkish President Recep Tayyip Erdogan "
        "spoke on the phone.",
        date="2019-10-07",
    )
    assert pairs(events, "041") == {("USA", "TUR"), ("TUR", "USA")}


def test_countries_acting_side_by_side_are_not_each_others_target(code):
    # Guidelines §4: "France and Germany condemned the attack" is two events towards the
    # attacker, never France condemning Germany.
    events = code("France and Germany condemned the coup.")
    assert pairs(events, "111") == {("FRA", None), ("DEU", None)}


def test_a_group_noun_with_a_list_is_its_listed_members(code):
    events = code(
        "Al-Shabaab has also threatened other African countries, including Ethiopia, "
        "Djibouti, Kenya and Uganda."
    )
    assert {t for _, t in pairs(events, "13")} == {"ETH", "DJI", "KEN", "UGA"}
    events = code("Russia condemned Western countries such as the United States and Britain.")
    assert pairs(events, "111") == {("RUS", "USA"), ("RUS", "GBR")}


def test_a_comma_list_of_names_misparsed_as_apposition_is_every_party(code):
    events = code(
        "The EU, UK, Japan, Australia, and New Zealand have previously designated "
        "Russian officials."
    )
    sources = {e.source.country or e.source.code for e in events if e.cameo.root == "16"}
    assert {"GBR", "JPN", "AUS", "NZL"} <= sources


def test_they_after_a_coordinated_group_is_every_member(code):
    events = code(
        "Egypt, Greece and Cyprus met in Cairo on Wednesday. They called on Turkey to halt "
        "drilling."
    )
    assert pairs(events, "02") == {("EGY", "TUR"), ("GRC", "TUR"), ("CYP", "TUR")}
    events = code("The rebels attacked the town. They later withdrew.")
    assert len([e for e in events if e.cameo.root == "08"]) == 1


def test_praise_by_coordinated_countries_is_not_mutual(code):
    events = code("Kenya and Tanzania praised the agreement.")
    assert pairs(events, "05") == {("KEN", None), ("TZA", None)}
    events = code("Kenya and Tanzania signed a trade agreement.")
    assert pairs(events, "057") == {("KEN", "TZA"), ("TZA", "KEN")}
