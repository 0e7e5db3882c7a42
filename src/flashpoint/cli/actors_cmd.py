"""``flashpoint actors search NAME``: find an actor's code in the bundled dictionaries."""

from __future__ import annotations

import json

import click

from .main import cli
from .options import iso_date


@cli.group("actors")
def actors_group() -> None:
    """Look actors up in the dictionaries the coder uses: `actors search NAME`."""


@actors_group.command("search")
@click.argument("name", nargs=-1, required=True)
@click.option(
    "--date",
    "day",
    metavar="YYYY-MM-DD",
    callback=iso_date,
    help="Code people by the role they held on this day (default: their latest role).",
)
@click.option("--limit", type=click.IntRange(1), default=20, show_default=True,
              help="At most this many actors.")  # fmt: skip
@click.option("--json", "as_json", is_flag=True, help="Print JSON Lines, one actor a line.")
def actors_search_command(name: tuple[str, ...], day: object, limit: int, as_json: bool) -> None:
    """Actors whose names match NAME: code, country, sector and, for people, dated roles.

    The code is the one to give --source, --target, --actor or `dyad`."""
    from ..actors import search

    matches = search(" ".join(name), date=day, limit=limit)  # type: ignore[arg-type]
    if as_json:
        for match in matches:
            click.echo(json.dumps(match.to_dict(), ensure_ascii=False))
        return
    if not matches:
        raise click.ClickException(f"no actor in the dictionaries matches {' '.join(name)!r}")
    for match in matches:
        click.echo(
            f"{match.code or '-':<14}{match.country or '-':<5}{match.sector or '-':<5}"
            f"{match.kind:<13}{match.name}"
            + (f"  (matched {match.matched!r})" if match.matched != match.name else "")
        )
        for role in match.roles:
            start = role.start.isoformat() if role.start else "?"
            end = role.end.isoformat() if role.end else ""
            code = (role.country or "") + role.sector
            click.echo(f"{'':<14}{code:<10}{role.role}, {start}–{end}")
