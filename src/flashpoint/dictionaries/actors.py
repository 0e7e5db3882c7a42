"""PETRARCH actor dictionaries: phrases, synonyms and dated codes.

A record is a primary phrase, optional ``+`` synonyms and optional restrictions, each a code
in brackets, with or without a date (``dictionaries.rst``, "Actor Dictionary")::

    AHMED_ZIA_MASSOUD_
        [AFGGOV 20041207-20091119]
        [AFGELI]

``[CODE 950101-960626]`` holds between two dates, ``[CODE >100201]`` from a date on,
``[CODE <050101]`` up to a date, all bounds inclusive; ``[CODE]`` is the fallback when no
dated code holds.  Dates are YYYYMMDD or YYMMDD (YY up to 30 is 20YY, else 19YY, as PETRARCH
reads them).  Restrictions may stand on their own tab-indented lines or follow a phrase on its
line; ``[---]`` is the null code.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

from .codes import NULL_CODE, is_actor_code
from .phrases import phrase_units
from .reading import Problem, content_lines

__all__ = ["ActorEntry", "Restriction", "parse_actors", "parse_day"]

_BRACKETS = re.compile(r"\[([^\[\]]*)\]")


@dataclass(frozen=True, slots=True)
class Restriction:
    code: str | None  # None: the null code [---]
    start: dt.date | None
    end: dt.date | None
    line: int

    @property
    def dated(self) -> bool:
        return self.start is not None or self.end is not None

    def applies(self, day: dt.date) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)

    def describe(self) -> str:
        code = self.code or NULL_CODE
        if not self.dated:
            return code
        start = self.start.isoformat() if self.start else ""
        end = self.end.isoformat() if self.end else ""
        return f"{code} {start}–{end}"


@dataclass(frozen=True, slots=True)
class ActorEntry:
    """One actor record: every phrase of it resolves through the same restrictions."""

    source: str  # the file as given
    line: int  # line of the primary phrase
    phrases: tuple[tuple[str, int], ...]  # (phrase as written, line), primary first
    restrictions: tuple[Restriction, ...]  # in file order

    @property
    def origin(self) -> str:
        return f"{Path(self.source).name}:{self.line}"

    @property
    def primary(self) -> str:
        return self.phrases[0][0]

    @property
    def name(self) -> str:
        """A readable name: the primary phrase in title case ("Ahmed Zia Massoud")."""
        words = self.primary.replace("_", " ").split()
        return " ".join(w.title() if w.isupper() else w for w in words)

    @property
    def dated(self) -> bool:
        return any(r.dated for r in self.restrictions)

    def code_on(self, day: dt.date | None) -> Restriction | None:
        """The restriction in force on ``day``: the first dated one holding then, else the
        undated fallback.  Without a day, the fallback, else the most recent dated code."""
        fallback = next((r for r in self.restrictions if not r.dated), None)
        if day is not None:
            for restriction in self.restrictions:
                if restriction.dated and restriction.applies(day):
                    return restriction
            return fallback
        if fallback is not None:
            return fallback
        dated = [r for r in self.restrictions if r.dated]
        return max(dated, key=lambda r: r.start or dt.date.min) if dated else None


def parse_day(text: str) -> dt.date:
    """A PETRARCH date, YYYYMMDD or YYMMDD; raises ValueError naming what is wrong."""
    if not text.isdigit() or len(text) not in (6, 8):
        raise ValueError(f"bad date {text!r}: want YYYYMMDD or YYMMDD")
    if len(text) == 6:
        year = int(text[:2])
        year += 2000 if year <= 30 else 1900
        month, day = int(text[2:4]), int(text[4:6])
    else:
        year, month, day = int(text[:4]), int(text[4:6]), int(text[6:8])
    try:
        return dt.date(year, month, day)
    except ValueError:
        raise ValueError(f"bad date {text!r}: no such day") from None


def _restriction(body: str, line: int) -> Restriction:
    # "[EGYGOV > 140608]": a blank after the comparison sign is common in real files.
    if "< " in body or "> " in body:
        body = re.sub(r"([<>])\s+", r"\1", body)
    parts = body.split()
    if not parts:
        raise ValueError("empty brackets: want [CODE] or [CODE dates]")
    code = parts[0]
    if not is_actor_code(code):
        raise ValueError(f"bad actor code {code!r}: want 3-letter chunks such as USAGOV, or ---")
    if len(parts) > 2:
        raise ValueError(f"[{body.strip()}]: want one code and at most one date restriction")
    start = end = None
    if len(parts) == 2:
        spec = parts[1]
        if spec.startswith("<"):
            end = parse_day(spec[1:])
        elif spec.startswith(">"):
            start = parse_day(spec[1:])
        elif "-" in spec:
            first, _, last = spec.partition("-")
            start, end = parse_day(first), parse_day(last)
            if end < start:
                raise ValueError(f"date range {spec!r} ends before it starts")
        else:
            raise ValueError(f"bad date restriction {spec!r}: want <DATE, >DATE or DATE-DATE")
    return Restriction(None if code == NULL_CODE else code, start, end, line)


def _split(text: str) -> tuple[str, list[str]]:
    """The text outside brackets and the bracket contents; unbalanced brackets raise."""
    if "[" not in text and "]" not in text:
        return text, []
    bodies = _BRACKETS.findall(text)
    rest = _BRACKETS.sub(" ", text)
    if "[" in rest or "]" in rest:
        raise ValueError("unbalanced [ ] brackets")
    return rest.strip(), bodies


def parse_actors(text: str, source: str) -> tuple[list[ActorEntry], list[Problem]]:
    """Every actor record of a file, and the problems found (errors and notes)."""
    entries: list[ActorEntry] = []
    problems: list[Problem] = []
    phrases: list[tuple[str, int]] = []
    restrictions: list[Restriction] = []

    def close() -> None:
        if not phrases:
            return
        if not restrictions:
            problems.append(
                Problem(
                    source,
                    phrases[0][1],
                    f"{phrases[0][0]} has no code: it codes no actor",
                    error=False,
                )
            )
        entries.append(ActorEntry(source, phrases[0][1], tuple(phrases), tuple(restrictions)))

    for line in content_lines(text):
        stripped = line.text.strip()
        try:
            rest, bodies = _split(stripped)
            parsed = [_restriction(b, line.number) for b in bodies]
        except ValueError as exc:
            problems.append(Problem(source, line.number, str(exc)))
            continue
        if stripped.startswith("["):
            if rest:
                problems.append(
                    Problem(source, line.number, f"text {rest!r} after a date restriction")
                )
            if not phrases:
                problems.append(
                    Problem(source, line.number, "date restriction before any actor phrase")
                )
                continue
            restrictions.extend(parsed)
            continue
        synonym = stripped.startswith("+")
        phrase = rest[1:].strip() if synonym else rest
        if not phrase_units(phrase)[0]:
            problems.append(Problem(source, line.number, f"no words in phrase {stripped!r}"))
            continue
        if synonym:
            if not phrases:
                problems.append(
                    Problem(source, line.number, f"synonym {phrase} before any actor phrase")
                )
                continue
        else:
            close()
            phrases, restrictions = [], []
        phrases.append((phrase, line.number))
        restrictions.extend(parsed)
    close()
    return entries, problems
