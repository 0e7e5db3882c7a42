"""The event coder: an Article in, coded and evidenced Events out.

Per sentence: find predicates (predicates.py), resolve their argument heads to actors
(actors/resolve.py), then decide modality, attribution, date and place from the same clause.
Every event carries the sentence, character offsets and the lexicon pattern that fired.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Iterator
from dataclasses import replace
from datetime import date

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from ..actors import load_kb
from ..actors.resolve import DocActors
from ..nlp import load_nlp
from ..nlp.components.paragraphs import DATELINE
from ..records import (
    ActorRef,
    Article,
    Attribution,
    CameoCode,
    Event,
    Evidence,
    PloverCode,
)
from ..records import Span as TextSpan
from ..settings import get_setting
from .cameo import cameo_table
from .complements import fold
from .dates import date_for_trigger, is_historical
from .lexicon import load_lexicon
from .modality import modality_of
from .places import as_location, place_mentions
from .predicates import Predicate, find_predicates
from .reporting import find_frame
from .syntax import (
    DIRECTIVES,
    SUBORDINATORS,
    agent_of,
    conjuncts,
    direct_objects,
    directive_governor,
    prep_phrases,
    subordination,
)

__all__ = ["CODER_VERSION", "Coder"]

CODER_VERSION = "flashpoint-coder/0.1.0"
# Events between coordinated actors with no separate target are reciprocal in CAMEO:
# "Hungarian and Romanian officials agreed ..." is HUN->ROU and ROU->HUN.
_DATELINE_LINE = re.compile(r"(?m)^" + DATELINE.pattern)
_TRAVEL_VERBS = {"visit", "travel", "fly", "arrive", "go", "head", "tour", "return"}
_VIOLENT_ROOTS = {"18", "19", "20"}
# Roots whose place is never their target: a statement, meeting or visit happens somewhere.
_NO_PLACE_TARGET = {"01", "02", "04"}
_RECIPROCAL_ROOTS = {"01", "03", "04", "05", "06"}


def _lexicon_files(extra: Iterable[str]) -> tuple[str, ...]:
    configured = [p for p in get_setting("lexicons").split(":") if p]
    return tuple(configured) + tuple(extra)


class Coder:
    """Holds the loaded resources; create once, code many articles."""

    def __init__(
        self,
        model: str | None = None,
        *,
        lexicons: Iterable[str] = (),
        nlp: Language | None = None,
        geocode: bool = True,
    ):
        self.nlp = nlp if nlp is not None else load_nlp(model)
        self.lexicon = load_lexicon(_lexicon_files(lexicons))
        self.kb = load_kb()
        self.table = cameo_table()
        self.geocode = geocode
        self._gazetteer = None

    # -- public -----------------------------------------------------------------------------
    def code(self, article: Article) -> list[Event]:
        return next(self.code_many([article], batch_size=1))

    def code_many(self, articles: Iterable[Article], batch_size: int = 16) -> Iterator[list[Event]]:
        """Stream articles through ``nlp.pipe``: one list of events per article, in order."""
        pairs = ((a.text, a) for a in articles)
        for doc, article in self.nlp.pipe(pairs, as_tuples=True, batch_size=batch_size):
            yield self.code_doc(doc, article)

    def code_doc(self, doc: Doc, article: Article) -> list[Event]:
        story = date.fromisoformat(article.date) if article.date else None
        actors = DocActors(self.kb, doc, story, self._dateline_country(article.text))
        skip = list(article.skip_spans) + _headline(article.text)
        events: list[Event] = []
        for index, sent in enumerate(doc.sents):
            if _skipped(sent, skip) or not any(t.is_alpha for t in sent):
                continue
            actors.observe(sent)
            sentence_events: dict[tuple, Event] = {}
            coded = [
                (p, self._events(p, sent, index, actors, article, story))
                for p in find_predicates(sent, self.lexicon)
            ]
            coded = _demand_outranks_content(coded)
            coded = _main_outranks_purpose(coded)
            for predicate, predicate_events in coded:
                if predicate.generic and predicate.root == "01" and _frames_other(predicate, coded):
                    continue
                for event in predicate_events:
                    key = (
                        event.cameo.code,
                        event.source.code,
                        event.source.name,
                        event.target.code if event.target else None,
                        event.target.name if event.target else None,
                    )
                    current = sentence_events.get(key)
                    if current is None or event.confidence > current.confidence:
                        sentence_events[key] = event
            events.extend(sentence_events.values())
        return events

    # -- one predicate -> events ----------------------------------------------------------
    def _actors(
        self, heads: list[Token], actors: DocActors, exclude: list[ActorRef] = ()
    ) -> list[ActorRef]:
        """Actors of the first head that yields any (its conjuncts included)."""
        for head in heads:
            refs: list[ActorRef] = []
            # "withdraw its peacekeeping force from Chad": the source's own force is what
            # moves, not whom the event is directed at.
            own = any(c.dep_ == "poss" and c.pos_ == "PRON" for c in head.children)
            for token in conjuncts(head):
                refs.extend(
                    r
                    for r in actors.resolve(token)
                    if not any(
                        _same(r, e) or (own and r.country in (e.country, None)) for e in exclude
                    )
                )
            if refs:
                if exclude and head.dep_ == "poss" and len(refs) == 1:
                    refs = [_with_possessed(refs[0], head)]
                return refs
        return []

    def _events(
        self,
        predicate: Predicate,
        sent: Span,
        index: int,
        actors: DocActors,
        article: Article,
        story: date | None,
    ) -> list[Event]:
        sources = self._actors(predicate.sources, actors)
        if not sources and predicate.root in _VIOLENT_ROOTS:
            sources = self._unidentified_attacker(predicate)
        if not sources:
            return []
        heads = [
            t
            for t in predicate.targets
            if t not in predicate.sources and not self._own_forces(t, predicate, actors, sources)
        ]
        targets = self._recipient(predicate, actors, sources) or self._actors(
            heads, actors, exclude=sources
        )
        if not targets:
            targets = self._implicit_targets(predicate, sent, actors, sources)
        if len(sources) > 1 and predicate.root in _RECIPROCAL_ROOTS and not _named(targets):
            # "Canada and Costa Rica agreed to start negotiations for a trade agreement": the
            # agreement is what they agree on; the two are each other's counterpart.
            targets = []
        if sources[0].resolution == "unidentified" and not _named(targets):
            return []  # an attack by no one on no one says nothing

        if not _named(targets) and (
            predicate.code == "010" or (predicate.generic and predicate.root == "02")
        ):
            # "X said ..." / "X called ..." with no addressee is not an event worth a row.
            return []
        if predicate.root == "01" and predicate.generic and not sources[0].country:
            return []
        _apply_sense(predicate, sources)
        targets = _domestic(targets, sources)
        sources = _domestic(sources, targets)

        pairs: list[tuple[ActorRef, ActorRef | None]] = []
        if targets:
            pairs = [(s, t) for s in sources for t in targets if not _same(s, t)]
        elif len(sources) > 1 and predicate.root in _RECIPROCAL_ROOTS:
            pairs = [(s, t) for s in sources for t in sources if s is not t and not _same(s, t)]
        else:
            pairs = [(s, None) for s in sources]
        if not pairs:
            return []

        trigger = predicate.trigger
        frame = find_frame(trigger, sent)
        speaker = None
        if frame is not None and frame.speaker is not None:
            speaker_refs = actors.resolve(frame.speaker)
            speaker = speaker_refs[0] if speaker_refs else None
        attribution = Attribution(frame.text, speaker) if frame is not None else None

        draft, _ = modality_of(
            trigger, reported=False, reported_speech=frame is not None, historical=False
        )
        if not _conditional_threat(predicate, draft):
            _express_intent(predicate, draft)
        event_date, date_info = date_for_trigger(
            trigger, sent, story, future=draft == "intended", chain=predicate.chain
        )
        historical = is_historical(date_info, story)
        entry = self.table[predicate.code]
        location = None
        events = []
        for source, target in pairs:
            reported = frame is not None and (
                frame.hearsay or speaker is None or not _same(speaker, source)
            )
            modality, _cues = modality_of(
                trigger,
                reported=reported,
                reported_speech=frame is not None,
                historical=historical,
            )
            if source.resolution == "unidentified" and modality in (
                "hypothetical",
                "intended",
                "negated",
            ):
                continue  # "if it is attacked": no attack, and no attacker to name
            if location is None:
                location = self._location(sent, predicate, source, target)
            if (
                source.resolution == "unidentified"
                and source.country is None
                and location is not None
                and location.country
            ):
                # An unnamed attacker is placed where the attack happened (IRQUAF for a
                # roadside bomb near Samarra), as CAMEO's UAF codes with a country prefix do.
                source = replace(source, country=location.country, code=location.country + "UAF")
            if location is not None and location.country and predicate.root in _PLACED_ROOTS:
                # "a journalist was killed in Beirut", "police fired tear gas in Nairobi": an
                # unnamed national actor belongs to the country the event happens in.
                source = _placed(source, location.country)
                target = _placed(target, location.country) if target is not None else None
            trigger_span = _trigger_span(predicate, sent)
            confidence = _confidence(predicate, source, target)
            event_id = _event_id(
                article.doc_id, index, trigger_span, source, target, predicate.code
            )
            flags = []
            if source.resolution == "coreference" or (
                target and target.resolution == "coreference"
            ):
                flags.append("coreference")
            if predicate.generic:
                flags.append("generic-code")
            if location is not None and location.lat is None:
                flags.append("place-not-geocoded")
            events.append(
                Event(
                    event_id=event_id,
                    doc_id=article.doc_id,
                    sentence_index=index,
                    evidence=Evidence(
                        text=sent.text.strip(),
                        start=sent.start_char,
                        end=sent.start_char + len(sent.text.rstrip()),
                        trigger=trigger_span,
                    ),
                    source=source,
                    target=target,
                    cameo=CameoCode(predicate.code, predicate.code[:2], entry.name),
                    plover=PloverCode(entry.plover_event, entry.plover_mode, entry.plover_context),
                    goldstein=entry.goldstein,
                    quad_class=entry.quad_class,
                    modality=modality,
                    attribution=attribution,
                    date=event_date,
                    date_info=date_info,
                    location=location,
                    confidence=confidence,
                    coder_version=CODER_VERSION,
                    lexicon=self.lexicon.name,
                    pattern=f"{predicate.pattern.describe()} ({predicate.pattern.origin})"
                    + (" +complement" if predicate.folded else ""),
                    flags=tuple(flags),
                )
            )
        return events

    def _implicit_targets(
        self, predicate: Predicate, sent: Span, actors: DocActors, sources: list[ActorRef]
    ) -> list[ActorRef]:
        """A target the predicate's argument slots did not supply, best evidence first.

        1. The owner of the event noun: "denounced Serbia's suppression", "vetoed a Security
           Council resolution", "a demand by Moscow" (possessor, modifier or by/of/from phrase).
        2. An "against X" phrase near the trigger, even when the parser hung it on a place
           ("filed a lawsuit in a Paris court against the prince"), and the object of a free
           participle that spells out the event's effect ("carried out air strikes in Mosul,
           killing dozens of fighters"): a real actor beats the place.
        3. The place the event happens in, for events done *to* a place: "lifted the curfew in
           Montenegro" is directed at Montenegro (the PLOVER/CAMEO locative-target convention).
        4. The object phrase itself, even when it names no known actor ("released 19 Christians",
           "deported children"): the mention is kept, unresolved, so the user sees whom.
        """
        chain_nouns = [
            t for t in predicate.trigger_tokens if t.pos_ in ("NOUN", "PROPN") and t.i != -1
        ]
        if predicate.trigger.pos_ in ("NOUN", "PROPN") and predicate.trigger not in chain_nouns:
            chain_nouns.insert(0, predicate.trigger)
        owners: list[Token] = []
        for noun in chain_nouns:
            for child in noun.children:
                possessor = child.dep_ == "poss" and child.pos_ != "PRON"
                modifier = child.dep_ in ("compound", "amod", "nmod") and child.i < noun.i
                if possessor or modifier:
                    owners.append(child)
            owners += [o for p, o in prep_phrases(noun) if p in ("by", "from", "of", "for")]
        for head in predicate.targets:  # "denounced Serbia's suppression of ..."
            owners += [c for c in head.children if c.dep_ == "poss" and c.pos_ != "PRON"]
            # "conceded to the demands of the truck drivers": an event noun's "of" is its author
            authors = ("by", "from", "of") if self._event_noun(head) else ("by", "from")
            owners += [o for p, o in prep_phrases(head) if p in authors]
            # "prevented the demonstration staged by students": the stager is the author.
            owners += [
                a
                for c in head.children
                if c.dep_ == "acl" and (a := agent_of(c)) is not None and self._event_noun(head)
            ]
        for head in owners:
            if head in predicate.sources:
                continue
            # "police prevented the demonstration staged by students": unnamed students
            # facing Turkish police are Turkish (see _domestic).
            refs = [
                r
                for r in _domestic(self._actors([head], actors, exclude=sources), sources)
                if r.country or (r.code and len(r.code) > 3)
            ]
            if refs:
                return refs
        candidates = [*_addressees(predicate), *_against_or_affected(predicate)]
        for head in [*candidates, *_protested(predicate)]:
            if head in predicate.sources:
                continue
            # "police prevented the demonstration staged by students": unnamed students
            # facing Turkish police are Turkish (see _domestic).
            refs = [
                r
                for r in _domestic(self._actors([head], actors, exclude=sources), sources)
                if r.country or (r.code and len(r.code) > 3)
            ]
            if refs:
                return refs
        refs = self._dyadic_target(predicate, actors, sources)
        if refs:
            return refs
        if predicate.root not in _NO_PLACE_TARGET:
            place = self._location(sent, predicate, sources[0], None)
            if place is not None and place.country and place.start is not None:
                return [
                    ActorRef(
                        place.text or place.name,
                        place.name,
                        place.country,
                        None,
                        place.country,
                        place.start,
                        place.end,
                        "location",
                    )
                ]
        protest = self._protested_government(predicate, sources)
        if protest:
            return protest
        for head in predicate.targets:
            if head in predicate.sources or (head.i in predicate.chain and not _counted(head)):
                continue
            ref = actors.unresolved(head)
            if ref is not None:
                return [ref]
        return []

    def _protested_government(
        self, predicate: Predicate, sources: list[ActorRef]
    ) -> list[ActorRef]:
        """A protest naming no addressee is directed at the protesters' own government
        ("Algerian landowners began a hunger strike", "Egyptian demonstrators rioted"): the
        CAMEO convention codes it against that state.  Only for non-state protesters whose
        country is known; the reference has no text span, as nothing in the sentence names it.
        """
        if predicate.root != "14" or len(sources) != 1:
            return []
        source = sources[0]
        # "Young Algerians", "Thousands of Iraqi Kurds": a plural people, not the state.
        head = predicate.sources[0] if predicate.sources else None
        people = source.sector is None and head is not None and head.tag_ in ("NNS", "NNPS")
        if not source.country or not (
            people or source.sector in _CIVIL_SECTORS | _DISSIDENT_SECTORS
        ):
            return []
        name = self.kb.country_name(source.country) or source.country
        code = source.country + "GOV"
        return [
            ActorRef(
                "", f"Government ({name})", source.country, "GOV", code, None, None, "implicit"
            )
        ]

    def _own_forces(
        self, head: Token, predicate: Predicate, actors: DocActors, sources: list[ActorRef]
    ) -> bool:
        """Unnamed troops a state sends, withdraws or mobilises are its own, not the target:
        "withdrew peacekeepers from Rwanda", "mobilized troops for a war against Iraq"."""
        if predicate.root not in _MOVING_ROOTS:
            return False
        if head.dep_ not in ("dobj", "obj", "nsubjpass") or not any(
            s.country or (s.code and len(s.code) > 3) for s in sources
        ):
            return False
        refs = actors.resolve(head)
        return bool(refs) and all(
            r.country is None and r.resolution == "agent" and r.sector in _FORCES for r in refs
        )

    def _recipient(
        self, predicate: Predicate, actors: DocActors, sources: list[ActorRef]
    ) -> list[ActorRef]:
        """With a verb of giving or sending, the recipient is the target, not the thing moved:
        "returned six Iraqi artifacts to the government of Iraq", "deployed troops to Mali",
        "sent supplies and doctors to Nepal".  A person as the object keeps the object
        ("introduced the envoy to ...")."""
        verb = predicate.trigger
        if verb.pos_ != "VERB":
            return []
        objects = direct_objects(verb)
        if not objects:
            return []
        hosts = [verb, *(t for o in objects for t in o.subtree if t.pos_ in ("NOUN", "PROPN"))]
        recipients = [c for c in verb.children if c.dep_ == "dative" and c.pos_ != "ADP"]
        recipients += [
            o for h in hosts for p, o in prep_phrases(h) if p in ("to", "toward", "towards")
        ]
        recipients = [r for r in recipients if r not in predicate.sources and r.pos_ != "PRON"]
        if not recipients:
            return []
        for obj in objects:
            refs = actors.resolve(obj)
            if obj.pos_ == "PRON" or any(
                r.resolution in ("person-dictionary", "unknown-person") for r in refs
            ):
                return []
        for head in recipients:
            # "police prevented the demonstration staged by students": unnamed students
            # facing Turkish police are Turkish (see _domestic).
            refs = [
                r
                for r in _domestic(self._actors([head], actors, exclude=sources), sources)
                if r.country or (r.code and len(r.code) > 3)
            ]
            if refs:
                return refs
        return []

    def _event_noun(self, token: Token) -> bool:
        return token.pos_ == "NOUN" and self.lexicon.match("N", token.lemma_.lower()) is not None

    def _dyadic_target(
        self, predicate: Predicate, actors: DocActors, sources: list[ActorRef]
    ) -> list[ActorRef]:
        """The other party named by an event noun's with/on/against/into phrase: "a new offensive
        in its war with Iraq", "a suspension of air links with Serbia", "an investigation into
        crimes committed by Croat forces"."""
        for head in _dyadic_heads(predicate):
            if head in predicate.sources:
                continue
            refs = [r for r in self._actors([head], actors, exclude=sources) if r.country]
            if refs:
                return refs
        return []

    def _dateline_country(self, text: str) -> str | None:
        """The country of the dateline city ("PORT SUDAN, Nov 14 (Reuters) -"), if any."""
        match = _DATELINE_LINE.search(text[:600])
        if match is None or not self.geocode:
            return None
        city = re.split(r"[,(]", match.group(0))[0].strip(" -–—")
        found = self._lookup(city.title(), ())
        return found.country if found is not None else None

    def _unidentified_attacker(self, predicate: Predicate) -> list[ActorRef]:
        """Violence with a victim but no named perpetrator: CAMEO's unidentified armed force.

        "A roadside bombing killed one U.S. soldier" and "three servicemen were killed by an
        IED" are attacks on the US military by someone unnamed; dropping them would lose the
        most common kind of conflict report.  The weapon or event noun, when it is the subject,
        also gives the more precise code (a car bombing is 1832, not generic killing).
        """
        if not predicate.targets:
            return []
        for head in predicate.sources:
            match = self.lexicon.match("N", head.lemma_.lower())
            if (
                match is not None
                and match.pattern.code[:2] in _VIOLENT_ROOTS
                and (len(match.pattern.code) > len(predicate.code) or predicate.code == "190")
            ):
                predicate.code = match.pattern.code
        first = predicate.sources[0] if predicate.sources else None
        text = first.doc[first.left_edge.i : first.i + 1].text if first is not None else ""
        start = first.doc[first.left_edge.i].idx if first is not None else None
        end = first.idx + len(first.text) if first is not None else None
        return [ActorRef(text, None, None, "UAF", "UAF", start, end, "unidentified")]

    def _location(
        self, sent: Span, predicate: Predicate, source: ActorRef, target: ActorRef | None
    ):  # type: ignore[no-untyped-def]
        exclude = [
            r
            for a in (source, target)
            if a and a.start is not None and a.resolution != "location"
            for r in _name_ranges(sent.doc, a)
        ]
        candidates = place_mentions(sent, predicate.chain, exclude)
        hint = tuple(c for c in (source.country, target.country if target else None) if c)
        if candidates:
            span, _ = candidates[0]
            return as_location(span, self._lookup(span.text, hint))
        travel = predicate.trigger.lemma_.lower() in _TRAVEL_VERBS
        if travel and target is not None and target.start is not None:
            # A visit happens at its destination: "Blinken visited Cairo".
            found = self._lookup(target.text, hint)
            if found is not None:
                span = sent.doc.char_span(target.start, target.end, alignment_mode="expand")
                if span is not None:
                    return as_location(span, found)
        return None

    def _lookup(self, text: str, hint: tuple[str, ...]):  # type: ignore[no-untyped-def]
        if not self.geocode:
            return None
        if self._gazetteer is None:
            from ..geo import get_gazetteer

            self._gazetteer = get_gazetteer()
        return self._gazetteer.lookup(text, country_hint=hint or None)


