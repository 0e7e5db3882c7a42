"""Ray adapters: coding on a Ray cluster (or a local Ray instance), one model per worker.

- :class:`Coder` is the callable class for ``Dataset.map_batches``: Ray Data makes one actor
  per worker, the actor loads the coder once in ``__init__`` (never a model pickled from
  the driver), and each batch of article rows streams through the coder's ``code_many``
  and comes back as plain Arrow event rows (rows.py)::

      ds = ray.data.read_json("corpus/*.jsonl")
      events = ds.map_batches(flashpoint.ray.Coder, compute=ActorPoolStrategy(size=8),
                              batch_size=16, batch_format="pyarrow")

- :func:`ray_batches` is the ``flashpoint batch --engine ray`` pipeline: input files are read
  by Ray tasks (each shard on whichever node runs it), coded by a pool of such actors, and
  streamed to the driver as (status rows, event rows) for the dataset writer.
- :class:`RayPool` codes articles the driver sends, in order, on Ray actors: the engine of
  ``flashpoint ingest --engine ray``, where the driver writes the event store.

A worker killed mid-batch is restarted by Ray and its batch run again; the driver receives
each batch's rows once, and the dataset writer drops an input it already has, so the output
holds every input exactly once.
"""

from __future__ import annotations

import os
import pickle
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from itertools import islice
from typing import TYPE_CHECKING, Any

from flashpoint.errors import ScaleError
from flashpoint.ingest.documents import Document, Failure
from flashpoint.records import Article, Event
from flashpoint.scale.engines import WorkerPool
from flashpoint.scale.sources import Input
from flashpoint.store.isolation import CodingFailure

if TYPE_CHECKING:
    from flashpoint.scale.batch import RunOptions

__all__ = ["Coder", "RayPool", "cluster_cpus", "ray_batches", "start_ray"]


def _ray() -> Any:
    try:
        import ray
    except ImportError:
        raise ScaleError(
            "the Ray engine needs Ray: pip install 'flashpoint[ray]' (or use --engine local)"
        ) from None
    return ray


def start_ray(address: str | None = None, workers: int | None = None) -> Any:
    """Connect to the cluster at ``address`` (``ray://head:10001``, ``auto``), or start a
    local Ray instance with ``workers`` CPUs; reuse Ray if this process already started it.
    The driver's FLASHPOINT_* settings go to every worker, so all code alike."""
    ray = _ray()
    if ray.is_initialized():
        return ray
    settings = {k: v for k, v in os.environ.items() if k.startswith("FLASHPOINT_")}
    options: dict[str, Any] = {
        "runtime_env": {"env_vars": settings} if settings else None,
        "include_dashboard": False,
        "log_to_driver": False,
        "configure_logging": False,
    }
    if address:
        options["address"] = address
    else:
        # A new instance of our own, never one someone else started on this machine.
        options["address"] = "local"
        if workers:
            options["num_cpus"] = workers
    try:
        ray.init(**options)
    except (ConnectionError, RuntimeError, ValueError) as exc:
        where = address or "a local Ray instance"
        raise ScaleError(f"cannot start or reach {where}: {exc}") from None
    return ray


def cluster_cpus() -> int:
    """The CPUs of the Ray cluster this process is connected to."""
    return max(1, int(_ray().cluster_resources().get("CPU", 1)))


def _show_progress(show: bool) -> None:
    import logging

    context = _ray().data.DataContext.get_current()
    context.enable_progress_bars = show
    # Without a terminal Ray Data logs its progress instead of drawing it.
    logging.getLogger("ray.data").setLevel(logging.INFO if show else logging.WARNING)


def _actor_pool(workers: int) -> Any:
    ray = _ray()
    return ray.data.ActorPoolStrategy(size=max(1, workers))


class _Coding:
    """The per-worker state every Ray adapter shares: the coder, loaded once."""

    def __init__(self, model: str | None, lexicons: Sequence[str], batch_size: int):
        from flashpoint._api import get_coder
        from flashpoint.scale.engines import InProcess

        self.engine = InProcess(get_coder(model, lexicons), batch_size=batch_size)

    def code(self, items: Iterable[Document | Failure]) -> list[Any]:
        from flashpoint.scale.engines import code_documents

        return list(code_documents(items, self.engine))


