"""flashpoint: news in, coded and evidenced political events out.

>>> import flashpoint
>>> events = flashpoint.code("Egypt hosted talks with Qatar on Monday.", date="2025-12-29")
>>> events[0].cameo.code, events[0].source.country
"""

from ._api import code, code_article, code_many, get_coder
from .coding.assembly.coder import CODER_VERSION, Coder
from .errors import (
    AnalysisError,
    BinaryInputError,
    DataFileError,
    DecodeError,
    DictionaryError,
    EmptyInputError,
    FetchError,
    FilterError,
    FlashpointError,
    GoldFormatError,
    InputError,
    InputTooLargeError,
    ModelError,
    NotEnglishError,
    OutputError,
    ScaleError,
    ServeError,
    StoreError,
)
from .export.read import read_events
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
    "DictionaryError",
    "EmptyInputError",
    "Event",
    "Evidence",
    "FetchError",
    "FilterError",
    "FlashpointError",
    "GoldFormatError",
    "InputError",
    "InputTooLargeError",
    "Location",
    "ModelError",
    "NotEnglishError",
    "OutputError",
    "PloverCode",
    "ScaleError",
    "ServeError",
    "Span",
    "StoreError",
    "__version__",
    "code",
    "code_article",
    "code_many",
    "get_coder",
    "read_events",
]
