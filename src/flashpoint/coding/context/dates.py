"""Event dates: the story date unless the sentence places the event elsewhere in time.

Handles the expressions news uses for recent events ("on Monday", "yesterday", "last week",
"Nov. 11", "three days ago"), for older ones ("last year", "in 1988", "in March") and vague
past references ("in the past", "previously", "upon returning to office") that put an event
before the story without saying when.  ``Event.date`` is the first day of the period the text
gives (a day, week, month or year; ``DateInfo`` keeps its bounds and granularity), so a strike
"in June" is dated June, never the story's day; a vaguer past gives no date at all.
"""

from __future__ import annotations

import calendar
import functools
import re
from datetime import date, datetime, timedelta

from dateutil import parser as dateparser
from spacy.tokens import Span, Token

from ...nlp.docmemo import remembered, sent_ents, sent_text
from ...records import DATE_PRECISIONS, DateInfo

__all__ = ["date_for_trigger", "resolve_expression"]

_WEEKDAYS = {name.lower(): i for i, name in enumerate(calendar.day_name)}
_MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
_MONTHS.update({name.lower(): i for i, name in enumerate(calendar.month_abbr) if name})
_MONTHS["sept"] = 9
_NUMBERS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "a": 1,
    "an": 1,
    "several": 3,
    "few": 3,
}
_VAGUE_PAST = (
    "in the past",
    "previously",
    "formerly",
    "years ago",
    "at the time",
    "in recent years",
    "historically",
    "upon returning to office",
    "after returning to office",
    "in the 19",
    "decades ago",
    "long ago",
    "earlier in his career",
    "earlier in her career",
)
_STORY_DAY = (
    "today",
    "tonight",
    "this morning",
    "this afternoon",
    "this evening",
    "earlier today",
    "later today",
    "on monday night",
)
_HISTORICAL_GAP = timedelta(days=31)


def _info(
    text: str | None, granularity: str, start: date | None, end: date | None, reason: str
) -> DateInfo:
    return DateInfo(
        text,
        granularity,
        start.isoformat() if start else None,
        end.isoformat() if end else None,
        reason,
    )


def _period(unit: str, anchor: date, offset: int) -> tuple[date, date]:
    if unit == "week":
        monday = anchor - timedelta(days=anchor.weekday()) + timedelta(weeks=offset)
        return monday, monday + timedelta(days=6)
    if unit == "month":
        year, month = anchor.year, anchor.month + offset
        while month < 1:
            month += 12
            year -= 1
        while month > 12:
            month -= 12
            year += 1
        return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])
    year = anchor.year + offset
    return date(year, 1, 1), date(year, 12, 31)


