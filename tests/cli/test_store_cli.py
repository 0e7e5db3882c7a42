"""``flashpoint ingest``, ``events`` and ``recode`` through the command line."""

from __future__ import annotations

import csv
import io
import json

import pytest
from click.testing import CliRunner

from flashpoint.cli import cli
from tests.store.test_ingest import CAIRO_A, CAIRO_B, DRONES

pytestmark = pytest.mark.slow

ISRAEL = (
    "U.S. Secretary of State Marco Rubio met Israeli Prime Minister Benjamin Netanyahu in "
    "Jerusalem on Monday to discuss the ceasefire, officials said."
)


def invoke(*args, **kw):
    return CliRunner().invoke(cli, [str(a) for a in args], catch_exceptions=False, **kw)


@pytest.fixture
def news(tmp_path):
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "cairo.txt").write_text(CAIRO_A)
    (folder / "drones.txt").write_text(DRONES)
    (folder / "rubio.txt").write_text(ISRAEL)
    lines = [{"text": CAIRO_B, "url": "https://b.example/1", "publisher": "Beta"}]
    (folder / "more.jsonl").write_text("\n".join(json.dumps(x) for x in lines))
    return folder


def test_ingest_then_again_adds_nothing(news, store_url, coder):
    first = invoke("ingest", news, "--db", store_url, "--date", "2025-12-30")
    assert first.exit_code == 0, first.output
    assert "4 new" in first.output and "0 failed" in first.output
    assert "articles/s" in first.output
    again = invoke("ingest", news, "--db", store_url, "--date", "2025-12-30")
    assert again.exit_code == 0
    assert "0 new" in again.output and "4 skipped" in again.output


def test_bad_files_are_named_skipped_and_set_the_exit_code(news, store_url, coder):
    (news / "empty.txt").write_text("")
    (news / "binary.html").write_bytes(b"\x00\x01\x02PK\x03\x04" * 50)
    result = invoke("ingest", news, "--db", store_url, "--date", "2025-12-30")
    assert result.exit_code == 1
    assert "skipped " + str(news / "empty.txt") in result.output
    assert "skipped " + str(news / "binary.html") in result.output
    assert "4 new" in result.output and "2 failed" in result.output
    assert "Traceback" not in result.output


def test_missing_path_and_bad_database_are_one_line_errors(tmp_path, coder):
    result = invoke("ingest", tmp_path / "nope", "--db", tmp_path / "x.db")
    assert result.exit_code == 1
    assert result.output.startswith("flashpoint: error: no such file or folder")
    result = invoke("events", "--db", tmp_path / "missing.db")
    assert result.exit_code == 1 and "no event store at" in result.output
    assert not (tmp_path / "missing.db").exists()
    result = invoke("events", "--db", "postgresql://u:secret@127.0.0.1:9/x?connect_timeout=2")
    assert result.exit_code == 1 and "cannot open database" in result.output
    assert "secret" not in result.output


def test_events_filters_and_formats(news, store_url, coder):
    assert invoke("ingest", news, "--db", store_url, "--date", "2025-12-30").exit_code == 0
    table = invoke("events", "--db", store_url)
    assert table.exit_code == 0
    assert table.stdout.splitlines()[0].split()[:4] == ["date", "source", "code", "target"]

    out = invoke("events", "--db", store_url, "--source", "USA", "--target", "ISR",
                 "--since", "2025-12-01", "--root", "04", "--format", "json")  # fmt: skip
    records = json.loads(out.stdout)
    assert records and all(r["cameo"]["root"] == "04" for r in records)
    assert all(r["source"]["country"] == "USA" and r["target"]["country"] == "ISR" for r in records)
    assert {"cluster", "article", "num_mentions", "evidence", "coder_version"} <= set(records[0])

    out = invoke("events", "--db", store_url, "--source", "EGY", "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(out.stdout)))
    talks = [r for r in rows if r["target_code"] == "QAT" and r["cameo_code"].startswith("04")]
    assert len(talks) == 2 and {r["cluster_articles"] for r in talks} == {"2"}
    assert {r["publisher"] for r in talks} == {"", "Beta"}

    none = invoke("events", "--db", store_url, "--since", "2030-01-01", "--format", "json")
    assert json.loads(none.stdout) == []
    late = invoke("events", "--db", store_url, "--until", "2000-01-01", "--format", "csv")
    assert len(late.stdout.splitlines()) == 1  # the header only
    bad = CliRunner().invoke(cli, ["events", "--db", store_url, "--since", "yesterday"])
    assert bad.exit_code == 2 and "YYYY-MM-DD" in bad.output


def test_recode_replaces_old_events(news, store_url, coder):
    from sqlalchemy import update

    from flashpoint.store import open_store, schema

    assert invoke("ingest", news, "--db", store_url, "--date", "2025-12-30").exit_code == 0
    assert "nothing to recode" in invoke("recode", "--db", store_url).output
    with open_store(store_url) as store, store.session() as s:
        s.execute(update(schema.Article).values(coder_version="flashpoint-coder/0.0.1"))
    result = invoke("recode", "--db", store_url)
    assert result.exit_code == 0
    assert "recoded 4 articles" in result.output
    out = invoke("events", "--db", store_url, "--format", "jsonl")
    versions = {json.loads(line)["coder_version"] for line in out.stdout.splitlines()}
    assert len(versions) == 1


def test_ingest_reads_one_article_from_stdin(store_url, coder):
    result = invoke("ingest", "-", "--db", store_url, "--date", "2025-12-30", input=DRONES)
    assert result.exit_code == 0, result.output
    assert "1 new" in result.output
    again = invoke("ingest", "-", "--db", store_url, "--date", "2025-12-30", input=DRONES)
    assert "1 skipped" in again.output
