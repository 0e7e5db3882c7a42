"""store_state.changes, a change counter the database raises on every write; an index on
events.target_code

``flashpoint serve`` caches answers until the store changes.  Telling that from the data
(counting events, the highest ids) costs a scan per request, and on PostgreSQL the highest id
can even miss a change (ids are handed out before commit, so a transaction can commit an id
below one already seen).  Instead, triggers on every stored table raise one counter, so any
write by any program (ingest, recode, another server) shows in one primary-key look-up.

- SQLite: a plain trigger per table and operation (writers take turns anyway).
- PostgreSQL: a deferred constraint trigger, which runs at commit, after the transaction's
  other locks are taken, and raises the counter once per transaction: concurrent writers
  then queue only for the moment of commit, and never deadlock on the counter.

``ix_events_target_code``: a filter on the target (``target=FRA``: a code prefix or the
country) was answered by a scan, as no index led with target_code.

Note for later revisions: on SQLite, ``batch_alter_table`` rebuilds a table and drops its
triggers; one that rebuilds these tables must create the triggers again (see
tests/store/test_changes.py, which checks them at head).

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-06
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

TABLES = ("articles", "events", "mentions", "clusters")
OPERATIONS = ("insert", "update", "delete")

_PG_FUNCTION = """
CREATE OR REPLACE FUNCTION flashpoint_count_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    -- Once per transaction: the setting is local to it and reverts at its end.
    IF current_setting('flashpoint.counted', true) IS DISTINCT FROM 'yes' THEN
        PERFORM set_config('flashpoint.counted', 'yes', true);
        UPDATE store_state SET changes = changes + 1 WHERE id = 1;
    END IF;
    RETURN NULL;
END
$$
"""


def upgrade() -> None:
    op.create_table(
        "store_state",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("changes", sa.BigInteger(), nullable=False),
        sa.CheckConstraint("id = 1", name=op.f("ck_store_state_single_row")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_store_state")),
    )
    op.execute("INSERT INTO store_state (id, changes) VALUES (1, 0)")
    op.create_index(op.f("ix_events_target_code"), "events", ["target_code"], unique=False)
    if op.get_bind().dialect.name == "postgresql":
        op.execute(_PG_FUNCTION)
        for table in TABLES:
            op.execute(
                f"CREATE CONSTRAINT TRIGGER flashpoint_changes_{table} "
                f"AFTER INSERT OR UPDATE OR DELETE ON {table} "
                "DEFERRABLE INITIALLY DEFERRED FOR EACH ROW "
                "EXECUTE FUNCTION flashpoint_count_change()"
            )
        return
    for table in TABLES:
        for operation in OPERATIONS:
            op.execute(
                f"CREATE TRIGGER flashpoint_changes_{table}_{operation} "
                f"AFTER {operation.upper()} ON {table} BEGIN "
                "UPDATE store_state SET changes = changes + 1 WHERE id = 1; END"
            )


def downgrade() -> None:
    op.drop_index(op.f("ix_events_target_code"), table_name="events")
    if op.get_bind().dialect.name == "postgresql":
        for table in TABLES:
            op.execute(f"DROP TRIGGER IF EXISTS flashpoint_changes_{table} ON {table}")
        op.execute("DROP FUNCTION IF EXISTS flashpoint_count_change()")
    else:
        for table in TABLES:
            for operation in OPERATIONS:
                op.execute(f"DROP TRIGGER IF EXISTS flashpoint_changes_{table}_{operation}")
    op.drop_table("store_state")
