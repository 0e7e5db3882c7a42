"""POLECAT JSON, CSV, Parquet and JSON Lines exports, each read back with pandas/pyarrow."""

from __future__ import annotations

import json

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from flashpoint.errors import AnalysisError
from flashpoint.export.stored import export_events
from flashpoint.export.tables import TABLE_COLUMNS, parquet_schema
from flashpoint.store import EventFilter
from tests.analysis.corpus import build


@pytest.fixture
def corpus(store):
    build(store)
    return store


def test_plover_json_follows_the_spec(corpus, tmp_path):
    path = tmp_path / "events.jsonl"
    # 9 events: negated and hypothetical left out (2), and the CAMEO 02 appeal, which has no
    # PLOVER type (PLOVER drops roots 01-02), is not a PLOVER event.
    assert export_events(corpus, "plover", path) == 6
    records = [json.loads(line) for line in path.read_text().splitlines()]
    assert {tuple(r["event"]) for r in records} == {("CONSULT",), ("ACCUSE",), ("AID",),
                                                     ("THREATEN",)}  # fmt: skip
    for record in records:
        assert {"id", "date", "actor", "recipient", "event", "mode", "context"} <= set(record)
        assert record["has_event"] is True and isinstance(record["context"], list)
    threat = next(r for r in records if r["event"] == ["THREATEN"])
    assert threat["actor"] == [{"code": "USA", "sector": "GOV", "actor_text": "USAGOV",
                                "identifier_text": "USAGOV", "country": "USA",
                                "cameo_code": "USAGOV"}]  # fmt: skip
    assert threat["mode"] == ["violence"] and threat["context"] == ["military"]
    assert threat["quad_code"] == 3 and threat["event_scale"] == -3.5
    assert threat["event_loc"]["name"] == "Tehran" and threat["event_loc"]["country_code"] == "IR"
    assert threat["event_loc"]["cc3"] == "IRN" and threat["event_loc"]["feature_code"] == "PPL"
    assert threat["text_info"] == {"sequence": 2, "start": 200, "end": 290}
    assert threat["cite_info"]["url"] == "https://alpha.example/3"
    assert threat["link"] == f"cluster-{threat['cluster']['id']}"
    meta = json.loads((tmp_path / "events.jsonl.meta.json").read_text())
    assert meta["left_out_without_plover_type"] == 1
    assert meta["modalities"]["excluded"] == ["negated", "hypothetical"]
    assert "PLOVER" in meta["layout"]
    everything = tmp_path / "all.json"
    assert export_events(corpus, "plover", everything, all_modalities=True) == 8
    negated = [r for r in json.loads(everything.read_text()) if r["modality"] == "negated"]
    assert negated[0]["context"] == ["military", "negation"]  # PLOVER's special context


def test_polecat_tsv_has_the_published_columns(corpus, tmp_path):
    path = tmp_path / "events.tsv"
    assert export_events(corpus, "polecat", path) == 6
    frame = pd.read_csv(path, sep="\t", dtype=str, keep_default_na=False)
    assert list(frame.columns) == list(POLECAT_PUBLISHED)
    threat = frame[frame["Event Type"] == "THREATEN"].iloc[0]
    assert (threat["Event Mode"], threat["Intensity"], threat["Quad Code"]) == (
        "violence", "-3.5", "3"
    )  # fmt: skip
    assert (threat["Actor Country"], threat["Actor COW"], threat["Primary Actor Sector"]) == (
        "USA", "2", "GOV"
    )  # fmt: skip
    assert (threat["Recipient Country"], threat["Recipient COW"]) == ("IRN", "630")
    assert (threat["Placename"], threat["City"], threat["Country"]) == ("Tehran", "Tehran", "IRN")
    assert threat["Feature Type"] == "PPL" and threat["Source"] == "Alpha"
    assert threat["Publication Date"] == "2025-12-09" and threat["Language"] == "en"


