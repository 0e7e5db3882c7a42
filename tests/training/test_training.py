"""The training entry point rebuilds a working model from data (a tiny run)."""

from __future__ import annotations

import json

import pytest

from flashpoint.coding.candidates.event_model import load_event_model

pytest.importorskip("sklearn")


@pytest.mark.slow
def test_a_tiny_training_run_writes_a_model_that_scores(tmp_path, monkeypatch):
    from flashpoint.training import train as training

    data = tmp_path / "synthetic"
    data.mkdir()
    records = []
    for n, (text, trigger, code) in enumerate([
        ("Rebels shelled the airport on Monday.", "shelled", "194"),
        ("Police arrested ten protesters in the capital.", "arrested", "173"),
        ("The minister praised the agreement with Kenya.", "praised", "051"),
        ("The team won the football match.", None, None),
    ] * 6):  # fmt: skip
        events = [{"trigger": trigger, "source": None, "source_implicit": True, "cameo": code,
                   "plover_type": None}] if trigger else []  # fmt: skip
        records.append({"id": f"t-{n}", "text": text, "events": events})
    (data / "w.jsonl").write_text("".join(json.dumps(r) + "\n" for r in records))
    monkeypatch.setattr(training, "REPO", tmp_path)
    config = {
        "seed": 1, "C": 1.0, "max_iter": 200, "dense_weight": 0.3, "feature_min_count": 1,
        "event_noun_min_count": 2, "calibration_folds": 0,
        "data": {"synthetic": "synthetic", "article_dev": ""},
    }  # fmt: skip
    out = tmp_path / "model.npz"
    metrics = training.train(config, out)
    model = load_event_model(str(out))
    assert set(model.classes) >= {"none", "19:ASSAULT", "17:COERCE", "05:SUPPORT"}
    assert metrics["held_out_texts"] >= 0 and out.with_suffix(".metrics.json").exists()
