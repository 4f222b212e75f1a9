"""Digests: per-channel schedules, feeds and their items, runs, the lease, APScheduler's jobs.

Revision ID: d001
Revises: 0001
Create Date: 2026-11-26
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from bot.storage.tables import UTCDateTime

revision: str = "d001"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    _create_channels()
    _create_feeds()
    _create_runs()
    op.create_table(
        "digest_leases",
        sa.Column("name", sa.String(64), nullable=False),
        sa.Column("holder", sa.String(64), nullable=False),
        sa.Column("expires_at", UTCDateTime, nullable=False),
        sa.PrimaryKeyConstraint("name", name="pk_digest_leases"),
    )
    op.create_table(
        "digest_jobs",  # APScheduler 3's SQLAlchemyJobStore layout
        sa.Column("id", sa.Unicode(191), nullable=False),
        sa.Column("next_run_time", sa.Float(25), nullable=True),
        sa.Column("job_state", sa.LargeBinary, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_digest_jobs"),
    )
    op.create_index("ix_digest_jobs_next_run_time", "digest_jobs", ["next_run_time"])


def _create_channels() -> None:
    op.create_table(
        "digest_channels",
        sa.Column("platform", sa.String(32), nullable=False),
        sa.Column("channel", sa.String(255), nullable=False),
        sa.Column("cadence", sa.String(16), nullable=True),
        sa.Column("at_time", sa.String(5), nullable=True),
        sa.Column("timezone", sa.String(64), nullable=True),
        sa.Column("weekday", sa.Integer, nullable=True),
        sa.Column("stories", sa.Integer, nullable=True),
        sa.Column("empty_notice", sa.Boolean, nullable=False),
        sa.Column("updated_at", UTCDateTime, nullable=False),
        sa.PrimaryKeyConstraint("platform", "channel", name="pk_digest_channels"),
    )


def _create_feeds() -> None:
    op.create_table(
        "digest_feeds",
        sa.Column("id", sa.Integer, nullable=False),
        sa.Column("platform", sa.String(32), nullable=False),
        sa.Column("channel", sa.String(255), nullable=False),
        sa.Column("url", sa.String(2048), nullable=False),
        sa.Column("title", sa.Text, nullable=True),
        sa.Column("etag", sa.Text, nullable=True),
        sa.Column("last_modified", sa.Text, nullable=True),
        sa.Column("added_at", UTCDateTime, nullable=False),
        sa.Column("polled_at", UTCDateTime, nullable=True),
        sa.Column("ok_at", UTCDateTime, nullable=True),
        sa.Column("next_poll_at", UTCDateTime, nullable=False),
        sa.Column("failures", sa.Integer, nullable=False),
        sa.Column("last_error", sa.Text, nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_digest_feeds"),
        sa.UniqueConstraint(
            "platform", "channel", "url", name="uq_digest_feeds_platform_channel_url"
        ),
    )
    op.create_index("ix_digest_feeds_next_poll_at", "digest_feeds", ["next_poll_at"])
    op.create_table(
        "digest_feed_items",
        sa.Column("id", sa.Integer, nullable=False),
        sa.Column("feed_id", sa.Integer, nullable=False),
        sa.Column("url", sa.String(2048), nullable=False),
        sa.Column("title", sa.Text, nullable=False),
        sa.Column("summary", sa.Text, nullable=False),
        sa.Column("published_at", UTCDateTime, nullable=True),
        sa.Column("seen_at", UTCDateTime, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_digest_feed_items"),
        sa.ForeignKeyConstraint(
            ["feed_id"], ["digest_feeds.id"],
            name="fk_digest_feed_items_feed_id_digest_feeds", ondelete="CASCADE",
        ),
        sa.UniqueConstraint("feed_id", "url", name="uq_digest_feed_items_feed_id_url"),
    )  # fmt: skip
    op.create_index(
        "ix_digest_feed_items_feed_id_seen_at", "digest_feed_items", ["feed_id", "seen_at"]
    )


def _create_runs() -> None:
    op.create_table(
        "digest_runs",
        sa.Column("id", sa.Integer, nullable=False),
        sa.Column("platform", sa.String(32), nullable=False),
        sa.Column("channel", sa.String(255), nullable=False),
        sa.Column("slot", UTCDateTime, nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("stories", sa.Integer, nullable=False),
        sa.Column("holder", sa.String(64), nullable=False),
        sa.Column("created_at", UTCDateTime, nullable=False),
        sa.Column("finished_at", UTCDateTime, nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_digest_runs"),
        sa.UniqueConstraint(
            "platform", "channel", "slot", name="uq_digest_runs_platform_channel_slot"
        ),
    )


def downgrade() -> None:
    for table in (
        "digest_jobs",
        "digest_leases",
        "digest_runs",
        "digest_feed_items",
        "digest_feeds",
        "digest_channels",
    ):
        op.drop_table(table)
