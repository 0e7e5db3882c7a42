"""Actor resolution for event sources: possessors, institutions, peoples, pronouns in reported
speech, bodies of troops and dated office holders (sentences written for these tests)."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def resolve_head():
    import flashpoint
    from flashpoint.actors.resolve import DocActors

    coder = flashpoint.get_coder()

    def run(text: str, word: str, nth: int = 0):
        doc = coder.nlp(text)
        actors = DocActors(coder.kb, doc, None)
        for sent in doc.sents:
            actors.observe(sent)
        head = [t for t in doc if t.text == word][nth]
        return actors.resolve(head)

    return run


def test_pronoun_after_title_and_name_is_the_person(resolve_head):
    # The title is resolved after the name (head by head): memory must stay in text order.
    refs = resolve_head(
        "UN Secretary-General Kofi Annan told reporters that he will send envoys to Sudan.", "he"
    )
    assert refs and refs[0].name == "Kofi Annan"
    assert refs[0].code == "IGO"


def test_reported_clause_pronoun_is_the_speaker(resolve_head):
    # "the United Nations" is nearer, but the speaker is the one reported.
    refs = resolve_head(
        "Iraq told the United Nations on Monday that it would let the inspectors back.", "it"
    )
    assert refs and refs[0].country == "IRQ"
    assert refs[0].resolution != "coreference"


def test_possessive_leader_does_not_hide_the_party(resolve_head):
    refs = resolve_head("Benjamin Netanyahu's Likud party rejected the proposal.", "party")
    assert refs and refs[0].code == "ISRPTYLKD"


def test_institution_name_takes_the_explicit_country(resolve_head):
    refs = resolve_head("Brazil's Supreme Court ordered the release of the journalist.", "Court")
    assert refs and refs[0].country == "BRA"
    assert refs[0].sector == "JUD"


def test_institution_name_alone_keeps_its_dictionary_country(resolve_head):
    refs = resolve_head("The Supreme Court ordered the release of the journalist.", "Court")
    assert refs and refs[0].country == "USA"


def test_people_of_another_country_live_there(resolve_head):
    refs = resolve_head(
        "The Hungarians of southern Slovakia demanded more language rights.", "Hungarians"
    )
    assert refs and refs[0].country == "SVK"


def test_demonym_in_a_country_keeps_citizenship(resolve_head):
    refs = resolve_head("Hungarians in Slovakia voted on Sunday.", "Hungarians")
    assert refs and refs[0].country == "HUN"


def test_deployment_of_troops_acts_as_the_troops(resolve_head):
    refs = resolve_head("The first deployment of NATO troops reached Kosovo.", "deployment")
    assert refs and refs[0].code == "IGONAT"


def test_office_holders_added_for_kyrgyzstan_and_kenya(resolve_head):
    refs = resolve_head("Askar Akayev signed the decree.", "Akayev")
    assert refs and refs[0].country == "KGZ"
    refs = resolve_head("Vice-President Moody Awori opened the conference.", "Awori")
    assert refs and refs[0].country == "KEN"


def test_jewish_settlers_are_israeli_wherever_they_live(resolve_head):
    # CAMEO codes settlers as ISRSET, not as the country of the settlement's location.
    refs = resolve_head("Jewish settlers near Ramallah uprooted olive trees.", "settlers")
    assert refs and refs[0].code == "ISRSET"


@pytest.mark.parametrize(
    ("text", "word", "sector"),
    [
        ("Solicitor General Jose Calida filed a petition in Manila.", "Calida", "JUD"),
        ("Nigeria's Inspector General of Police ordered the arrests.", "General", "GOV"),
        ("Brigadier General Musa Ali led the troops into the town.", "Ali", "MIL"),
    ],
)
def test_civilian_titles_with_general_are_not_military(resolve_head, text, word, sector):
    [ref] = resolve_head(text, word)
    assert ref.sector == sector


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "country"),
    [
        # The story's own body: the bare name its dictionary lists under the United States.
        ("MANILA — The Senate rejected the franchise renewal of the broadcaster.", "PHL"),
        ("LONDON — The Supreme Court ruled against the government on Tuesday.", "GBR"),
        # A story about a country with no such body keeps the default.
        ("TEHRAN — Congress passed new sanctions against the oil ministry.", "USA"),
        ("Congress approved the budget on Friday.", "USA"),
    ],
)
def test_a_bare_shared_institution_is_the_storys_country(text, country):
    import flashpoint
    from flashpoint.ingest import article_from_text

    events = flashpoint.get_coder().code(article_from_text(text, date="2020-05-06"))
    assert events and events[0].source.country == country
