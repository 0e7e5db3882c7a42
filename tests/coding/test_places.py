"""Where an event happened: only places tied to the event's own clause count."""

from __future__ import annotations

import pytest

from tests.conftest import only, primary

pytestmark = pytest.mark.slow


def test_appositive_city_after_a_place_noun(code):
    # The small NER model leaves "Antananarivo" unlabelled; the gazetteer confirms it.
    event = only(
        code(
            "Thousands of demonstrators marched through the Madagascan capital Antananarivo "
            "on Thursday.",
            date="2025-10-03",
        )
    )
    assert event.location is not None
    assert (event.location.name, event.location.country) == ("Antananarivo", "MDG")
    assert event.location.lat is not None


def test_comma_appositive_city(code):
    events = code(
        "Police clashed with protesters in the Syrian capital, Damascus, on Friday.",
        date="2025-10-03",
    )
    event = primary(events)
    assert event.location is not None and event.location.country == "SYR"
    assert event.location.text == "Damascus"


def test_place_name_used_as_a_modifier_is_not_the_location(code):
    events = code("The cabinet approved the Antananarivo housing plan.", date="2025-10-03")
    assert all(e.location is None for e in events)


def test_unlabelled_unknown_proper_noun_is_not_a_place(code):
    # Not in the gazetteer: a capitalised word in a locative slot is not enough by itself.
    events = code("Rebels attacked soldiers near Qorvandeh Zelbarik.", date="2025-10-03")
    for event in events:
        assert event.location is None or event.location.text != "Zelbarik"
