"""Behaviour of ``Gazetteer.lookup`` and ``Gazetteer.country`` on the shipped data."""

from __future__ import annotations

import pytest

from flashpoint.geo import Gazetteer, get_gazetteer
from flashpoint.records import Location


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return get_gazetteer()


def test_get_gazetteer_is_a_singleton() -> None:
    assert get_gazetteer() is get_gazetteer()


def test_kyiv_and_kiev_are_the_same_city(gaz: Gazetteer) -> None:
    kyiv = gaz.lookup("Kyiv")
    kiev = gaz.lookup("Kiev")
    assert kyiv is not None and kiev is not None
    assert kyiv.geonameid == kiev.geonameid == 703448
    assert kyiv.country == kiev.country == "UKR"
    assert kyiv.feature == kiev.feature == "city"


def test_gaza_city_is_a_palestinian_city(gaz: Gazetteer) -> None:
    loc = gaz.lookup("Gaza City")
    assert loc is not None
    assert (loc.country, loc.feature, loc.geonameid) == ("PSE", "city", 281133)


def test_bare_gaza_is_the_strip(gaz: Gazetteer) -> None:
    loc = gaz.lookup("Gaza")
    assert loc is not None
    assert (loc.name, loc.country, loc.feature) == ("Gaza Strip", "PSE", "region")


def test_mention_text_is_kept_verbatim(gaz: Gazetteer) -> None:
    loc = gaz.lookup("the West Bank")
    assert loc is not None
    assert loc.text == "the West Bank"
    assert (loc.name, loc.country, loc.feature) == ("West Bank", "PSE", "region")


def test_paris_defaults_to_france(gaz: Gazetteer) -> None:
    loc = gaz.lookup("Paris")
    assert loc is not None
    assert (loc.country, loc.geonameid) == ("FRA", 2988507)


def test_usa_hint_flips_paris_to_paris_texas(gaz: Gazetteer) -> None:
    # cities15000 holds Paris, Texas (pop. ~25k), so the hint must select it.
    loc = gaz.lookup("Paris", country_hint=("USA",))
    assert loc is not None
    assert (loc.country, loc.geonameid) == ("USA", 4717560)


@pytest.mark.parametrize(
    ("hint", "country"),
    [(None, "LBY"), ("LBN", "LBN"), (("SYR", "LBN"), "LBN"), ("LB", "LBN"), (("FRA",), "LBY")],
)
def test_hint_chooses_between_tripolis(gaz: Gazetteer, hint: object, country: str) -> None:
    loc = gaz.lookup("Tripoli", country_hint=hint)  # type: ignore[arg-type]
    assert loc is not None
    assert loc.country == country


def test_hint_never_promotes_a_stray_alternate_name(gaz: Gazetteer) -> None:
    # Jerusalem lists "Ariel" among its alternate names; the settlement Ariel is the primary
    # match and must win even though Jerusalem is ~50 times larger.
    loc = gaz.lookup("Ariel")
    assert loc is not None
    assert loc.geonameid == 8199394


def test_alias_table_sets_news_default_but_hint_overrules(gaz: Gazetteer) -> None:
    default = gaz.lookup("Odessa")
    texan = gaz.lookup("Odessa", country_hint="USA")
    assert default is not None and texan is not None
    assert default.country == "UKR"
    assert texan.country == "USA"


def test_country_name_gives_country_feature_with_coordinates(gaz: Gazetteer) -> None:
    loc = gaz.lookup("Syria")
    assert loc is not None
    assert (loc.country, loc.feature, loc.name) == ("SYR", "country", "Syria")
    assert loc.lat is not None and loc.lon is not None
    assert 32 < loc.lat < 37.5 and 35.5 < loc.lon < 42.5
    assert loc.geonameid == 163843


@pytest.mark.parametrize(
    ("mention", "iso3"),
    [
        ("the United States", "USA"),
        ("the US", "USA"),
        ("U.S.", "USA"),
        ("Britain", "GBR"),
        ("Russia", "RUS"),
        ("Iran", "IRN"),
        ("South Korea", "KOR"),
        ("Ivory Coast", "CIV"),
        ("Côte d’Ivoire", "CIV"),
        ("Congo", "COD"),
        ("Republic of Congo", "COG"),
        ("Kosovo", "XKX"),
        ("Palestine", "PSE"),
        ("Viet Nam", "VNM"),
    ],
)
def test_country_names_and_aliases(gaz: Gazetteer, mention: str, iso3: str) -> None:
    loc = gaz.lookup(mention)
    assert loc is not None
    assert (loc.country, loc.feature) == (iso3, "country")


def test_texas_is_an_admin1_of_the_usa(gaz: Gazetteer) -> None:
    loc = gaz.lookup("Texas")
    assert loc is not None
    assert (loc.name, loc.country, loc.feature, loc.geonameid) == (
        "Texas",
        "USA",
        "admin1",
        4736286,
    )
    assert loc.lat is not None and 25 < loc.lat < 37


def test_georgia_is_the_country_unless_hint_says_usa(gaz: Gazetteer) -> None:
    country = gaz.lookup("Georgia")
    state = gaz.lookup("Georgia", country_hint=("USA",))
    assert country is not None and state is not None
    assert (country.country, country.feature) == ("GEO", "country")
    assert (state.country, state.feature, state.name) == ("USA", "admin1", "Georgia")


