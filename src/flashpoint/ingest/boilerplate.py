"""Find lines of site furniture (bylines, share buttons, credits, timestamps) in article text.

The spans go into ``Article.skip_spans`` so the coder never turns "Share on Facebook" or a
"Reporting by ..." credit into an event, while the text itself, and so every offset, stays
exactly as extracted.  A false positive silently hides real reporting, which is worse than
letting some furniture through, so every rule here matches a *whole line* and lines that read
like prose (lower-case words, verbs, a sentence's length) never qualify.
"""

from __future__ import annotations

import re

__all__ = ["find_boilerplate", "is_boilerplate_line"]

_MAX_WORDS = 30  # furniture is short; longer lines are prose (captions are handled separately)


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_TRAIL = r"[\s.:!…»›>\-–—]*"  # decorations after a label: "Read more »", "Loading..."


def _full(pattern: str) -> re.Pattern[str]:
    return re.compile(rf"(?:{pattern}){_TRAIL}", re.IGNORECASE)


# Whole lines that are a furniture label and nothing else (any case, optional trailing "»", "...").
_FIXED = _full(
    r"advertisements?|advertisment|ads?|sponsored(?: content| post)?|paid (?:content|post)"
    r"|promoted(?: content)?|(?:story )?continues below(?: advertisement)?"
    r"|skip (?:advertisement|ad|to (?:main )?content|navigation)|scroll to continue"
    r"|loading|please wait|updated|published"
    r"|share|share this(?: article| story| page| post)?"
    r"|share (?:on|via|to) (?:facebook|twitter|x|linkedin|whatsapp|reddit|e-?mail|telegram"
    r"|pinterest|messenger|bluesky|threads)"
    r"|copy(?: article)? link|link copied"
    r"|(?:\d[\d,.]*k? )?comments?(?: \(\d+\)| \d+)?|no comments(?: yet)?"
    r"|(?:view|show|hide|read|see|load|leave|post|add|join)(?: (?:a|the|all|more))? comments?"
    r"(?: \(\d+\))?|be the first to comment"
    r"|back to top|listen to (?:this )?(?:article|story)(?: \d+ min(?:ute)?s?)?"
    r"|all rights reserved"
    r"|related(?: articles?| stories| story| coverage| content| topics| links| reading)?"
    r"|more on this (?:story|topic)|recommended(?: for you)?|most (?:read|popular|viewed)"
    r"|trending(?: now)?|image caption|media caption|getty images"
)

# Lines that open with a furniture label; the rest of the line is whatever the label introduces.
_PREFIX = re.compile(
    r"(?:read more|also read|read also|see also|related|recommended)\s*[:»›>|]"
    r"|(?:click|tap) here\b|sign up\b|subscribe\b|download (?:our|the) app\b"
    r"|follow (?:us|@\w+)\b"
    r"|©|(?:\(c\)|copyright)\s*(?:©|\(c\)|\d{4})"
    r"|(?:photo|photos|photograph|picture|image|video|graphic|illustration|file photo"
    r"|photo credit)\s*:"
    r"|(?:image|media|video) (?:caption|source|copyright)\b",
    re.IGNORECASE,
)

# Only as the end of a line and capitalised as in a copyright notice, not inside a sentence.
_RIGHTS = re.compile(r"\b(?:All [Rr]ights [Rr]eserved|ALL RIGHTS RESERVED)[\s.!]*$")
_CONTRIBUTED = re.compile(r".{1,150}\bcontributed (?:to )?(?:this|the) (?:report|story)\.?")

# Photo credits that end a caption line: "(AP Photo/Jane Doe)", "REUTERS/Jane Doe/File Photo",
# "AFP via Getty Images", "... Photo: Jane Doe/AFP".
_CAPTION_END = re.compile(
    r"(?:\((?:[A-Z][\w-]{1,10}\s+)?Photo(?:/[^()]{1,80})?\)"
    r"|\b(?:REUTERS|AFP|EPA|EPA-EFE)/[A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*){0,3}(?:/File(?: Photo)?)?"
    r"|(?:^|/|\bvia |\| )Getty Images"
    r"|(?:^|[.)]\s)(?:Photo|Photograph|Picture)\s*:\s*[^.]{1,60})\s*$"
)

