"""The ``flashpoint`` command line: thin wrappers over the library."""

from . import code_cmd, eval_cmd, events_cmd, ingest_cmd, recode_cmd  # noqa: F401
from .main import cli, main

__all__ = ["cli", "main"]
