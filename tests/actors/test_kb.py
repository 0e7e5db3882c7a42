from datetime import date

import pytest

from flashpoint.actors import load_kb


def test_every_country_has_a_name_entry():
    kb = load_kb()
    countries = {e.country for e in kb.names.values() if e.kind == "country"}
    assert {"USA", "ISR", "PSE", "IRN", "SYR", "UKR", "RUS", "XKX", "TWN"} <= countries
    assert len(countries) >= 245


def test_names_are_case_sensitive():
    kb = load_kb()
    assert kb.names["US"].country == "USA"
    assert "us" not in kb.names and "turkey" not in kb.names


def test_capitals_and_institutions_are_government_metonyms():
    kb = load_kb()
    assert kb.names["Tehran"].code == "IRNGOV"
    assert kb.names["Kremlin"].code == "RUSGOV"
    assert kb.names["Pentagon"].code == "USAMIL"


def test_dated_roles_follow_the_story_date():
    kb = load_kb()
    assert kb.person_status("Joe Biden", date(2022, 3, 1)).sector == "GOV"
    assert kb.person_status("Joe Biden", date(2025, 6, 1)).sector == "ELI"
    assert kb.person_status("Donald Trump", date(2019, 1, 1)).sector == "GOV"
    assert kb.person_status("Donald Trump", date(2022, 1, 1)).sector == "ELI"


def test_office_holder_on_a_date():
    kb = load_kb()
    assert kb.office_holder("ISR", "prime minister", date(2025, 12, 29)).name == (
        "Benjamin Netanyahu"
    )
    assert kb.office_holder("ISR", "prime minister", date(2021, 12, 1)).name != (
        "Benjamin Netanyahu"
    )
    assert kb.office_holder("USA", "president", date(2022, 1, 1)).name == "Joe Biden"


def test_organisations_and_agents():
    kb = load_kb()
    assert kb.names["Hamas"].sector in ("REB", "PTY")
    assert kb.names["NATO"].code.startswith("IGO")
    assert kb.agents[("police",)].sector == "COP"
    assert kb.agents[("prime", "minister")].person


def test_shared_surname_resolves_on_the_story_date():
    kb = load_kb()
    assert kb.person_named("Bush", date(1990, 6, 1)) == "George H. W. Bush"
    assert kb.person_named("Bush", date(2004, 6, 1)) == "George W. Bush"
    assert kb.person_named("Bush", None) == "George W. Bush"
    assert kb.names["Mitterrand"].country == "FRA"
    assert kb.person_status("Francois Mitterrand", date(1990, 1, 1)).sector == "GOV"


def test_apposition_across_a_verb_is_not_part_of_the_phrase():
    from flashpoint.actors.phrases import np_tokens
    from flashpoint.nlp import load_nlp

    text = (
        "Serbia eased curbs in Montenegro province, the scene of riots, as police arrested dozens."
    )
    doc = load_nlp()(text)
    assert "scene" not in [t.text for t in np_tokens(doc[0])]


def test_shared_institutions_are_loaded_for_the_countries_that_have_them():
    from flashpoint.actors.kb import load_kb

    kb = load_kb()
    assert kb.names["Senate"].country == "USA"
    assert kb.shared_institutions["Senate"]["PHL"] == "LEG"
    assert kb.shared_institutions["Supreme Court"]["GBR"] == "JUD"
    assert "IRN" not in kb.shared_institutions["Congress"]


@pytest.mark.slow
def test_new_before_a_country_name_is_another_place():
    import flashpoint
    from flashpoint.nlp.extensions import NAMES_GROUP

    nlp = flashpoint.get_coder().nlp

    def names(text: str) -> list[str]:
        doc = nlp(text)
        return [s.kb_id_ for s in doc.spans.get(NAMES_GROUP, [])]

    assert names("The governor of New Mexico sued the federal government.") == []
    assert names("Prosecutors in New Jersey charged two men.") == []
    assert names("The New Zealand government condemned the attack.") == ["New Zealand"]
    assert names("Papua New Guinea signed a deal with Australia.") == [
        "Papua New Guinea",
        "Australia",
    ]
