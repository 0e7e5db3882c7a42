"""``flashpoint eval``: precision/recall/F1 of the coder on gold files."""

from __future__ import annotations

import json

import click

from .main import cli


@cli.command("eval")
@click.argument("gold_files", nargs=-1, required=True, type=click.Path(dir_okay=False))
@click.option("--model", help="spaCy pipeline to evaluate with.")
@click.option(
    "--lexicon",
    "lexicons",
    multiple=True,
    type=click.Path(dir_okay=False),
    help="Extra event-pattern TSV file (repeatable).",
)
@click.option("--limit", type=int, help="Score only the first N gold sentences of each file.")
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
def eval_command(
    gold_files: tuple[str, ...],
    model: str | None,
    lexicons: tuple[str, ...],
    limit: int | None,
    as_json: bool,
) -> None:
    """Score the coder against GOLD_FILES (PLOVER JSON, CAMEO codebook TSV, sentence+quad TSV).

    Prints micro precision/recall/F1 for CAMEO root and full code, quad class, PLOVER event
    type and source/target country, for whichever of these each file annotates.
    """
    from .. import get_coder
    from ..evaluation import evaluate
    from ..evaluation.run import METRIC_NAMES

    coder = get_coder(model, lexicons)
    reports = [evaluate(path, coder, limit=limit) for path in gold_files]
    if as_json:
        click.echo(json.dumps([r.to_dict() for r in reports], indent=2))
        return
    for report in reports:
        click.echo(
            f"{report.path}  [{report.fmt}]  {report.sentences} sentences, "
            f"{report.with_events} with events"
        )
        click.echo(f"  {'metric':<26}{'P':>7}{'R':>7}{'F1':>7}{'support':>9}")
        for name in METRIC_NAMES:
            score = report.scores.get(name)
            if score is None:
                continue
            click.echo(
                f"  {METRIC_NAMES[name]:<26}{score.precision:>7.3f}{score.recall:>7.3f}"
                f"{score.f1:>7.3f}{score.support:>9}"
            )
        click.echo("")
