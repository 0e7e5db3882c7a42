"""Run Python's cyclic garbage collector rarely while a document is coded.

Coding one article builds and drops tens of thousands of small containers (token lists,
memo entries, actor and event records).  With the default threshold the collector runs a
young-generation pass every 700 allocations, which costs ~15% of coding time and finds next to
nothing: almost everything is freed by reference counting when the document's memo closes.
While any thread codes a document the threshold is raised; the last one to finish restores the
user's setting, so the process's collector behaves as configured outside coding.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

__all__ = ["rare_collections"]

CODING_THRESHOLD = 50_000  # young-generation allocations between collections while coding

_lock = threading.Lock()
_active = 0
_saved: tuple[int, int, int] | None = None


@contextmanager
def rare_collections() -> Iterator[None]:
    global _active, _saved
    with _lock:
        if _active == 0:
            _saved = gc.get_threshold()
            if _saved[0] and _saved[0] < CODING_THRESHOLD:  # 0: the user disabled collection
                gc.set_threshold(CODING_THRESHOLD, *_saved[1:])
        _active += 1
    try:
        yield
    finally:
        with _lock:
            _active -= 1
            if _active == 0 and _saved is not None:
                gc.set_threshold(*_saved)
                _saved = None
