"""Open the event store: a database URL (or a file path) to a migrated SQLAlchemy engine.

- A plain path or ``sqlite:///path`` is an embedded SQLite file, opened in WAL mode with
  foreign keys on, so a killed writer never leaves a half-written transaction behind and
  readers are not blocked while an ingest runs.
- ``postgresql://`` and ``postgres://`` URLs use the psycopg 3 driver.
- Alembic migrations run to head on every open, so an upgraded flashpoint upgrades the
  database it is pointed at; on PostgreSQL an advisory lock keeps concurrent opens in order.
"""

from __future__ import annotations

import json
import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import orjson
from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, DBAPIError
from sqlalchemy.orm import Session, sessionmaker

from flashpoint.errors import StoreError
from flashpoint.settings import get_setting
from flashpoint.store import fit

__all__ = ["Store", "database_file", "normalise_url", "open_store"]

MIGRATIONS = Path(__file__).with_name("migrations")
_MIGRATION_LOCK = 0x666C6173  # "flas": PostgreSQL advisory lock id for migrations
_migrate_lock = threading.Lock()


def normalise_url(db: str | None) -> str:
    """A SQLAlchemy URL for ``db``: a URL as given (postgresql → psycopg 3), a path → SQLite."""
    db = db or get_setting("db")
    if "://" not in db:
        return "sqlite:///" + os.path.abspath(os.path.expanduser(db))
    scheme, rest = db.split("://", 1)
    if scheme in ("postgresql", "postgres"):
        return "postgresql+psycopg://" + rest
    return db


def database_file(db: str | None) -> str | None:
    """The file holding the store ``db`` names (default FLASHPOINT_DB), or None for a server
    database or an in-memory one."""
    url = normalise_url(db)
    if not url.startswith("sqlite"):
        return None
    try:
        path = make_url(url).database
    except ArgumentError:
        return None
    return os.path.abspath(path) if path and path != ":memory:" else None


def _display(url: str) -> str:
    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return url


class Store:
    """An open event store.  ``session()`` gives a transaction; the engine is shared."""

    def __init__(self, url: str, engine: Engine):
        self.url = url
        self.engine = engine
        self._sessions = sessionmaker(engine, expire_on_commit=False)
        fit.install(self._sessions)  # every row fits its columns, on either engine
        # Reads on SQLite begin DEFERRED, so a long export never holds the write lock.  On
        # PostgreSQL a read sees one snapshot from its first statement to its last (as a
        # SQLite read transaction does), so what one statement learns about the store (no
        # article superseded; the ids of a page) still holds for the next.
        read_options: dict[str, Any] = {"flashpoint_read": True}
        if engine.dialect.name == "postgresql":
            read_options["isolation_level"] = "REPEATABLE READ"
        self._read_engine = engine.execution_options(**read_options)
        self._read_sessions = sessionmaker(self._read_engine, expire_on_commit=False)

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    @contextmanager
    def session(self, *, readonly: bool = False) -> Iterator[Session]:
        """A session inside one transaction: committed on success, rolled back on error.

        On SQLite a writing transaction takes the write lock when it begins (so it never
        fails halfway on a lock upgrade); ``readonly=True`` sessions take none."""
        factory = self._read_sessions if readonly else self._sessions
        with factory() as session, session.begin():
            yield session

    def changes(self) -> int:
        """The store's change counter: it rises with every committed write to its articles,
        events, mentions or clusters, by any program (triggers keep it; see schema.py), so
        an answer computed at one value holds while the counter stays there."""
        with self._read_engine.connect() as conn:
            value = conn.exec_driver_sql("SELECT changes FROM store_state WHERE id = 1").scalar()
        return int(value or 0)

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"Store({_display(self.url)!r})"


# Connections kept open by default: enough for a command's few threads.
_CONNECTIONS = 10


