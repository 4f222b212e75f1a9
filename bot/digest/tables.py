"""The digest's tables, in the bot's one MetaData (created by migration d001_digest).

``digest_jobs`` is APScheduler's SQLAlchemyJobStore table (its own layout: job id,
next run time as a UTC timestamp, pickled job state); the migration creates it so
every table comes from Alembic, and the job store finds it there.
"""

from __future__ import annotations

import sqlalchemy as sa

from bot.storage.tables import ID_LENGTH, KEY_LENGTH, UTCDateTime, metadata

HOLDER_LENGTH = 64  # a process's lease id: "host:pid:random"
JOBS_TABLE = "digest_jobs"

digest_channels = sa.Table(
    "digest_channels",
    metadata,
    sa.Column("platform", sa.String(32), primary_key=True),
    sa.Column("channel", sa.String(ID_LENGTH), primary_key=True),
    sa.Column("cadence", sa.String(16), nullable=True),  # None: no scheduled digest
    sa.Column("at_time", sa.String(5), nullable=True),  # "HH:MM", local
    sa.Column("timezone", sa.String(64), nullable=True),
    sa.Column("weekday", sa.Integer, nullable=True),
    sa.Column("stories", sa.Integer, nullable=True),  # None: the digest.stories setting
    sa.Column("empty_notice", sa.Boolean, nullable=False),
    sa.Column("updated_at", UTCDateTime, nullable=False),
)

digest_feeds = sa.Table(
    "digest_feeds",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("platform", sa.String(32), nullable=False),
    sa.Column("channel", sa.String(ID_LENGTH), nullable=False),
    sa.Column("url", sa.String(KEY_LENGTH), nullable=False),
    sa.Column("title", sa.Text, nullable=True),
    sa.Column("etag", sa.Text, nullable=True),
    sa.Column("last_modified", sa.Text, nullable=True),
    sa.Column("added_at", UTCDateTime, nullable=False),
    sa.Column("polled_at", UTCDateTime, nullable=True),
    sa.Column("ok_at", UTCDateTime, nullable=True),
    sa.Column("next_poll_at", UTCDateTime, nullable=False, index=True),
    sa.Column("failures", sa.Integer, nullable=False),
    sa.Column("last_error", sa.Text, nullable=True),
    sa.UniqueConstraint("platform", "channel", "url"),
)

digest_feed_items = sa.Table(
    "digest_feed_items",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column(
        "feed_id",
        sa.Integer,
        sa.ForeignKey("digest_feeds.id", ondelete="CASCADE"),
        nullable=False,
    ),
    sa.Column("url", sa.String(KEY_LENGTH), nullable=False),  # normalised
    sa.Column("title", sa.Text, nullable=False),
    sa.Column("summary", sa.Text, nullable=False),
    sa.Column("published_at", UTCDateTime, nullable=True),
    sa.Column("seen_at", UTCDateTime, nullable=False),
    sa.UniqueConstraint("feed_id", "url"),
    sa.Index(None, "feed_id", "seen_at"),
)

digest_runs = sa.Table(
    "digest_runs",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("platform", sa.String(32), nullable=False),
    sa.Column("channel", sa.String(ID_LENGTH), nullable=False),
    #: The scheduled time served (or the moment of a /digest now): one run per slot.
    sa.Column("slot", UTCDateTime, nullable=False),
    sa.Column("status", sa.String(16), nullable=False),
    sa.Column("stories", sa.Integer, nullable=False),
    sa.Column("holder", sa.String(HOLDER_LENGTH), nullable=False),
    sa.Column("created_at", UTCDateTime, nullable=False),
    sa.Column("finished_at", UTCDateTime, nullable=True),
    sa.UniqueConstraint("platform", "channel", "slot"),
)

digest_leases = sa.Table(
    "digest_leases",
    metadata,
    sa.Column("name", sa.String(64), primary_key=True),
    sa.Column("holder", sa.String(HOLDER_LENGTH), nullable=False),
    sa.Column("expires_at", UTCDateTime, nullable=False),
)

digest_jobs = sa.Table(
    JOBS_TABLE,
    metadata,
    sa.Column("id", sa.Unicode(191), primary_key=True),
    sa.Column("next_run_time", sa.Float(25), index=True),
    sa.Column("job_state", sa.LargeBinary, nullable=False),
)
