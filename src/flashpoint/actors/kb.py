"""The actor knowledge base, loaded from the TSV files in ``actors/data``.

- countries.tsv      iso3, name, aliases, adjectives, capitals, metonyms ("Kremlin:GOV")
- organizations.tsv  code, name, aliases, country, sector
- people.tsv         name, aliases, country, sector, role, start, end   (one row per term)
- agents.tsv         phrase, sector, person                             (sector nouns)

Proper names are matched case-sensitively ("US" the country, never "us" the pronoun); agent
nouns are matched on lemmas ("officials" -> official).  People carry dated roles, resolved
against the story date, never the date the coder runs: a president is GOV only in office.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from importlib import resources

from ..errors import DataFileError

__all__ = [
    "COUNTRY_NAME_KINDS",
    "GROUP_PREFIXES",
    "ActorKB",
    "Agent",
    "NameEntry",
    "Role",
    "load_kb",
]

# Name kinds that stand for a country: its name, demonym, capital or an institution of it.
COUNTRY_NAME_KINDS = frozenset({"country", "adjective", "capital", "metonym"})
# Actor-code prefixes of international and transnational actors, which have no country.
GROUP_PREFIXES = ("IGO", "NGO", "IMG", "MNC")

# When one surface form appears in several files, the more specific reading wins.
_KIND_PRIORITY = {"person": 0, "org": 1, "metonym": 2, "country": 3, "capital": 4, "adjective": 5}


@dataclass(frozen=True, slots=True)
class NameEntry:
    """What a proper-name mention denotes."""

    kind: str  # person | org | metonym | country | capital | adjective
    name: str  # canonical name (the person, organisation or country)
    country: str | None
    sector: str | None
    code: str | None
    origin: str | None = None  # "file:line" of the dictionary row, for provenance


@dataclass(frozen=True, slots=True)
class Role:
    name: str
    country: str | None
    sector: str
    role: str
    start: date | None
    end: date | None

    def holds_on(self, day: date) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)


@dataclass(frozen=True, slots=True)
class Agent:
    phrase: str
    sector: str
    person: bool
    origin: str | None = None  # "file:line" of the dictionary row


@dataclass(frozen=True, slots=True)
class PersonStatus:
    country: str | None
    sector: str  # the role's sector in office; ELI outside any term
    role: str | None
    in_office: bool


class ActorKB:
    def __init__(
        self,
        names: dict[str, NameEntry],
        agents: dict[tuple[str, ...], Agent],
        roles: dict[str, list[Role]],
        version: str,
    ):
        self.names = names
        self.agents = agents
        self.roles = roles
        self.version = version
        # Surnames two office holders share ("Bush", "Clinton"): every person behind them.
        self.shared: dict[str, list[str]] = {}
        # Institution names other countries' bodies bear too ("Senate"): phrase -> {iso3:
        # sector} of those countries (countries.tsv, shared_institutions).
        self.shared_institutions: dict[str, dict[str, str]] = {}
        self._by_office: dict[tuple[str | None, str], list[Role]] = defaultdict(list)
        for person_roles in roles.values():
            for role in person_roles:
                self._by_office[(role.country, role.role)].append(role)
        self.max_agent_len = max((len(k) for k in agents), default=1)
        self._agent_by_phrase = {a.phrase: a for a in agents.values()}
        self._country_names = {
            e.country: e.name for e in names.values() if e.kind == "country" and e.country
        }

    def country_name(self, iso3: str) -> str | None:
        return self._country_names.get(iso3)

    def agents_by_phrase(self, phrase: str) -> Agent:
        return self._agent_by_phrase[phrase]

    def person_status(self, name: str, day: date | None) -> PersonStatus | None:
        """A person's affiliation on ``day``: the role held then, else ELI for their country."""
        roles = self.roles.get(name)
        if not roles:
            return None
        if day is not None:
            for role in roles:
                if role.holds_on(day):
                    return PersonStatus(role.country, role.sector, role.role, True)
        # Out of office (or no date to check): an elite of the country of their latest role.
        latest = max(roles, key=lambda r: r.start or date.min)
        if day is None:
            return PersonStatus(latest.country, latest.sector, latest.role, False)
        return PersonStatus(latest.country, "ELI", None, False)

    def person_named(self, surface: str, day: date | None) -> str:
        """The person a name denotes on ``day``: for a shared surname ("Bush" in 1991 or in
        2003), whoever held office then, else the latest to have taken office before it."""
        entry = self.names[surface]
        people = self.shared.get(surface)
        if not people or day is None:
            return entry.name
        in_office = [p for p in people if any(r.holds_on(day) for r in self.roles.get(p, ()))]
        if in_office:
            return in_office[0]
        started = {
            p: max(
                (r.start for r in self.roles.get(p, ()) if r.start and r.start <= day), default=None
            )
            for p in people
        }
        known = [p for p in people if started[p] is not None]
        return max(known, key=lambda p: started[p]) if known else entry.name

    def office_holder(self, country: str | None, role: str, day: date | None) -> Role | None:
        """Who held ``role`` for ``country`` on ``day`` ("the Israeli prime minister")."""
        if day is None:
            return None
        for candidate in self._by_office.get((country, role), ()):
            if candidate.holds_on(day):
                return candidate
        return None

    def roles_named(self, role: str) -> bool:
        return any(r == role for (_, r) in self._by_office)


