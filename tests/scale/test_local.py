"""Worker processes on one machine give exactly the single-process events, in order, and the
batch dataset holds every input once, whatever stops or repeats a run."""

from __future__ import annotations

import hashlib
import json
import os
import signal
from pathlib import Path

import pyarrow.dataset as pads
import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner

from flashpoint.cli import cli
from flashpoint.scale.batch import run_batch
from tests.conftest import EXAMPLES
from tests.scale.corpus import FAILING, store_dump

pytestmark = pytest.mark.slow


def dataset_records(out: Path) -> list[str]:
    table = pads.dataset(out, format="parquet", partitioning="hive").to_table(columns=["record"])
    return sorted(table["record"].to_pylist())


def data_files(out: Path) -> dict[str, str]:
    """Committed event files -> SHA-256 of their bytes."""
    return {
        str(p.relative_to(out)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in out.rglob("*.parquet")
        if not any(part.startswith("_") for part in p.relative_to(out).parts)
    }


def manifest_files(out: Path) -> set[str]:
    listed: set[str] = set()
    for manifest in (out / "_manifest").glob("*.parquet"):
        listed |= set(json.loads(pq.read_schema(manifest).metadata[b"files"]))
    return listed


def _spawned_workers() -> list[int]:
    """PIDs of this process's spawned multiprocessing children."""
    pids = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
            cmdline = (entry / "cmdline").read_bytes()
        except OSError:
            continue
        ppid = int(stat.rsplit(")", 1)[1].split()[1])
        if ppid == os.getpid() and b"spawn_main" in cmdline:
            pids.append(int(entry.name))
    return pids


def test_two_worker_processes_code_as_one_even_when_a_worker_is_killed(scale_corpus):
    import flashpoint
    from flashpoint.ingest.documents import Document
    from flashpoint.scale.sources import list_inputs, read_inputs

    corpus, _ = scale_corpus
    articles = [
        item.article
        for item in read_inputs(list_inputs([str(corpus)]))
        if isinstance(item, Document)
    ]
    one = [[e.to_dict() for e in events] for events in flashpoint.code_many(articles)]
    two = []
    killed = False
    for events in flashpoint.code_many(articles, workers=2, batch_size=8):
        two.append([e.to_dict() for e in events])
        if not killed:
            workers = _spawned_workers()
            assert len(workers) == 2
            os.kill(workers[0], signal.SIGKILL)  # its chunks in flight are coded again
            killed = True
    assert json.dumps(two) == json.dumps(one)
    assert len(one) == len(articles) > 250


def test_batch_local_same_events_for_one_and_two_workers_rerun_and_append(scale_corpus, tmp_path):
    corpus, expected = scale_corpus
    out = tmp_path / "events"
    first = run_batch([str(corpus)], str(out), workers=2, commit_every=50)
    assert first.failed == FAILING and first.skipped == 1  # the copied file
    assert dataset_records(out) == expected
    failures = [json.loads(line) for line in Path(first.failures_file).read_text().splitlines()]
    assert {Path(f["input"]).name for f in failures} >= {"french.txt", "empty.txt", "binary.txt"}
    assert set(data_files(out)) == manifest_files(out)
    years = {p.parts[0] for p in map(Path, data_files(out))}
    assert {"year=2024", "year=2025", "year=__HIVE_DEFAULT_PARTITION__"} <= years

    single = tmp_path / "single"
    run_batch([str(corpus)], str(single), workers=1)
    assert dataset_records(single) == expected

    before = data_files(out)
    again = run_batch([str(corpus)], str(out), workers=1)
    assert (again.coded, again.events, again.files) == (0, 0, 0)
    assert again.skipped == first.coded + first.skipped
    assert data_files(out) == before

    extra = tmp_path / "extra"
    extra.mkdir()
    (extra / "new.txt").write_text("Japan hosted talks with India on Monday, officials said.")
    added = run_batch([str(extra)], str(out), date="2023-02-01")
    assert added.coded == 1 and added.files == 1
    after = data_files(out)
    assert {k: after[k] for k in before} == before  # old partitions untouched
    assert len(after) == len(before) + 1


def test_interrupted_batch_keeps_whole_commits_and_resumes(scale_corpus, tmp_path):
    corpus, expected = scale_corpus
    out = tmp_path / "events"
    done = 0

    def interrupt(count: int) -> None:
        nonlocal done
        done += count
        if done >= 90:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        run_batch([str(corpus)], str(out), commit_every=40, on_progress=interrupt)
    assert not (out / "_staging").exists()
    assert set(data_files(out)) == manifest_files(out) != set()
    partial = dataset_records(out)
    assert len(partial) == len(set(partial)) and set(partial) < set(expected)

    resumed = run_batch([str(corpus)], str(out))
    assert resumed.skipped > 40
    assert dataset_records(out) == expected


def test_ingest_with_two_workers_stores_what_one_stores(scale_corpus, tmp_path):
    corpus, _ = scale_corpus
    # The long stories, the shard, the bad inputs and a third of the short articles: enough
    # clusters across articles, at a third of the cost.
    shorts = sorted(str(p) for p in (corpus / "short").glob("*.txt"))[::3]
    sources = [str(corpus / "long"), str(corpus / "wire.jsonl"), str(corpus / "bad"), *shorts]
    runner = CliRunner()
    dumps = []
    for workers in ("1", "2"):
        db = str(tmp_path / f"w{workers}.db")
        result = runner.invoke(cli, ["ingest", *sources, "--db", db, "--workers", workers])
        assert result.exit_code == 1, result.output  # the failing inputs
        assert f"{FAILING} failed" in result.output
        dumps.append(store_dump(db))
    assert dumps[0] == dumps[1]
    clustered = [c for c in dumps[0]["clusters"] if c.num_articles > 1]
    assert len(dumps[0]["articles"]) > 100 and len(clustered) > 10


def test_code_many_inputs_in_one_stream(tmp_path):
    runner = CliRunner()
    french = tmp_path / "french.txt"
    french.write_text(
        "Le gouvernement français a annoncé lundi de nouvelles mesures pour soutenir les "
        "agriculteurs touchés par la sécheresse, selon un communiqué officiel."
    )
    files = [str(EXAMPLES / "diplomacy.txt"), str(french), str(EXAMPLES / "protest.txt")]
    result = runner.invoke(cli, ["code", *files, "--date", "2025-12-29"])
    assert result.exit_code == 1
    assert f"skipped {french}" in result.stderr and "1 of 3 inputs failed" in result.stderr
    records = [json.loads(line) for line in result.stdout.splitlines()]
    for path in (files[0], files[2]):
        alone = runner.invoke(cli, ["code", path, "--date", "2025-12-29"])
        mine = [{k: v for k, v in r.items() if k != "input"} for r in records if r["input"] == path]
        assert mine == [json.loads(line) for line in alone.stdout.splitlines()] != []
    assert [r["input"] for r in records] == sorted((r["input"] for r in records), key=files.index)
    tsv = runner.invoke(cli, ["code", *files, "--date", "2025-12-29", "--format", "tsv"])
    header, *rows = tsv.stdout.splitlines()
    assert header.startswith("input\tevent_id") and len(rows) == len(records)
    doc_id = runner.invoke(cli, ["code", *files, "--doc-id", "x"])
    assert doc_id.exit_code == 2 and "--doc-id" in doc_id.output
