"""Article-level gold: the reader and the matching rule, on hand-made cases with known answers."""

from __future__ import annotations

import hashlib
import json

import pytest

from flashpoint.errors import GoldFormatError
from flashpoint.evaluation.articles import (
    CodedEvent,
    is_article_gold,
    match_article,
    read_article_gold,
    tally,
)

TEXT = "Egypt hosted Qatar.\n\nRebels shelled the airport. Police arrested ten students."
S0, S1, S2 = (0, 19), (21, 48), (49, 80)


def actor(country, sector=None):
    return {"span": None, "implicit": False, "country": country, "sector": sector}


def gold_event(sentence, src, tgt, cameo, status="gold", plover="CONSULT"):
    return {
        "id": f"x:{cameo}",
        "status": status,
        "sentence": list(sentence),
        "trigger": [sentence[0], sentence[0] + 1],
        "source": actor(src) if src else None,
        "target": actor(tgt) if tgt else None,
        "cameo": cameo,
        "plover": {"type": plover, "mode": None},
        "modality": "asserted",
        "date": "2025-12-29",
        "date_precision": "day",
    }


def write_gold(tmp_path, events, text=TEXT, sha=None, split="test"):
    texts = tmp_path / "texts"
    texts.mkdir(exist_ok=True)
    (texts / "a.txt").write_text(text, encoding="utf-8")
    record = {
        "file": "a.txt",
        "sha256": sha or hashlib.sha256(text.encode()).hexdigest(),
        "split": split,
        "date": "2025-12-29",
        "topic": "conflict",
        "events": events,
    }
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")
    return path, texts


def coded(start, src, tgt, cameo, plover=None):
    return CodedEvent(start, src, tgt, None, None, cameo, plover)


def test_reader_loads_texts_and_checks_their_hash(tmp_path):
    path, texts = write_gold(tmp_path, [gold_event(S0, "EGY", "QAT", "043")])
    assert is_article_gold(path)
    (article,) = read_article_gold(path, texts)
    assert article.text == TEXT and article.split == "test"
    assert article.events[0].cameo == "043" and article.events[0].source.country == "EGY"
    assert read_article_gold(path, texts, split="dev") == []
    bad, texts = write_gold(tmp_path, [], sha="0" * 64)
    with pytest.raises(GoldFormatError, match="sha256"):
        read_article_gold(bad, texts)


def test_reader_names_the_line_of_a_malformed_event(tmp_path):
    path, texts = write_gold(tmp_path, [{"sentence": [0, 5], "status": "maybe", "cameo": "01"}])
    with pytest.raises(GoldFormatError, match=r"gold.jsonl:1 event 0"):
        read_article_gold(path, texts)


def test_matching_needs_sentence_dyad_and_root():
    gold = [
        read_event(gold_event(S0, "EGY", "QAT", "043")),
        read_event(gold_event(S1, "SYR", None, "194", plover="ASSAULT")),
        read_event(gold_event(S2, "SYR", "SYR", "173", plover="COERCE")),
    ]
    predictions = [
        coded(2, "EGY", "QAT", "042"),  # same root 04, other code: a hit at event level
        coded(25, "SYR", None, "190"),  # root 19 in S1: hit
        coded(25, "SYR", None, "190"),  # the same again: nothing left to match, an extra
        coded(60, "SYR", "SYR", "111"),  # wrong root: extra, and the 173 is missed
    ]
    match = match_article(gold, predictions, "event")
    assert (len(match.hits), len(match.extras), len(match.misses)) == (2, 2, 1)
    assert match.misses[0].cameo == "173"
    code_level = match_article(gold, predictions, "code")
    assert len(code_level.hits) == 0 and len(code_level.misses) == 3
    detection = match_article(gold, [coded(60, None, None, "173")], "detection")
    assert len(detection.hits) == 1


def test_a_coded_event_in_another_sentence_does_not_match():
    gold = [read_event(gold_event(S0, "EGY", "QAT", "043"))]
    match = match_article(gold, [coded(30, "EGY", "QAT", "043")], "event")
    assert (len(match.hits), len(match.extras), len(match.misses)) == (0, 1, 1)


def test_acceptable_gold_is_neither_a_miss_nor_an_error():
    gold = [
        read_event(gold_event(S1, "SYR", None, "194", plover="ASSAULT")),
        read_event(gold_event(S1, "SYR", "SYR", "012", status="acceptable", plover=None)),
        read_event(gold_event(S2, "SYR", None, "173", status="acceptable", plover="COERCE")),
    ]
    match = match_article(gold, [coded(25, "SYR", "SYR", "012")], "event")
    assert (len(match.hits), len(match.extras), len(match.misses)) == (0, 0, 1)
    assert len(match.tolerated) == 1
    counts = tally([match])
    assert (counts["tp"], counts["fp"], counts["fn"]) == (0, 0, 1)


def test_plover_level_leaves_statements_out():
    gold = [read_event(gold_event(S0, "EGY", "QAT", "018", plover=None))]
    match = match_article(gold, [coded(2, "EGY", "QAT", "018", None)], "plover")
    assert (len(match.hits), len(match.extras), len(match.misses)) == (0, 0, 0)


def read_event(raw):
    from flashpoint.evaluation.articles import _event

    return _event(raw, "test")


@pytest.mark.slow
def test_eval_command_scores_article_gold(tmp_path):
    from click.testing import CliRunner

    from flashpoint.cli import cli as main

    path, texts = write_gold(
        tmp_path,
        [gold_event(S0, "EGY", "QAT", "043"), gold_event(S2, "SYR", "SYR", "173")],
        text="Egypt hosted Qatar.\n\nRebels shelled the airport. Police arrested ten students.",
    )
    result = CliRunner().invoke(main, ["eval", str(path), "--texts", str(texts), "--json"])
    assert result.exit_code == 0, result.output
    (report,) = json.loads(result.output)
    assert report["format"] == "article-gold" and report["gold_events"] == 2
    event = report["levels"]["event"]
    assert event["tp"] + event["fn"] == 2 and event["tp"] + event["fp"] == report["coded_events"]
    explained = CliRunner().invoke(main, ["eval", str(path), "--texts", str(texts), "--explain"])
    assert explained.exit_code == 0 and "a.txt:" in explained.output