# ---- bylines and credits -------------------------------------------------------------------

_PARTICLES = _words("al bin bint da das de del della der di dos du el ibn la le ter van von y")
# Staff words allowed in a credit ("the Moscow newsroom"), but never enough on their own.
_STAFF_WORDS = _words("the newsroom newsrooms bureau bureaus staff team desk")
# Capitalised words that follow "By" in prose, not in bylines: "By Tuesday, ...".
_NOT_NAMES = _words(
    """monday tuesday wednesday thursday friday saturday sunday january february march april
    may june july august september october november december then now noon midnight dawn
    dusk nightfall law contrast comparison far late early mid the a an this that these those
    its his her their our some all most many last next order decree air land sea road rail
    phone telephone email mail"""
)
_NAME_SPLIT = re.compile(r"\s*(?:[,;&/]|\band\b|\bin\b|\bfrom\b|\bat\b)\s*")
_SEPARATORS = re.compile(r"\s+[|•·]\s+|\s*\|\s*")
_CREDIT_ROLE = (
    r"(?:(?:additional|further)\s+)?(?:reporting|writing|editing|edited|written|compiled"
    r"|research|graphics|translation|translated|produced|production|fact-checking)\s+by"
)
# Split before each role, but not between "Additional" and the "reporting by" it qualifies.
_CREDIT_SPLIT = re.compile(
    rf"\s*[;,]?\s*(?<!additional )(?<!further )(?=\b{_CREDIT_ROLE}\b)", re.IGNORECASE
)
_CREDIT = re.compile(rf"{_CREDIT_ROLE}\s+(.+)", re.IGNORECASE)


def _is_name_token(token: str) -> bool:
    token = token.strip(".,'’\"()")
    if not token:
        return False
    if token.lower() in _PARTICLES:
        return True
    return token[0].isupper() and all(c.isalpha() or c in "'’.-" for c in token)


def _is_name_group(segment: str, *, allow_staff: bool = False) -> bool:
    """One name or organisation: "Jane Doe", "J. R. de la Cruz", "Reuters", "BBC News"."""
    tokens = segment.split()
    if not 1 <= len(tokens) <= 5:
        return False
    allowed = [_is_name_token(t) or (allow_staff and t.lower() in _STAFF_WORDS) for t in tokens]
    if not all(allowed):
        return False
    significant = [t for t in tokens if t.lower() not in _PARTICLES | _STAFF_WORDS]
    return bool(significant) and significant[0].strip(".,").lower() not in _NOT_NAMES


def _is_name_list(text: str, *, allow_staff: bool = False) -> bool:
    """Names joined by commas, "and", "&", or placed "in"/"from" a city."""
    text = text.strip().rstrip(".")
    if not text or len(text.split()) > 14:
        return False
    parts = [p for p in _NAME_SPLIT.split(text) if p]
    return bool(parts) and all(_is_name_group(p, allow_staff=allow_staff) for p in parts)


def _is_byline(line: str) -> bool:
    """ "By Jane Doe", "By Jane Doe and John Roe, Reuters", "BY JANE DOE in Kyiv"."""
    if not (line.startswith(("By ", "BY ")) and len(line.split()) <= 14):
        return False
    rest = line[3:].strip()
    # A dash may separate the name from a job title: "By Jane Doe - Staff Writer".
    parts = re.split(r"\s+[-–—]\s+", rest)
    return all(_is_name_list(p) for p in parts)


def _is_credit(line: str) -> bool:
    """ "(Reporting by Jane Doe in Kyiv; Editing by John Roe)" and similar agency credits."""
    text = line.strip().strip("()[]").strip().rstrip(".;")
    segments = [s for s in _CREDIT_SPLIT.split(text) if s]
    if not segments:
        return False
    for segment in segments:
        match = _CREDIT.fullmatch(segment.strip().rstrip(".;,"))
        if match is None or not _is_name_list(match.group(1), allow_staff=True):
            return False
    return True


# ---- timestamps, reading times and share bars ----------------------------------------------

