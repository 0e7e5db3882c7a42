"""The click group and the one place library errors become one-line messages."""

from __future__ import annotations

import os
import sys

import click

from ..errors import FlashpointError


class _Group(click.Group):
    def invoke(self, ctx: click.Context):  # type: ignore[no-untyped-def]
        try:
            return super().invoke(ctx)
        except FlashpointError as exc:
            click.echo(f"flashpoint: error: {exc}", err=True)
            sys.exit(1)
        except BrokenPipeError:
            # The reader went away (`flashpoint code x | head`): stop quietly, as Unix tools do.
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
            sys.exit(0)
        except KeyboardInterrupt:
            click.echo("flashpoint: interrupted", err=True)
            sys.exit(130)
        except (click.ClickException, click.exceptions.Exit, click.Abort, SystemExit):
            raise
        except Exception as exc:  # a bug, not bad input: say so without a traceback
            if os.environ.get("FLASHPOINT_DEBUG"):
                raise
            click.echo(
                f"flashpoint: internal error: {type(exc).__name__}: {exc} "
                "(set FLASHPOINT_DEBUG=1 for a traceback and please report it)",
                err=True,
            )
            sys.exit(70)


@click.group(cls=_Group)
@click.version_option(package_name="flashpoint")
def cli() -> None:
    """flashpoint: turn news into coded, evidenced political event data."""


def main() -> None:
    cli()
