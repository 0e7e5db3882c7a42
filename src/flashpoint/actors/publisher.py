"""The voice of an official publisher: who "we" and "I" are in a government statement.

A press statement from the U.S. Department of State says "We condemn ...", "I am announcing
...": outside quotation marks, the first person is the publishing government, and a coder
that leaves it unresolved loses every act of such a statement.  Official publishers are
recognised by their web address: a government domain (``*.gov`` is the United States;
``gov.<cc>``, ``gouv.<cc>``, ``gob.<cc>``, ``gov.<cc>``-style second levels are the country of
the country-code domain) or an international organisation's own domain.
"""

from __future__ import annotations

from urllib.parse import urlsplit

import pycountry

from ..records import ActorRef

__all__ = ["inside_quotes", "is_first_person", "publisher_actor"]

# Government second-level labels of country-code domains: gov.uk, gouv.fr, gob.mx, go.jp ...
_GOVERNMENT_LABELS = frozenset({"gov", "gouv", "gob", "go", "govt", "government", "admin"})
# Whole domains of governments and international organisations that do not follow that shape.
_OFFICIAL_DOMAINS = {
    "un.org": ("IGOUNO", None, "IGO", "United Nations"),
    "europa.eu": ("IGOEEC", None, "IGO", "European Union"),
    "nato.int": ("IGONAT", None, "IGO", "NATO"),
    "au.int": ("IGOAFU", None, "IGO", "African Union"),
    "kremlin.ru": ("RUSGOV", "RUS", "GOV", None),
    "mid.ru": ("RUSGOV", "RUS", "GOV", None),
    "diplomatie.gouv.fr": ("FRAGOV", "FRA", "GOV", None),
    "auswaertiges-amt.de": ("DEUGOV", "DEU", "GOV", None),
    "bundesregierung.de": ("DEUGOV", "DEU", "GOV", None),
}
_FIRST_PERSON = frozenset({"we", "us", "our", "ours", "ourselves", "i", "me", "my", "myself"})


def _country_of_cc(cc: str) -> str | None:
    if cc == "uk":
        cc = "gb"
    found = pycountry.countries.get(alpha_2=cc.upper())
    return found.alpha_3 if found is not None else None


def publisher_actor(url: str | None) -> ActorRef | None:
    """The actor an official web address publishes for (None for any other publisher)."""
    if not url or "://" not in url:
        return None
    host = (urlsplit(url).hostname or "").lower().removeprefix("www.")
    labels = host.split(".")
    for size in (3, 2):
        official = _OFFICIAL_DOMAINS.get(".".join(labels[-size:]))
        if official:
            code, country, sector, name = official
            name = name or pycountry.countries.get(alpha_3=country).name
            return ActorRef("", name, country, sector, code, None, None, "publisher")
    country = None
    if labels[-1] in ("gov", "mil"):
        country = "USA"
    elif len(labels) >= 2 and len(labels[-1]) == 2 and labels[-2] in _GOVERNMENT_LABELS:
        country = _country_of_cc(labels[-1])
    if country is None:
        return None
    name = pycountry.countries.get(alpha_3=country).name
    return ActorRef("", f"Government ({name})", country, "GOV", country + "GOV", None, None,
                    "publisher")  # fmt: skip


def is_first_person(word: str) -> bool:
    return word.lower() in _FIRST_PERSON


def inside_quotes(text: str, start: int, paragraph_start: int) -> bool:
    """Whether offset ``start`` lies inside a quotation opened earlier in its paragraph
    (curly or straight double quotes; a quotation does not run past a paragraph break)."""
    before = text[paragraph_start:start]
    straight = before.count('"') % 2 == 1
    curly = sum(before.count(c) for c in "“«") > sum(before.count(c) for c in "”»")
    return straight or curly
