"""API keys, the listening-address rule, security headers, escaping and the fetch guard."""

from __future__ import annotations

import socket

import pytest
from click.testing import CliRunner

from flashpoint.api.security import (
    MIN_KEY_LENGTH,
    check_bind,
    is_loopback,
    key_digest,
    key_matches,
    load_api_keys,
)
from flashpoint.cli import cli
from flashpoint.errors import FetchError, ServeError
from flashpoint.ingest import guard
from flashpoint.ingest.fetch import fetch_url
from flashpoint.store import open_store
from tests.analysis.corpus import build
from tests.api.helpers import client, local_site


def test_key_file_is_checked_and_only_digests_are_kept(tmp_path):
    keys = tmp_path / "keys.txt"
    keys.write_text("# analysts\n\nfirst-key-abcdefghijkl\n  second-key-abcdefghij  \n")
    digests = load_api_keys(keys)
    assert digests == (key_digest("first-key-abcdefghijkl"), key_digest("second-key-abcdefghij"))
    assert key_matches("second-key-abcdefghij", digests)
    assert not key_matches("second-key-abcdefghi", digests)
    assert not key_matches("", digests) and not key_matches(None, digests)
    keys.write_text("short\n")
    with pytest.raises(ServeError, match=f"at least {MIN_KEY_LENGTH} characters") as info:
        load_api_keys(keys)
    assert "short" not in str(info.value).split(":", 2)[-1]  # the key itself is not echoed
    keys.write_text("# nothing\n")
    with pytest.raises(ServeError, match="holds no API key"):
        load_api_keys(keys)
    with pytest.raises(ServeError, match="cannot read"):
        load_api_keys(tmp_path / "missing.txt")


def test_only_loopback_may_listen_without_a_key():
    for host in ("127.0.0.1", "localhost", "::1", "127.0.0.2"):
        assert is_loopback(host)
        check_bind(host, has_keys=False)
    for host in ("0.0.0.0", "192.168.1.5", "::", "example.org"):
        assert not is_loopback(host)
        with pytest.raises(ServeError, match="without an API key"):
            check_bind(host, has_keys=False)
        check_bind(host, has_keys=True)


def test_serve_command_refuses_a_public_address_without_keys(tmp_path):
    result = CliRunner().invoke(cli, ["serve", "--host", "0.0.0.0", "--db", str(tmp_path / "x.db")])
    assert result.exit_code == 1
    assert "refusing to listen on 0.0.0.0 without an API key" in result.output
    keys = tmp_path / "keys.txt"
    keys.write_text("tiny\n")
    result = CliRunner().invoke(cli, ["serve", "--api-key-file", str(keys)])
    assert result.exit_code == 1 and "at least 16 characters" in result.output


@pytest.fixture
def db(tmp_path):
    url = f"sqlite:///{tmp_path / 'store.db'}"
    with open_store(url) as store:
        build(store)
    return url  # SQLite only: these check the app's behaviour, not the database's


def test_every_response_has_strict_headers(db):
    with client(db) as api:
        for path in ("/", "/events", "/v1/health", "/nope"):
            response = api.get(path)
            csp = response.headers["content-security-policy"]
            assert "default-src 'none'" in csp and "script-src" not in csp
            assert response.headers["x-content-type-options"] == "nosniff"
            assert response.headers["x-frame-options"] == "DENY"
        docs = api.get("/docs")
        assert "script-src 'self'" in docs.headers["content-security-policy"]
        assert "<script>" not in docs.text.replace("<script src=", "")  # no inline script
        assert api.get("/docs/assets/swagger-ui-bundle.js").status_code == 200


def test_loopback_servers_refuse_foreign_host_names(db):
    with client(db, trusted_hosts=("127.0.0.1", "localhost")) as api:
        assert api.get("/v1/health", headers={"host": "127.0.0.1:8000"}).status_code == 200
        assert api.get("/v1/health", headers={"host": "rebind.attacker.example"}).status_code == 400


@pytest.mark.parametrize(
    "address",
    ["127.0.0.1", "10.1.2.3", "172.16.0.1", "192.168.0.10", "169.254.169.254", "100.64.0.1",
     "0.0.0.0", "::1", "fe80::1", "fc00::1", "::ffff:127.0.0.1", "224.0.0.1"],
)  # fmt: skip
def test_fetch_guard_refuses_non_public_addresses(address):
    with pytest.raises(FetchError, match="refused to fetch"):
        guard.check_public_address(address, "host.example")


