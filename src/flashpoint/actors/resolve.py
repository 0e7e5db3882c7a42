"""Resolve noun phrases to actors: country, sector, canonical name and CAMEO actor code.

One :class:`DocActors` per document.  It reads the mention spans the ``flashpoint_actors``
component put on the Doc, composes them inside each noun phrase ("Israeli Prime Minister
Benjamin Netanyahu" -> ISR + GOV + Netanyahu), resolves people and titles on the story date,
and keeps a memory of earlier mentions for pronouns, short names and "the two leaders".
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date
from itertools import pairwise

from spacy.tokens import Doc, Span, Token

from ..nlp.docmemo import (
    children,
    doc_text,
    doc_tokens,
    doc_words,
    sent_tokens,
    sentence_of,
    subtree,
)
from ..nlp.extensions import AGENTS_GROUP, NAMES_GROUP
from ..records import ActorRef
from .coref import PAIR_HEADS, PRONOUNS, Memory, Remembered
from .kb import COUNTRY_NAME_KINDS, ActorKB, NameEntry
from .phrases import np_tokens
from .publisher import inside_quotes, is_first_person
from .regions import region_of

__all__ = ["ENVOY_NOUNS", "DocActors"]

_LOCATIVE = {"in", "at", "near", "to", "from", "into", "across", "outside", "inside"}
# Sectors that, unnamed, almost always belong to the country the story is filed from.
_DOMESTIC_SECTORS = {
    "MIL",
    "COP",
    "JUD",
    "LEG",
    "OPP",
    "CVL",
    "REB",
    "INS",
    "SEP",
    "SPY",
    "LAB",
    "EDU",
    "HLH",
    "MED",
    "CRM",
    "PTY",
    "UAF",
    "REF",
    "RAD",
}
_NATIONAL_TITLES = frozenset(
    "president|prime minister|king|queen|emir|premier|vice president|chancellor|sultan".split("|")
)
_NOT_HOME = frozenset(
    "all both foreign international western arab regional other several neighbouring "
    "neighboring overseas un u.n.".split()
)
_OTHER_SIDE = frozenset("other foreign international overseas neighbouring neighboring".split())
_MEMBER_NOUNS = {
    "tens",
    "ten",
    "thousand",
    "hundred",
    "dozen",
    "million",
    "score",
    "crowd",
    "hundreds",
    "thousands",
    "dozens",
    "headquarters",
    "position",
    "base",
    "convoy",
    "camp",
    "outpost",
    "barracks",
    "residence",
    "embassy",
    "office",
    "member",
    "members",
    "representative",
    "delegate",
    "delegation",
    "envoy",
    "team",
    "group",
    "unit",
    "wing",
    "faction",
    "supporter",
    "fighter",
    "militant",
    "official",
    "leader",
    "head",
    "chief",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "commander",
    "negotiator",
    "mediator",
    # a body of forces: "the first deployment of NATO troops", "a contingent of Bangladeshi
    # peacekeepers" act as the forces they consist of
    "deployment",
    "contingent",
    "detachment",
    "column",
    "batch",
}
# Lower-case portfolios after a title: "the secretary of state", "minister of defence".
_PORTFOLIOS = frozenset(
    "state defense defence interior finance justice health foreign affairs agriculture "
    "education energy labor labour trade commerce treasury transport information".split()
)
# People named by their relation to someone: "the son of the former prime minister".
_RELATION_NOUNS = frozenset(
    "son daughter wife husband brother sister father mother family relative widow nephew "
    "niece cousin".split()
)
_FORMER = {"former", "ex", "ex-", "erstwhile", "retired", "late"}
_IN_COUNTRY = {"in", "throughout", "across", "inside", "from"}
_NOT_ACTOR_ENTS = {"DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "CARDINAL", "ORDINAL"}
_NOT_ACTOR_NOUNS = frozenset(
    "what thing way time part lot kind sort number one day week month year".split()
)
# Post-modifiers that belong to the mention a reader would point at: "the mosque in Mosul",
# "a court in Bishkek", "people from the local community".  Dyadic prepositions (with,
# against, to, on) usually introduce the other party and stay out.
_SPAN_PREPS = {"in", "near", "at", "throughout", "across", "inside", "outside", "around", "from"}
# Envoys are mentioned with their posting ("Saudi Arabia's ambassador to the UN"), which says
# nothing of their own country, so it joins the mention only.
ENVOY_NOUNS = frozenset("ambassador envoy representative emissary delegate consul".split())


def _extent(head: Token, tokens: list[Token]) -> tuple[int, int]:
    """Character extent of the mention: the actor phrase plus its locative post-modifiers."""
    doc = doc_tokens(head.doc)  # indexed like the Doc, without building Tokens each time
    words = doc_words(head.doc)
    first, last = tokens[0].i, tokens[-1].i
    container = _quantity_container(head)
    if container is not None:  # "dozens of demonstrators": the mention is the whole phrase
        first = min(first, container.left_edge.i)
    if head.ent_type_ == "PERSON":
        # "President Mohamed Abdullahi Mohamed Farmajo", misparsed (and tagged) as two
        # names: the mention is the whole run of name words.
        while first > 0 and doc[first].ent_type_ == doc[first - 1].ent_type_ == "PERSON":
            first -= 1
        title = doc[first - 1] if first > 0 else None
        if (
            title is not None
            and title.i < head.i
            and any(
                t.head.i == title.i and t.dep_ in ("appos", "compound") for t in doc[first : head.i]
            )
        ):
            first = title.left_edge.i  # "the Somali President" + the name hung off it
    for t in tokens:
        if t.dep_ == "nummod":  # "at least 75 people"
            first = min([first] + [c.i for c in subtree(t)])
    extra: set[int] = set()
    for child in children(head):
        if child.dep_ != "prep" or child.i < head.i or head.ent_type_ == "PERSON":
            # "met Trump in Washington": a person is not described by where the event was
            continue
        pobj = next((g for g in children(child) if g.dep_ == "pobj"), None)
        if pobj is None or pobj.ent_type_ in ("DATE", "TIME"):
            continue
        if not (
            child.lower_ in _SPAN_PREPS
            or (child.lower_ == "of" and pobj.pos_ == "PROPN")
            or (child.lower_ == "to" and head.lemma_.lower() in ENVOY_NOUNS)
        ):
            continue
        extra |= {
            c.i
            for c in subtree(child)
            if not any(a.dep_ in ("relcl", "acl", "advcl", "appos") for a in _path(c, child))
        }
    # grow to the right while the next token belongs to the phrase (or is inner punctuation)
    while last + 1 < len(doc) and (
        last + 1 in extra
        or (doc[last + 1].is_punct and words[last + 1] in "-'’" and last + 2 in extra)
    ):
        last += 1
    while last > first and doc[last].is_punct and words[last] not in ')]"”':
        last -= 1  # "148 students at a university near the border," ends before the comma
    end = doc[last].idx + len(words[last])
    inside = words[first : last + 1]
    opened = inside.count("(") - inside.count(")")
    if opened > 0 and last + 1 < len(doc) and words[last + 1] == ")":
        end = doc[last + 1].idx + 1  # "The Nigerian Air Force (NAF)"
    return doc[first].idx, end


_QUANTITY_NOUNS = {
    "dozens", "hundreds", "thousands", "tens", "millions", "scores", "dozen", "hundred",
    "thousand", "million", "number", "group", "crowd", "handful", "couple",
}  # fmt: skip


_PARTITIVE_WORDS = {
    "some", "many", "most", "all", "several", "each", "both", "few", "none", "any", "either",
    "one", "half", "majority", "rest", "remainder",
}  # fmt: skip


def _quantity_container(head: Token) -> Token | None:
    """The quantity noun an argument head hangs from: "dozens" in "dozens of demonstrators"."""
    prep = head.head
    if head.dep_ != "pobj" or prep.lower_ != "of" or prep.head.i > head.i:
        return None
    container = prep.head
    if container.lower_ in _QUANTITY_NOUNS and container.pos_ in ("NOUN", "NUM"):
        return container
    if container.pos_ == "NUM" or container.lower_ in _PARTITIVE_WORDS:
        return container  # "some of the peacekeepers", "four of the largest corporations"
    return None


def _path(token: Token, top: Token) -> list[Token]:
    out = []
    current = token
    while current.i != top.i and current.head.i != current.i:
        out.append(current)
        current = current.head
    return out


# Possessive pronouns whose owner a group or person mention refers back to.
_OWNER_PRONOUNS = frozenset({"its", "his", "her", "their"})


# Nouns by which a government's statement names its own institution ("the Department").
_OWN_INSTITUTIONS = frozenset({"department", "ministry", "administration", "government"})


class DocActors:
    def __init__(
        self,
        kb: ActorKB,
        doc: Doc,
        day: date | None,
        home_country: str | None = None,
        publisher: ActorRef | None = None,
    ):
        self.kb = kb
        self.home_country = home_country
        # The voice of an official statement: "we" and "I" outside quotes (see publisher.py).
        self.publisher = publisher
        self.text = doc_text(doc)  # Doc.text re-joins every token: build it once per document
        self.doc = doc
        self.day = day
        self.names: dict[int, Span] = {}
        for span in doc.spans.get(NAMES_GROUP, []):
            if _stance_prefix(span):
                continue  # "an anti-Syria journalist", "pro-Russian separatists": a stance
            for i in range(span.start, span.end):
                self.names[i] = span
        self.agents: dict[int, Span] = {}
        for span in doc.spans.get(AGENTS_GROUP, []):
            for i in range(span.start, span.end):
                self.agents[i] = span
        self.memory = Memory()
        self.short_names: dict[str, ActorRef] = {}  # "Abdelatty" -> the full earlier mention
        self._cache: dict[int, list[ActorRef]] = {}
        self._phrases: dict[tuple, list[Token]] = {}

    def _np(
        self,
        head: Token,
        *,
        with_appos: bool = True,
        with_preps: bool = True,
        actor_like: Callable[[Token], bool] | None = None,
    ) -> list[Token]:
        """``np_tokens`` of a head, computed once per document: resolution, coreference and
        the actor-likeness test all ask for the same phrases again and again."""
        test = actor_like.__name__ if actor_like is not None else None
        key = (head.i, with_appos, with_preps, test)
        tokens = self._phrases.get(key)
        if tokens is None:
            tokens = self._phrases[key] = np_tokens(
                head, with_appos=with_appos, with_preps=with_preps, actor_like=actor_like
            )
        return list(tokens)

    # -- public -----------------------------------------------------------------------------
    def observe(self, sent: Span) -> None:
        """Resolve every actor phrase in a sentence, in order, so later pronouns can use them."""
        heads: list[Token] = []
        for token in sent_tokens(sent):
            if token.is_punct:
                continue  # the hyphen in "Secretary-General" is no phrase of its own
            if token.i in self.names or token.i in self.agents or token.ent_type_ == "PERSON":
                head = token
                while head.dep_ in ("compound", "amod", "flat", "nmod") and head.head != head:
                    head = head.head
                if head not in heads:
                    heads.append(head)
        for head in heads:
            if head.dep_ == "pobj" and head.head.lower_ in _LOCATIVE:
                continue  # "in Cairo" is a place, not an actor to refer back to
            self.resolve(head)

    def resolve(self, head: Token) -> list[ActorRef]:
        """Actors denoted by the phrase headed by ``head`` (several when coordinated)."""
        if head.i in self._cache:
            return self._cache[head.i]
        if is_first_person(head.lower_) and (voice := self.publisher_voice(head)) is not None:
            start, end = head.idx, head.idx + len(head.text)
            refs = [replace(voice, text=head.text, start=start, end=end)]
        elif head.pos_ == "PRON" or head.lower_ in PRONOUNS:
            refs = self.memory.pronoun(head)
        else:
            refs = self._phrase(head)
            voice = self._publisher_itself(head) if not refs else None
            if voice is not None:
                start, end = _extent(head, sorted([head, *children(head)], key=lambda t: t.i))
                refs = [replace(voice, text=self.text[start:end], start=start, end=end)]
            if refs:
                self._remember(head, refs)
        self._cache[head.i] = refs
        return refs

    def _publisher_itself(self, head: Token) -> ActorRef | None:
        """ "The Department is designating ...", "the Ministry calls on ..." in a government's
        own statement: the bare institution noun, with nothing naming another, is the
        publisher (the Department of State in a state.gov release)."""
        modifiers = children(head)
        if (
            head.lemma_.lower() not in _OWN_INSTITUTIONS
            or not modifiers
            or not all(c.dep_ == "det" and c.lower_ in ("the", "this") for c in modifiers)
        ):
            return None
        return self.publisher_voice(head)

    def publisher_voice(self, token: Token) -> ActorRef | None:
        """The official publisher when ``token`` is in its own words (not quoted), else None."""
        if self.publisher is None or not self._own_voice(token):
            return None
        return self.publisher

    def _own_voice(self, token: Token) -> bool:
        """Whether a word is the publisher's own text rather than a quotation in it."""
        paragraph = self.text.rfind("\n\n", 0, token.idx)
        return not inside_quotes(self.text, token.idx, paragraph + 1 if paragraph >= 0 else 0)

    def unresolved(self, head: Token) -> ActorRef | None:
        """The mention of an argument that names no known actor ("19 Christians", "children").

        Kept so the event still says whom it was directed at; it carries no code.
        """
        if head.pos_ not in ("NOUN", "PROPN") or head.ent_type_ in _NOT_ACTOR_ENTS:
            return None
        if head.lower_ in PRONOUNS or head.lemma_.lower() in _NOT_ACTOR_NOUNS:
            return None
        tokens = self._np(head, actor_like=self._actor_like)
        start, end = _extent(head, tokens)
        return ActorRef(self.text[start:end], None, None, None, None, start, end, "unresolved")

    # -- phrases ----------------------------------------------------------------------------
    def _actor_like(self, token: Token) -> bool:
        # The object's own phrase (with its of/for/from phrases), not its whole subtree: in
        # "accused the government of abuses in Mogadishu" the place inside the charge does
        # not make "abuses" an actor; "diplomats of the member states of ASEAN" stays whole.
        phrase = self._np(token, with_appos=False)
        if any(t.i in self.names or t.i in self.agents for t in phrase):
            return True
        # A title's own portfolio or body: "the secretary of defense", "Vice President of the
        # Commission", "undersecretary of state for political affairs".
        title = token.head.head if token.head.dep_ == "prep" else None
        return (
            title is not None
            and title.i in self.agents
            and (token.pos_ == "PROPN" or token.lemma_.lower() in _PORTFOLIOS)
        )

    def _actor_not_beneficiary(self, token: Token) -> bool:
        return token.head.lower_ != "for" and self._actor_like(token)

    def _takes_title_phrase(self, head: Token) -> bool:
        """Only a person, office, group or name owns a "for" phrase ("a spokesman for Abbas");
        after any other noun it is a separate argument: "concern for Buhari's health", "support
        for the government", "a dinner for Netanyahu".  ("of" is kept: "a depot of the army",
        "a number of Iranian websites".)"""
        return (
            head.i in self.names
            or head.i in self.agents
            or head.pos_ == "PROPN"
            or head.ent_type_ in ("PERSON", "ORG", "GPE", "NORP")
            or head.lemma_.lower() in _MEMBER_NOUNS
            or head.lemma_.lower() in _RELATION_NOUNS
        )

    def _phrase(self, head: Token) -> list[ActorRef]:
        actor_like = self._actor_like
        if not self._takes_title_phrase(head):
            actor_like = self._actor_not_beneficiary
        tokens = self._np(head, actor_like=actor_like)
        core = self._np(head, with_appos=False, with_preps=False)
        pair = self._pair_reference(head, tokens) or self._force_reference(head, tokens)
        if pair:
            return pair
        core_names = self._spans_in(core, self.names)
        appos_names = [
            s
            for c in children(head)
            if c.dep_ == "appos"
            for s in self._spans_in(self._np(c, with_preps=False), self.names)
        ]
        names = self._spans_in(tokens, self.names)
        agent = self._head_agent(head, core) or self._appos_agent(head)
        if agent is None and head.lemma_.lower() in _MEMBER_NOUNS:
            # "Thousands of demonstrators", "members of the security forces"
            after = [self.agents[t.i] for t in tokens if t.i in self.agents and t.i > head.i]
            agent = after[0] if after else None
        former = any(t.lower_ in _FORMER for t in tokens)
        start, end = _extent(head, tokens)
        text = self.text[start:end]
        named = core_names or appos_names
        if not named and head.lemma_.lower() in _MEMBER_NOUNS:
            named = names  # "members of Hamas", "a delegation from the EU" act for the group
        person_span = next((s for s in named if s.label_ == "person"), None)
        org_span = next((s for s in named if s.label_ == "org"), None)
        if person_span is not None and org_span is not None and _possessive(person_span):
            # "Osama bin Laden's al-Qaeda network", "Putin's United Russia": the possessor
            # leads the organisation, which is what the phrase names.
            person_span = None
        head_span = self.names.get(head.i)
        if head_span is not None and self.kb.names[head_span.kb_id_].kind == "country":
            # "NATO-member Norway", "Pakistan, a key U.S. ally": the head names the actor;
            # a modifier or apposition only describes it.
            if org_span is not None and head.i not in range(org_span.start, org_span.end):
                org_span = None
            if person_span is not None and head.i not in range(person_span.start, person_span.end):
                person_span = None

        if person_span is not None:
            entry = self.kb.names[person_span.kb_id_]
            entry = replace(entry, name=self.kb.person_named(person_span.kb_id_, self.day))
            status = self.kb.person_status(entry.name, self.day)
            country = status.country if status else entry.country
            sector = status.sector if status else None
            if former and sector not in (None, "ELI"):
                sector = "ELI"
            code = _code(country, sector)
            return [
                ActorRef(text, entry.name, country, sector, code, start, end, "person-dictionary")
            ]

        if org_span is not None:
            entry = self.kb.names[org_span.kb_id_]
            others = [n for n in core_names if n is not org_span]
            explicit = self._countries(others, core)
            if entry.country and explicit and explicit[0][0][0] != entry.country:
                # "Kenya's Liberal Democratic Party" is not Japan's: an explicit country wins
                # over a same-named organisation's home country.
                country = explicit[0][0][0]
                code = _code(country, entry.sector)
                return [
                    ActorRef(
                        text, org_span.text, country, entry.sector, code, start, end, "dictionary"
                    )
                ]
            return [
                ActorRef(
                    text,
                    entry.name,
                    entry.country,
                    entry.sector,
                    entry.code,
                    start,
                    end,
                    "dictionary",
                )
            ]

        possessor = self._possessor(head)
        if possessor is not None and agent is None and not core_names:
            # "the prime minister's office", "Netanyahu's government": the possessor acts.
            return [replace(possessor, text=text, start=start, end=end)]

        ethnic = _ethnic(tokens) or self._people_of_country(head)
        if ethnic:
            countries = self._residence(head, tokens, names)
        else:
            countries = self._countries(names, tokens, head)
        sector = agent.label_ if agent is not None else None
        if ethnic and sector is None and countries:
            sector = "CVL"  # "ethnic Turks": the country's civilians of that ethnicity
        for span in names:
            entry = self.kb.names[span.kb_id_]
            if (
                entry.kind in ("metonym", "capital")
                and entry.sector
                and (span.root == head or span.end - 1 == head.i)
            ):
                sector = entry.sector
        if former and sector:
            sector = "ELI"
        if not countries and possessor is not None and possessor.country:
            countries = [[(possessor.country, None)]]
        if not countries:
            countries = self._countries_of_people(names)
        if not countries and (sector is not None or self._unknown_person(core)):
            # "Rebels in the Ivory Coast", "police in Kenya": a sector noun with no nationality
            # of its own belongs to the country it is placed in.
            countries = self._located_in(head)

        unknown_person = self._unknown_person(core)
        if not countries and sector is None and unknown_person is None:
            return []
        if not countries and head.tag_ in ("NNS", "NNPS") and unknown_person is None:
            # "several Arab governments", "African leaders": a region's group, no one country.
            modifiers = [t.text for t in tokens if t.i < head.i]
            region = region_of(modifiers)
            if region is not None:
                countries = [[region]]
        if not countries and unknown_person is None:
            # "its troops", "his government": the possessor's country (coreference).
            owner = next(
                (c for c in children(head) if c.dep_ == "poss" and c.lower_ in _OWNER_PRONOUNS),
                None,
            )
            antecedents = self.memory.pronoun(owner) if owner is not None else []
            if antecedents and antecedents[0].country:
                country = antecedents[0].country
                countries = [[(country, antecedents[0].name or self.kb.country_name(country))]]
        if not countries and agent is not None and unknown_person is None:
            # A bare title ("the prime minister") refers back to the last one named.
            earlier = self._title_reference(
                agent, text, start, end, plural=head.tag_ in ("NNS", "NNPS")
            )
            if earlier:
                return earlier

        how = None
        if unknown_person and len(unknown_person.split()) == 1:
            earlier = self.short_names.get(unknown_person)
            if earlier is not None:  # "Rajoelina" after "President Andry Rajoelina"
                return [replace(earlier, text=text, start=start, end=end, resolution="coreference")]
        head_of_state = agent is not None and agent.kb_id_ in _NATIONAL_TITLES
        domestic = not _foreign_or_collective(tokens) and (
            sector in _DOMESTIC_SECTORS
            or (sector == "GOV" and unknown_person is not None and head_of_state)
            or (sector == "GOV" and unknown_person is None and _definite_plain(tokens))
        )
        if not countries and domestic and self.home_country:
            # "Police fired tear gas" in a story datelined ANTANANARIVO: Madagascar's police.
            countries = [[(self.home_country, self.kb.country_name(self.home_country))]]
            how = "dateline"
        refs = []
        for group in countries or [[(None, None)]]:
            for country, name in group:
                holder_name = None
                if agent is not None and country and not former and unknown_person is None:
                    holder = self.kb.office_holder(country, agent.kb_id_, self.day)
                    holder_name = holder.name if holder else None
                if name is None and country:
                    # "its troops", "his government": an unnamed group takes its country's
                    # name ("Military (Syria)"), never the pronoun phrase as a name.
                    name = self.kb.country_name(country)
                canonical = unknown_person or holder_name or _group_name(sector, name)
                how = how or (
                    "unknown-person" if unknown_person else "dictionary" if country else "agent"
                )
                refs.append(
                    ActorRef(
                        text, canonical, country, sector, _code(country, sector), start, end, how
                    )
                )
        if unknown_person and refs:
            surname = unknown_person.split()[-1]
            self.short_names[surname] = replace(refs[0], text=surname)
        return refs

    def _residence(self, head: Token, tokens: list[Token], names: list[Span]) -> list[list[tuple]]:
        """The country an ethnic group lives in, which CAMEO codes it with ("ethnic Albanians in
        south Serbia" are SRB): a country named in the phrase other than the kin adjective, else
        the nearest other country named in the sentence, else the dateline's, else the kin
        state."""
        kin = {
            self.kb.names[s.kb_id_].country
            for s in names
            if self.kb.names[s.kb_id_].kind == "adjective"
        }
        others = [s for s in names if self.kb.names[s.kb_id_].country not in kin]
        found = self._countries(others, tokens, head) if others else []
        if found:
            return found
        places = []
        sent = sentence_of(head)
        for span in self.doc.spans.get(NAMES_GROUP, []):
            entry = self.kb.names[span.kb_id_]
            if (
                span.start >= sent.start
                and span.end <= sent.end
                and entry.kind in ("country", "capital")
                and entry.country
                and entry.country not in kin
                and not _stance_prefix(span)
            ):
                places.append((abs(span.start - head.i), entry.country))
        if places:
            country = min(places)[1]
            return [[(country, self.kb.country_name(country))]]
        if self.home_country and self.home_country not in kin:
            return [[(self.home_country, self.kb.country_name(self.home_country))]]
        return self._countries(names, tokens, head)

    def _people_of_country(self, head: Token) -> bool:
        """ "The Albanians of southern Serbia", "the Kurds of Iraq": a people named by
        ethnicity and placed with "of" in another country lives there (see _residence).
        "Americans in Iraq" stay American: only "of" marks belonging."""
        span = self.names.get(head.i)
        if span is None or head.tag_ not in ("NNS", "NNPS"):
            return False
        kin = self.kb.names[span.kb_id_]
        if kin.kind != "adjective":
            return False
        for prep in children(head):
            if prep.dep_ != "prep" or prep.lower_ != "of":
                continue
            for token in subtree(prep):
                place = self.names.get(token.i)
                entry = self.kb.names[place.kb_id_] if place is not None else None
                if entry and entry.kind == "country" and entry.country != kin.country:
                    return True
        return False

    def _countries_of_people(self, names: list[Span]) -> list[list[tuple]]:
        """Country from a person or organisation further out in the phrase (of/for)."""
        for span in names:
            entry = self.kb.names[span.kb_id_]
            if entry.kind == "person":
                name = self.kb.person_named(span.kb_id_, self.day)
                status = self.kb.person_status(name, self.day)
                if status and status.country:
                    return [[(status.country, None)]]
            if entry.kind == "org" and entry.country:
                return [[(entry.country, None)]]
        return []

    def _located_in(self, head: Token) -> list[list[tuple]]:
        for child in children(head):
            if child.dep_ != "prep" or child.lower_ not in _IN_COUNTRY:
                continue
            for token in subtree(child):
                span = self.names.get(token.i)
                if span is None:
                    continue
                entry = self.kb.names[span.kb_id_]
                if entry.country and entry.kind in ("country", "capital"):
                    return [[(entry.country, entry.name if entry.kind == "country" else None)]]
        return []

    def _appos_agent(self, head: Token) -> Span | None:
        for child in children(head):
            if child.dep_ == "appos":
                found = self._head_agent(child, self._np(child, with_preps=False))
                if found is not None:
                    return found
        return None

    def _countries(
        self, names: list[Span], tokens: list[Token], head: Token | None = None
    ) -> list[list[tuple]]:
        """Countries named in the phrase, grouped so coordinated ones split into events.

        Returns a list with one entry per actor; each entry is [(iso3, canonical name)].
        """
        found: list[tuple[Span, NameEntry]] = []
        for span in names:
            entry = self.kb.names[span.kb_id_]
            if entry.country and entry.kind in COUNTRY_NAME_KINDS:
                found.append((span, entry))
        if not found:
            return []
        distinct: dict[str, tuple[Span, NameEntry]] = {}
        for span, entry in found:
            distinct.setdefault(entry.country, (span, entry))  # type: ignore[arg-type]
        if len(distinct) == 1:
            span, entry = next(iter(distinct.values()))
            home = self._home_institution(span, entry)
            if home is not None:
                return [[(home, self.kb.country_name(home))]]
            return [[(entry.country, entry.name)]]
        coordinated = any(t.dep_ == "conj" for s, _ in distinct.values() for t in s)
        if coordinated or _hyphen_joined([s for s, _ in distinct.values()]):
            # "the Turkish-Libyan agreement", "US-China trade talks": each is a party.
            return [[(e.country, e.name)] for _, e in distinct.values()]
        own = [
            item
            for item in distinct.values()
            if head is not None and item[0].start <= head.i < item[0].end
        ]
        if own and own[0][1].kind == "metonym":
            # "Brazil's Supreme Court", "the Kenyan Senate": an institution name one country's
            # dictionary claims, qualified by another country's name, is that country's.
            qualifiers = [i for i in distinct.values() if i[1].kind in ("country", "adjective")]
            if qualifiers:
                own = qualifiers
        if own:  # "Pakistan, a key U.S. ally": the head's own name
            return [[(own[0][1].country, own[0][1].name)]]
        resident = _residence_demonym(list(distinct.values()))
        if resident is not None:
            return [[(resident.country, resident.name)]]
        # Not coordinated ("the US envoy's Israeli counterpart"): the one nearest the head.
        span, entry = max(distinct.values(), key=lambda item: item[0].start)
        return [[(entry.country, entry.name)]]

    def _home_institution(self, span: Span, entry: NameEntry) -> str | None:
        """The story's country for a bare institution name its own body bears too: "the
        Senate" in a story about the Philippines is the Philippine Senate, not the US one the
        dictionary lists the bare name under (countries.tsv, shared_institutions)."""
        if entry.kind != "metonym" or not self.home_country or self.home_country == entry.country:
            return None
        sharing = self.kb.shared_institutions.get(span.kb_id_)
        return self.home_country if sharing and self.home_country in sharing else None

    def _head_agent(self, head: Token, tokens: list[Token]) -> Span | None:
        if head.i in self.agents:
            return self.agents[head.i]
        candidates = [self.agents[t.i] for t in tokens if t.i in self.agents and t.i < head.i]
        return candidates[-1] if candidates else None

    def _possessor(self, head: Token) -> ActorRef | None:
        for child in children(head):
            if child.dep_ == "poss":
                refs = self.resolve(child)
                return refs[0] if refs else None
        return None

    def _unknown_person(self, tokens: list[Token]) -> str | None:
        """A PERSON entity not in the dictionaries ("Foreign Minister Badr Abdelatty")."""
        people = [t for t in tokens if t.ent_type_ == "PERSON" and t.i not in self.names]
        if not people and len(tokens) == 1 and tokens[0].text in self.short_names:
            # "sentenced Manafort to ...": the surname of a person the story introduced is
            # that person even where the entity tagger misses it this time.
            people = [t for t in tokens if t.pos_ == "PROPN" and t.i not in self.names]
        if not people:
            return None
        words = [t for t in people if t.i not in self.agents and t.is_title]
        if not words:
            return None
        return " ".join(t.text for t in words)

    def _spans_in(self, tokens: list[Token], index: dict[int, Span]) -> list[Span]:
        seen: list[Span] = []
        for token in tokens:
            span = index.get(token.i)
            if span is not None and span not in seen:
                seen.append(span)
        return seen

    # -- coreference ------------------------------------------------------------------------
    def _remember(self, head: Token, refs: list[ActorRef]) -> None:
        if head.dep_ == "pobj" and head.head.lower_ in _LOCATIVE:
            return  # "travel to Paris": a destination, not a party to refer back to
        agent = self._head_agent(head, self._np(head, with_preps=False))
        person_agent = agent is not None and self.kb.agents_by_phrase(agent.kb_id_).person
        plural = head.tag_ in ("NNS", "NNPS") or len(refs) > 1
        for ref in refs:
            person = (
                ref.resolution == "person-dictionary"
                or person_agent
                or (head.ent_type_ == "PERSON")
            )
            group = not person or plural
            title = agent.kb_id_ if agent is not None else None
            self.memory.add(Remembered(ref, person, plural, group, title, head.i))

    def _pair_reference(self, head: Token, tokens: list[Token]) -> list[ActorRef]:
        words = {t.lower_ for t in tokens}
        definite = "both" in words or {"the", "two"} <= words
        if head.tag_ not in ("NNS", "NNPS") or not definite:
            return []
        if head.lemma_.lower() not in PAIR_HEADS or any(t.i in self.names for t in tokens):
            return []
        start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
        return self.memory.pair(head, self.text[start:end], start, end)

    def _force_reference(self, head: Token, tokens: list[Token]) -> list[ActorRef]:
        """ "The officers" after "London police ...": "officer(s)" with no modifier but
        adjectives, too vague to be an actor of its own (agents.tsv), is a member of the police
        or armed force the story has named last."""
        if head.lemma_.lower() not in _FORCE_MEMBERS or tokens[-1] != head:
            return []
        # "the officers", "armed plainclothes officers"; not "election officers" or "officers
        # of the company", which are someone else's.
        if any(t.pos_ not in ("DET", "ADJ", "NUM") for t in tokens[:-1]):
            return []
        start, end = tokens[0].idx, head.idx + len(head.text)
        return self.memory.recent_force(head, self.text[start:end], start, end)

    def _title_reference(
        self, agent: Span, text: str, start: int, end: int, *, plural: bool = False
    ) -> list[ActorRef]:
        if plural:
            return self.memory.titled_group(agent.kb_id_, agent[0], text, start, end)
        return self.memory.title(agent.kb_id_, agent.start, text, start, end)


