"""Look a name up in the bundled actor dictionaries: name -> code, country, sector, roles.

``flashpoint actors search NAME`` and the filters' error messages ("--source Netanyahu")
call :func:`search`; so will the HTTP API.  It reads the same dictionaries the coder uses
(``actors/data``: countries, organisations, people with dated roles), so the code it gives
is the code the coder writes for that actor.

Matching is case-insensitive on every surface form the dictionaries list (names, aliases,
demonyms, capitals, metonyms such as "Kremlin"): exact forms first, then forms starting with
the query's words, then forms containing it.  Generic sector nouns ("police") are not
searched: they are not names.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from flashpoint.actors.kb import ActorKB, Role, load_kb

__all__ = ["GROUP_PREFIXES", "ActorMatch", "group_codes", "group_codes_markdown", "search"]

# Codes of actors without a country: international and non-governmental organisations,
# transnational armed groups, multinational companies.
GROUP_PREFIXES = ("IGO", "NGO", "IMG", "MNC")

_KIND_NAMES = {
    "person": "person", "org": "organization", "country": "country", "capital": "capital",
    "adjective": "demonym", "metonym": "institution",
}  # fmt: skip


@dataclass(frozen=True, slots=True)
class ActorMatch:
    """One dictionary actor a query matched.

    ``code``, ``country`` and ``sector`` are what the coder writes for the actor: for a
    person, on the ``date`` searched for (the role held then; ELI out of office), else in
    their latest role.  ``roles`` are a person's dated roles, oldest first."""

    name: str
    kind: str  # person | organization | country | capital | demonym | institution
    code: str | None
    country: str | None
    sector: str | None
    matched: str  # the dictionary form that matched the query
    roles: tuple[Role, ...] = field(default=())

    def summary(self) -> str:
        """One line: ``Benjamin Netanyahu is ISRGOV (prime minister 2022-12-29–)``."""
        role = self.roles[-1] if self.roles else None
        held = ""
        if role is not None:
            span = f"{_day(role.start)}–{_day(role.end)}" if role.start else ""
            held = f" ({role.role}{' ' + span if span else ''})"
        return f"{self.name} is {self.code or '(no code)'}{held}"

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "kind": self.kind,
            "code": self.code,
            "country": self.country,
            "sector": self.sector,
            "matched": self.matched,
            "roles": [
                {
                    "role": r.role,
                    "country": r.country,
                    "sector": r.sector,
                    "code": (r.country or "") + r.sector,
                    "start": _day(r.start) or None,
                    "end": _day(r.end) or None,
                }
                for r in self.roles
            ],
        }


def _day(value: dt.date | None) -> str:
    return value.isoformat() if value else ""


def _rank(surface: str, query: str) -> int | None:
    """0 exact, 1 a word of the form starts with the query, 2 the form contains it."""
    form = surface.casefold()
    if form == query:
        return 0
    if any(word.startswith(query) for word in form.split()) or form.startswith(query):
        return 1
    if query in form:
        return 2
    return None


def _match(kb: ActorKB, surface: str, day: dt.date | None) -> ActorMatch:
    entry = kb.names[surface]
    if entry.kind != "person":
        return ActorMatch(
            entry.name, _KIND_NAMES[entry.kind], entry.code, entry.country, entry.sector, surface
        )
    name = kb.person_named(surface, day)
    roles = tuple(sorted(kb.roles.get(name, ()), key=lambda r: r.start or dt.date.min))
    status = kb.person_status(name, day)
    country = status.country if status else entry.country
    sector = status.sector if status else None
    code = (country or "") + (sector or "") or None
    return ActorMatch(name, "person", code, country, sector, surface, roles)


def search(
    name: str, *, date: dt.date | str | None = None, limit: int | None = 20
) -> list[ActorMatch]:
    """Dictionary actors whose names match ``name`` (case-insensitive), best first, one per
    actor.  ``date`` (a date or ISO string) codes people by the role they held that day,
    as the coder does for a story of that date.  Raises ``ValueError`` for an empty name or
    a malformed date."""
    query = " ".join(str(name).split()).casefold()
    if not query:
        raise ValueError("give a name to search for")
    day = dt.date.fromisoformat(date) if isinstance(date, str) else date
    kb = load_kb()
    ranked: list[tuple[int, int, str]] = []
    for surface in kb.names:
        rank = _rank(surface, query)
        if rank is not None:
            ranked.append((rank, len(surface), surface))
    ranked.sort()
    matches: list[ActorMatch] = []
    seen: set[tuple[str, str]] = set()
    for _, _, surface in ranked:
        match = _match(kb, surface, day)
        # One row per actor: "Israel", "Israeli" and "Israelis" are one country.
        key = (match.name, "person" if match.kind == "person" else match.code or "")
        if key in seen:
            continue
        seen.add(key)
        matches.append(match)
        if limit is not None and len(matches) >= limit:
            break
    return matches


def group_codes() -> list[tuple[str, str, tuple[str, ...]]]:
    """Every IGO/NGO/IMG/MNC code the dictionaries (and so the coder) can give, with the
    organisation's name and the other names it is found under, sorted by code."""
    kb = load_kb()
    found: dict[str, tuple[str, set[str]]] = {}
    for surface, entry in kb.names.items():
        if entry.kind == "org" and entry.code and entry.code[:3] in GROUP_PREFIXES:
            name, forms = found.setdefault(entry.code, (entry.name, set()))
            if surface != name:
                forms.add(surface)
    return [(code, name, tuple(sorted(forms))) for code, (name, forms) in sorted(found.items())]


def group_codes_markdown() -> str:
    """The table of docs/actor-codes.md."""
    lines = ["| code | organisation | also found as |", "|---|---|---|"]
    for code, name, forms in group_codes():
        lines.append(f"| `{code}` | {name} | {', '.join(forms)} |")
    return "\n".join(lines) + "\n"
