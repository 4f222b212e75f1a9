"""The service's replies as Discord messages: embeds for briefs and digests, plain text
for the rest."""

from __future__ import annotations

import re

from bot.digest.render import MESSAGES_PER_DIGEST_MAX, render_digest_messages
from bot.discord_app.digest_embeds import digest_messages
from bot.discord_app.embeds import CONTENT_MAX, OutgoingMessage, brief_messages, split_content
from bot.replies import BriefReply, DigestReply, Reply
from bot.reply_text import reply_as_text
from summarizer.render import render_markdown

#: The service's simple Markdown marks bold with single asterisks; Discord wants two.
_SINGLE_STAR_BOLD = re.compile(r"(?<![*\w])\*(?!\s)([^*\n]+?)(?<!\s)\*(?![*\w])")


def render_reply(reply: Reply) -> list[OutgoingMessage]:
    """One reply as the messages to send, in order, each within Discord's limits."""
    if isinstance(reply, BriefReply):
        return brief_messages(reply.brief)
    if isinstance(reply, DigestReply):
        return digest_messages(reply.digest)
    return text_messages(discord_markdown(reply_as_text(reply).rstrip()))


def render_reply_as_text(reply: Reply) -> list[OutgoingMessage]:
    """The same reply without embeds, for channels where the bot may not embed."""
    if isinstance(reply, BriefReply):
        return text_messages(render_markdown(reply.brief).rstrip())
    if isinstance(reply, DigestReply):
        cap = MESSAGES_PER_DIGEST_MAX - 1  # the poster adds the Embed Links note
        pieces = render_digest_messages(reply.digest, CONTENT_MAX, cap)
        return [OutgoingMessage(content=piece) for piece in pieces]
    return render_reply(reply)


def text_messages(text: str) -> list[OutgoingMessage]:
    return [OutgoingMessage(content=piece) for piece in split_content(text)]


def discord_markdown(text: str) -> str:
    """``*bold*`` as ``**bold**``; `code` and the rest read the same on Discord."""
    return _SINGLE_STAR_BOLD.sub(r"**\1**", text)