@functools.lru_cache(maxsize=8192)
def resolve_expression(text: str, story: date | None, *, future: bool = False) -> DateInfo | None:
    """Resolve one date expression against the story date; None if it is not a date.

    Remembered: every event of a sentence asks about the same few expressions, and the answer
    (an immutable DateInfo) depends on nothing else."""
    low = " ".join(text.lower().replace(",", " ").split())
    if any(phrase in low for phrase in _VAGUE_PAST):
        return _info(text, "unknown", None, story, "vague-past")
    low = re.sub(r"^(on|in|at|since|by|from|during|as of|until)\s+", "", low)
    if story is None:
        return _absolute(text, low, None, future)
    if low in _STORY_DAY or low.startswith(("today", "tonight")):
        return _info(text, "day", story, story, "relative")
    if low.startswith("yesterday") or low in ("last night", "overnight"):
        day = story - timedelta(days=1)
        return _info(text, "day", day, day, "relative")
    if low.startswith("tomorrow"):
        day = story + timedelta(days=1)
        return _info(text, "day", day, day, "relative")
    match = re.match(
        r"^(last|this|next|earlier this|later this|the past|the previous)\s+"
        r"(week|month|year|weekend)$",
        low,
    )
    if match:
        which, unit = match.groups()
        if unit == "weekend":
            saturday = story - timedelta(days=(story.weekday() - 5) % 7 or 7)
            if which == "next":
                saturday += timedelta(weeks=1)
            return _info(text, "week", saturday, saturday + timedelta(days=1), "relative")
        offset = {"last": -1, "the previous": -1, "next": 1}.get(which, 0)
        start, end = _period(unit, story, offset)
        if which in ("earlier this", "the past"):
            end = min(end, story)
        return _info(text, unit, start, end, "relative")
    match = re.match(r"^(\w+)\s+(day|week|month|year)s?\s+ago$", low)
    if match:
        count = int(match.group(1)) if match.group(1).isdigit() else _NUMBERS.get(match.group(1))
        if count is not None:
            unit = match.group(2)
            if unit == "day":
                day = story - timedelta(days=count)
                return _info(text, "day", day, day, "relative")
            anchor = story - timedelta(days={"week": 7, "month": 30, "year": 365}[unit] * count)
            start, end = _period(unit, anchor, 0)
            return _info(text, unit, start, end, "relative")
    match = re.match(r"^(last|this|next|past)?\s*(" + "|".join(_WEEKDAYS) + r")\b", low)
    if match:
        which, name = match.groups()
        target = _WEEKDAYS[name]
        if which == "next" or (future and which != "last"):
            delta = (target - story.weekday()) % 7 or 7
            day = story + timedelta(days=delta)
        else:
            delta = (story.weekday() - target) % 7
            if which == "last" and delta == 0:
                delta = 7
            day = story - timedelta(days=delta)
        return _info(text, "day", day, day, "weekday")
    return _absolute(text, low, story, future)


def _absolute(text: str, low: str, story: date | None, future: bool) -> DateInfo | None:
    if re.fullmatch(r"(the )?(19|20)\d\ds", low):
        decade = int(low[-5:-1])
        return _info(text, "decade", date(decade, 1, 1), date(decade + 9, 12, 31), "explicit")
    if re.fullmatch(r"(19|20)\d\d", low):
        year = int(low)
        return _info(text, "year", date(year, 1, 1), date(year, 12, 31), "explicit")
    words = re.findall(r"[a-z]+", low)
    month = next((_MONTHS[w] for w in words if w in _MONTHS and w not in ("may", "mar")), None)
    # The modal "may" is no month; "May" (capitalised, or with a day or year) is.
    spelled = re.search(r"\d", low) or re.search(r"\b(May|Mar)\b", text)
    if month is None and ("may" in words or "mar" in words) and spelled:
        month = 5 if "may" in words else 3
    if month is None:
        return None
    has_day = re.search(r"\b([0-2]?\d|3[01])(st|nd|rd|th)?\b", low) is not None
    year_match = re.search(r"\b(19|20)\d\d\b", low)
    anchor = story or date.today()
    try:
        default = datetime(anchor.year, anchor.month, 1)
        parsed = dateparser.parse(text, default=default, fuzzy=True).date()
    except (ValueError, OverflowError):
        return None
    if not year_match:
        if story is None:
            return None
        # No year: the nearest such date on the story's side of time.
        candidates = [
            parsed.replace(year=story.year + k)
            for k in (-1, 0, 1)
            if _valid(parsed, story.year + k)
        ]
        this_month = (story.year, story.month)
        if low.startswith("last "):
            # "last January" is the January before the story's month, even in January.
            before = [c for c in candidates if (c.year, c.month) < this_month]
            parsed = max(before) if before else parsed
        elif low.startswith("next "):
            after = [c for c in candidates if (c.year, c.month) > this_month]
            parsed = min(after) if after else parsed
        elif future:
            later = [c for c in candidates if c >= story]
            parsed = min(later) if later else parsed
        else:
            earlier = [c for c in candidates if c <= story + timedelta(days=1)]
            parsed = max(earlier) if earlier else parsed
    if has_day:
        return _info(text, "day", parsed, parsed, "explicit")
    start, end = _period("month", parsed, 0)
    return _info(text, "month", start, end, "explicit")


