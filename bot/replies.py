"""What the service asks an adapter to post: plain data the adapter renders.

The service calls the adapter's :data:`Poster` once per reply, in order; the
poster renders the reply (Block Kit, embeds, terminal text) and sends it,
answering in the event's thread when ``ChatEvent.replies_in_thread``. It returns
the adapter's reference to the posted message (Slack ts, Discord jump URL) or
None, which the service stores so a later "already briefed" reply can point at it.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass

from bot.digest.stories import Digest
from bot.records import Share
from summarizer.types import Brief


@dataclass(frozen=True)
class BriefReply:
    brief: Brief
    #: What was briefed as the user gave it: the link, a file name, or "pasted text".
    source: str
    #: Made earlier (in another channel, or before a restart) and taken from the cache.
    cached: bool = False
    private: bool = False
    #: Post it in a thread started on the user's message: the channel asked for that
    #: (``/newsbrief settings threads on``). Adapters whose replies are threads already
    #: (Slack) or that answer no channel message (interactions) ignore it.
    start_thread: bool = False


@dataclass(frozen=True)
class AlreadyBriefed:
    """The link was posted in this channel recently: point at the earlier brief."""

    source: str
    earlier: Share  # its ``reply_ref`` is the earlier brief (None while it is being made)
    in_progress: bool  # the earlier brief is still being made
    private: bool = False


@dataclass(frozen=True)
class TextReply:
    """Help, settings, confirmations: short text with simple Markdown (*bold*, `code`)."""

    text: str
    private: bool = False


@dataclass(frozen=True)
class ErrorReply:
    """Something could not be briefed; ``text`` says what went wrong, in one or two lines."""

    text: str
    #: A stable code: "no-article", "too-large", "timeout", "blocked", "not-found",
    #: "http-status", "unsupported-type", "fetch", "bad-input", "internal", ...
    reason: str
    source: str | None = None
    #: Commands and requests answer errors privately (ephemeral) where the platform can.
    private: bool = False


@dataclass(frozen=True)
class DigestReply:
    """A channel's digest: adapters render it natively (Block Kit, embeds), split over
    several messages where their limits ask for it; others post its plain text."""

    digest: Digest
    private: bool = False


Reply = BriefReply | AlreadyBriefed | TextReply | ErrorReply | DigestReply
#: Renders and sends one reply; returns a reference to the posted message, or None.
Poster = Callable[[Reply], Awaitable[str | None]]