_STANCE_PREFIXES = {"anti", "pro"}
_JOINING_DASHES = frozenset({"-", "–", "—", "/"})
# Members of a police or armed force referred to without naming it (see _force_reference).
_FORCE_MEMBERS = frozenset({"officer", "agent", "guard"})


def _residence_demonym(found: list[tuple[Span, NameEntry]]) -> NameEntry | None:
    """Two demonyms side by side name residence then ethnicity: "Croatian Serb refugees",
    "Bosnian Serb forces" live in (and are coded as) Croatia and Bosnia."""
    if len(found) != 2:
        return None
    (first, entry), (second, other) = sorted(found, key=lambda item: item[0].start)
    adjacent = first.end == second.start
    return entry if adjacent and entry.kind == other.kind == "adjective" else None


def _hyphen_joined(spans: list[Span]) -> bool:
    """Names written as one word with a dash between each ("Turkish-Libyan", "US–China")."""
    spans = sorted(spans, key=lambda s: s.start)
    doc = spans[0].doc
    for left, right in pairwise(spans):
        between = doc[left.end : right.start]
        if len(between) != 1 or between[0].text not in _JOINING_DASHES:
            return False
        if left[-1].whitespace_ or between[0].whitespace_:
            return False
    return True


def _stance_prefix(span: Span) -> bool:
    """A name inside an "anti-X" / "pro-X" modifier tells the actor's stance, not its origin."""
    words = doc_words(span.doc)
    start = span.start
    if words[start].lower().startswith(("anti-", "pro-")):
        return True
    if start >= 2 and words[start - 1] in "-–" and not doc_tokens(span.doc)[start - 1].whitespace_:
        return words[start - 2].lower() in _STANCE_PREFIXES
    return start >= 1 and words[start - 1].lower() in ("anti-", "pro-")


