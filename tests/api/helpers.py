"""Shared pieces of the API and dashboard tests: a test client over a store, a live server."""

from __future__ import annotations

import http.server
import socket
import threading
import time
from contextlib import contextmanager

from click.testing import CliRunner
from fastapi.testclient import TestClient

from flashpoint.api import ServeConfig, create_app
from flashpoint.api.security import key_digest
from flashpoint.cli import cli

KEY = "test-key-0123456789abcdef"


def client(db: str, **config) -> TestClient:
    keys = config.pop("keys", ())
    app = create_app(ServeConfig(db=db, api_key_digests=tuple(map(key_digest, keys)), **config))
    return TestClient(app, raise_server_exceptions=False)


def invoke(*args) -> str:
    result = CliRunner().invoke(cli, [str(a) for a in args], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.output


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextmanager
def live_server(config: ServeConfig):
    """A real uvicorn server on a free loopback port, in a thread, for the browser tests."""
    import uvicorn

    port = free_port()
    server = uvicorn.Server(
        uvicorn.Config(create_app(config), host="127.0.0.1", port=port, log_level="warning")
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("the test server did not start")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)


@contextmanager
def local_site(routes: dict[str, tuple[int, dict[str, str], bytes]]):
    """A tiny HTTP server on loopback answering ``routes`` (path -> status, headers, body)."""

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            status, headers, body = routes.get(self.path, (404, {}, b"missing"))
            self.send_response(status)
            for key, value in headers.items():
                self.send_header(key, value)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
