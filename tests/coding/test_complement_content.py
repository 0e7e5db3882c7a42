"""Complement content: the sub-code of an appeal, promise, demand or refusal follows what the
complement, object or for-phrase is about (complements.content_slot).

Sentences are written for these tests, not taken from any gold file.
"""

from __future__ import annotations

import pytest

from flashpoint.coding.candidates.complements import content_slot, refines

pytestmark = pytest.mark.slow


def codes(events):
    return {e.cameo.code for e in events}


def test_kind_combines_with_domain():
    assert content_slot([({"aid"}, set()), (set(), {"hum"})]) == "aid_hum"
    assert content_slot([({"yield"}, set()), (set(), {"sanction"})]) == "yield_econ"
    assert content_slot([({"yield"}, set()), (set(), {"admin"})]) == "yield_admin"
    assert content_slot([({"aid"}, set())]) == "aid"
    # a domain word alone names its slot; sanctions alone say nothing about easing them
    assert content_slot([(set(), {"rights"})]) == "rights"
    assert content_slot([(set(), {"sanction"})]) is None
    # "provide information" is intelligence, not aid
    assert content_slot([({"aid"}, set()), (set(), {"intel"})]) == "intel"
    # general cooperation is refined by a domain word further down
    assert content_slot([(set(), {"coop"}), (set(), {"mil"})]) == "mil"


def test_refines_only_parent_slots():
    assert refines("aid_hum", "aid")
    assert refines("mil", None)
    assert not refines("aid_hum", "meet")
    assert not refines(None, "aid")


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Chile has asked Peru to lease it a naval base.", "0212"),
        ("Greece asked Germany for the rapid delivery of further aid.", "023"),
        ("Mali asked France for military aid.", "0232"),
        ("Oxfam urged Britain to help feed refugees facing famine.", "0233"),
        ("Kenya urged Uganda to respect human rights.", "0243"),
        ("Cuba appealed to Canada to help end the trade embargo.", "0254"),
        ("Peru urged Chile to drop barriers to its exports.", "0211"),
        ("The opposition demanded that the president resign.", "1041"),
        ("Serbia rejected a Croatian proposal for a ceasefire.", "1246"),
        ("Bosnia is demanding a NATO military presence on its border.", "1034"),
    ],
)
def test_family_sub_code_follows_content(code, sentence, expected):
    assert expected in codes(code(sentence))


def test_conflict_complement_keeps_its_reading(code):
    # a threatened act of force is not re-read through its content words
    found = codes(code("Iran threatened to attack Israeli military bases."))
    assert any(c.startswith("138") for c in found)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Spain announced a suspension of air links with Morocco.", "161"),
        ("Kenyan police prevented a demonstration by students in Nairobi.", "170"),
        ("Iranian negotiators flew to Vienna for talks with the European Union.", "04"),
        ("The French president gave a warm welcome to the Chinese premier.", "043"),
    ],
)
def test_new_light_nouns(code, sentence, expected):
    assert any(c.startswith(expected) for c in codes(code(sentence)))
