"""Article-level gold: read it, and match coded events against it.

The gold format (``gold/articles/*.jsonl``, built by ``scripts/annotation/build_gold.py``) has
one JSON object per article: ``file`` (the text's file name), ``sha256`` of the text,
``split`` (``test`` or ``dev``), ``date`` (story date), ``topic``, and ``events``, each with
character offsets into the text (``sentence``, ``trigger``, ``source.span``, ``target.span``),
actor codes, CAMEO code, PLOVER type/mode, modality, date and a ``status`` of ``gold`` or
``acceptable``.  The texts themselves are third-party and stay outside the repository; the
reader finds them in a folder named by the caller or beside the project
(``shared/eval/articles``).

Matching (docs/coding-guidelines.md §10): within an article, a coded event matches a gold
event when its trigger lies in the gold event's sentence and the two agree on the *key* of the
level being scored — (source country, target country, CAMEO root) at the headline ``event``
level.  Each gold event is used once; coded events left over that match an *acceptable* gold
event are ignored, the rest are false positives; unmatched ``gold`` events are misses.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import GoldFormatError

__all__ = [
    "LEVELS",
    "ArticleMatch",
    "CodedEvent",
    "GoldActor",
    "GoldArticle",
    "GoldEvent",
    "find_article_texts",
    "is_article_gold",
    "match_article",
    "read_article_gold",
    "tally",
]

FORMAT = "flashpoint-article-gold"


@dataclass(frozen=True, slots=True)
class GoldActor:
    span: tuple[int, int] | None
    implicit: bool
    name: str | None
    country: str | None
    sector: str | None
    code: str | None


@dataclass(frozen=True, slots=True)
class GoldEvent:
    id: str
    status: str  # gold | acceptable
    sentence: tuple[int, int]
    trigger: tuple[int, int] | None
    source: GoldActor | None
    target: GoldActor | None
    cameo: str
    plover_type: str | None
    plover_mode: str | None
    modality: str
    date: str | None
    date_precision: str


@dataclass
class GoldArticle:
    file: str
    sha256: str
    split: str
    date: str | None
    topic: str
    events: list[GoldEvent]
    text: str = ""
    url: str | None = None  # from the texts folder's index.jsonl, when it has one


@dataclass(frozen=True, slots=True)
class CodedEvent:
    """What the scorer needs of a coded event (from flashpoint's Event or another coder)."""

    trigger_start: int
    source_country: str | None
    target_country: str | None
    source_sector: str | None
    target_sector: str | None
    cameo: str
    plover_type: str | None
    ref: object = None  # the original event, for --explain


def _gold_key(level: str, event: GoldEvent) -> tuple | None:
    src, tgt = event.source, event.target
    sc = src.country if src else None
    tc = tgt.country if tgt else None
    if level == "event":
        return (sc, tc, event.cameo[:2])
    if level == "code":
        return (sc, tc, event.cameo)
    if level == "plover":
        # Roots 01 and 02 have no type in the official crosswalk, which the coder follows;
        # the gold's REQUEST for appeals (guidelines §6) is left out of this level.
        if not event.plover_type or event.cameo[:2] in ("01", "02"):
            return None
        return (sc, tc, event.plover_type)
    if level == "actors":
        return (sc, src.sector if src else None, tc, tgt.sector if tgt else None, event.cameo[:2])
    if level == "detection":
        return (event.cameo[:2],)
    raise ValueError(level)


def _coded_key(level: str, event: CodedEvent) -> tuple | None:
    sc, tc = event.source_country, event.target_country
    if level == "event":
        return (sc, tc, event.cameo[:2])
    if level == "code":
        return (sc, tc, event.cameo)
    if level == "plover":
        return (sc, tc, event.plover_type) if event.plover_type else None
    if level == "actors":
        return (sc, event.source_sector, tc, event.target_sector, event.cameo[:2])
    if level == "detection":
        return (event.cameo[:2],)
    raise ValueError(level)


LEVELS = {
    "event": "sentence + source/target country + CAMEO root",
    "code": "sentence + source/target country + full CAMEO code",
    "plover": "sentence + source/target country + PLOVER type",
    "actors": "sentence + source/target country and sector + CAMEO root",
    "detection": "sentence + CAMEO root (actors ignored)",
}


@dataclass
class ArticleMatch:
    """The outcome of matching one article at one level."""

    hits: list[tuple[CodedEvent, GoldEvent]] = field(default_factory=list)
    extras: list[CodedEvent] = field(default_factory=list)  # false positives
    misses: list[GoldEvent] = field(default_factory=list)  # gold events not found
    tolerated: list[CodedEvent] = field(default_factory=list)  # matched only acceptable gold


def _sentence_of(start: int, sentences: Sequence[tuple[int, int]]) -> tuple[int, int] | None:
    for sentence in sentences:
        if sentence[0] <= start < sentence[1]:
            return sentence
    return None


def match_article(
    gold: Iterable[GoldEvent], coded: Iterable[CodedEvent], level: str = "event"
) -> ArticleMatch:
    """Match coded events to gold ones inside one article (see the module docstring).

    Sentences are the gold's: a coded event belongs to the gold sentence holding its trigger.
    Gold events without a key at this level (a PLOVER-less statement at the ``plover`` level)
    are treated as acceptable; coded events without one are left out.
    """
    gold = list(gold)
    sentences = sorted({g.sentence for g in gold})
    pools: dict[tuple, list[GoldEvent]] = {}
    optional: dict[tuple, list[GoldEvent]] = {}
    result = ArticleMatch()
    for event in gold:
        key = _gold_key(level, event)
        if key is None:
            continue
        target = pools if event.status == "gold" else optional
        target.setdefault((event.sentence, *key), []).append(event)
    for event in coded:
        key = _coded_key(level, event)
        if key is None:
            continue
        sentence = _sentence_of(event.trigger_start, sentences)
        full = (sentence, *key)
        if pools.get(full):
            result.hits.append((event, pools[full].pop(0)))
        elif optional.get(full):
            optional[full].pop(0)
            result.tolerated.append(event)
        else:
            result.extras.append(event)
    for remaining in pools.values():
        result.misses.extend(remaining)
    result.misses.sort(key=lambda g: (g.sentence, g.trigger or (0, 0)))
    return result


def is_article_gold(path: Path) -> bool:
    """Whether ``path`` holds article gold (JSON Lines with ``file`` and ``events`` keys)."""
    if path.suffix.lower() != ".jsonl":
        return False
    try:
        with path.open(encoding="utf-8") as handle:
            first = json.loads(handle.readline() or "null")
    except (OSError, ValueError):
        return False
    return isinstance(first, dict) and "file" in first and "events" in first


def find_article_texts(gold_path: Path) -> Path | None:
    """``shared/eval/articles`` beside the project holding ``gold_path``, if there is one."""
    for ancestor in gold_path.resolve().parents:
        candidate = ancestor / "shared" / "eval" / "articles"
        if candidate.is_dir():
            return candidate
    return None


def _pair(value: object, where: str) -> tuple[int, int] | None:
    if value is None:
        return None
    if (
        isinstance(value, list)
        and len(value) == 2
        and all(isinstance(v, int) for v in value)
        and 0 <= value[0] <= value[1]
    ):
        return (value[0], value[1])
    raise GoldFormatError(f"{where}: expected [start, end] offsets, got {value!r}")


def _actor(value: object, where: str) -> GoldActor | None:
    if value is None:
        return None
    if not isinstance(value, dict):
        raise GoldFormatError(f"{where}: an actor must be an object or null")
    return GoldActor(
        span=_pair(value.get("span"), where),
        implicit=bool(value.get("implicit")),
        name=value.get("name"),
        country=value.get("country") or None,
        sector=value.get("sector") or None,
        code=value.get("code") or None,
    )


def _event(raw: object, where: str) -> GoldEvent:
    if not isinstance(raw, dict):
        raise GoldFormatError(f"{where}: an event must be an object")
    try:
        sentence = _pair(raw["sentence"], where)
        cameo = str(raw["cameo"])
        plover = raw.get("plover") or {}
        status = raw.get("status", "gold")
    except KeyError as exc:
        raise GoldFormatError(f"{where}: missing {exc}") from exc
    if sentence is None or status not in {"gold", "acceptable"}:
        raise GoldFormatError(f"{where}: needs a sentence and a status of gold or acceptable")
    return GoldEvent(
        id=str(raw.get("id", "")),
        status=status,
        sentence=sentence,
        trigger=_pair(raw.get("trigger"), where),
        source=_actor(raw.get("source"), f"{where} source"),
        target=_actor(raw.get("target"), f"{where} target"),
        cameo=cameo,
        plover_type=plover.get("type"),
        plover_mode=plover.get("mode"),
        modality=str(raw.get("modality", "asserted")),
        date=raw.get("date"),
        date_precision=str(raw.get("date_precision", "unknown")),
    )


def read_article_gold(
    path: str | Path,
    texts: str | Path | None = None,
    *,
    split: str | None = None,
    load_texts: bool = True,
) -> list[GoldArticle]:
    """The articles of a gold file (optionally one split), with their texts checked by hash."""
    path = Path(path)
    if not path.is_file():
        raise GoldFormatError(f"no such gold file: {path}")
    folder = Path(texts) if texts else find_article_texts(path)
    if load_texts and folder is None:
        raise GoldFormatError(
            f"{path}: cannot find the article texts; pass --texts DIR "
            "(the folder holding the .txt files the gold refers to)"
        )
    articles = []
    index = _index(folder) if load_texts and folder is not None else {}
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            where = f"{path}:{number}"
            try:
                raw = json.loads(line)
            except ValueError as exc:
                raise GoldFormatError(f"{where}: not JSON ({exc})") from exc
            if not isinstance(raw, dict) or "file" not in raw or "events" not in raw:
                raise GoldFormatError(f"{where}: expected an object with 'file' and 'events'")
            article = GoldArticle(
                file=str(raw["file"]),
                sha256=str(raw.get("sha256", "")),
                split=str(raw.get("split", "")),
                date=raw.get("date"),
                topic=str(raw.get("topic", "")),
                events=[_event(e, f"{where} event {i}") for i, e in enumerate(raw["events"])],
            )
            if split and article.split != split:
                continue
            if load_texts:
                assert folder is not None
                article.text = _load_text(folder / article.file, article.sha256, where)
                article.url = index.get(article.file, {}).get("url")
            articles.append(article)
    return articles


def _index(folder: Path) -> dict[str, dict]:
    """The texts folder's metadata (``index.jsonl``: file, url, title ...), if it has one."""
    path = folder / "index.jsonl"
    if not path.is_file():
        return {}
    out = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        try:
            record = json.loads(line)
        except ValueError:
            continue
        if isinstance(record, dict) and "file" in record:
            out[str(record["file"])] = record
    return out


def _load_text(path: Path, sha256: str, where: str) -> str:
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise GoldFormatError(f"{where}: cannot read the article text {path}: {exc}") from exc
    if sha256 and hashlib.sha256(text.encode("utf-8")).hexdigest() != sha256:
        raise GoldFormatError(
            f"{where}: {path} is not the text this gold was annotated on (sha256 differs)"
        )
    return text


def tally(matches: Iterable[ArticleMatch]) -> Counter:
    """tp/fp/fn over several articles' matches."""
    counts: Counter = Counter()
    for match in matches:
        counts["tp"] += len(match.hits)
        counts["fp"] += len(match.extras)
        counts["fn"] += len(match.misses)
    return counts