def open_store(
    db: str | None = None,
    *,
    migrate: bool = True,
    create: bool = True,
    connections: int = _CONNECTIONS,
) -> Store:
    """Open (creating and migrating as needed) the store at ``db`` (default: FLASHPOINT_DB).

    With ``create=False`` a SQLite file that does not exist yet is an error rather than a new,
    empty store (for commands that only read or rework stored articles).  ``connections``:
    how many connections the store keeps open for threads that use it at the same time (a
    server passes its request threads; more are opened when needed, and closed after)."""
    url = normalise_url(db)
    if not create and url.startswith("sqlite"):
        path = make_url(url).database
        if path and path != ":memory:" and not Path(path).exists():
            raise StoreError(
                f"no event store at {path}; run `flashpoint ingest` first, "
                "or point --db / FLASHPOINT_DB at your store"
            )
    try:
        engine = _engine(url, connections)
    except (ArgumentError, ImportError) as exc:
        raise StoreError(
            f"cannot open database {_display(url)!r}: {exc}; use a file path, "
            "sqlite:///path or postgresql://user:pass@host/db"
        ) from None
    try:
        if migrate:
            migrate_to_head(engine)
        else:
            with engine.connect() as conn:
                conn.execute(text("SELECT 1"))
    except DBAPIError as exc:  # unreachable, refused, or a file that is not a database
        engine.dispose()
        reason = " ".join(str(exc.orig).split()) if exc.orig else type(exc).__name__
        raise StoreError(
            f"cannot open database {_display(url)}: {reason}; check --db / FLASHPOINT_DB "
            "and that the server is running"
        ) from None
    return Store(url, engine)


def _engine(url: str, connections: int = _CONNECTIONS) -> Engine:
    # hide_parameters: a failed statement's message must never carry article text (or a
    # password) into a terminal or a log.
    if url.startswith("sqlite"):
        path = make_url(url).database
        if path and path != ":memory:":
            parent = Path(path).parent
            if not parent.is_dir():
                raise StoreError(f"cannot create database {path}: no folder {parent}")
        engine = create_engine(
            url,
            connect_args={"timeout": 60},
            hide_parameters=True,
            json_deserializer=_loads,
            # Connections are cheap but opening one runs the pragmas; keep those a busy
            # server's threads use rather than open and close them per request.
            pool_size=max(connections, 16),
            max_overflow=24,
        )
        event.listen(engine, "connect", _sqlite_pragmas)
        # pysqlite's own transaction handling defers BEGIN; emit it ourselves so a
        # transaction takes the write lock at its start and SAVEPOINTs work.
        event.listen(engine, "begin", _sqlite_begin)
        return engine
    return create_engine(
        url,
        pool_pre_ping=True,
        hide_parameters=True,
        json_deserializer=_loads,
        # A new PostgreSQL connection is a new server process, which warms its caches
        # again: a pool smaller than the threads using it opens and closes connections all
        # the time (919 in 20 s of a loaded server with 10 kept, 2.5 ms of PostgreSQL's CPU
        # per request against 1.4 with enough kept).
        pool_size=connections,
        max_overflow=10,
    )


def _loads(text: str | bytes) -> Any:
    """JSON columns (every event and mention record) as orjson reads them, several times
    faster than the json module; values it refuses (NaN, which json.dumps writes, or an
    integer past 64 bits) are read by the json module as before."""
    try:
        return orjson.loads(text)
    except orjson.JSONDecodeError:
        return json.loads(text)


def _sqlite_begin(conn) -> None:  # type: ignore[no-untyped-def]
    read = conn.get_execution_options().get("flashpoint_read", False)
    conn.exec_driver_sql("BEGIN" if read else "BEGIN IMMEDIATE")


def _sqlite_pragmas(dbapi_connection, _record) -> None:  # type: ignore[no-untyped-def]
    dbapi_connection.isolation_level = None  # autocommit at the driver; we issue BEGIN
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA busy_timeout=60000")
    cursor.close()


def migrate_to_head(engine: Engine) -> None:
    """Run the Alembic migrations shipped in this package up to the newest revision."""
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    with _migrate_lock, engine.begin() as conn:
        if conn.dialect.name == "postgresql":
            conn.execute(text("SELECT pg_advisory_xact_lock(:id)"), {"id": _MIGRATION_LOCK})
        config.attributes["connection"] = conn
        command.upgrade(config, "head")
