"""event dates as periods: events.event_date_end and date_precision, clusters.date_precision

Rows stored before this revision carried the story date for events the text dates to a month
or year, or to no date at all.  They keep their ``event_date`` (and get it as
``event_date_end``), but their ``date_precision`` stays NULL: that marks the articles
``flashpoint recode`` codes again to date them properly (store/recode.py).

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-28
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("events", sa.Column("event_date_end", sa.Date(), nullable=True))
    op.add_column("events", sa.Column("date_precision", sa.String(length=10), nullable=True))
    op.add_column("clusters", sa.Column("date_precision", sa.String(length=10), nullable=True))
    op.execute("UPDATE events SET event_date_end = event_date WHERE event_date IS NOT NULL")
    # A cluster was matched on single days; new reports join it only as day-precise events.
    op.execute("UPDATE clusters SET date_precision = 'day' WHERE first_date IS NOT NULL")


def downgrade() -> None:
    with op.batch_alter_table("clusters") as batch:
        batch.drop_column("date_precision")
    with op.batch_alter_table("events") as batch:
        batch.drop_column("date_precision")
        batch.drop_column("event_date_end")