_CONFLICT_ROOTS = {"11", "12", "13", "14", "15", "16", "17", "18", "19", "20"}


def _conditional_threat(predicate: Predicate, draft_modality: str) -> bool:
    """ "X will withdraw its troops unless Y ..." and "X could impose sanctions if Y ..." are
    threats: a promised cost made conditional on the target's behaviour (CAMEO 13x).

    "unless" makes any promised act a threat; "if" only a hostile one ("will help if asked" is
    an offer).  Returns True when the code was changed.
    """
    if draft_modality not in ("intended", "hypothetical") or predicate.folded:
        return False
    marks = {
        m.lower_
        for c in predicate.trigger.children
        if c.dep_ == "advcl"
        for m in c.children
        if m.dep_ == "mark"
    }
    hostile = predicate.root in _CONFLICT_ROOTS or predicate.code.startswith("087")
    if not ("unless" in marks or ("if" in marks and hostile)):
        return False
    predicate.code = fold("threaten", predicate.code) or ("131" if not hostile else "130")
    predicate.folded = True
    return True


def _express_intent(predicate: Predicate, draft_modality: str) -> None:
    """A promised act is an expression of intent in CAMEO (and AGREE in PLOVER).

    "Egypt will host talks" is 036, "Norway is willing to send aid" 033; a promised attack is a
    threat ("Iran will respond to any attack" -> 13x).  The modality stays "intended".
    """
    if draft_modality != "intended" or predicate.folded:
        return
    if predicate.root in ("04", "05", "06", "07", "08"):
        recoded = fold("intent", predicate.code)
    elif predicate.root in ("15", "17", "18", "19", "20"):
        recoded = fold("threaten", predicate.code)
    else:
        return
    if recoded is not None:
        predicate.code = recoded
        predicate.folded = True


