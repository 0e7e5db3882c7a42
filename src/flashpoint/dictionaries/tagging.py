"""Mark dictionary phrases in a parsed Doc, beside (or instead of) flashpoint's own mentions.

The spaCy pipeline's ``flashpoint_actors`` component has already put the built-in names and
sector nouns in ``doc.spans``; this adds the dictionary ones to the same span groups, so the
resolver reads both alike.  Where two mentions overlap, a user's file beats flashpoint's own
dictionaries, which beat the bundled Phoenix set ("--dictionaries phoenix" adds knowledge; it
does not overrule what flashpoint maintains).  ``--only-given-dictionaries`` drops the built-in
mentions of a kind the user gave files for.

PETRARCH matched upper-cased text; matching every case here would make "us" the United States
and "chad" a country, so an actor phrase needs a capitalised word, and a one-word one a proper
noun or a named entity.  Agents match in any case (they are common nouns), on nouns only.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from ..nlp.extensions import AGENTS_GROUP, NAMES_GROUP
from .phrases import PhraseIndex, units

__all__ = ["Hit", "Tagger"]

_NOT_NAMES = {"DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "CARDINAL", "ORDINAL"}
_NAME_ENTS = {"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "EVENT", "PRODUCT", "LAW"}
_PLACE_ENTS = {"GPE", "LOC", "FAC"}
_DONE = "fp_dictionaries"


@dataclass(frozen=True, slots=True)
class Hit:
    """What a phrase denotes: the span label and kb id the resolver reads."""

    label: str
    kb_id: str


class Tagger:
    def __init__(
        self,
        user_actors: PhraseIndex[Hit],
        bundled_actors: PhraseIndex[Hit],
        user_agents: PhraseIndex[Hit],
        bundled_agents: PhraseIndex[Hit],
        *,
        replace_names: bool,
        replace_agents: bool,
        added: bool = True,
    ):
        self.user_actors = user_actors
        self.bundled_actors = bundled_actors
        self.user_agents = user_agents
        self.bundled_agents = bundled_agents
        self.replace_names = replace_names
        self.replace_agents = replace_agents
        # Added to flashpoint's own, bundled phrases yield to what it reads itself (places,
        # modifiers); used alone they are read as PETRARCH reads them.
        self._bundled_name = _bundled_name if added else _name_like
        self._bundled_agent = _head_noun if added else _noun

    def __call__(self, doc: Doc) -> Doc:
        if doc.user_data.get(_DONE) == id(self):
            return doc  # a Doc coded twice is tagged once
        words: list[str] = []
        owner: list[int] = []
        starts: list[int] = []
        ends: set[int] = set()
        for token in doc:
            pieces = units(token.text)
            if not pieces:
                continue
            starts.append(len(words))
            words.extend(pieces)
            owner.extend([token.i] * len(pieces))
            ends.add(len(words))

        def spans(index: PhraseIndex[Hit], accept) -> list[Span]:  # type: ignore[no-untyped-def]
            found = []
            for first, last, hit in index.find(words, starts, ends):
                start, end = owner[first], owner[last - 1] + 1
                if accept(doc, start, end, hit):
                    found.append(Span(doc, start, end, label=hit.label, kb_id=hit.kb_id))
            return found

        names = _merge(
            spans(self.user_actors, _name_like),
            [] if self.replace_names else list(doc.spans.get(NAMES_GROUP, [])),
            spans(self.bundled_actors, self._bundled_name),
        )
        agents = _merge(
            spans(self.user_agents, _noun),
            [] if self.replace_agents else list(doc.spans.get(AGENTS_GROUP, [])),
            spans(self.bundled_agents, self._bundled_agent),
        )
        doc.spans[NAMES_GROUP] = names
        doc.spans[AGENTS_GROUP] = agents
        doc.user_data[_DONE] = id(self)
        return doc


def _merge(*ranked: Iterable[Span]) -> list[Span]:
    """Spans of every rank that overlap no span of a higher one, in document order."""
    taken: set[int] = set()
    kept: list[Span] = []
    for spans in ranked:
        mine = [s for s in filter_spans(spans) if not taken.intersection(range(s.start, s.end))]
        for span in mine:
            taken.update(range(span.start, span.end))
        kept += mine
    return sorted(kept, key=lambda s: s.start)


def _name_like(doc: Doc, start: int, end: int, hit: Hit | None = None) -> bool:
    tokens = doc[start:end]
    if any(t.ent_type_ in _NOT_NAMES for t in tokens):
        return False
    if not any(t.text[:1].isupper() for t in tokens if t.is_alpha or t.text[:1].isalpha()):
        return False
    if end - start > 1:
        return True
    token = doc[start]
    return token.pos_ == "PROPN" or token.ent_type_ in _NAME_ENTS


def _noun(doc: Doc, start: int, end: int, hit: Hit | None = None) -> bool:
    if doc[end - 1].pos_ not in ("NOUN", "PROPN"):
        return False
    # "West Bank", "Central African Republic": words of a place name are not agents.
    return not any(t.ent_type_ in _PLACE_ENTS for t in doc[start:end])


def _bundled_name(doc: Doc, start: int, end: int, hit: Hit | None = None) -> bool:
    """A bundled country synonym that names a place is left to the gazetteer: Phoenix lists a
    country's cities and provinces with it ("+KABUL_", "+HELMAND"), flashpoint reads places
    as places (an event's location, or the target of what is done to it) and only capitals
    as the government they stand for, which its own dictionary knows."""
    if not _name_like(doc, start, end):
        return False
    if hit is not None and hit.label == "country":
        return not any(t.ent_type_ in _PLACE_ENTS for t in doc[start:end])
    return True


def _head_noun(doc: Doc, start: int, end: int, hit: Hit | None = None) -> bool:
    """A bundled agent names the phrase's head, not a modifier: Phoenix lists religions and
    trades ("HINDU", "MUSLIM") that as modifiers ("Hindu-Muslim riots") would make the
    riots an actor.  flashpoint's own sector nouns cover the modifiers it needs."""
    return _noun(doc, start, end) and doc[end - 1].dep_ not in ("compound", "amod", "nmod")
