"""Coding engines: one interface, ``code_articles(articles) -> one result per article``.

A result is the article's events, or a :class:`CodingFailure` when the coder raised on it
(see store/isolation.py).  The in-process engine and the process pool both code through the
coder's own ``code_many``, so they give the same events for the same articles; the Ray
adapters (ray_data.py) wrap the same function.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator
from typing import Protocol

from flashpoint.ingest.documents import Document, Failure
from flashpoint.records import Article, Event
from flashpoint.store.isolation import CoderLike, CodingFailure, code_isolated

__all__ = ["Engine", "InProcess", "WorkerPool", "code_documents", "local_engine"]


class Engine(Protocol):
    def code_articles(self, articles: Iterable[Article]) -> Iterator[list[Event] | CodingFailure]:
        """One result per article of ``articles``, in order."""
        ...

    def close(self) -> None: ...


class InProcess:
    """Code in this process with ``coder`` (the ``--workers 1`` engine)."""

    def __init__(self, coder: CoderLike, *, batch_size: int = 16):
        self.coder = coder
        self.batch_size = batch_size

    def code_articles(self, articles: Iterable[Article]) -> Iterator[list[Event] | CodingFailure]:
        return code_isolated(self.coder, articles, batch_size=self.batch_size)

    def close(self) -> None:
        pass


class WorkerPool:
    """What every pool of workers (processes here, Ray actors) is given: how many, and the
    coder each loads once."""

    def __init__(
        self,
        workers: int,
        *,
        model: str | None = None,
        lexicons: Iterable[str] = (),
        batch_size: int = 16,
    ):
        if workers < 0:
            raise ValueError(f"workers must be at least 1, got {workers}")
        self.workers = workers
        self.model = model
        self.lexicons = tuple(lexicons)
        self.batch_size = batch_size

    def __enter__(self) -> WorkerPool:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        pass


def local_engine(
    workers: int = 1,
    *,
    model: str | None = None,
    lexicons: Iterable[str] = (),
    batch_size: int = 16,
) -> Engine:
    """This process's shared coder for one worker, else a pool of ``workers`` processes."""
    if workers <= 1:
        from flashpoint._api import get_coder

        return InProcess(get_coder(model, lexicons), batch_size=batch_size)
    from flashpoint.scale.local import ProcessPool

    return ProcessPool(workers, model=model, lexicons=lexicons, batch_size=batch_size)


def code_documents(
    items: Iterable[Document | Failure], engine: Engine
) -> Iterator[tuple[Document, list[Event]] | Failure]:
    """Each item, in input order: a Document with its events, or a Failure (it could not
    be read, or the coder failed on it)."""
    pending: deque[Document | Failure] = deque()

    def articles() -> Iterator[Article]:
        for item in items:
            pending.append(item)
            if isinstance(item, Document):
                yield item.article

    def drain_failures() -> Iterator[Failure]:
        while pending and isinstance(pending[0], Failure):
            failure = pending.popleft()
            assert isinstance(failure, Failure)
            yield failure

    for result in engine.code_articles(articles()):
        yield from drain_failures()
        document = pending.popleft()
        assert isinstance(document, Document)
        if isinstance(result, CodingFailure):
            yield Failure(document.name, f"{document.name} {result.reason}")
        else:
            yield document, result
    yield from drain_failures()
