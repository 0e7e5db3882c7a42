"""Document memory for coreference: pronouns, bare titles and "the two leaders".

Every actor phrase resolved in a document is remembered with what it is (a person, a group,
plural, its title).  Later references pick a fitting earlier mention, and only earlier ones:
"he" never points forward.  Among fitting mentions a pronoun takes the most *salient* one
(Lappin and Leass's salience factors, simplified): mentions in recent sentences weigh more,
subjects more than objects, mentions heading their own clause more than ones buried in a
phrase, and a subject pronoun prefers an earlier subject.  So in "The president avoided
detailing the dispute with the envoy. In public, he praised ..." he is the president, the
subject of the previous sentence, not the nearest man named.
"""

from __future__ import annotations

import bisect
from collections.abc import Collection, Iterable
from dataclasses import dataclass, replace

from spacy.tokens import Token

from ..nlp.docmemo import children, sentence_of
from ..records import ActorRef

__all__ = ["Memory", "Remembered"]

SINGULAR_PERSON = frozenset({"he", "him", "his", "she", "her", "hers", "himself", "herself"})
PLURAL = frozenset({"they", "them", "their", "theirs", "themselves"})
NEUTER = frozenset({"it", "its", "itself"})
PRONOUNS = SINGULAR_PERSON | PLURAL | NEUTER
# Heads that "the two X" / "both X" may refer back with; "two officials" are new people.
PAIR_HEADS = frozenset(
    "leader side country nation government president minister counterpart delegation state "
    "man woman party neighbour neighbor rival ally".split()
)
_PERSON_PAIRS = frozenset({"leader", "president", "minister", "man", "woman"})
_NAMED = ("person-dictionary", "unknown-person")
_FORCE_SECTORS = frozenset({"COP", "MIL", "SPY"})


@dataclass(frozen=True, slots=True)
class Remembered:
    ref: ActorRef
    person: bool
    plural: bool
    group: bool  # a country, organisation or plural sector noun
    title: str | None  # the agent phrase it was introduced with ("prime minister")
    token: int


def _moved(ref: ActorRef, text: str, start: int, end: int) -> ActorRef:
    return replace(ref, text=text, start=start, end=end, resolution="coreference")


def _coarguments(token: Token) -> set[int]:
    """Tokens a non-reflexive object pronoun cannot refer to: the subject of its own verb
    ("Kiir pardoned him" - him is not Kiir)."""
    if token.lower_.endswith(("self", "selves")) or token.dep_ not in ("dobj", "dative", "pobj"):
        return set()
    verb = token.head.head if token.dep_ == "pobj" else token.head
    subjects = [c for c in children(verb) if c.dep_ in ("nsubj", "nsubjpass")]
    while not subjects and verb.dep_ == "conj" and verb.head is not verb:
        # "Merkel phoned Macron and urged him": urge shares phone's subject.
        verb = verb.head
        subjects = [c for c in children(verb) if c.dep_ in ("nsubj", "nsubjpass")]
    return _mention_keys(subjects)


def _reporting_subject(token: Token) -> set[int]:
    """Mentions of the speaker whose reported clause the pronoun is the subject of: in
    "Iraq said it would ...", the subject of "said" (keyed by its head or apposition)."""
    if token.dep_ not in ("nsubj", "nsubjpass") or token.head.dep_ != "ccomp":
        return set()
    return _mention_keys(c for c in children(token.head.head) if c.dep_ == "nsubj")


def _mention_keys(heads: Iterable[Token]) -> set[int]:
    """The indices memory may key these mentions by: each head and its appositions."""
    out: set[int] = set()
    for head in heads:
        out.add(head.i)
        out.update(c.i for c in children(head) if c.dep_ == "appos")
    return out


_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj", "agent"})
_OBJECT_DEPS = frozenset({"dobj", "obj", "dative", "attr", "oprd"})


def _role(token: Token) -> str:
    """The grammatical role of a mention's head (through appositions and conjuncts)."""
    while token.dep_ in ("appos", "conj") and token.head is not token:
        token = token.head
    if token.dep_ in _SUBJECT_DEPS:
        return "subject"
    if token.dep_ in _OBJECT_DEPS:
        return "object"
    if token.dep_ == "pobj":
        return "oblique"
    return "other"


