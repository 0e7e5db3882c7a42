"""The watch list: feed and sitemap URLs, from files (one a line) or given directly."""

from __future__ import annotations

import urllib.parse
from collections.abc import Sequence

from flashpoint.errors import InputError

__all__ = ["read_feed_list"]


def read_feed_list(sources: Sequence[str]) -> list[str]:
    """The URLs named by ``sources``: each an http(s) URL, or a file of them, one a line
    (blank lines and ``#`` comments ignored).  Duplicates are dropped; a line that is not an
    http(s) URL is an InputError naming the file and line."""
    urls: list[str] = []
    for source in sources:
        if source.startswith(("http://", "https://")):
            urls.append(_checked(source, source))
            continue
        try:
            with open(source, encoding="utf-8") as handle:
                lines = handle.read().splitlines()
        except FileNotFoundError:
            raise InputError(
                f"no such file: {source}; pass a file of feed URLs (one a line) or a URL"
            ) from None
        except (OSError, UnicodeDecodeError) as exc:
            reason = getattr(exc, "strerror", None) or "not UTF-8 text"
            raise InputError(f"cannot read the watch list {source}: {reason}") from None
        for number, line in enumerate(lines, start=1):
            line = line.strip()
            if line and not line.startswith("#"):  # URLs may hold a "#": whole lines only
                urls.append(_checked(line, f"{source}:{number}"))
    unique = list(dict.fromkeys(urls))
    if not unique:
        raise InputError("the watch list has no feed URLs; put one http(s) URL on each line")
    return unique


def _checked(url: str, where: str) -> str:
    try:
        parts = urllib.parse.urlsplit(url)
        _ = parts.port
    except ValueError:
        parts = None
    if parts is None or parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        raise InputError(f"{where}: {url!r} is not an http(s) URL of a feed or sitemap")
    return url
