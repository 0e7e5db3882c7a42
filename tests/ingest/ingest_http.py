"""Data types for the local test web server behind the `local_server` fixture (conftest)."""

from __future__ import annotations

import threading
from dataclasses import dataclass, field


@dataclass
class Route:
    status: int = 200
    body: bytes = b""
    content_type: str | None = "text/html; charset=utf-8"
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0
    send_length: bool = True  # False: no Content-Length, the body ends when the socket closes


@dataclass
class LocalServer:
    """A web server on 127.0.0.1 serving canned routes; it never reaches beyond this machine."""

    base: str
    routes: dict[str, Route]
    requests: list[dict[str, str]]
    release: threading.Event

    def url(self, path: str) -> str:
        return self.base + path