class Coder(_Coding):
    """Callable class for ``ray.data.Dataset.map_batches``: article rows in, event rows out.

    Input rows hold ``text`` and optionally ``url``, ``title``, ``date`` (the story date),
    ``publisher`` and ``input`` (a name for messages), the JSON Lines article fields.  Output
    rows are the batch dataset's event columns (docs/scale.md), as a pyarrow Table.  An
    article that cannot be coded (empty, not English) is left out with a warning in the
    worker's log.
    """

    def __init__(
        self,
        model: str | None = None,
        lexicons: Sequence[str] = (),
        *,
        date: str | None = None,
        batch_size: int = 16,
    ):
        super().__init__(model, lexicons, batch_size)
        self.date = date

    def __call__(self, batch: Any) -> Any:
        import logging

        from flashpoint.errors import InputError
        from flashpoint.ingest.jsonl import record_document
        from flashpoint.scale.rows import event_table

        items: list[Document | Failure] = []
        for index, row in enumerate(_rows(batch)):
            name = str(row.get("input") or f"row {index}")
            try:
                items.append(record_document(row, name, self.date))
            except InputError as exc:
                items.append(Failure(name, str(exc)))
        coded = []
        for outcome in self.code(items):
            if isinstance(outcome, Failure):
                logging.getLogger("flashpoint").warning("skipped %s", outcome.reason)
            else:
                coded.append(outcome)
        return event_table(coded)


def _rows(batch: Any) -> list[dict[str, Any]]:
    """A map_batches batch (pyarrow Table, pandas DataFrame or dict of arrays) as rows."""
    if hasattr(batch, "to_pylist"):
        return list(batch.to_pylist())
    if hasattr(batch, "to_dict"):
        return list(batch.to_dict("records"))
    names = list(batch)
    return [dict(zip(names, values, strict=True)) for values in zip(*batch.values(), strict=True)]


# ---- flashpoint batch --engine ray ----------------------------------------------------------


def _read(row: dict[str, Any], date: str | None, fetch_links: bool) -> list[dict[str, Any]]:
    """flat_map: one input file -> one row per article (or failure) in it."""
    from flashpoint.scale.sources import read_input

    item = Input(row["uri"], bool(row["walked"]))
    return [
        {"item": pickle.dumps(found, protocol=pickle.HIGHEST_PROTOCOL)}
        for found in read_input(item, date=date, fetch_links=fetch_links)
    ]


class _BatchCoder(_Coding):
    """map_batches: pickled Documents in; one row out per batch holding its status rows and
    event rows as Arrow IPC streams (the driver's dataset writer splits them)."""

    def __init__(
        self,
        model: str | None,
        lexicons: Sequence[str],
        batch_size: int,
        seen: Any,
    ):
        super().__init__(model, lexicons, batch_size)
        self.seen = seen

    def __call__(self, batch: Any) -> dict[str, list[bytes]]:
        from flashpoint.scale.rows import event_table, status_table, unseen

        skipped: list[tuple[Document, None]] = []
        found = (pickle.loads(blob) for blob in batch["item"].to_pylist())
        outcomes = self.code(list(unseen(found, self.seen, skipped)))
        coded = [o for o in outcomes if not isinstance(o, Failure)]
        return {
            "statuses": [_ipc(status_table([*skipped, *outcomes]))],
            "events": [_ipc(event_table(coded))],
        }


def _ipc(table: Any) -> bytes:
    import pyarrow as pa

    sink = pa.BufferOutputStream()
    with pa.ipc.new_stream(sink, table.schema) as writer:
        writer.write_table(table)
    return bytes(sink.getvalue().to_pybytes())


def _from_ipc(data: bytes) -> Any:
    import pyarrow as pa

    return pa.ipc.open_stream(data).read_all()