def _possessive(span: Span) -> bool:
    """The name stands in the possessive ("Netanyahu's"), modifying another noun."""
    return span.root.dep_ == "poss"


# Nouns that make a demonym an ethnicity: "the Albanian population", "the Serb minority".
_ETHNIC_HEADS = frozenset("population populations minority minorities community".split())


def _ethnic(tokens: list[Token]) -> bool:
    """ "ethnic Albanians", "ethnic Serb civilians", "the Albanian population of the
    province": named by ethnicity, not citizenship."""
    return any(t.lower_ == "ethnic" or t.lower_ in _ETHNIC_HEADS for t in tokens)


def _foreign_or_collective(tokens: list[Token]) -> bool:
    """'all parties', 'foreign fighters', 'international monitors' are not the home side."""
    return any(t.lower_ in _NOT_HOME for t in tokens)


def not_home_side(text: str) -> bool:
    """Whether a mention's words keep it off its counterpart's side ("all parties", "foreign
    fighters", "both leaders"); see _foreign_or_collective."""
    return _has_word(text, _NOT_HOME)


def names_other_side(text: str) -> bool:
    """Whether a mention's words set it apart from the parties around it ("other
    governments", "foreign fighters", "international donors"): no country can be read off
    the counterpart or the context for it.  ("All parties" can: they are the parties of the
    conflict the story is about.)"""
    return _has_word(text, _OTHER_SIDE)


