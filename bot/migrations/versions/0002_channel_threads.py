"""Channel settings: ``threads`` (brief a message in a thread started on it), off by default.

Revision ID: 0002
Revises: d001
Create Date: 2026-11-26
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "d001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("channel_settings") as table:
        table.add_column(
            sa.Column("threads", sa.Boolean, nullable=False, server_default=sa.false())
        )


def downgrade() -> None:
    with op.batch_alter_table("channel_settings") as table:
        table.drop_column("threads")
