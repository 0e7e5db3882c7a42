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


def test_polecat_json_lines_and_array(corpus, tmp_path):
    path = tmp_path / "events.jsonl"
    assert export_events(corpus, "polecat", path) == 9
    frame = pd.read_json(path, lines=True, dtype=False)
    assert len(frame) == 9
    records = [json.loads(line) for line in path.read_text().splitlines()]
    un = next(r for r in records if r["cameo"]["code"] == "0231")
    assert (un["event_type"], un["quad_code"], un["date"]) == ("REQUEST", 1, "2025-12-18")
    assert un["actor"][0]["entity_name"] == "United Nations Security Council"
    assert un["actor"][0]["sector_code"] == "IGO" and un["actor"][0]["country"] is None
    assert un["recipient"][0]["country"] == "ISR"
    assert un["event_loc"]["country_code"] == "ISR" and un["event_loc"]["resolution"] == 1
    assert un["text"] == "Sentence."
    assert un["text_info"] == {"sequence": 4, "start": 400, "end": 490}
    assert un["trigger"] == {"text": "struck", "start": 410, "end": 416}
    assert un["cite_info"]["url"] == "/news/six.txt"
    assert un["link"] == f"cluster-{un['cluster']['id']}"
    negated = next(r for r in records if r["modality"] == "negated")
    assert negated["event_type"] == "ASSAULT"  # carried, with its modality
    array = tmp_path / "events.json"
    assert export_events(corpus, "polecat", array, unit="clusters") == 8
    assert len(json.loads(array.read_text())) == 8


def test_csv_has_a_header_and_round_trips(corpus, tmp_path):
    path = tmp_path / "events.csv"
    assert export_events(corpus, "csv", path) == 9
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
    assert export_events(corpus, "parquet", path, EventFilter(source="USA")) == 5
    table = pq.read_table(path)
    assert table.schema.equals(parquet_schema())
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
