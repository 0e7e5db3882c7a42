"""Fixtures for the watch and alert tests: a local web server, a fake clock, a stub coder."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.watch.helpers import FakeClock, StubCoder, Web


@pytest.fixture
def web(monkeypatch: pytest.MonkeyPatch) -> Iterator[Web]:
    # Never route the test's requests through a proxy from the environment.
    for var in ("http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY", "all_proxy"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("no_proxy", "127.0.0.1,localhost")
    server = Web()
    try:
        yield server
    finally:
        server.close()


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def stub() -> StubCoder:
    return StubCoder()
