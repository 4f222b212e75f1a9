"""The database schema as SQLAlchemy Core tables (portable: SQLite and PostgreSQL).

Changes go through a new Alembic migration in ``bot/migrations/versions``; this
module describes the schema the newest migration produces.
"""

from __future__ import annotations

from datetime import UTC, datetime

import sqlalchemy as sa
from sqlalchemy.engine import Dialect

#: Keys are URLs; 2,048 characters is the practical URL limit of browsers and fits an index.
KEY_LENGTH = 2048
ID_LENGTH = 255  # platform, channel, user and message ids
EVENT_KEY_LENGTH = 2 * ID_LENGTH + 16  # "message:<channel>:<message id>"

metadata = sa.MetaData(
    naming_convention={
        "ix": "ix_%(table_name)s_%(column_0_N_name)s",
        "uq": "uq_%(table_name)s_%(column_0_N_name)s",
        "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
        "pk": "pk_%(table_name)s",
    }
)


class UTCDateTime(sa.TypeDecorator[datetime]):
    """Aware datetimes in, aware UTC datetimes out, stored as naive UTC so SQLite
    (which keeps no zone) and PostgreSQL store the same thing."""

    impl = sa.DateTime(timezone=False)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to the database; pass an aware one")
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        return None if value is None else value.replace(tzinfo=UTC)


articles = sa.Table(
    "articles",
    metadata,
    sa.Column("key", sa.String(KEY_LENGTH), primary_key=True),  # normalised URL or sha256:...
    sa.Column("article", sa.JSON, nullable=False),
    # When the article was read from its source (fetched, uploaded); a newer read replaces it.
    sa.Column("stored_at", UTCDateTime, nullable=False),
)

briefs = sa.Table(
    "briefs",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column(
        "article_key",
        sa.String(KEY_LENGTH),
        sa.ForeignKey("articles.key", ondelete="CASCADE"),
        nullable=False,
    ),
    sa.Column("sentences", sa.Integer, nullable=False),
    sa.Column("algorithm", sa.String(64), nullable=False),  # "" is the library's default
    sa.Column("format_version", sa.Integer, nullable=False),
    sa.Column("brief", sa.JSON, nullable=False),
    sa.Column("created_at", UTCDateTime, nullable=False),
    # The ``stored_at`` of the article it was made from: a brief counts only while that
    # article is the stored one (spans index into its text).
    sa.Column("article_read_at", UTCDateTime, nullable=False),
    sa.UniqueConstraint("article_key", "sentences", "algorithm"),
)

shares = sa.Table(
    "shares",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("platform", sa.String(32), nullable=False),
    sa.Column("channel", sa.String(ID_LENGTH), nullable=False),
    sa.Column("user", sa.String(ID_LENGTH), nullable=False),
    sa.Column("message_id", sa.String(ID_LENGTH), nullable=False),
    sa.Column("article_key", sa.String(KEY_LENGTH), nullable=False),
    sa.Column("source", sa.Text, nullable=False),
    sa.Column("shared_at", UTCDateTime, nullable=False),
    sa.Column("status", sa.String(16), nullable=False),
    sa.Column("reply_ref", sa.Text, nullable=True),
    sa.Index(None, "platform", "channel", "shared_at"),
)

#: Which share answers for a link in a channel: one row per (platform, channel, key), so
#: of two processes recording the same link at once only one can take it (see
#: ``bot.storage.claims``).
share_claims = sa.Table(
    "share_claims",
    metadata,
    sa.Column("platform", sa.String(32), primary_key=True),
    sa.Column("channel", sa.String(ID_LENGTH), primary_key=True),
    sa.Column("article_key", sa.String(KEY_LENGTH), primary_key=True),
    sa.Column(
        "share_id", sa.Integer, sa.ForeignKey("shares.id", ondelete="CASCADE"), nullable=False
    ),
)

channel_settings = sa.Table(
    "channel_settings",
    metadata,
    sa.Column("platform", sa.String(32), primary_key=True),
    sa.Column("channel", sa.String(ID_LENGTH), primary_key=True),
    sa.Column("auto_brief", sa.Boolean, nullable=True),
    sa.Column("sentences", sa.Integer, nullable=True),
    sa.Column("updated_at", UTCDateTime, nullable=False),
    sa.Column("threads", sa.Boolean, nullable=False, server_default=sa.false()),
)

processed_events = sa.Table(
    "processed_events",
    metadata,
    sa.Column("platform", sa.String(32), primary_key=True),
    sa.Column("event_key", sa.String(EVENT_KEY_LENGTH), primary_key=True),
    sa.Column("received_at", UTCDateTime, nullable=False, index=True),
)
