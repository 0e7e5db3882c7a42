"""Coding with dictionaries: a user's files change what is coded, roles follow the event date,
agents combine as in PETRARCH, discards skip, and every actor says which entry resolved it."""

import logging
from pathlib import Path

import pytest

import flashpoint
from flashpoint.dictionaries import DictionaryError
from flashpoint.ingest import article_from_text
from tests.conftest import REPO

DATA = REPO / "tests" / "dictionaries" / "data"
FILES = {
    "actors": [str(DATA / "test.actors.txt")],
    "agents": [str(DATA / "test.agents.txt")],
    "verbs": [str(DATA / "test.verbs.txt")],
    "discards": [str(DATA / "test.discards.txt")],
}

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def coder():
    return flashpoint.get_coder(**FILES)


def coded(coder, text, date="2005-06-01"):
    return [
        (e.source.code, e.cameo.code, e.target.code if e.target else None)
        for e in coder.code(article_from_text(text, date=date))
    ]


def test_a_user_verb_file_changes_what_is_coded(coder):
    # Rules only: the learned event model may code a word no lexicon knows ("toasted" as a
    # meeting), which is not what this test is about.
    plain = flashpoint.get_coder(event_model="0")
    text = "Germany toasted France."
    assert coded(plain, text) == []  # flashpoint's own lexicon has no "toast"
    assert coded(coder, text) == [("DEU", "051", "FRA")]
    [event] = coder.code(article_from_text(text, date="2005-06-01"))
    assert event.pattern.startswith("V:toast -> 051 (test.verbs.txt:7)")
    assert coded(coder, "Germany toasted France at a banquet.") == [("DEU", "057", "FRA")]
    assert "+test.verbs.txt" in event.lexicon


def test_actors_resolve_with_provenance(coder):
    [event] = coder.code(article_from_text("Veloria toasted Quarn.", date="2005-06-01"))
    assert (event.source.code, event.source.entry) == ("VEL", "test.actors.txt:6")
    assert (event.target.code, event.target.entry) == ("QRN", "test.actors.txt:11")
    assert event.to_dict()["source"]["entry"] == "test.actors.txt:6"


def test_the_role_in_force_on_the_event_date(coder):
    assert coded(coder, "Tollaway saluted Ostravia.", "1999-06-01") == [("VELGOVFRM", "051", "OST")]
    assert coded(coder, "Tollaway saluted Ostravia.", "2005-06-01") == [("VELGOV", "051", "OST")]
    assert coded(coder, "Tollaway saluted Ostravia.", "2012-06-01") == [("VELELI", "051", "OST")]
    # a story of 2012 about 1999: the event's own date decides
    [event] = coder.code(
        article_from_text(
            "In 1999, Tollaway saluted Ostravia, the paper recalled.", date="2012-06-01"
        )
    )
    assert event.date.year == 1999 and event.source.code == "VELGOVFRM"
    # "former" is out of office whatever the record says
    assert coded(coder, "Former president Tollaway saluted Ostravia.")[0][0] == "VELELI"


def test_agents_combine_as_in_petrarch(coder):
    assert coded(coder, "The Velorian harbour master toasted Quarn.") == [
        ("VELGOVBUS", "051", "QRN")
    ]
    assert coded(coder, "A Quarnish charity saluted Veloria.") == [("NGOQRN", "051", "VEL")]
    [event] = coder.code(
        article_from_text("The Velorian harbour master toasted Quarn.", date="2005-06-01")
    )
    assert event.source.entry == "test.actors.txt:6+test.agents.txt:4"


def test_paired_and_reverse_codes(coder):
    events = coder.code(
        article_from_text("President Tollaway sojourned in Quarn.", date="2005-06-01")
    )
    assert [(e.source.code, e.cameo.code, e.target.code, e.flags) for e in events] == [
        ("VELGOV", "042", "QRN", ()),
        ("QRN", "043", "VELGOV", ("paired",)),
    ]
    assert coded(coder, "Bellamy Drask defected to Veloria.", "2004-06-01") == [
        ("VEL", "0872", "OSTREB")
    ]


def test_discards(coder):
    assert coded(coder, "The Velorian football team toasted Quarn.") == []
    text = "Veloria toasted Quarn. At the grand regatta, Quarn saluted Veloria."
    assert coded(coder, text) == []  # a story discard drops every sentence
    assert coded(
        flashpoint.get_coder(actors=FILES["actors"], verbs=FILES["verbs"]),
        "The Velorian football team toasted Quarn.",
    ) == [("VEL", "051", "QRN")]


def test_only_given_dictionaries_drop_flashpoints_own(coder):
    only = flashpoint.get_coder(**FILES, bundled=False)
    assert coded(coder, "Germany toasted Veloria.") == [("DEU", "051", "VEL")]
    assert coded(only, "Germany toasted Veloria.") == []  # Germany is not in the given file
    # flashpoint's own event patterns are gone too: only the given verbs code
    assert coded(only, "Veloria condemned Quarn.") == []
    assert coded(coder, "Veloria condemned Quarn.")[0][1] == "111"


def test_built_in_actors_have_provenance_too():
    [event] = flashpoint.code("Egypt condemned Israel.", date="2025-12-29")
    assert event.source.entry.startswith("countries.tsv:")


def test_a_user_entry_overriding_a_bundled_one_warns_once(caplog):
    from flashpoint.dictionaries.loading import load_dictionaries

    load_dictionaries.cache_clear()
    with caplog.at_level(logging.WARNING, logger="flashpoint"):
        flashpoint.get_coder(actors=FILES["actors"], dictionaries=["phoenix"])
        flashpoint.get_coder(actors=FILES["actors"], dictionaries=["phoenix"])
    warnings = [r.getMessage() for r in caplog.records if "overrides" in r.getMessage()]
    assert len(warnings) == 1
    assert "test.actors.txt overrides" in warnings[0] and "NORTHERN_LEAGUE" in warnings[0]


def test_a_bad_file_is_an_error_naming_file_and_line(tmp_path):
    bad = tmp_path / "bad.actors.txt"
    bad.write_text("SOMEONE_\n\t[KORGOVBUS 2004017-20061201]\n")
    with pytest.raises(DictionaryError, match=r"bad\.actors\.txt:2: bad date '2004017'"):
        flashpoint.get_coder(actors=[str(bad)])
    with pytest.raises(DictionaryError, match="cannot read"):
        flashpoint.get_coder(actors=[str(tmp_path / "missing.txt")])


def test_the_phoenix_set(coder):
    phoenix = flashpoint.get_coder(dictionaries=["phoenix"])
    [event] = phoenix.code(
        article_from_text("Ahmed Zia Massoud criticised the Helmand police.", date="2005-06-01")
    )
    assert (event.source.code, event.source.entry) == (
        "AFGGOV",
        "phoenix:Phoenix.Countries.actors.txt:204",
    )
    # Helmand, a province Phoenix lists as Afghanistan, is left to the gazetteer as a place
    agents = (Path(flashpoint.__file__).parent / "actors/data/agents.tsv").read_text().splitlines()
    police = agents.index("police\tCOP\t0") + 1
    assert (event.target.code, event.target.entry) == ("AFGCOP", f"agents.tsv:{police}")
    assert coded(phoenix, "Ahmed Zia Massoud criticised Pakistan.", "2012-06-01")[0][0] == "AFGELI"
