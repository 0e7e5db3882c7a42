"""``flashpoint dictionaries check FILE`` and ``flashpoint dictionaries lookup NAME``."""

from __future__ import annotations

import json
import sys

import click

from .main import cli
from .options import dictionary_options, iso_date


@cli.group("dictionaries")
def dictionaries_group() -> None:
    """PETRARCH/TABARI dictionaries: `check FILE` reads one and reports on it, `lookup NAME`
    says which entry a name finds and its code on a date."""


@dictionaries_group.command("check")
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False))
@click.option(
    "--kind",
    type=click.Choice(["actors", "agents", "verbs", "discards"]),
    help="The dictionary kind (default: from the file name, else its contents).",
)
@click.option(
    "--notes", "all_notes", is_flag=True, help="List every note line by line, not grouped."
)
def check_command(files: tuple[str, ...], kind: str | None, all_notes: bool) -> None:
    """Parse FILES: count the entries and list every error with its line, and what is read
    differently from the text (notes).  Exit status 1 when any file has errors."""
    from ..dictionaries import check_file

    failed = False
    for path in files:
        report = check_file(path, kind)
        click.echo(report.summary())
        for problem in report.errors:
            click.echo(f"  error: {problem}")
        if all_notes:
            for problem in report.notes:
                click.echo(f"  note: {problem}")
        else:
            for message, count, lines in report.note_groups():
                where = ", ".join(str(n) for n in lines) + (", ..." if count > len(lines) else "")
                click.echo(f"  note ({count}x, lines {where}): {message}")
        failed = failed or bool(report.errors)
    if failed:
        sys.exit(1)


@dictionaries_group.command("lookup")
@click.argument("name", nargs=-1, required=True)
@click.option(
    "--date",
    "day",
    metavar="YYYY-MM-DD",
    callback=iso_date,
    help="The code in force on this day (default: the undated code, else the latest).",
)
@click.option(
    "--limit",
    type=click.IntRange(1),
    default=10,
    show_default=True,
    help="At most this many entries.",
)
@click.option("--json", "as_json", is_flag=True, help="Print JSON Lines, one entry a line.")
@dictionary_options
def lookup_command(name: tuple[str, ...], day: object, limit: int, as_json: bool) -> None:
    """Dictionary entries for NAME: the entry (file:line), the code and dated role that
    apply on --date, and every role of the entry.  Searches the given --actors/--agents
    files, the bundled Phoenix set when none is given, and flashpoint's own dictionaries."""
    from ..dictionaries import dictionary_spec, lookup

    spec = dictionary_spec()  # the options, as this run's settings (see dictionary_options)
    results = lookup(" ".join(name), date=day, spec=spec, limit=limit)  # type: ignore[arg-type]
    if as_json:
        for result in results:
            click.echo(json.dumps(result.to_dict(), ensure_ascii=False))
        return
    if not results:
        raise click.ClickException(f"no dictionary entry matches {' '.join(name)!r}")
    for result in results:
        applies = f"  ({result.applies})" if result.applies else ""
        click.echo(f"{result.code or '-':<14}{result.name}  [{result.origin}]{applies}")
        if result.phrase.replace("_", " ").strip().lower() != result.name.lower():
            click.echo(f"{'':<14}matched {result.phrase}")
        for role in result.roles:
            click.echo(f"{'':<14}{role}")
