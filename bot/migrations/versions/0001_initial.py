"""Initial schema: articles, briefs, shares, channel settings, processed events.

Revision ID: 0001
Revises:
Create Date: 2026-11-26
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from bot.storage.tables import UTCDateTime

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "articles",
        sa.Column("key", sa.String(2048), nullable=False),
        sa.Column("article", sa.JSON, nullable=False),
        sa.Column("stored_at", UTCDateTime, nullable=False),
        sa.PrimaryKeyConstraint("key", name="pk_articles"),
    )
    op.create_table(
        "briefs",
        sa.Column("id", sa.Integer, nullable=False),
        sa.Column("article_key", sa.String(2048), nullable=False),
        sa.Column("sentences", sa.Integer, nullable=False),
        sa.Column("algorithm", sa.String(64), nullable=False),
        sa.Column("format_version", sa.Integer, nullable=False),
        sa.Column("brief", sa.JSON, nullable=False),
        sa.Column("created_at", UTCDateTime, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_briefs"),
        sa.ForeignKeyConstraint(
            ["article_key"], ["articles.key"],
            name="fk_briefs_article_key_articles", ondelete="CASCADE",
        ),
        sa.UniqueConstraint(
            "article_key", "sentences", "algorithm",
            name="uq_briefs_article_key_sentences_algorithm",
        ),
    )  # fmt: skip
    _create_shares()
    op.create_table(
        "channel_settings",
        sa.Column("platform", sa.String(32), nullable=False),
        sa.Column("channel", sa.String(255), nullable=False),
        sa.Column("auto_brief", sa.Boolean, nullable=True),
        sa.Column("sentences", sa.Integer, nullable=True),
        sa.Column("updated_at", UTCDateTime, nullable=False),
        sa.PrimaryKeyConstraint("platform", "channel", name="pk_channel_settings"),
    )
    op.create_table(
        "processed_events",
        sa.Column("platform", sa.String(32), nullable=False),
        sa.Column("event_key", sa.String(526), nullable=False),
        sa.Column("received_at", UTCDateTime, nullable=False),
        sa.PrimaryKeyConstraint("platform", "event_key", name="pk_processed_events"),
    )
    op.create_index("ix_processed_events_received_at", "processed_events", ["received_at"])


def _create_shares() -> None:
    op.create_table(
        "shares",
        sa.Column("id", sa.Integer, nullable=False),
        sa.Column("platform", sa.String(32), nullable=False),
        sa.Column("channel", sa.String(255), nullable=False),
        sa.Column("user", sa.String(255), nullable=False),
        sa.Column("message_id", sa.String(255), nullable=False),
        sa.Column("article_key", sa.String(2048), nullable=False),
        sa.Column("source", sa.Text, nullable=False),
        sa.Column("shared_at", UTCDateTime, nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("reply_ref", sa.Text, nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_shares"),
    )
    op.create_index(
        "ix_shares_platform_channel_article_key_shared_at",
        "shares", ["platform", "channel", "article_key", "shared_at"],
    )  # fmt: skip
    op.create_index(
        "ix_shares_platform_channel_shared_at", "shares", ["platform", "channel", "shared_at"]
    )


def downgrade() -> None:
    for table in ("processed_events", "channel_settings", "shares", "briefs", "articles"):
        op.drop_table(table)
