"""``flashpoint dyad``, ``network``, ``plot`` and ``export`` on the hand-built corpus (no spaCy)."""

from __future__ import annotations

import json

import networkx as nx
import pandas as pd
import pytest
from click.testing import CliRunner
from PIL import Image

from flashpoint.cli import cli
from flashpoint.store import open_store
from tests.analysis.corpus import build


@pytest.fixture
def db(store_url):
    with open_store(store_url) as store:
        build(store)
    return store_url


def invoke(*args):
    return CliRunner().invoke(cli, [str(a) for a in args], catch_exceptions=False)


def test_dyad_table_csv_and_jsonl(db, tmp_path):
    table = invoke("dyad", "USA", "ISR", "--db", db)
    assert table.exit_code == 0, table.output
    assert table.stdout.split()[:5] == ["period", "dyad", "source", "target", "events"]
    result = invoke("dyad", "usa", "isr", "--db", db, "--format", "csv", "--mentions")
    frame = pd.read_csv(__import__("io").StringIO(result.stdout))
    w1 = frame[(frame["dyad"] == "USA->ISR") & (frame["period"] == "2025-12-01")].iloc[0]
    assert (w1["events"], w1["goldstein_sum"]) == (3, 5.7)
    out = tmp_path / "s.jsonl"
    result = invoke("dyad", "USA", "ISR", "--db", db, "--format", "jsonl", "--normalise",
                    "--freq", "month", "-o", out)  # fmt: skip
    assert result.exit_code == 0
    rows = [json.loads(line) for line in out.read_text().splitlines()]
    assert rows[0]["articles"] == 6 and rows[0]["events"] == pytest.approx(1 / 3, abs=1e-6)


def test_bad_input_is_one_line(db):
    for args, message in [
        (("dyad", "USA", "FRA"), "no dated events between USA and FRA"),
        (("export", "--format", "csv", "--source", "FRA"), "no stored events match"),
        (("network", "--actor", "FRA"), "no events with a source and a target"),
    ]:
        result = invoke(*args, "--db", db)
        assert result.exit_code == 1, result.output
        assert result.output.startswith("flashpoint: error: " + message.split("'")[0])
        assert message in result.output and len(result.output.strip().splitlines()) == 1
    bad_date = invoke("dyad", "USA", "ISR", "--db", db, "--since", "2025-13-01")
    assert bad_date.exit_code == 2 and "is not an ISO date" in bad_date.output


def test_network_graphml(db, tmp_path):
    out = tmp_path / "net.graphml"
    result = invoke("network", "--db", db, "--since", "2025-12-01", "-o", out)
    assert result.exit_code == 0, result.output
    graph = nx.read_graphml(out)
    assert graph.edges["USA", "ISR"]["events"] == 2
    table = invoke("network", "--db", db, "--plover", "THREATEN")
    assert table.stdout.split()[:2] == ["source", "target"]
    assert "IRN" in table.stdout and "ISR" not in table.stdout


def test_plots_are_pngs_of_the_right_size_with_their_data(db, tmp_path):
    png, data = tmp_path / "dyad.png", tmp_path / "dyad.csv"
    result = invoke("plot", "dyad", "USA", "ISR", "--db", db, "-o", png, "--data", data)
    assert result.exit_code == 0, result.output
    with Image.open(png) as image:
        assert (image.format, image.size) == ("PNG", (1100, 800))
    plotted = pd.read_csv(data)
    w1 = plotted[(plotted["dyad"] == "ISR->USA") & (plotted["period"] == "2025-12-01")].iloc[0]
    assert (w1["q3"], w1["net_coop"], w1["goldstein_sum"]) == (1, -1, -2.0)
    png, data = tmp_path / "net.png", tmp_path / "net.csv"
    result = invoke("plot", "network", "--db", db, "-o", png, "--data", data)
    assert result.exit_code == 0, result.output
    with Image.open(png) as image:
        assert (image.format, image.size) == ("PNG", (1000, 1000))
    edges = pd.read_csv(data)
    assert edges.set_index(["source", "target"]).loc[("USA", "ISR"), "events"] == 2


@pytest.mark.parametrize(
    "fmt", ["gdelt", "gdelt-mentions", "plover", "polecat", "csv", "parquet", "jsonl"]
)
def test_export_each_format(db, tmp_path, fmt):
    out = tmp_path / f"events.{fmt}"
    result = invoke("export", "--db", db, "--format", fmt, "-o", out, "--since", "2025-12-02")
    assert result.exit_code == 0, result.output
    assert "flashpoint: wrote" in result.output
    assert "negated and hypothetical events left out" in result.output
    assert (tmp_path / f"events.{fmt}.meta.json").exists()
    lines = out.read_bytes().splitlines()
    # 7 events since 12-02; the negated and the hypothetical one are left out.
    if fmt == "parquet":
        assert len(pd.read_parquet(out)) == 5
    elif fmt == "csv":
        assert len(pd.read_csv(out)) == 5
    elif fmt == "gdelt":
        assert all(len(line.split(b"\t")) == 61 for line in lines) and len(lines) == 5
    elif fmt == "gdelt-mentions":
        assert all(len(line.split(b"\t")) == 16 for line in lines) and len(lines) == 5
    elif fmt == "polecat":
        assert len(lines) == 1 + 4  # header; the CAMEO 02 appeal has no PLOVER type
    elif fmt == "plover":
        assert len(lines) == 4
    else:
        assert len(lines) == 5
    everything = invoke("export", "--db", db, "--format", fmt, "-o", out, "--all-modalities")
    assert "left out" not in everything.output


def test_the_cli_imports_no_analysis_library_until_asked():
    import subprocess
    import sys

    code = (
        "import sys, flashpoint.cli, flashpoint.analysis, flashpoint.plots, flashpoint.export; "
        "print([m for m in ('pandas', 'matplotlib', 'networkx', 'pyarrow') if m in sys.modules])"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_dyad_output_format_follows_the_file_name(db, tmp_path):
    for name, read in [
        ("s.csv", lambda p: pd.read_csv(p)),
        ("s.json", lambda p: pd.DataFrame(json.loads(p.read_text()))),
        ("s.jsonl", lambda p: pd.read_json(p, lines=True)),
        ("s.parquet", lambda p: pd.read_parquet(p)),
    ]:
        path = tmp_path / name
        result = invoke("dyad", "USA", "ISR", "--db", db, "-o", path)
        assert result.exit_code == 0, result.output
        frame = read(path)
        assert list(frame.columns[:4]) == ["period", "dyad", "source", "target"], name
        assert len(frame) == 4 and str(frame["period"].iloc[0])[:10] == "2025-12-01", name
    unknown = invoke("dyad", "USA", "ISR", "--db", db, "-o", tmp_path / "s.xlsx")
    assert unknown.exit_code == 2 and "cannot tell the format of 's.xlsx'" in unknown.output
    assert not (tmp_path / "s.xlsx").exists()
    clash = invoke("dyad", "USA", "ISR", "--db", db, "-o", tmp_path / "t.json", "--format", "csv")
    assert clash.exit_code == 1 and "ends in .json" in clash.output


def test_read_commands_never_create_a_store(tmp_path):
    missing = tmp_path / "missing.db"
    for args in [("events",), ("dyad", "USA", "ISR"), ("network",), ("export", "--format", "csv"),
                 ("plot", "network", "-o", tmp_path / "n.png"), ("recode",)]:  # fmt: skip
        result = invoke(*args, "--db", missing)
        assert result.exit_code == 1 and f"no event store at {missing}" in result.output, args
        assert not missing.exists()
