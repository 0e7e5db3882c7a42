"""Shared fixtures. The spaCy model loads once per session; tests that need it are 'slow'."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED_DEV = REPO.parent / "shared" / "eval" / "dev"
EXAMPLES = REPO / "examples"


@pytest.fixture(scope="session")
def coder():
    from flashpoint import get_coder

    return get_coder()


@pytest.fixture(scope="session")
def code(coder):
    """code(text, date) -> list of events, through the public API."""
    import flashpoint

    def run(text: str, date: str | None = "2025-12-29"):
        return flashpoint.code(text, date=date)

    return run


def only(events, root: str | None = None):
    """The single event (optionally of a CAMEO root) — fails loudly when there are others."""
    chosen = [e for e in events if root is None or e.cameo.root == root]
    assert len(chosen) == 1, [
        (e.cameo.code, e.source.code, e.target and e.target.code) for e in events
    ]
    return chosen[0]
