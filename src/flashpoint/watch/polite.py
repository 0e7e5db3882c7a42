"""Polite HTTP for a long-running poller: one client every request of ``flashpoint watch``
goes through.

- **Per host**: at most ``connections`` requests at once and at least ``interval`` seconds
  between the starts of two requests (longer when robots.txt asks for a Crawl-delay), so a
  feed of 50 links on one site is 50 requests spread out, not a burst.
- **Backoff**: a 429 or 503 with ``Retry-After`` (seconds or an HTTP date) pauses the host
  until then, for every request to it; the caller reschedules what failed.
- **robots.txt** is read (through this same client, once per host and day) before a page a
  feed *links to* is fetched; the feeds themselves are what the user named, so they are not
  checked, as a feed reader does not.
- Every request has the deadline and size limit of :func:`flashpoint.ingest.fetch.http_request`
  (and its http(s)-only redirects), and the configured User-Agent.

Waiting is done on a ``threading.Event``, so a stop request ends every wait at once.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import threading
import time
import urllib.parse
import urllib.robotparser
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from flashpoint.errors import FetchError
from flashpoint.ingest.fetch import HttpResponse, http_request
from flashpoint.ingest.guard import PrivateAddressError

__all__ = [
    "TRANSIENT_STATUSES",
    "Deferred",
    "HostLimiter",
    "PoliteClient",
    "Stopped",
    "Transient",
    "retry_after_seconds",
]

# Longest pause a Retry-After or a Crawl-delay can impose (a server asking for a week is
# asked again tomorrow).
MAX_PAUSE = 86400.0
MAX_CRAWL_DELAY = 60.0
ROBOTS_TTL = 86400.0
# Answers that say "not now" rather than "no": what failed is asked again later.
TRANSIENT_STATUSES = frozenset({408, 425, 429, 500, 502, 503, 504})


class Stopped(Exception):
    """The watcher is stopping: a wait for a host was abandoned."""


class Transient(FetchError):
    """A failure worth trying again later: no answer, or a 429/5xx answer."""

    def __init__(self, message: str, seconds: float | None = None):
        super().__init__(message)
        self.seconds = seconds  # how long the server asked us to wait (Retry-After)


class Deferred(Transient):
    """Not asked now: the host asked for a pause (Retry-After); ask again later."""


def retry_after_seconds(value: str | None, now: dt.datetime) -> float | None:
    """A Retry-After header (delay-seconds or an HTTP date) in seconds from ``now``."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return min(float(value), MAX_PAUSE)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=dt.UTC)
    return min(max(0.0, (when - now).total_seconds()), MAX_PAUSE)


@dataclass
class _Host:
    active: int = 0
    next_start: float = 0.0  # monotonic time before which no request may start
    paused_until: dt.datetime | None = None  # a Retry-After, on the watcher's clock
    delay: float = 0.0  # robots.txt Crawl-delay, when longer than the interval


class HostLimiter:
    """Per-host concurrency cap and minimum spacing of request starts (thread-safe), and
    the pauses hosts ask for.  Pauses are kept on ``clock``, the watcher's clock (which
    schedules the feeds too); spacing on the monotonic clock."""

    def __init__(
        self,
        *,
        interval: float,
        connections: int,
        stop: threading.Event,
        clock: Callable[[], dt.datetime] | None = None,
        monotonic: Callable[[], float] = time.monotonic,
    ):
        if connections < 1:
            raise ValueError("connections must be at least 1")
        self.interval = max(0.0, interval)
        self.connections = connections
        self._stop = stop
        self._clock = clock or _utcnow
        self._monotonic = monotonic
        self._hosts: dict[str, _Host] = {}
        self._changed = threading.Condition()

    def pause(self, host: str, seconds: float) -> None:
        """No request to ``host`` for ``seconds`` (a Retry-After)."""
        with self._changed:
            state = self._hosts.setdefault(host, _Host())
            until = self._clock() + dt.timedelta(seconds=seconds)
            state.paused_until = max(state.paused_until or until, until)

    def now(self) -> dt.datetime:
        return self._clock()

    def set_delay(self, host: str, seconds: float) -> None:
        with self._changed:
            self._hosts.setdefault(host, _Host()).delay = min(seconds, MAX_CRAWL_DELAY)

    def paused_for(self, host: str) -> float:
        """Seconds until ``host`` may be asked again after a Retry-After (0: now)."""
        with self._changed:
            state = self._hosts.get(host)
            if state is None or state.paused_until is None:
                return 0.0
            return max(0.0, (state.paused_until - self._clock()).total_seconds())

    def acquire(self, host: str) -> None:
        """Wait for a slot on ``host``; raises :class:`Stopped` if the watcher stops."""
        with self._changed:
            while True:
                if self._stop.is_set():
                    raise Stopped
                state = self._hosts.setdefault(host, _Host())
                now = self._monotonic()
                start = state.next_start
                if state.active < self.connections and now >= start:
                    state.active += 1
                    state.next_start = now + max(self.interval, state.delay)
                    return
                # Woken early by a release or a stop; the Event is polled in small steps so
                # a stop set from a signal handler is seen without a notify.
                wait = start - now if state.active < self.connections else 0.25
                self._changed.wait(timeout=min(max(wait, 0.001), 0.25))

    def release(self, host: str) -> None:
        with self._changed:
            self._hosts[host].active -= 1
            self._changed.notify_all()


