"""The CAMEO event-code table: names, Goldstein scores, quad classes and PLOVER crosswalk.

Data: ``data/cameo_codes.tsv``, authored from the CAMEO 1.1b3 codebook and the OEDA
CAMEO->PLOVER 2021 crosswalk (see scripts/build_cameo_table.py).
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from ..errors import DataFileError

__all__ = ["CameoEntry", "cameo_table", "phoenix_quad", "plover_quad"]

PLOVER_QUAD = {
    "AGREE": 1,
    "CONSULT": 1,
    "SUPPORT": 1,
    "CONCEDE": 1,
    "COOPERATE": 2,
    "AID": 2,
    "RETREAT": 2,
    "REQUEST": 3,
    "ACCUSE": 3,
    "REJECT": 3,
    "THREATEN": 3,
    "PROTEST": 4,
    "SANCTION": 4,
    "MOBILIZE": 4,
    "COERCE": 4,
    "ASSAULT": 4,
}


@dataclass(frozen=True, slots=True)
class CameoEntry:
    code: str
    name: str
    goldstein: float
    quad_class: int
    plover_event: str | None
    plover_mode: str | None
    plover_context: str | None

    @property
    def root(self) -> str:
        return self.code[:2]


class CameoTable:
    def __init__(self, entries: dict[str, CameoEntry]):
        self._entries = entries

    def __contains__(self, code: object) -> bool:
        return code in self._entries

    def __getitem__(self, code: str) -> CameoEntry:
        return self._entries[code]

    def get(self, code: str) -> CameoEntry | None:
        return self._entries.get(code)

    def __iter__(self):  # type: ignore[no-untyped-def]
        return iter(self._entries.values())

    def __len__(self) -> int:
        return len(self._entries)

    def root_name(self, code: str) -> str:
        return self._entries[code[:2]].name


@lru_cache(maxsize=1)
def cameo_table() -> CameoTable:
    text = resources.files("flashpoint.coding").joinpath("data/cameo_codes.tsv").read_text("utf-8")
    lines = [line for line in text.splitlines() if line and not line.startswith("#")]
    entries: dict[str, CameoEntry] = {}
    for row in csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE):
        try:
            entries[row["code"]] = CameoEntry(
                code=row["code"],
                name=row["name"],
                goldstein=float(row["goldstein"]),
                quad_class=int(row["quad_class"]),
                plover_event=row["plover_event"] or None,
                plover_mode=row["plover_mode"] or None,
                plover_context=row["plover_context"] or None,
            )
        except (KeyError, ValueError) as exc:
            raise DataFileError(f"cameo_codes.tsv: bad row {row!r}: {exc}") from exc
    return CameoTable(entries)


def phoenix_quad(code: str) -> int:
    """Phoenix quad scheme (0 neutral for roots 01-02, 16 counted as verbal conflict)."""
    root = int(code[:2])
    if root <= 2:
        return 0
    if root <= 5:
        return 1
    if root <= 8:
        return 2
    if root <= 13 or root == 16:
        return 3
    return 4


def plover_quad(event: str) -> int | None:
    return PLOVER_QUAD.get(event)
