"""Cheap checks on the sources of a multi-article run, before anything is read or coded."""

from __future__ import annotations

import os
from collections.abc import Sequence

from flashpoint.errors import InputError

__all__ = ["check_sources"]


def check_sources(sources: Sequence[str]) -> None:
    """Raise InputError for a missing path: a typo should fail at once, not after a run."""
    for source in sources:
        if "://" in source or source == "-":
            continue
        if not os.path.exists(source):
            raise InputError(f"no such file or folder: {source}; check the path")
