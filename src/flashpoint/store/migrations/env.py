"""Alembic environment: run by flashpoint.store.database on every open (never by hand needed).

The caller passes an open connection in ``config.attributes["connection"]``; to use the
``alembic`` command instead, set ``sqlalchemy.url`` in your own alembic.ini.
"""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine

from flashpoint.store.schema import Base

config = context.config
target_metadata = Base.metadata


def _run(connection) -> None:  # type: ignore[no-untyped-def]
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


connection = config.attributes.get("connection")
if connection is not None:
    _run(connection)
else:
    engine = create_engine(config.get_main_option("sqlalchemy.url"))
    with engine.connect() as conn:
        _run(conn)
