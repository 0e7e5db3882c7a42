"""The event lexicon: (lemma, particle, object, preposition) patterns -> CAMEO codes.

Patterns live in TSV files (``data/events.tsv`` ships with flashpoint; users add their own with
``--lexicon FILE`` or ``FLASHPOINT_LEXICONS``).  Columns:

    code  pos  lemma  particle  object  prep  prep_object  note

``pos`` is V (a verb predicate), N (an event noun such as "attack" or "talks") or A (a predicate
adjective after a copula: "is skeptical of", "is ready to").  A lemma may be a two-word phrase,
modifier first ("war game", "hunger strike"): it matches a noun with that compound or adjective
modifier, and beats the bare head noun.  ``object`` and ``prep_object`` hold a lemma, a phrase or
an ``@CLASS`` defined in ``data/classes.tsv``; ``*`` as the object means "any direct object" (so
"return the paintings" and intransitive "return home" can differ).  Empty columns match
anything.  When several patterns fit, the most specific wins, so a general fallback and
its refinements can sit side by side ("impose" alone vs "impose" + @SANCTION).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

from ...errors import DataFileError
from ..cameo import cameo_table

__all__ = ["NO_EVENT", "Lexicon", "Match", "Pattern", "load_lexicon"]

LEXICON_NAME = "flashpoint.events.v1"
# The code of a pattern that says its words are no event ("sign" a decree or a law), so it
# wins over a vaguer pattern for the same word ("sign" alone, 057) and nothing is coded.
NO_EVENT = "-"
_COLUMNS = ("code", "pos", "lemma", "particle", "object", "prep", "prep_object", "note")


@dataclass(frozen=True, slots=True)
class Pattern:
    code: str
    pos: str
    lemma: str
    particle: str
    obj: str
    prep: str
    prep_obj: str
    origin: str  # "file:line", so every event can say which pattern coded it

    @property
    def specificity(self) -> int:
        # A literal lemma says more than a class; any constraint says more than none.
        score = 0
        for value in (self.obj, self.prep_obj):
            if value == "*":
                score += 1
            elif value:
                score += 2 if value.startswith("@") else 3
        score += bool(self.prep) + 2 * bool(self.particle)
        return score

    def describe(self) -> str:
        parts = [self.lemma]
        if self.particle:
            parts.append(self.particle)
        if self.obj:
            parts.append(self.obj)
        if self.prep:
            parts.append(self.prep + (" " + self.prep_obj if self.prep_obj else ""))
        return f"{self.pos}:{' '.join(parts)} -> {self.code}"


@dataclass(frozen=True, slots=True)
class Match:
    pattern: Pattern
    # index into the ``preps`` sequence given to :meth:`Lexicon.match` that the pattern used
    prep_index: int | None


class Lexicon:
    def __init__(self, patterns: Iterable[Pattern], classes: dict[str, frozenset[str]], name: str):
        self.name = name
        self.classes = classes
        self._by_key: dict[tuple[str, str], list[Pattern]] = defaultdict(list)
        for pattern in patterns:
            self._by_key[(pattern.pos, pattern.lemma)].append(pattern)
        self.size = sum(len(v) for v in self._by_key.values())

    def patterns(self) -> Iterator[Pattern]:
        """Every pattern, in the order they were given (ties go to the earlier one)."""
        for group in self._by_key.values():
            yield from group

    def has(self, pos: str, lemma: str) -> bool:
        return (pos, lemma) in self._by_key

    def in_class(self, lemma: str, cls: str) -> bool:
        return lemma in self.classes.get(cls, frozenset())

    def is_light_verb(self, lemma: str) -> bool:
        return self.in_class(lemma, "@LIGHT")

    def _fits(self, want: str, lemma: str | None) -> bool:
        if not want:
            return True
        if lemma is None:
            return False
        if want == "*":
            return True
        return self.in_class(lemma, want) if want.startswith("@") else lemma == want

    def match(
        self,
        pos: str,
        lemma: str,
        *,
        particle: str | None = None,
        objects: Sequence[str] = (),
        preps: Sequence[tuple[str, str | None]] = (),
    ) -> Match | None:
        """The most specific pattern for a head word and its dependents, or None (also when
        the most specific one says the words are no event, NO_EVENT).

        A verb with a particle ("call off") only matches patterns naming that particle:
        "call off talks" must never fall back to plain "call".
        """
        best = self._best(pos, lemma, particle=particle, objects=objects, preps=preps)
        if best is not None and best.pattern.code == NO_EVENT:
            return None  # "signed a decree": the words are no event, though "sign" alone is
        return best

    def blocks(
        self,
        pos: str,
        lemma: str,
        *,
        particle: str | None = None,
        objects: Sequence[str] = (),
        preps: Sequence[tuple[str, str | None]] = (),
    ) -> bool:
        """Whether the most specific pattern says these words are no event (NO_EVENT), so
        nothing else (not the event model either) should code them."""
        best = self._best(pos, lemma, particle=particle, objects=objects, preps=preps)
        return best is not None and best.pattern.code == NO_EVENT

    def _best(
        self,
        pos: str,
        lemma: str,
        *,
        particle: str | None = None,
        objects: Sequence[str] = (),
        preps: Sequence[tuple[str, str | None]] = (),
    ) -> Match | None:
        best: Match | None = None
        best_rank = (-1, False)
        for pattern in self._by_key.get((pos, lemma), ()):
            if (pattern.particle or None) != (particle or None):
                continue
            phrase = False
            if pattern.obj:
                fitting = [o for o in objects if self._fits(pattern.obj, o)]
                if not fitting:
                    continue
                # "send peacekeeping troops": a class met through the two-word phrase says more
                # than one met through the head noun alone.
                phrase = pattern.obj != "*" and any(" " in o for o in fitting)
            prep_index: int | None = None
            if pattern.prep:
                for i, (prep, pobj) in enumerate(preps):
                    if prep == pattern.prep and self._fits(pattern.prep_obj, pobj):
                        prep_index = i
                        break
                else:
                    continue
            rank = (pattern.specificity, phrase)
            if best is None or rank > best_rank:
                best, best_rank = Match(pattern, prep_index), rank
        return best


def _rows(text: str, origin: str) -> Iterable[tuple[int, dict[str, str]]]:
    lines = text.splitlines()
    header_seen = False
    for number, line in enumerate(lines, start=1):
        if not line.strip() or line.startswith("#"):
            continue
        fields = line.split("\t")
        if not header_seen:
            header_seen = True
            if fields[0] in ("code", "class"):
                continue
        yield (
            number,
            dict(zip(_COLUMNS, fields + [""] * (len(_COLUMNS) - len(fields)), strict=False)),
        )


def _read_classes(text: str, origin: str) -> dict[str, set[str]]:
    classes: dict[str, set[str]] = defaultdict(set)
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.startswith("#") or line.startswith("class\t"):
            continue
        fields = line.split("\t")
        if len(fields) < 2 or not fields[0].startswith("@"):
            raise DataFileError(f"{origin}:{number}: expected '@CLASS<TAB>lemma', got {line!r}")
        classes[fields[0].strip()].add(fields[1].strip().lower())
    return classes


def _read_patterns(text: str, origin: str, classes: dict[str, set[str]]) -> list[Pattern]:
    table = cameo_table()
    patterns = []
    for number, row in _rows(text, origin):
        where = f"{origin}:{number}"
        code, pos, lemma = row["code"].strip(), row["pos"].strip(), row["lemma"].strip().lower()
        if code not in table and code != NO_EVENT:
            raise DataFileError(f"{where}: unknown CAMEO code {code!r}")
        if pos not in ("V", "N", "A"):
            raise DataFileError(f"{where}: pos must be V, N or A, got {pos!r}")
        if not lemma:
            raise DataFileError(f"{where}: empty lemma")
        for column in ("object", "prep_object"):
            value = row[column].strip()
            if value.startswith("@") and value not in classes:
                raise DataFileError(f"{where}: {column} uses undefined class {value}")
        patterns.append(
            Pattern(
                code=code,
                pos=pos,
                lemma=lemma,
                particle=row["particle"].strip().lower(),
                obj=row["object"].strip().lower()
                if not row["object"].startswith("@")
                else row["object"].strip(),
                prep=row["prep"].strip().lower(),
                prep_obj=row["prep_object"].strip().lower()
                if not row["prep_object"].startswith("@")
                else row["prep_object"].strip(),
                origin=where,
            )
        )
    return patterns


def _builtin(name: str) -> str:
    return resources.files("flashpoint.coding").joinpath(f"data/{name}").read_text("utf-8")


@lru_cache(maxsize=8)
def load_lexicon(extra_files: tuple[str, ...] = ()) -> Lexicon:
    """The built-in lexicon plus any user pattern files (same TSV format).

    A user file may also define classes: rows whose first column starts with '@'.
    """
    classes = _read_classes(_builtin("classes.tsv"), "classes.tsv")
    extra_texts = []
    for path in extra_files:
        try:
            text = Path(path).read_text("utf-8")
        except OSError as exc:
            raise DataFileError(f"cannot read lexicon file {path}: {exc.strerror}") from exc
        class_lines = "\n".join(ln for ln in text.splitlines() if ln.startswith("@"))
        for cls, members in _read_classes(class_lines, path).items():
            classes[cls] |= members
        extra_texts.append(
            (path, "\n".join(ln if not ln.startswith("@") else "" for ln in text.splitlines()))
        )
    patterns = _read_patterns(_builtin("events.tsv"), "events.tsv", classes)
    name = LEXICON_NAME
    for path, text in extra_texts:
        patterns += _read_patterns(text, Path(path).name, classes)
        name += f"+{Path(path).name}"
    frozen = {cls: frozenset(members) for cls, members in classes.items()}
    return Lexicon(patterns, frozen, name)
