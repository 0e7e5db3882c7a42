"""Check an output path before anything is computed or written.

``-o``/``--data`` used to open the path for writing whatever it was, so ``export -o
flashpoint.db`` replaced the event store with a CSV.  Paths are resolved first (``./x/../``,
symlinks, hard links), then:

- the event store itself (and its ``-wal``/``-shm``/``-journal`` files) is never written over;
- an existing non-empty file of another kind (a database, an image, a Parquet file where text
  is written, ...) is refused unless the caller forces it;
- a missing folder or a folder in place of the file is a one-line error, not a traceback.

Devices and pipes (``/dev/null``, ``>(gzip > x)``) are not files of any kind and pass.
"""

from __future__ import annotations

import os
import stat

from flashpoint.errors import OutputError

__all__ = ["KINDS", "check_destination", "kind_of"]

KINDS = ("text", "png", "parquet")
_SNIFF = 4096
_MAGIC = (
    (b"SQLite format 3\x00", "sqlite"),
    (b"\x89PNG\r\n\x1a\n", "png"),
    (b"PAR1", "parquet"),
    (b"%PDF-", "binary"),
    (b"PK\x03\x04", "binary"),
    (b"\x1f\x8b", "binary"),
)
_DESCRIBED = {
    "sqlite": "an SQLite database",
    "png": "a PNG image",
    "parquet": "a Parquet file",
    "binary": "a binary file",
    "text": "a text file",
}
_STORE_SUFFIXES = ("", "-wal", "-shm", "-journal")


def check_destination(
    path: str, kind: str, *, database: str | None = None, force: bool = False
) -> None:
    """Raise OutputError unless ``path`` may receive output of ``kind`` (one of KINDS).

    ``database`` is the event store's file (None for a server database); ``force`` allows
    replacing an existing file of another kind, never the store."""
    if kind not in KINDS:
        raise ValueError(f"unknown output kind {kind!r}")
    if path == "-":
        return
    resolved = os.path.realpath(os.path.expanduser(path))
    if database is not None and _is_store(resolved, database):
        raise OutputError(
            f"{path} is the event store ({database}); writing there would destroy it, "
            "choose another output file"
        )
    folder = os.path.dirname(resolved)
    if not os.path.isdir(folder):
        raise OutputError(f"cannot write {path}: there is no folder {folder}; create it first")
    try:
        info = os.stat(resolved)
    except FileNotFoundError:
        return
    if stat.S_ISDIR(info.st_mode):
        raise OutputError(f"cannot write {path}: it is a folder; give a file name")
    if not stat.S_ISREG(info.st_mode) or info.st_size == 0 or force:
        return
    found = kind_of(resolved)
    if found != kind:
        raise OutputError(
            f"{path} exists and is {_DESCRIBED[found]}, not {_DESCRIBED[kind]}; choose another "
            "name, or pass --force to overwrite it"
        )


def kind_of(path: str) -> str:
    """What an existing file holds: "sqlite", "png", "parquet", "binary" or "text"."""
    with open(path, "rb") as handle:
        head = handle.read(_SNIFF)
    for magic, kind in _MAGIC:
        if head.startswith(magic):
            return kind
    return "binary" if b"\x00" in head else "text"


def _is_store(resolved: str, database: str) -> bool:
    store = os.path.realpath(os.path.expanduser(database))
    for suffix in _STORE_SUFFIXES:
        candidate = store + suffix
        if resolved == candidate:
            return True
        try:
            if os.path.samefile(resolved, candidate):  # a hard link, a bind mount
                return True
        except OSError:
            continue
    return False
