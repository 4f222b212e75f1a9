"""Share records to table rows and back."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from bot.records import Share, ShareDraft, ShareStatus


def draft_row(draft: ShareDraft) -> dict[str, Any]:
    row = asdict(draft)
    row["article_key"] = row.pop("key")
    return row


def share_from_row(row: Any) -> Share:
    return Share(
        id=row["id"],
        platform=row["platform"],
        channel=row["channel"],
        user=row["user"],
        message_id=row["message_id"],
        key=row["article_key"],
        source=row["source"],
        shared_at=row["shared_at"],
        status=ShareStatus(row["status"]),
        reply_ref=row["reply_ref"],
    )
