"""Dictionary sets shipped with flashpoint (``--dictionaries phoenix``).

``data/phoenix/`` holds the Phoenix actor, agent and discard dictionaries and the CAMEO.2.0
verb dictionary of PETRARCH2 (MIT licence, Open Event Data Alliance; see ``LICENSE`` there),
converted by ``scripts/build_phoenix_dictionaries.py``: gzipped, with the lines PETRARCH's own
format rules reject commented out and listed in ``CONVERSION.md``.  Every other line keeps its
number, so provenance (``phoenix:Phoenix.Countries.actors.txt:204``) points into the original
files.
"""

from __future__ import annotations

import gzip
from functools import lru_cache
from importlib import resources

__all__ = ["BUNDLED_SETS", "bundled_files", "is_bundled"]

BUNDLED_SETS = ("phoenix",)


@lru_cache(maxsize=4)
def _manifest(name: str) -> tuple[tuple[str, str], ...]:
    folder = resources.files("flashpoint.dictionaries").joinpath(f"data/{name}")
    rows = []
    for line in folder.joinpath("MANIFEST.tsv").read_text("utf-8").splitlines():
        if line and not line.startswith("#"):
            kind, file = line.split("\t")
            rows.append((kind, file))
    return tuple(rows)


def bundled_files(name: str, kind: str) -> list[tuple[str, str]]:
    """(path, text) of each file of one kind in a bundled set.  Paths read
    ``phoenix:Phoenix.agents.txt``, so provenance says which entries are bundled
    (``phoenix:Phoenix.agents.txt:40``); see :func:`is_bundled`."""
    folder = resources.files("flashpoint.dictionaries").joinpath(f"data/{name}")
    out = []
    for file_kind, file in _manifest(name):
        if file_kind == kind:
            data = folder.joinpath(file + ".gz").read_bytes()
            out.append((f"{name}:{file}", gzip.decompress(data).decode("utf-8")))
    return out


def is_bundled(origin: str) -> bool:
    """Whether a ``file:line`` origin is an entry of a bundled set."""
    return origin.startswith(tuple(f"{name}:" for name in BUNDLED_SETS))
