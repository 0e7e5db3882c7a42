"""The event coder: an Article in, coded and evidenced Events out.

Per sentence: find predicates (predicates.py), resolve their argument heads to actors
(actors/resolve.py), then decide modality, attribution, date and place from the same clause.
Every event carries the sentence, character offsets and the lexicon pattern that fired.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Iterator
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
from .syntax import conjuncts

__all__ = ["CODER_VERSION", "Coder"]

CODER_VERSION = "flashpoint-coder/0.1.0"
# Events between coordinated actors with no separate target are reciprocal in CAMEO:
# "Hungarian and Romanian officials agreed ..." is HUN->ROU and ROU->HUN.
_DATELINE_LINE = re.compile(r"(?m)^" + DATELINE.pattern)
_TRAVEL_VERBS = {"visit", "travel", "fly", "arrive", "go", "head", "tour", "return"}
_VIOLENT_ROOTS = {"18", "19", "20"}
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
        return self.code_doc(self.nlp(article.text), article)

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
                    if not any(_same(r, e) or (own and r.country == e.country) for e in exclude)
                )
            if refs:
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
        targets = self._actors(
            [t for t in predicate.targets if t not in predicate.sources], actors, exclude=sources
        )
        if sources[0].resolution == "unidentified" and not targets:
            return []  # an attack by no one on no one says nothing

        if not targets and (
            predicate.code == "010" or (predicate.generic and predicate.root == "02")
        ):
            # "X said ..." / "X called ..." with no addressee is not an event worth a row.
            return []
        if predicate.root == "01" and predicate.generic and not sources[0].country:
            return []
        _apply_sense(predicate, sources)

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
        exclude = [(a.start, a.end) for a in (source, target) if a and a.start is not None]
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


def _frames_other(statement: Predicate, coded: list[tuple[Predicate, list[Event]]]) -> bool:
    subtree = {t.i for t in statement.trigger.subtree}
    return any(
        other is not statement and events and other.trigger.i in subtree for other, events in coded
    )


def _same(a: ActorRef, b: ActorRef) -> bool:
    """Same actor: same person/organisation name, or the same unnamed country+sector."""
    if a.name and b.name:
        return a.name == b.name
    return a.code is not None and a.code == b.code


# Event nouns whose sense depends on who acts: a union's strike is a labour protest (143),
# a state's or armed group's strike is a military attack (190).
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
    return round(min(0.95, max(0.05, score)), 2)


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
