"""Run the app with uvicorn: what ``flashpoint serve`` does after parsing its options."""

from __future__ import annotations

from pathlib import Path

from flashpoint.api.config import ServeConfig
from flashpoint.api.security import check_bind, is_loopback, load_api_keys

__all__ = ["serve", "serve_config"]


def serve_config(
    *,
    host: str,
    db: str | None = None,
    api_key_file: str | Path | None = None,
    allow_private_urls: bool = False,
    max_body: int | None = None,
    model: str | None = None,
    lexicons: tuple[str, ...] = (),
) -> ServeConfig:
    """The checked configuration for listening on ``host`` (ServeError when it is unsafe)."""
    from flashpoint.api.config import DEFAULT_MAX_BODY

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
    )


def serve(
    config: ServeConfig,
    *,
    host: str = "127.0.0.1",
    port: int = 8000,
    log_level: str = "info",
    preload: bool = False,
) -> None:
    """Serve until interrupted.  ``preload`` loads the coder before the first request."""
    import uvicorn

    from flashpoint.api.app import create_app

    check_bind(host, config.writes_need_key)
    app = create_app(config)
    if preload:
        from flashpoint import get_coder

        get_coder(config.model, config.lexicons)
    uvicorn.run(app, host=host, port=port, log_level=log_level, server_header=False)
