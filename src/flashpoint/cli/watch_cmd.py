"""``flashpoint watch``: poll feeds and sitemaps into the store until stopped; alert rules."""

from __future__ import annotations

import logging
import signal
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import click

from .main import _NoteHandler, cli
from .options import coder_options, db_option, window_option
from .terminal import printable


def _duration(ctx: click.Context, param: click.Parameter, value: str | None) -> float | None:
    from ..durations import parse_duration

    if value is None:
        return None
    if param.name == "host_interval" and value.strip() in ("0", "0s"):
        return 0.0  # no spacing (a host of your own)
    try:
        return parse_duration(value)
    except ValueError as exc:
        raise click.BadParameter(str(exc)) from None


class _TextLines(logging.Formatter):
    """``flashpoint: watch: MESSAGE``, control characters escaped (feeds are untrusted)."""

    def format(self, record: logging.LogRecord) -> str:
        return f"flashpoint: watch: {printable(record.getMessage())}"


@contextmanager
def _logs(log_format: str, level: str) -> Iterator[None]:
    """Send the watcher's log to stderr as text or JSON lines, for the command's duration."""
    from ..watch.logs import JsonLinesFormatter

    formatter = JsonLinesFormatter() if log_format == "json" else _TextLines()
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(formatter)
    watch_log, root = logging.getLogger("flashpoint.watch"), logging.getLogger("flashpoint")
    saved = (list(watch_log.handlers), watch_log.level, watch_log.propagate, list(root.handlers))
    watch_log.handlers = [handler]
    watch_log.setLevel(level.upper())
    watch_log.propagate = False
    if log_format == "json":
        # Library notes (a repaired byte, a cut field) as JSON lines too, not text.
        notes = logging.StreamHandler(sys.stderr)
        notes.setFormatter(formatter)
        notes.setLevel(logging.WARNING)
        root.handlers = [h for h in root.handlers if not isinstance(h, _NoteHandler)] + [notes]
    try:
        yield
    finally:
        watch_log.handlers, root.handlers = saved[0], saved[3]
        watch_log.setLevel(saved[1])
        watch_log.propagate = saved[2]


@contextmanager
def _stop_on_signals(stop: threading.Event) -> Iterator[None]:
    """SIGTERM and SIGINT ask the watcher to stop (it finishes the articles in hand); a
    second one stops at once (each article is one transaction, so that is safe too)."""

    def ask(signum: int, _frame: Any) -> None:
        if stop.is_set():
            raise KeyboardInterrupt
        stop.set()
        name = signal.Signals(signum).name
        logging.getLogger("flashpoint.watch").info(
            f"{name}: stopping after the current articles (again to stop at once)",
            extra={"fp_event": "signal", "fp_fields": {"signal": name}},
        )

    previous = {sig: signal.signal(sig, ask) for sig in (signal.SIGTERM, signal.SIGINT)}
    try:
        yield
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)


@cli.command("watch")
@click.argument("feeds", nargs=-1, required=True)
@db_option
@click.option("--every", default="15m", show_default=True, callback=_duration, metavar="DURATION",
              help="Time between two polls of a feed: 30s, 15m, 1h.")  # fmt: skip
@click.option(
    "--fetch-links",
    is_flag=True,
    help="Fetch the page each feed entry links to and code it, instead of the entry's text.",
)
@click.option(
    "--allow-private-links",
    is_flag=True,
    help="Fetch links to private and loopback addresses on other hosts than the feed's.",
)
@click.option("--alerts", "alerts_file", type=click.Path(dir_okay=False),
              help="Alert rules (TOML), evaluated after each poll; see docs/watch.md.")  # fmt: skip
@click.option("--user-agent", help="User-Agent of every request (default: flashpoint's).")
@click.option("--host-interval", default="1s", show_default=True, callback=_duration,
              metavar="DURATION",
              help="Least time between the starts of two requests to one host.")  # fmt: skip
@click.option("--host-connections", type=click.IntRange(1), default=2, show_default=True,
              help="Requests to one host at once.")  # fmt: skip