def test_fetch_guard_allows_public_addresses():
    for address in ("93.184.216.34", "2606:2800:220:1:248:1893:25c8:1946"):
        guard.check_public_address(address, "example.org")


@pytest.fixture
def redirector():
    """A loopback server whose / redirects to its own /secret."""
    routes = {"/secret": (200, {}, b"internal secret")}
    with local_site(routes) as site:
        routes["/"] = (302, {"Location": f"{site}/secret"}, b"")
        yield int(site.rsplit(":", 1)[1])


def test_guard_checks_the_resolved_address_and_every_redirect(redirector, monkeypatch):
    port = redirector
    real_getaddrinfo = socket.getaddrinfo

    def resolve(host, *args, **kwargs):  # "public.test" resolves to loopback (rebinding)
        return real_getaddrinfo("127.0.0.1" if host == "public.test" else host, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", resolve)
    with pytest.raises(FetchError, match="loopback"):
        fetch_url(f"http://public.test:{port}/secret", timeout=5, max_bytes=1000,
                  allow_private=False)  # fmt: skip

    # Let the first hop through (as if public.test were public): the redirect to 127.0.0.1
    # must still be refused.
    real_check = guard.check_public_address
    hops = []

    def check(address, host):
        hops.append(host)
        if host != "public.test":
            real_check(address, host)

    monkeypatch.setattr(guard, "check_public_address", check)
    with pytest.raises(FetchError, match="loopback"):
        fetch_url(f"http://public.test:{port}/", timeout=5, max_bytes=1000, allow_private=False)
    assert hops == ["public.test", "127.0.0.1"]
    body, _ = fetch_url(f"http://127.0.0.1:{port}/", timeout=5, max_bytes=1000)
    assert body == b"internal secret"  # the command line itself may fetch anything


@pytest.mark.parametrize("workers", ["1", "2"])
def test_the_serve_command_serves_and_keeps_its_keys(db, tmp_path, workers):
    """`flashpoint serve` as users start it: a real uvicorn process (or two, sharing the
    port), the key file honoured by every worker."""
    import os
    import signal
    import subprocess
    import sys
    import time

    import httpx

    from tests.api.helpers import KEY, free_port

    keys = tmp_path / "keys.txt"
    keys.write_text(KEY + "\n")
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "flashpoint", "serve", "--db", db, "--port", str(port),
         "--api-key-file", str(keys), "--workers", workers, "--log-level", "warning"],
        env={**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)},
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
    )  # fmt: skip
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            assert process.poll() is None, process.stdout.read().decode()
            try:
                health = httpx.get(base + "/v1/health", timeout=2)
                break
            except httpx.HTTPError:
                assert time.monotonic() < deadline, "serve did not start"
                time.sleep(0.2)
        assert health.json()["store"]["events"] == 9
        for _ in range(4):  # whichever worker answers, writes need the key
            refused = httpx.post(base + "/v1/articles", json={"text": "x"})
            assert refused.status_code == 401
        assert httpx.get(base + "/v1/health", headers={"host": "evil.example"}).status_code == 400
        if sys.platform.startswith("linux"):
            # Each worker listens on a socket of its own (api/workers.py), so the kernel
            # spreads connections over them rather than one worker accepting a burst.
            assert _listening_sockets(port) == int(workers)
    finally:
        process.terminate()
        # A clean stop: uvicorn re-raises the signal it stopped on; the workers' parent exits 0.
        assert process.wait(timeout=30) in (0, -signal.SIGTERM)
    if sys.platform.startswith("linux"):
        assert _listening_sockets(port) == 0  # no worker left behind


def _listening_sockets(port: int) -> int:
    """Sockets listening on ``port`` on this machine (Linux's /proc/net/tcp)."""
    from pathlib import Path

    count = 0
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        for line in Path(table).read_text().splitlines()[1:]:
            local, state = line.split()[1], line.split()[3]
            count += state == "0A" and int(local.rsplit(":", 1)[1], 16) == port
    return count


def test_serve_with_workers_reports_a_store_it_cannot_open_once(tmp_path):
    """The store is opened once before the workers start: one clear error, no traceback."""
    import subprocess
    import sys

    from tests.api.helpers import free_port

    result = subprocess.run(
        [sys.executable, "-m", "flashpoint", "serve", "--db", str(tmp_path / "no" / "x.db"),
         "--port", str(free_port()), "--workers", "2"],
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert result.returncode == 1
    assert "cannot create database" in result.stderr and "no folder" in result.stderr
    assert "Traceback" not in result.stderr
