"""Gold in the training data's own format: labelled sentences and short stories (JSON Lines).

``training/data/synthetic/*.jsonl`` holds one object per sentence — ``text``, ``events``
(trigger, source, target quoted from the text; countries; CAMEO code; PLOVER type),
optionally ``story`` and ``position`` for sentences of one short story.  Scoring it needs no
separate machinery: each sentence, or each story with its sentences joined, becomes a small
article, and the article-level matching rule applies (same sentence, source and target
country, root).  ``split="heldout"`` keeps the project's fixed held-out part
(flashpoint.training.splits), the only part a figure may be reported on.
"""

from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path

from ..errors import GoldFormatError
from .articles import GoldActor, GoldArticle, GoldEvent

__all__ = ["is_sentence_events", "read_sentence_events"]


def _files(path: Path) -> list[Path]:
    return sorted(path.glob("*.jsonl")) if path.is_dir() else [path]


def is_sentence_events(path: Path) -> bool:
    files = _files(path) if path.exists() else []
    if not files or files[0].suffix.lower() != ".jsonl":
        return False
    try:
        with files[0].open(encoding="utf-8") as handle:
            first = json.loads(handle.readline() or "null")
    except (OSError, ValueError):
        return False
    return isinstance(first, dict) and "text" in first and "events" in first


def _find(text: str, quote: str | None, occurrence: int) -> int:
    at = -1
    for _ in range(max(occurrence, 1)):
        at = text.find(quote or "\\0", at + 1)
        if at < 0:
            return -1
    return at


def _actor(event: dict, role: str, offset: int, text: str) -> GoldActor | None:
    quote = event.get(role)
    implicit = bool(event.get(f"{role}_implicit"))
    country = event.get(f"{role}_country")
    if quote is None and not implicit and not country:
        return None
    start = _find(text, quote, event.get(f"{role}_occurrence", 1)) if quote else -1
    span = (offset + start, offset + start + len(quote)) if quote and start >= 0 else None
    return GoldActor(span, implicit, None, country, event.get(f"{role}_sector"), None)


def read_sentence_events(path: str | Path, split: str | None = None) -> list[GoldArticle]:
    """Stories and lone sentences as small gold articles (``split``: heldout or train)."""
    from ..training.splits import synthetic_held_out

    path = Path(path)
    groups: dict[str, list[dict]] = defaultdict(list)
    for file in _files(path):
        for number, line in enumerate(file.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
                group = str(record.get("story") or record["id"])
                record["text"]
            except (ValueError, KeyError, TypeError) as exc:
                raise GoldFormatError(f"{file}:{number}: not a labelled sentence ({exc})") from exc
            if split is not None and synthetic_held_out(group) != (split == "heldout"):
                continue
            groups[group].append(record)
    articles = []
    for group, records in groups.items():
        records.sort(key=lambda r: r.get("position", 0))
        text, events = "", []
        for record in records:
            offset = len(text) + (1 if text else 0)
            text = f"{text} {record['text']}" if text else record["text"]
            sentence = (offset, offset + len(record["text"]))
            for n, event in enumerate(record.get("events", [])):
                start = _find(
                    record["text"], event.get("trigger"), event.get("trigger_occurrence", 1)
                )
                trigger = (
                    (offset + start, offset + start + len(event["trigger"])) if start >= 0 else None
                )
                events.append(
                    GoldEvent(
                        id=f"{record['id']}:{n}",
                        status="gold",
                        sentence=sentence,
                        trigger=trigger,
                        source=_actor(event, "source", offset, record["text"]),
                        target=_actor(event, "target", offset, record["text"]),
                        cameo=str(event["cameo"]),
                        plover_type=event.get("plover_type"),
                        plover_mode=event.get("plover_mode"),
                        modality=event.get("modality", "asserted"),
                        date=None,
                        date_precision="unknown",
                    )
                )
        articles.append(GoldArticle(group, "", split or "", None, "synthetic", events, text))
    return articles
