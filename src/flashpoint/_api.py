"""The coding entry points re-exported by ``flashpoint``: one shared coder per process."""

from __future__ import annotations

import datetime as dt
import gc
from collections.abc import Iterable
from functools import lru_cache

from .coding.assembly.coder import Coder
from .dictionaries import DictionarySpec, dictionary_spec
from .records import Article, Event

__all__ = ["code", "code_article", "get_coder"]


@lru_cache(maxsize=4)
def _coder(
    model: str | None, lexicons: tuple[str, ...], dictionaries: DictionarySpec | None = None
) -> Coder:
    coder = Coder(model, lexicons=lexicons, dictionaries=dictionaries)
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
) -> Coder:
    """A shared :class:`Coder` for this model, lexicon and dictionary set (loaded once per
    process).

    ``actors``, ``agents``, ``verbs`` and ``discards`` are PETRARCH/TABARI dictionary files;
    ``dictionaries`` names bundled sets (``"phoenix"``).  They are added to flashpoint's own
    dictionaries; ``bundled=False`` keeps only the given ones for each kind given (None: the
    ``only_given_dictionaries`` setting).  See docs/dictionaries.md.
    """
    spec = dictionary_spec(actors, agents, verbs, discards, dictionaries, bundled=bundled)
    return _coder(model, tuple(lexicons), spec)


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
