"""The dataset's commit log on its own (no spaCy): a crash at any point of a commit leaves
whole files only, and the next run finishes or undoes it."""

from __future__ import annotations

import json

import pyarrow.dataset as pads
import pytest

from flashpoint.errors import ScaleError
from flashpoint.scale.dataset import EventDataset
from flashpoint.scale.rows import event_table, status_table
from tests.store.helpers import document, event

VERSION = "flashpoint-coder/test"


def coded(text: str, date: str | None):
    doc = document(text, date=date)
    return doc, [event(doc.article.doc_id, date=date), event(doc.article.doc_id, code="042",
                                                              date=date, sentence=1)]  # fmt: skip


def add(dataset: EventDataset, *outcomes):
    from flashpoint.ingest.documents import Failure

    good = [o for o in outcomes if not isinstance(o, Failure)]
    return dataset.add(status_table(outcomes), event_table(good))


def rows(root) -> int:
    return pads.dataset(root, format="parquet", partitioning="hive").count_rows()


def test_crash_after_the_manifest_is_written_is_finished_on_the_next_open(tmp_path, monkeypatch):
    root = tmp_path / "events"
    dataset = EventDataset(str(root), coder_version=VERSION).open()
    add(dataset, coded("One.", "2025-01-02"), coded("Two.", "2024-07-09"))
    moves: list[str] = []
    real_move = EventDataset._move

    def crash_after_manifest(self, source, target):
        if "/_manifest/" not in target[len(str(root)) :] and moves:
            raise SystemExit("killed")  # a kill between the commit point and the moves
        moves.append(target)
        real_move(self, source, target)

    monkeypatch.setattr(EventDataset, "_move", crash_after_manifest)
    with pytest.raises(SystemExit):
        dataset.commit()
    dataset.close()
    assert moves and "/_manifest/" in moves[0][len(str(root)) :]
    assert rows(root) == 0  # nothing visible yet, nothing half-written
    monkeypatch.setattr(EventDataset, "_move", real_move)

    again = EventDataset(str(root), coder_version=VERSION).open()
    assert rows(root) == 4 and not (root / "_staging").exists()
    assert ("2025", "1") in {(p.parent.parent.name[5:], p.parent.name[6:])
                             for p in root.glob("year=*/month=*/*.parquet")}  # fmt: skip
    assert add(again, coded("One.", "2025-01-02")) == (0, 1, 0)  # committed: skipped
    again.close()


def test_crash_before_the_manifest_leaves_nothing(tmp_path, monkeypatch):
    root = tmp_path / "events"
    dataset = EventDataset(str(root), coder_version=VERSION).open()
    add(dataset, coded("One.", None))

    def crash(self, source, target):
        raise SystemExit("killed")

    monkeypatch.setattr(EventDataset, "_move", crash)
    with pytest.raises(SystemExit):
        dataset.commit()
    dataset.close()
    monkeypatch.undo()
    again = EventDataset(str(root), coder_version=VERSION).open()
    assert rows(root) == 0 and not (root / "_staging").exists()
    assert add(again, coded("One.", None)) == (1, 0, 0)  # not committed: coded again
    again.commit()
    assert list(root.glob("year=__HIVE_DEFAULT_PARTITION__/month=*/*.parquet"))
    again.close()


def test_duplicates_failures_and_one_writer(tmp_path):
    root = tmp_path / "events"
    with EventDataset(str(root), coder_version=VERSION) as dataset:
        from flashpoint.ingest.documents import Failure

        one = coded("Same text.", "2025-03-04")
        assert add(dataset, one, one, Failure("bad.txt", "bad.txt is empty")) == (1, 1, 1)
        with pytest.raises(ScaleError, match="another flashpoint batch"):
            EventDataset(str(root), coder_version=VERSION).open()
        dataset.commit()
        with open(dataset.failures_file) as handle:
            lines = handle.read().splitlines()
        assert [json.loads(line)["input"] for line in lines] == ["bad.txt"]
    assert rows(root) == 2


def test_refuses_a_folder_that_is_not_a_dataset(tmp_path):
    (tmp_path / "notes.txt").write_text("mine")
    with pytest.raises(ScaleError, match="not a flashpoint dataset"):
        EventDataset(str(tmp_path), coder_version=VERSION).open()
