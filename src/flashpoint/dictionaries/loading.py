"""Load a set of dictionaries: the user's files, the bundled Phoenix set, and how they combine
with flashpoint's own actor knowledge base and event lexicon.

Precedence, highest first: the user's files (a later file over an earlier one), flashpoint's
own dictionaries, the bundled Phoenix set (which only adds what flashpoint lacks).  A
user entry that replaces a bundled one is reported once, as a warning.  ``only_given``
(``--only-given-dictionaries``, ``bundled=False``) drops flashpoint's own dictionaries of
every kind given: with ``--actors``, its countries, organisations and people; with
``--agents`` its sector nouns; with ``--verbs`` its event patterns (its word classes stay:
the coder's own rules use them).
"""

from __future__ import annotations

import logging
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from operator import attrgetter
from pathlib import Path

from spacy.tokens import Doc

from ..actors.kb import Agent, NameEntry, load_kb
from ..coding.candidates.finder import _may_code_verb  # the finder's own test, kept in step
from ..coding.candidates.lexicon import Lexicon, Pattern
from ..settings import get_setting
from .actors import ActorEntry, parse_actors
from .agents import AgentEntry, parse_agents
from .bundled import BUNDLED_SETS, bundled_files
from .discards import DiscardEntry, Discards, parse_discards
from .knowledge import DictionaryKB, agent_record, name_entry
from .phrases import PhraseIndex, phrase_units, units
from .reading import DictionaryError, Problem, read_dictionary_text
from .tagging import Hit, Tagger
from .verbs import PairedCode, Translation, parse_verbs, translate_verbs

__all__ = ["KINDS", "Dictionaries", "DictionarySpec", "dictionary_spec", "load_dictionaries"]

KINDS = ("actors", "agents", "verbs", "discards")
log = logging.getLogger("flashpoint")


@dataclass(frozen=True, slots=True)
class DictionarySpec:
    """Which dictionaries to load: files per kind, bundled sets, and whether flashpoint's own
    dictionaries of the kinds given are dropped."""

    actors: tuple[str, ...] = ()
    agents: tuple[str, ...] = ()
    verbs: tuple[str, ...] = ()
    discards: tuple[str, ...] = ()
    sets: tuple[str, ...] = ()
    only_given: bool = False

    def __bool__(self) -> bool:
        return bool(self.actors or self.agents or self.verbs or self.discards or self.sets)

    def given(self, kind: str) -> bool:
        return bool(getattr(self, kind) or self.sets)


def _listed(value: str, sep: str) -> tuple[str, ...]:
    return tuple(p.strip() for p in value.split(sep) if p.strip())


def dictionary_spec(
    actors: Iterable[str] = (),
    agents: Iterable[str] = (),
    verbs: Iterable[str] = (),
    discards: Iterable[str] = (),
    sets: Iterable[str] = (),
    *,
    bundled: bool | None = None,
) -> DictionarySpec | None:
    """The dictionaries asked for, the settings' (FLASHPOINT_ACTORS, ...) first, then the
    arguments; None when there are none.  ``bundled=False`` keeps only the given ones."""
    import os

    chosen = {
        "actors": _listed(get_setting("actors"), os.pathsep) + tuple(actors),
        "agents": _listed(get_setting("agents"), os.pathsep) + tuple(agents),
        "verbs": _listed(get_setting("verbs"), os.pathsep) + tuple(verbs),
        "discards": _listed(get_setting("discards"), os.pathsep) + tuple(discards),
    }
    named = tuple(
        dict.fromkeys(s.lower() for s in _listed(get_setting("dictionaries"), ",") + tuple(sets))
    )
    for name in named:
        if name not in BUNDLED_SETS:
            raise DictionaryError(
                [
                    Problem(
                        name,
                        0,
                        "no bundled dictionary set of that name; "
                        f"choose from {', '.join(BUNDLED_SETS)}",
                    )
                ]
            )
    only = get_setting("only_given_dictionaries") == "1" if bundled is None else not bundled
    spec = DictionarySpec(
        **{k: tuple(dict.fromkeys(v)) for k, v in chosen.items()}, sets=named, only_given=only
    )
    return spec if spec else None


@dataclass(frozen=True, slots=True)
class _File:
    path: str  # as given (a user path, or "phoenix:<name>" for a bundled file)
    text: str
    bundled: bool


