"""Parquet shards: one article per row, with the JSON Lines fields (``text`` required;
``url``, ``title``, ``date``, ``publisher``), streamed by row group so a shard of any size
can be read.  A bad row is reported as ``path:ROW`` and skipped.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from typing import Any

from flashpoint.errors import InputError
from flashpoint.ingest.documents import Document, Failure

__all__ = ["parquet_documents"]


def parquet_documents(
    path: str, *, date: str | None, opener: Callable[[], Any] | None = None
) -> Iterator[Document | Failure]:
    """The articles of the Parquet file ``path`` (``opener`` gives a file object for a
    remote one)."""
    import pyarrow.parquet as pq

    from flashpoint.ingest.jsonl import FIELDS, record_document

    try:
        shard = pq.ParquetFile(opener() if opener else path)
    except (OSError, ValueError) as exc:
        yield Failure(path, f"cannot read {path} as Parquet ({exc}); check the file")
        return
    names = shard.schema_arrow.names
    if "text" not in names:
        yield Failure(path, f'{path}: no "text" column; a Parquet shard needs one article a row')
        return
    number = 0
    for batch in shard.iter_batches(columns=[c for c in FIELDS if c in names], batch_size=1024):
        for row in batch.to_pylist():
            number += 1
            name = f"{path}:{number}"
            try:
                yield record_document(_plain(row, name), name, date)
            except InputError as exc:
                yield Failure(name, str(exc))
    if number == 0:
        yield Failure(path, f"{path} holds no rows; a Parquet shard needs one article a row")


def _plain(row: dict[str, Any], name: str) -> dict[str, Any]:
    """Typed Parquet values as JSON Lines has them: a date or timestamp as its ISO day."""
    return {k: v.isoformat()[:10] if isinstance(v, dt.date) else v for k, v in row.items()}
