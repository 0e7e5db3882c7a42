"""How far an actor's mention reaches (sentences written for these tests).

The span is what a reader would mark as the argument: partitives, the proposal a target
authored, a list naming one actor, the thing located at a place, but not charges, dates or where a
person happened to be.
"""

from __future__ import annotations

import pytest

from tests.conftest import mention, primary

pytestmark = pytest.mark.slow


def test_partitive_quantifier_is_the_target_and_its_mention(code):
    text = "Kenyan police arrested several of the protesters on Monday."
    event = primary(code(text))
    assert event.cameo.root == "17"
    assert mention(text, event.target) == "several of the protesters"


def test_partitive_some_of_keeps_the_quantifier(code):
    text = "The Kenyan government expelled some of the Somali diplomats."
    event = primary(code(text))
    assert event.target.country == "SOM"
    assert mention(text, event.target) == "some of the Somali diplomats"


def test_author_of_a_rejected_request_is_mentioned_by_the_request(code):
    text = "Egypt refused a request from the Sudanese government for more water."
    event = primary(code(text))
    assert event.target.country == "SDN"
    assert mention(text, event.target) == "a request from the Sudanese government"


def test_author_of_a_denied_accusation_is_mentioned_alone(code):
    text = "Turkey denied accusations by the Greek government."
    event = primary(code(text))
    assert event.target.country == "GRC"
    assert mention(text, event.target) == "the Greek government"


def test_coordinated_targets_each_keep_their_own_mention(code):
    # Each actor of a list becomes its own event; its offsets point at that actor alone.
    text = "Israeli jets struck the Syrian army and Hezbollah fighters."
    events = [e for e in code(text) if e.cameo.root == "19"]
    by_country = {e.target.country: mention(text, e.target) for e in events}
    assert by_country["SYR"] == "the Syrian army"
    assert by_country["LBN"] == "Hezbollah fighters"


def test_unnamed_group_conjunct_joins_the_mention(code):
    text = "Russian forces killed the rebel commander and four members of his family."
    event = primary(code(text))
    assert mention(text, event.target).startswith("the rebel commander and four members")


def test_reciprocal_pair_is_two_events_with_their_own_mentions(code):
    text = "Kenya and Tanzania signed a trade agreement."
    events = [e for e in code(text) if e.cameo.root == "05"]
    pairs = {(mention(text, e.source), mention(text, e.target)) for e in events}
    assert pairs == {("Kenya", "Tanzania"), ("Tanzania", "Kenya")}


def test_charge_is_not_part_of_the_accused(code):
    text = "Kenya accused the Somali government of abuses and other crimes in Mogadishu."
    event = primary(code(text))
    assert event.target.country == "SOM"
    assert mention(text, event.target) == "the Somali government"


def test_place_target_is_mentioned_by_the_thing_located_there(code):
    text = "Islamist rebels ambushed a military convoy in Nigeria's Borno State."
    event = primary(code(text))
    assert event.target.country == "NGA"
    assert mention(text, event.target) == "a military convoy in Nigeria's Borno State"


def test_place_target_of_an_event_noun_is_the_place_phrase(code):
    text = "Turkey declared a ceasefire in northern Syria."
    event = primary(code(text))
    assert event.target.country == "SYR"
    assert mention(text, event.target) == "northern Syria"


def test_named_person_does_not_take_the_meeting_place(code):
    text = "Chinese President Xi Jinping met Brazilian President Lula in Beijing."
    event = primary(code(text))
    assert mention(text, event.target) == "Brazilian President Lula"


def test_mention_does_not_end_in_a_comma(code):
    text = "Militants killed dozens of people in Kabul, officials said."
    event = primary(code(text))
    assert mention(text, event.target) == "dozens of people in Kabul"


def test_beneficiary_of_a_concern_is_not_part_of_the_concern(code):
    text = "Ghana's president expressed concern for Nigerian President Bola Tinubu's health."
    event = primary(code(text))
    assert event.target.country == "NGA"
    assert mention(text, event.target) == "Nigerian President Bola Tinubu's health"


def test_dinner_for_a_guest_is_mentioned_by_the_guest(code):
    text = "Israel hosted a private dinner for the Egyptian foreign minister."
    event = primary(code(text))
    assert mention(text, event.target) == "the Egyptian foreign minister"


def test_spokesman_for_keeps_the_for_phrase(code):
    text = "The spokesman for the Kenyan government rejected the report."
    event = primary(code(text))
    assert mention(text, event.source) == "The spokesman for the Kenyan government"


def test_envoy_is_mentioned_with_the_posting_but_keeps_his_country(code):
    text = "The Kenyan envoy to Somalia met the Somali president."
    event = primary(code(text))
    assert event.source.country == "KEN"
    assert mention(text, event.source) == "The Kenyan envoy to Somalia"


def test_title_keeps_its_portfolio(code):
    text = "The U.S. secretary of defense expressed concern about the Iranian attack."
    event = primary(code(text))
    assert mention(text, event.source) == "The U.S. secretary of defense"


def test_country_read_off_the_sentence_points_at_its_mention(code):
    text = "Suharto resigned in 1998 after three decades in power in Indonesia."
    event = primary(code(text))
    assert event.target.country == "IDN"
    assert mention(text, event.target) == "Indonesia"


def test_context_mention_stops_before_a_date(code):
    text = "Authorities eased the curfew in Amman April 2 after weeks of lockdown."
    event = primary(code(text))
    assert mention(text, event.target) == "Amman"


def test_context_target_never_points_into_the_source(code):
    text = "Indian farmers began a hunger strike to protest against new laws."
    event = primary(code(text))
    assert event.target is not None and event.target.country == "IND"
    assert event.target.start is None
