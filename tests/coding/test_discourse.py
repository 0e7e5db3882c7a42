"""Discourse across sentences: salient antecedents, the article's country, the publisher's
voice, implicit authorities.  Each case is the general pattern, written for these tests."""

from __future__ import annotations

import pytest

from flashpoint.actors.publisher import inside_quotes, publisher_actor
from flashpoint.ingest import article_from_text


def test_official_web_addresses_name_their_government():
    assert publisher_actor("https://www.state.gov/a-statement/").code == "USAGOV"
    assert publisher_actor("https://www.gov.uk/news/x").country == "GBR"
    assert publisher_actor("https://www.mofa.go.jp/x").country == "JPN"
    assert publisher_actor("https://news.un.org/en/story").code == "IGOUNO"
    assert publisher_actor("https://en.wikinews.org/wiki/X") is None
    assert publisher_actor(None) is None


def test_quotation_marks_delimit_the_publishers_own_voice():
    text = 'We condemn it. "We will fight," he said.'
    assert not inside_quotes(text, text.index("We"), 0)
    assert inside_quotes(text, text.index("We will"), 0)
    assert not inside_quotes(text, text.index("he said"), 0)


@pytest.mark.slow
def test_we_in_an_official_statement_is_its_government(coder):
    article = article_from_text(
        "We call on the government of Ethiopia to end the hostilities immediately.",
        date="2021-05-23",
        url="https://www.state.gov/statement/",
    )
    events = coder.code(article)
    assert events and events[0].source.country == "USA" and events[0].target.country == "ETH"
    assert events[0].source.resolution == "publisher"


_STATE_GOV = "https://www.state.gov/s/"


def _published_by_state_gov(coder, text: str, root: str) -> list:
    """The events of ``root`` in ``text`` published by the State Department, checked to be
    the publisher's own."""
    events = [
        e
        for e in coder.code(article_from_text(text, date="2021-05-23", url=_STATE_GOV))
        if e.cameo.root == root
    ]
    assert events and events[0].source.code == "USAGOV"
    assert events[0].source.resolution == "publisher"
    return events


@pytest.mark.slow
def test_the_bare_department_in_an_official_statement_is_its_government(coder):
    text = (
        "The Department condemns the detention of the journalists by the Ethiopian "
        "government. The Ethiopian Ministry of Defence rejected the report."
    )
    condemn = _published_by_state_gov(coder, text, "11")
    assert condemn[0].source.text == "The Department"
    # A ministry named with its country is that country's, whoever publishes.
    official = coder.code(article_from_text(text, date="2021-05-23", url=_STATE_GOV))
    assert all(e.source.country == "ETH" for e in official if e.cameo.root == "12")
    # Without an official publisher, "the Department" is no one the coder knows.
    plain = coder.code(article_from_text(text, date="2021-05-23"))
    assert not [e for e in plain if e.cameo.root == "11" and e.source.country == "USA"]


@pytest.mark.slow
def test_an_agentless_sanction_in_an_official_statement_is_the_publishers(coder):
    text = (
        "Ali Mohamed Rage and Sidan ag Hitta are designated as Specially Designated Global "
        "Terrorists under Executive Order 13224."
    )
    _published_by_state_gov(coder, text, "16")
    # Quoted, or in a news article, the same words name no sender.
    quoted = f'"{text[:-1]}," the spokesman said.'
    for article in (
        article_from_text(quoted, date="2021-05-23", url=_STATE_GOV),
        article_from_text(text, date="2021-05-23", url="https://news.example.com/s/"),
    ):
        assert not [e for e in coder.code(article) if e.source.resolution == "publisher"]


@pytest.mark.slow
def test_a_pronoun_takes_the_previous_sentences_subject(coder):
    article = article_from_text(
        "The Kenyan president avoided detailing the dispute with the Ugandan leader "
        "Yoweri Museveni. In public, he continued to praise Tanzania.",
        date="2025-12-29",
    )
    praise = [e for e in coder.code(article) if e.cameo.root == "05"]
    assert praise and praise[0].source.country == "KEN"
    assert praise[0].source.resolution == "coreference"


@pytest.mark.slow
def test_unnamed_forces_belong_to_the_country_the_article_is_about(coder):
    article = article_from_text(
        "Comoros launched an operation to retake the island of Anjouan. The Comoran army "
        "landed at dawn and Comoros said the rebel leader had fled. "
        "The military took control of the airport.",
        date="2008-03-25",
    )
    control = [e for e in coder.code(article) if "control" in e.evidence.trigger.text]
    assert control and control[0].source.country == "COM"


