"""Read the hand-authored tables shipped in ``flashpoint/geo/data``.

Files are UTF-8; lines starting with ``#`` are comments.  TSV files have a header row naming
their columns.  Nothing here touches the network.
"""

from __future__ import annotations

from importlib.resources import files

__all__ = ["read_lines", "read_tsv"]

_PACKAGE = "flashpoint.geo"


def _content_lines(filename: str) -> list[str]:
    text = files(_PACKAGE).joinpath("data", filename).read_text(encoding="utf-8")
    return [line for line in text.splitlines() if line.strip() and not line.startswith("#")]


def read_tsv(filename: str) -> list[dict[str, str]]:
    """Rows as dicts keyed by the header; missing trailing cells read as ""."""
    lines = _content_lines(filename)
    if not lines:
        return []
    header = lines[0].split("\t")
    rows = []
    for line in lines[1:]:
        cells = [cell.strip() for cell in line.split("\t")]
        cells += [""] * (len(header) - len(cells))
        rows.append(dict(zip(header, cells, strict=False)))
    return rows


def read_lines(filename: str) -> list[str]:
    """One entry per non-comment line, stripped."""
    return [line.strip() for line in _content_lines(filename)]
