"""PETRARCH validation records (XML): gold (source, target, event code) triples per sentence.

The format of PETRARCH's and TABARI's validation suites (``PETR.UnitTest.records.xml``)::

    <Sentences>
    <Sentence date="20050601" id="TEST-01" category="ACTOR" sentence="true">
    <EventCoding sourcecode="VELGOV" targetcode="QRN" eventcode="042"></EventCoding>
    <Text>The Velorian president visited Quarn.</Text>
    </Sentence>

A record may carry several ``EventCoding`` elements, or ``noevents="True"`` when nothing is
to be coded; ``<Parse>`` trees and the ``<Environment>`` block are ignored (flashpoint parses
the text itself, and the dictionaries come from the command line).  Each record is coded as a
one-sentence story of its date, and scored like PETRARCH's ``require_dyad`` default: an event
counts when both its actors have a code.  Precision, recall and F1 are micro-averaged over the
(source, target, code) triples of all records, with the (source, target) pairs and the event
codes alone as two further views.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path

from ..coding.assembly.coder import Coder
from ..errors import GoldFormatError
from ..ingest import article_from_text
from ..records import Article, Event
from .metrics import Score

__all__ = ["Record", "is_records_file", "read_records", "record_triples", "score_records"]


@dataclass
class Record:
    id: str
    date: str | None  # ISO
    text: str
    triples: set[tuple[str, str, str]] = field(default_factory=set)


def is_records_file(path: str | Path) -> bool:
    return Path(path).suffix.lower() == ".xml"


def _iso(value: str | None, where: str) -> str | None:
    if not value:
        return None
    digits = value.strip()
    if len(digits) != 8 or not digits.isdigit():
        raise GoldFormatError(f"{where}: date {value!r} is not YYYYMMDD")
    return f"{digits[:4]}-{digits[4:6]}-{digits[6:]}"


def read_records(path: str | Path) -> list[Record]:
    path = Path(path)
    try:
        root = ET.parse(path).getroot()
    except ET.ParseError as exc:
        line = exc.position[0] if exc.position else 0
        raise GoldFormatError(f"{path}:{line}: not well-formed XML ({exc.msg})") from exc
    except OSError as exc:
        raise GoldFormatError(f"cannot read {path}: {exc.strerror}") from exc
    records = []
    for number, sentence in enumerate(root.iter("Sentence"), start=1):
        where = f"{path}: record {sentence.get('id') or number}"
        text = " ".join("".join(sentence.findtext("Text") or "").split())
        if not text:
            raise GoldFormatError(f"{where}: no <Text>")
        record = Record(sentence.get("id") or str(number), _iso(sentence.get("date"), where), text)
        for coding in sentence.iter("EventCoding"):
            if (coding.get("noevents") or "").lower() == "true":
                continue
            triple = tuple(
                coding.get(k, "").strip() for k in ("sourcecode", "targetcode", "eventcode")
            )
            if not all(triple):
                raise GoldFormatError(
                    f"{where}: <EventCoding> needs sourcecode, targetcode and eventcode"
                )
            record.triples.add(triple)  # type: ignore[arg-type]
        records.append(record)
    if not records:
        raise GoldFormatError(f"{path}: no <Sentence> records")
    return records


def record_triples(events: list[Event]) -> set[tuple[str, str, str]]:
    return {
        (e.source.code, e.target.code, e.cameo.code)
        for e in events
        if e.source.code and e.target is not None and e.target.code
    }


def _article(record: Record, index: int) -> Article:
    try:
        return article_from_text(record.text, date=record.date, doc_id=f"record-{index}")
    except Exception:  # a record our language check rejects still counts as missed
        return Article(text=record.text, doc_id=f"record-{index}", date=record.date)


def score_records(records: list[Record], coder: Coder) -> tuple[dict[str, Score], int]:
    """Triple, dyad and event-code scores, and how many records got an event."""
    scores = {"triple": Score(), "dyad": Score(), "code": Score()}
    coded = 0
    articles = (_article(r, i) for i, r in enumerate(records))
    for record, events in zip(records, coder.code_many(articles, batch_size=64), strict=True):
        predicted = record_triples(events)
        coded += bool(predicted)
        scores["triple"].add(
            {"|".join(t) for t in predicted}, {"|".join(t) for t in record.triples}
        )
        scores["dyad"].add(
            {f"{s}|{t}" for s, t, _ in predicted}, {f"{s}|{t}" for s, t, _ in record.triples}
        )
        scores["code"].add({c for _, _, c in predicted}, {c for _, _, c in record.triples})
    return scores, coded
