"""``flashpoint batch``: inputs in, a Parquet dataset of events out, on any engine.

The driver (this process) is the one writer of the dataset (dataset.py): the engines only
code.  ``local`` reads the inputs here and codes them in worker processes; ``ray`` reads and
codes on a Ray cluster (ray_data.py) and streams plain Arrow rows back.  Either way every
input ends up in the manifest once, in the failures file, or skipped as coded by an earlier
run; the dataset is committed every ``commit_every`` inputs, so an interrupted run keeps
what it committed and the next run codes only the rest.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from itertools import islice
from typing import Any

from flashpoint.ingest.documents import Document, Failure
from flashpoint.scale.dataset import EventDataset
from flashpoint.scale.sources import Input, list_inputs, read_inputs

__all__ = ["BatchSummary", "run_batch"]

ENGINES = ("local", "ray")


@dataclass
class BatchSummary:
    output: str
    run_id: str
    coded: int = 0
    skipped: int = 0
    failed: int = 0
    events: int = 0
    files: int = 0
    seconds: float = 0.0
    failures_file: str | None = None

    @property
    def inputs(self) -> int:
        return self.coded + self.skipped + self.failed

    def line(self) -> str:
        rate = self.inputs / self.seconds if self.seconds > 0 else 0.0
        return (
            f"{self.inputs} articles: {self.coded} coded, {self.skipped} skipped (already in "
            f"the dataset), {self.failed} failed; {self.events} events in {self.files} new "
            f"files; {self.seconds:.1f} s ({rate:.1f} articles/s)"
        )


Progress = Callable[[int], None]


@dataclass(frozen=True)
class RunOptions:
    """How a batch reads and codes, whichever engine runs it."""

    date: str | None = None
    fetch_links: bool = False
    model: str | None = None
    lexicons: tuple[str, ...] = ()
    batch_size: int = 16
    workers: int = 1  # 0 with Ray: one per CPU of the cluster
    address: str | None = None
    progress: bool | None = None


def run_batch(
    sources: Sequence[str],
    output: str,
    *,
    engine: str = "local",
    workers: int = 1,
    address: str | None = None,
    date: str | None = None,
    fetch_links: bool = False,
    model: str | None = None,
    lexicons: Sequence[str] = (),
    batch_size: int = 16,
    commit_every: int = 10_000,
    on_progress: Progress | None = None,
    progress: bool | None = None,
) -> BatchSummary:
    """Code every input of ``sources`` not yet in the dataset at ``output`` and append its
    events; ``on_progress(n)`` is called as n more inputs are done.  ``workers`` 0 with the
    Ray engine means one per CPU of the cluster; ``progress`` turns Ray's own progress
    bars on or off (None: Ray's default)."""
    from flashpoint import CODER_VERSION
    from flashpoint.ingest.article import check_date

    if engine not in ENGINES:
        raise ValueError(f"engine must be one of {', '.join(ENGINES)}, not {engine!r}")
    check_date(date)
    inputs = list_inputs(sources)
    started = time.perf_counter()
    options = RunOptions(date, fetch_links, model, tuple(lexicons), batch_size, workers,
                         address, progress)  # fmt: skip
    with EventDataset(output, coder_version=CODER_VERSION) as dataset:
        summary = BatchSummary(output, dataset.run_id, failures_file=None)
        if engine == "ray":
            from flashpoint.scale.ray_data import ray_batches

            batches = ray_batches(inputs, dataset.seen, options)
        else:
            batches = _local_batches(inputs, dataset, options)
        try:
            for statuses, events in batches:
                coded, skipped, failed = dataset.add(statuses, events)
                summary.coded += coded
                summary.skipped += skipped
                summary.failed += failed
                if dataset.pending_inputs >= commit_every:
                    dataset.commit()
                if on_progress is not None:
                    on_progress(coded + skipped + failed)
            dataset.commit()
        except BaseException:  # Ctrl-C, a lost cluster: keep only whole commits
            dataset.abort()
            raise
        finally:
            close = getattr(batches, "close", None)
            if close is not None:
                close()
        summary.events = dataset.summary.events
        summary.files = len(dataset.summary.files)
        if dataset.failures:
            summary.failures_file = dataset.failures_file
    summary.seconds = time.perf_counter() - started
    return summary


def _local_batches(
    inputs: list[Input], dataset: EventDataset, options: RunOptions
) -> Iterator[tuple[Any, Any]]:
    """Read here, skip what the dataset holds, code in worker processes; yields
    (status rows, event rows) per ``batch_size`` inputs."""
    from flashpoint.scale.engines import code_documents, local_engine
    from flashpoint.scale.rows import event_table, status_table, unseen

    skipped: list[tuple[Document, None]] = []
    items = read_inputs(inputs, date=options.date, fetch_links=options.fetch_links)
    engine = local_engine(max(1, options.workers), model=options.model,
                          lexicons=options.lexicons, batch_size=options.batch_size)  # fmt: skip
    try:
        outcomes = code_documents(unseen(items, dataset.seen, skipped), engine)
        while chunk := list(islice(outcomes, options.batch_size)):
            coded = [o for o in chunk if not isinstance(o, Failure)]
            statuses = status_table([*skipped, *chunk])
            skipped.clear()
            yield statuses, event_table(coded)
        if skipped:
            yield status_table(skipped), event_table([])
    finally:
        engine.close()
