"""What a polled feed lists: RSS/Atom entries (feedparser) or sitemap URLs.

Each item gets a **key** (what identifies it across polls: its id/guid, else its link) and a
**content hash** (of what the feed says about it: title, text, dates, link).  An item whose
key is new, or whose hash changed, is taken; one seen before unchanged is passed over without
fetching or coding anything.

Sitemaps (``<urlset>``, with the Google News extension's title and publication date) list
pages, which are always fetched, since a sitemap carries no text: naming a sitemap asks for
its pages.  A sitemap index (``<sitemapindex>``) lists sitemaps; those that are new or changed
(by ``<lastmod>``) are read in the same poll.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass, field
from typing import Any

from flashpoint.errors import InputError
from flashpoint.ingest.feeds import looks_like_feed

__all__ = ["FeedFormatError", "ParsedFeed", "WatchItem", "parse_feed"]

_SITEMAP_START = re.compile(
    rb"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:[\w-]+:)?(urlset|sitemapindex)\b", re.S
)


class FeedFormatError(InputError):
    """The response is not an RSS/Atom feed or a sitemap flashpoint can read."""


@dataclass(frozen=True, slots=True)
class WatchItem:
    key: str  # SHA-256 of the item's id, else its link
    content_hash: str  # SHA-256 of what the feed says about it
    link: str | None
    kind: str  # entry (RSS/Atom) | page (a sitemap's URL) | sitemap (a sitemap index's)
    entry: Any = field(compare=False)  # the feedparser entry (for kind "entry")
    title: str | None = None
    published: str | None = None  # ISO date the feed gives (a sitemap's news date)
    modified: str | None = None  # a sitemap's <lastmod>


@dataclass(frozen=True, slots=True)
class ParsedFeed:
    kind: str  # feed | sitemap | sitemapindex
    title: str | None  # the feed's title: the publisher of entries that name none
    items: tuple[WatchItem, ...]


def _digest(*parts: Any) -> str:
    text = json.dumps(parts, ensure_ascii=False, default=str, sort_keys=True)
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def parse_feed(data: bytes, url: str, content_type: str | None = None) -> ParsedFeed:
    """The items of a feed or sitemap body; raises FeedFormatError for anything else."""
    head = data[:4096].lstrip(b"\xef\xbb\xbf")
    match = _SITEMAP_START.match(head)
    if match:
        return _sitemap(data, url, match.group(1).decode())
    text = head.decode("utf-8", errors="replace")
    if not looks_like_feed(text, content_type):
        raise FeedFormatError(
            f"{url} is not an RSS/Atom feed or a sitemap; list feed URLs in the watch file"
        )
    import feedparser

    parsed = feedparser.parse(data)
    entries = parsed.get("entries") or []
    if not entries and parsed.get("bozo"):
        reason = " ".join(str(parsed.get("bozo_exception") or "malformed XML").split())
        raise FeedFormatError(f"{url} is not a valid RSS/Atom feed ({reason[:200]})")
    title = (parsed.get("feed") or {}).get("title") or None
    items = []
    for entry in entries:
        link = entry.get("link") or None
        ident = entry.get("id") or link or _digest(entry.get("title"), entry.get("published"))
        said = _digest(
            entry.get("title"),
            link,
            entry.get("summary"),
            [c.get("value") for c in entry.get("content") or []],
            entry.get("published"),
            entry.get("updated"),
        )
        items.append(
            WatchItem(_digest(ident), said, link, "entry", entry, entry.get("title") or None)
        )
    return ParsedFeed("feed", title, tuple(items))


def _sitemap(data: bytes, url: str, root: str) -> ParsedFeed:
    from lxml import etree

    # No entities, no network, no huge trees: a sitemap is data from someone else's server.
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
    try:
        tree = etree.fromstring(data, parser=parser)
    except etree.XMLSyntaxError as exc:
        raise FeedFormatError(f"{url} is not a valid sitemap ({exc})") from None
    child = "url" if root == "urlset" else "sitemap"
    items = []
    for element in tree:
        if not isinstance(element.tag, str) or etree.QName(element).localname != child:
            continue
        fields = _fields(element)
        loc = fields.get("loc")
        if not loc or not loc.startswith(("http://", "https://")):
            continue
        title = fields.get("title")
        published = (fields.get("publication_date") or "")[:10] or None
        modified = fields.get("lastmod")
        said = _digest(loc, modified, title, published)
        kind = "page" if root == "urlset" else "sitemap"
        items.append(WatchItem(_digest(loc), said, loc, kind, None, title, published, modified))
    # Newest first, so a cap on items per poll takes the latest pages.
    items.sort(key=lambda item: item.modified or item.published or "", reverse=True)
    return ParsedFeed("sitemap" if root == "urlset" else "sitemapindex", None, tuple(items))


def _fields(element: Any) -> dict[str, str]:
    """Text of an element's descendants by local name (loc, lastmod, news:title, ...)."""
    from lxml import etree

    out: dict[str, str] = {}
    for node in element.iter():
        if not isinstance(node.tag, str) or node is element:
            continue
        name = etree.QName(node).localname
        if name not in out and node.text and node.text.strip():
            out[name] = node.text.strip()
    return out
