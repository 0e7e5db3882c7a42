"""PETRARCH agent dictionaries: sector nouns that combine with an actor's code.

Records are ``PHRASE {optional plural} [AGENT_CODE]`` (``dictionaries.rst``, "Agent
Dictionary")::

    !PERSON! = MAN, MEN, WOMAN, WOMEN, PERSON
    CONGRESS!PERSON! [~LEG]
    ATTORNEY_GENERAL {ATTORNEYS_GENERAL} [~GOVATG]
    POLICE {} [~COP]
    HUMAN_RIGHTS_BODY [NGO~]

``~CODE`` is added after the actor's code (Iraqi + MINISTER [~GOV] is IRQGOV), ``CODE~``
before it (NGO~).  Regular plurals are made unless ``{}`` gives the plural or nulls it; a
``!MARKER!`` defined by ``!MARKER! = A, B`` stands for each of its words, with no plurals.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from .codes import is_actor_code
from .phrases import phrase_units, plurals
from .reading import Problem, content_lines

__all__ = ["AgentEntry", "parse_agents"]

_MARKER_DEF = re.compile(r"^!(\w+)!\s*=\s*(.*)$")
_MARKER = re.compile(r"!(\w+)!")
# "[~ENV}": the format's own documentation closes a code with a brace; accept it.
_CODE = re.compile(r"\[\s*([^\[\]{}]*?)\s*[\]}]\s*$")


@dataclass(frozen=True, slots=True)
class AgentEntry:
    source: str
    line: int
    phrase: str  # as written
    forms: tuple[tuple[str, ...], ...]  # word units of every form matched (plurals included)
    code: str  # without the ~ ("GOV", "GOVMED", "NGO")
    prefix: bool  # CODE~: written before the actor's code

    @property
    def origin(self) -> str:
        return f"{Path(self.source).name}:{self.line}"

    @property
    def sector(self) -> str:
        return self.code[:3]

    def combine(self, actor: str | None) -> str:
        """PETRARCH's combination: the agent's code after the actor's (before it for
        ``CODE~``), unless the actor's code already contains it (ISR + GOV is ISRGOV,
        ISRGOV + GOV stays ISRGOV)."""
        if not actor:
            return self.code
        if self.code in actor:
            return actor
        return self.code + actor if self.prefix else actor + self.code


def _forms(phrase: str, plural: str | None) -> list[tuple[str, ...]]:
    words, exact = phrase_units(phrase)
    forms = [words]
    if plural is None:
        if not exact and words:
            forms += [(*words[:-1], p) for p in plurals(words[-1])]
    elif plural.strip():
        forms.append(phrase_units(plural)[0])
    return [f for f in forms if f]


def parse_agents(text: str, source: str) -> tuple[list[AgentEntry], list[Problem]]:
    entries: list[AgentEntry] = []
    problems: list[Problem] = []
    markers: dict[str, list[str]] = {}
    for line in content_lines(text):
        stripped = line.text.strip()
        definition = _MARKER_DEF.match(stripped)
        if definition:
            words = [w.strip() for w in definition.group(2).split(",") if w.strip()]
            if not words:
                problems.append(Problem(source, line.number, "substitution set has no words"))
            markers[definition.group(1).upper()] = words
            continue
        found = _CODE.search(stripped)
        if found is None:
            problems.append(
                Problem(
                    source,
                    line.number,
                    f"no agent code in {stripped!r}: want PHRASE [~CODE] or PHRASE [CODE~]",
                )
            )
            continue
        if stripped[found.end() - 1] == "}":
            problems.append(
                Problem(source, line.number, "agent code closed with } instead of ]", error=False)
            )
        raw_code = found.group(1)
        if raw_code.startswith("~") == raw_code.endswith("~"):
            problems.append(
                Problem(
                    source,
                    line.number,
                    f"agent code {raw_code!r} needs one ~: "
                    "~CODE (after the actor) or CODE~ (before it)",
                )
            )
            continue
        code = raw_code.strip("~")
        if not is_actor_code(code) or code == "---":
            problems.append(Problem(source, line.number, f"bad agent code {raw_code!r}"))
            continue
        head = stripped[: found.start()].strip()
        plural: str | None = None
        if "{" in head or "}" in head:
            brace = re.match(r"^(.*?)\{([^{}]*)\}\s*$", head)
            if brace is None:
                problems.append(Problem(source, line.number, "unbalanced { } around the plural"))
                continue
            head, plural = brace.group(1).strip(), brace.group(2)
        phrases = [head]
        for name in _MARKER.findall(head):
            if name.upper() not in markers:
                problems.append(
                    Problem(
                        source,
                        line.number,
                        f"substitution set !{name}! is not defined above this line",
                    )
                )
                phrases = []
                break
            # Every word of the set stands for the marker, with no plurals of its own.
            phrases = [p.replace(f"!{name}!", w, 1) for p in phrases for w in markers[name.upper()]]
            plural = ""
        if not phrases:
            continue
        forms = [f for p in phrases for f in _forms(p, plural)]
        if not forms:
            problems.append(Problem(source, line.number, f"no words in agent phrase {head!r}"))
            continue
        entries.append(
            AgentEntry(
                source, line.number, head, tuple(dict.fromkeys(forms)), code, raw_code.endswith("~")
            )
        )
    return entries, problems