def _against_or_affected(predicate: Predicate) -> list[Token]:
    """Heads of "against X" phrases on the trigger, its nouns, its objects and the places they
    sit in; then the objects of a free participle on the trigger ("..., killing five soldiers")."""
    trigger = predicate.trigger
    hosts = [trigger, *(t for t in predicate.trigger_tokens if t is not trigger)]
    hosts += [t for t in predicate.targets if t not in hosts]
    for host in list(hosts):
        hosts += [o for p, o in prep_phrases(host) if p in _PLACE_PREPS and o not in hosts]
    out = [o for host in hosts for p, o in prep_phrases(host) if p == "against"]
    for child in trigger.children:
        participle = (
            child.dep_ == "advcl"
            and child.tag_ == "VBG"
            and not any(c.dep_ in ("nsubj", "nsubjpass", "mark") for c in child.children)
        )
        if participle:
            out += [o for o in direct_objects(child) if o not in out]
    return out


# Prepositions that introduce the other party of an event noun: "war with", "sanctions on",
# "attack against", "investigation into", "hostility toward", "aid to".
_DYADIC_PREPS = {"with", "against", "on", "upon", "into", "toward", "towards", "to", "at"}
# Prepositions through which an event noun hangs off another one without changing the parties:
# "an offensive in its war with Iraq", "a suspension of links with Serbia", "a formula for ending
# its dispute with ...".
# What a comment is about: "expressed pessimism about the North Korean standoff".
_TOPIC_PREPS = {"about", "over", "regarding", "concerning", "towards", "toward", "for"}
_NESTING_PREPS = {"in", "of", "for", "over", "about", "into", "on"}


