"""Frozen records that flow between the stages: Article in, Event out.

They are plain, hashable and picklable (no spaCy or ORM objects inside), so they cross process
boundaries safely.  ``to_dict`` gives the JSON shape documented in docs/event-record.md; field
names there are a public contract that later tooling reads.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass, field
from typing import Any

__all__ = [
    "ActorRef",
    "Article",
    "Attribution",
    "CameoCode",
    "DateInfo",
    "Event",
    "Evidence",
    "Location",
    "PloverCode",
    "Span",
]

MODALITIES = ("asserted", "reported", "negated", "hypothetical", "intended", "historical")
# How precisely an event date is known: the period ``Event.date`` opens.  A coarser or vaguer
# time ("in the 1990s", "in the past") gives no event date at all.
DATE_PRECISIONS = ("day", "week", "month", "year")


@dataclass(frozen=True, slots=True)
class Article:
    """One document to code.  ``text`` is the exact text all offsets refer to."""

    text: str
    doc_id: str
    date: str | None = None  # ISO story date
    title: str | None = None
    url: str | None = None
    source: str | None = None  # path, URL or "-"
    # (start, end) character ranges of ``text`` that are boilerplate and never coded.
    skip_spans: tuple[tuple[int, int], ...] = ()


@dataclass(frozen=True, slots=True)
class Span:
    text: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class ActorRef:
    """A source or target actor: the surface mention and what it resolved to."""

    text: str
    name: str | None = None
    country: str | None = None
    sector: str | None = None
    code: str | None = None
    start: int | None = None
    end: int | None = None
    # how the mention was resolved: dictionary, person, coreference, agent, unresolved,
    # dateline, unidentified, context (country read off the sentence), implicit (see
    # coding.arguments.implicit), location
    resolution: str | None = None
    # which dictionary rows resolved it, "file:line", "+"-joined when a name and a sector noun
    # composed it ("countries.tsv:12+agents.tsv:40"); None when no dictionary entry did
    entry: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True, slots=True)
class Evidence:
    text: str
    start: int
    end: int
    trigger: Span

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True, slots=True)
class CameoCode:
    code: str
    root: str
    name: str


@dataclass(frozen=True, slots=True)
class PloverCode:
    event: str | None
    mode: str | None = None
    context: str | None = None


@dataclass(frozen=True, slots=True)
class Attribution:
    text: str
    source: ActorRef | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "source": self.source.to_dict() if self.source else None}


@dataclass(frozen=True, slots=True)
class DateInfo:
    """How the event date was decided, so a user can audit it."""

    text: str | None  # the date expression, or None when the story date was used
    granularity: str  # day | week | month | year | decade | unknown
    start: str | None  # ISO bounds of the period the expression denotes
    end: str | None
    reason: str  # story-date | explicit | relative | weekday | vague-past | ...


@dataclass(frozen=True, slots=True)
class Location:
    name: str
    country: str | None
    lat: float | None
    lon: float | None
    geonameid: int | None
    text: str | None = None  # the place mention in the document
    feature: str | None = None  # city | admin1 | country
    start: int | None = None
    end: int | None = None


@dataclass(frozen=True, slots=True)
class Event:
    """One coded event: who did what to whom, when, where, on whose word, with evidence."""

    event_id: str
    doc_id: str
    sentence_index: int
    evidence: Evidence
    source: ActorRef
    target: ActorRef | None
    cameo: CameoCode
    plover: PloverCode
    goldstein: float
    quad_class: int
    modality: str
    attribution: Attribution | None
    # The first day of the period the text dates the event to (the story date when the text
    # gives none); None when the text places it in the past without a resolvable date, or
    # nothing dates the story.  ``date_precision`` says how long that period is.
    date: dt.date | None
    date_info: DateInfo
    location: Location | None
    confidence: float
    coder_version: str
    lexicon: str
    pattern: str  # the lexicon pattern that fired, for auditing
    flags: tuple[str, ...] = field(default=())

    @property
    def date_precision(self) -> str | None:
        """day | week | month | year: the period ``date`` opens; None without a date."""
        return self.date_info.granularity if self.date is not None else None

    @property
    def date_end(self) -> dt.date | None:
        """The last day of the period ``date`` opens (``date`` itself for a day)."""
        if self.date is None:
            return None
        return dt.date.fromisoformat(self.date_info.end) if self.date_info.end else self.date

    def to_dict(self) -> dict[str, Any]:
        return {
            "event_id": self.event_id,
            "doc_id": self.doc_id,
            "sentence_index": self.sentence_index,
            "evidence": self.evidence.to_dict(),
            "source": self.source.to_dict(),
            "target": self.target.to_dict() if self.target else None,
            "cameo": asdict(self.cameo),
            "plover": asdict(self.plover),
            "goldstein": self.goldstein,
            "quad_class": self.quad_class,
            "modality": self.modality,
            "attribution": self.attribution.to_dict() if self.attribution else None,
            "date": self.date.isoformat() if self.date else None,
            "date_precision": self.date_precision,
            "date_info": asdict(self.date_info),
            "location": asdict(self.location) if self.location else None,
            "confidence": self.confidence,
            "coder_version": self.coder_version,
            "lexicon": self.lexicon,
            "pattern": self.pattern,
            "flags": list(self.flags),
        }
