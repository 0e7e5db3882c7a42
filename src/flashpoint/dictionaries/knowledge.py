"""The actor knowledge base with dictionary entries added: what a tagged span resolves to.

flashpoint's resolver (``actors/resolve.py``) reads a mention's :class:`NameEntry` by the
span's ``kb_id`` and a person's status on the story date from the knowledge base.  Dictionary
actors join it under their own keys (``file:line``), so the resolver composes them like its own
entries ("Helmand police": a Phoenix place plus a sector noun), and a dated PETRARCH record is
a person whose status is the code in force that day.  Built-in entries are kept as they are.
"""

from __future__ import annotations

import datetime as dt

from ..actors.kb import ActorKB, Agent, NameEntry, PersonStatus
from .actors import ActorEntry
from .agents import AgentEntry
from .codes import split_code

__all__ = ["DictionaryKB", "agent_record", "name_entry"]


def name_entry(entry: ActorEntry, base: ActorKB) -> NameEntry:
    """How the resolver sees a dictionary actor: a country (a bare country code), a person
    (dated codes) or an organisation (anything else)."""
    current = entry.code_on(None)
    code = current.code if current else None
    country, sector = split_code(code)
    if entry.dated:
        kind = "person"
    elif code and country and sector is None and len(code) == 3:
        kind = "country"
    else:
        kind = "org"
    name = entry.name
    if kind == "country" and country and base.country_name(country):
        name = base.country_name(country) or name
    return NameEntry(kind, name, country, sector, code, entry.origin)


class DictionaryKB(ActorKB):
    """The built-in knowledge base plus dictionary actors and agents.

    ``people`` are the dated dictionary records by the name the resolver asks about; those
    of ``preferred`` sources (a user's files) win over a built-in person of the same name,
    bundled ones (Phoenix) give way to it.
    """

    def __init__(
        self,
        base: ActorKB,
        names: dict[str, NameEntry],
        agents: dict[tuple[str, ...], Agent],
        people: dict[str, tuple[ActorEntry, bool]],
        *,
        replace_names: bool = False,
        replace_agents: bool = False,
    ):
        merged_names = dict(names) if replace_names else {**base.names, **names}
        merged_agents = dict(agents) if replace_agents else {**base.agents, **agents}
        super().__init__(
            merged_names,
            merged_agents,
            {} if replace_names else base.roles,
            version=base.version + "+dictionaries",
        )
        self.shared = {} if replace_names else base.shared
        self._base = base
        self._people = people
        self._keys = names

    def country_name(self, iso3: str) -> str | None:
        return self._base.country_name(iso3)

    def _dictionary_person(self, name: str) -> ActorEntry | None:
        found = self._people.get(name)
        if found is None:
            return None
        entry, preferred = found
        if not preferred and name in self.roles:
            return None  # flashpoint's own, maintained roles beat a bundled record
        return entry

    def person_named(self, surface: str, day: dt.date | None) -> str:
        entry = self._keys.get(surface)
        if entry is not None:
            return entry.name
        return super().person_named(surface, day)

    def person_status(self, name: str, day: dt.date | None) -> PersonStatus | None:
        entry = self._dictionary_person(name)
        if entry is None:
            return super().person_status(name, day)
        current = entry.code_on(day)
        country, sector = split_code(current.code if current else None)
        # PETRARCH codes what the record says on that day; a sector-less code is the country.
        return PersonStatus(country, sector, None, bool(current and current.dated))  # type: ignore[arg-type]


def agent_record(entry: AgentEntry, base: ActorKB, key: str) -> Agent:
    """The resolver's view of a dictionary agent: its sector, and whether it names a person
    (taken from a built-in agent of the same phrase, so "he" can refer back to it)."""
    try:
        person = base.agents_by_phrase(key).person
    except KeyError:
        person = False
    return Agent(key, entry.sector, person, entry.origin)
