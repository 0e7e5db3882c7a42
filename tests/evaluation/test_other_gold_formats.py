"""The UN quad file and the training data's own format as gold, on hand-made files."""

from __future__ import annotations

import json

from flashpoint.evaluation.gold import UN_QUAD, detect_format, read_gold
from flashpoint.evaluation.sentence_events import is_sentence_events, read_sentence_events
from flashpoint.training.splits import synthetic_held_out, un_quad_held_out


def test_un_quad_file_is_recognised_by_its_header_and_split_by_hash(tmp_path):
    path = tmp_path / "un.tsv"
    rows = [f"The council met on item {n}.\t{n % 5}" for n in range(60)]
    path.write_text("sentence\tquad\n" + "\n".join(rows) + "\n", encoding="utf-8")
    assert detect_format(path) == "un-quad-tsv"
    _, everything = read_gold(path)
    _, held = read_gold(path, "heldout")
    _, rest = read_gold(path, "train")
    assert len(everything) == 60 and len(held) + len(rest) == 60
    assert all(un_quad_held_out(g.text) for g in held)
    assert everything[3].labels == {"un_quad": {"3"}}


def test_gdelt_quads_map_to_the_un_label_order():
    # UN order: 1 material conflict, 2 material cooperation, 3 verbal conflict, 4 verbal coop.
    assert UN_QUAD == {1: "4", 2: "2", 3: "3", 4: "1"}


def test_sentences_and_stories_become_small_articles(tmp_path):
    records = [
        {"id": "a-1", "text": "Egypt hosted Qatar.", "events": [{
            "trigger": "hosted", "source": "Egypt", "source_country": "EGY",
            "target": "Qatar", "target_country": "QAT", "cameo": "043",
            "plover_type": "CONSULT"}]},
        {"id": "s-1", "story": "s", "position": 1, "text": "He praised Qatar.", "events": [{
            "trigger": "praised", "source": "He", "source_country": "EGY",
            "target": "Qatar", "target_country": "QAT", "cameo": "051",
            "plover_type": "SUPPORT"}]},
        {"id": "s-0", "story": "s", "position": 0, "text": "Sisi met the emir.", "events": []},
    ]  # fmt: skip
    path = tmp_path / "w.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    assert is_sentence_events(path)
    articles = {a.file: a for a in read_sentence_events(path)}
    story = articles["s"]
    assert story.text == "Sisi met the emir. He praised Qatar."
    (praise,) = story.events
    assert story.text[praise.trigger[0] : praise.trigger[1]] == "praised"
    assert story.text[praise.sentence[0] : praise.sentence[1]] == "He praised Qatar."
    assert praise.source.country == "EGY" and praise.target.country == "QAT"
    held = read_sentence_events(path, "heldout")
    assert {a.file for a in held} == {g for g in ("a-1", "s") if synthetic_held_out(g)}
