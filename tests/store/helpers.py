"""Hand-built events and documents, so store tests need no spaCy model."""

from __future__ import annotations

import datetime as dt
import hashlib

from flashpoint.ingest.documents import Document
from flashpoint.records import (
    ActorRef,
    Article,
    CameoCode,
    DateInfo,
    Event,
    Evidence,
    Location,
    PloverCode,
    Span,
)

OLD_VERSION = "flashpoint-coder/0.0.1"
VERSION = "flashpoint-coder/0.1.0"


def actor(code: str | None, country: str | None = None, name: str | None = None) -> ActorRef:
    return ActorRef(
        text=name or code or "someone",
        name=name or code,
        country=country if country is not None else (code[:3] if code else None),
        sector=code[3:6] if code and len(code) > 3 else None,
        code=code,
        start=0,
        end=5,
        resolution="dictionary",
    )


def place(name: str, country: str, feature: str = "city") -> Location:
    return Location(name=name, country=country, lat=1.0, lon=2.0, geonameid=None, feature=feature)


def event(
    doc_id: str = "doc-1",
    *,
    source: str | None = "USAGOV",
    target: str | None = "ISRGOV",
    code: str = "190",
    date: str | None = "2025-12-29",
    date_info: DateInfo | None = None,
    modality: str = "asserted",
    location: Location | None = None,
    sentence: int = 0,
    confidence: float = 0.8,
    version: str = VERSION,
    goldstein: float = -10.0,
    quad_class: int = 4,
    plover: str | None = None,
) -> Event:
    start = sentence * 100
    key = f"{doc_id}|{sentence}|{source}|{target}|{code}|{date}|{modality}"
    return Event(
        event_id="fp-" + hashlib.sha1(key.encode()).hexdigest()[:20],
        doc_id=doc_id,
        sentence_index=sentence,
        evidence=Evidence("Sentence.", start, start + 90, Span("struck", start + 10, start + 16)),
        source=actor(source),
        target=actor(target) if target else None,
        cameo=CameoCode(code, code[:2], "name"),
        plover=PloverCode(plover or ("ASSAULT" if code.startswith("19") else None)),
        goldstein=goldstein,
        quad_class=quad_class,
        modality=modality,
        attribution=None,
        date=dt.date.fromisoformat(date) if date else None,
        date_info=date_info or DateInfo(None, "day", date, date, "explicit"),
        location=location,
        confidence=confidence,
        coder_version=version,
        lexicon="test",
        pattern="test",
    )


def document(
    text: str,
    *,
    url: str | None = None,
    publisher: str | None = None,
    date: str | None = "2025-12-29",
    locator: str | None = None,
) -> Document:
    article = Article(text=text, doc_id="doc-" + hashlib.sha1(text.encode()).hexdigest()[:16],
                      date=date, url=url, source="test")  # fmt: skip
    return Document(
        article=article,
        name="test",
        publisher=publisher,
        date_source="option",
        locator=locator or url,
    )
