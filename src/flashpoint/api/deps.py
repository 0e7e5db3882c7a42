"""FastAPI dependencies: the open store, the coder, the API key check."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from fastapi import Request

from flashpoint.api.config import ServeConfig
from flashpoint.api.errors import ApiError
from flashpoint.api.security import key_matches
from flashpoint.store import Store

__all__ = ["coder", "get_config", "get_store", "require_write_key"]

# The coder (spaCy and its caches) is not safe to run from two threads at once; requests
# that code articles take turns (coding is CPU-bound, so little is lost).
_CODER_LOCK = threading.Lock()


def get_store(request: Request) -> Store:
    store: Store = request.app.state.store
    return store


def get_config(request: Request) -> ServeConfig:
    config: ServeConfig = request.app.state.config
    return config


def require_write_key(request: Request) -> None:
    """Writes need a key when keys are configured: ``Authorization: Bearer KEY`` or
    ``X-API-Key: KEY``."""
    config = get_config(request)
    if not config.writes_need_key:
        return
    presented = request.headers.get("x-api-key")
    auth = request.headers.get("authorization", "")
    if presented is None and auth[:7].lower() == "bearer ":
        presented = auth[7:].strip()
    if not key_matches(presented, config.api_key_digests):
        raise ApiError(
            401,
            "unauthorized",
            "this endpoint needs an API key: send it as `Authorization: Bearer KEY` "
            "or `X-API-Key: KEY`"
            if presented is None
            else "the API key is not valid",
        )


@contextmanager
def coder(config: ServeConfig) -> Iterator[Any]:
    """The shared coder for the configured model and lexicons, held for one request."""
    from flashpoint import get_coder

    with _CODER_LOCK:
        yield get_coder(config.model, config.lexicons)


def call_with_coder(config: ServeConfig, func: Callable[[Any], Any]) -> Any:
    with coder(config) as loaded:
        return func(loaded)