@dataclass
class _Robots:
    parser: urllib.robotparser.RobotFileParser | None  # None: everything allowed
    fetched: float
    disallow_all: bool = False


@dataclass
class PoliteClient:
    """GETs through the host limiter, with the User-Agent, limits and robots.txt."""

    user_agent: str
    timeout: float
    max_bytes: int
    limiter: HostLimiter
    monotonic: Callable[[], float] = time.monotonic
    _robots: dict[str, _Robots] = field(default_factory=dict)
    _robots_lock: threading.Lock = field(default_factory=threading.Lock)
    _host_locks: dict[str, threading.Lock] = field(default_factory=dict)

    def get(
        self, url: str, headers: Mapping[str, str] | None = None, *, allow_private: bool = True
    ) -> HttpResponse:
        """One GET of ``url`` (waiting for its host's turn); a 429/503 with Retry-After
        pauses the host.  Raises FetchError when no answer came (PrivateAddressError when
        ``allow_private`` is False and the host is not public, redirects included),
        :class:`Deferred` while the host is paused, :class:`Stopped` when the watcher stops."""
        host = _host_key(url)
        paused = self.limiter.paused_for(host)
        if paused > 0:
            raise Deferred(f"{host} asked for a pause (Retry-After); {paused:.0f} s left", paused)
        self.limiter.acquire(host)
        try:
            response = http_request(
                url,
                timeout=self.timeout,
                max_bytes=self.max_bytes,
                allow_private=allow_private,
                headers={"User-Agent": self.user_agent, **(headers or {})},
            )
        finally:
            self.limiter.release(host)
        if response.status in (429, 503):
            wait = retry_after_seconds(response.headers.get("Retry-After"), self.limiter.now())
            if wait:
                self.limiter.pause(host, wait)
        return response

    def allowed(self, url: str, *, allow_private: bool = True) -> bool:
        """Whether robots.txt of ``url``'s site lets this User-Agent fetch it.

        As RFC 9309 says: no robots.txt (404 and other 4xx) allows everything; 401/403 allow
        nothing (as Python's robotparser, erring towards politeness).  A robots.txt that
        cannot be read now (no answer, 5xx, the host paused) allows nothing *for now*: it
        raises :class:`Transient`, so the page is asked for again later."""
        site = _site(url)
        with self._robots_lock:
            lock = self._host_locks.setdefault(site, threading.Lock())
        with lock:  # one robots.txt request per site, however many threads ask
            robots = self._robots.get(site)
            if robots is None or self.monotonic() - robots.fetched > ROBOTS_TTL:
                robots = self._read_robots(site, allow_private)
                self._robots[site] = robots
        if robots.disallow_all:
            return False
        if robots.parser is None:
            return True
        return robots.parser.can_fetch(self.user_agent, url)

    def _read_robots(self, site: str, allow_private: bool) -> _Robots:
        now = self.monotonic()
        try:
            response = self.get(site + "/robots.txt", allow_private=allow_private)
        except (Transient, PrivateAddressError):
            raise
        except FetchError as exc:
            raise Transient(
                f"{site}/robots.txt could not be read ({exc}); will try again"
            ) from None
        if response.status in (401, 403):
            return _Robots(None, now, disallow_all=True)
        if 400 <= response.status < 500:
            return _Robots(None, now)
        if response.status != 200:
            raise Transient(
                f"{site}/robots.txt answered HTTP {response.status}; will try again",
                retry_after_seconds(response.headers.get("Retry-After"), self.limiter.now()),
            )
        parser = urllib.robotparser.RobotFileParser(site + "/robots.txt")
        parser.parse(response.body.decode("utf-8", errors="replace").splitlines())
        delay = parser.crawl_delay(self.user_agent)
        if delay:
            self.limiter.set_delay(_host_key(site), float(delay))
        return _Robots(parser, now)


def _site(url: str) -> str:
    parts = urllib.parse.urlsplit(url)
    return f"{parts.scheme.lower()}://{parts.netloc.lower()}"


def _host_key(url: str) -> str:
    """The host whose limits a request to ``url`` counts against (port included)."""
    return urllib.parse.urlsplit(url).netloc.lower()


def _utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC)
