"""Score the coder on article-level gold: precision, recall and F1 per level, topic and root.

See :mod:`flashpoint.evaluation.articles` for the gold format and the matching rule.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import FlashpointError
from ..ingest import article_from_text
from ..records import Article, Event
from .articles import (
    LEVELS,
    ArticleMatch,
    CodedEvent,
    GoldArticle,
    match_article,
    read_article_gold,
)
from .gold import country_label
from .metrics import Score

__all__ = ["ArticleReport", "coded_events", "evaluate_articles", "score_articles"]


@dataclass
class ArticleReport:
    path: str
    split: str | None
    articles: int
    gold_events: int
    acceptable_events: int
    coded_events: int
    levels: dict[str, Score] = field(default_factory=dict)
    by_topic: dict[str, Score] = field(default_factory=dict)
    by_root: dict[str, Score] = field(default_factory=dict)
    by_plover: dict[str, Score] = field(default_factory=dict)  # PLOVER level, per type
    matches: dict[str, ArticleMatch] = field(default_factory=dict)  # event level, per file
    texts: dict[str, str] = field(default_factory=dict)

    def to_dict(self) -> dict:
        def entry(score: Score) -> dict:
            return {
                "precision": round(score.precision, 4),
                "recall": round(score.recall, 4),
                "f1": round(score.f1, 4),
                "tp": score.tp,
                "fp": score.fp,
                "fn": score.fn,
            }

        return {
            "path": self.path,
            "format": "article-gold",
            "split": self.split,
            "articles": self.articles,
            "gold_events": self.gold_events,
            "acceptable_events": self.acceptable_events,
            "coded_events": self.coded_events,
            "levels": {name: entry(s) for name, s in self.levels.items()},
            "by_topic": {name: entry(s) for name, s in sorted(self.by_topic.items())},
            "by_root": {name: entry(s) for name, s in sorted(self.by_root.items())},
            "by_plover": {name: entry(s) for name, s in sorted(self.by_plover.items())},
        }


def coded_events(events: Iterable[Event]) -> list[CodedEvent]:
    """The scorer's view of flashpoint events."""
    return [
        CodedEvent(
            trigger_start=e.evidence.trigger.start,
            source_country=country_label(e.source),
            target_country=country_label(e.target) if e.target else None,
            source_sector=e.source.sector,
            target_sector=e.target.sector if e.target else None,
            cameo=e.cameo.code,
            plover_type=e.plover.event,
            ref=e,
        )
        for e in events
    ]


def _article(gold: GoldArticle) -> Article:
    try:
        return article_from_text(
            gold.text, date=gold.date, doc_id=gold.file, source=gold.file, url=gold.url
        )
    except FlashpointError:  # an article the input checks refuse is still scored (as silent)
        return Article(text=gold.text, doc_id=gold.file, date=gold.date, url=gold.url)


def _add(score: Score, match: ArticleMatch) -> None:
    score.tp += len(match.hits)
    score.fp += len(match.extras)
    score.fn += len(match.misses)


def evaluate_articles(
    path: str | Path,
    coder,  # type: ignore[no-untyped-def]  # flashpoint.Coder, or anything with code_many
    *,
    texts: str | Path | None = None,
    split: str | None = None,
) -> ArticleReport:
    return score_articles(read_article_gold(path, texts, split=split), coder, str(path), split)


def score_articles(
    gold: list[GoldArticle],
    coder,  # type: ignore[no-untyped-def]
    path: str = "",
    split: str | None = None,
) -> ArticleReport:
    """Code the gold articles and score them (see articles.match_article)."""
    report = ArticleReport(
        path=path,
        split=split,
        articles=len(gold),
        gold_events=sum(e.status == "gold" for a in gold for e in a.events),
        acceptable_events=sum(e.status == "acceptable" for a in gold for e in a.events),
        coded_events=0,
    )
    for level in LEVELS:
        report.levels[level] = Score()
    coded_lists: Iterator[list[Event]] = coder.code_many((_article(a) for a in gold), 8)
    for article, events in zip(gold, coded_lists, strict=True):
        coded = coded_events(events)
        report.coded_events += len(coded)
        report.texts[article.file] = article.text
        for level in LEVELS:
            match = match_article(article.events, coded, level)
            _add(report.levels[level], match)
            if level == "plover":
                for _, gold_event in match.hits:
                    report.by_plover.setdefault(gold_event.plover_type, Score()).tp += 1
                for gold_event in match.misses:
                    report.by_plover.setdefault(gold_event.plover_type, Score()).fn += 1
                for extra in match.extras:
                    report.by_plover.setdefault(extra.plover_type, Score()).fp += 1
            if level == "event":
                report.matches[article.file] = match
                _add(report.by_topic.setdefault(article.topic or "-", Score()), match)
                for _, gold_event in match.hits:
                    report.by_root.setdefault(gold_event.cameo[:2], Score()).tp += 1
                for gold_event in match.misses:
                    report.by_root.setdefault(gold_event.cameo[:2], Score()).fn += 1
                for extra in match.extras:
                    report.by_root.setdefault(extra.cameo[:2], Score()).fp += 1
    return report