def test_washington_is_the_capital_city(gaz: Gazetteer) -> None:
    city = gaz.lookup("Washington")
    state = gaz.lookup("Washington State")
    assert city is not None and state is not None
    assert (city.country, city.feature, city.geonameid) == ("USA", "city", 4140963)
    assert (state.feature, state.name) == ("admin1", "Washington")


@pytest.mark.parametrize(
    ("mention", "name", "feature"),
    [
        ("Crimea", "Crimea", "region"),
        ("Donetsk", "Donetsk", "city"),
        ("Donetsk region", "Donetsk region", "region"),
        ("Donetsk Oblast", "Donetsk region", "region"),
        ("Damascus", "Damascus", "city"),
        ("Kashmir", "Kashmir", "region"),
        ("South China Sea", "South China Sea", "region"),
        ("Strait of Hormuz", "Strait of Hormuz", "region"),
        ("Tigray", "Tigray", "region"),
    ],
)
def test_regions_and_same_named_cities(
    gaz: Gazetteer, mention: str, name: str, feature: str
) -> None:
    loc = gaz.lookup(mention)
    assert loc is not None
    assert (loc.name, loc.feature) == (name, feature)


def test_rafah_prefers_the_larger_palestinian_city(gaz: Gazetteer) -> None:
    gaza_side = gaz.lookup("Rafah")
    egypt_side = gaz.lookup("Rafah", country_hint="EGY")
    assert gaza_side is not None and egypt_side is not None
    assert gaza_side.country == "PSE"
    assert egypt_side.country == "EGY"


def test_seas_have_no_country(gaz: Gazetteer) -> None:
    loc = gaz.lookup("the Red Sea")
    assert loc is not None
    assert loc.country is None
    assert loc.lat is not None


def test_region_rows_sharing_a_name_follow_the_hint(gaz: Gazetteer) -> None:
    default = gaz.lookup("Punjab")
    indian = gaz.lookup("Punjab", country_hint="IND")
    assert default is not None and indian is not None
    assert default.country == "PAK"
    assert indian.country == "IND"


@pytest.mark.parametrize("mention", ["Xyzzyville", "", "   ", "Middle East", "Africa", "Asia"])
def test_unknown_names_give_none(gaz: Gazetteer, mention: str) -> None:
    assert gaz.lookup(mention) is None


def test_unknown_name_with_hint_is_not_promoted_to_a_centroid(gaz: Gazetteer) -> None:
    assert gaz.lookup("Xyzzyville", country_hint="SYR") is None


@pytest.mark.parametrize("mention", ["São Paulo", "Sao Paulo", "SÃO PAULO", "sao paulo"])
def test_diacritics_and_case_do_not_matter(gaz: Gazetteer, mention: str) -> None:
    loc = gaz.lookup(mention)
    assert loc is not None
    assert (loc.country, loc.geonameid) == ("BRA", 3448439)


@pytest.mark.parametrize(
    "word", ["general", "march", "may", "police", "us", "turkey", "china", "split", "nice"]
)
def test_lowercase_common_words_do_not_resolve(gaz: Gazetteer, word: str) -> None:
    assert gaz.lookup(word) is None


@pytest.mark.parametrize("word", ["North", "Center", "Market", "General"])
def test_stoplisted_word_never_matches_an_alternate_name(gaz: Gazetteer, word: str) -> None:
    # North Salt Lake lists "North", Ozd "Center", Marquette "Market" among their alternate
    # names; capitalised or not, these words are no place.  "General" is guarded the same way
    # should a future geonames release list it.
    assert word.lower() not in gaz.cities.alternate
    assert gaz.lookup(word) is None


def test_capitalised_place_that_is_also_a_word_still_resolves(gaz: Gazetteer) -> None:
    nice = gaz.lookup("Nice")
    police = gaz.lookup("Police")
    assert nice is not None and police is not None
    assert nice.country == "FRA"
    assert police.country == "POL"


def test_lowercase_mentions_skip_alternate_names(gaz: Gazetteer) -> None:
    # "Kiev" is only an alternate name of Kyiv; lowercase "kiev" is treated as noise.
    assert gaz.lookup("Kiev") is not None
    assert gaz.lookup("kiev") is None
    assert gaz.lookup("kyiv") is not None


@pytest.mark.parametrize(
    ("mention", "geonameid"),
    [
        ("Washington, D.C.", 4140963),
        ("St. Petersburg", 498817),
        ("Sana'a", 71137),
        ("the Hague", 2747373),
        ("New York", 5128581),
    ],
)
def test_punctuation_and_articles_are_ignored(gaz: Gazetteer, mention: str, geonameid: int) -> None:
    loc = gaz.lookup(mention)
    assert loc is not None
    assert loc.geonameid == geonameid


def test_country_by_code(gaz: Gazetteer) -> None:
    syria = gaz.country("SYR")
    assert isinstance(syria, Location)
    assert (syria.name, syria.feature, syria.text) == ("Syria", "country", None)
    assert gaz.country("syr") == syria
    assert gaz.country("SY") == syria
    assert gaz.country("XKX") is not None
    assert gaz.country("ZZZ") is None


def test_min_population_filters_cities() -> None:
    big_only = Gazetteer(min_population=1_000_000)
    assert big_only.lookup("Paris", country_hint="USA") is not None
    assert big_only.lookup("Paris", country_hint="USA").country == "FRA"  # type: ignore[union-attr]
    assert big_only.lookup("Sderot") is None
    assert big_only.lookup("Syria") is not None  # countries do not depend on the city index
