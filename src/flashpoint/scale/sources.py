"""The inputs of a large run: local files and folders or pyarrow filesystem URIs, listed in
the driver and read anywhere.

``list_inputs`` expands folders (and URI prefixes such as ``s3://bucket/corpus/``) into one
entry per file, in the order ``flashpoint ingest`` walks them; ``read_input`` turns one entry
into Documents and Failures on whichever machine reads it: a worker node reads its own
shards, and the driver only lists names.  Local files are read by exactly the code
``ingest`` uses (flashpoint.ingest.documents), so every engine sees the same articles.

Besides the formats ``ingest`` reads (text, HTML, JSON Lines, RSS/Atom), Parquet shards are
read: one article per row, with the JSON Lines fields (``text`` required; ``url``,
``title``, ``date``, ``publisher``).
"""

from __future__ import annotations

import os
import posixpath
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from flashpoint.errors import InputError, ScaleError
from flashpoint.ingest import limits
from flashpoint.ingest.article import check_date
from flashpoint.ingest.documents import (
    ARTICLE_EXTENSIONS,
    FEED_EXTENSIONS,
    JSONL_EXTENSIONS,
    PARQUET_EXTENSIONS,
    Document,
    Failure,
    document_from_text,
    iter_documents,
)
from flashpoint.ingest.parquet import parquet_documents

__all__ = ["Input", "count_articles", "is_uri", "list_inputs", "read_input", "read_inputs"]

_SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.-]*)://")
_WEB = ("http", "https")


@dataclass(frozen=True, slots=True)
class Input:
    """One file (or URL) to read: ``walked`` when found in a folder rather than named."""

    uri: str
    walked: bool = False


def is_uri(source: str) -> bool:
    """A pyarrow filesystem URI (``s3://``, ``gs://``, ``hdfs://``, ``file://``), not a
    web URL or a local path."""
    match = _SCHEME.match(source)
    return bool(match) and match.group(1).lower() not in _WEB


def _wanted(name: str) -> bool:
    base = posixpath.basename(name)
    lower = base.lower()
    return not base.startswith((".", "_")) and lower.endswith(ARTICLE_EXTENSIONS)


def list_inputs(sources: Sequence[str]) -> list[Input]:
    """Every file the sources name, folders walked recursively in sorted order (hidden and
    ``_``-prefixed names and other file types left out); raises InputError for a missing
    path, ScaleError for a filesystem that cannot be reached."""
    found: list[Input] = []
    for source in sources:
        if is_uri(source):
            found.extend(_list_uri(source))
        elif "://" in source or source == "-":
            found.append(Input(source))
        elif os.path.isdir(source):
            for root, dirs, files in os.walk(source):
                dirs[:] = sorted(d for d in dirs if not d.startswith((".", "_")))
                found.extend(
                    Input(os.path.join(root, name), walked=True)
                    for name in sorted(files)
                    if _wanted(name)
                )
        elif os.path.exists(source):
            found.append(Input(source))
        else:
            raise InputError(f"no such file or folder: {source}; check the path")
    return found


def _filesystem(uri: str) -> tuple[Any, str]:
    from pyarrow import fs

    try:
        return fs.FileSystem.from_uri(uri)
    except Exception as exc:  # unknown scheme, missing credentials, unreachable
        raise ScaleError(f"cannot open {uri}: {exc}") from None


def _list_uri(uri: str) -> list[Input]:
    from pyarrow import fs

    filesystem, path = _filesystem(uri)
    scheme = uri[: uri.index("://") + 3]
    try:
        info = filesystem.get_file_info(path)
        if info.type == fs.FileType.NotFound:
            raise InputError(f"no such file or folder: {uri}; check the URI")
        if info.type == fs.FileType.File:
            return [Input(uri)]
        listed = filesystem.get_file_info(fs.FileSelector(path, recursive=True))
    except OSError as exc:
        raise ScaleError(f"cannot list {uri}: {exc}") from None
    files = sorted(
        i.path
        for i in listed
        if i.type == fs.FileType.File
        and _wanted(i.path)
        and not any(p.startswith((".", "_")) for p in posixpath.relpath(i.path, path).split("/"))
    )
    return [Input(scheme + p, walked=True) for p in files]


def read_inputs(
    inputs: Sequence[Input], *, date: str | None = None, fetch_links: bool = False
) -> Iterator[Document | Failure]:
    for item in inputs:
        yield from read_input(item, date=date, fetch_links=fetch_links)


