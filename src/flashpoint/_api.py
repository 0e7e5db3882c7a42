"""The coding entry points re-exported by ``flashpoint``: one shared coder per process."""

from __future__ import annotations

import datetime as dt
import gc
import logging
from collections import deque
from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import Literal

from .coding.assembly.coder import Coder
from .dictionaries import DictionarySpec, dictionary_spec
from .records import Article, Event

__all__ = ["code", "code_article", "code_many", "get_coder"]

_log = logging.getLogger("flashpoint")


@lru_cache(maxsize=4)
def _coder(
    model: str | None,
    lexicons: tuple[str, ...],
    event_model: str,
    dictionaries: DictionarySpec | None = None,
) -> Coder:
    coder = Coder(model, lexicons=lexicons, event_model=event_model, dictionaries=dictionaries)
    # The model, lexicon, dictionaries and gazetteer are ~270,000 objects that live as long as
    # the process.  Every full garbage collection while coding would re-scan them all (~5% of
    # coding time): freezing moves everything alive now out of the collector's view.  The
    # gazetteer is loaded first for that reason (almost every article looks up a place; left
    # to the first lookup, its ~150,000 objects stayed in view: one full collection of 75 ms
    # every ~60 articles).
    coder.load_gazetteer()
    gc.collect()
    gc.freeze()
    return coder


def get_coder(
    model: str | None = None,
    lexicons: Iterable[str] = (),
    *,
    actors: Iterable[str] = (),
    agents: Iterable[str] = (),
    verbs: Iterable[str] = (),
    discards: Iterable[str] = (),
    dictionaries: Iterable[str] = (),
    bundled: bool | None = None,
    event_model: str | None = None,
) -> Coder:
    """A shared :class:`Coder` for this model, lexicon and dictionary set (loaded once per
    process).

    ``actors``, ``agents``, ``verbs`` and ``discards`` are PETRARCH/TABARI dictionary files;
    ``dictionaries`` names bundled sets (``"phoenix"``).  They are added to flashpoint's own
    dictionaries; ``bundled=False`` keeps only the given ones for each kind given (None: the
    ``only_given_dictionaries`` setting).  See docs/dictionaries.md.

    ``event_model``: "1" the shipped learned event model, "0" rules only, or a model file;
    default: the ``event_model`` setting (FLASHPOINT_EVENT_MODEL).  See docs/model-card.md.
    """
    from .settings import get_setting

    spec = dictionary_spec(actors, agents, verbs, discards, dictionaries, bundled=bundled)
    return _coder(model, tuple(lexicons), event_model or get_setting("event_model"), spec)


def code(
    text: str,
    date: str | dt.date | None = None,
    *,
    doc_id: str | None = None,
    model: str | None = None,
    lexicons: Iterable[str] = (),
) -> list[Event]:
    """Code one article's plain text.  ``date`` (a ``datetime.date``/``datetime`` or an ISO
    string YYYY-MM-DD) is the story date; without it, a dated dateline gives it."""
    from .ingest import article_from_text
    from .ingest.dateline import date_from_dateline

    if not isinstance(text, str):
        raise TypeError(
            f"flashpoint.code() takes the article's text as a str, not {type(text).__name__}; "
            "read files with flashpoint.ingest.read_source() or open(...).read()"
        )
    article = date_from_dateline(article_from_text(text, date=date, doc_id=doc_id))
    return get_coder(model, lexicons).code(article)


def code_article(
    article: Article, *, model: str | None = None, lexicons: Iterable[str] = ()
) -> list[Event]:
    """Code an :class:`Article` (from :mod:`flashpoint.ingest`), keeping its metadata."""
    if not isinstance(article, Article):
        raise TypeError(f"code_article() takes a flashpoint.Article, not {type(article).__name__}")
    return get_coder(model, lexicons).code(article)


def code_many(
    items: Iterable[str | Article],
    *,
    date: str | None = None,
    workers: int = 1,
    model: str | None = None,
    lexicons: Iterable[str] = (),
    batch_size: int = 16,
    errors: Literal["raise", "skip"] = "raise",
) -> Iterator[list[Event]]:
    """Code many articles: one list of events per item, in order, streaming.

    ``items`` are plain texts (their story date is ``date``) or :class:`Article` records.
    ``workers`` > 1 codes in that many processes, each loading the model once; the events
    are the same as with one.  An item that cannot be coded (empty, not English, a coder
    error) raises its :class:`InputError` with ``errors="raise"``; with ``errors="skip"`` it
    gives an empty list and a warning naming its position, and the run goes on.
    """
    from .errors import InputError
    from .ingest import article_from_text
    from .ingest.article import check_date
    from .scale import local_engine
    from .store.isolation import CodingFailure

    if errors not in ("raise", "skip"):
        raise ValueError(f"errors must be 'raise' or 'skip', not {errors!r}")
    if not isinstance(workers, int) or workers < 1:
        raise ValueError(f"workers must be a whole number from 1, not {workers!r}")
    check_date(date)
    failed: dict[int, str] = {}  # position -> reason, for items refused before coding
    positions: deque[int] = deque()  # position of each article sent to the coder, in order

    def articles() -> Iterator[Article]:
        for position, item in enumerate(items):
            if isinstance(item, Article):
                article = item
            elif isinstance(item, str):
                try:
                    article = article_from_text(item, date=date, source=f"item {position}")
                except InputError as exc:
                    if errors == "raise":
                        raise
                    failed[position] = str(exc)
                    continue
            else:
                raise TypeError(
                    f"code_many() takes texts (str) or flashpoint.Article records; item "
                    f"{position} is a {type(item).__name__}"
                )
            positions.append(position)
            yield article

    def skipped(position: int, reason: str) -> list[Event]:
        _log.warning("%s; skipped", reason)
        return []

    engine = local_engine(workers, model=model, lexicons=lexicons, batch_size=batch_size)
    try:
        done = 0  # items answered so far
        for result in engine.code_articles(articles()):
            position = positions.popleft()
            while done < position:  # items refused before coding come out in their place
                yield skipped(done, failed.pop(done))
                done += 1
            if isinstance(result, CodingFailure):
                if errors == "raise":
                    raise InputError(f"item {position} {result.reason}")
                yield skipped(position, f"item {position} {result.reason}")
            else:
                yield result
            done += 1
        for position in sorted(failed):
            yield skipped(position, failed[position])
    finally:
        engine.close()