def _has_word(text: str, words: frozenset[str]) -> bool:
    return any(word in words for word in text.lower().split())


def _definite_plain(tokens: list[Token]) -> bool:
    """'the government', 'Authorities': no nationality, number or quantifier of their own."""
    return not any(
        t.ent_type_ in ("NORP", "GPE")
        or t.dep_ in ("nummod", "quantmod")
        or t.lower_ in ("some", "many")  # the rest are in _NOT_HOME, checked first
        for t in tokens
    )


SECTOR_NAMES = {
    "GOV": "Government", "MIL": "Military", "COP": "Police", "JUD": "Judiciary",
    "LEG": "Legislature", "SPY": "Intelligence", "OPP": "Opposition", "PTY": "Party",
    "REB": "Rebels", "INS": "Insurgents", "SEP": "Separatists", "UAF": "Armed group",
    "CVL": "Civilians", "BUS": "Business", "MED": "Media", "LAB": "Labor", "EDU": "Education",
    "HLH": "Health", "REL": "Religious", "REF": "Refugees", "SET": "Settlers",
    "CRM": "Criminals", "ELI": "Elites", "HRI": "Human rights", "NGO": "NGO",
    "IGO": "IGO", "PKO": "Peacekeepers", "ENV": "Environmental", "AGR": "Agriculture",
    "RAD": "Radicals",
}  # fmt: skip


def _group_name(sector: str | None, country_name: str | None) -> str | None:
    """ICEWS-style names for unnamed groups: "Military (Nigeria)", "Police (Kenya)"."""
    if country_name is None or sector is None:
        return country_name
    return f"{SECTOR_NAMES.get(sector, sector)} ({country_name})"


def _code(country: str | None, sector: str | None) -> str | None:
    if country and sector:
        return country + sector
    return country or sector
