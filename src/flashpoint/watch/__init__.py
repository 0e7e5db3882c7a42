"""``flashpoint watch``: poll RSS/Atom feeds and sitemaps, ingest what is new or changed,
evaluate alert rules after each poll.  See docs/watch.md."""

from __future__ import annotations

from flashpoint.watch.feedlist import read_feed_list
from flashpoint.watch.runner import DEFAULT_USER_AGENT, CycleReport, Watcher, WatchOptions

__all__ = ["DEFAULT_USER_AGENT", "CycleReport", "WatchOptions", "Watcher", "read_feed_list"]
