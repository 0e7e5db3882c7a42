"""GDELT 2.0 export: 61 columns, codes with leading zeros, FIPS geo codes, cluster counts."""

from __future__ import annotations

import csv

import pandas as pd
import pytest

from flashpoint.export.actorcodes import split_actor_code
from flashpoint.export.fips import fips_code
from flashpoint.export.gdelt import GDELT_COLUMNS
from flashpoint.export.stored import export_events
from tests.analysis.corpus import build

# The published header (GDELT 2.0 event codebook, as in GDELT_2.0_Column_Labels_Header_Row),
# typed out here independently of the exporter.
PUBLISHED = """GLOBALEVENTID SQLDATE MonthYear Year FractionDate Actor1Code Actor1Name
Actor1CountryCode Actor1KnownGroupCode Actor1EthnicCode Actor1Religion1Code Actor1Religion2Code
Actor1Type1Code Actor1Type2Code Actor1Type3Code Actor2Code Actor2Name Actor2CountryCode
Actor2KnownGroupCode Actor2EthnicCode Actor2Religion1Code Actor2Religion2Code Actor2Type1Code
Actor2Type2Code Actor2Type3Code IsRootEvent EventCode EventBaseCode EventRootCode QuadClass
GoldsteinScale NumMentions NumSources NumArticles AvgTone Actor1Geo_Type Actor1Geo_FullName
Actor1Geo_CountryCode Actor1Geo_ADM1Code Actor1Geo_ADM2Code Actor1Geo_Lat Actor1Geo_Long
Actor1Geo_FeatureID Actor2Geo_Type Actor2Geo_FullName Actor2Geo_CountryCode Actor2Geo_ADM1Code
Actor2Geo_ADM2Code Actor2Geo_Lat Actor2Geo_Long Actor2Geo_FeatureID ActionGeo_Type
ActionGeo_FullName ActionGeo_CountryCode ActionGeo_ADM1Code ActionGeo_ADM2Code ActionGeo_Lat
ActionGeo_Long ActionGeo_FeatureID DATEADDED SOURCEURL""".split()


@pytest.fixture
def gdelt_file(store, tmp_path):
    build(store)
    path = tmp_path / "events.tsv"
    assert export_events(store, "gdelt", path) == 6
    return path


def test_columns_are_the_codebook_s():
    assert len(PUBLISHED) == 61
    assert list(GDELT_COLUMNS) == PUBLISHED


def test_every_row_has_61_fields_and_codes_keep_leading_zeros(gdelt_file):
    lines = gdelt_file.read_text().splitlines()
    assert lines and all(len(line.split("\t")) == 61 for line in lines)
    frame = pd.read_csv(gdelt_file, sep="\t", header=None, names=PUBLISHED, dtype=str,
                        keep_default_na=False)  # fmt: skip
    un = frame[frame["Actor1Code"] == "IGOUNOSEC"].iloc[0]
    assert (un["EventCode"], un["EventBaseCode"], un["EventRootCode"]) == ("0231", "023", "02")
    assert (un["Actor1CountryCode"], un["Actor1KnownGroupCode"], un["Actor1Type1Code"]) == (
        "",
        "UNO",
        "IGO",
    )
    assert un["Actor1Name"] == "UNITED NATIONS SECURITY COUNCIL"
    assert un["SOURCEURL"] == "file:///news/six.txt"  # no URL: the file it was read from
    assert un["IsRootEvent"] == "0"  # the evidence is past the lead paragraph
    assert (un["ActionGeo_Type"], un["ActionGeo_CountryCode"], un["ActionGeo_FullName"]) == (
        "1",
        "IS",
        "Israel",
    )
    assert set(frame["EventRootCode"]) >= {"02", "04", "07"}


def test_a_reader_with_the_published_names_gets_typed_values(gdelt_file):
    # As GDELT clients read it: no header, tab-separated, the published names, numbers parsed.
    codes = {"EventCode": str, "EventBaseCode": str, "EventRootCode": str}
    frame = pd.read_csv(gdelt_file, sep="\t", header=None, names=PUBLISHED, dtype=codes)
    assert frame["GLOBALEVENTID"].dtype.kind == "i"
    assert frame["SQLDATE"].dtype.kind == "i" and frame["DATEADDED"].dtype.kind == "i"
    assert frame["GoldsteinScale"].dtype.kind == "f"
    visit = frame[(frame["Actor1Code"] == "USAGOV") & (frame["EventCode"] == "042")].iloc[0]
    assert (visit["SQLDATE"], visit["MonthYear"], visit["Year"]) == (20251201, 202512, 2025)
    assert visit["FractionDate"] == pytest.approx(2025 + (11 * 30 + 1) / 365, abs=1e-4)
    # The cluster's counts: two articles from two publishers, three mentions.
    assert (visit["NumMentions"], visit["NumSources"], visit["NumArticles"]) == (3, 2, 2)
    assert (visit["QuadClass"], visit["GoldsteinScale"]) == (1, 1.9)
    assert visit["SOURCEURL"] == "https://alpha.example/1"
    assert len(str(visit["DATEADDED"])) == 14
    assert (visit["Actor1Geo_Type"], visit["Actor1Geo_CountryCode"]) == (1, "US")
    assert visit["ActionGeo_Type"] == 0 and visit["IsRootEvent"] == 1
    tehran = frame[frame["ActionGeo_FullName"] == "Tehran, Iran"].iloc[0]
    assert (tehran["ActionGeo_Type"], tehran["ActionGeo_CountryCode"]) == (4, "IR")
    # Negated and hypothetical events are left out: GDELT rows cannot say "did not happen".
    assert frame["EventCode"].tolist().count("190") == 0
    assert frame["GLOBALEVENTID"].is_unique


def test_events_unit_and_all_modalities(store, tmp_path):
    build(store)
    path = tmp_path / "all.tsv"
    assert export_events(store, "gdelt", path, unit="events", all_modalities=True) == 9
    rows = list(csv.reader(path.open(), delimiter="\t"))
    assert sum(row[26] == "190" for row in rows) == 2


def test_fips_and_actor_codes():
    assert [fips_code(c) for c in ("UKR", "SDN", "DEU", "GBR", "ISR", "USA", "ROM", "XKX")] == [
        "UP", "SU", "GM", "UK", "IS", "US", "RO", "KV",
    ]  # fmt: skip
    assert fips_code("ZZZ") == "" and fips_code(None) == ""
    parts = split_actor_code("PSEREBHMS")
    assert (parts.country, parts.type1, parts.known_group) == ("PSE", "REB", "HMS")
    parts = split_actor_code("USAGOVMIL")
    assert (parts.country, parts.type1, parts.type2) == ("USA", "GOV", "MIL")
    assert split_actor_code("REB").type1 == "REB" and split_actor_code("REB").country == ""
    assert split_actor_code(None).country == ""
