"""Issue 12's rule, end to end: a folder holding every known bad input among good articles is
ingested through the CLI on SQLite and PostgreSQL; every good article is stored, each bad
input is either repaired (and noted) or reported by name, and the exit status says so."""

from __future__ import annotations

import json
import os

import pytest
from click.testing import CliRunner
from sqlalchemy import select

from flashpoint.cli import cli
from flashpoint.store import open_store, schema
from tests.store.test_ingest import CAIRO_A, CAIRO_B, DRONES

pytestmark = pytest.mark.slow

RUBIO = (
    "U.S. Secretary of State Marco Rubio met Israeli Prime Minister Benjamin Netanyahu in "
    "Jerusalem on Monday to discuss the ceasefire, officials said."
)
TALKS = (
    "Turkey hosted talks with Greece in Ankara on Tuesday about maritime borders, officials said."
)
CHINESE = (
    "中国外交部发言人周一表示，中方坚决反对美国对台湾出售武器，并敦促美方停止干涉中国内政。"
    "双方官员在北京举行了会谈，讨论了地区安全局势。"
)
LONG_URL = "https://example.org/story?" + "q=1&" * 800
# A text the coder itself used to crash on (OverflowError in relative-date arithmetic): the
# run must go on whether it is coded or reported.
CODER_TRAP = "Egypt attacked Israel 999999 days ago, officials said on Monday in Cairo."


def build_folder(folder) -> tuple[set[str], set[str]]:
    """The folder; returns (texts that must be stored, names that must be reported)."""
    folder.mkdir()
    (folder / "a_good.txt").write_text(CAIRO_A)
    (folder / "b_too_long.txt").write_text((DRONES + "\n") * (110_000 // len(DRONES)))
    (folder / "c_chinese.txt").write_text(CHINESE)
    # One invalid byte among UTF-8 curly quotes: read as UTF-8, not as Mac Roman.
    (folder / "d_bad_byte.txt").write_bytes(RUBIO.replace("said", "said’s").encode() + b"\xff")
    if hasattr(os, "mkfifo"):
        os.mkfifo(folder / "e_fifo.txt")
    lines = [
        {"text": CAIRO_B, "url": "https://b.example/1", "publisher": "Beta"},
        {"text": TALKS.replace("talks", "talks\ud800")},  # a lone surrogate (JSON escape)
        {"text": DRONES, "date": "0001-01-01"},  # Go's zero time
        {"text": TALKS + " Greece thanked Turkey.", "url": LONG_URL},  # over 2,048 chars
        {"text": TALKS + " Talks resume.", "publisher": "P" * 400},  # over 300 chars
        {"text": TALKS.replace("Ankara", "Ank\u0000ara") + " Both sides agreed."},  # NUL
        {"text": CODER_TRAP},
        {"text": "x"},  # too short
    ]
    (folder / "f_lines.jsonl").write_text("\n".join(json.dumps(x) for x in lines))
    (folder / "g_feed.rss").write_text(
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>'
        f"<item><title>A</title><description>{RUBIO} Talks went on.</description>"
        "<pubDate>Mon, 01 Jan 0001 00:00:00 GMT</pubDate></item>"
        f"<item><title>B</title><description>{CAIRO_A} Qatar agreed.</description>"
        "<pubDate>Mon, 29 Dec 2025 08:00:00 GMT</pubDate></item>"
        "</channel></rss>"
    )
    stored = {
        CAIRO_A,
        RUBIO.replace("said", "said’s") + "\ufffd",
        CAIRO_B,
        TALKS.replace("talks", "talks\ufffd"),
        DRONES,
        TALKS + " Greece thanked Turkey.",
        TALKS + " Talks resume.",
        TALKS + " Both sides agreed.",
        RUBIO + " Talks went on.",
        CAIRO_A + " Qatar agreed.",
    }
    failed = {"b_too_long.txt", "c_chinese.txt", "f_lines.jsonl:8"}
    if hasattr(os, "mkfifo"):
        failed.add("e_fifo.txt")
    return stored, failed


def test_every_good_article_is_stored_among_every_bad_input(tmp_path, store_url, coder):
    stored, failed = build_folder(tmp_path / "news")
    args = ["ingest", str(tmp_path / "news"), "--db", store_url, "--date", "2025-12-30"]
    result = CliRunner().invoke(cli, args, catch_exceptions=False)
    output = result.output
    assert result.exit_code == 1, output
    assert "internal error" not in output and "Traceback" not in output
    assert "INSERT" not in output  # no statement (or its article text) is ever printed
    skipped = [line for line in output.splitlines() if line.startswith("flashpoint: skipped ")]
    for name in failed:
        assert any(f"/{name}: " in line for line in skipped), (name, output)
    trap_failed = any("f_lines.jsonl:7: " in line for line in skipped)
    assert len(skipped) == len(failed) + trap_failed, output
    with open_store(store_url) as store, store.session() as s:
        texts = set(s.scalars(select(schema.Article.text)))
        dates = dict(s.execute(select(schema.Article.text, schema.Article.story_date)).all())
    assert stored <= texts, stored - texts
    assert texts - stored <= {CODER_TRAP}
    assert str(dates[DRONES]) == "2025-12-30"  # the placeholder date was ignored
    assert "flashpoint: note:" in output  # repairs are reported, not silent
    # A rerun stores nothing twice and crashes nowhere.
    again = CliRunner().invoke(cli, args, catch_exceptions=False)
    assert again.exit_code == 1 and " 0 new," in again.output, again.output