def _sentence_distance(doc, start: int, here: int) -> int:  # type: ignore[no-untyped-def]
    """How many sentence boundaries lie between sentence starts ``start`` and ``here``."""
    if start == here:
        return 0
    return sum(1 for s in doc.sents if start < s.start <= here)


def _coordinated(antecedent: Remembered, wanted: list[Remembered], doc) -> list[Remembered]:  # type: ignore[no-untyped-def]
    """The remembered mentions coordinated with ``antecedent`` ("A, B and C", or one head
    naming several: "the ministers of A, B and C"), in text order, one per distinct actor;
    just the antecedent when it belongs to no such group."""
    root = doc[antecedent.token]
    while root.dep_ == "conj" and root.head is not root:
        root = root.head
    phrase = {root.i}
    stack = [root]
    while stack:
        for child in children(stack.pop()):
            if child.dep_ == "conj" and child.i not in phrase:
                phrase.add(child.i)
                stack.append(child)
    members: list[Remembered] = []
    seen: set[str] = set()
    for memo in wanted:
        key = memo.ref.code or memo.ref.name or ""
        if memo.token in phrase and key not in seen:
            seen.add(key)
            members.append(memo)
    return members if antecedent in members else [antecedent]


class Memory:
    def __init__(self) -> None:
        self.items: list[Remembered] = []

    def add(self, item: Remembered) -> None:
        # Kept in text order: a sentence's phrases are resolved head by head, not left to
        # right ("U.N. Secretary-General Kofi Annan" resolves Annan before the title), and the
        # nearest earlier mention must be the last one.
        bisect.insort(self.items, item, key=lambda m: m.token)

    def _before(self, index: int) -> list[Remembered]:
        return [m for m in self.items if m.token < index]

    @staticmethod
    def _salience(memo: Remembered, pronoun: Token) -> float:
        doc = pronoun.doc
        head = doc[memo.token]
        here = sentence_of(pronoun).start
        there = sentence_of(head).start
        # Sentences between the mention and the pronoun (0: the same sentence).
        distance = _sentence_distance(doc, there, here)
        score = 100.0 * 0.5**distance
        role = _role(head)
        score += {"subject": 80.0, "object": 50.0, "oblique": 40.0}.get(role, 0.0)
        if role in ("subject", "object") and role == _role(pronoun):
            score += 35.0  # parallelism: a subject pronoun continues the subject, and so on
        if head.dep_ not in ("pobj", "poss", "compound", "nmod"):
            score += 30.0  # heads its own argument rather than sitting inside another phrase
        return score

    def pronoun(self, token: Token) -> list[ActorRef]:
        word = token.lower_
        earlier = self._before(token.i)
        if word in SINGULAR_PERSON:
            wanted = [m for m in earlier if m.person and not m.plural]
        elif word in PLURAL:
            wanted = [m for m in earlier if m.group]
        elif word in NEUTER:
            # "NATO confirmed it would ...": a country or a coded organisation, never a person.
            wanted = [
                m for m in earlier if m.group and (m.ref.country or m.ref.code) and not m.person
            ]
        else:
            return []
        coarguments = _coarguments(token)
        wanted = [m for m in wanted if m.token not in coarguments]
        if not wanted:
            return []
        # The most salient candidate; on equal salience the nearest.
        antecedent = max(
            enumerate(wanted), key=lambda pair: (self._salience(pair[1], token), pair[0])
        )[1]
        speakers = _reporting_subject(token)  # once, not once per candidate
        reporters = [m for m in wanted if m.token in speakers]
        if reporters and reporters[-1].ref.start is not None:
            # "Hungary said it will support ...", "Iraq told the UN it would allow ...": the
            # subject of a clause reported by its own speaker is the speaker, as sure as the
            # name itself, and nearer mentions (the UN) are not candidates.
            return [reporters[-1].ref]
        if word in PLURAL:
            # A person coordinated with the group belongs to it ("the Egyptian minister and
            # his Greek and Cypriot counterparts met. They ..."), though alone a person is
            # never "they".
            members = _coordinated(
                antecedent, [m for m in earlier if m.token not in coarguments], token.doc
            )
            if len(members) > 1:
                # "Egypt, Greece and Cyprus met in Cairo. They denounced the deal": "they" is
                # the coordinated group, each member a party of its own.
                return [
                    _moved(m.ref, token.text, token.idx, token.idx + len(token.text))
                    for m in members
                ]
        if antecedent.token >= sentence_of(token).start and antecedent.ref.start is not None:
            # "called Erdogan and urged him to ...": within one sentence the mention is the
            # antecedent's own name, which is what a reader (and an annotator) points to.
            return [replace(antecedent.ref, resolution="coreference")]
        return [_moved(antecedent.ref, token.text, token.idx, token.idx + len(token.text))]

    def salient_country(self, before: Token, exclude: Collection[str]) -> str | None:
        """The country of the most salient actors mentioned before ``before``, other than
        those in ``exclude`` (the act's own sources: "France and Germany condemned the coup"
        is not France condemning Germany): mentions in the current and recent sentences
        weigh most (halving per sentence back), subjects and objects more than other
        mentions.  The implicit party of an act whose target the sentence does not name ("The
        United States condemns the killings", after three sentences on Ethiopia's army) is
        most often that country."""
        scores: dict[str, float] = {}
        for memo in self._before(before.i):
            country = memo.ref.country
            if not country or country in exclude:
                continue
            scores[country] = scores.get(country, 0.0) + self._salience(memo, before)
        return max(scores, key=lambda c: scores[c]) if scores else None

    def pair(self, head: Token, text: str, start: int, end: int) -> list[ActorRef]:
        """'the two leaders' -> the last two named people; 'both sides' -> the last two groups."""
        want_person = head.lemma_.lower() in _PERSON_PAIRS
        distinct: list[ActorRef] = []
        keys: list[str] = []
        for memo in reversed(self._before(head.i)):
            named_person = memo.person and memo.ref.resolution in _NAMED
            if (want_person and not named_person) or (not want_person and memo.person):
                continue
            key = memo.ref.name if want_person else (memo.ref.country or memo.ref.name)
            if key and key not in keys:
                distinct.append(memo.ref)
                keys.append(key)
            if len(distinct) == 2:
                break
        if len(distinct) < 2:
            return []
        return [_moved(r, text, start, end) for r in reversed(distinct)]

    def titled_group(
        self, phrase: str, before: Token, text: str, start: int, end: int
    ) -> list[ActorRef]:
        """'the foreign ministers' -> the last coordinated group one of whose members held
        that title ("the Egyptian foreign minister and his Greek and French counterparts",
        "the foreign ministers of Egypt, Greece and France"), each member a party of its own;
        else the holders of that title from different countries named just before.  A plural
        never refers back to one person: without several holders, nothing."""
        earlier = self._before(before.i)
        holders = [m for m in earlier if m.title == phrase]
        for memo in reversed(holders):
            members = _coordinated(memo, earlier, before.doc)
            if len(members) > 1:
                return [_moved(m.ref, text, start, end) for m in members]
        # "Kenya's foreign minister met his Ethiopian counterpart ... The foreign ministers":
        # the title's holders named in this and the two sentences before.
        here = sentence_of(before).start
        recent: dict[str, Remembered] = {}
        for memo in holders:
            there = sentence_of(before.doc[memo.token]).start
            if memo.ref.country and _sentence_distance(before.doc, there, here) <= 2:
                recent.setdefault(memo.ref.country, memo)
        if len(recent) > 1:
            return [_moved(m.ref, text, start, end) for m in recent.values()]
        return []

    def recent_force(self, head: Token, text: str, start: int, end: int) -> list[ActorRef]:
        """The police or armed force named last before ``head``, one whose country is known
        first ("London police" over a headline's bare "Police")."""
        forces = [m for m in self._before(head.i) if m.ref.sector in _FORCE_SECTORS]
        placed = [m for m in forces if m.ref.country]
        chosen = (placed or forces)[-1:]
        return [_moved(m.ref, text, start, end) for m in chosen]

    def title(self, phrase: str, before: int, text: str, start: int, end: int) -> list[ActorRef]:
        """'the prime minister' -> the last prime minister named before this point."""
        for memo in reversed(self.items):
            if memo.title == phrase and memo.ref.country and memo.token < before:
                return [_moved(memo.ref, text, start, end)]
        return []
