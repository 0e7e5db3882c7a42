"""PETRARCH verb dictionaries (CAMEO.2.0 format), read and translated into flashpoint's lexicon.

The file (``dictionaries.rst``, "Verb Dictionary") holds synonym sets, verb blocks and
patterns::

    &CURRENCY                      a synonym set: &NAME, then +members
    +DOLLAR
    --- ASK [---] ---              a block: its verbs share the patterns below
    ASK [020]                      a verb, with its own code (else the block's)
    +ASK_FOR {+ASKED_FOR} [020]    a multi-word verb, + before the verb word
    - * EXTRADITION [0213]         pattern: [pre-verb] * [post-verb] [CODE]
    - * (FOR {FINANCIAL AID}) [0231]
    ~ a (a b ATTACK) SAY = a b 015 a transformation

flashpoint matches a verb's *dependents* in a parse, not a word sequence, so each pattern is
translated into one lexicon row (:class:`~flashpoint.coding.candidates.lexicon.Pattern`) per
verb of its block: the verb's lemma, a particle, one direct object, one prepositional phrase
(with its object, or none when the phrase names the target).  ``{MODIFIER HEAD}`` becomes the
two-word phrase "modifier head", ``&SET`` the class ``@&SET``, ``^`` any object, ``+`` in a
phrase its target.  What has no equivalent is reported line by line (see
docs/dictionaries.md): source markers after the verb, subject words, negation words,
null-coded patterns and transformations are not translated; extra nouns and phrases are
dropped from a pattern that keeps its first ones (a *note*, not an error).  Paired codes
``[A:B]`` (TABARI's "A did X to B, so B had X done by A": a visit and its hosting) keep B
for the coder to add the reverse event, and ``[:B]`` codes the reverse event only.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from ..coding.cameo import cameo_table
from ..coding.candidates.lexicon import Pattern
from .phrases import singular, units
from .reading import Problem, content_lines

__all__ = ["PairedCode", "Translation", "VerbDictionary", "parse_verbs", "translate_verbs"]

# Words after a verb that spaCy attaches as a particle ("call off", "set up").
_PARTICLES = frozenset(
    "up down off out away back forward forth aside ahead apart together along around home "
    "in on over through by".split()
)
_PREPOSITIONS = frozenset(
    "about above across after against along amid among as at before behind below beneath "
    "beside besides between beyond by despite during for from in inside into like near of "
    "off on onto outside over past per since than through throughout to toward towards under "
    "until upon via with within without".split()
)
_ARTICLES = frozenset("a an the".split())
_NEGATIONS = frozenset("not n't never no".split())
_CODE = re.compile(r"\[([^\[\]]*)\]\s*$")


@dataclass(frozen=True, slots=True)
class PairedCode:
    """A code as written, ``A``, ``A:B`` or ``:B``: A codes the event as found, B the
    reverse one (target to source)."""

    forward: str | None
    reverse: str | None


@dataclass(frozen=True, slots=True)
class Verb:
    lemma: str
    after: tuple[str, ...]  # words after the verb word in a multi-word verb (CALL_OFF)
    before: tuple[str, ...]  # words before it (WIRE_+TAP)
    code: PairedCode | None  # its own code; None: the block's
    line: int


@dataclass(frozen=True, slots=True)
class PatternLine:
    line: int
    pre: str
    post: str
    code: PairedCode


@dataclass
class VerbBlock:
    name: str
    code: PairedCode
    line: int
    verbs: list[Verb] = field(default_factory=list)
    patterns: list[PatternLine] = field(default_factory=list)


@dataclass
class VerbDictionary:
    source: str
    # name (without a final _) -> (members, line, no plurals: the label ended with _)
    synsets: dict[str, tuple[list[str], int, bool]] = field(default_factory=dict)
    blocks: list[VerbBlock] = field(default_factory=list)
    transformations: list[int] = field(default_factory=list)  # their lines


@dataclass
class Translation:
    patterns: list[Pattern]
    classes: dict[str, frozenset[str]]
    paired: dict[str, PairedCode]  # pattern origin -> its paired code, when it has a B
    notes: list[Problem]


def _paired(body: str) -> PairedCode:
    body = body.strip()
    forward, colon, reverse = body.partition(":")
    forward, reverse = forward.strip(), reverse.strip()
    table = cameo_table()
    for code in (forward, reverse):
        if code and code != "---" and code not in table:
            raise ValueError(f"unknown CAMEO event code {code!r}")
    if not colon and not forward:
        raise ValueError("empty code brackets")
    return PairedCode(forward if forward not in ("", "---") else None, reverse or None)


def parse_verbs(text: str, source: str) -> tuple[VerbDictionary, list[Problem]]:
    verbs = VerbDictionary(source)
    problems: list[Problem] = []
    block: VerbBlock | None = None
    synset: str | None = None

    def problem(number: int, message: str) -> None:
        problems.append(Problem(source, number, message))

    for line in content_lines(text):
        stripped = line.text.strip()
        number = line.number
        try:
            if stripped.startswith("---"):
                synset = None
                found = re.search(r"\[([^\[\]]*)\]", stripped)
                name = " ".join(re.sub(r"\[[^\]]*\]|-", " ", stripped).split()) or "?"
                # The block opens even with a bad code, so its verbs are not misread too.
                block = VerbBlock(name, PairedCode(None, None), number)
                verbs.blocks.append(block)
                block.code = _paired(found.group(1) if found else "---")
            elif stripped.startswith("&"):
                label = stripped.split()[0]
                synset = label.rstrip("_")
                if synset in verbs.synsets:
                    problem(number, f"synonym set {synset} is defined twice")
                verbs.synsets[synset] = ([], number, label.endswith("_"))
            elif stripped.startswith("+") and synset is not None:
                member = stripped[1:].strip()
                if not member:
                    problem(number, "empty synonym set member")
                else:
                    verbs.synsets[synset][0].append(member)
            elif stripped.startswith("~"):
                verbs.transformations.append(number)
            elif stripped.startswith("-"):
                synset = None
                if block is None:
                    problem(number, "pattern before any --- verb block")
                    continue
                block.patterns.append(_pattern_line(stripped, number))
            else:
                synset = None
                if block is None:
                    problem(number, f"verb {stripped!r} before any --- verb block")
                    continue
                block.verbs.append(_verb(stripped, number))
        except ValueError as exc:
            problem(number, str(exc))
    for block in verbs.blocks:
        for pattern in block.patterns:
            for name in re.findall(r"&[\w-]+", pattern.pre + " " + pattern.post):
                if name.rstrip("_") not in verbs.synsets:
                    problem(pattern.line, f"synonym set {name} is not defined")
    return verbs, problems


def _pattern_line(stripped: str, number: int) -> PatternLine:
    found = _CODE.search(stripped)
    if found is None:
        raise ValueError("pattern has no [CODE] at its end")
    body = stripped[1 : found.start()]
    if "*" not in body:
        raise ValueError("pattern has no * marking the verb")
    pre, _, post = body.partition("*")
    if body.count("(") != body.count(")") or body.count("{") != body.count("}"):
        raise ValueError("unbalanced ( ) or { } in pattern")
    return PatternLine(number, pre.strip(), post.strip(), _paired(found.group(1)))


def _verb(stripped: str, number: int) -> Verb:
    code = None
    found = _CODE.search(stripped)
    if found is not None:
        code = _paired(found.group(1))
        stripped = stripped[: found.start()].strip()
    if stripped.count("{") != stripped.count("}"):
        raise ValueError("unbalanced { } around the verb forms")
    head = re.sub(r"\{[^}]*\}", " ", stripped).split()
    if not head:
        raise ValueError("no verb on the line")
    if len(head) > 1:
        raise ValueError(
            f"{stripped!r}: one verb per line (join the words of a multi-word "
            "verb with _ and mark the verb word with +)"
        )
    word = head[0]
    parts = [p for p in word.split("_") if p]
    marked = [i for i, p in enumerate(parts) if p.startswith("+")]
    if len(parts) > 1 and len(marked) != 1:
        raise ValueError(f"multi-word verb {word}: mark the verb word with one +")
    at = marked[0] if marked else 0
    lemma = parts[at].lstrip("+").lower()
    if not re.fullmatch(r"[a-z][a-z'-]*", lemma):
        raise ValueError(f"bad verb {word!r}")
    after = tuple(p.lower() for p in parts[at + 1 :])
    before = tuple(p.lower() for p in parts[:at])
    return Verb(lemma, after, before, code, number)


# ---- translation ----------------------------------------------------------------------------


@dataclass
class _Slots:
    """What a pattern constrains, in lexicon terms."""

    particle: str = ""
    objects: list[str] = field(default_factory=list)
    preps: list[tuple[str, str]] = field(default_factory=list)  # (prep, object or "" or "*")
    dropped: list[str] = field(default_factory=list)


class _Untranslatable(Exception):
    pass


def _items(text: str) -> list[str]:
    """Pattern text as items: words, {brace groups} and (prepositional phrases)."""
    items: list[str] = []
    depth, current = 0, ""
    for char in text:
        if char in "({":
            if depth == 0 and current.strip():
                items += current.split()
                current = ""
            depth += 1
            current += char
        elif char in ")}":
            depth -= 1
            current += char
            if depth == 0:
                items.append(current.strip())
                current = ""
        elif char.isspace() and depth == 0:
            if current.strip():
                items.append(current.strip())
            current = ""
        else:
            current += char
    if current.strip():
        items += current.split()
    return items


def _noun(item: str) -> list[str]:
    """The lexicon forms of a noun item: a lemma, "modifier head" or @&SET."""
    if item.startswith("{"):
        words = [w for w in item[1:-1].split() if w.lower() not in _ARTICLES]
        if not words:
            raise _Untranslatable("empty { } phrase")
        if any(w.startswith("&") for w in words[:-1]):
            # a set as a modifier ({&MILITARY AID}): the lexicon has no class modifiers
            return _noun(words[-1])
        head = _noun(words[-1])
        if len(words) == 1:
            return head
        modifier = " ".join(units(words[-2].replace("_", " ")))
        return [f"{modifier} {h}" for h in head if not h.startswith("@")] or head
    if item.startswith("&"):
        return ["@" + item.rstrip("_")]
    if item in ("$", "+", "%", "^"):
        raise _Untranslatable(f"marker {item}")
    word = " ".join(units(item.replace("_", " ")))
    if not word:
        raise _Untranslatable(f"no word in {item!r}")
    forms = [singular(word.split()[-1])]
    if " " in word:
        forms = [word.rsplit(" ", 1)[0] + " " + forms[0]]
    if forms[0] != word:
        forms.append(word)
    return forms


def _post_slots(post: str) -> _Slots:
    slots = _Slots()
    items = _items(post)
    i = 0
    while i < len(items):
        item = items[i]
        low = item.lower()
        if item.startswith("("):
            inner = _items(item[1:-1])
            if not inner:
                raise _Untranslatable("empty ( ) phrase")
            prep = inner[0].lower()
            rest = [w for w in inner[1:] if w.lower() not in _ARTICLES]
            if not rest or rest == ["+"]:
                slots.preps.append((prep, ""))
            elif rest == ["^"]:
                slots.preps.append((prep, "*"))
            elif "$" in rest:
                raise _Untranslatable(
                    "the source in a prepositional phrase: flashpoint's source is the subject "
                    "(or a passive's by-phrase)"
                )
            else:
                nouns = [r for r in rest if r not in ("+", "^", "%")]
                slots.preps.append((prep, _noun(nouns[0])[0]))
                slots.dropped += nouns[1:]
        elif low in _NEGATIONS:
            raise _Untranslatable("a negation word: flashpoint reads negation from the parse")
        elif item == "$":
            raise _Untranslatable(
                "a source marker after the verb: flashpoint's source is the subject "
                "(or a passive's by-phrase)"
            )
        elif item in ("+", "^", "%"):
            pass  # the target as object (flashpoint's default), a skipped actor
        elif (
            low in _PARTICLES
            and not slots.particle
            and not slots.objects
            and not slots.preps
            and (i + 1 >= len(items) or low not in _PREPOSITIONS or not _nominal(items[i + 1]))
        ):
            slots.particle = low
        elif low in _PREPOSITIONS and i + 1 < len(items) and _nominal(items[i + 1]):
            following = items[i + 1]
            if following == "$":
                raise _Untranslatable(
                    "the source in a prepositional phrase: flashpoint's source is the subject "
                    "(or a passive's by-phrase)"
                )
            slots.preps.append(
                (
                    low,
                    "" if following in ("+",) else "*" if following == "^" else _noun(following)[0],
                )
            )
            i += 1
        elif low in _ARTICLES:
            pass
        else:
            if slots.objects or slots.preps:
                slots.dropped.append(item)
            else:
                slots.objects = _noun(item)
        i += 1
    return slots


def _nominal(item: str) -> bool:
    return not item.startswith("(") and item.lower() not in _PREPOSITIONS


def _pre_notes(pre: str) -> tuple[bool, str | None]:
    """(translatable, note) for the words before the verb: ``$`` is the subject as source,
    flashpoint's own reading; anything else constrains the subject, which the lexicon
    cannot."""
    words = _items(pre)
    rest = [w for w in words if w not in ("$",)]
    if not rest:
        return True, None
    if "+" in rest:
        raise _Untranslatable("the target before the verb (a subject that is the target)")
    if any(w.lower() in _NEGATIONS for w in rest):
        raise _Untranslatable("a negation word: flashpoint reads negation from the parse")
    if rest == ["%"]:
        return True, "% (a compound subject): flashpoint codes coordinated subjects itself"
    return False, "words before the verb constrain the subject, which the lexicon cannot"


def _verb_slots(verb: Verb) -> tuple[str, str, str]:
    """(particle, object, prep) of a multi-word verb's words after the verb."""
    particle = obj = prep = ""
    for word in verb.after:
        if not particle and not obj and not prep and word in _PARTICLES:
            particle = word
        elif not prep and word in _PREPOSITIONS:
            prep = word
        elif not obj:
            obj = singular(word)
    return particle, obj, prep


