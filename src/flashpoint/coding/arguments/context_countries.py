"""Countries read off the context for the actors of an event that its words leave without one.

The argument slots find *who* acts and *on whom*; the actor resolver gives each mention the
country its own words name.  Many mentions name none ("the ministry", "police", "the
killings"), and many acts name no target at all.  This module decides, for one event, which
country the context supplies, and where it must supply none:

- ``ContextCountries.target``: the target's country from its own phrase, the event's object
  phrase, or the sentence; a party the sentence names but does not place belongs to the
  country the story is about; a guess from the discourse only where the act has a target
  and the sentence names no country (the rules, and what each was measured against, are in
  the method's comments);
- ``ContextCountries.source``: a national source with no country takes its phrase's, its
  sentence's or the story's country; an unidentified attacker is placed where it struck.

The helpers that find the countries a phrase or a sentence names are in target_context.py;
this module holds the policy of which one an event gets.  The coder (assembly/coder.py)
calls it after scoring an event, so a country read off the context never changes which event
is a sentence's main one.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from spacy.tokens import Span

from ...actors.kb import ActorKB
from ...actors.resolve import DocActors, names_other_side, not_home_side
from ...records import ActorRef
from ..candidates.finder import object_is_topic
from ..candidates.predicate import Predicate
from .heads import object_heads
from .parties import NOT_NATIONAL
from .target_context import (
    Lookup,
    countries_named_before,
    country_target,
    is_actor_mention,
    needs_country,
    phrase_country,
    sentence_country,
    with_context_country,
)

__all__ = ["ContextCountries", "unplaced_attacker"]

# Roots whose acts are mostly done at home, to the source's own people: protest, coercion and
# violence ("impose martial law", "took control of the area").  For the others (statements,
# appeals, meetings, accusations, sanctions ...) a target the sentence leaves unnamed is not
# presumed to be the source's own country.
DOMESTIC_ROOTS = frozenset({"14", "17", "18", "19", "20"})
# Roots whose acts often have no target: statements and force posture (deployments, alerts).
TARGETLESS_ROOTS = frozenset({"01", "15"})
# Aid goes to someone else: the giver's own country is never the recipient read off the
# context ("Germany paid $662 million in aid" names no recipient; it stays unknown).
GIVING_ROOTS = frozenset({"07"})

# How the coder resolves argument heads to actors: (heads, doc actors, exclude=[...]).
ResolveHeads = Callable[..., list[ActorRef]]


def unplaced_attacker(source: ActorRef) -> bool:
    """An unidentified armed force: its country is where it struck (guidelines §6.7)."""
    return source.resolution == "unidentified" or source.sector == "UAF"


class ContextCountries:
    """The context-country policy for one coder: its actor knowledge base, its place lookup
    and its way of resolving argument heads to actors."""

    def __init__(self, kb: ActorKB, lookup: Lookup, resolve: ResolveHeads) -> None:
        self.kb = kb
        self._lookup = lookup
        self._resolve = resolve

    def target(
        self,
        predicate: Predicate,
        sent: Span,
        source: ActorRef,
        target: ActorRef | None,
        actors: DocActors,
        partners: frozenset[str] = frozenset(),
    ) -> ActorRef | None:
        """A target with no country gets the one its phrase or its sentence names (see
        target_context).  An event with no target is directed at the country named in its
        object ("would not meet demands to release prisoners in Iraq", "rejected an invitation
        to a meeting of Palestinian factions"), else at the sentence's only country.

        A target that is no actor ("condemns the killings", "denounced the operation") or no
        target at all takes the *source's* own country from the sentence only when the
        discourse offers no other party: a verbal or diplomatic act is directed at the most
        salient other country of the discourse (coref.Memory.salient_country), when its root
        is one that has a target (all but statements and force posture).  An event whose
        sentence offers no target and no country at all gets none from the discourse: on the
        cross-validated dev articles that guess was right for 2 of 23 such events (it is
        then dropped where its root needs a target, requirements.may_lack_target)."""
        if not needs_country(target):
            return target
        if target is not None and names_other_side(target.text):
            return target  # "urged other governments to act": no one country to read off
        excluded = partners | {source.country} if source.country else partners
        if target is None:
            objects = [] if object_is_topic(predicate) else object_heads(predicate)
            # "refused to allow United Nations planes to land": an object the argument slots
            # passed over (it is the complement's subject) still names the party.
            unplaced = None
            for head in objects:
                resolved = self._resolve([head], actors, exclude=[source])
                refs = [r for r in resolved if not needs_country(r)]
                if refs:
                    return refs[0]
                party = next((r for r in resolved if is_actor_mention(r, sent.doc)), None)
                if party is not None and names_other_side(party.text):
                    return party  # "call on other governments": no one country to guess
                unplaced = unplaced or party
            named = (phrase_country(o, self.kb, self._lookup) for o in objects)
            country = next(filter(None, named), None)
            if country is None and unplaced is not None:
                # "a judge sentenced Manafort": a person or group with no country of its own
                # is the party, placed in the country the sentence or the story is about.
                target = unplaced
        else:
            country = self.own_phrase_country(sent, target)
        party = target is not None and is_actor_mention(target, sent.doc)
        if country is None and not party and predicate.root in TARGETLESS_ROOTS:
            # "claimed responsibility for the attack", "deployed troops": a statement about a
            # thing, or a force posture, is directed at no country the context could supply.
            return target
        if country is None:
            country = sentence_country(sent, self.kb, self._lookup)
            if (
                country is not None
                and country == source.country
                # "urged all parties to ...": a collective is not the source's own side
                and (not party or not_home_side(target.text))
                and predicate.root not in DOMESTIC_ROOTS
            ):
                # The sentence names only the source's own country: a statement, appeal or
                # sanction is directed at the other party the discourse is about, if there is
                # one ("The United States condemns the killings" after sentences on Ethiopia).
                country = (
                    actors.memory.salient_country(predicate.trigger, exclude=excluded) or country
                )
        if country is None and party:
            country = actors.home_country
        if country is None and not party and predicate.root in DOMESTIC_ROOTS:
            # "the military took control of the area": coercion and fighting with no named
            # party are done at home, not to whichever country the story mentioned last.
            country = source.country
        if country is None and not party and predicate.root not in TARGETLESS_ROOTS:
            if target is not None:
                country = actors.memory.salient_country(predicate.trigger, exclude=excluded)
            else:
                # No target: only the other party the sentence itself has named before the act
                # ("Italian fishermen ... have been freed by Libya forces"), never one from
                # earlier sentences, nor one named after it ("... as Iranian troops massed").
                others = set(countries_named_before(predicate.trigger, self.kb)) - excluded
                country = next(iter(others)) if len(others) == 1 else None
        if country is None or (predicate.root in GIVING_ROOTS and country == source.country):
            return target
        if target is None:
            return country_target(country, self.kb)
        return with_context_country(target, country)

    def own_phrase_country(self, sent: Span, actor: ActorRef) -> str | None:
        """A country named inside a country-less actor's own mention (see target_context)."""
        if not needs_country(actor) or actor.start is None:
            return None
        span = sent.doc.char_span(actor.start, actor.end, alignment_mode="expand")
        return phrase_country(span.root, self.kb, self._lookup) if span else None

    def source(self, sent: Span, source: ActorRef, home: str | None) -> ActorRef:
        """A national source the phrase resolution left without a country ("President Dos
        Santos" misspelt, "Ibo elders", "the government of Sindh province") takes the country
        its own phrase or its sentence names, else the dateline's: the sentence is about its
        own actors' country far more often than not.  Only a single-country sentence counts.
        An unidentified attacker the attack's location did not place is coded the same way
        (IRQUAF for "a roadside bomb killed three Iraqi policemen")."""
        if source.sector in NOT_NATIONAL or not needs_country(source):
            return source
        country = self.own_phrase_country(sent, source)
        if unplaced_attacker(source):
            # Where the attack happened, failing a place: the country the article is about
            # before the victims' ("one Ugandan soldier was killed" in a report on Somalia).
            country = country or home
        country = country or sentence_country(sent, self.kb, self._lookup) or home
        if country and source.resolution == "unidentified":
            return replace(source, country=country, code=country + "UAF")  # still unnamed
        return with_context_country(source, country) if country else source
