"""The ingest stage: turn a file, stdin or a URL into a checked ``Article``.

Everything a user can get wrong about their input (a PDF instead of text, an empty file, a
French article, an unreachable URL, a bad date) is caught here and raised as one of the
``flashpoint.errors.InputError`` classes with a one-line message, so later stages can assume
clean, English, offset-stable text.
"""

from __future__ import annotations

from flashpoint.ingest.article import article_from_text
from flashpoint.ingest.boilerplate import find_boilerplate
from flashpoint.ingest.decode import decode_bytes
from flashpoint.ingest.fetch import fetch_url
from flashpoint.ingest.html import article_from_html
from flashpoint.ingest.read import read_source

__all__ = [
    "article_from_html",
    "article_from_text",
    "decode_bytes",
    "fetch_url",
    "find_boilerplate",
    "read_source",
]