def translate_verbs(verbs: VerbDictionary) -> Translation:
    source = Path(verbs.source).name
    notes: list[Problem] = []
    classes: dict[str, set[str]] = {}
    for name, (members, _line, noplural) in verbs.synsets.items():
        words: set[str] = set()
        for member in members:
            word = " ".join(units(member.replace("_", " ")))
            if not word:
                continue
            words.add(word)
            if not noplural and not member.endswith("_"):
                head = singular(word.split()[-1])
                words.add(word.rsplit(" ", 1)[0] + " " + head if " " in word else head)
        classes["@" + name] = words

    def note(line: int, message: str) -> None:
        notes.append(Problem(verbs.source, line, message, error=False))

    patterns: dict[tuple, Pattern] = {}
    paired: dict[str, PairedCode] = {}

    def emit(
        code: PairedCode, verb: Verb, particle: str, obj: str, prep: str, pobj: str, line: int
    ) -> None:
        main = code.forward or code.reverse
        if main is None:
            return
        origin = f"{source}:{line}"
        if code.reverse:
            paired[origin] = code
        key = (verb.lemma, particle, obj, prep, pobj)
        # A later pattern with the same words replaces an earlier one, as in PETRARCH.
        patterns.pop(key, None)
        patterns[key] = Pattern(main, "V", verb.lemma, particle, obj, prep, pobj, origin)

    for block in verbs.blocks:
        for verb in block.verbs:
            code = verb.code or block.code
            if verb.before:
                note(
                    verb.line,
                    f"words before the verb ({' '.join(verb.before).upper()}) "
                    f"are not matched: coded as {verb.lemma.upper()}",
                )
            particle, obj, prep = _verb_slots(verb)
            emit(code, verb, particle, obj, prep, "", verb.line)
        for pattern in block.patterns:
            if pattern.code.forward is None and pattern.code.reverse is None:
                note(
                    pattern.line,
                    "null code [---]: flashpoint's lexicon has no "
                    "'do not code' pattern; not translated",
                )
                continue
            try:
                alone, pre_note = _pre_notes(pattern.pre)
                slots = _post_slots(pattern.post)
            except _Untranslatable as exc:
                note(pattern.line, f"not translated: {exc}")
                continue
            constrained = slots.particle or slots.objects or slots.preps
            if not alone and not constrained:
                note(pattern.line, f"not translated: {pre_note}")
                continue
            if pre_note:
                note(pattern.line, f"approximated: {pre_note}")
            if len(slots.preps) > 1 or slots.dropped:
                extra = [f"({p} {o})".replace(" )", ")") for p, o in slots.preps[1:]]
                note(
                    pattern.line,
                    "approximated: the lexicon keeps one object and one "
                    f"phrase; {' '.join(extra + slots.dropped)} not matched",
                )
            prep, pobj = slots.preps[0] if slots.preps else ("", "")
            for verb in block.verbs:
                particle, obj, vprep = _verb_slots(verb)
                if obj or vprep or (particle and slots.particle and particle != slots.particle):
                    continue  # a multi-word verb with its own object or phrase keeps only it
                for form in slots.objects or [""]:
                    emit(
                        pattern.code,
                        verb,
                        slots.particle or particle,
                        form,
                        prep,
                        pobj,
                        pattern.line,
                    )
    for line in verbs.transformations:
        note(
            line,
            "transformation not translated: flashpoint folds complements itself "
            "('said it would attack' is a threat, 'claimed the attack' 015)",
        )
    frozen = {name: frozenset(words) for name, words in classes.items()}
    return Translation(list(patterns.values()), frozen, paired, notes)