def _dyadic_heads(predicate: Predicate) -> list[Token]:
    """Objects of dyadic prepositions on the trigger, its nouns and its objects, and on event
    nouns nested under them; the by-agent of a participle on such a noun ("crimes committed by
    Croat forces"), and a "-ing" clause's object ("a formula for ending its dispute with X")."""
    trigger = predicate.trigger
    hosts = [trigger, *(t for t in predicate.trigger_tokens if t is not trigger)]
    hosts += [t for t in predicate.targets if t not in hosts]
    seen = {h.i for h in hosts}
    frontier = list(hosts)
    for _ in range(3):  # a few levels of nesting
        nxt = []
        for host in frontier:
            for prep, obj in prep_phrases(host):
                if prep in _NESTING_PREPS and obj.pos_ in ("NOUN", "VERB") and obj.i not in seen:
                    nxt.append(obj)
            for child in host.children:
                if child.dep_ in ("dobj", "obj") and host.tag_ == "VBG" and child.i not in seen:
                    nxt.append(child)
                infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in child.children)
                if child.dep_ == "acl" and infinitive and child.i not in seen:
                    nxt.append(child)  # "an invitation to meet with Kim"
        nxt = list(dict.fromkeys(nxt))
        seen |= {t.i for t in nxt}
        hosts += nxt
        frontier = nxt
    preps = _DYADIC_PREPS | (_TOPIC_PREPS if predicate.root == "01" else set())
    out: list[Token] = []
    for host in hosts:
        for prep, obj in prep_phrases(host):
            if prep in preps and obj not in out:
                out.append(obj)
        for child in host.children:
            if child.dep_ == "acl" and child.tag_ == "VBN":
                # "sanctions imposed on Eritrea", "crimes committed by Croat forces"
                agent = agent_of(child)
                if agent is not None and agent not in out:
                    out.append(agent)
                out += [o for p, o in prep_phrases(child) if p in _DYADIC_PREPS and o not in out]
    return out


