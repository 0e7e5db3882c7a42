"""``flashpoint eval``: precision/recall/F1 of the coder on gold files."""

from __future__ import annotations

import json

import click

from .main import cli
from .options import dictionary_options, no_model_option


@cli.command("eval")
@click.argument("gold_files", nargs=-1, required=True, type=click.Path(exists=True))
@click.option("--model", help="spaCy pipeline to evaluate with.")
@click.option(
    "--lexicon",
    "lexicons",
    multiple=True,
    type=click.Path(dir_okay=False),
    help="Extra event-pattern TSV file (repeatable).",
)
@click.option("--limit", type=int, help="Score only the first N gold sentences of each file.")
@click.option(
    "--texts",
    type=click.Path(file_okay=False, exists=True),
    help="Folder of the article texts an article gold file refers to "
    "(default: shared/eval/articles beside the project).",
)
@click.option(
    "--split",
    type=click.Choice(["test", "dev", "heldout", "train"]),
    help="Score one split only: test or dev of an article gold file; heldout or train of the "
    "UN quad file (the project's fixed split, flashpoint.training.splits).",
)
@click.option("--explain", is_flag=True, help="List each article's misses and extra events.")
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
@no_model_option
@dictionary_options
def eval_command(
    gold_files: tuple[str, ...],
    model: str | None,
    lexicons: tuple[str, ...],
    limit: int | None,
    texts: str | None,
    split: str | None,
    explain: bool,
    as_json: bool,
) -> None:
    """Score the coder against GOLD_FILES (PLOVER JSON, CAMEO codebook TSV, sentence+quad TSV,
    actor-span CoNLL, PETRARCH validation records .xml, flashpoint's article gold JSONL).

    For CAMEO root and full code, quad class, PLOVER event type and source/target country
    (whichever each file annotates) prints the accuracy of each sentence's primary event,
    macro-F1 for quad classes, and strict micro precision/recall/F1 over all coded events.
    Actor spans are scored as token precision/recall/F1; PETRARCH records as P/R/F1 over
    (source, target, event code) triples (with --actors, --verbs ... for their dictionaries).
    Article gold is scored as event precision/recall/F1 at several levels
    (docs/coding-guidelines.md §10), per topic, root and PLOVER type.
    """
    from pathlib import Path

    from .. import get_coder
    from ..evaluation import evaluate
    from ..evaluation.article_run import evaluate_articles, score_articles
    from ..evaluation.articles import is_article_gold
    from ..evaluation.run import METRIC_NAMES
    from ..evaluation.sentence_events import is_sentence_events, read_sentence_events
    from .eval_articles import print_article_report

    coder = get_coder(model, lexicons)

    def report_for(path: str):  # type: ignore[no-untyped-def]
        if is_article_gold(Path(path)):
            return evaluate_articles(path, coder, texts=texts, split=split)
        if is_sentence_events(Path(path)):
            return score_articles(read_sentence_events(path, split), coder, path, split)
        return evaluate(path, coder, limit=limit, split=split)

    reports = [report_for(path) for path in gold_files]
    if as_json:
        click.echo(json.dumps([r.to_dict() for r in reports], indent=2))
        return
    for report in reports:
        if not hasattr(report, "fmt"):
            print_article_report(report, explain=explain)
            continue
        click.echo(
            f"{report.path}  [{report.fmt}]  {report.sentences} sentences, "
            f"{report.with_events} with events"
        )
        click.echo(
            f"  {'metric':<26}{'acc':>7}{'macroF1':>8}{'P':>7}{'R':>7}{'F1':>7}{'support':>9}"
        )
        for name in METRIC_NAMES:
            score = report.scores.get(name)
            if score is None:
                continue
            accuracy = report.accuracy.get(name)
            classes = report.classes.get(name)
            acc = f"{accuracy.value:>7.3f}" if accuracy else f"{'-':>7}"
            macro = f"{classes.macro_f1:>8.3f}" if classes else f"{'-':>8}"
            click.echo(
                f"  {METRIC_NAMES[name]:<26}{acc}{macro}{score.precision:>7.3f}"
                f"{score.recall:>7.3f}{score.f1:>7.3f}{score.support:>9}"
            )
        click.echo("")
