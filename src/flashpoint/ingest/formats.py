"""Decide whether a document is plain text or HTML.

The user's explicit choice wins; then what the source says about itself (a URL's
Content-Type, a file's extension); then the content.  HTML read as text would hand markup to
the coder, and text read as HTML would lose paragraphs to the extractor, so sniffing only
says "HTML" on clear evidence.
"""

from __future__ import annotations

import posixpath
import re
import urllib.parse

from flashpoint.errors import InputError

__all__ = ["FORMATS", "choose_format", "looks_like_html", "normalise_format"]

FORMATS = ("text", "html")
_HTML_EXTENSIONS = (".html", ".htm", ".xhtml")
_HTML_TYPES = ("text/html", "application/xhtml+xml")
_SNIFF_CHARS = 100_000

_HTML_START = re.compile(
    r"(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html)\b", re.IGNORECASE | re.DOTALL
)
_BODY = re.compile(r"<body\b", re.IGNORECASE)
_PARAGRAPH_OPEN = re.compile(r"<p\b[^>]*>", re.IGNORECASE)
_PARAGRAPH_CLOSE = re.compile(r"</p\s*>", re.IGNORECASE)
_MIN_PARAGRAPH_TAGS = 2  # one stray "<p>" in a text is an accident; repeated pairs are markup


def normalise_format(fmt: str | None) -> str | None:
    """``"text"``, ``"html"`` or None (automatic); "auto" is accepted for None."""
    if fmt is None:
        return None
    if not isinstance(fmt, str) or fmt.lower() not in (*FORMATS, "auto"):
        raise InputError(f"unknown input format {fmt!r}; use 'text', 'html' or 'auto'")
    return None if fmt.lower() == "auto" else fmt.lower()


def choose_format(
    fmt: str | None, text: str, *, path: str | None = None, content_type: str | None = None
) -> str:
    """The format to read ``text`` as: explicit, declared, by extension, else sniffed."""
    fmt = normalise_format(fmt)
    if fmt is not None:
        return fmt
    if content_type:
        media_type = content_type.split(";", 1)[0].strip().lower()
        if media_type in _HTML_TYPES:
            return "html"
        if media_type == "text/plain":
            return "text"
    if path and _extension(path) in _HTML_EXTENSIONS:
        return "html"
    return "html" if looks_like_html(text) else "text"


def looks_like_html(text: str) -> bool:
    """True for a document that opens as HTML or is built from body/paragraph tags."""
    head = text[:_SNIFF_CHARS].lstrip("\ufeff \t\n\r\f\v")
    if _HTML_START.match(head) or _BODY.search(head):
        return True
    return (
        len(_PARAGRAPH_OPEN.findall(head)) >= _MIN_PARAGRAPH_TAGS
        and len(_PARAGRAPH_CLOSE.findall(head)) >= _MIN_PARAGRAPH_TAGS
    )


def _extension(path: str) -> str:
    """Lower-case extension of a file path or of a URL's path (query and fragment ignored)."""
    if "://" in path:
        path = urllib.parse.urlsplit(path).path
    return posixpath.splitext(path.replace("\\", "/"))[1].lower()
