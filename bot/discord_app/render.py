"""The service's replies as Discord messages: embeds for briefs, plain text for the rest."""

from __future__ import annotations

import re

from bot.discord_app.embeds import OutgoingMessage, brief_messages, split_content
from bot.replies import AlreadyBriefed, BriefReply, ErrorReply, Reply, TextReply
from summarizer.render import render_markdown

#: The service's simple Markdown marks bold with single asterisks; Discord wants two.
_SINGLE_STAR_BOLD = re.compile(r"(?<![*\w])\*(?!\s)([^*\n]+?)(?<!\s)\*(?![*\w])")


def render_reply(reply: Reply) -> list[OutgoingMessage]:
    """One reply as the messages to send, in order, each within Discord's limits."""
    if isinstance(reply, BriefReply):
        return brief_messages(reply.brief)
    return text_messages(reply_text(reply))


def render_reply_as_text(reply: Reply) -> list[OutgoingMessage]:
    """The same reply without embeds, for channels where the bot may not embed."""
    if isinstance(reply, BriefReply):
        return text_messages(render_markdown(reply.brief))
    return render_reply(reply)


def reply_text(reply: AlreadyBriefed | TextReply | ErrorReply) -> str:
    if isinstance(reply, AlreadyBriefed):
        return already_briefed_text(reply)
    if isinstance(reply, ErrorReply):
        return f"⚠️ {discord_markdown(reply.text)}"
    return discord_markdown(reply.text)


def already_briefed_text(reply: AlreadyBriefed) -> str:
    source = quiet_link(reply.source)
    if reply.in_progress:
        return f"{source} was just posted here; its brief is on the way."
    where = f": {reply.earlier.reply_ref}" if reply.earlier.reply_ref else "."
    return f"{source} was already briefed in this channel{where}"


def quiet_link(source: str) -> str:
    """A link in angle brackets (Discord shows no preview of it); a file name as code."""
    return f"<{source}>" if source.startswith(("http://", "https://")) else f"`{source}`"


def text_messages(text: str) -> list[OutgoingMessage]:
    return [OutgoingMessage(content=piece) for piece in split_content(text)]


def discord_markdown(text: str) -> str:
    """``*bold*`` as ``**bold**``; `code` and the rest read the same on Discord."""
    return _SINGLE_STAR_BOLD.sub(r"**\1**", text)
