"""After coding: which dictionary entry resolved each actor, PETRARCH codes, paired events.

Runs over a document's events once they are made:

- every actor gets ``entry``: the dictionary rows that resolved it, ``file:line``, joined by
  ``+`` when a name and a sector noun composed it (``countries.tsv:12+agents.tsv:40``);
- an actor resolved by a PETRARCH dictionary gets its code as PETRARCH would give it: the
  record's code in force on the *event's* date (the story's when the event has none), with an
  agent's code after it (``~GOVMED``) or before it (``NGO~``), never twice;
- a pattern with a paired code ``[A:B]`` adds the reverse event, B from target to source (a
  visit and its hosting), and a ``[:B]`` pattern's event is turned round.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import replace

from spacy.tokens import Doc

from ..actors.kb import ActorKB, NameEntry
from ..coding.cameo import cameo_table
from ..nlp.extensions import AGENTS_GROUP, NAMES_GROUP
from ..records import ActorRef, CameoCode, Event, PloverCode
from .bundled import is_bundled
from .codes import split_code
from .loading import Dictionaries

__all__ = ["annotate"]

_ORIGIN = re.compile(r"\(([^()\s]+:\d+)\)")


_FORMER = frozenset("former ex ex- erstwhile retired late".split())


def _former(ref: ActorRef) -> bool:
    return any(word in _FORMER for word in ref.text.lower().split())


def _fits(entry: NameEntry, ref: ActorRef) -> bool:
    if entry.kind == "person":
        return entry.name == ref.name
    if entry.kind == "org":
        return entry.code == ref.code or entry.name == ref.name
    return entry.country is not None and entry.country == ref.country


class _Document:
    def __init__(self, doc: Doc, kb: ActorKB, dictionaries: Dictionaries | None):
        self.kb = kb
        self.dictionaries = dictionaries
        self.names = [(s.start_char, s.end_char, s.kb_id_) for s in doc.spans.get(NAMES_GROUP, [])]
        self.agents = [
            (s.start_char, s.end_char, s.label_, s.kb_id_) for s in doc.spans.get(AGENTS_GROUP, [])
        ]
        # An actor met again as "he" or "the minister" keeps the entry of its named mention.
        self.by_name: dict[str, str] = {}
        for _, _, key in self.names:
            entry = kb.names.get(key)
            if entry is not None and entry.kind in ("person", "org"):
                self.by_name.setdefault(kb.person_named(key, None), key)

    def actor(self, ref: ActorRef | None, day: dt.date | None) -> ActorRef | None:
        if ref is None:
            return None
        name_key = agent_key = None
        if ref.start is not None and ref.end is not None:
            inside = [k for s, e, k in self.names if s >= ref.start and e <= ref.end]
            fitting = [k for k in inside if (n := self.kb.names.get(k)) and _fits(n, ref)]
            name_key = fitting[0] if fitting else None
            if ref.sector:
                agent_key = next(
                    (
                        k
                        for s, e, label, k in self.agents
                        if s >= ref.start and e <= ref.end and label == ref.sector
                    ),
                    None,
                )
        if name_key is None and ref.name and ref.resolution == "coreference":
            name_key = self.by_name.get(ref.name)
        origins = []
        if name_key is not None and (entry := self.kb.names.get(name_key)) and entry.origin:
            origins.append(entry.origin)
        if agent_key is not None:
            try:
                origin = self.kb.agents_by_phrase(agent_key).origin
            except KeyError:
                origin = None
            if origin:
                origins.append(origin)
        if origins:
            ref = replace(ref, entry="+".join(origins))
        return self._petrarch_code(ref, name_key, agent_key, day)

    def _petrarch_code(
        self, ref: ActorRef, name_key: str | None, agent_key: str | None, day: dt.date | None
    ) -> ActorRef:
        if self.dictionaries is None:
            return ref
        record = self.dictionaries.actor_entries.get(name_key) if name_key else None
        agent = self.dictionaries.agent_entries.get(agent_key) if agent_key else None
        if agent is not None and self.kb.agents_by_phrase(agent_key).origin != agent.origin:
            agent = None  # the phrase is flashpoint's own sector noun
        if record is None and agent is None:
            return ref
        if record is not None:
            current = record.code_on(day)
            code = current.code if current else None
            if code is None:
                return replace(ref, code=None, country=None, sector=None)
            own_sector = split_code(code)[1]
            if _former(ref) and own_sector not in (None, "ELI"):
                # "former president Tollaway": out of office whatever the record says
                code = code[:3] + "ELI" if split_code(code)[0] else "ELI"
            elif agent is None and ref.sector and own_sector is None:
                code = code + ref.sector  # a built-in sector noun: "Helmand police"
        else:
            code = ref.country
        if agent is not None:
            code = agent.combine(code)
        country, sector = split_code(code)
        return replace(ref, code=code, country=country, sector=sector)


def _only_bundled(entry: str | None) -> bool:
    return bool(entry) and all(is_bundled(o) for o in entry.split("+"))  # type: ignore[union-attr]


def _bundled_evidence(event: Event) -> Event:
    """An event resting on the bundled set alone is weaker evidence than one resting on
    flashpoint's own or the user's dictionaries: the Phoenix records stopped in 2014 and its
    patterns were written for another parser.  Its actors and pattern earn none of the
    confidence a resolved actor or a lexicon pattern earns (see ``event_confidence``: +0.15
    for a source, +0.10 for a target, a pattern counted at +0.10 here), so it does not become
    its sentence's main event over one flashpoint resolved itself."""
    penalty = 0.0
    if _only_bundled(event.source.entry) and event.source.code:
        penalty += 0.15
    if event.target is not None and _only_bundled(event.target.entry) and event.target.code:
        penalty += 0.10
    found = _ORIGIN.search(event.pattern)
    if found and is_bundled(found.group(1)):
        penalty += 0.10
    if not penalty:
        return event
    return replace(event, confidence=round(min(0.95, max(0.05, event.confidence - penalty)), 2))


