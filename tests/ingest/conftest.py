"""Fixtures for the ingest tests: a local web server and a closed port."""

from __future__ import annotations

import contextlib
import http.server
import socket
import threading
from collections.abc import Iterator

import pytest

from tests.ingest.ingest_http import LocalServer, Route


@pytest.fixture
def local_server(monkeypatch: pytest.MonkeyPatch) -> Iterator[LocalServer]:
    # Never route the test's requests through a proxy from the environment.
    for var in ("http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY", "all_proxy"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("no_proxy", "127.0.0.1,localhost")
    routes: dict[str, Route] = {}
    seen: list[dict[str, str]] = []
    release = threading.Event()

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            seen.append({"path": self.path, **dict(self.headers.items())})
            route = routes.get(self.path, Route(status=404, body=b"not here"))
            if route.delay:
                release.wait(route.delay)
            self.send_response(route.status)
            if route.content_type:
                self.send_header("Content-Type", route.content_type)
            headers = dict(route.headers)
            if route.send_length:
                headers.setdefault("Content-Length", str(len(route.body)))
            for key, value in headers.items():
                self.send_header(key, value)
            self.end_headers()
            with contextlib.suppress(OSError):  # the client may have given up (timeout tests)
                self.wfile.write(route.body)

        def log_message(self, format: str, *args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    host, port = server.server_address[:2]
    try:
        yield LocalServer(f"http://{host}:{port}", routes, seen, release)
    finally:
        release.set()
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


@pytest.fixture
def closed_port() -> int:
    """A localhost port with nothing listening on it."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])