def _files(spec: DictionarySpec, kind: str) -> list[_File]:
    files = [_File(path, text, True) for s in spec.sets for path, text in bundled_files(s, kind)]
    files += [_File(p, read_dictionary_text(p), False) for p in getattr(spec, kind)]
    return files


def _strict(problems: list[Problem]) -> list[Problem]:
    errors = [p for p in problems if p.error]
    if errors:
        raise DictionaryError(errors)
    return problems


def _left_out(entry: ActorEntry, added: bool) -> bool:
    """Bundled records not used: one that codes nothing would only hide other mentions; and,
    added to flashpoint's own, one known by a single word with dated roles (HASSAN_,
    HUSSEIN_, FAHD_: a ruler's given name) would take "King Hassan of Morocco" for Jordan's
    crown prince, where flashpoint's own dictionary names rulers in full."""
    if entry.code_on(None) is None:
        return True
    return added and entry.dated and all(len(phrase_units(p)[0]) == 1 for p, _ in entry.phrases)


# Phoenix discarded sentences naming a year (1914-2013), a time "ago"/"later" or a past war:
# it coded current news and took them for history.  flashpoint dates each event and marks
# past ones "historical" itself, so added to its own dictionaries these would only drop
# events it codes with their dates ("Poland's parliament demanded an admission by Moscow
# that ... in World War Two" is today's demand).  It also discarded epidemics and disasters,
# which are where aid and relief (CAMEO 07) are reported.  Measured: docs/dictionaries.md.
_DATED_DISCARD = re.compile(
    r"^(?:1[89]\d\d|20\d\d|(?:FIFTY )?(?:WEEKS|MONTHS|YEARS) (?:AGO|LATER)|APRIL 1942"
    r"|(?:POST )?WORLD WAR (?:ONE|TWO|I|II|1|2)|SECOND WORLD WAR|NAPOLEONIC WARS"
    r"|ATTACK ON PEARL HARBOR)$"
)
_AID_DISCARDS = frozenset(
    "AVIAN FLU|AVIAN INFLUENZA|BACTERIA EPIDEMIC|BIRD FLU|BLIZZARD|CHICKUNGUNGA|"
    "CONTRACTED CHOLERA|DENGUE FEVER|EBOLA|H5N1|LANDSLIDE|MUDSLIDE|POLIO|POLLUTION|"
    "RIFT VALLEY FEVER|TROPICAL DEPRESSION|TROPICAL STORM|TSUNAMI|TYPHOON|WEST NILE FEVER|"
    "WEST NILE VIRUS|WIDESPREAD FLOOD".split("|")
)


def _discard_left_out(entry: DiscardEntry) -> bool:
    phrase = " ".join(entry.phrase.lstrip("+").upper().split())
    return bool(_DATED_DISCARD.match(phrase)) or phrase in _AID_DISCARDS


