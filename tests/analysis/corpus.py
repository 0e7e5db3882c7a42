"""A small hand-built store whose aggregates are known exactly (no spaCy).

Weeks (Monday to Sunday): W1 = 2025-12-01..07, W2 = 12-08..14, W3 = 12-15..21.

- A1 (Alpha, 12-01): e1 USAGOV->ISRGOV 042 q1 +1.9 on 12-01, two mentions (sentences 0, 1).
- A2 (Beta, 12-02): e1' the same visit (joins e1's cluster: 2 articles, 3 mentions,
  2 sources); e3 ISRGOV->USAGOV 112 q3 -2.0 12-02; e4 USAGOV->ISRGOV 190 q4 -10 12-02, negated.
- A3 (Alpha, 12-09): e5 USAMIL->ISRMIL 070 q2 +7.0; e6 ISRGOV->USAGOV 190 q4 -10,
  hypothetical; e7 USAGOV->IRNGOV 138 q3 -7.0 in Tehran; all on 12-09.
- A4 (Gamma, 12-10): e8 ISRGOV->USAGOV 042 q1 +1.9 in Jerusalem.
- A5 (Beta, 12-17): no events (coverage only).
- A6 (no publisher, a file, 12-18): e9 IGOUNOSEC->ISRGOV 0231 q1 +3.4 (a leading zero), in
  sentence 4, placed in Israel (a country).
"""

from __future__ import annotations

from dataclasses import replace

from flashpoint.store import write_article
from tests.store.helpers import VERSION, document, event, place

GOLD = {"042": (1, 1.9), "112": (3, -2.0), "190": (4, -10.0), "070": (2, 7.0),
        "138": (3, -7.0), "0231": (1, 3.4)}  # fmt: skip
PLOVER = {"042": "CONSULT", "112": "ACCUSE", "190": "ASSAULT", "070": "AID",
          "138": "THREATEN", "0231": "REQUEST"}  # fmt: skip


def ev(doc_id: str, source: str, target: str, code: str, date: str, **kw):
    quad, goldstein = GOLD[code]
    return event(doc_id, source=source, target=target, code=code, date=date, quad_class=quad,
                 goldstein=goldstein, plover=PLOVER[code], **kw)  # fmt: skip


def build(store) -> None:
    def put(text, events_of, **kw):
        doc = document(text, **kw)
        result = write_article(store, doc, events_of(doc.article.doc_id), coder_version=VERSION)
        assert result.status == "new"

    put("Article one.", lambda d: [
        ev(d, "USAGOV", "ISRGOV", "042", "2025-12-01", sentence=0),
        ev(d, "USAGOV", "ISRGOV", "042", "2025-12-01", sentence=1),
    ], url="https://alpha.example/1", publisher="Alpha", date="2025-12-01")  # fmt: skip
    put("Article two.", lambda d: [
        ev(d, "USAGOV", "ISRGOV", "042", "2025-12-01"),
        ev(d, "ISRGOV", "USAGOV", "112", "2025-12-02", sentence=1),
        ev(d, "USAGOV", "ISRGOV", "190", "2025-12-02", sentence=2, modality="negated"),
    ], url="https://beta.example/2", publisher="Beta", date="2025-12-02")  # fmt: skip
    put("Article three.", lambda d: [
        ev(d, "USAMIL", "ISRMIL", "070", "2025-12-09"),
        ev(d, "ISRGOV", "USAGOV", "190", "2025-12-09", sentence=1, modality="hypothetical"),
        ev(d, "USAGOV", "IRNGOV", "138", "2025-12-09", sentence=2,
           location=place("Tehran", "IRN")),
    ], url="https://alpha.example/3", publisher="Alpha", date="2025-12-09")  # fmt: skip
    put("Article four.", lambda d: [
        ev(d, "ISRGOV", "USAGOV", "042", "2025-12-10", location=place("Jerusalem", "ISR")),
    ], url="https://gamma.example/4", publisher="Gamma", date="2025-12-10")  # fmt: skip
    put("Article five.", lambda d: [],
        url="https://beta.example/5", publisher="Beta", date="2025-12-17")  # fmt: skip
    un = ev("", "IGOUNOSEC", "ISRGOV", "0231", "2025-12-18", sentence=4,
            location=place("Israel", "ISR", feature="country"))  # fmt: skip
    un = replace(un, source=replace(un.source, country=None, sector="IGO",
                                    name="United Nations Security Council"))  # fmt: skip
    put("Article six.", lambda d: [replace(un, doc_id=d)],
        locator="/news/six.txt", date="2025-12-18")  # fmt: skip