def _paired(event: Event, dictionaries: Dictionaries) -> tuple[Event | None, Event | None]:
    """(the event as it stands or None to drop it, a reverse event or None)."""
    found = _ORIGIN.search(event.pattern)
    code = dictionaries.paired.get(found.group(1)) if found else None
    if code is None:
        return event, None
    if code.forward is None:
        if event.cameo.code != code.reverse:
            return event, None
        if event.target is None:
            return None, None  # "[:B]" says who had B done to them: without a target, nobody
        return replace(event, source=event.target, target=event.source), None
    if event.cameo.code != code.forward or event.target is None or not event.target.code:
        return event, None
    entry = cameo_table()[code.reverse]
    key = f"{event.event_id}|paired|{code.reverse}".encode()
    reverse = replace(
        event,
        event_id="fp-" + hashlib.sha1(key).hexdigest()[:20],
        source=event.target,
        target=event.source,
        cameo=CameoCode(entry.code, entry.code[:2], entry.name),
        plover=PloverCode(entry.plover_event, entry.plover_mode, entry.plover_context),
        goldstein=entry.goldstein,
        quad_class=entry.quad_class,
        pattern=f"{event.pattern} reversed:{code.reverse}",
        flags=(*event.flags, "paired"),
    )
    return event, reverse


def annotate(
    events: list[Event],
    doc: Doc,
    story: dt.date | None,
    kb: ActorKB,
    dictionaries: Dictionaries | None,
) -> list[Event]:
    """The events with actor provenance and, for dictionary entries, PETRARCH's codes."""
    if not events:
        return events
    document = _Document(doc, kb, dictionaries)
    out: list[Event] = []
    for event in events:
        day = event.date or story
        source = document.actor(event.source, day)
        target = document.actor(event.target, day)
        if source is not event.source or target is not event.target:
            event = replace(event, source=source, target=target)  # type: ignore[arg-type]
        if dictionaries is not None and dictionaries.added:
            event = _bundled_evidence(event)
        reverse = None
        if dictionaries is not None and dictionaries.paired:
            event, reverse = _paired(event, dictionaries)  # type: ignore[assignment]
        if event is not None:
            out.append(event)
        if reverse is not None and not any(_same(reverse, e) for e in [*events, *out]):
            out.append(reverse)
    return out


def _same(a: Event, b: Event | None) -> bool:
    if b is None:
        return False
    return (
        a.sentence_index == b.sentence_index
        and a.cameo.code == b.cameo.code
        and a.source.code == b.source.code
        and (a.target.code if a.target else None) == (b.target.code if b.target else None)
    )
