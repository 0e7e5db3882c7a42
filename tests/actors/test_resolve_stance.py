"""Stance prefixes and ethnic groups in actor resolution (sentences written for these tests)."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def resolve_head():
    import flashpoint
    from flashpoint.actors.resolve import DocActors

    coder = flashpoint.get_coder()

    def run(text: str, word: str):
        doc = coder.nlp(text)
        actors = DocActors(coder.kb, doc, None)
        for sent in doc.sents:
            actors.observe(sent)
        head = next(t for t in doc if t.text == word)
        return actors.resolve(head)

    return run


def test_pro_x_separatists_are_not_x(resolve_head):
    refs = resolve_head("Pro-Russian separatists shelled the airport.", "separatists")
    assert refs and all(r.country != "RUS" for r in refs)


def test_anti_x_group_is_not_x(resolve_head):
    refs = resolve_head("The anti-Israel group held a rally.", "group")
    assert all(r.country != "ISR" for r in refs)


def test_ethnic_group_in_country(resolve_head):
    refs = resolve_head("Ethnic Serbs in Croatia held a rally on Sunday.", "Serbs")
    assert refs and refs[0].country == "HRV"
    assert refs[0].sector == "CVL"
