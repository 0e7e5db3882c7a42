"""Gold readers and scoring, on the public dev files in ../shared/eval/dev."""

from __future__ import annotations

import json

import pytest

from flashpoint.errors import GoldFormatError
from flashpoint.evaluation import Score, detect_format, read_gold
from tests.conftest import SHARED_DEV

needs_dev = pytest.mark.skipif(not SHARED_DEV.is_dir(), reason="../shared/eval/dev not present")


def test_score_micro_prf():
    score = Score()
    score.add({"01", "19"}, {"19"})
    score.add(set(), {"04"})
    assert (score.tp, score.fp, score.fn) == (1, 1, 1)
    assert score.precision == score.recall == score.f1 == 0.5


@needs_dev
def test_formats_are_detected():
    assert detect_format(SHARED_DEV / "plover_gsr_cameo.json") == "plover-json"
    assert detect_format(SHARED_DEV / "cameo_codebook_examples.tsv") == "cameo-codebook"
    assert detect_format(SHARED_DEV / "news_quad_train.tsv") == "quad-tsv"


@needs_dev
def test_plover_gold_labels_use_current_names_and_iso3():
    fmt, gold = read_gold(SHARED_DEV / "plover_gsr_cameo.json")
    assert fmt == "plover-json" and len(gold) == 322
    events = {e for g in gold for e in g.labels["plover"]}
    assert "DEMAND" not in events and "REQUEST" in events and "ASSAULT" in events
    first = gold[0]
    assert first.labels["source_country"] == {"HUN", "ROU"}  # ROM in older files is ROU


@needs_dev
def test_codebook_gold_has_codes_roots_and_quads():
    _, gold = read_gold(SHARED_DEV / "cameo_codebook_examples.tsv")
    assert len(gold) > 250
    assert all(len(g.labels["code"]) == 1 for g in gold)
    assert all("Note:" not in g.text for g in gold)


def test_unknown_format_is_a_clear_error(tmp_path):
    path = tmp_path / "gold.tsv"
    path.write_text("a\tb\tc\n")
    with pytest.raises(GoldFormatError, match="not a known gold format"):
        read_gold(path)
    with pytest.raises(GoldFormatError, match="no such gold file"):
        read_gold(tmp_path / "missing.json")
    bad = tmp_path / "bad.json"
    bad.write_text("{not json")
    with pytest.raises(GoldFormatError, match="not valid JSON"):
        read_gold(bad)


@needs_dev
@pytest.mark.slow
def test_eval_command_scores_all_three_files():
    from click.testing import CliRunner

    from flashpoint.cli import cli, code_cmd, eval_cmd  # noqa: F401

    files = [
        str(SHARED_DEV / n)
        for n in ("plover_gsr_cameo.json", "cameo_codebook_examples.tsv", "news_quad_train.tsv")
    ]
    result = CliRunner().invoke(cli, ["eval", *files, "--limit", "60", "--json"])
    assert result.exit_code == 0, result.output
    reports = json.loads(result.output)
    assert [r["format"] for r in reports] == ["plover-json", "cameo-codebook", "quad-tsv"]
    plover, codebook, quad = (r["metrics"] for r in reports)
    assert {"plover", "quad", "source_country", "target_country"} <= plover.keys()
    assert {"root", "code", "quad"} <= codebook.keys()
    assert quad.keys() == {"phoenix_quad"}
    # The coder must find real signal, not just run: these floors sit well below current
    # figures (see the closing note of issue 2) and catch a coder that stopped working.
    assert plover["source_country"]["f1"] > 0.3
    assert codebook["root"]["tp"] > 10
    assert quad["phoenix_quad"]["tp"] > 10
