"""Stored facts the service and adapters share: who shared which link where, channel
settings, cached articles and briefs."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import Enum

from summarizer.types import Article, Brief


class ShareStatus(Enum):
    PENDING = "pending"  # the brief is being made
    BRIEFED = "briefed"  # the brief was posted
    FAILED = "failed"  # no brief (an error reply was posted); a new paste tries again
    DUPLICATE = "duplicate"  # a repeat within the dedupe window, answered "already briefed"


@dataclass(frozen=True)
class Share:
    """One link (or upload) posted in a channel, and where the bot answered it."""

    id: int
    platform: str
    channel: str
    user: str
    message_id: str
    #: The normalised URL, or ``sha256:<hex>`` of an upload's bytes.
    key: str
    #: The link as the user posted it; the file name for an upload.
    source: str
    shared_at: datetime
    status: ShareStatus
    #: The adapter's reference to the bot's reply (Slack ts, Discord jump URL), once posted.
    reply_ref: str | None = None


@dataclass(frozen=True)
class ShareDraft:
    """A share about to be recorded (no id yet)."""

    platform: str
    channel: str
    user: str
    message_id: str
    key: str
    source: str
    shared_at: datetime


@dataclass(frozen=True)
class ChannelSettings:
    """A channel's own choices; None means "the bot's default"."""

    auto_brief: bool | None = None
    sentences: int | None = None
    #: Briefs of a message go in a thread started on it (where replies are not threaded already).
    threads: bool = False


@dataclass(frozen=True)
class DedupeWindow:
    """A share repeats an earlier one in its channel if that one was briefed since
    ``briefed_since``, or is still being briefed and started since ``pending_since`` (a
    pending share older than that was cut off, e.g. by a restart, and does not count)."""

    briefed_since: datetime
    pending_since: datetime

    def covers(self, earlier: Share) -> bool:
        """Whether a new share of ``earlier``'s link is a repeat of it."""
        if earlier.status is ShareStatus.BRIEFED:
            return earlier.shared_at >= self.briefed_since
        if earlier.status is ShareStatus.PENDING:
            return earlier.shared_at >= self.pending_since
        return False


@dataclass(frozen=True)
class StoredArticle:
    article: Article
    #: When the article was read from its source (fetched, uploaded, pasted): its age.
    read_at: datetime


@dataclass(frozen=True)
class StoredBrief:
    """A brief and the time its article was read: a brief is as old as its article."""

    brief: Brief
    read_at: datetime