_MONTHS = _words(
    """january february march april may june july august september october november december
    jan feb mar apr jun jul aug sep sept oct nov dec"""
)
_WEEKDAYS = _words(
    "monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs "
    "fri sat sun"
)
_TIME_WORDS = _words(
    """am pm a.m. p.m. gmt utc bst cet cest est edt et pt pst pdt ct cst cdt mt ist jst aest
    eat wat sast msk on at ago just now today yesterday a an min mins minute minutes hour hours
    hr hrs h day days week weeks month months year years updated published posted last first
    modified"""
)
_NUMERIC = re.compile(r"\d[\d:./+\-tz]*(?:st|nd|rd|th|am|pm|h)?", re.IGNORECASE)
_CLOCK_OR_DATE = re.compile(r"\d:\d\d|\d{4}-\d\d-\d\d|\d{1,2}/\d{1,2}/\d{2,4}")
_READ_TIME = re.compile(r"\b\d+\s*-?\s*min(?:ute)?s?\.?\s+(?:read|listen)\b", re.IGNORECASE)

_SOCIAL = _words(
    """share tweet email e-mail mail print whatsapp facebook twitter x linkedin reddit
    telegram pinterest messenger flipboard bluesky threads copy link save bookmark comment
    comments"""
)


def _is_timestamp(text: str) -> bool:
    """ "Updated 3:15 PM ET", "Published March 12, 2024", "12 Mar 2024 08:30 GMT"."""
    tokens = [t.strip(",|•·()") for t in text.split()]
    tokens = [t for t in tokens if t]
    if not tokens:
        return False
    has_number = has_anchor = False
    for token in tokens:
        low = token.lower().rstrip(":.")
        if _NUMERIC.fullmatch(low):
            has_number = True
            has_anchor = (
                has_anchor or bool(_CLOCK_OR_DATE.search(low)) or low.endswith(("am", "pm"))
            )
        elif low in _MONTHS or low in _WEEKDAYS or low == "ago":
            has_anchor = True
        elif low not in _TIME_WORDS and token.lower() not in _TIME_WORDS:
            return False
    return has_number and has_anchor


def _is_read_time(text: str) -> bool:
    """ "5 min read", "March 12, 2024 · 4 min read"."""
    if not _READ_TIME.search(text):
        return False
    rest = _READ_TIME.sub(" ", text).strip(" |•·-–—.")
    return not rest or _is_timestamp(rest)


def _is_share_bar(text: str) -> bool:
    """A row of share buttons: "Share", "Tweet", "Facebook Twitter Email", "Copy link"."""
    tokens = [t for t in re.split(r"[\s|•·/,]+", text.lower()) if t]
    return 0 < len(tokens) <= 10 and all(t.strip(".:") in _SOCIAL for t in tokens)


def _is_segment_furniture(segment: str) -> bool:
    return (
        _is_byline(segment)
        or _is_timestamp(segment)
        or _is_read_time(segment)
        or _is_share_bar(segment)
        or _FIXED.fullmatch(segment) is not None
    )


def _is_separated_furniture(line: str) -> bool:
    """ "Jane Doe | Reuters", "By Jane Doe | Updated 3:15 PM | 5 min read"."""
    segments = [s.strip() for s in _SEPARATORS.split(line)]
    if len(segments) < 2 or not all(segments):
        return False
    # A bare name is furniture only beside a separator, never as a line of its own.
    return all(_is_segment_furniture(s) or _is_name_list(s) for s in segments)


# ---- the line test -------------------------------------------------------------------------


def is_boilerplate_line(line: str) -> bool:
    """True when the whole line is site furniture rather than reporting."""
    text = " ".join(line.split())
    if not text:
        return False
    if _CAPTION_END.search(text):
        return True
    if len(text.split()) > _MAX_WORDS:
        return False
    if _FIXED.fullmatch(text) or _PREFIX.match(text) or _RIGHTS.search(text):
        return True
    if _CONTRIBUTED.fullmatch(text):
        return True
    return _is_credit(text) or _is_segment_furniture(text) or _is_separated_furniture(text)


def find_boilerplate(text: str) -> tuple[tuple[int, int], ...]:
    """(start, end) offsets of every furniture line in ``text``, newline excluded."""
    spans: list[tuple[int, int]] = []
    start = 0
    for line in text.split("\n"):
        end = start + len(line)
        if is_boilerplate_line(line):
            spans.append((start, end))
        start = end + 1
    return tuple(spans)
