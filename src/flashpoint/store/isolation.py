"""Code a stream of articles so that an article the coder crashes on fails alone.

``nlp.pipe`` codes articles in batches; an exception inside it ends the whole generator,
taking the batch with it, and a rerun would crash at the same article again, so the articles
after it could never be stored.  Known causes are refused at the ingest gate (size, encoding,
dates, see docs/reliability.md); this is the net under whatever is not known yet: the
articles in flight are coded again one at a time, the one that still fails is reported by
name with the error, and the stream resumes with the next batch.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Protocol

from flashpoint.records import Article, Event

__all__ = ["CoderLike", "CodingFailure", "code_isolated"]


class CoderLike(Protocol):
    def code_many(
        self, articles: Iterable[Article], batch_size: int = ...
    ) -> Iterator[list[Event]]: ...


@dataclass(frozen=True, slots=True)
class CodingFailure:
    """The coder raised on this article (a flashpoint bug: please report it)."""

    error: str  # "ExceptionType: first line of its message"

    @property
    def reason(self) -> str:
        return f"could not be coded ({self.error}); please report it"


class _SourceFailed(Exception):
    """The article stream itself raised: not the coder's fault, so not isolated."""


def code_isolated(
    coder: CoderLike, articles: Iterable[Article], batch_size: int = 16
) -> Iterator[list[Event] | CodingFailure]:
    """One item per article of ``articles``, in order: its events, or a CodingFailure."""
    source = iter(articles)
    in_flight: deque[Article] = deque()

    def feed() -> Iterator[Article]:
        while True:
            try:
                article = next(source)
            except StopIteration:
                return
            except Exception as exc:
                raise _SourceFailed from exc
            in_flight.append(article)
            yield article

    while True:
        try:
            for events in coder.code_many(feed(), batch_size=batch_size):
                in_flight.popleft()
                yield events
            return
        except _SourceFailed as exc:
            raise exc.__cause__ from None  # type: ignore[misc]
        except (MemoryError, RecursionError):
            raise  # the process itself is in trouble: stop rather than limp on
        except Exception:
            stuck = list(in_flight)
            in_flight.clear()
            for article in stuck:
                yield _code_one(coder, article)


def _code_one(coder: CoderLike, article: Article) -> list[Event] | CodingFailure:
    try:
        return next(iter(coder.code_many([article], batch_size=1)))
    except (MemoryError, RecursionError):
        raise
    except Exception as exc:
        lines = str(exc).strip().splitlines()
        detail = f"{type(exc).__name__}: {lines[0][:200]}" if lines else type(exc).__name__
        return CodingFailure(detail)