def _addressees(predicate: Predicate) -> list[Token]:
    """Whom a demand or appeal is addressed to when the parser gave it no object: the subject of
    its content clause ("demanded that the US match ...", "its demands that the government
    grant ...")."""
    trigger = predicate.trigger
    if predicate.root == "13":
        return _conditioned(predicate)
    # "expressed hope that the government will ...": the comment is about the government
    comment = predicate.root == "01" and predicate.code != "010" and not predicate.generic
    directive = trigger.lemma_.lower() in DIRECTIVES or predicate.root in ("02", "10")
    if not directive and not comment:
        return []
    out = []
    for token in [trigger, *predicate.trigger_tokens]:
        for child in token.children:
            if child.dep_ == "ccomp" or (child.dep_ == "acl" and token.pos_ == "NOUN"):
                out += [
                    c
                    for c in child.children
                    if c.dep_ in ("nsubj", "nsubjpass") and not (comment and c.pos_ == "PRON")
                ]
    return out


def _demand_outranks_content(
    coded: list[tuple[Predicate, list[Event]]],
) -> list[tuple[Predicate, list[Event]]]:
    """The content clause of a coded demand or appeal ("demanded that its partners refuse to
    recognize X", "its demand that Israel ease restrictions") is what is asked for, not what
    happened: its events rank just below the demand's."""
    out = []
    for predicate, events in coded:
        governor = directive_governor(predicate.trigger) if events else None
        ceiling = None
        if governor is not None:
            ceiling = max(
                (
                    e.confidence
                    for other, other_events in coded
                    if other is not predicate and governor in other.trigger_tokens
                    for e in other_events
                ),
                default=None,
            )
        if ceiling is not None:
            events = [
                replace(e, confidence=round(max(0.05, ceiling - 0.05), 2))
                if e.confidence >= ceiling
                else e
                for e in events
            ]
        out.append((predicate, events))
    return out


