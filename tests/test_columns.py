"""One vocabulary: every flat output names and types its columns from flashpoint.columns."""

from __future__ import annotations

import io

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner

import flashpoint
from flashpoint.analysis import FRAME_COLUMNS, events_frame
from flashpoint.cli import cli
from flashpoint.columns import CODED_COLUMNS, COLUMN_NAMES, COLUMNS, markdown_table, pandas_dtype
from flashpoint.export import TSV_COLUMNS, write_events
from flashpoint.export.stored import export_events
from flashpoint.export.tables import parquet_schema
from flashpoint.store import open_store
from tests.analysis.corpus import build
from tests.conftest import REPO
from tests.store.helpers import event


def test_the_docs_table_is_the_schema():
    doc = (REPO / "docs" / "event-record.md").read_text()
    assert markdown_table() in doc


def test_names_follow_the_json_record():
    # <object>_<field> of the JSON record: one name for one thing, everywhere.
    assert {"plover_event", "location_name", "source_code", "cameo_code"} <= set(COLUMN_NAMES)
    assert not {"plover_type", "event_type", "location"} & set(COLUMN_NAMES)
    assert len(set(COLUMN_NAMES)) == len(COLUMNS)


def test_code_tsv_has_the_coded_columns():
    out = io.StringIO()
    write_events([event(code="0242", plover=None)], out, "tsv")
    header, row = out.getvalue().splitlines()
    assert tuple(header.split("\t")) == TSV_COLUMNS == CODED_COLUMNS
    values = dict(zip(CODED_COLUMNS, row.split("\t"), strict=True))
    assert (values["cameo_code"], values["cameo_root"], values["plover_event"]) == (
        "0242",
        "02",
        "",
    )


@pytest.fixture
def db(store_url):
    with open_store(store_url) as store:
        build(store)
    return store_url


def test_events_csv_export_csv_parquet_and_frame_agree(db, tmp_path):
    events_csv = CliRunner().invoke(cli, ["events", "--format", "csv", "--db", db]).stdout
    assert tuple(events_csv.splitlines()[0].split(",")) == COLUMN_NAMES
    with open_store(db) as store:
        export_events(store, "csv", tmp_path / "e.csv", all_modalities=True)
        export_events(store, "parquet", tmp_path / "e.parquet", all_modalities=True)
        frame = events_frame(store)
    assert tuple((tmp_path / "e.csv").read_text().splitlines()[0].split(",")) == COLUMN_NAMES
    schema = pq.read_schema(tmp_path / "e.parquet")
    assert tuple(schema.names) == COLUMN_NAMES
    assert schema.field("date").type == pa.date32()
    assert schema.field("ingested_at").type == pa.timestamp("us", tz="UTC")
    assert schema.remove_metadata().equals(parquet_schema())
    # Beyond the schema, the frame has what aggregates need: each row's weight and the last
    # day of the period its date opens.
    assert str(frame["date_end"].dtype) == pandas_dtype("date")
    for name in FRAME_COLUMNS:
        if name in ("weight", "date_end"):
            continue
        assert name in COLUMN_NAMES, name
        assert str(frame[name].dtype) == pandas_dtype(name), name
    assert frame["plover_event"].dropna().iloc[0] == "CONSULT"
    assert set(frame["url"].dropna()) >= {"file:///news/six.txt", "https://alpha.example/1"}


@pytest.mark.parametrize("suffix", [".csv", ".parquet", ".jsonl"])
def test_read_events_keeps_codes_and_types(db, tmp_path, suffix):
    path = tmp_path / f"events{suffix}"
    with open_store(db) as store:
        export_events(store, suffix[1:], path, all_modalities=True)
    frame = flashpoint.read_events(path)
    un = frame[frame["cameo_code"] == "0231"].iloc[0]
    assert un["cameo_root"] == "02" and un["cameo_base"] == "023"
    assert str(frame["cameo_code"].dtype) == "string"
    assert str(frame["date"].dtype) == "datetime64[ns]"
    assert str(frame["quad_class"].dtype) == "int64"
    assert str(frame["cluster_mentions"].dtype) == "Int64"
    assert un["date"].isoformat()[:10] == "2025-12-18"
    assert frame["goldstein"].dtype == "float64"


def test_read_events_reads_code_output_and_refuses_other_files(tmp_path):
    path = tmp_path / "coded.tsv"
    with path.open("w") as out:
        write_events([event(code="0242", plover=None)], out, "tsv")
    frame = flashpoint.read_events(path)
    assert frame["cameo_code"].tolist() == ["0242"] and list(frame.columns) == list(CODED_COLUMNS)
    jsonl = tmp_path / "coded.jsonl"
    with jsonl.open("w") as out:
        write_events([event(code="0242", plover=None)], out, "jsonl")
    assert flashpoint.read_events(jsonl)["cameo_root"].tolist() == ["02"]
    with pytest.raises(ValueError, match="cannot tell the format"):
        flashpoint.read_events(tmp_path / "events.export.CSV.zip")
