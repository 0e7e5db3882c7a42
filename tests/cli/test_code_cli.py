"""`flashpoint code`: output formats on a real article, and one-line errors on bad input."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from click.testing import CliRunner

from flashpoint.cli import cli, code_cmd, eval_cmd  # noqa: F401  (register commands)
from tests.conftest import EXAMPLES


def run(*args: str, input: bytes | None = None):
    return CliRunner().invoke(cli, list(args), input=input)


@pytest.mark.slow
def test_jsonl_output_has_the_documented_fields():
    result = run("code", str(EXAMPLES / "diplomacy.txt"), "--date", "2025-12-29")
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in result.output.splitlines()]
    assert len(records) >= 5
    required = {
        "event_id",
        "doc_id",
        "sentence_index",
        "evidence",
        "source",
        "target",
        "cameo",
        "plover",
        "goldstein",
        "quad_class",
        "modality",
        "attribution",
        "date",
        "date_precision",
        "location",
        "confidence",
        "coder_version",
    }
    for record in records:
        assert required <= record.keys()
        assert set(record["evidence"]) >= {"text", "start", "end", "trigger"}
        assert set(record["source"]) >= {"text", "name", "country", "sector", "code"}
        assert set(record["cameo"]) == {"code", "root", "name"}
        assert record["modality"] in {
            "asserted",
            "reported",
            "negated",
            "hypothetical",
            "intended",
            "historical",
        }
        assert 0 <= record["confidence"] <= 1
        assert record["quad_class"] in (1, 2, 3, 4)


@pytest.mark.slow
def test_json_and_tsv_agree_with_jsonl():
    path = str(EXAMPLES / "conflict.txt")
    jsonl = run("code", path, "--date", "2025-11-14").output.splitlines()
    array = json.loads(run("code", path, "--date", "2025-11-14", "--format", "json").output)
    tsv = run("code", path, "--date", "2025-11-14", "--format", "tsv").output.splitlines()
    assert len(array) == len(jsonl) == len(tsv) - 1
    assert tsv[0].startswith("event_id\tdoc_id")
    assert [r["event_id"] for r in array] == [json.loads(x)["event_id"] for x in jsonl]


@pytest.mark.slow
def test_html_input_uses_page_date_and_skips_furniture():
    result = run("code", str(EXAMPLES / "diplomacy.html"))
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in result.output.splitlines()]
    assert records
    texts = " ".join(r["evidence"]["text"] for r in records)
    assert "Comments" not in texts and "Advertisement" not in texts
    assert any(r["date"] and r["date"].startswith("2025-12") for r in records)


@pytest.mark.slow
def test_stdin():
    result = run("code", "-", "--date", "2025-12-29", input=b"Egypt condemned Israel on Tuesday.\n")
    assert result.exit_code == 0
    assert json.loads(result.output.splitlines()[0])["source"]["country"] == "EGY"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "empty"),
        (b"   \n\n  ", "empty"),
        (b"\x89PNG\r\n\x1a\n" + b"\x00" * 200, "PNG image"),
        (b"Egypt condemned Israel. " * 10 + bytes(range(128, 256)) * 5, "not valid UTF-8"),
        (
            "Le président a rencontré le ministre mardi pour discuter de la crise politique "
            "et des élections prévues au printemps dans le pays.".encode(),
            "French",
        ),
    ],
)
def test_bad_input_is_one_clear_line(tmp_path, content, message):
    path = tmp_path / "story.txt"
    path.write_bytes(content)
    result = run("code", str(path))
    assert result.exit_code == 1
    lines = result.stderr.strip().splitlines() if hasattr(result, "stderr") else []
    assert len(lines) == 1 and lines[0].startswith("flashpoint: error:")
    assert message.lower() in lines[0].lower()
    assert "Traceback" not in result.output


def test_too_large_input_is_refused(tmp_path):
    path = tmp_path / "big.txt"
    with path.open("wb") as handle:
        handle.write(b"Egypt condemned Israel. " * (20 * 1024 * 1024 // 24 + 1))
    result = run("code", str(path))
    assert result.exit_code == 1
    assert "FLASHPOINT_MAX_BYTES" in result.stderr


def test_missing_file():
    result = run("code", "/nonexistent/story.txt")
    assert result.exit_code == 1
    assert "no such file" in result.stderr.lower()


def test_failing_url_is_one_line():
    # Port 9 on loopback: nothing listens, the connection is refused at once.
    result = run("code", "http://127.0.0.1:9/story.html")
    assert result.exit_code == 1
    assert result.stderr.count("\n") == 1 and "127.0.0.1" in result.stderr


def test_bad_date():
    result = run("code", str(EXAMPLES / "diplomacy.txt"), "--date", "29/12/2025")
    assert result.exit_code == 1 and "date" in result.stderr.lower()


def test_no_traceback_from_the_real_executable(tmp_path):
    path = tmp_path / "x.bin"
    path.write_bytes(b"\x00\x01\x02" * 100)
    proc = subprocess.run(
        [sys.executable, "-m", "flashpoint", "code", str(path)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 1
    assert "Traceback" not in proc.stderr and proc.stderr.startswith("flashpoint: error:")


@pytest.mark.slow
def test_user_lexicon_from_the_command_line(tmp_path):
    story = tmp_path / "story.txt"
    story.write_text("Washington blacklisted Chinese banks on Monday.\n")
    before = run("code", str(story), "--date", "2025-12-29")
    assert before.output.strip() == "" or all(
        json.loads(x)["cameo"]["code"] != "1621" for x in before.output.splitlines()
    )
    extra = tmp_path / "finance.tsv"
    extra.write_text(
        "code\tpos\tlemma\tparticle\tobject\tprep\tprep_object\tnote\n"
        "1621\tV\tblacklist\t\t@LENDER\t\t\t\n"
        "@LENDER\tbank\n"
    )
    after = run("code", str(story), "--date", "2025-12-29", "--lexicon", str(extra))
    record = json.loads(after.output.splitlines()[0])
    assert record["cameo"]["code"] == "1621"
    assert (record["source"]["code"], record["target"]["code"]) == ("USAGOV", "CHNBUS")
    assert "finance.tsv" in record["pattern"] and record["lexicon"].endswith("+finance.tsv")


@pytest.mark.slow
def test_closed_pipe_is_not_an_error():
    cmd = (
        f"{sys.executable} -m flashpoint code {EXAMPLES / 'diplomacy.txt'} "
        "--date 2025-12-29 --format tsv | head -1"
    )
    proc = subprocess.run(
        ["bash", "-o", "pipefail", "-c", cmd], capture_output=True, text=True, check=False
    )
    assert proc.stdout.startswith("event_id\t")
    assert "error" not in proc.stderr.lower() and proc.returncode == 0


@pytest.mark.slow
def test_code_reads_the_dateline_and_never_the_clock(tmp_path):
    story = tmp_path / "story.txt"
    story.write_text("PORT SUDAN, Nov 14 (Reuters) - Sudan's army shelled El Fasher.\n")

    def dates(*options: str) -> set:
        result = run("code", str(story), *options)
        assert result.exit_code == 0, result.output
        return {json.loads(line)["date"] for line in result.output.splitlines()}

    assert dates() == {None}  # "Nov 14" of no known year: not this year's
    assert dates("--reference-date", "2026-01-02") == {"2025-11-14"}
    assert dates("--date", "2025-11-15") == {"2025-11-15"}