# Links through which a clause serves the act that governs it: a purpose or participial clause
# ("began a hunger strike to demand ...", "demonstrated calling for ..."), a noun's infinitive
# ("defended the right of troops to fire") or a gerund under a preposition ("convicted Turkey
# for destroying ...").  Reported speech (ccomp), coordination and relative clauses are not.
_PURPOSE_LINKS = frozenset(
    "xcomp advcl acl dobj obj pobj prep pcomp attr oprd acomp npadvmod".split()
)


def _purpose_governor(token: Token) -> Iterator[Token]:
    """The tokens above ``token`` reached only through purpose and complement links, nearest
    first; the caller checks which is another predicate's trigger."""
    current = token
    for _ in range(12):
        if current.dep_ == "ROOT" or current.head.i == current.i:
            return
        if current.dep_ not in _PURPOSE_LINKS:
            return
        if current.dep_ == "advcl":
            marks = {c.lower_ for c in current.children if c.dep_ == "mark"}
            if marks & SUBORDINATORS:
                return
        current = current.head
        yield current


def _main_outranks_purpose(
    coded: list[tuple[Predicate, list[Event]]],
) -> list[tuple[Predicate, list[Event]]]:
    """The sentence's main assertion is its headline event: an act's purpose or participial
    clause ("blocked roads to press their demands", "demonstrated calling for independence",
    "rejected calls by Annan to adopt reforms") ranks just below the act that governs it.
    Folded complements ("threatened to attack") are part of their governor's own event, and
    reported speech (a ccomp) is not a purpose link, so both stay the main assertion."""
    triggers: dict[int, list[Event]] = {}
    for predicate, events in coded:
        if not events or (predicate.generic and predicate.root in ("01", "02")):
            continue  # "issued a declaration demanding ...": the bare statement frames it
        for token in predicate.trigger_tokens or [predicate.trigger]:
            triggers.setdefault(token.i, []).extend(events)
    out = []
    for predicate, events in coded:
        ceiling = None
        if events:
            own = {t.i for t in predicate.trigger_tokens or [predicate.trigger]}
            for governor in _purpose_governor(predicate.trigger):
                if governor.i in own:
                    continue
                above = triggers.get(governor.i)
                if above:
                    ceiling = max(e.confidence for e in above)
                    break
        if ceiling is not None:
            events = [
                replace(e, confidence=round(max(0.05, ceiling - 0.05), 2))
                if e.confidence >= ceiling
                else e
                for e in events
            ]
        out.append((predicate, events))
    return out


_MEASURES = frozenset(
    "euro dollar pound yen franc rupee yuan ruble rouble shekel ton tonne kg kilogram litre "
    "liter barrel unit dose".split()
)


