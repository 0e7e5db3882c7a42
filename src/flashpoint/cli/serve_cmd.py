"""``flashpoint serve``: the HTTP API and the dashboard over the event store."""

from __future__ import annotations

import click

from .main import cli
from .options import coder_options, db_option


@cli.command("serve")
@db_option
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on; any but loopback needs --api-key-file.")  # fmt: skip
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True,
              help="Port to listen on.")  # fmt: skip
@click.option(
    "--api-key-file",
    type=click.Path(dir_okay=False),
    help="File of API keys, one a line: writes (POST /v1/articles) then need one, sent as "
    "`Authorization: Bearer KEY` or `X-API-Key: KEY`.",
)
@click.option(
    "--allow-private-urls",
    is_flag=True,
    help="Let POST /v1/code fetch URLs on private and loopback addresses (refused by default).",
)
@click.option(
    "--max-body",
    type=click.IntRange(1),
    help="Largest request body in bytes; bigger requests get 413 (default 32 MiB).",
)
@click.option(
    "--workers",
    type=click.IntRange(1),
    default=1,
    show_default=True,
    help="Server processes sharing the port (each opens the store and loads its own coder).",
)
@click.option(
    "--cache-mb",
    type=click.IntRange(0),
    default=64,
    show_default=True,
    help="Memory per server process for answers to repeated reads, kept until the store "
    "changes (0: keep none).",
)
@click.option("--preload", is_flag=True, help="Load the coder at start, not on first use.")
@click.option(
    "--log-level",
    type=click.Choice(["critical", "error", "warning", "info", "debug"]),
    default="info",
    show_default=True,
    help="Server log level.",
)
@coder_options
def serve_command(
    db: str | None,
    host: str,
    port: int,
    api_key_file: str | None,
    allow_private_urls: bool,
    max_body: int | None,
    workers: int,
    cache_mb: int,
    preload: bool,
    log_level: str,
    model: str | None,
    lexicons: tuple[str, ...],
) -> None:
    """Serve the HTTP API (/v1, OpenAPI at /openapi.json, docs at /docs, /metrics) and the
    dashboard (/) over the event store, until interrupted."""
    import importlib.util

    missing = [
        name
        for name in ("fastapi", "uvicorn", "jinja2", "prometheus_client")
        if importlib.util.find_spec(name) is None
    ]
    if missing:
        raise click.ClickException(
            f"flashpoint serve needs {', '.join(missing)}: pip install 'flashpoint[serve]'"
        )
    from ..api.serve import serve, serve_config

    config = serve_config(
        host=host,
        db=db,
        api_key_file=api_key_file,
        allow_private_urls=allow_private_urls,
        max_body=max_body,
        model=model,
        lexicons=lexicons,
        cache_mb=cache_mb,
    )
    click.echo(f"flashpoint: serving on http://{host}:{port} (Ctrl-C to stop)", err=True)
    serve(config, host=host, port=port, log_level=log_level, preload=preload, workers=workers)
