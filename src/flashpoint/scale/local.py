"""Parallel coding on one machine: worker processes, one model each, results in input order.

Each worker process loads the coder once (on its first chunk, so a missing model is an
error the caller sees rather than a crash loop) and codes chunks of ``batch_size`` articles
through the same isolated ``code_many`` as a single-process run (store/isolation.py), so
every article is coded exactly as it would be in one process: the coder's output does not
depend on which articles share a batch (tests/scale checks byte-identical output).

Processes are *spawned*, not forked: the parent may hold threads (a progress bar, a database
pool) and a fork copies those in a broken state.  A worker that dies (killed, out of memory,
a crash in native code) breaks the pool: the pool is started again and the chunks that were
in flight are coded again; a chunk caught in two crashes is retried one article at a time,
and an article that still takes its worker down is reported as a failure of that article.
"""

from __future__ import annotations

import multiprocessing
import signal
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from itertools import islice
from typing import Any

from flashpoint.errors import ScaleError
from flashpoint.records import Article, Event
from flashpoint.scale.engines import WorkerPool
from flashpoint.store.isolation import CodingFailure, code_isolated

__all__ = ["ProcessPool"]

Result = list[Event] | CodingFailure

# Chunks queued per worker beyond the one it is coding: enough that a worker never waits for
# the parent, few enough that memory stays flat whatever the input's size.
_QUEUED_PER_WORKER = 2
_CRASHES_BEFORE_SPLIT = 2

_worker_options: tuple[str | None, tuple[str, ...], int] | None = None


def _init_worker(model: str | None, lexicons: tuple[str, ...], batch_size: int) -> None:
    global _worker_options
    # Ctrl-C reaches the whole process group: the parent stops the run, the workers must not
    # each print a traceback of their own.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _worker_options = (model, lexicons, batch_size)


def _code_chunk(articles: Sequence[Article]) -> list[Result]:
    from flashpoint._api import get_coder

    assert _worker_options is not None, "the worker was not initialised"
    model, lexicons, batch_size = _worker_options
    coder = get_coder(model, lexicons)  # loaded once per process, then shared
    return list(code_isolated(coder, articles, batch_size=batch_size))


@dataclass
class _Chunk:
    articles: list[Article]
    crashes: int = 0
    future: Future[list[Result]] | None = None
    results: list[Result] | None = field(default=None)


class ProcessPool(WorkerPool):
    """``workers`` processes coding articles with one coder each; reusable across calls.

    >>> with ProcessPool(2) as pool:
    ...     for events in pool.code_articles(articles):
    ...         ...
    """

    def __init__(self, workers: int, **options: Any):
        if workers < 1:
            raise ValueError(f"workers must be at least 1, got {workers}")
        super().__init__(workers, **options)
        self._executor: ProcessPoolExecutor | None = None
        self._fruitless_starts = 0  # pools in a row that broke before coding anything

    def close(self, *, kill: bool = False) -> None:
        """Stop the workers; ``kill`` ends them at once instead of letting chunks finish."""
        executor, self._executor = self._executor, None
        if executor is None:
            return
        if kill:
            # ProcessPoolExecutor has no public way to end busy workers before Python 3.14.
            for process in list(getattr(executor, "_processes", {}).values()):
                process.kill()
        executor.shutdown(wait=True, cancel_futures=True)

    def _pool(self) -> ProcessPoolExecutor:
        if self._executor is None:
            self._executor = ProcessPoolExecutor(
                self.workers,
                mp_context=multiprocessing.get_context("spawn"),
                initializer=_init_worker,
                initargs=(self.model, self.lexicons, self.batch_size),
            )
        return self._executor

    def _submit(self, chunk: _Chunk) -> _Chunk:
        chunk.future = self._pool().submit(_code_chunk, chunk.articles)
        return chunk

    def code_articles(self, articles: Iterable[Article]) -> Iterator[Result]:
        """One result per article, in order: its events, or a CodingFailure."""
        source = iter(articles)
        window = self.workers * (1 + _QUEUED_PER_WORKER)
        pending: deque[_Chunk] = deque()
        finished = False
        try:
            while True:
                while len(pending) < window:
                    batch = list(islice(source, self.batch_size))
                    if not batch:
                        break
                    pending.append(self._submit(_Chunk(batch)))
                if not pending:
                    break
                head = pending[0]
                if head.results is None:
                    assert head.future is not None
                    try:
                        head.results = head.future.result()
                    except BrokenProcessPool:
                        pending = self._recover(pending)
                        continue
                    self._fruitless_starts = 0
                pending.popleft()
                yield from head.results
            finished = True
        finally:
            if not finished:  # Ctrl-C, an error, or the caller stopped reading
                self.close(kill=True)

    def _recover(self, pending: deque[_Chunk]) -> deque[_Chunk]:
        """A worker died: keep what finished, start a new pool and resubmit the rest."""
        self.close(kill=True)
        for chunk in pending:
            if chunk.results is None and _succeeded(chunk.future):
                assert chunk.future is not None
                chunk.results = chunk.future.result()
        if not any(chunk.results is not None for chunk in pending):
            self._fruitless_starts += 1
        if self._fruitless_starts >= _CRASHES_BEFORE_SPLIT:
            raise ScaleError(
                "the worker processes die before coding anything; if this runs from a "
                'script, put the call under `if __name__ == "__main__":` (worker processes '
                "import the main module), and check the model loads with --workers 1"
            )
        recovered: deque[_Chunk] = deque()
        for chunk in pending:
            if chunk.results is not None:
                recovered.append(chunk)
                continue
            chunk.crashes += 1
            if chunk.crashes < _CRASHES_BEFORE_SPLIT:
                recovered.append(self._submit(_Chunk(chunk.articles, chunk.crashes)))
            elif len(chunk.articles) > 1:
                recovered.extend(self._submit(_Chunk([a], chunk.crashes)) for a in chunk.articles)
            else:
                reason = "the worker process coding it died (killed, out of memory or a crash)"
                failure: list[Result] = [CodingFailure(reason)]
                recovered.append(_Chunk(chunk.articles, chunk.crashes, results=failure))
        return recovered


def _succeeded(future: Future[list[Result]] | None) -> bool:
    return bool(future and future.done() and not future.cancelled() and not future.exception())