def _protested(predicate: Predicate) -> list[Token]:
    """What a protest's purpose clause is against: "began a hunger strike to protest the
    president's failure to ...", "marched to denounce Israel's blockade" (the owner first)."""
    if predicate.root != "14":
        return []
    out: list[Token] = []
    for clause in predicate.trigger.children:
        purpose = clause.dep_ in ("advcl", "xcomp") and any(
            c.dep_ == "aux" and c.lower_ == "to" for c in clause.children
        )
        if not purpose:
            continue
        out += [o for p, o in prep_phrases(clause) if p in ("against", "at")]
        for obj in direct_objects(clause):
            out += [c for c in obj.children if c.dep_ == "poss" and c.pos_ != "PRON"]
            out += [o for p, o in prep_phrases(obj) if p in ("by", "of")]
            out.append(obj)
    return out


def _counted(noun: Token) -> bool:
    """A counted or named object of the event's own pattern is whom it is done to: "freed 37
    prisoners", "released two hostages" (unlike "lifted a ban")."""
    if noun.lemma_.lower() in _MEASURES or any(
        t.ent_type_ in ("MONEY", "QUANTITY", "PERCENT") for t in noun.subtree
    ):
        return False
    return noun.ent_type_ == "PERSON" or any(
        c.dep_ == "nummod" or c.ent_type_ == "CARDINAL" for c in noun.children
    )