def _valid(day: date, year: int) -> bool:
    return not (day.month == 2 and day.day == 29 and not calendar.isleap(year))


# A temporal clause that dates its head: "upon returning to office in January, he revoked",
# "when he returned in January, he revoked" (the revoking is dated January too).
_AT_THE_TIME = frozenset({"upon", "on", "when", "while"})


def _governing_verb(token: Token) -> Token:
    current = token
    for _ in range(30):
        if current.pos_ in ("VERB", "AUX") and current.dep_ not in ("amod",):
            return current
        if current.head.i == current.i:
            return current
        current = current.head
    return current


def _clause_head(verb: Token) -> Token | None:
    """The verb a temporal clause headed by ``verb`` times, if it is one."""
    if verb.dep_ == "pcomp" and verb.head.lower_ in _AT_THE_TIME and verb.head.head.pos_ == "VERB":
        return verb.head.head
    if verb.dep_ == "advcl" and any(
        c.dep_ in ("mark", "advmod") and c.lower_ in _AT_THE_TIME and c.i < verb.i
        for c in verb.children
    ):
        return verb.head
    return None


def _expressions(trigger: Token, sent: Span, chain: set[int]) -> list[str]:
    return [text for text, verb in _sentence_expressions(sent) if verb in chain]


def _sentence_expressions(sent: Span) -> list[tuple[str, int]]:
    """The sentence's date expressions (entities, then vague-past phrases) with the index of
    the verb each one modifies; the same for every predicate of the sentence."""
    key = ("date-expressions", sent.start, sent.end)
    return remembered(sent.doc, key, lambda: _find_expressions(sent))


def _find_expressions(sent: Span) -> list[tuple[str, int]]:
    dated = [
        (ent.text, _governing_verb(ent.root))
        for ent in sent_ents(sent)
        if ent.label_ in ("DATE", "TIME")
    ]
    found = [(text, verb.i) for text, verb in dated]
    # After the verb's own dates, but before any vague past, those of a clause timing it.
    heads = [(text, _clause_head(verb)) for text, verb in dated]
    found += [(text, head.i) for text, head in heads if head is not None]
    text = sent_text(sent).lower()
    for phrase in _VAGUE_PAST:
        position = text.find(phrase)
        if position >= 0:
            char = sent.start_char + position
            token = sent.doc.char_span(char, char + len(phrase), alignment_mode="expand")
            if token is not None:
                found.append((phrase, _governing_verb(token.root).i))
    return found


def date_for_trigger(
    trigger: Token,
    sent: Span,
    story: date | None,
    *,
    future: bool,
    chain: set[int],
    past_cue: str | None = None,
) -> tuple[date | None, DateInfo]:
    """The event date (the first day of its period, see ``DATE_PRECISIONS``) and how it was
    decided.

    ``chain`` holds the token indices of the trigger and the verbs folded into it (a control
    verb and its complement), so "agreed on Wednesday to cooperate" finds "Wednesday".
    ``past_cue`` is a word placing the event in the past ("once", "previously"): without a
    date expression the event then has no date, rather than the story's.
    """
    for expression in _expressions(trigger, sent, chain):
        info = resolve_expression(expression, story, future=future)
        if info is not None:
            dated = info.granularity in DATE_PRECISIONS and info.start is not None
            return (date.fromisoformat(info.start) if dated else None), info
    if past_cue is not None:
        return None, _info(past_cue, "unknown", None, story, "vague-past")
    if story is None:
        return None, _info(None, "unknown", None, None, "no-story-date")
    return story, _info(None, "day", story, story, "story-date")


def is_historical(info: DateInfo, story: date | None) -> bool:
    if info.reason == "vague-past":
        return True
    if story is None or info.end is None:
        return False
    return date.fromisoformat(info.end) < story - _HISTORICAL_GAP
