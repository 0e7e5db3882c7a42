"""`flashpoint batch` from the command line: local paths and pyarrow URIs (file://) give the
same dataset; JSON Lines and Parquet shards; the summary, the failures file, exit statuses."""

from __future__ import annotations

import json

import pyarrow as pa
import pyarrow.dataset as pads
import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner

from flashpoint.cli import cli
from tests.conftest import EXAMPLES

pytestmark = pytest.mark.slow


def shards(folder):
    folder.mkdir()
    diplomacy = (EXAMPLES / "diplomacy.txt").read_text()
    protest = (EXAMPLES / "protest.txt").read_text()
    (folder / "story.txt").write_text((EXAMPLES / "conflict.txt").read_text())
    (folder / "wire.jsonl").write_text(
        json.dumps({"text": diplomacy, "date": "2025-12-29", "url": "https://a.example/1"})
        + "\n{broken\n"
    )
    table = pa.table({"text": [protest, "Bonjour à tous, voici les nouvelles du jour en "
                               "France et en Europe, avec la météo et le sport."],
                      "date": pa.array([None, None], pa.date32()),
                      "publisher": ["Daily", "Le Jour"]})  # fmt: skip
    pq.write_table(table, folder / "rows.parquet")


def records(root):
    table = pads.dataset(root, format="parquet", partitioning="hive").to_table()
    return sorted(table["record"].to_pylist()), table


def test_batch_local_paths_and_file_uris_alike(tmp_path):
    corpus = tmp_path / "corpus"
    shards(corpus)
    runner = CliRunner()
    result = runner.invoke(cli, ["batch", str(corpus), "-o", str(tmp_path / "a"),
                                 "--date", "2025-10-03", "--no-progress"])  # fmt: skip
    assert result.exit_code == 1, result.output  # the bad JSON line and the French row
    assert "3 coded" in result.stderr and "2 failed" in result.stderr
    failures_file = result.stderr.split("see ")[-1].strip()
    with open(failures_file) as handle:
        failed = [json.loads(line)["input"] for line in handle]
    assert sorted(failed) == sorted([f"{corpus}/rows.parquet:2", f"{corpus}/wire.jsonl:2"])

    uri = runner.invoke(cli, ["batch", corpus.as_uri(), "-o", (tmp_path / "b").as_uri(),
                              "--date", "2025-10-03", "--no-progress"])  # fmt: skip
    assert uri.exit_code == 1, uri.output
    mine, table = records(tmp_path / "a")
    theirs, read_as_uris = records(tmp_path / "b")
    assert mine == theirs != []
    assert all(name.startswith("file:///") for name in read_as_uris["input"].to_pylist())
    # Typed as the Parquet export: codes are strings, dates are dates.
    assert table.schema.field("cameo_code").type == pa.string()
    assert table.schema.field("date").type == pa.date32()
    assert set(table["publisher"].to_pylist()) >= {"Daily", "a.example"}

    again = runner.invoke(cli, ["batch", str(corpus), "-o", str(tmp_path / "a"), "--no-progress"])
    assert "0 coded, 3 skipped" in again.stderr


def test_batch_refuses_an_address_without_ray_and_a_foreign_folder(tmp_path):
    runner = CliRunner()
    result = runner.invoke(cli, ["batch", str(EXAMPLES), "-o", str(tmp_path / "x"),
                                 "--address", "ray://head:10001"])  # fmt: skip
    assert result.exit_code == 2 and "--engine ray" in result.output
    (tmp_path / "mine").mkdir()
    (tmp_path / "mine" / "thesis.txt").write_text("do not overwrite")
    result = runner.invoke(cli, ["batch", str(EXAMPLES), "-o", str(tmp_path / "mine")])
    assert result.exit_code == 1 and "not a flashpoint dataset" in result.stderr
