"""A Parquet dataset of coded events that runs append to, exactly once per input.

Layout (``ROOT`` a local folder or any pyarrow filesystem URI)::

    ROOT/_flashpoint.json                         what this folder is (format, version)
    ROOT/year=2025/month=12/part-RUN-SEQ.parquet  events, Hive-partitioned by event date
    ROOT/year=__HIVE_DEFAULT_PARTITION__/...      events with no date at all
    ROOT/_manifest/RUN-SEQ.parquet                one row per input committed by RUN
    ROOT/_failures/RUN.jsonl                      inputs RUN could not read or code
    ROOT/_staging/RUN/SEQ/...                     files being written (never read)

Parquet readers (pyarrow, pandas, DuckDB, Spark) skip names starting with ``_`` or ``.``, so
only committed event files are ever read.  One *commit* writes its event files under
``_staging``, then its manifest file (the commit point: it lists those files), then moves
the files into their partitions.  Whatever stops a run (Ctrl-C, a kill, a crash) leaves every
partition as it was or with whole committed files: the next open finishes a commit whose
manifest exists and deletes staging that has none.

An input is identified as in the event store, by the SHA-256 of its text and its URL key
(rows.article_key): inputs already in the manifest are skipped, so re-running a batch over
the same inputs adds nothing, and appending new inputs only adds files.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from flashpoint.errors import ScaleError
from flashpoint.scale.rows import event_schema, status_schema

__all__ = ["DATASET_FORMAT", "EventDataset", "Seen"]

DATASET_FORMAT = "flashpoint-events"
DATASET_VERSION = 1
MARKER = "_flashpoint.json"
NULL_PARTITION = "__HIVE_DEFAULT_PARTITION__"


class Seen:
    """Article keys (content hash, URL key) already coded, with the store's matching rule:
    a text without a URL is the same article as any stored copy of that text."""

    def __init__(self) -> None:
        self._hashes: set[bytes] = set()
        self._pairs: set[tuple[bytes, str]] = set()

    def __len__(self) -> int:
        return len(self._pairs)

    def __contains__(self, key: tuple[str, str]) -> bool:
        digest, url_key = bytes.fromhex(key[0]), key[1]
        return (digest, url_key) in self._pairs if url_key else digest in self._hashes

    def add(self, key: tuple[str, str]) -> None:
        digest = bytes.fromhex(key[0])
        self._hashes.add(digest)
        self._pairs.add((digest, key[1]))


@dataclass
class CommitSummary:
    commits: int = 0
    inputs: int = 0
    events: int = 0
    files: list[str] = field(default_factory=list)


class EventDataset:
    """The dataset at ``root``, opened for one run (``run_id``) that appends to it."""

    def __init__(self, root: str, *, coder_version: str, run_id: str | None = None):
        from flashpoint.scale.sources import is_uri

        self.root = root
        self.coder_version = coder_version
        self.run_id = run_id or (
            dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%SZ") + "-" + uuid.uuid4().hex[:8]
        )
        if is_uri(root):
            from pyarrow import fs

            try:
                self.fs, self.base = fs.FileSystem.from_uri(root)
            except Exception as exc:
                raise ScaleError(f"cannot open {root}: {exc}") from None
        else:
            from pyarrow import fs

            self.fs, self.base = fs.LocalFileSystem(), os.path.abspath(root)
        self._lock: Any = None
        self._seq = 0
        self._events: list[Any] = []  # pyarrow tables waiting for the next commit
        self._inputs: list[dict[str, Any]] = []  # manifest rows waiting for the next commit
        self.failures: list[dict[str, str]] = []
        self._failures_written = 0
        self.seen = Seen()
        self.summary = CommitSummary()

    # -- opening ---------------------------------------------------------------------------
    def open(self) -> EventDataset:
        """Create or check the folder, take the run lock, finish or undo interrupted
        commits, and read the keys already committed."""
        self._check_marker()
        self._take_lock()
        self._recover()
        self._load_seen()
        return self

    def _path(self, *parts: str) -> str:
        return "/".join([self.base.rstrip("/"), *parts])

    def _exists(self, path: str) -> bool:
        from pyarrow import fs

        return self.fs.get_file_info(path).type != fs.FileType.NotFound

    def _check_marker(self) -> None:
        from pyarrow import fs

        marker = self._path(MARKER)
        try:
            info = self.fs.get_file_info(self.base)
            if info.type == fs.FileType.File:
                raise ScaleError(f"{self.root} is a file; -o takes a folder for the dataset")
            if self._exists(marker):
                with self.fs.open_input_stream(marker) as stream:
                    meta = json.loads(stream.read())
                if meta.get("format") != DATASET_FORMAT or meta.get("version") != DATASET_VERSION:
                    raise ScaleError(
                        f"{self.root} holds a dataset of another format or version "
                        f"({meta.get('format')} {meta.get('version')}); choose another -o folder"
                    )
                return
            if info.type == fs.FileType.Directory and self.fs.get_file_info(
                fs.FileSelector(self.base)
            ):
                raise ScaleError(
                    f"{self.root} is not empty and is not a flashpoint dataset (no {MARKER}); "
                    "choose an empty or new folder for -o"
                )
            self.fs.create_dir(self.base, recursive=True)
            meta = {
                "format": DATASET_FORMAT,
                "version": DATASET_VERSION,
                "partitioning": {"flavor": "hive", "columns": ["year", "month"],
                                 "of": "event date (date column)"},
                "columns": [{"name": f.name, "type": str(f.type)} for f in event_schema()],
            }  # fmt: skip
            self._write_bytes(marker, json.dumps(meta, indent=2).encode() + b"\n")
        except (OSError, ValueError) as exc:
            raise ScaleError(f"cannot use {self.root} for the dataset: {exc}") from None

    def _take_lock(self) -> None:
        """One run at a time per local dataset (an object store offers no lock: run one
        batch per output URI at a time; see docs/scale.md)."""
        from pyarrow import fs

        if not isinstance(self.fs, fs.LocalFileSystem):
            return
        import fcntl

        handle = open(self._path("_lock"), "a")  # noqa: SIM115  (held until close)
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            handle.close()
            raise ScaleError(
                f"another flashpoint batch is writing to {self.root}; wait for it to finish"
            ) from None
        self._lock = handle

    def close(self) -> None:
        if self._lock is not None:
            self._lock.close()
            self._lock = None

    def __enter__(self) -> EventDataset:
        return self.open()

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- the log -----------------------------------------------------------------------------
    def _manifest_files(self) -> list[str]:
        from pyarrow import fs

        folder = self._path("_manifest")
        if not self._exists(folder):
            return []
        infos = self.fs.get_file_info(fs.FileSelector(folder))
        return sorted(
            i.path for i in infos if i.path.endswith(".parquet") and not i.base_name.startswith(".")
        )

    def _recover(self) -> None:
        """Finish commits whose manifest was written; delete staging that has none."""
        import pyarrow.parquet as pq

        staging = self._path("_staging")
        if not self._exists(staging):
            return
        for manifest in self._manifest_files():
            files = _listed_files(pq.read_schema(manifest, filesystem=self.fs))
            run, seq = _run_seq(manifest)
            for relative in files:
                staged = self._path("_staging", run, seq, relative)
                if self._exists(staged):
                    self._move(staged, self._path(relative))
        self.fs.delete_dir(staging)

    def _load_seen(self) -> None:
        import pyarrow.parquet as pq

        for manifest in self._manifest_files():
            table = pq.read_table(manifest, columns=["content_hash", "url_key"], filesystem=self.fs)
            for digest, url_key in zip(
                table.column("content_hash").to_pylist(),
                table.column("url_key").to_pylist(),
                strict=True,
            ):
                self.seen.add((digest, url_key or ""))

    # -- adding ------------------------------------------------------------------------------
    def add(self, statuses: Any, events: Any) -> tuple[int, int, int]:
        """Take a batch of status rows and event rows (rows.py; the event rows are those of
        the ``coded`` status rows, in the same order).  An input already committed, or
        already taken in this run, is dropped with its events.  Returns the batch's
        (coded, skipped, failed) inputs."""
        import pyarrow as pa

        coded = skipped = failed = 0
        keep: list[bool] = []  # one per event row
        for row in statuses.to_pylist():
            if row["status"] == "failed":
                failed += 1
                self.failures.append({"input": row["input"], "reason": row["reason"]})
                continue
            if row["status"] == "skipped":
                skipped += 1
                continue
            key = (row["content_hash"], row["url_key"] or "")
            fresh = key not in self.seen
            keep.extend([fresh] * row["events"])
            if not fresh:
                skipped += 1
                continue
            self.seen.add(key)
            coded += 1
            self._inputs.append({**row, "coder_version": self.coder_version, "run": self.run_id})
        if len(keep) != events.num_rows:
            raise AssertionError("status rows and event rows do not match")
        if not all(keep):
            events = events.filter(pa.array(keep, type=pa.bool_()))
        if events.num_rows:
            self._events.append(events)
        return coded, skipped, failed

    @property
    def pending_inputs(self) -> int:
        return len(self._inputs)

    def commit(self) -> None:
        """Make everything added so far part of the dataset (see the module docstring)."""
        import pyarrow as pa
        import pyarrow.parquet as pq

        if self._inputs:
            self._seq += 1
            seq = f"{self._seq:06d}"
            events = pa.concat_tables(self._events) if self._events else None
            relative_files: list[str] = []
            if events is not None and events.num_rows:
                for (year, month), part in _partitions(events):
                    relative = f"year={year}/month={month}/part-{self.run_id}-{seq}.parquet"
                    staged = self._path("_staging", self.run_id, seq, relative)
                    self.fs.create_dir(staged.rsplit("/", 1)[0], recursive=True)
                    pq.write_table(part, staged, filesystem=self.fs)
                    relative_files.append(relative)
            now = dt.datetime.now(dt.UTC)
            manifest = pa.Table.from_pylist(
                [{**row, "committed_at": now} for row in self._inputs], schema=_manifest_schema()
            ).replace_schema_metadata({"files": json.dumps(relative_files)})
            self.fs.create_dir(self._path("_manifest"), recursive=True)
            target = self._path("_manifest", f"{self.run_id}-{seq}.parquet")
            temporary = self._path("_manifest", f".{self.run_id}-{seq}.parquet.tmp")
            pq.write_table(manifest, temporary, filesystem=self.fs)
            self._move(temporary, target)  # the commit point
            for relative in relative_files:
                self._move(self._path("_staging", self.run_id, seq, relative), self._path(relative))
            if self._exists(self._path("_staging")):
                self.fs.delete_dir(self._path("_staging"))  # one run writes at a time
            self.summary.commits += 1
            self.summary.inputs += len(self._inputs)
            self.summary.events += events.num_rows if events is not None else 0
            self.summary.files.extend(relative_files)
            self._inputs, self._events = [], []
        self._write_failures()

    def abort(self) -> None:
        """Drop what was added since the last commit, and its staging (Ctrl-C)."""
        self._inputs, self._events = [], []
        staging = self._path("_staging")
        if self._exists(staging):
            self.fs.delete_dir(staging)
        self._write_failures()

    @property
    def failures_file(self) -> str:
        return self._path("_failures", f"{self.run_id}.jsonl")

    def _write_failures(self) -> None:
        if len(self.failures) == self._failures_written:
            return
        lines = "".join(json.dumps(f, ensure_ascii=False) + "\n" for f in self.failures)
        self.fs.create_dir(self._path("_failures"), recursive=True)
        self._write_bytes(self.failures_file, lines.encode("utf-8"))
        self._failures_written = len(self.failures)

    # -- files -------------------------------------------------------------------------------
    def _write_bytes(self, path: str, data: bytes) -> None:
        folder, name = path.rsplit("/", 1)
        temporary = f"{folder}/.{name}.tmp"
        with self.fs.open_output_stream(temporary) as stream:
            stream.write(data)
        self._move(temporary, path)

    def _move(self, source: str, target: str) -> None:
        self.fs.create_dir(target.rsplit("/", 1)[0], recursive=True)
        self.fs.move(source, target)


def _manifest_schema() -> Any:
    import pyarrow as pa

    fields = [f for f in status_schema() if f.name not in ("reason", "status")]
    return pa.schema(
        [*fields, pa.field("status", pa.string()), pa.field("coder_version", pa.string()),
         pa.field("run", pa.string()), pa.field("committed_at", pa.timestamp("us", tz="UTC"))]
    )  # fmt: skip


def _listed_files(schema: Any) -> list[str]:
    raw = (schema.metadata or {}).get(b"files", b"[]")
    return list(json.loads(raw))


def _run_seq(manifest: str) -> tuple[str, str]:
    stem = manifest.rsplit("/", 1)[-1].removesuffix(".parquet")
    run, seq = stem.rsplit("-", 1)
    return run, seq


def _partitions(events: Any) -> Iterable[tuple[tuple[str, str], Any]]:
    """The rows of ``events`` by (year, month) of their ``date``; undated rows in Hive's
    null partition."""
    import pyarrow.compute as pc

    dates = events["date"]
    years = pc.year(dates).to_pylist()
    months = pc.month(dates).to_pylist()
    groups: dict[tuple[str, str], list[int]] = {}
    for index, (year, month) in enumerate(zip(years, months, strict=True)):
        key = (str(year), str(month)) if year is not None else (NULL_PARTITION, NULL_PARTITION)
        groups.setdefault(key, []).append(index)
    for key in sorted(groups):
        yield key, events.take(groups[key])
