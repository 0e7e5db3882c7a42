"""Run the app with uvicorn: what ``flashpoint serve`` does after parsing its options."""

from __future__ import annotations

import dataclasses
import json
import os
from pathlib import Path
from typing import Any

from flashpoint.api.config import ServeConfig
from flashpoint.api.security import check_bind, is_loopback, load_api_keys

__all__ = ["app_from_environment", "serve", "serve_config"]

# How `serve --workers N` hands the configuration to its worker processes, each of which
# builds its own app (and opens its own connections to the store).  Only key digests travel.
_CONFIG_ENV = "FLASHPOINT_SERVE_CONFIG"


def serve_config(
    *,
    host: str,
    db: str | None = None,
    api_key_file: str | Path | None = None,
    allow_private_urls: bool = False,
    max_body: int | None = None,
    model: str | None = None,
    lexicons: tuple[str, ...] = (),
    cache_mb: int | None = None,
) -> ServeConfig:
    """The checked configuration for listening on ``host`` (ServeError when it is unsafe)."""
    from flashpoint.api.config import DEFAULT_CACHE_BYTES, DEFAULT_MAX_BODY

    digests = load_api_keys(api_key_file) if api_key_file else ()
    check_bind(host, bool(digests))
    # On loopback, only loopback names: a web page whose host name is made to resolve to
    # 127.0.0.1 (DNS rebinding) is then refused rather than read from.
    trusted = ("127.0.0.1", "localhost", "[::1]", "::1") if is_loopback(host) else None
    return ServeConfig(
        db=db,
        api_key_digests=digests,
        allow_private_urls=allow_private_urls,
        max_body=max_body or DEFAULT_MAX_BODY,
        model=model,
        lexicons=lexicons,
        trusted_hosts=trusted,
        cache_bytes=DEFAULT_CACHE_BYTES if cache_mb is None else cache_mb * 1024 * 1024,
    )


def serve(
    config: ServeConfig,
    *,
    host: str = "127.0.0.1",
    port: int = 8000,
    log_level: str = "info",
    preload: bool = False,
    workers: int = 1,
) -> None:
    """Serve until interrupted.  ``preload`` loads the coder before the first request;
    ``workers`` > 1 runs that many processes on the one port."""
    import uvicorn

    from flashpoint.api.app import create_app

    check_bind(host, config.writes_need_key)
    if workers > 1:
        from flashpoint.api.workers import run_workers
        from flashpoint.store import open_store

        # Opened (and migrated) once here, so a store that cannot be opened is one clear
        # error rather than a traceback from every worker.
        open_store(config.db).close()
        os.environ[_CONFIG_ENV] = _encode(config, preload)
        run_workers(workers, host, port, log_level)
        return
    app = create_app(config)
    if preload:
        _preload(config)
    _share_the_interpreter()
    uvicorn.run(app, host=host, port=port, log_level=log_level, server_header=False)


# How often a thread running Python hands the interpreter lock on (Python's default: 5 ms).
_SWITCH_INTERVAL = 0.001


def _share_the_interpreter() -> None:
    """Requests computed in threads share one interpreter lock; handing it on every 1 ms
    rather than 5 lets a short request (one event, a cached answer) finish between the
    slices of a long one (a dyad series).  Measured at 32 clients: ~15% more requests a
    second and a p95 10-15% lower (benchmarks/serve.py).  Set in server processes only."""
    import sys

    sys.setswitchinterval(_SWITCH_INTERVAL)


def _preload(config: ServeConfig) -> None:
    from flashpoint import get_coder

    get_coder(config.model, config.lexicons)


def _encode(config: ServeConfig, preload: bool) -> str:
    fields: dict[str, Any] = dataclasses.asdict(config)
    fields["api_key_digests"] = [d.hex() for d in config.api_key_digests]
    return json.dumps({"config": fields, "preload": preload})


def app_from_environment() -> Any:
    """The app of one worker process of ``serve --workers N``."""
    from flashpoint.api.app import create_app

    data = json.loads(os.environ[_CONFIG_ENV])
    fields = data["config"]
    fields["api_key_digests"] = tuple(bytes.fromhex(d) for d in fields["api_key_digests"])
    fields["lexicons"] = tuple(fields["lexicons"])
    if fields["trusted_hosts"] is not None:
        fields["trusted_hosts"] = tuple(fields["trusted_hosts"])
    config = ServeConfig(**fields)
    if data["preload"]:
        _preload(config)
    _share_the_interpreter()
    return create_app(config)
