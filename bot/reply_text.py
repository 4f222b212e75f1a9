"""Replies as plain text: the console channel's output, and a fallback for any adapter."""

from __future__ import annotations

from bot.digest.render import render_digest_text
from bot.replies import AlreadyBriefed, BriefReply, DigestReply, ErrorReply, Reply, TextReply
from summarizer.render import render_text


def reply_as_text(reply: Reply) -> str:
    """The reply for a terminal; ends with a newline."""
    match reply:
        case BriefReply(brief):
            return render_text(brief)
        case AlreadyBriefed():
            return already_briefed_text(reply) + "\n"
        case ErrorReply(text):
            return f"⚠ {text}\n"
        case TextReply(text):
            return text + "\n"
        case DigestReply(digest):
            return render_digest_text(digest)


def already_briefed_text(reply: AlreadyBriefed) -> str:
    if reply.in_progress:
        return f"{reply.source} was just posted here; its brief is on the way."
    earlier = reply.earlier
    when = earlier.shared_at.strftime("%Y-%m-%d %H:%M UTC")
    where = f" ({earlier.reply_ref})" if earlier.reply_ref else ""
    return f"Already briefed in this channel on {when}{where}: {reply.source}"
