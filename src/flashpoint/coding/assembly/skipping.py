"""Which parts of an article are not coded: caller-given skip spans (boilerplate).

A headline is coded like any sentence (docs/coding-guidelines.md §8): it often is the only
place an act is stated with its actors, and the store links its events to the lead's as
mentions of the same cluster, so nothing is counted twice in the deduplicated aggregates.
"""

from __future__ import annotations

from spacy.tokens import Span

__all__ = ["is_skipped"]


def is_skipped(sent: Span, skip: list[tuple[int, int]]) -> bool:
    return any(start < sent.end_char and sent.start_char < end for start, end in skip)
