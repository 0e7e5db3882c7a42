"""``flashpoint dictionaries lookup NAME``: which entry a name finds, and its code on a date.

Searches the dictionaries a coder would use with the same options (the bundled Phoenix set
when no file or set is named) and flashpoint's own, unless only the given ones are kept.
Exact phrases come first, then phrases containing the name's words in order.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from ..actors.lookup import search
from .actors import ActorEntry, Restriction
from .loading import Dictionaries, DictionarySpec, load_dictionaries
from .phrases import phrase_units, plurals, units

__all__ = ["LookupResult", "lookup"]


@dataclass(frozen=True, slots=True)
class LookupResult:
    """One dictionary entry a name matched."""

    name: str
    kind: str  # actor | agent
    phrase: str  # the phrase that matched, as written
    origin: str  # file:line of the entry
    code: str | None  # the code on the date asked about (None: no code then)
    applies: str | None  # the restriction in force ("AFGGOV 2004-12-07–2009-11-19"), with line
    roles: tuple[str, ...] = field(default=())  # every restriction, in file order

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "kind": self.kind,
            "phrase": self.phrase,
            "entry": self.origin,
            "code": self.code,
            "applies": self.applies,
            "roles": list(self.roles),
        }


def _rank(query: tuple[str, ...], words: tuple[str, ...]) -> int | None:
    if words == query or (
        len(words) == len(query) and words[:-1] == query[:-1] and query[-1] in plurals(words[-1])
    ):
        return 0
    n = len(query)
    if any(words[i : i + n] == query for i in range(len(words) - n + 1)):
        return 1
    return None


def _described(restriction: Restriction) -> str:
    return f"{restriction.describe()} (line {restriction.line})"


def _actor(entry: ActorEntry, phrase: str, day: dt.date | None) -> LookupResult:
    current = entry.code_on(day)
    return LookupResult(
        entry.name,
        "actor",
        phrase,
        entry.origin,
        current.code if current else None,
        _described(current) if current else None,
        tuple(_described(r) for r in entry.restrictions),
    )


def lookup(
    name: str,
    *,
    date: dt.date | str | None = None,
    spec: DictionarySpec | None = None,
    limit: int = 20,
) -> list[LookupResult]:
    """Dictionary entries for ``name`` (case-insensitive), best first."""
    query = units(name)
    if not query:
        raise ValueError("give a name to look up")
    day = dt.date.fromisoformat(date) if isinstance(date, str) else date
    if spec is None or not (spec.actors or spec.agents or spec.sets):
        base = spec or DictionarySpec()
        spec = DictionarySpec(base.actors, base.agents, (), (), ("phoenix",), base.only_given)
    dictionaries: Dictionaries | None = load_dictionaries(spec)
    ranked: list[tuple[int, int, int, LookupResult]] = []
    seen: set[str] = set()
    assert dictionaries is not None
    for order, entry in enumerate(reversed(list(dictionaries.actor_entries.values()))):
        for phrase, _line in entry.phrases:
            rank = _rank(query, phrase_units(phrase)[0])
            if rank is not None and entry.origin not in seen:
                seen.add(entry.origin)
                ranked.append((rank, len(phrase), order, _actor(entry, phrase, day)))
    for order, agent in enumerate(dictionaries.agent_entries.values()):
        for form in agent.forms:
            rank = _rank(query, form)
            if rank is not None and agent.origin not in seen:
                seen.add(agent.origin)
                code = ("" if agent.prefix else "~") + agent.code + ("~" if agent.prefix else "")
                result = LookupResult(agent.phrase, "agent", agent.phrase, agent.origin, code, None)
                ranked.append((rank, len(agent.phrase), order, result))
    if not spec.only_given:
        for match in search(name, date=day, limit=limit):
            kb = dictionaries.kb()
            entry = kb.names.get(match.matched)
            origin = entry.origin if entry and entry.origin else "flashpoint"
            roles = tuple(
                f"{(r.country or '') + r.sector} {r.start or ''}–{r.end or ''} ({r.role})"
                for r in match.roles
            )
            rank = 0 if units(match.matched) == query else 1
            result = LookupResult(
                match.name, "actor", match.matched, origin, match.code, None, roles
            )
            ranked.append((rank, len(match.matched), -1, result))
    ranked.sort(key=lambda item: item[:3])
    return [item[3] for item in ranked[:limit]]