def _conditioned(predicate: Predicate) -> list[Token]:
    """A threat is directed at the party whose conduct it is conditioned on: "threatened to
    hold a general strike unless Israel rescinded ...", "will boycott the elections unless the
    president agrees to step down"."""
    out: list[Token] = []
    for token in [predicate.trigger, *predicate.trigger_tokens]:
        for clause in token.children:
            marks = {m.lower_ for m in clause.children if m.dep_ == "mark"}
            if clause.dep_ == "advcl" and marks & {"unless", "if"}:
                out += [c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")]
    return out


def _frames_other(statement: Predicate, coded: list[tuple[Predicate, list[Event]]]) -> bool:
    subtree = {t.i for t in statement.trigger.subtree}
    return any(
        other is not statement and events and other.trigger.i in subtree for other, events in coded
    )


# Sectors that exist inside one country: an unnamed rebel group, court or president dealing
# with a national actor of a known country is that country's own ("the Sudanese government
# accused Darfur rebels", "President Museveni banned Ugandan opposition candidates").
_NATIONAL_SECTORS = {
    "GOV", "MIL", "COP", "JUD", "LEG", "OPP", "PTY", "REB", "INS", "SEP", "UAF", "RAD",
    "SPY", "CVL", "LAB", "EDU", "MED", "ELI", "REL", "BUS", "CRM", "HRI", "HLH",
}  # fmt: skip


def _domestic(refs: list[ActorRef], others: list[ActorRef] = ()) -> list[ActorRef]:
    """Give a country to an unnamed national actor from its counterpart in the same event.

    Only when the counterpart is itself a sub-national actor or a place (a country's
    government, police, rebels; "in Algiers"): "President Bush threatened Russia" says nothing
    about Bush's country, but "rebels shelled government troops in Juba" is one country's war.
    """
    if not others:
        return list(refs)
    anchors = {
        o.country
        for o in others
        if o.country and (o.sector in _NATIONAL_SECTORS or o.resolution == "location")
    }
    if len(anchors) != 1:
        return list(refs)
    country = next(iter(anchors))
    out = []
    for ref in refs:
        if (
            ref.country is None
            and ref.sector in _NATIONAL_SECTORS
            and ref.resolution != ("unidentified")
        ):
            ref = replace(ref, country=country, code=country + ref.sector)
        out.append(ref)
    return out


# Unnamed forces a state moves are its own, not a target (see Coder._own_forces).
_FORCES = {"MIL", "PKO", "COP", "SPY"}
# Roots of events that move, offer or pull back a state's own forces: intent, cooperation, aid,
# yielding, mobilisation and reduced relations ("withdrew peacekeepers", "sent troops").
_MOVING_ROOTS = {"03", "05", "06", "07", "08", "15", "16"}
# Events whose unnamed participants are the place's own: "a journalist was killed in Beirut",
# "police fired tear gas in Nairobi" (not troops deployed or aid sent there).
_PLACED_ROOTS = {"14", "17", "18", "19", "20"}


def _placed(ref: ActorRef, country: str) -> ActorRef:
    if ref.country is None and ref.resolution == "agent" and ref.sector in _NATIONAL_SECTORS:
        return replace(ref, country=country, code=country + ref.sector)
    return ref


def _with_possessed(ref: ActorRef, possessor: Token) -> ActorRef:
    """A target named as a possessor is mentioned by the whole phrase: "rejected the Croatian
    government's request" is directed at the government, and the mention is the request."""
    owned = possessor.head
    if owned.pos_ not in ("NOUN", "PROPN") or ref.start is None or owned.i < possessor.i:
        return ref
    lo = min(owned.left_edge.idx, ref.start)
    hi = max(owned.idx + len(owned.text), ref.end or 0)
    return replace(ref, text=possessor.doc.text[lo:hi], start=lo, end=hi)


_PLACE_PREPS = {"in", "near", "at", "throughout", "across", "inside", "outside", "around"}


def _name_ranges(doc: Doc, actor: ActorRef) -> list[tuple[int, int]]:
    """Character ranges of an actor mention minus its locative post-modifier: in "Russian
    positions near Kharkiv" the actor is the positions, and Kharkiv is still the place."""
    span = doc.char_span(actor.start, actor.end, alignment_mode="expand")
    if span is None:
        return [(actor.start, actor.end)]
    inside = {t.i for t in span}
    ranges = []
    for token in span:
        current, placed = token, False
        while current.head.i in inside and current.head.i != current.i:
            if current.dep_ == "pobj" and current.head.lower_ in _PLACE_PREPS:
                placed = True
                break
            current = current.head
        if not placed:
            ranges.append((token.idx, token.idx + len(token.text)))
    return ranges


def _named(refs: list[ActorRef]) -> bool:
    return any(r.resolution != "unresolved" for r in refs)


def _same(a: ActorRef, b: ActorRef) -> bool:
    """Same actor: same person/organisation name, or the same unnamed country+sector."""
    if a.name and b.name:
        return a.name == b.name
    return a.code is not None and a.code == b.code


# Event nouns whose sense depends on who acts: a union's strike is a labour protest (143),
# a state's or armed group's strike is a military attack (190).
_DISSIDENT_SECTORS = {"REB", "INS", "SEP", "RAD", "PTY", "REL"}
_CIVIL_SECTORS = {"LAB", "CVL", "EDU", "HLH", "BUS", "OPP", "AGR", "MED", "REF", "HRI", "NGO"}
_SENSES = {("strike", "143"): "190"}
_LABOUR_MODIFIERS = {"general", "hunger", "labour", "labor", "national", "nationwide"}


def _apply_sense(predicate: Predicate, sources: list[ActorRef]) -> None:
    lemma = predicate.trigger.lemma_.lower()
    other = _SENSES.get((lemma, predicate.code))
    if other is None:
        return
    civil_actor = any(s.sector in _CIVIL_SECTORS for s in sources)
    labour_words = any(c.lower_ in _LABOUR_MODIFIERS for c in predicate.trigger.children)
    if not civil_actor and not labour_words:
        predicate.code = other


def _trigger_span(predicate: Predicate, sent: Span) -> TextSpan:
    tokens = sorted(predicate.trigger_tokens, key=lambda t: t.i)
    first = predicate.trigger
    close = [t for t in tokens if abs(t.i - first.i) <= 6]
    lo, hi = min(t.i for t in close), max(t.i for t in close)
    span = sent.doc[lo : hi + 1]
    return TextSpan(span.text, span.start_char, span.end_char)


def _confidence(predicate: Predicate, source: ActorRef, target: ActorRef | None) -> float:
    """A transparent score, not a probability: what evidence does this event rest on?

    Base 0.45; +0.05 per unit of pattern specificity (max 4); +0.15 when the source resolved
    to a country or organisation; +0.10 for a resolved target; -0.10 when an argument came from
    coreference; -0.10 for a generic family code; -0.05 for a source known only by sector.
    The main assertion of a sentence is its headline event: -0.15 for an event in an adverbial
    clause ("... as police cracked down", "unless Baghdad accepts"), -0.10 in a relative or
    participial noun modifier ("a jet carrying monitors"), -0.05 in a free participle, -0.15 in
    the content clause of a demand or appeal ("demanded that Sudan end curbs").
    """
    score = 0.45 + 0.05 * min(predicate.pattern.specificity, 4)
    if predicate.folded:
        score += 0.05
    if source.country or (source.code and source.code[:3] in ("IGO", "NGO", "IMG")):
        score += 0.15
    elif source.resolution == "agent":
        score -= 0.05
    if target is not None and (target.country or target.code):
        score += 0.10
    if "coreference" in (source.resolution, target.resolution if target else None):
        score -= 0.10
    if predicate.generic:
        score -= 0.10
    score -= _SUBORDINATE_PENALTY.get(subordination(predicate.trigger), 0.0)
    return round(min(0.95, max(0.05, score)), 2)


_SUBORDINATE_PENALTY = {
    "adverbial": 0.15,
    "complement": 0.15,
    "relative": 0.10,
    "participial": 0.05,
}


def _event_id(
    doc_id: str, index: int, trigger: TextSpan, source: ActorRef, target: ActorRef | None, code: str
) -> str:
    key = "|".join(
        str(x)
        for x in (
            doc_id,
            index,
            trigger.start,
            source.start,
            source.code,
            source.name,
            target.start if target else "",
            target.code if target else "",
            target.name if target else "",
            code,
            CODER_VERSION,
        )
    )
    return "fp-" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:20]


def _skipped(sent: Span, skip: list[tuple[int, int]]) -> bool:
    return any(start < sent.end_char and sent.start_char < end for start, end in skip)


_HEADLINE = re.compile(r"\A\s*([^\n]{3,200})\n\s*\n")


def _headline(text: str) -> list[tuple[int, int]]:
    """A first line standing alone without final punctuation is a headline, not reporting.

    Headlines restate the lead in telegraphic grammar; coding both double-counts the event.
    """
    match = _HEADLINE.match(text)
    if match and not match.group(1).rstrip().endswith((".", "!", "?", '"', "”")):
        return [(match.start(1), match.end(1))]
    return []
