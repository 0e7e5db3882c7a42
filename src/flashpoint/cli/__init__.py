"""The ``flashpoint`` command line: thin wrappers over the library."""

from . import code_cmd, eval_cmd  # noqa: F401  (each module registers its command)
from .main import cli, main

__all__ = ["cli", "main"]
