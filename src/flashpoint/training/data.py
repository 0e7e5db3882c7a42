"""Readers for the training data: labelled texts with the character spans of their events.

Three sources, each documented in training/README.md (the data card):

- ``training/data/synthetic/*.jsonl`` — news sentences and short stories the project wrote and
  labelled (one JSON object per sentence; trigger, source and target quoted from the text);
- the **dev** split of the article gold (``gold/articles/gold.jsonl``): real articles, events
  with character offsets (texts read from ``shared/eval/articles``, never copied);
- ``shared/eval/train/un_quad_train.tsv``: UN sentences with a quad label only (MIT).

Everything is turned into :class:`LabelledText`: a text and the trigger spans of its events
with their labels, plus spans whose label is uncertain (acceptable gold events), which
training leaves out rather than teaching either answer.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from ..evaluation.articles import read_article_gold

__all__ = [
    "LabelledSpan",
    "LabelledText",
    "read_article_dev",
    "read_synthetic",
    "read_un_quad",
]


@dataclass(frozen=True, slots=True)
class LabelledSpan:
    start: int
    end: int
    cameo: str
    plover: str | None = None
    modality: str = "asserted"


@dataclass
class LabelledText:
    id: str
    text: str
    source: str  # synthetic | article | un
    events: list[LabelledSpan] = field(default_factory=list)
    uncertain: list[tuple[int, int]] = field(default_factory=list)
    quad: int | None = None  # UN data: 0 none, 1 material conflict, 2 material cooperation,
    # 3 verbal conflict, 4 verbal cooperation (the file's own label order)
    group: str = ""  # records that must fall in the same split (a story, an article)


def _find(text: str, quote: str, occurrence: int) -> int:
    at = -1
    for _ in range(max(occurrence, 1)):
        at = text.find(quote, at + 1)
        if at < 0:
            break
    return at


def read_synthetic(folder: Path) -> Iterator[LabelledText]:
    for path in sorted(folder.glob("*.jsonl")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            record = json.loads(line)
            text = record["text"]
            item = LabelledText(
                id=str(record["id"]),
                text=text,
                source="synthetic",
                group=str(record.get("story") or record["id"]),
            )
            for event in record.get("events", []):
                start = _find(text, event["trigger"], event.get("trigger_occurrence", 1))
                if start < 0:
                    raise ValueError(f"{path}:{number}: trigger {event['trigger']!r} not in text")
                item.events.append(
                    LabelledSpan(
                        start,
                        start + len(event["trigger"]),
                        event["cameo"],
                        event.get("plover_type"),
                        event.get("modality", "asserted"),
                    )
                )
            yield item


def read_article_dev(gold: Path, texts: Path | None = None) -> Iterator[LabelledText]:
    """The dev split of the article gold, one LabelledText per article (never the test split)."""
    for article in read_article_gold(gold, texts, split="dev"):
        item = LabelledText(article.file, article.text, "article", group=article.file)
        for event in article.events:
            span = event.trigger
            if span is None:
                continue
            if event.status == "acceptable":
                item.uncertain.append(span)
            else:
                item.events.append(
                    LabelledSpan(span[0], span[1], event.cameo, event.plover_type, event.modality)
                )
        yield item


def read_un_quad(path: Path) -> Iterator[LabelledText]:
    with path.open(encoding="utf-8") as handle:
        header = handle.readline()
        if not header.lower().startswith("sentence"):
            raise ValueError(f"{path}: expected a 'sentence<TAB>quad' header")
        for number, line in enumerate(handle, 2):
            text, _, label = line.rstrip("\n").rpartition("\t")
            if text and label.strip().isdigit():
                yield LabelledText(
                    f"un-{number}", text, "un", quad=int(label), group=f"un-{number}"
                )