def _data(name: str) -> str:
    return resources.files("flashpoint.actors").joinpath(f"data/{name}").read_text("utf-8")


def _tsv(name: str) -> Iterator[tuple[int, dict[str, str]]]:
    lines = [
        (number, line)
        for number, line in enumerate(_data(name).splitlines(), start=1)
        if line.strip() and not line.startswith("#")
    ]
    if not lines:
        return
    header = lines[0][1].split("\t")
    for number, line in lines[1:]:
        fields = line.split("\t")
        if len(fields) < len(header):
            fields += [""] * (len(header) - len(fields))
        yield number, {key: value.strip() for key, value in zip(header, fields, strict=False)}


def _split(value: str) -> list[str]:
    return [v.strip() for v in value.split("|") if v.strip()]


def _parse_day(value: str, where: str) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        raise DataFileError(f"{where}: bad date {value!r} (want YYYY-MM-DD)") from exc


def _add(names: dict[str, NameEntry], surface: str, entry: NameEntry) -> None:
    current = names.get(surface)
    if current is None or _KIND_PRIORITY[entry.kind] < _KIND_PRIORITY[current.kind]:
        names[surface] = entry


@lru_cache(maxsize=1)
def load_kb() -> ActorKB:
    names: dict[str, NameEntry] = {}
    institutions: dict[str, dict[str, str]] = defaultdict(dict)
    for number, row in _tsv("countries.tsv"):
        iso3, name = row["iso3"], row["name"]
        at = f"countries.tsv:{number}"
        if len(iso3) != 3:
            raise DataFileError(f"countries.tsv:{number}: bad iso3 {iso3!r}")
        for surface in [name, *_split(row.get("aliases", ""))]:
            _add(names, surface, NameEntry("country", name, iso3, None, iso3, at))
        for surface in _split(row.get("adjectives", "")):
            _add(names, surface, NameEntry("adjective", name, iso3, None, iso3, at))
        for surface in _split(row.get("capitals", "")):
            # A capital used as an actor stands for the government ("Tehran rejected ...").
            _add(names, surface, NameEntry("capital", name, iso3, "GOV", iso3 + "GOV", at))
        for item in _split(row.get("metonyms", "")):
            phrase, _, sector = item.rpartition(":")
            if not phrase or not sector:
                raise DataFileError(
                    f"countries.tsv:{number}: metonym {item!r} is not Phrase:SECTOR"
                )
            _add(names, phrase, NameEntry("metonym", phrase, iso3, sector, iso3 + sector, at))
        for item in _split(row.get("shared_institutions", "")):
            phrase, _, sector = item.rpartition(":")
            if not phrase or not sector:
                raise DataFileError(
                    f"countries.tsv:{number}: shared institution {item!r} is not Phrase:SECTOR"
                )
            institutions[phrase][iso3] = sector

    for number, row in _tsv("organizations.tsv"):
        code = row["code"]
        if not code or len(code) % 3:
            raise DataFileError(f"organizations.tsv:{number}: bad actor code {code!r}")
        entry = NameEntry(
            "org",
            row["name"],
            row.get("country") or None,
            row["sector"],
            code,
            f"organizations.tsv:{number}",
        )
        for surface in [row["name"], *_split(row.get("aliases", ""))]:
            _add(names, surface, entry)

    roles: dict[str, list[Role]] = defaultdict(list)
    shared: dict[str, list[str]] = defaultdict(list)
    for number, row in _tsv("people.tsv"):
        where = f"people.tsv:{number}"
        role = Role(
            name=row["name"],
            country=row.get("country") or None,
            sector=row["sector"],
            role=row["role"].lower(),
            start=_parse_day(row.get("start", ""), where),
            end=_parse_day(row.get("end", ""), where),
        )
        roles[role.name].append(role)
        entry = NameEntry("person", role.name, role.country, None, None, where)
        for surface in [role.name, *_split(row.get("aliases", ""))]:
            if role.name not in shared[surface]:
                shared[surface].append(role.name)
            _add(names, surface, entry)

    agents: dict[tuple[str, ...], Agent] = {}
    for number, row in _tsv("agents.tsv"):
        phrase = row["phrase"].lower()
        if not phrase or not row.get("sector"):
            raise DataFileError(f"agents.tsv:{number}: phrase and sector are required")
        key = tuple(_agent_tokens(phrase))
        agents[key] = Agent(
            phrase, row["sector"], row.get("person", "0") == "1", f"agents.tsv:{number}"
        )

    kb = ActorKB(names, agents, dict(roles), version="flashpoint.actors.v1")
    kb.shared = {surface: people for surface, people in shared.items() if len(people) > 1}
    for phrase in institutions:
        if names.get(phrase) is None or names[phrase].kind != "metonym":
            raise DataFileError(
                f"countries.tsv: shared institution {phrase!r} is no country's metonym"
            )
    kb.shared_institutions = dict(institutions)
    return kb


def _agent_tokens(phrase: str) -> list[str]:
    # Mirror spaCy's English tokenizer on hyphens and apostrophes so "secretary-general"
    # matches the tokens "secretary", "-", "general".
    out: list[str] = []
    for word in phrase.split():
        pieces = word.replace("-", " - ").split()
        out.extend(pieces)
    return out
