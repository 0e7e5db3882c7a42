"""Text output of ``flashpoint eval`` for article-level gold."""

from __future__ import annotations

import click

from ..evaluation.article_run import ArticleReport
from ..evaluation.articles import LEVELS, CodedEvent, GoldEvent
from ..evaluation.metrics import Score


def _row(name: str, score: Score, width: int = 28) -> str:
    return (
        f"  {name:<{width}}{score.precision:>7.3f}{score.recall:>7.3f}{score.f1:>7.3f}"
        f"{score.tp:>6}{score.fp:>6}{score.fn:>6}"
    )


def _header(title: str, width: int = 28) -> str:
    return f"  {title:<{width}}{'P':>7}{'R':>7}{'F1':>7}{'tp':>6}{'fp':>6}{'fn':>6}"


def _gold_line(event: GoldEvent, text: str) -> str:
    src = event.source.country if event.source else None
    tgt = event.target.country if event.target else None
    trigger = text[event.trigger[0] : event.trigger[1]] if event.trigger else "?"
    return f"{src or '-'}->{tgt or '-'} {event.cameo} '{trigger}' ({event.modality})"


def _coded_line(event: CodedEvent, text: str) -> str:
    ref = event.ref
    trigger = ref.evidence.trigger.text if ref is not None else "?"
    return f"{event.source_country or '-'}->{event.target_country or '-'} {event.cameo} '{trigger}'"


def print_article_report(report: ArticleReport, *, explain: bool = False) -> None:
    split = f" (split: {report.split})" if report.split else ""
    click.echo(
        f"{report.path}  [article gold]{split}  {report.articles} articles, "
        f"{report.gold_events} gold events (+{report.acceptable_events} acceptable), "
        f"{report.coded_events} coded"
    )
    click.echo(_header("level"))
    for level, description in LEVELS.items():
        click.echo(_row(level, report.levels[level]) + f"   {description}")
    click.echo(_header("topic (event level)"))
    for topic, score in sorted(report.by_topic.items()):
        click.echo(_row(topic, score))
    click.echo(_header("CAMEO root (event level)"))
    for root, score in sorted(report.by_root.items()):
        click.echo(_row(root, score))
    click.echo(_header("PLOVER type (plover level)"))
    for name, score in sorted(report.by_plover.items(), key=lambda kv: str(kv[0])):
        click.echo(_row(str(name), score))
    if explain:
        for name, match in sorted(report.matches.items()):
            text = report.texts.get(name, "")
            click.echo(
                f"\n{name}: {len(match.hits)} hits, {len(match.misses)} misses, "
                f"{len(match.extras)} extras"
            )
            for event in match.misses:
                sentence = text[event.sentence[0] : event.sentence[1]]
                click.echo(f"  MISS  {_gold_line(event, text)}\n        | {sentence}")
            for coded in match.extras:
                sentence = coded.ref.evidence.text if coded.ref is not None else ""
                click.echo(f"  EXTRA {_coded_line(coded, text)}\n        | {sentence}")
    click.echo("")
