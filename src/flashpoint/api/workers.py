"""``serve --workers N``: N server processes on one port, each with a listening socket of its own.

uvicorn's own workers share one listening socket, and a worker that wakes accepts every
connection waiting (asyncio accepts until the queue is empty).  Clients that open their
keep-alive connections together, as a dashboard's page or a load test does, then land
mostly on one worker, which does most of the work while the other idles: 26 of 32
connections on one of two workers, measured, and the p95 latency of a run depending on how
the connections happened to fall.  With SO_REUSEPORT each worker listens on its own socket
and the kernel spreads new connections over them by their address hash.  Where the option
does not balance (it does on Linux only) or the port is chosen by the system (0), uvicorn's
workers are used as before.
"""

from __future__ import annotations

import multiprocessing
import signal
import socket
import sys
from typing import Any

from flashpoint.errors import ServeError

__all__ = ["run_workers"]


def run_workers(count: int, host: str, port: int, log_level: str) -> None:
    """Serve the app ``serve`` configured (in the environment) from ``count`` processes until
    interrupted; the parent only starts and stops them."""
    import uvicorn

    if not sys.platform.startswith("linux") or not hasattr(socket, "SO_REUSEPORT") or not port:
        uvicorn.run(
            "flashpoint.api.serve:app_from_environment",
            factory=True,
            workers=count,
            host=host,
            port=port,
            log_level=log_level,
            server_header=False,
        )
        return
    _listening_socket(host, port).close()  # a port in use is reported once, here
    context = multiprocessing.get_context("spawn")
    processes = [
        context.Process(target=_worker, args=(host, port, log_level), name=f"worker-{n}")
        for n in range(count)
    ]
    crashed = False

    def stop(*_: Any) -> None:
        for process in processes:
            if process.is_alive():
                process.terminate()  # uvicorn finishes the requests in flight, then exits

    previous = {sig: signal.signal(sig, stop) for sig in (signal.SIGINT, signal.SIGTERM)}
    try:
        for process in processes:
            process.start()
        while any(p.is_alive() for p in processes):
            for process in processes:
                process.join(0.5)
                if process.exitcode not in (None, 0, -signal.SIGTERM) and not crashed:
                    crashed = True  # one worker failed (at startup: the store...): stop all
                    stop()
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
    if crashed:
        raise ServeError("a server worker stopped unexpectedly; its error is printed above")


def _listening_socket(host: str, port: int) -> socket.socket:
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
    try:
        sock.bind((host, port))
    except OSError as exc:
        sock.close()
        raise ServeError(f"cannot listen on {host}:{port}: {exc.strerror}") from None
    sock.listen(2048)
    return sock


def _worker(host: str, port: int, log_level: str) -> None:
    import uvicorn

    from flashpoint.api.serve import app_from_environment

    sock = _listening_socket(host, port)
    config = uvicorn.Config(
        app_from_environment, factory=True, log_level=log_level, server_header=False
    )
    uvicorn.Server(config).run(sockets=[sock])