def _read_tasks(files: int, batch_size: int, readers: int) -> int:
    """Blocks of input files: one per ``batch_size`` files, and at least one per reader
    (a few large JSON Lines or Parquet shards are then read side by side)."""
    return max(1, -(-files // max(1, batch_size)), min(files, readers))


def _readers(workers: int) -> int:
    """Concurrent read tasks for ``workers`` coding actors.  A reader given a batch of
    files per task delivers ~60-80 articles/s (a coding actor codes ~13) and is a process
    with flashpoint imported (~300 MB): one per four actors."""
    return max(1, -(-workers // 4))


def ray_batches(inputs: list[Input], seen: Any, options: RunOptions) -> Iterator[tuple[Any, Any]]:
    """(status rows, event rows) of every input, coded on Ray, as batches finish;
    ``options.workers`` 0 means one actor per CPU of the cluster."""
    ray = start_ray(options.address, options.workers)
    workers = options.workers or cluster_cpus()
    if options.progress is not None:
        _show_progress(options.progress)
    if not inputs:
        return
    # Reading takes no CPU in the scheduler's books (the coding actors hold one each, and a
    # read task waiting for a free CPU would wait for ever on a cluster they fill), so its
    # parallelism is bounded here instead (_readers).  And a read task gets a batch of files:
    # Ray Data's scheduler notices a finished task only on its next round, and while coding
    # tasks run a round lasts its 0.1 s wait, so a read task costs ~0.2 s however small.
    # With a file or two per task a reader delivered ~10 articles/s, less than one coding
    # actor, and the second actor of a 2-worker run sat idle (benchmarks/scale.py).
    readers = _readers(workers)
    files = ray.data.from_items(
        [{"uri": i.uri, "walked": i.walked} for i in inputs],
        override_num_blocks=_read_tasks(len(inputs), options.batch_size, readers),
    )
    articles = files.flat_map(
        _read,
        fn_kwargs={"date": options.date, "fetch_links": options.fetch_links},
        num_cpus=0,
        compute=ray.data.TaskPoolStrategy(size=readers),
    )
    coded = articles.map_batches(
        _BatchCoder,
        fn_constructor_kwargs={"model": options.model, "lexicons": options.lexicons,
                               "batch_size": options.batch_size, "seen": seen},
        compute=_actor_pool(workers),
        batch_size=options.batch_size,
        batch_format="pyarrow",
        num_cpus=1,
    )  # fmt: skip
    for result in coded.iter_batches(batch_size=None, batch_format="pyarrow"):
        for statuses, events in zip(
            result["statuses"].to_pylist(), result["events"].to_pylist(), strict=True
        ):
            yield _from_ipc(statuses), _from_ipc(events)


# ---- flashpoint ingest --engine ray ---------------------------------------------------------


class _Worker(_Coding):
    """A Ray actor holding one coder (created with max_restarts, so Ray replaces it)."""

    def code_articles(self, articles: list[Article]) -> list[list[Event] | CodingFailure]:
        return list(self.engine.code_articles(articles))


class RayPool(WorkerPool):
    """``workers`` Ray actors (0: one per CPU of the cluster) coding the articles the
    driver sends, results in input order.  Ray restarts an actor that dies and runs its
    chunk again (max_task_retries)."""

    def __init__(self, workers: int, *, address: str | None = None, **options: Any):
        super().__init__(workers, **options)
        self.address = address
        self._actors: list[Any] = []

    def _start(self) -> list[Any]:
        if not self._actors:
            ray = start_ray(self.address, self.workers)
            self.workers = self.workers or cluster_cpus()
            remote = ray.remote(num_cpus=1, max_restarts=-1, max_task_retries=-1)(_Worker)
            self._actors = [
                remote.remote(self.model, self.lexicons, self.batch_size)
                for _ in range(self.workers)
            ]
        return self._actors

    def code_articles(self, articles: Iterable[Article]) -> Iterator[list[Event] | CodingFailure]:
        ray = _ray()
        actors = self._start()
        source = iter(articles)
        pending: deque[Any] = deque()
        window = 3 * len(actors)
        turn = 0
        while True:
            while len(pending) < window:
                chunk = list(islice(source, self.batch_size))
                if not chunk:
                    break
                pending.append(actors[turn % len(actors)].code_articles.remote(chunk))
                turn += 1
            if not pending:
                return
            yield from ray.get(pending.popleft())

    def close(self) -> None:
        if self._actors:
            ray = _ray()
            for actor in self._actors:
                ray.kill(actor)
            self._actors = []