def read_input(
    item: Input, *, date: str | None = None, fetch_links: bool = False
) -> Iterator[Document | Failure]:
    """The Documents and Failures of one input, as ``flashpoint ingest`` reads them."""
    date = check_date(date)
    lower = item.uri.lower()
    if lower.endswith(PARQUET_EXTENSIONS):
        opener = None
        if is_uri(item.uri):
            filesystem, path = _filesystem(item.uri)
            opener = lambda: filesystem.open_input_file(path)  # noqa: E731
        yield from parquet_documents(item.uri, date=date, opener=opener)
    elif is_uri(item.uri):
        yield from _uri_documents(item.uri, date, fetch_links)
    else:
        # A folder's files are read as the folder walk reads them (a FIFO found in a folder
        # is refused, never opened); a named file or URL as itself.
        source = item.uri
        if item.walked and _special(source):
            yield Failure(source, f"{source} is not a regular file (a FIFO, socket or "
                          "device); pass article files only")  # fmt: skip
            return
        yield from iter_documents([source], date=date, fetch_links=fetch_links)


def _special(path: str) -> bool:
    import stat

    try:
        return not stat.S_ISREG(os.stat(path).st_mode)
    except OSError:
        return False


def _read_bytes(uri: str, limit: int) -> bytes:
    filesystem, path = _filesystem(uri)
    try:
        with filesystem.open_input_stream(path) as stream:
            return stream.read(limit + 1)
    except FileNotFoundError:
        raise InputError(f"no such file: {uri}; check the URI") from None
    except OSError as exc:
        raise InputError(f"cannot read {uri}: {exc}") from None


def _uri_documents(uri: str, date: str | None, fetch_links: bool) -> Iterator[Document | Failure]:
    from flashpoint.ingest.decode import decode_bytes
    from flashpoint.ingest.feeds import feed_documents, looks_like_feed
    from flashpoint.ingest.jsonl import jsonl_lines

    limit = limits.max_bytes()
    lower = uri.lower()
    if lower.endswith(JSONL_EXTENSIONS):
        import io

        filesystem, path = _filesystem(uri)
        try:
            stream = filesystem.open_input_stream(path)
        except OSError as exc:
            yield Failure(uri, f"cannot read {uri}: {exc}")
            return
        with io.BufferedReader(stream) as lines:  # streamed: a shard of any size
            yield from jsonl_lines(lines, uri, date=date, limit=limit)
        return
    try:
        data = _read_bytes(uri, limit)
        if len(data) > limit:
            raise limits.too_large(uri, limit, len(data))
        text = decode_bytes(data, uri)
    except InputError as exc:
        yield Failure(uri, str(exc))
        return
    if lower.endswith(FEED_EXTENSIONS) or looks_like_feed(text, None):
        yield from feed_documents(data, uri, date=date, fetch_links=fetch_links, limit=limit)
        return
    try:
        yield document_from_text(text, uri, date=date, locator=uri)
    except InputError as exc:
        yield Failure(uri, str(exc))


def count_articles(inputs: Sequence[Input]) -> int | None:
    """How many articles the inputs hold, for a progress bar's ETA: one per text or HTML
    file, the non-blank lines of JSON Lines, the rows of Parquet (from its footer); None
    when it cannot be known without reading everything (feeds, URLs, stdin, remote JSON
    Lines)."""
    import pyarrow.parquet as pq

    total = 0
    for item in inputs:
        lower = item.uri.lower()
        remote = is_uri(item.uri)
        if lower.endswith(PARQUET_EXTENSIONS):
            try:
                if remote:
                    filesystem, path = _filesystem(item.uri)
                    total += pq.ParquetFile(filesystem.open_input_file(path)).metadata.num_rows
                else:
                    total += pq.ParquetFile(item.uri).metadata.num_rows
            except (OSError, ValueError):
                total += 1  # reading it will report the failure: one item
        elif lower.endswith(JSONL_EXTENSIONS) and not remote:
            try:
                with open(item.uri, "rb") as handle:
                    total += max(1, sum(1 for line in handle if line.strip()))
            except OSError:
                total += 1
        elif "://" in item.uri or item.uri == "-" or lower.endswith(FEED_EXTENSIONS):
            if not remote or lower.endswith(FEED_EXTENSIONS + JSONL_EXTENSIONS):
                return None
            total += 1
        else:
            total += 1
    return total
