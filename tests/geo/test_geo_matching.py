"""Key normalisation and city ranking, independent of the shipped data."""

from __future__ import annotations

import pytest

from flashpoint.geo.cities import CityRecord
from flashpoint.geo.normalize import ascii_key, has_capital, place_key
from flashpoint.geo.ranking import best_city


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("the West Bank", "west bank"),
        ("The Hague", "hague"),
        ("São Paulo", "sao paulo"),
        ("Łódź", "lodz"),
        ("Sana'a", "sanaa"),
        ("Côte d’Ivoire", "cote divoire"),
        ("Guinea-Bissau", "guinea bissau"),
        ("Washington, D.C.", "washington dc"),
        ("Jammu & Kashmir", "jammu and kashmir"),
        ("  Kyiv  ", "kyiv"),
        ("the", ""),
        ("theatre", "theatre"),
    ],
)
def test_place_key(text: str, key: str) -> None:
    assert place_key(text) == key


@pytest.mark.parametrize(
    "name", ["Kiev", "Deir ez-Zor", "Ma'rib", "The Valley", "Al  Quds", "Khan Yunis "]
)
def test_ascii_key_matches_place_key(name: str) -> None:
    assert ascii_key(name) == place_key(name)


def test_has_capital() -> None:
    assert has_capital("Nice")
    assert has_capital("US")
    assert not has_capital("police")


def _city(name: str, country: str, population: int, gid: int) -> CityRecord:
    return CityRecord(name, country, 0.0, 0.0, gid, population)


BIG = _city("Big", "AAA", 1_000_000, 1)
SMALL = _city("Small", "BBB", 20_000, 2)
OTHER = _city("Other", "CCC", 50_000, 3)


def test_larger_population_wins_among_equals() -> None:
    assert best_city(primaries=[SMALL, BIG]) is BIG


def test_primary_name_beats_much_larger_alternate() -> None:
    assert best_city(primaries=[SMALL], alternates=[BIG]) is SMALL


def test_hint_beats_population() -> None:
    assert best_city(primaries=[BIG, SMALL], hint=frozenset({"BBB"})) is SMALL


def test_hint_does_not_lift_an_alternate_over_a_primary() -> None:
    assert best_city(primaries=[SMALL], alternates=[BIG], hint=frozenset({"AAA"})) is SMALL


def test_alias_beats_larger_primary_but_not_a_hinted_one() -> None:
    assert best_city(aliases=[SMALL], primaries=[BIG]) is SMALL
    assert best_city(aliases=[SMALL], primaries=[BIG], hint=frozenset({"AAA"})) is BIG


def test_alternates_alone_rank_by_hint_then_population() -> None:
    assert best_city(alternates=[SMALL, OTHER]) is OTHER
    assert best_city(alternates=[SMALL, OTHER], hint=frozenset({"BBB"})) is SMALL


def test_no_candidates() -> None:
    assert best_city() is None
