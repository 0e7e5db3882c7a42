"""When two coded events are the same real-world event.

Two events are **compatible** when all of these hold:

1. *Same directed dyad.*  Source matches source and target matches target (never swapped).
   Two actors match when their CAMEO codes are equal or one extends the other (``USA`` and
   ``USAGOV`` match; ``USAGOV`` and ``USAMIL`` do not).  An actor without a code matches
   only one with the same name.  A missing target matches only a missing target.
2. *Same CAMEO base code* (the first three digits) and compatible full codes: equal, or one
   a prefix of the other (``183`` and ``1831`` match; ``1831`` and ``1832`` do not, nor do
   ``190`` and ``193``, which are different base codes).
3. *Same polarity*: factual (asserted, reported, historical), irrealis (hypothetical,
   intended) or negated.  "X attacked Y" and "X did not attack Y" are never one event.
4. *Compatible places*: either is unknown, or both have the same name, or they are in the
   same country and at least one is coarser than a city (a country, region or province).
5. *Close dates*: within one article the dates the sentences give must be the same period,
   unless one mention is not dated by its sentence (it has the story date by default,
   ``date_info.reason == "story-date"``, as in a later "Russia attacked Ukraine with 80
   drones" after "... overnight on Monday"); such a mention never joins one the text places
   in the past without a date.  Across articles the dates must be of the same precision (day,
   week, month, year) and their first days at most ``window`` days apart
   (``FLASHPOINT_DEDUPE_WINDOW``, default 2).

Within an article, an event joins the first group of mentions it is compatible with, every
member of it, so "USA" can merge with "USAGOV" but not then with "USAMIL"
(:func:`merge_mentions`).  Across articles, each event joins the closest compatible cluster
(compared with the cluster's founding event), never one that already holds an event of the
same article; otherwise it founds a new cluster.

Across articles, rule 2 is coarser on the same day: the same *event family* — the quad class
(verbal or material, cooperation or conflict) — instead of the same base code, when the
event falls on the cluster's own days (the window of rule 5 still applies to the same base
code). Outlets word one act differently, and a coder follows the wording: the same meeting
is "held talks" (040) in one report, "urged ... to reopen the crossing" (0242) in another,
"said relations were improving" (013) in a third. Within one directed dyad, day and place,
those are one real-world interaction; keeping them apart by base code split one meeting
reported by nineteen outlets into a dozen clusters.

Events with neither a source code nor a source country, or without any date, always get a
cluster of their own.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from flashpoint.records import ActorRef, Event, Location

__all__ = [
    "MergedEvent",
    "actor_key",
    "actors_match",
    "codes_match",
    "dated_by",
    "merge_mentions",
    "places_match",
    "polarity",
    "same_event",
    "same_family",
]

_IRREALIS = frozenset({"hypothetical", "intended"})
_COARSE = frozenset({"country", "admin1", "region"})


@dataclass(frozen=True, slots=True)
class MergedEvent:
    """One event of an article: its representative mention and all its mentions."""

    representative: Event
    mentions: tuple[Event, ...]


def polarity(modality: str) -> str:
    if modality == "negated":
        return "negated"
    return "irrealis" if modality in _IRREALIS else "factual"


def actor_key(actor: ActorRef | None) -> str | None:
    """What clusters are looked up by: the actor's country, else its code."""
    if actor is None:
        return None
    return actor.country or actor.code


def _name(actor: ActorRef) -> str:
    return " ".join((actor.name or actor.text or "").lower().split())


def actors_match(a: ActorRef | None, b: ActorRef | None) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return codes_match_actor(a.code, b.code, _name(a), _name(b))


def codes_match_actor(
    code_a: str | None, code_b: str | None, name_a: str = "", name_b: str = ""
) -> bool:
    if code_a and code_b:
        return code_a.startswith(code_b) or code_b.startswith(code_a)
    return bool(name_a) and name_a == name_b


def same_family(quad_a: int | None, quad_b: int | None) -> bool:
    """Same event family across articles: the same quad class (see the module docstring)."""
    return quad_a is not None and quad_a == quad_b


def codes_match(a: str, b: str) -> bool:
    """Same CAMEO base code, and one full code equal to or more specific than the other."""
    return a[:3] == b[:3] and (a.startswith(b) or b.startswith(a))


def places_match(
    a_name: str | None,
    a_country: str | None,
    a_feature: str | None,
    b_name: str | None,
    b_country: str | None,
    b_feature: str | None,
) -> bool:
    if not a_name or not b_name:
        return True
    if a_name.lower() == b_name.lower():
        return True
    if a_country and b_country and a_country != b_country:
        return False
    return a_feature in _COARSE or b_feature in _COARSE


def _place(location: Location | None) -> tuple[str | None, str | None, str | None]:
    if location is None:
        return None, None, None
    return location.name, location.country, location.feature


def same_event(a: Event, b: Event) -> bool:
    """Compatible events of one article (rule above, with equal dates)."""
    return (
        polarity(a.modality) == polarity(b.modality)
        and codes_match(a.cameo.code, b.cameo.code)
        and actors_match(a.source, b.source)
        and actors_match(a.target, b.target)
        and _dates_match(a, b)
        and places_match(*_place(a.location), *_place(b.location))
    )


_BY_DEFAULT = frozenset({"story-date", "no-story-date"})


def _stated(event: Event) -> bool:
    """Whether the sentence itself dates the event (not just the story date by default)."""
    return event.date_info.reason not in _BY_DEFAULT


def _dates_match(a: Event, b: Event) -> bool:
    if _stated(a) and _stated(b):
        return (a.date, a.date_end) == (b.date, b.date_end)
    stated = a if _stated(a) else b if _stated(b) else None
    # A mention dated by default is the same event as one dated by its sentence, but not as
    # one the text places in the past without a date ("Iran previously attacked Israel").
    return stated is None or stated.date is not None


def dated_by(merged: MergedEvent) -> Event:
    """The mention whose date the merged event takes: the first that states one, else the
    representative."""
    for mention in merged.mentions:
        if _stated(mention):
            return mention
    return merged.representative


def _rank(event: Event) -> tuple[int, bool, float, int]:
    # The most specific code, then a mention whose sentence dates the event (its record then
    # carries the event's date), then the most confident, then the earliest mention.
    return (len(event.cameo.code), _stated(event), event.confidence, -event.evidence.start)


def merge_mentions(events: Sequence[Event]) -> list[MergedEvent]:
    """Group an article's events into distinct events, in order of first mention."""
    groups: list[list[Event]] = []
    for event in events:
        for group in groups:
            if all(same_event(member, event) for member in group):
                group.append(event)
                break
        else:
            groups.append([event])
    return [MergedEvent(max(group, key=_rank), tuple(group)) for group in groups]
