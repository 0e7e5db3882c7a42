"""``flashpoint_actors``: marks actor-dictionary mentions in a Doc.

Proper names (countries, capitals, organisations, people, institutions) are found with a
case-sensitive PhraseMatcher on ORTH, so "US" is matched and the pronoun "us" never is.  Sector
nouns are matched on lemmas so "officials", "security forces" and "the police" all hit.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.attrs import LEMMA, LOWER
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from ...actors import ActorKB, load_kb
from ..extensions import AGENTS_GROUP, NAMES_GROUP

# Name kinds that denote a place, which "New" before them turns into another place.
_PLACE_KINDS = frozenset({"country", "capital", "adjective"})


class ActorTagger:
    def __init__(self, nlp: Language, kb: ActorKB):
        self.kb = kb
        self.matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
        surfaces = sorted(kb.names)
        # make_doc only tokenizes: building thousands of patterns stays fast.
        self.matcher.add("NAME", [nlp.make_doc(s) for s in surfaces])
        self._first_words: tuple[object, frozenset[str]] | None = None
        self._decoded: dict[Callable[[str], str], dict[int, str]] = {}

    def __call__(self, doc: Doc) -> Doc:
        spans = []
        for _, start, end in self.matcher(doc):
            surface = doc[start:end].text
            entry = self.kb.names.get(surface)
            if entry is None:  # whitespace differences inside the span
                continue
            if start > 0 and doc[start - 1].text == "New" and entry.kind in _PLACE_KINDS:
                continue  # "New Mexico", "New Jersey", "New Ireland" are other places
            spans.append(Span(doc, start, end, label=entry.kind, kb_id=surface))
        doc.spans[NAMES_GROUP] = filter_spans(spans)
        doc.spans[AGENTS_GROUP] = self._agents(doc)
        return doc

    def _strings(self, doc: Doc, ids: list[int], form: Callable[[str], str]) -> list[str]:
        cache = self._decoded.setdefault(form, {})
        if len(cache) > 200_000:
            cache.clear()
        strings = doc.vocab.strings
        out = []
        for key in ids:
            text = cache.get(key)
            if text is None:
                text = cache[key] = form(strings[key])
            out.append(text)
        return out

    def _agents(self, doc: Doc) -> list[Span]:
        agents = self.kb.agents
        if self._first_words is None or self._first_words[0] is not agents:
            self._first_words = (agents, frozenset(key[0] for key in agents))
        first_words = self._first_words[1]
        found = []
        limit = self.kb.max_agent_len
        # "West Bank", "Central African Republic": words of a place name are not agents.
        in_place = {
            i
            for ent in doc.ents
            if ent.label_ in ("GPE", "LOC", "FAC")
            for i in range(ent.start, ent.end)
        }
        # Word forms read as string ids in one call, each distinct id decoded once: building a
        # Token (and its strings) for every word cost more than the matching itself.
        lowers = self._strings(doc, doc.to_array(LOWER).tolist(), str)
        lemmas = self._strings(doc, doc.to_array(LEMMA).tolist(), str.lower)
        for i, (lower, lemma) in enumerate(zip(lowers, lemmas, strict=True)):
            # Every key starts with a word's lower-cased form or its lemma: skip the rest.
            if lower not in first_words and lemma not in first_words:
                continue
            token = doc[i]
            if (token.is_punct and token.text != "-") or i in in_place:
                continue
            # Non-final words are compared by their lower-cased form, the final one by lemma,
            # so "prime ministers" -> ("prime", "minister").
            for length in range(min(limit, len(doc) - i), 0, -1):
                end = i + length
                agent = agents.get((*lowers[i : end - 1], lemmas[end - 1]))
                if agent is None and length > 1:
                    # dictionaries may list lemmas throughout ("human right group")
                    agent = agents.get(tuple(lemmas[i:end]))
                if agent is None and length == 1:
                    agent = agents.get((lowers[i],))
                # "general", "speaker", "party" are agents only as nouns.
                if agent is not None and doc[end - 1].pos_ in ("NOUN", "PROPN"):
                    found.append(Span(doc, i, end, label=agent.sector, kb_id=agent.phrase))
                    break
        return filter_spans(found)


@Language.factory("flashpoint_actors", requires=["token.lemma"], assigns=["doc.spans"])
def make_actor_tagger(nlp: Language, name: str) -> ActorTagger:
    return ActorTagger(nlp, load_kb())
