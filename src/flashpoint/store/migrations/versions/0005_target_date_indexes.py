"""the target side indexed with the dates, as the source side is: (target_code, event_date)
and (target_country, event_date) in place of target_code and target_country alone

A listing filtered by an actor and a period ("events involving RUS in March") asks the
indexes for events whose source *or* target is the actor, within the dates.  The source side
was answered by ix_events_dyad and ix_events_countries, which lead with the source and carry
the date; the target side only by indexes of the target alone, so PostgreSQL read every event
ever coded with that target (or walked ix_events_dyad whole) to keep those of the period:
12 ms of a 105,000-event store's listing against 1.7 ms with the date in the index.  An index
that leads with the target still answers every filter on the target alone.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-06
"""

from __future__ import annotations

from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_events_target_dates", "events", ["target_code", "event_date"])
    op.create_index("ix_events_target_country_dates", "events", ["target_country", "event_date"])
    op.drop_index("ix_events_target_code", table_name="events")
    op.drop_index("ix_events_target_country", table_name="events")


def downgrade() -> None:
    op.create_index("ix_events_target_code", "events", ["target_code"])
    op.create_index("ix_events_target_country", "events", ["target_country"])
    op.drop_index("ix_events_target_dates", table_name="events")
    op.drop_index("ix_events_target_country_dates", table_name="events")
