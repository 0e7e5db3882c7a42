"""Cut an article's text into pieces marked with the coded events' triggers and actors.

The article view shows the exact stored text with every mention's trigger, source and target
highlighted.  Spans may overlap (an actor of one event is the trigger's neighbour in
another), so the text is cut at every span boundary and each piece carries the kinds and
event numbers covering it.  The pieces are plain text: the template escapes them, so an
article's markup is shown, never interpreted.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

__all__ = ["Piece", "mention_spans", "pieces"]

KINDS = ("trigger", "source", "target")


@dataclass(frozen=True, slots=True)
class Piece:
    text: str
    kinds: tuple[str, ...]  # trigger / source / target, in that order
    events: tuple[int, ...]  # numbers of the events whose spans cover this piece
    marks: tuple[int, ...]  # events whose trigger starts here (a link to the event's card)


def mention_spans(number: int, record: dict[str, Any]) -> list[tuple[int, int, str, int]]:
    """(start, end, kind, event number) of one mention's trigger, source and target."""
    spans = []
    trigger = (record.get("evidence") or {}).get("trigger") or {}
    if trigger.get("start") is not None:
        spans.append((trigger["start"], trigger["end"], "trigger", number))
    for kind in ("source", "target"):
        actor = record.get(kind) or {}
        if actor.get("start") is not None and actor.get("end") is not None:
            spans.append((actor["start"], actor["end"], kind, number))
    return spans


def pieces(text: str, events: Sequence[Iterable[dict[str, Any]]]) -> list[Piece]:
    """``text`` cut at the spans of ``events`` (each event: its mentions' records; event
    numbers start at 1).  Spans outside the text are ignored."""
    spans = [
        (start, end, kind, number)
        for number, mentions in enumerate(events, start=1)
        for record in mentions
        for start, end, kind, number in mention_spans(number, record)
        if 0 <= start < end <= len(text)
    ]
    cuts = sorted({0, len(text), *(s for s, *_ in spans), *(e for _, e, *_ in spans)})
    marks: dict[int, list[int]] = {}
    for start, _end, kind, number in spans:
        if kind == "trigger" and number not in marks.get(start, []):
            marks.setdefault(start, []).append(number)
    out = []
    for left, right in itertools.pairwise(cuts):
        covering = [(kind, number) for s, e, kind, number in spans if s <= left and right <= e]
        kinds = tuple(k for k in KINDS if any(kind == k for kind, _ in covering))
        numbers = tuple(sorted({number for _, number in covering}))
        out.append(Piece(text[left:right], kinds, numbers, tuple(sorted(marks.get(left, [])))))
    return out
