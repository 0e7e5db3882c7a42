"""Ray, on a local instance (ray.init(num_cpus=2), no network): the batch dataset and the
store get exactly the single-process events, even when a Ray worker is killed mid-run."""

from __future__ import annotations

import json
import os
import signal
from pathlib import Path

import pytest
from click.testing import CliRunner

from flashpoint.cli import cli
from flashpoint.scale.batch import run_batch
from tests.conftest import EXAMPLES
from tests.scale.corpus import FAILING, store_dump
from tests.scale.test_local import data_files, dataset_records, manifest_files

ray = pytest.importorskip("ray")
pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def local_ray():
    ray.init(address="local", num_cpus=2, include_dashboard=False, log_to_driver=False,
             configure_logging=False)  # fmt: skip
    ray.data.DataContext.get_current().enable_progress_bars = False
    yield ray
    ray.shutdown()


def _descends_from_me(pid: int) -> bool:
    for _ in range(6):
        try:
            stat = Path(f"/proc/{pid}/stat").read_text()
        except OSError:
            return False
        pid = int(stat.rsplit(")", 1)[1].split()[1])
        if pid == os.getpid():
            return True
    return False


def _ray_workers(prefix: bytes) -> list[int]:
    """PIDs of this test's Ray worker processes whose title starts with ``prefix``."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                title = (entry / "cmdline").read_bytes()
            except OSError:
                continue
            if title.startswith(prefix) and _descends_from_me(int(entry.name)):
                found.append(int(entry.name))
    return found


def test_ray_batch_is_the_single_process_output_after_a_worker_is_killed(
    scale_corpus, local_ray, tmp_path
):
    corpus, expected = scale_corpus
    out = tmp_path / "events"
    killed: list[int] = []

    def kill_one_coder(count: int) -> None:
        if not killed:
            workers = _ray_workers(b"ray::MapWorker")
            assert workers, "no Ray coding actor found"
            os.kill(workers[0], signal.SIGKILL)
            killed.append(workers[0])

    summary = run_batch(
        [str(corpus)], str(out), engine="ray", workers=2, commit_every=60,
        on_progress=kill_one_coder,
    )  # fmt: skip
    assert killed
    assert summary.failed == FAILING and summary.skipped == 1
    assert dataset_records(out) == expected  # complete, no duplicates, byte-identical
    assert set(data_files(out)) == manifest_files(out)


def test_map_batches_recipe(local_ray):
    import flashpoint
    import flashpoint.ray

    texts = [(EXAMPLES / f"{stem}.txt").read_text() for stem in ("diplomacy", "protest")]
    rows = [{"text": t, "date": "2025-12-29", "input": f"item{i}"} for i, t in enumerate(texts)]
    events = ray.data.from_items(rows).map_batches(
        flashpoint.ray.Coder,
        compute=ray.data.ActorPoolStrategy(size=1),
        batch_size=8,
        batch_format="pyarrow",
    )
    got = sorted(row["record"] for row in events.take_all())
    want = sorted(
        json.dumps(e.to_dict(), ensure_ascii=False)
        for found in flashpoint.code_many(texts, date="2025-12-29")
        for e in found
    )
    assert got == want != []


def test_ingest_on_ray_stores_what_one_process_stores(local_ray, tmp_path):
    sources = [str(EXAMPLES), str(EXAMPLES / "diplomacy.txt")]  # a duplicate: skipped
    runner = CliRunner()
    dumps = []
    for engine in ("local", "ray"):
        db = str(tmp_path / f"{engine}.db")
        args = ["ingest", *sources, "--db", db, "--date", "2025-12-29", "--engine", engine]
        result = runner.invoke(cli, [*args, "--workers", "2"] if engine == "ray" else args)
        assert result.exit_code == 0, result.output
        assert "1 skipped" in result.output
        dumps.append(store_dump(db))
    assert dumps[0] == dumps[1] and dumps[0]["events"]


def test_read_tasks_carry_a_batch_of_files_each():
    # Ray Data sees a finished task only on its next scheduling round (~0.1 s while coding
    # tasks run): read tasks of a file or two starved the coding actors, and the second of
    # two sat idle.  A read task must carry a coding batch's worth of single-article files.
    from flashpoint.scale.ray_data import _read_tasks, _readers

    assert _read_tasks(240, 16, _readers(2)) == 15
    assert _read_tasks(241, 16, _readers(2)) == 16
    assert _read_tasks(3, 16, _readers(2)) == 1
    # A few large shards are still read side by side, one per reader.
    assert _readers(8) == 2
    assert _read_tasks(4, 16, _readers(8)) == 2
    assert _readers(1) == 1
