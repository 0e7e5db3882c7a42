"""Stream what a writer function writes to a file object as an HTTP response body.

The exporters (GDELT, CSV, POLECAT, Parquet) write to a stream.  Rather than build a file in
memory, the writer runs in its own thread writing into a bounded queue that the response
drains, so memory stays flat for any result size.  When the client goes away the response
stops draining and the writer's next write fails, which ends it (and its database session).
"""

from __future__ import annotations

import io
import logging
import queue
import threading
from collections.abc import Callable, Iterator
from typing import IO, Any

__all__ = ["stream_writer"]

log = logging.getLogger("flashpoint.api")
_CHUNK = 64 * 1024
_DONE = object()


class _Stopped(Exception):
    """The response was closed (client gone): stop writing."""


class _Sink(io.RawIOBase):
    """A writable stream (text or bytes) that hands chunks of ~64 KiB to a queue."""

    def __init__(self, chunks: queue.Queue[Any], stop: threading.Event):
        super().__init__()
        self._chunks, self._stop = chunks, stop
        self._buffer = bytearray()
        self._written = 0

    def writable(self) -> bool:
        return True

    def write(self, data: Any) -> int:  # type: ignore[override]
        if self._stop.is_set():
            raise _Stopped
        raw = data.encode("utf-8") if isinstance(data, str) else bytes(data)
        self._buffer += raw
        self._written += len(raw)
        if len(self._buffer) >= _CHUNK:
            self.flush()
        return len(data)

    def tell(self) -> int:
        return self._written

    def flush(self) -> None:
        if self._buffer:
            chunk, self._buffer = bytes(self._buffer), bytearray()
            while True:
                if self._stop.is_set():
                    raise _Stopped
                try:
                    self._chunks.put(chunk, timeout=0.5)
                    return
                except queue.Full:
                    continue


def stream_writer(write: Callable[[IO[Any]], object]) -> Iterator[bytes]:
    """The bytes ``write(stream)`` writes, as an iterator of chunks."""
    chunks: queue.Queue[Any] = queue.Queue(maxsize=16)
    stop = threading.Event()
    sink = _Sink(chunks, stop)

    def run() -> None:
        try:
            write(sink)
            sink.flush()
            chunks.put(_DONE)
        except _Stopped:
            pass
        except BaseException as exc:  # handed to the response, which logs and ends
            chunks.put(exc)

    thread = threading.Thread(target=run, name="flashpoint-export", daemon=True)
    thread.start()
    try:
        while True:
            item = chunks.get()
            if item is _DONE:
                return
            if isinstance(item, BaseException):
                log.error("export stopped by an error after the response began: %r", item)
                return
            yield item
    finally:
        stop.set()
