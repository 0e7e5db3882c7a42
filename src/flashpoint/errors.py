"""The flashpoint exception tree.

Every error a user can cause derives from :class:`FlashpointError`; the CLI catches that one
class and prints its message as a single line.  Messages say what went wrong *and* what to do.

    FlashpointError
    ├── InputError            bad or unreadable input
    │   ├── EmptyInputError
    │   ├── BinaryInputError
    │   ├── DecodeError
    │   ├── InputTooLargeError
    │   ├── NotEnglishError
    │   └── FetchError        a URL the user asked for could not be fetched
    ├── ModelError            the spaCy model is missing or unusable
    ├── DataFileError         a lexicon / actor / gold file is malformed
    │   └── DictionaryError   a PETRARCH/TABARI dictionary file: every problem, file and line
    ├── GoldFormatError       an evaluation file is not in a known gold format
    ├── StoreError            the event database cannot be opened, migrated or written
    ├── ScaleError            a parallel or distributed run cannot start or go on (Ray
    │                         missing, a cluster unreachable, workers that cannot start, an
    │                         output dataset that is not flashpoint's)
    ├── OutputError           an output file cannot or must not be written (it is the event
    │                         store, a file of another kind, or in a missing folder)
    ├── ServeError            `flashpoint serve` cannot start as asked (no API key for a
    │                         public address, an unreadable key file)
    └── AnalysisError         an analysis or export request cannot be met (unknown country
        │                     code, nothing matches the filters, a bad option value)
        └── FilterError       a filter value that cannot match (also a ValueError)
"""

from __future__ import annotations

__all__ = [
    "AnalysisError",
    "BinaryInputError",
    "DataFileError",
    "DecodeError",
    "DictionaryError",
    "EmptyInputError",
    "FetchError",
    "FilterError",
    "FlashpointError",
    "GoldFormatError",
    "InputError",
    "InputTooLargeError",
    "ModelError",
    "NotEnglishError",
    "OutputError",
    "ScaleError",
    "ServeError",
    "StoreError",
]


class FlashpointError(Exception):
    """Base class for every error flashpoint raises on purpose."""


class InputError(FlashpointError):
    """The input document cannot be coded."""


class EmptyInputError(InputError):
    pass


class BinaryInputError(InputError):
    pass


class DecodeError(InputError):
    pass


class InputTooLargeError(InputError):
    pass


class NotEnglishError(InputError):
    pass


class FetchError(InputError):
    pass


class ModelError(FlashpointError):
    pass


class DataFileError(FlashpointError):
    pass


class DictionaryError(DataFileError):
    """A dictionary file cannot be used as written.  ``problems`` lists every error found
    (``flashpoint.dictionaries.Problem``: source, line, message); the message shows the
    first ones as ``file:line: problem``."""

    def __init__(self, problems: list) -> None:  # type: ignore[type-arg]
        self.problems = problems
        shown = "; ".join(str(p) for p in problems[:3])
        more = len(problems) - 3
        if more > 0:
            first = problems[0].source
            shown += f" (and {more} more; `flashpoint dictionaries check {first}` lists them all)"
        super().__init__(shown)


class GoldFormatError(FlashpointError):
    pass


class StoreError(FlashpointError):
    """The event database cannot be opened, migrated or written."""


class ScaleError(FlashpointError):
    """A parallel or distributed run cannot start or go on (see docs/scale.md)."""


class OutputError(FlashpointError):
    """An output file cannot or must not be written (see flashpoint.export.destination)."""


class ServeError(FlashpointError):
    """``flashpoint serve`` cannot start as asked (an API key is missing or unreadable)."""


class AnalysisError(FlashpointError):
    """An aggregate, plot or export cannot be made as asked (bad actor code, no events)."""


class FilterError(AnalysisError, ValueError):
    """A filter value that can match no event (an unknown modality, sector, PLOVER type,
    country or CAMEO code).  Also a ``ValueError``; the CLI reports it as a usage error."""
