"""The click group and the one place library errors become one-line messages."""

from __future__ import annotations

import logging
import os
import sys

import click

from ..errors import FlashpointError
from .terminal import printable

# Internal errors quote at most this much of the exception: a database error's text can hold
# a whole statement, and the message must stay one line.
_MAX_DETAIL = 200


class _Group(click.Group):
    def invoke(self, ctx: click.Context):  # type: ignore[no-untyped-def]
        _show_notes()
        try:
            result = super().invoke(ctx)
            sys.stdout.flush()  # a full disk must fail here, as an error, not at exit
            return result
        except FlashpointError as exc:
            _error(str(exc))
            sys.exit(1)
        except BrokenPipeError:
            # The reader went away (`flashpoint code x | head`): stop quietly, as Unix tools do.
            _discard_stdout()
            sys.exit(0)
        except KeyboardInterrupt:
            click.echo("flashpoint: interrupted", err=True)
            sys.exit(130)
        except (click.ClickException, click.exceptions.Exit, click.Abort, SystemExit):
            raise
        except OSError as exc:  # the disk is full, an output folder vanished, ...
            where = f" ({exc.filename})" if exc.filename else ""
            _error(f"{exc.strerror or type(exc).__name__}{where}")
            _discard_stdout()
            sys.exit(1)
        except Exception as exc:  # a bug, not bad input: say so without a traceback
            if os.environ.get("FLASHPOINT_DEBUG"):
                raise
            lines = str(exc).strip().splitlines()
            detail = lines[0][:_MAX_DETAIL] if lines else ""
            _error(
                f"internal error: {type(exc).__name__}: {detail} "
                "(set FLASHPOINT_DEBUG=1 for a traceback and please report it)"
            )
            sys.exit(70)


def _error(message: str) -> None:
    click.echo(f"flashpoint: error: {printable(message)}", err=True)


def _discard_stdout() -> None:
    """Point stdout at /dev/null, so the interpreter's final flush of what is still buffered
    cannot fail a second time (and print a traceback) after the one-line error."""
    try:
        fileno = sys.stdout.fileno()
    except (OSError, ValueError, AttributeError):
        return  # not a real file (a test runner's buffer): nothing is flushed at exit
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, fileno)


class _NoteHandler(logging.Handler):
    """Library warnings (a replaced byte, an ignored date, a cut field) as one-line notes on
    stderr, through tqdm so an ingest's progress bar is not torn."""

    def emit(self, record: logging.LogRecord) -> None:
        from tqdm import tqdm

        try:
            tqdm.write(f"flashpoint: note: {printable(record.getMessage())}", file=sys.stderr)
        except Exception:
            self.handleError(record)


def _show_notes() -> None:
    logger = logging.getLogger("flashpoint")
    if not any(isinstance(h, _NoteHandler) for h in logger.handlers):
        logger.addHandler(_NoteHandler(logging.WARNING))
        logger.setLevel(logging.WARNING)


@click.group(cls=_Group)
@click.version_option(package_name="flashpoint")
def cli() -> None:
    """flashpoint: turn news into coded, evidenced political event data."""


def main() -> None:
    cli()