@pytest.mark.slow
def test_an_agentless_verdict_is_the_courts(coder):
    article = article_from_text(
        "Brazil's former president faces several trials in Brasilia. "
        "On Tuesday the former leader was convicted of corruption.",
        date="2025-12-29",
    )
    verdict = [e for e in coder.code(article) if e.cameo.code == "116"]
    assert verdict and verdict[0].source.country == "BRA" and verdict[0].source.sector == "JUD"


def _sources_of(events, trigger: str) -> set[str]:
    return {e.source.country for e in events if e.evidence.trigger.text == trigger}


@pytest.mark.slow
def test_they_includes_the_person_coordinated_with_the_group(code):
    events = code(
        "Kenyan Foreign Minister Amina Mohamed and her Ugandan and Tanzanian counterparts met in "
        "Nairobi on Monday. They condemned the border closure by South Sudan."
    )
    assert _sources_of(events, "condemned") == {"KEN", "UGA", "TZA"}


@pytest.mark.slow
def test_plural_title_refers_to_the_group_not_the_last_holder(code):
    events = code(
        "The foreign ministers of Kenya, Uganda and Tanzania met in Nairobi on Monday. The "
        "Ethiopian foreign minister attended as an observer. The foreign ministers condemned "
        "the border closure by South Sudan."
    )
    assert _sources_of(events, "condemned") == {"KEN", "UGA", "TZA"}


@pytest.mark.slow
def test_plural_title_refers_to_the_holders_just_named(code):
    events = code(
        "Kenyan Foreign Minister Amina Mohamed met the Ethiopian foreign minister on Monday. The "
        "foreign ministers condemned the border closure by South Sudan."
    )
    assert _sources_of(events, "condemned") == {"KEN", "ETH"}


@pytest.mark.slow
def test_officers_are_the_force_the_story_named(code):
    events = code(
        "Kenyan police said a man attacked shoppers with a knife in Nairobi on Sunday. "
        "Armed plainclothes officers chased him on foot. The officers shot him dead outside a "
        "supermarket."
    )
    shot = [e for e in events if e.evidence.trigger.text.startswith("shot")]
    assert shot and shot[0].source.code == "KENCOP"


@pytest.mark.slow
def test_officers_of_someone_else_are_not_the_police(code):
    events = code(
        "Kenyan police said a man attacked shoppers with a knife in Nairobi on Sunday. "
        "Election officers shot him dead outside a polling station."
    )
    assert not any(e.source.code == "KENCOP" and e.cameo.root == "19" for e in events)


@pytest.mark.slow
def test_condemning_a_reported_act_is_directed_at_its_author(code):
    events = code(
        "Turkey began a military offensive in northern Syria on Wednesday. "
        "The operation was condemned by members of the European Union."
    )
    condemned = [e for e in events if e.evidence.trigger.text == "condemned"]
    assert condemned and condemned[0].target.country == "TUR"
    assert condemned[0].target.resolution == "coreference"


@pytest.mark.slow
def test_acts_in_general_are_not_a_reference_back(code):
    events = code(
        "Turkey began a military offensive in northern Syria on Wednesday. "
        "The European Union condemned attacks on civilians."
    )
    condemned = [e for e in events if e.evidence.trigger.text == "condemned"]
    assert not any(e.target and e.target.resolution == "coreference" for e in condemned)


@pytest.mark.slow
def test_a_surname_the_story_introduced_is_that_person_as_a_target(coder):
    # The entity tagger misses the second "Mendoza"; the story introduced him, so the judge's
    # sentence is directed at him (not at Mexico read off the context).
    text = (
        "Mexican prosecutors said Carlos Mendoza, a former state governor, had taken bribes from "
        "a Mexican cartel. On Friday another judge in Mexico sentenced Mendoza to a six year "
        "prison term."
    )
    events = coder.code(article_from_text(text, date="2024-03-01"))
    [sentence] = [e for e in events if e.evidence.trigger.text.startswith("sentenced")]
    assert sentence.target is not None and sentence.target.name == "Carlos Mendoza"
    assert sentence.target.country == "MEX"


@pytest.mark.slow
def test_a_person_object_with_no_country_is_placed_in_the_storys_country(coder):
    text = (
        "BOGOTA — Colombian police detained a prominent critic of the government on Monday. "
        "Officials said the prosecutors would charge Mr. Quintero with sedition."
    )
    events = coder.code(article_from_text(text, date="2024-03-01"))
    charges = [e for e in events if e.evidence.trigger.text.startswith("charge")]
    assert charges and charges[0].target is not None and charges[0].target.country == "COL"