@click.option("--workers", type=click.IntRange(1), default=4, show_default=True,
              help="Requests at once overall (feeds and pages together).")  # fmt: skip
@click.option("--timeout", callback=_duration, metavar="DURATION",
              help="Deadline per request (default FLASHPOINT_FETCH_TIMEOUT: 20s).")  # fmt: skip
@click.option("--max-items", type=click.IntRange(1), default=100, show_default=True,
              help="New or changed items taken per feed per poll (the rest later).")  # fmt: skip
@click.option("--once", is_flag=True,
              help="Poll every feed once (due or not), evaluate the rules, exit.")  # fmt: skip
@click.option("--log-format", type=click.Choice(["text", "json"]), default="text",
              show_default=True, help="Logs on stderr: text lines, or JSON Lines.")  # fmt: skip
@click.option("--log-level", type=click.Choice(["debug", "info", "warning", "error"]),
              default="info", show_default=True, help="Least level logged.")  # fmt: skip
@click.option("--metrics-port", type=click.IntRange(0, 65535),
              help="Serve the counters (Prometheus) at http://HOST:PORT/metrics.")  # fmt: skip
@click.option("--metrics-host", default="127.0.0.1", show_default=True,
              help="Address for --metrics-port.")  # fmt: skip
@window_option
@click.option("--batch-size", type=click.IntRange(1), default=1, show_default=True,
              help="Articles coded together (a stop finishes at most these).")  # fmt: skip
@coder_options
def watch_command(
    feeds: tuple[str, ...],
    db: str | None,
    every: float,
    fetch_links: bool,
    allow_private_links: bool,
    alerts_file: str | None,
    user_agent: str | None,
    host_interval: float,
    host_connections: int,
    workers: int,
    timeout: float | None,
    max_items: int,
    once: bool,
    log_format: str,
    log_level: str,
    metrics_port: int | None,
    metrics_host: str,
    window: int | None,
    batch_size: int,
    model: str | None,
    lexicons: tuple[str, ...],
) -> None:
    """Poll FEEDS (files of RSS/Atom feed and sitemap URLs, one a line, or URLs) every
    --every, ingest new and changed items into the store, and evaluate --alerts after each
    poll, until SIGTERM or Ctrl-C (which finish the current articles first).

    Feed state (validators, schedule, items seen) is kept in the store, so a restart
    resumes where the last run stopped.
    """
    from .. import CODER_VERSION, get_coder
    from ..alerts import load_rules
    from ..store import open_store
    from ..store.writer import dedupe_window
    from ..watch import DEFAULT_USER_AGENT, Watcher, WatchOptions, read_feed_list

    # Everything that can be wrong with the command is found before the model loads.
    urls = read_feed_list(feeds)
    rules = load_rules(alerts_file) if alerts_file else None
    window = dedupe_window(window)
    options = WatchOptions(
        every=every,
        fetch_links=fetch_links,
        allow_private_links=allow_private_links,
        user_agent=user_agent or DEFAULT_USER_AGENT,
        host_interval=host_interval,
        host_connections=host_connections,
        workers=workers,
        timeout=timeout,
        max_items=max_items,
        window=window,
        batch_size=batch_size,
    )
    if metrics_port is not None:
        from ..metrics import available

        if not available():
            raise click.ClickException(
                "--metrics-port needs prometheus_client: pip install 'flashpoint[serve]'"
            )
    stop = threading.Event()
    with _logs(log_format, log_level), open_store(db) as store:
        coder = get_coder(model, lexicons)
        if metrics_port is not None:
            from prometheus_client import start_http_server

            start_http_server(metrics_port, addr=metrics_host)
        watcher = Watcher(store, urls, coder, coder_version=CODER_VERSION, options=options,
                          rules=rules, stop=stop)  # fmt: skip
        with _stop_on_signals(stop):
            if once:  # the cycle's summary is logged
                report = watcher.poll_once(every_feed=True)
                if report.failed_feeds or report.failed_items:
                    sys.exit(1)
                return
            watcher.run()
