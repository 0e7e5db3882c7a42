"""`flashpoint dictionaries check|lookup`, and the dictionary options of code and eval."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from flashpoint.cli import cli
from tests.conftest import REPO

DATA = REPO / "tests" / "dictionaries" / "data"


def run(*args: str):
    return CliRunner().invoke(cli, [str(a) for a in args])


def test_check_counts_entries_and_exits_zero_on_a_good_file():
    result = run("dictionaries", "check", DATA / "test.verbs.txt", DATA / "test.actors.txt")
    assert result.exit_code == 0, result.output
    assert "test.verbs.txt: verbs dictionary, 5 verb blocks" in result.output
    assert "test.actors.txt: actors dictionary, 9 records, 19 phrases, 7 dated codes" in (
        result.output
    )


def test_check_lists_errors_with_lines_and_fails(tmp_path):
    bad = tmp_path / "mine.verbs.txt"
    bad.write_text("--- ATTACK [190] ---\nATTACK\n- * TROOPS [999]\n- &ARMY * [190]\n")
    result = run("dictionaries", "check", bad)
    assert result.exit_code == 1
    assert f"error: {bad}:3: unknown CAMEO event code '999'" in result.output
    assert "note (1x, lines 4): not translated: words before the verb" in result.output
    kinds = run("dictionaries", "check", "--kind", "discards", bad)
    assert "discards dictionary, 4 phrases" in kinds.output


def test_lookup_gives_the_entry_and_the_role_on_a_date():
    result = run(
        "dictionaries",
        "lookup",
        "Miren Tollaway",
        "--date",
        "1999-06-01",
        "--actors",
        DATA / "test.actors.txt",
        "--only-given-dictionaries",
    )
    assert result.exit_code == 0, result.output
    first = result.output.splitlines()[0]
    assert first.startswith("VELGOVFRM") and "[test.actors.txt:21]" in first
    assert "(VELGOVFRM 1997-03-01–2001-01-19 (line 25))" in first
    as_json = run(
        "dictionaries",
        "lookup",
        "tollaway",
        "--json",
        "--date",
        "2012-01-01",
        "--actors",
        DATA / "test.actors.txt",
        "--only-given-dictionaries",
    )
    record = json.loads(as_json.stdout.splitlines()[0])
    assert (record["code"], record["entry"]) == ("VELELI", "test.actors.txt:21")


def test_lookup_searches_the_phoenix_set_by_default():
    result = run("dictionaries", "lookup", "Ahmed Zia Massoud", "--date", "2005-06-01")
    assert result.exit_code == 0, result.output
    assert result.output.startswith("AFGGOV        Ahmed Zia Massoud  [phoenix:Phoenix.Countries")
    missing = run("dictionaries", "lookup", "Nobody Atall Xyzzy")
    assert missing.exit_code == 1 and "no dictionary entry matches" in missing.output


@pytest.mark.slow
def test_code_with_dictionaries(tmp_path):
    story = tmp_path / "story.txt"
    story.write_text("President Tollaway toasted Quarn.\n")
    result = run(
        "code",
        story,
        "--date",
        "2005-06-01",
        "--actors",
        DATA / "test.actors.txt",
        "--verbs",
        DATA / "test.verbs.txt",
    )
    assert result.exit_code == 0, result.output
    [record] = [json.loads(line) for line in result.stdout.splitlines()]
    assert (record["source"]["code"], record["cameo"]["code"]) == ("VELGOV", "051")
    assert record["source"]["entry"] == "test.actors.txt:21+agents.tsv:24"
    assert record["pattern"].startswith("V:toast -> 051 (test.verbs.txt:7)")


def test_a_bad_dictionary_is_a_one_line_error(tmp_path):
    bad = tmp_path / "bad.actors.txt"
    bad.write_text("X_\n\t[USAGOV 2010]\n")
    story = tmp_path / "story.txt"
    story.write_text("Nothing happened.\n")
    result = run("code", story, "--actors", bad)
    assert result.exit_code == 1
    assert "flashpoint: error: " in result.output and "bad.actors.txt:2: " in result.output
    assert "Traceback" not in result.output


@pytest.mark.slow
def test_eval_reads_petrarch_records():
    args = ["eval", DATA / "validation.xml", "--json"]
    for kind in ("actors", "agents", "verbs", "discards"):
        args += [f"--{kind}", DATA / f"test.{kind}.txt"]
    result = run(*args)
    assert result.exit_code == 0, result.output
    [report] = json.loads(result.stdout)
    assert report["format"] == "petrarch-records"
    assert report["metrics"]["triple"]["f1"] == 1.0
    assert report["metrics"]["triple"]["tp"] == 19
    bare = json.loads(run("eval", DATA / "validation.xml", "--json").stdout)
    assert bare[0]["metrics"]["triple"]["f1"] == 0.0


@pytest.mark.slow
def test_worker_processes_code_with_the_dictionaries_given(tmp_path):
    import os

    stories = []
    for n, text in enumerate(["Veloria toasted Quarn.", "Quarn saluted Ostravia."]):
        story = tmp_path / f"story{n}.txt"
        story.write_text(text + "\n")
        stories.append(story)
    result = run(
        "code",
        *stories,
        "--date",
        "2005-06-01",
        "--workers",
        "2",
        "--actors",
        DATA / "test.actors.txt",
        "--verbs",
        DATA / "test.verbs.txt",
    )
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert sorted(
        (r["source"]["code"], r["cameo"]["code"], r["target"]["code"]) for r in records
    ) == [("QRN", "051", "OST"), ("VEL", "051", "QRN")]
    assert "FLASHPOINT_ACTORS" not in os.environ  # the run's settings end with the run
