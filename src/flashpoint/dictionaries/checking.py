"""``flashpoint dictionaries check``: parse one dictionary file and report on it.

Every error is listed with its line (the coder refuses a file with errors); notes say what is
read differently from the text (an actor without a code, a verb pattern approximated or not
translated into flashpoint's lexicon, and why).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from .actors import parse_actors
from .agents import parse_agents
from .discards import parse_discards
from .reading import DictionaryError, Problem, read_dictionary_text
from .verbs import parse_verbs, translate_verbs

__all__ = ["CheckReport", "check_file", "guess_kind"]

KIND_WORDS = {"verb": "verbs", "agent": "agents", "discard": "discards", "actor": "actors"}


@dataclass
class CheckReport:
    path: str
    kind: str
    counts: dict[str, int] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.error]

    @property
    def notes(self) -> list[Problem]:
        return [p for p in self.problems if not p.error]

    def summary(self) -> str:
        counts = ", ".join(f"{n:,} {what}" for what, n in self.counts.items())
        errors, notes = len(self.errors), len(self.notes)
        return (
            f"{self.path}: {self.kind} dictionary, {counts}; {errors} error"
            f"{'' if errors == 1 else 's'}, {notes} note{'' if notes == 1 else 's'}"
        )

    def note_groups(self) -> list[tuple[str, int, list[int]]]:
        """Notes grouped by what they say: (message, count, first lines)."""
        groups: dict[str, list[int]] = {}
        for note in self.notes:
            # "BARACK_OBAMA has no code" and "X has no code" are one kind of note
            kind = re.sub(r"^.* has no code", "an entry has no code", note.message)
            kind = re.sub(r";.*not matched$", "; extra words not matched", kind)
            groups.setdefault(kind, []).append(note.line)
        return sorted(((k, len(v), v[:5]) for k, v in groups.items()), key=lambda item: -item[1])


def guess_kind(path: str | Path, text: str) -> str:
    """A file's kind from its name (``*.verbs.txt``, ``Phoenix.agents.txt``), else its text."""
    name = Path(path).name.lower()
    for word, kind in KIND_WORDS.items():
        if word in name:
            return kind
    if re.search(r"(?m)^---", text) and re.search(r"(?m)^-\s", text):
        return "verbs"
    if re.search(r"\[\s*~|~\s*\]", text):
        return "agents"
    if "[" not in text:
        return "discards"
    return "actors"


def check_file(path: str | Path, kind: str | None = None) -> CheckReport:
    """Parse a dictionary file of ``kind`` (guessed when None) and report what was read."""
    text = read_dictionary_text(path)
    kind = kind or guess_kind(path, text)
    source = str(path)
    report = CheckReport(source, kind)
    if kind == "actors":
        entries, problems = parse_actors(text, source)
        report.counts = {
            "records": len(entries),
            "phrases": sum(len(e.phrases) for e in entries),
            "dated codes": sum(r.dated for e in entries for r in e.restrictions),
        }
    elif kind == "agents":
        agents, problems = parse_agents(text, source)
        report.counts = {"agents": len(agents), "word forms": sum(len(a.forms) for a in agents)}
    elif kind == "discards":
        discards, problems = parse_discards(text, source)
        report.counts = {
            "phrases": len(discards),
            "story discards": sum(d.story for d in discards),
        }
    elif kind == "verbs":
        verbs, problems = parse_verbs(text, source)
        translation = translate_verbs(verbs)
        problems = problems + translation.notes
        report.counts = {
            "verb blocks": len(verbs.blocks),
            "verbs": sum(len(b.verbs) for b in verbs.blocks),
            "patterns": sum(len(b.patterns) for b in verbs.blocks),
            "synonym sets": len(verbs.synsets),
            "lexicon patterns made": len(translation.patterns),
        }
    else:
        raise DictionaryError([Problem(source, 0, f"unknown dictionary kind {kind!r}")])
    report.problems = sorted(problems, key=lambda p: (not p.error, p.line))
    return report