class Dictionaries:
    """A loaded dictionary set, ready to extend a coder's knowledge base and lexicon, tag
    Docs, find discards and annotate events with provenance."""

    def __init__(self, spec: DictionarySpec):
        self.spec = spec
        # A bundled set added to flashpoint's own dictionaries contributes what they lack;
        # used alone (--only-given-dictionaries) it is read as PETRARCH reads it.
        self.added = not spec.only_given
        self.notes: list[Problem] = []
        self.warnings: list[str] = []
        base = load_kb()
        self._base_kb = base
        self.actor_entries: dict[str, ActorEntry] = {}  # kb key -> record
        self.agent_entries: dict[str, AgentEntry] = {}  # agent phrase -> record
        self.names: dict[str, NameEntry] = {}
        self.people: dict[str, tuple[ActorEntry, bool]] = {}
        self.agents: dict[tuple[str, ...], Agent] = {}
        indexes = {
            kind: {rank: PhraseIndex[Hit]() for rank in ("user", "bundled")}
            for kind in ("actors", "agents")
        }
        self._load_actors(spec, indexes["actors"])
        self._load_agents(spec, indexes["agents"])
        self.translations: list[tuple[Translation, bool]] = []
        for file in _files(spec, "verbs"):
            verbs, problems = parse_verbs(file.text, file.path)
            _strict(problems)
            translation = translate_verbs(verbs)
            self._noted(file, problems + translation.notes)
            self.translations.append((translation, file.bundled))
        self.paired: dict[str, PairedCode] = {}
        for translation, _ in self.translations:
            self.paired.update(translation.paired)
        discards: list[DiscardEntry] = []
        for file in _files(spec, "discards"):
            entries, problems = parse_discards(file.text, file.path)
            self._noted(file, problems)
            if file.bundled and self.added:
                entries = [e for e in entries if not _discard_left_out(e)]
            discards += entries
        self.discards = Discards(discards) if discards else None
        self.tagger = Tagger(
            indexes["actors"]["user"],
            indexes["actors"]["bundled"],
            indexes["agents"]["user"],
            indexes["agents"]["bundled"],
            replace_names=spec.only_given and spec.given("actors"),
            replace_agents=spec.only_given and spec.given("agents"),
            added=self.added,
        )
        self._kb: DictionaryKB | None = None
        self._lexicons: dict[int, Lexicon] = {}
        for warning in self.warnings:
            log.warning(warning)

    # -- loading ----------------------------------------------------------------------------
    def _load_actors(self, spec: DictionarySpec, indexes: dict[str, PhraseIndex[Hit]]) -> None:
        replace = spec.only_given and spec.given("actors")
        builtin = {} if replace else {units(s): e for s, e in self._base_kb.names.items()}
        bundled_index = indexes["bundled"]
        for file in _files(spec, "actors"):
            entries, problems = parse_actors(file.text, file.path)
            self._noted(file, problems)
            overrides: list[str] = []
            index = indexes["bundled" if file.bundled else "user"]
            for entry in entries:
                if file.bundled and _left_out(entry, self.added):
                    continue
                key = f"{file.path}:{entry.line}"
                named = name_entry(entry, self._base_kb)
                self.actor_entries[key] = entry
                self.names[key] = named
                if entry.dated or named.kind == "person":
                    self.people[named.name] = (entry, not file.bundled)
                hit = Hit(named.kind, key)
                for phrase, line in entry.phrases:
                    words, exact = phrase_units(phrase)
                    if not file.bundled:
                        other = builtin.get(words) or bundled_index.get(words)
                        if other is not None and len(overrides) < 1000:
                            overrides.append(f"line {line} {phrase}")
                    index.add_forms(words, exact, hit)
            self._overrides(file, overrides, "actor")

    def _load_agents(self, spec: DictionarySpec, indexes: dict[str, PhraseIndex[Hit]]) -> None:
        replace = spec.only_given and spec.given("agents")
        builtin = (
            {} if replace else {units(" ".join(k)): a for k, a in self._base_kb.agents.items()}
        )
        for file in _files(spec, "agents"):
            entries, problems = parse_agents(file.text, file.path)
            self._noted(file, problems)
            overrides: list[str] = []
            index = indexes["bundled" if file.bundled else "user"]
            for entry in entries:
                key = " ".join(entry.forms[0])
                if file.bundled and not replace and any(f in builtin for f in entry.forms):
                    continue  # flashpoint's own sector noun stands
                if not file.bundled and any(
                    f in builtin or f in indexes["bundled"] for f in entry.forms
                ):
                    overrides.append(f"line {entry.line} {entry.phrase}")
                self.agent_entries[key] = entry
                record = agent_record(entry, self._base_kb, key)
                hit = Hit(entry.sector, key)
                for form in entry.forms:
                    self.agents[form] = record
                    index.add(form, hit)
            self._overrides(file, overrides, "agent")

    def _noted(self, file: _File, problems: list[Problem]) -> None:
        """Refuse a file with errors; keep its notes, and say once how many a user's file
        has (entries read otherwise than written are not dropped silently)."""
        notes = _strict(problems)
        self.notes += notes
        if notes and not file.bundled:
            kinds = Counter(
                "not translated"
                if n.message.startswith(("not translated", "null code", "transformation"))
                else "approximated"
                if n.message.startswith(("approximated", "words before"))
                else "without a code"
                if "has no code" in n.message
                else "other notes"
                for n in notes
            )
            listed = ", ".join(f"{count} {kind}" for kind, count in kinds.most_common())
            self.warnings.append(
                f"{file.path}: {listed} (`flashpoint dictionaries check {file.path}` lists them)"
            )

    def _overrides(self, file: _File, overrides: list[str], what: str) -> None:
        if overrides:
            shown = ", ".join(overrides[:3]) + (" ..." if len(overrides) > 3 else "")
            self.warnings.append(
                f"{file.path} overrides {len(overrides)} bundled {what} "
                f"entr{'y' if len(overrides) == 1 else 'ies'} ({shown})"
            )

    # -- what the coder uses ----------------------------------------------------------------
    def kb(self) -> DictionaryKB:
        if self._kb is None:
            self._kb = DictionaryKB(
                self._base_kb,
                self.names,
                self.agents,
                self.people,
                replace_names=self.tagger.replace_names,
                replace_agents=self.tagger.replace_agents,
            )
        return self._kb

    def lexicon(self, base: Lexicon) -> Lexicon:
        """``base`` (flashpoint's lexicon and any --lexicon files) with the verb dictionaries'
        patterns: a user's pattern beats every other with the same words, the bundled set's
        only add patterns flashpoint lacks."""
        cached = self._lexicons.get(id(base))
        if cached is not None:
            return cached
        if not self.translations:
            self._lexicons[id(base)] = base
            return base

        key = attrgetter("pos", "lemma", "particle", "obj", "prep", "prep_obj")

        own = list(base.patterns())
        if self.spec.only_given and self.spec.given("verbs"):
            own = [p for p in own if not p.origin.startswith("events.tsv:")]
        user: dict[tuple[str, ...], Pattern] = {}
        bundled: list[Pattern] = []
        classes = dict(base.classes)
        names = []
        for translation, from_set in self.translations:
            classes.update(translation.classes)
            if from_set:
                bundled += translation.patterns
            else:
                for pattern in translation.patterns:
                    user[key(pattern)] = pattern
            names.append(
                Path(translation.patterns[0].origin.rsplit(":", 1)[0]).name
                if translation.patterns
                else "verbs"
            )
        own_keys = {key(p) for p in own}
        replaced = (
            [p for p in own + bundled if key(p) in user and user[key(p)].code != p.code]
            if user
            else []
        )
        if replaced:
            first = replaced[0]
            mine = user[key(first)]
            message = (
                f"{mine.origin.rsplit(':', 1)[0]} overrides {len(replaced)} bundled event "
                f"pattern{'s' if len(replaced) > 1 else ''} (first: {mine.origin} "
                f"{mine.describe()} replaces {first.origin} {first.describe()})"
            )
            log.warning(message)
            self.warnings.append(message)
        if self.added:
            # Added to flashpoint's own lexicon, a bundled set contributes what flashpoint
            # lacks, measured on the development sets (docs/dictionaries.md): patterns for
            # verbs it does not code at all (for one it has patterns or a rule for, a Phoenix
            # literal object would outrank its content-refined reading: "reject request" 123
            # over 1213), and only patterns with an object, particle or phrase (a bare verb's
            # row carries its block's generic code, PLAN 030, LINK 060, HELP 070, on verbs
            # flashpoint leaves to their complements).
            bundled = [
                p
                for p in bundled
                if (p.obj or p.particle or p.prep) and not _may_code_verb(base, p.lemma)
            ]
        patterns = (
            list(user.values())
            + ([p for p in own if key(p) not in user] if user else own)
            + [p for p in bundled if key(p) not in user and key(p) not in own_keys]
        )
        lexicon = Lexicon(patterns, classes, base.name + "".join(f"+{n}" for n in names))
        self._lexicons[id(base)] = lexicon
        return lexicon

    def tag(self, doc: Doc) -> None:
        self.tagger(doc)

    def discarded(self, text: str) -> list[tuple[int, int]]:
        """Character ranges not to code: each discard phrase found (its sentence is skipped),
        or the whole text when a story discard (``+PHRASE``) is found."""
        if self.discards is None:
            return []
        found = self.discards.matches(text)
        if any(entry.story for _, _, entry in found):
            return [(0, len(text))]
        return [(start, end) for start, end, _ in found]


@lru_cache(maxsize=8)
def load_dictionaries(spec: DictionarySpec | None) -> Dictionaries | None:
    """The dictionaries of a spec, loaded once per process (so each warning is given once)."""
    return Dictionaries(spec) if spec else None
