"""initial schema: articles, events, mentions, clusters

Revision ID: 0001
Revises:
Create Date: 2026-11-25
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "articles",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("content_hash", sa.String(length=64), nullable=False),
        sa.Column("url_key", sa.String(length=2048), nullable=False),
        sa.Column("url", sa.String(length=2048), nullable=True),
        sa.Column("locator", sa.String(length=2048), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("is_current", sa.Boolean(), nullable=False),
        sa.Column("doc_id", sa.String(length=200), nullable=False),
        sa.Column("title", sa.Text(), nullable=True),
        sa.Column("publisher", sa.String(length=300), nullable=True),
        sa.Column("story_date", sa.Date(), nullable=True),
        sa.Column("date_source", sa.String(length=20), nullable=True),
        sa.Column("source", sa.Text(), nullable=True),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column(
            "skip_spans",
            sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql"),
            nullable=False,
        ),
        sa.Column("coder_version", sa.String(length=100), nullable=False),
        sa.Column("num_events", sa.Integer(), nullable=False),
        sa.Column("num_mentions", sa.Integer(), nullable=False),
        sa.Column("ingested_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("coded_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_articles")),
        sa.UniqueConstraint("content_hash", "url_key", name="uq_articles_content"),
        sa.UniqueConstraint("locator", "version", name="uq_articles_version"),
    )
    op.create_index(op.f("ix_articles_coder_version"), "articles", ["coder_version"], unique=False)
    op.create_index(op.f("ix_articles_content_hash"), "articles", ["content_hash"], unique=False)
    op.create_index(op.f("ix_articles_doc_id"), "articles", ["doc_id"], unique=False)
    op.create_index(op.f("ix_articles_is_current"), "articles", ["is_current"], unique=False)
    op.create_index(op.f("ix_articles_publisher"), "articles", ["publisher"], unique=False)
    op.create_index(op.f("ix_articles_story_date"), "articles", ["story_date"], unique=False)
    op.create_table(
        "clusters",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("source_key", sa.String(length=50), nullable=True),
        sa.Column("target_key", sa.String(length=50), nullable=True),
        sa.Column("source_code", sa.String(length=50), nullable=True),
        sa.Column("target_code", sa.String(length=50), nullable=True),
        sa.Column("cameo_code", sa.String(length=8), nullable=False),
        sa.Column("cameo_base", sa.String(length=3), nullable=False),
        sa.Column("cameo_root", sa.String(length=2), nullable=False),
        sa.Column("quad_class", sa.Integer(), nullable=False),
        sa.Column("goldstein", sa.Float(), nullable=False),
        sa.Column("polarity", sa.String(length=10), nullable=False),
        sa.Column("location_name", sa.String(length=300), nullable=True),
        sa.Column("location_country", sa.String(length=3), nullable=True),
        sa.Column("location_feature", sa.String(length=20), nullable=True),
        sa.Column("first_date", sa.Date(), nullable=True),
        sa.Column("last_date", sa.Date(), nullable=True),
        sa.Column("first_seen", sa.Date(), nullable=True),
        sa.Column("last_seen", sa.Date(), nullable=True),
        sa.Column("num_mentions", sa.Integer(), nullable=False),
        sa.Column("num_articles", sa.Integer(), nullable=False),
        sa.Column("num_sources", sa.Integer(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_clusters")),
    )
    op.create_index(op.f("ix_clusters_cameo_root"), "clusters", ["cameo_root"], unique=False)
    op.create_index(
        "ix_clusters_match",
        "clusters",
        ["source_key", "target_key", "cameo_base", "first_date"],
        unique=False,
    )
    op.create_table(
        "events",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("article_id", sa.Integer(), nullable=False),
        sa.Column("cluster_id", sa.Integer(), nullable=True),
        sa.Column("event_id", sa.String(length=64), nullable=False),
        sa.Column("coder_version", sa.String(length=100), nullable=False),
        sa.Column("source_code", sa.String(length=50), nullable=True),
        sa.Column("source_name", sa.String(length=300), nullable=True),
        sa.Column("source_country", sa.String(length=3), nullable=True),
        sa.Column("source_sector", sa.String(length=20), nullable=True),
        sa.Column("target_code", sa.String(length=50), nullable=True),
        sa.Column("target_name", sa.String(length=300), nullable=True),
        sa.Column("target_country", sa.String(length=3), nullable=True),
        sa.Column("target_sector", sa.String(length=20), nullable=True),
        sa.Column("cameo_code", sa.String(length=8), nullable=False),
        sa.Column("cameo_base", sa.String(length=3), nullable=False),
        sa.Column("cameo_root", sa.String(length=2), nullable=False),
        sa.Column("quad_class", sa.Integer(), nullable=False),
        sa.Column("goldstein", sa.Float(), nullable=False),
        sa.Column("plover_type", sa.String(length=50), nullable=True),
        sa.Column("plover_mode", sa.String(length=50), nullable=True),
        sa.Column("modality", sa.String(length=20), nullable=False),
        sa.Column("event_date", sa.Date(), nullable=True),
        sa.Column("location_name", sa.String(length=300), nullable=True),
        sa.Column("location_country", sa.String(length=3), nullable=True),
        sa.Column("lat", sa.Float(), nullable=True),
        sa.Column("lon", sa.Float(), nullable=True),
        sa.Column("geonameid", sa.Integer(), nullable=True),
        sa.Column("publisher", sa.String(length=300), nullable=True),
        sa.Column("confidence", sa.Float(), nullable=False),
        sa.Column("num_mentions", sa.Integer(), nullable=False),
        sa.Column(
            "record",
            sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql"),
            nullable=False,
        ),
        sa.ForeignKeyConstraint(
            ["article_id"],
            ["articles.id"],
            name=op.f("fk_events_article_id_articles"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["cluster_id"],
            ["clusters.id"],
            name=op.f("fk_events_cluster_id_clusters"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_events")),
        sa.UniqueConstraint("article_id", "event_id", name="uq_events_article_event"),
    )
    op.create_index(op.f("ix_events_article_id"), "events", ["article_id"], unique=False)
    op.create_index(op.f("ix_events_cameo_base"), "events", ["cameo_base"], unique=False)
    op.create_index(op.f("ix_events_cameo_code"), "events", ["cameo_code"], unique=False)
    op.create_index(op.f("ix_events_cameo_root"), "events", ["cameo_root"], unique=False)
    op.create_index(op.f("ix_events_cluster_id"), "events", ["cluster_id"], unique=False)
    op.create_index(op.f("ix_events_coder_version"), "events", ["coder_version"], unique=False)
    op.create_index(op.f("ix_events_confidence"), "events", ["confidence"], unique=False)
    op.create_index(
        "ix_events_countries",
        "events",
        ["source_country", "target_country", "event_date"],
        unique=False,
    )
    op.create_index(
        "ix_events_dyad", "events", ["source_code", "target_code", "event_date"], unique=False
    )
    op.create_index(op.f("ix_events_event_date"), "events", ["event_date"], unique=False)
    op.create_index(
        op.f("ix_events_location_country"), "events", ["location_country"], unique=False
    )
    op.create_index(op.f("ix_events_modality"), "events", ["modality"], unique=False)
    op.create_index(op.f("ix_events_plover_type"), "events", ["plover_type"], unique=False)
    op.create_index(op.f("ix_events_publisher"), "events", ["publisher"], unique=False)
    op.create_index(op.f("ix_events_quad_class"), "events", ["quad_class"], unique=False)
    op.create_index(op.f("ix_events_target_country"), "events", ["target_country"], unique=False)
    op.create_table(
        "mentions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("event_row_id", sa.Integer(), nullable=False),
        sa.Column("article_id", sa.Integer(), nullable=False),
        sa.Column("event_id", sa.String(length=64), nullable=False),
        sa.Column("sentence_index", sa.Integer(), nullable=False),
        sa.Column("evidence_text", sa.Text(), nullable=False),
        sa.Column("evidence_start", sa.Integer(), nullable=False),
        sa.Column("evidence_end", sa.Integer(), nullable=False),
        sa.Column("trigger_text", sa.Text(), nullable=False),
        sa.Column("trigger_start", sa.Integer(), nullable=False),
        sa.Column("trigger_end", sa.Integer(), nullable=False),
        sa.Column("cameo_code", sa.String(length=8), nullable=False),
        sa.Column("modality", sa.String(length=20), nullable=False),
        sa.Column("confidence", sa.Float(), nullable=False),
        sa.Column(
            "record",
            sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql"),
            nullable=False,
        ),
        sa.ForeignKeyConstraint(
            ["article_id"],
            ["articles.id"],
            name=op.f("fk_mentions_article_id_articles"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["event_row_id"],
            ["events.id"],
            name=op.f("fk_mentions_event_row_id_events"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_mentions")),
    )
    op.create_index(op.f("ix_mentions_article_id"), "mentions", ["article_id"], unique=False)
    op.create_index(op.f("ix_mentions_event_row_id"), "mentions", ["event_row_id"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_mentions_event_row_id"), table_name="mentions")
    op.drop_index(op.f("ix_mentions_article_id"), table_name="mentions")
    op.drop_table("mentions")
    op.drop_index(op.f("ix_events_target_country"), table_name="events")
    op.drop_index(op.f("ix_events_quad_class"), table_name="events")
    op.drop_index(op.f("ix_events_publisher"), table_name="events")
    op.drop_index(op.f("ix_events_plover_type"), table_name="events")
    op.drop_index(op.f("ix_events_modality"), table_name="events")
    op.drop_index(op.f("ix_events_location_country"), table_name="events")
    op.drop_index(op.f("ix_events_event_date"), table_name="events")
    op.drop_index("ix_events_dyad", table_name="events")
    op.drop_index("ix_events_countries", table_name="events")
    op.drop_index(op.f("ix_events_confidence"), table_name="events")
    op.drop_index(op.f("ix_events_coder_version"), table_name="events")
    op.drop_index(op.f("ix_events_cluster_id"), table_name="events")
    op.drop_index(op.f("ix_events_cameo_root"), table_name="events")
    op.drop_index(op.f("ix_events_cameo_code"), table_name="events")
    op.drop_index(op.f("ix_events_cameo_base"), table_name="events")
    op.drop_index(op.f("ix_events_article_id"), table_name="events")
    op.drop_table("events")
    op.drop_index("ix_clusters_match", table_name="clusters")
    op.drop_index(op.f("ix_clusters_cameo_root"), table_name="clusters")
    op.drop_table("clusters")
    op.drop_index(op.f("ix_articles_story_date"), table_name="articles")
    op.drop_index(op.f("ix_articles_publisher"), table_name="articles")
    op.drop_index(op.f("ix_articles_is_current"), table_name="articles")
    op.drop_index(op.f("ix_articles_doc_id"), table_name="articles")
    op.drop_index(op.f("ix_articles_content_hash"), table_name="articles")
    op.drop_index(op.f("ix_articles_coder_version"), table_name="articles")
    op.drop_table("articles")
