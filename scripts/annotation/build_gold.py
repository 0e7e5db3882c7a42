"""Check annotators' files and turn them into flashpoint's offset-only article gold.

Annotators write one JSON object per event, quoting the words they code (see
docs/coding-guidelines.md, "Recording an annotation").  Quotes are third-party text, so those
files stay outside the repository; this script resolves every quote to character offsets in
the article and writes records that hold offsets, codes and labels only:

    python scripts/annotation/build_gold.py check RAW.jsonl [RAW.jsonl ...]
    python scripts/annotation/build_gold.py resolve RAW.jsonl ... --out gold/articles/x.jsonl \
        --annotator A

``check`` prints every problem with the raw file's line number and exits 1 if there is one;
``resolve`` refuses to write while any problem remains.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import re
import sys
from collections import defaultdict
from functools import cache
from pathlib import Path

import pycountry

from flashpoint.coding.cameo import cameo_table

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from sentences import article_sentences  # noqa: E402

ARTICLES = HERE.parents[2] / "shared" / "eval" / "articles"
SPLIT = HERE.parents[1] / "gold" / "articles" / "split.json"

PLOVER_MODES: dict[str, set[str]] = {
    "AGREE": set(),
    "CONSULT": {"visit", "third-party", "multilateral", "phone"},
    "SUPPORT": set(),
    "CONCEDE": set(),
    "COOPERATE": set(),
    "AID": set(),
    "RETREAT": {"withdraw", "release", "return", "disarm", "ceasefire", "access", "resign"},
    "REQUEST": {"assist", "change", "yield", "meet"},
    "ACCUSE": {"disapprove", "investigate", "allege"},
    "REJECT": {"assist", "change", "yield", "meet"},
    "THREATEN": {"restrict", "ban", "arrest", "relations", "expel", "territory", "violence"},
    "PROTEST": {"demo", "riot", "strike", "hunger", "boycott", "obstruct", "vandalize"},
    "SANCTION": {"convict", "expel", "withdraw", "discontinue"},
    "MOBILIZE": {"troops", "weapons", "police", "militia"},
    "COERCE": {"seize", "restrict", "ban", "censor", "curfew", "martial-law", "arrest", "deport",
               "withhold", "misinformation", "cyber"},
    "ASSAULT": {"abduct", "beat", "torture", "sexual", "targeted", "destroy", "primitive",
                "firearms", "explosives", "suicide-attack", "aerial", "drone", "heavy-weapons",
                "crowd-control", "unconventional", "execute", "assassinate", "cleansing",
                "massacre", "sideAB"},
}  # fmt: skip
MODALITIES = {"asserted", "reported", "negated", "hypothetical", "intended", "historical"}
PRECISIONS = {"day", "month", "year", "unknown"}
# Country-slot codes that are not ISO-3 states: international prefixes and CAMEO regions.
NON_STATE_COUNTRY = {
    "IGO", "NGO", "IMG", "MNC", "NGM", "INT", "UNO",
    "AFR", "ASA", "BLK", "CRB", "CAU", "CFR", "CAS", "CEU", "EIN", "EAF", "EEU", "EUR", "LAM",
    "MEA", "MDT", "NAF", "NMR", "SAM", "SAS", "SEA", "SAF", "WAF", "WST", "WSB", "GZS", "XKX",
}  # fmt: skip
SECTORS = {
    "GOV", "MIL", "COP", "JUD", "SPY", "LEG", "OPP", "PTY", "REB", "INS", "SEP", "UAF", "UIS",
    "AGR", "BUS", "CRM", "CVL", "DEV", "EDU", "ELI", "ENV", "HLH", "HRI", "LAB", "MED", "JRN",
    "REF", "SET", "MOD", "RAD", "REL", "PRM", "PKO", "NGO", "IGO", "UNK",
}  # fmt: skip
EVENT_KEYS = {"file", "s", "trigger", "source", "target", "cameo", "plover_type", "plover_mode",
              "modality", "date", "date_precision", "note", "acceptable"}  # fmt: skip
ACTOR_KEYS = {"text", "occurrence", "implicit", "name", "country", "sector", "code"}
QUOTE_OCCURRENCE = re.compile(r"^(.*)@(\d+)$", re.S)


class Problems:
    def __init__(self) -> None:
        self.items: list[str] = []

    def add(self, where: str, message: str) -> None:
        self.items.append(f"{where}: {message}")


@cache
def article(name: str) -> tuple[str, tuple[tuple[int, int], ...]]:
    text = (ARTICLES / name).read_text(encoding="utf-8")
    return text, tuple(article_sentences(text))


def valid_country(code: str) -> bool:
    return code in NON_STATE_COUNTRY or pycountry.countries.get(alpha_3=code) is not None


def locate(quote: str, occurrence: int, text: str, start: int, end: int) -> tuple[int, int] | None:
    """The ``occurrence``-th (1-based) exact match of ``quote`` inside text[start:end]."""
    at = start
    for _ in range(occurrence):
        found = text.find(quote, at, end)
        if found < 0:
            return None
        at = found + 1
    return found, found + len(quote)


def resolve_actor(
    actor: object, where: str, role: str, text: str, sent: tuple[int, int], problems: Problems
) -> dict | None:
    if actor is None:
        return None
    if not isinstance(actor, dict):
        problems.add(where, f"{role} must be an object or null")
        return None
    unknown = set(actor) - ACTOR_KEYS
    if unknown:
        problems.add(where, f"{role} has unknown keys {sorted(unknown)}")
    country = actor.get("country")
    if country is not None and not (isinstance(country, str) and valid_country(country)):
        problems.add(where, f"{role} country {country!r} is not ISO-3 or a CAMEO non-state code")
    sector = actor.get("sector")
    if sector is not None and sector not in SECTORS:
        problems.add(where, f"{role} sector {sector!r} unknown (one of {sorted(SECTORS)})")
    code = actor.get("code")
    if code is not None and (not isinstance(code, str) or len(code) % 3 or not code.isupper()):
        problems.add(where, f"{role} code {code!r} must be 3-letter chunks in capitals")
    span = None
    if actor.get("implicit"):
        if actor.get("text"):
            problems.add(where, f"{role} is implicit but quotes text")
    else:
        quote = actor.get("text")
        if not isinstance(quote, str) or not quote.strip():
            problems.add(where, f"{role} needs 'text' (a quote from the sentence) or implicit")
        else:
            span = locate(quote, int(actor.get("occurrence", 1)), text, *sent)
            if span is None:
                problems.add(where, f"{role} text {quote!r} not found in sentence")
    return {
        "span": list(span) if span else None,
        "implicit": bool(actor.get("implicit")),
        "name": actor.get("name"),
        "country": country,
        "sector": sector,
        "code": code,
    }


def resolve_event(raw: dict, where: str, problems: Problems) -> tuple[str, dict] | None:
    unknown = set(raw) - EVENT_KEYS - {"no_events"}
    if unknown:
        problems.add(where, f"unknown keys {sorted(unknown)}")
    name = raw.get("file")
    if not isinstance(name, str) or not (ARTICLES / name).is_file():
        problems.add(where, f"file {name!r} is not an article in {ARTICLES}")
        return None
    text, sentences = article(name)
    if raw.get("no_events"):
        return name, {}
    number = raw.get("s")
    if not isinstance(number, int) or not 0 <= number < len(sentences):
        problems.add(where, f"s={number!r}: the article has sentences S0-S{len(sentences) - 1}")
        return None
    sent = sentences[number]
    trigger_quote = raw.get("trigger")
    trigger = None
    if isinstance(trigger_quote, str) and trigger_quote.strip():
        match = QUOTE_OCCURRENCE.match(trigger_quote)
        quote, occurrence = (match[1], int(match[2])) if match else (trigger_quote, 1)
        trigger = locate(quote, occurrence, text, *sent)
        if trigger is None:
            problems.add(where, f"trigger {trigger_quote!r} not found in S{number}")
    else:
        problems.add(where, "trigger (the words that express the act) is required")
    cameo = raw.get("cameo")
    if cameo not in cameo_table():
        problems.add(where, f"cameo {cameo!r} is not a CAMEO event code")
    plover = raw.get("plover_type")
    mode = raw.get("plover_mode")
    if plover is not None and plover not in PLOVER_MODES:
        problems.add(where, f"plover_type {plover!r} unknown ({sorted(PLOVER_MODES)} or null)")
    elif mode is not None and (plover is None or mode not in PLOVER_MODES[plover]):
        allowed = sorted(PLOVER_MODES.get(plover or "", ()))
        problems.add(where, f"plover_mode {mode!r} is not a mode of {plover} ({allowed})")
    if isinstance(cameo, str) and cameo[:2] not in {"01", "02"} and plover is None:
        problems.add(where, f"cameo {cameo} maps to a PLOVER type: give plover_type")
    modality = raw.get("modality")
    if modality not in MODALITIES:
        problems.add(where, f"modality {modality!r} not in {sorted(MODALITIES)}")
    date, precision = raw.get("date"), raw.get("date_precision")
    if precision not in PRECISIONS:
        problems.add(where, f"date_precision {precision!r} not in {sorted(PRECISIONS)}")
    if date is not None:
        try:
            dt.date.fromisoformat(date)
        except (TypeError, ValueError):
            problems.add(where, f"date {date!r} is not YYYY-MM-DD (or null)")
    elif precision != "unknown":
        problems.add(where, "date is null: date_precision must be 'unknown'")
    source = resolve_actor(raw.get("source"), where, "source", text, sent, problems)
    if source is None:
        problems.add(where, "source is required (use implicit with a country if unnamed)")
    target = resolve_actor(raw.get("target"), where, "target", text, sent, problems)
    return name, {
        "status": "acceptable" if raw.get("acceptable") else "gold",
        "sentence": list(sent),
        "trigger": list(trigger) if trigger else None,
        "source": source,
        "target": target,
        "cameo": cameo,
        "plover": {"type": plover, "mode": mode},
        "modality": modality,
        "date": date,
        "date_precision": precision,
    }


def read_raw(paths: list[Path], problems: Problems) -> dict[str, list[dict]]:
    by_article: dict[str, list[dict]] = defaultdict(list)
    seen: set[str] = set()
    for path in paths:
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            where = f"{path}:{number}"
            try:
                raw = json.loads(line)
            except json.JSONDecodeError as exc:
                problems.add(where, f"not JSON: {exc}")
                continue
            if not isinstance(raw, dict):
                problems.add(where, "each line must be a JSON object")
                continue
            resolved = resolve_event(raw, where, problems)
            if resolved is None:
                continue
            name, event = resolved
            seen.add(name)
            if event:
                by_article[name].append(event)
    for name in seen:
        by_article.setdefault(name, [])
    return by_article


def sort_key(event: dict) -> tuple:
    return (event["sentence"][0], (event["trigger"] or [0])[0], event["cameo"] or "")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("command", choices=["check", "resolve"])
    parser.add_argument("raw", type=Path, nargs="+")
    parser.add_argument("--out", type=Path)
    parser.add_argument("--annotator", default="")
    args = parser.parse_args()
    problems = Problems()
    by_article = read_raw(args.raw, problems)
    for item in problems.items:
        print(item)
    count = sum(len(v) for v in by_article.values())
    print(
        f"{len(by_article)} articles, {count} events, {len(problems.items)} problems",
        file=sys.stderr,
    )
    if problems.items:
        sys.exit(1)
    if args.command == "resolve":
        if args.out is None:
            parser.error("resolve needs --out")
        split = {
            name: part for part, names in json.loads(SPLIT.read_text()).items() for name in names
        }
        index = {}
        for line in (ARTICLES / "index.jsonl").read_text(encoding="utf-8").splitlines():
            meta = json.loads(line)
            index[meta["file"]] = meta
        with args.out.open("w", encoding="utf-8") as out:
            for name in sorted(by_article):
                text, _ = article(name)
                events = sorted(by_article[name], key=sort_key)
                for n, event in enumerate(events, 1):
                    event["id"] = f"{Path(name).stem}:{n}"
                record = {
                    "file": name,
                    "sha256": hashlib.sha256(text.encode("utf-8")).hexdigest(),
                    "split": split[name],
                    "date": index[name]["date"],
                    "topic": index[name]["topic"],
                    "annotator": args.annotator,
                    "events": events,
                }
                out.write(json.dumps(record, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
