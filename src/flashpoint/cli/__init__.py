"""The ``flashpoint`` command line: thin wrappers over the library."""

from . import (  # noqa: F401
    actors_cmd,
    alerts_cmd,
    batch_cmd,
    code_cmd,
    dictionaries_cmd,
    dyad_cmd,
    eval_cmd,
    events_cmd,
    export_cmd,
    ingest_cmd,
    network_cmd,
    plot_cmd,
    recode_cmd,
    serve_cmd,
    watch_cmd,
)
from .main import cli, main

__all__ = ["cli", "main"]