# The POLECAT header, typed out independently of the exporter (icews_polecat.md).
POLECAT_PUBLISHED = (
    "Event ID|Event Date|Event Type|Event Mode|Intensity|Quad Code|Contexts|Actor Name|"
    "Actor Country|Actor COW|Primary Actor Sector|Actor Sectors|Actor Title|Actor Name Raw|"
    "Wikipedia Actor ID|Recipient Name|Recipient Country|Recipient COW|"
    "Primary Recipient Sector|Recipient Sectors|Recipient Title|Recipient Name Raw|"
    "Wikipedia Recipient ID|Placename|City|District|Province|Country|Latitude|Longitude|"
    "GeoNames ID|Raw Placename|Feature Type|Source|Publication Date|Story People|"
    "Story Organizations|Story Locations|Language|Version"
).split("|")


@pytest.mark.parametrize("fmt", ["csv", "jsonl", "plover", "polecat", "gdelt", "parquet"])
def test_every_export_leaves_out_negated_and_hypothetical_by_default(corpus, tmp_path, fmt):
    path = tmp_path / f"events.{fmt}"
    some = export_events(corpus, fmt, path, unit="events")
    everything = export_events(corpus, fmt, tmp_path / f"all.{fmt}", unit="events",
                               all_modalities=True)  # fmt: skip
    assert everything - some == 2
    meta = json.loads((tmp_path / f"events.{fmt}.meta.json").read_text())
    assert meta["modalities"]["excluded"] == ["negated", "hypothetical"]
    assert "--all-modalities" in meta["modalities"]["note"]
    assert (
        json.loads((tmp_path / f"all.{fmt}.meta.json").read_text())["modalities"]["excluded"] == []
    )
    if fmt == "parquet":
        stored = pq.read_schema(path).metadata[b"flashpoint"]
        assert json.loads(stored)["modalities"]["excluded"] == ["negated", "hypothetical"]


def test_csv_has_a_header_and_round_trips(corpus, tmp_path):
    path = tmp_path / "events.csv"
    assert export_events(corpus, "csv", path, all_modalities=True) == 9
    frame = pd.read_csv(path, dtype={"cameo_code": str, "cameo_root": str, "cameo_base": str})
    assert list(frame.columns) == list(TABLE_COLUMNS)
    assert set(frame["cameo_code"]) == {"042", "112", "190", "070", "138", "0231"}
    visit = frame[frame["cameo_code"] == "042"].iloc[0]
    assert (visit["cluster_mentions"], visit["cluster_articles"], visit["publisher"]) == (
        3,
        2,
        "Alpha",
    )


def test_parquet_has_the_typed_schema(corpus, tmp_path):
    path = tmp_path / "events.parquet"
    assert export_events(corpus, "parquet", path, EventFilter(source="USA")) == 4
    table = pq.read_table(path)
    assert table.schema.remove_metadata().equals(parquet_schema())
    assert table.schema.field("cameo_code").type == pa.string()
    assert table.schema.field("date").type == pa.date32()
    assert table.schema.field("goldstein").type == pa.float64()
    frame = table.to_pandas()
    assert frame["cameo_code"].tolist()[:2] == ["042", "042"]
    assert str(frame["date"].iloc[0]) == "2025-12-01"
    assert frame["num_mentions"].tolist()[0] == 2


def test_jsonl_is_the_full_record(corpus, tmp_path):
    path = tmp_path / "events.jsonl"
    assert export_events(corpus, "jsonl", path, EventFilter(roots=("02",))) == 1
    record = json.loads(path.read_text())
    assert record["cameo"]["code"] == "0231"
    assert record["evidence"]["trigger"]["text"] == "struck"
    assert record["cluster"]["num_articles"] == 1
    assert record["article"]["story_date"] == "2025-12-18"


def test_nothing_matching_is_an_error_and_writes_no_file(corpus, tmp_path):
    path = tmp_path / "none.csv"
    with pytest.raises(AnalysisError, match="no stored events match"):
        export_events(corpus, "csv", path, EventFilter(source="FRA"))
    assert not path.exists()
    with pytest.raises(AnalysisError, match="give one with -o"):
        export_events(corpus, "parquet", None)
