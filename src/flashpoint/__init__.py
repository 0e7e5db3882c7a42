"""flashpoint: news in, coded and evidenced political events out.

>>> import flashpoint
>>> events = flashpoint.code("Egypt hosted talks with Qatar on Monday.", date="2025-12-29")
>>> events[0].cameo.code, events[0].source.country
"""

from __future__ import annotations

import gc
from collections.abc import Iterable
from functools import lru_cache

from .coding.coder import CODER_VERSION, Coder
from .errors import (
    AnalysisError,
    BinaryInputError,
    DataFileError,
    DecodeError,
    EmptyInputError,
    FetchError,
    FlashpointError,
    GoldFormatError,
    InputError,
    InputTooLargeError,
    ModelError,
    NotEnglishError,
    ServeError,
    StoreError,
)
from .records import (
    ActorRef,
    Article,
    Attribution,
    CameoCode,
    DateInfo,
    Event,
    Evidence,
    Location,
    PloverCode,
    Span,
)

__version__ = "0.1.0"

__all__ = [
    "CODER_VERSION",
    "ActorRef",
    "AnalysisError",
    "Article",
    "Attribution",
    "BinaryInputError",
    "CameoCode",
    "Coder",
    "DataFileError",
    "DateInfo",
    "DecodeError",
    "EmptyInputError",
    "Event",
    "Evidence",
    "FetchError",
    "FlashpointError",
    "GoldFormatError",
    "InputError",
    "InputTooLargeError",
    "Location",
    "ModelError",
    "NotEnglishError",
    "PloverCode",
    "ServeError",
    "Span",
    "StoreError",
    "__version__",
    "code",
    "code_article",
    "get_coder",
]


@lru_cache(maxsize=4)
def _coder(model: str | None, lexicons: tuple[str, ...]) -> Coder:
    coder = Coder(model, lexicons=lexicons)
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


def get_coder(model: str | None = None, lexicons: Iterable[str] = ()) -> Coder:
    """A shared :class:`Coder` for this model and lexicon set (loaded once per process)."""
    return _coder(model, tuple(lexicons))


def code(
    text: str,
    date: str | None = None,
    *,
    doc_id: str | None = None,
    model: str | None = None,
    lexicons: Iterable[str] = (),
) -> list[Event]:
    """Code one article's plain text; ``date`` (YYYY-MM-DD) is the story date."""
    from .ingest import article_from_text

    article = article_from_text(text, date=date, doc_id=doc_id)
    return get_coder(model, lexicons).code(article)


def code_article(
    article: Article, *, model: str | None = None, lexicons: Iterable[str] = ()
) -> list[Event]:
    return get_coder(model, lexicons).code(article)
