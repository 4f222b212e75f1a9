"""Share claims (one answering share per link and channel, across processes); the article
text each cached brief was made from.

``share_claims`` starts with the newest briefed share of each link in each channel, so
links briefed before the upgrade are still "already briefed"; it replaces the index on
shares by link, which served only that lookup. ``briefs.article_read_at``
starts as the stored article's time: until now an article was never read again, so
every stored brief was made from the stored text.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-27
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from bot.storage.tables import UTCDateTime

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

SHARES_BY_LINK = "ix_shares_platform_channel_article_key_shared_at"
CLAIM_BRIEFED_SHARES = """
insert into share_claims (platform, channel, article_key, share_id)
select platform, channel, article_key, max(id) from shares
where status = 'briefed'
group by platform, channel, article_key
"""
BRIEFS_FROM_STORED_ARTICLES = """
update briefs set article_read_at =
    (select articles.stored_at from articles where articles.key = briefs.article_key)
"""


def upgrade() -> None:
    op.create_table(
        "share_claims",
        sa.Column("platform", sa.String(32), nullable=False),
        sa.Column("channel", sa.String(255), nullable=False),
        sa.Column("article_key", sa.String(2048), nullable=False),
        sa.Column("share_id", sa.Integer, nullable=False),
        sa.PrimaryKeyConstraint(
            "platform", "channel", "article_key", name="pk_share_claims"
        ),
        sa.ForeignKeyConstraint(
            ["share_id"], ["shares.id"],
            name="fk_share_claims_share_id_shares", ondelete="CASCADE",
        ),
    )  # fmt: skip
    op.execute(CLAIM_BRIEFED_SHARES)
    op.drop_index(SHARES_BY_LINK, "shares")
    with op.batch_alter_table("briefs") as table:
        table.add_column(sa.Column("article_read_at", UTCDateTime, nullable=True))
    op.execute(BRIEFS_FROM_STORED_ARTICLES)
    with op.batch_alter_table("briefs") as table:
        table.alter_column("article_read_at", existing_type=UTCDateTime, nullable=False)


def downgrade() -> None:
    op.create_index(SHARES_BY_LINK, "shares", ["platform", "channel", "article_key", "shared_at"])
    with op.batch_alter_table("briefs") as table:
        table.drop_column("article_read_at")
    op.drop_table("share_claims")
